"""The records' closed vocabularies, each defined once: verdicts, certainty, stances, designs, units.

kb/models.py types record fields with these Literals; the web pages, the OpenAPI description, the
copy checker's report and `kb add` import the tuples and labels from here instead of repeating them,
so adding a verdict, design or unit is one edit (plus its label).
"""
from __future__ import annotations

from typing import Literal, get_args

Verdict = Literal["supported", "partly-supported", "mixed", "unsupported", "contradicted"]
VERDICTS: tuple[str, ...] = get_args(Verdict)  # strongest support first
VERDICT_LABELS: dict[str, str] = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "mixed": "Mixed evidence",
    "unsupported": "Unsupported",
    "contradicted": "Contradicted",
}

# GRADE certainty of the evidence, highest first.
Certainty = Literal["high", "moderate", "low", "very-low"]
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
CERTAINTY_LABELS: dict[str, str] = {"high": "High", "moderate": "Moderate", "low": "Low", "very-low": "Very low"}
CERTAINTY_LEVELS: dict[str, int] = {"high": 4, "moderate": 3, "low": 2, "very-low": 1}

# How one study bears on one claim.
Stance = Literal["supports", "refutes", "mixed", "context"]
STANCES: tuple[str, ...] = get_args(Stance)

Design = Literal[
    "rct",
    "meta-analysis",
    "systematic-review",
    "cohort",
    "case-control",
    "cross-sectional",
    "case-series",
    "case-report",
    "pharmacokinetic",
    "narrative-review",
    "preclinical",
    "drug-label",
    "fact-sheet",
    "guideline",
    "regulatory",
    "news",
    "other",
]
DESIGNS: tuple[str, ...] = get_args(Design)
DESIGN_LABELS: dict[str, str] = {
    "rct": "Randomised controlled trial",
    "meta-analysis": "Meta-analysis",
    "systematic-review": "Systematic review",
    "cohort": "Cohort study",
    "case-control": "Case-control study",
    "cross-sectional": "Cross-sectional survey",
    "case-series": "Case series",
    "case-report": "Case report",
    "pharmacokinetic": "Pharmacokinetic study",
    "narrative-review": "Narrative review",
    "preclinical": "Preclinical (animal/lab) study",
    "drug-label": "Drug label",
    "fact-sheet": "Fact sheet",
    "guideline": "Guideline or consensus",
    "regulatory": "Regulatory document",
    "news": "News report",
    "other": "Other source",
}
# Strength of design, used to order evidence tables and charts (higher first).
DESIGN_RANK: dict[str, int] = {
    "meta-analysis": 10, "systematic-review": 9, "rct": 8, "cohort": 7, "case-control": 6,
    "cross-sectional": 5, "pharmacokinetic": 5, "case-series": 4, "case-report": 3,
    "guideline": 6, "drug-label": 6, "regulatory": 5, "fact-sheet": 4, "narrative-review": 3,
    "preclinical": 2, "news": 1, "other": 1,
}

# Units of time a duration is given in (claim figures and checker frames), with their length in minutes.
DurationUnit = Literal["minutes", "hours", "days", "weeks", "months"]
MINUTES_PER_UNIT: dict[str, float] = {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080, "months": 43200}
# Units of a claim's evidence figure: a percentage, a duration, or a number of sessions.
FigureUnit = Literal["percent", DurationUnit, "sessions"]
