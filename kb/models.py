"""Typed records of the knowledge base: claims, studies and the topic vocabulary.

The YAML files under kb/ are the source of truth; these models are their schema.
Models are strict (no coercion, no unknown fields) so that a typo or an unquoted
PMID is an error with a line number rather than a silently changed value.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Pmid = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,8}$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.[0-9]{4,9}/\S+$")]
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

Verdict = Literal["supported", "partly-supported", "mixed", "unsupported", "contradicted"]
Certainty = Literal["high", "moderate", "low", "very-low"]
Stance = Literal["supports", "refutes", "mixed", "context"]
Status = Literal["draft", "curated"]
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

VERDICT_LABELS: dict[str, str] = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "mixed": "Mixed evidence",
    "unsupported": "Unsupported",
    "contradicted": "Contradicted",
}
CERTAINTY_LEVELS: dict[str, int] = {"high": 4, "moderate": 3, "low": 2, "very-low": 1}
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


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Effect(Record):
    """A structured effect estimate as reported by a study."""

    measure: Literal["RR", "OR", "HR", "MD", "SMD", "RD", "RID%", "proportion%", "NNT"]
    value: float
    ci_low: float | None = None
    ci_high: float | None = None
    outcome: Text | None = None
    timepoint: Text | None = None

    @model_validator(mode="after")
    def _ci_brackets_value(self) -> "Effect":
        if (self.ci_low is None) != (self.ci_high is None):
            raise ValueError("give both ci_low and ci_high, or neither")
        if self.ci_low is not None and not (self.ci_low <= self.value <= self.ci_high):
            raise ValueError(f"value {self.value} lies outside its CI {self.ci_low}-{self.ci_high}")
        return self


class EvidenceLink(Record):
    """How one study bears on one claim."""

    study: Slug
    stance: Stance
    finding: Text
    effect: Effect | None = None


class Figure(Record):
    """A number the evidence gives for a claim, so copy's own figures can be compared with it.

    `kind` says what is counted; `low`/`high` bound what the studies found, in `unit`.
    """

    kind: Literal["percent", "ratio", "duration", "count"]
    low: float
    high: float
    unit: Literal["percent", "minutes", "hours", "days", "weeks", "months", "sessions"]
    about: Text  # what the number measures, e.g. "response rate 24 h after one infusion"
    source: Text  # which studies the range comes from, in words

    @model_validator(mode="after")
    def _ordered(self) -> "Figure":
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Claim(Record):
    id: Slug
    statement: Text
    topics: list[Slug] = Field(min_length=1)
    verdict: Verdict
    certainty: Certainty
    bottom_line: Text
    what_copy_omits: list[Text] = Field(min_length=1)
    accurate_wording: Text
    what_would_change: Text
    phrasings: list[Text] = Field(min_length=3)
    evidence: list[EvidenceLink] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    # Concept groups a sentence must all touch to assert this claim (any one term of each group).
    # A term is a word or phrase, or a figure such as "{percent 50-95}" or "{duration 1-4 weeks}".
    cues: list[list[Text]] = Field(default_factory=list)
    # Broader claims not to report for a sentence that makes this narrower one.
    overrides: list[Slug] = Field(default_factory=list)
    related_claims: list[Slug] = Field(default_factory=list)
    last_reviewed: dt.date
    # Saved PubMed query for `kb watch`: records newer than last_reviewed that the KB lacks are queued.
    watch: Text | None = None

    @property
    def primary_topic(self) -> str:
        return self.topics[0]


class Study(Record):
    key: Slug
    status: Status = "curated"
    # The record's own title; null when the verified record did not show it (then `label` says what it is).
    title: Text | None = None
    # Our description of a source whose title was not shown: for pages and search, never for references.
    label: Text | None = None
    # Empty only where the verified page did not show the authors; never filled from memory.
    authors: list[Text] = Field(default_factory=list)
    # True when `authors` may be only the first few (the dossier records at most three): references add "et al."
    authors_truncated: bool = False
    journal: Text | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    volume: Text | None = None
    issue: Text | None = None
    pages: Text | None = None
    citation_detail: Text | None = None
    pmid: Pmid | None = None
    doi: Doi | None = None
    url: HttpUrl | None = None
    design: Design
    population: Text | None = None
    n: Annotated[int, Field(ge=1)] | None = None
    intervention: Text | None = None
    comparator: Text | None = None
    summary: Text | None = None
    findings: list[Text] = Field(default_factory=list)
    limitations: list[Text] = Field(default_factory=list)
    topics: list[Slug] = Field(default_factory=list)
    verified_from: HttpUrl

    @model_validator(mode="after")
    def _locatable(self) -> "Study":
        if not (self.pmid or self.doi or self.url):
            raise ValueError("a study needs a pmid, a doi or a url so readers can find it")
        if not (self.title or self.label):
            raise ValueError("a study needs a title, or a label saying what it is when the record shows no title")
        return self

    @property
    def heading(self) -> str:
        """What pages call the study: its title, else our label for it."""
        return self.title or self.label or ""

    @property
    def is_curated(self) -> bool:
        return self.status == "curated"

    @property
    def first_author(self) -> str:
        return self.authors[0] if self.authors else "Authors not recorded"

    @property
    def pubmed_url(self) -> str | None:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else None

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    @property
    def link(self) -> str:
        return self.pubmed_url or self.doi_url or self.url or self.verified_from

    @property
    def short_citation(self) -> str:
        who = self.first_author
        if len(self.authors) > 1 or (self.authors and self.authors_truncated):
            who = f"{who} et al."
        return f"{who} {self.year}" if self.year else who


class Topic(Record):
    slug: Slug
    label: Text
    description: Text


class Vocabulary(Record):
    """kb/topics.yaml: the topic taxonomy and the search vocabulary the KB owns."""

    topics: list[Topic] = Field(min_length=1)
    # Each group lists terms that mean the same thing; search treats them as one.
    synonyms: list[list[Text]] = Field(default_factory=list)
    # Each group lists terms that are close but not identical; search expands them with a lower weight.
    related: list[list[Text]] = Field(default_factory=list)

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)


FIGURE_CUE_RE = re.compile(
    r"^\{(percent|duration|count) (\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)(?: (minutes|hours|days|weeks|months))?\}$")
CURATED_REQUIRED = ("journal", "population", "summary", "findings", "limitations", "topics")


def normalise_doi(doi: str) -> str:
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", doi.strip(), flags=re.I).lower()
