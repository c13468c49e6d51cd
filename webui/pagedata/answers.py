"""Answer cards: a claim's one-sentence answer, a topic's answer across its claims, and the rule that
decides when a search clearly targets one claim or one topic.

The cards are plain dicts, so the HTML page and its JSON twin carry exactly the same thing.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Iterable

from flask import url_for

from kb.models import Claim
from webui.present import VERDICTS, certainty_label

# A search targets one claim when the top hit is a claim scoring at least this many times the next hit.
CLAIM_LEAD = 1.25
# A search targets a topic when this many of the top claim hits (among the first TOPIC_WINDOW results)
# share that topic and the query names it (a word of the topic's label, description or question).
TOPIC_AGREEING, TOPIC_WINDOW = 3, 5
# A term found in more than this share of topics' texts does not single out a topic ("ketamine").
COMMON_TERM_SHARE = 1 / 3
STALE_AFTER_DAYS = 365
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def claim_answer(claim: Claim) -> str | None:
    """The claim's one-sentence answer; None while a record has none yet (the field is being added)."""
    answer = getattr(claim, "answer", None)
    return answer.strip() if isinstance(answer, str) and answer.strip() else None


def claim_card(claim: Claim) -> dict[str, Any]:
    return {
        "kind": "claim",
        "id": claim.id,
        "statement": claim.statement.strip(),
        "answer": claim_answer(claim),
        "verdict": claim.verdict,
        "verdict_label": VERDICTS[claim.verdict].label,
        "certainty": claim.certainty,
        "certainty_label": certainty_label(claim.certainty),
        "url": url_for("claims.claim", claim_id=claim.id, _external=True),
    }


def topic_card(topic: Any, claims: Iterable[Claim]) -> dict[str, Any]:
    """The topic's question answered across its claims: each claim's verdict and one-line answer."""
    return {
        "kind": "topic",
        "slug": topic.slug,
        "label": topic.label,
        "question": getattr(topic, "question", None) or topic.description,
        "answer": getattr(topic, "answer", None),  # the topic's own short answer, when curators wrote one
        "url": url_for("topics.topic", slug=topic.slug, _external=True),
        "claims": [claim_card(c) for c in claims],
    }


def topic_claims(kb: Any, slug: str) -> list[Claim]:
    """A topic's claims, those whose primary topic it is first."""
    return sorted((c for c in kb.claims.values() if slug in c.topics), key=lambda c: (c.primary_topic != slug, c.id))


# ---- which search targets one claim or one topic ---------------------------------------------------

@functools.lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    # Every search page tests each synonym term; more terms than re's own 512-entry cache holds, so
    # without this each request recompiled them (8% of a loaded server's time, py-spy).
    return re.compile(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])")


def _has_term(text: str, term: str) -> bool:
    return _term_pattern(term).search(text) is not None


def query_terms(query: str, synonyms: Iterable[Iterable[str]]) -> set[str]:
    """The query's words, plus every synonym of a word or phrase it contains (lower case)."""
    text = query.lower()
    terms = set(_WORD.findall(text))
    for group in synonyms:
        group = [t.lower() for t in group]
        if any(_has_term(text, t) for t in group):
            terms.update(group)
    return terms


def _topic_text(topic: Any) -> str:
    return " ".join([topic.slug.replace("-", " "), topic.label, topic.description,
                     getattr(topic, "question", None) or ""]).lower()


def topics_named(query: str, vocabulary: Any) -> set[str]:
    """Slugs of the topics the query names by a discriminating term."""
    if vocabulary is None or not query.strip():
        return set()
    texts = {t.slug: _topic_text(t) for t in vocabulary.topics}
    terms = {t for t in query_terms(query, vocabulary.synonyms) if len(t) > 2}
    limit = max(1, int(len(texts) * COMMON_TERM_SHARE))
    named: set[str] = set()
    for term in terms:
        hits = {slug for slug, text in texts.items() if _has_term(text, term)}
        if 0 < len(hits) <= limit:
            named |= hits
    return named


def search_target(result: dict[str, Any], kb: Any) -> dict[str, Any] | None:
    """The answer card to stand above a search's results, or None when no one claim or topic is targeted.

    Rule: on the first page of a query, (1) the top hit is a claim scoring at least CLAIM_LEAD times the
    next hit (or the only hit) → that claim's card; else (2) the top TOPIC_AGREEING claim hits among the
    first TOPIC_WINDOW results share a topic that the query also names → that topic's card.
    """
    hits = result.get("results") or []
    if result.get("page", 1) != 1 or not hits or not (result.get("query") or "").strip():
        return None
    top = hits[0]
    if top.get("type") == "claim" and top.get("id") in kb.claims:
        score, next_score = float(top.get("score") or 0), float(hits[1].get("score") or 0) if len(hits) > 1 else 0.0
        if score > 0 and (next_score <= 0 or score >= CLAIM_LEAD * next_score):
            return claim_card(kb.claims[top["id"]])
    claim_hits = [kb.claims[h["id"]] for h in hits[:TOPIC_WINDOW] if h.get("type") == "claim" and h.get("id") in kb.claims]
    if len(claim_hits) < TOPIC_AGREEING:
        return None
    shared = set(claim_hits[0].topics).intersection(*(c.topics for c in claim_hits[1:TOPIC_AGREEING]))
    named = shared & topics_named(result.get("query") or "", kb.vocabulary)
    if not named:
        return None
    # the topic most of the top claims have as their primary topic, then vocabulary order
    order = [t.slug for t in kb.vocabulary.topics]
    slug = min(named, key=lambda s: (-sum(c.primary_topic == s for c in claim_hits), order.index(s)))
    return topic_card(kb.vocabulary.topic(slug), topic_claims(kb, slug))


# ---- review dates and verdict history ---------------------------------------------------------------

def review_status(claim: Claim, today: dt.date | None = None) -> dict[str, Any]:
    today = today or dt.date.today()
    days = (today - claim.last_reviewed).days
    return {"last_reviewed": claim.last_reviewed.isoformat(), "days_since_review": days, "stale": days > STALE_AFTER_DAYS}


def _get(entry: Any, name: str) -> Any:
    return entry.get(name) if isinstance(entry, dict) else getattr(entry, name, None)


def verdict_history(claim: Claim) -> list[dict[str, Any]]:
    """The claim's recorded verdict changes, newest first, as plain dicts (dates as ISO strings)."""
    out = []
    for entry in getattr(claim, "history", None) or []:
        date = _get(entry, "date")
        out.append({
            "date": date.isoformat() if isinstance(date, dt.date) else (str(date) if date else None),
            "previous_verdict": _get(entry, "previous_verdict"),
            "previous_certainty": _get(entry, "previous_certainty"),
            "verdict": _get(entry, "verdict"),
            "certainty": _get(entry, "certainty"),
            "change": _get(entry, "change"),
            "reason": (_get(entry, "reason") or "").strip() or None,
        })
        out[-1]["headline"] = history_headline(out[-1])
        out[-1]["summary"] = history_sentence(out[-1])
    return sorted(out, key=lambda h: h["date"] or "", reverse=True)


def _label(key: Any, labels: dict) -> str:
    return labels.get(key, str(key)) if key else "not recorded"


def _changes(h: dict[str, Any]) -> list[str]:
    from webui.present import CERTAINTY_LABELS

    verdicts = {k: b.label for k, b in VERDICTS.items()}
    out = []
    if h["previous_verdict"] and h["verdict"] and h["previous_verdict"] != h["verdict"]:
        out.append(f"verdict changed from {_label(h['previous_verdict'], verdicts)} to {_label(h['verdict'], verdicts)}")
    if h["previous_certainty"] and h["certainty"] and h["previous_certainty"] != h["certainty"]:
        out.append(f"certainty changed from {_label(h['previous_certainty'], CERTAINTY_LABELS)} "
                   f"to {_label(h['certainty'], CERTAINTY_LABELS)}")
    return out


def history_headline(h: dict[str, Any]) -> str:
    """ "Updated 2026-12-01: verdict changed from Supported to Partly supported" (no reason)."""
    what = " and ".join(_changes(h)) or "reviewed again; verdict and certainty unchanged"
    return f"Updated {h['date'] or '(date not recorded)'}: {what}"


def history_sentence(h: dict[str, Any]) -> str:
    """The headline with what changed and why: "… because <reason>." or "…; <change>. Why: <reason>" """
    text = history_headline(h)
    reason = (h["reason"] or "").strip()
    if _changes(h) and reason:
        first = reason.split()[0]
        # "because A trial…" reads wrong; keep acronyms ("FDA …") as written
        text += " because " + (reason[0].lower() + reason[1:] if len(first) == 1 or first[1:].islower() else reason)
    else:
        if h.get("change"):
            text += f". {str(h['change']).strip().rstrip('.')}"
        if reason:
            text += f". Why: {reason.rstrip('.')}"
    return text.rstrip(".") + "."


def date_modified(claim: Claim) -> str:
    """The latest of the last review and the newest history entry (ISO date)."""
    dates = [claim.last_reviewed.isoformat()] + [h["date"] for h in verdict_history(claim) if h["date"]]
    return max(dates)
