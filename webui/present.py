"""Presentation data shared by templates, charts and the JSON API: verdicts, certainty, stances, effects.

A verdict or stance is never shown by colour alone: each has a text label, a symbol and a CSS class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from flask import Flask
from markupsafe import Markup, escape

from indexer.copycheck.report import MODEL_FOUND_NOTE
from kb.models import Effect
from kb.vocab import CERTAINTY_LABELS, CERTAINTY_LEVELS, DESIGN_LABELS, DESIGN_RANK, VERDICT_LABELS

DISCLAIMER = (
    "Evidence KB summarises published research for clinicians and writers. It is not medical advice: "
    "decisions about treatment belong to a patient and their clinician."
)


@dataclass(frozen=True)
class Badge:
    key: str
    label: str
    symbol: str
    css: str
    description: str
    rating: int = 0  # 1-5, for schema.org ClaimReview (verdicts only)


VERDICTS: dict[str, Badge] = {
    "supported": Badge("supported", VERDICT_LABELS["supported"], "✓", "v-supported",
                       "The evidence backs the claim as worded.", 5),
    "partly-supported": Badge("partly-supported", VERDICT_LABELS["partly-supported"], "◐", "v-partly",
                              "Part of the claim is backed; another part overstates, omits or generalises.", 4),
    "mixed": Badge("mixed", VERDICT_LABELS["mixed"], "±", "v-mixed",
                   "Studies of similar quality point in different directions.", 3),
    "unsupported": Badge("unsupported", VERDICT_LABELS["unsupported"], "?", "v-unsupported",
                         "No adequate evidence backs the claim (absence of evidence, not proof it is false).", 2),
    "contradicted": Badge("contradicted", VERDICT_LABELS["contradicted"], "✗", "v-contradicted",
                          "The best available evidence points against the claim.", 1),
}

CERTAINTY_MEANING = {
    "high": "We are very confident that the true effect lies close to the estimate.",
    "moderate": "We are moderately confident: the true effect is likely close to the estimate, but may be substantially different.",
    "low": "Our confidence is limited: the true effect may be substantially different from the estimate.",
    "very-low": "We have very little confidence: the true effect is likely to be substantially different from the estimate.",
}

STANCES: dict[str, Badge] = {
    "supports": Badge("supports", "Supports", "●", "s-supports", "The study's findings back the claim."),
    "refutes": Badge("refutes", "Refutes", "■", "s-refutes", "The study's findings go against the claim."),
    "mixed": Badge("mixed", "Mixed", "◆", "s-mixed", "The study's findings partly back and partly go against the claim."),
    "context": Badge("context", "Context", "▲", "s-context", "Background the verdict needs, neither for nor against."),
}


def verdict(key: str | None) -> Badge | None:
    return VERDICTS.get(key or "")


def stance(key: str | None) -> Badge | None:
    return STANCES.get(key or "")


def certainty_symbols(key: str | None) -> str:
    level = CERTAINTY_LEVELS.get(key or "", 0)
    return "⊕" * level + "◯" * (4 - level) if level else ""


def certainty_label(key: str | None) -> str:
    return CERTAINTY_LABELS.get(key or "", key or "")


def design_label(key: str | None) -> str:
    return DESIGN_LABELS.get(key or "", key or "")


def design_rank(key: str | None) -> int:
    return DESIGN_RANK.get(key or "", 0)


def fmt_number(x: float) -> str:
    if x == int(x) and abs(x) >= 10:
        return str(int(x))
    text = f"{x:.2f}" if abs(x) < 10 else f"{x:.1f}"
    return text.rstrip("0").rstrip(".") if "." in text and not text.endswith(".0") else text


def fmt_ratio(x: float) -> str:
    """Ratios keep two decimals, as papers report them (0.30, not 0.3)."""
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def effect_text(effect: Effect | None) -> str:
    if effect is None:
        return ""
    ratio = effect.measure in ("RR", "OR", "HR")
    fmt = fmt_ratio if ratio else fmt_number
    text = f"{effect.measure} {fmt(effect.value)}"
    if effect.ci_low is not None and effect.ci_high is not None:
        text += f" (95% CI {fmt(effect.ci_low)}–{fmt(effect.ci_high)})"
    extra = ", ".join(x for x in (effect.outcome, effect.timepoint) if x)
    return f"{text}; {extra}" if extra else text


def is_ratio_with_ci(effect: Effect | None) -> bool:
    return bool(effect and effect.measure in ("RR", "OR", "HR") and effect.ci_low is not None
                and effect.ci_high is not None and effect.ci_low > 0 and effect.value > 0)


def pages_window(page: int, pages: int, radius: int = 2) -> list[int | None]:
    """Page numbers to link, with None for a gap: 1 … 4 5 [6] 7 8 … 20."""
    if pages <= 1:
        return [1] if pages == 1 else []
    wanted = {1, pages} | set(range(max(1, page - radius), min(pages, page + radius) + 1))
    out: list[int | None] = []
    last = 0
    for p in sorted(wanted):
        if p - last > 1:
            out.append(None)
        out.append(p)
        last = p
    return out


def feedback_url(external: bool = False, **about: str) -> str:
    """The "Report a problem" link: /feedback?claim=<id> or ?study=<key>. The form is the feedback
    blueprint's; the link is built from the path so pages work before (or without) that blueprint."""
    from urllib.parse import urlencode

    from flask import request

    root = request.host_url.rstrip("/") if external else ""
    return f"{root}{request.script_root}/feedback?{urlencode(about)}"


def sort_evidence(rows: Iterable[Any], how: str) -> list[Any]:
    """Order (link, study) pairs: by year (newest first) or by design strength (strongest first)."""
    rows = list(rows)
    if how == "year":
        return sorted(rows, key=lambda r: (-(r[1].year or 0), -design_rank(r[1].design), r[1].key))
    return sorted(rows, key=lambda r: (-design_rank(r[1].design), -(r[1].year or 0), r[1].key))


_MARK_TAG = re.compile(r'(</mark>|<mark(?: class="[A-Za-z0-9 _-]*")?>)')


def safe_snippet(snippet: str | None) -> Markup:
    """The engine's snippet as Markup. It is already escaped with only <mark> added; as a second line
    of defence any other '<' or '>' is escaped here, so a faulty snippet cannot inject markup."""
    parts = _MARK_TAG.split(snippet or "")
    return Markup("".join(p if _MARK_TAG.fullmatch(p) or not re.search(r"[<>]", p) else str(escape(p)) for p in parts))


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        verdict=verdict, stance=stance, certainty_symbols=certainty_symbols, certainty_label=certainty_label,
        design_label=design_label, effect_text=effect_text, DISCLAIMER=DISCLAIMER, VERDICTS=VERDICTS,
        STANCES=STANCES, CERTAINTY_LABELS=CERTAINTY_LABELS, CERTAINTY_MEANING=CERTAINTY_MEANING,
        pages_window=pages_window, safe_snippet=safe_snippet, feedback_url=feedback_url, MODEL_FOUND_NOTE=MODEL_FOUND_NOTE,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
