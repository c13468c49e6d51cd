"""schema.org ClaimReview JSON-LD for claim pages, serialised so record text cannot end the <script>."""
from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from kb.models import Claim
from webui.present import VERDICTS

ORGANISATION = {"@type": "Organization", "name": "Evidence KB"}


def claim_review(claim: Claim, url: str, date_modified: str | None = None) -> dict[str, Any]:
    """`dateModified` is the latest verdict-history date or the last review, whichever is later."""
    badge = VERDICTS[claim.verdict]
    reviewed = claim.last_reviewed.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.statement.strip(),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": badge.rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": badge.label,
        },
        "itemReviewed": {
            "@type": "Claim",
            "name": claim.statement.strip(),
            "appearance": {"@type": "CreativeWork", "description": "Marketing copy for ketamine or esketamine treatment of postpartum depression"},
        },
        "datePublished": reviewed,
        "dateModified": date_modified or reviewed,
        "author": ORGANISATION,
        "publisher": ORGANISATION,
    }


def script_json(data: Any) -> Markup:
    """JSON safe inside <script type="application/ld+json">: <, > and & become \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)
