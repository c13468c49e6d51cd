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

# Identifiers and closed vocabularies are defined once, in kb/ids.py and kb/vocab.py; the names other
# modules import from kb.models are re-exported here.
from kb.ids import DOI_PATTERN, PMID_PATTERN, doi_url, normalise_doi, pubmed_url  # noqa: F401
from kb.vocab import (CERTAINTY_LEVELS, DESIGN_LABELS, DESIGN_RANK, VERDICT_LABELS, Certainty, Design,  # noqa: F401
                      DurationUnit, FigureUnit, Stance, Verdict)
from kb.vocab import MINUTES_PER_UNIT as FIGURE_UNITS  # noqa: F401  (minutes in one unit of each duration)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Pmid = Annotated[str, StringConstraints(pattern=PMID_PATTERN)]
Doi = Annotated[str, StringConstraints(pattern=DOI_PATTERN)]
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]

Status = Literal["draft", "curated"]


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


# What a figure measures; a copy figure is compared only with evidence of the same measure.
Measure = Literal["time-to-onset", "effect-duration", "course-length", "session-length", "sessions",
                  "response-rate", "remission-rate", "relapse-rate", "prevalence", "infant-dose",
                  "risk-reduction", "adverse-event-rate", "pause-length", "observation", "other"]


class Figure(Record):
    """A number the evidence gives for a claim, so copy's own figures can be compared with it.

    `kind` says what is counted; `low`/`high` bound what the studies found, in `unit`.
    """

    kind: Literal["percent", "ratio", "duration", "count"]
    low: float
    high: float
    unit: FigureUnit
    about: Text  # what the number measures, e.g. "response rate 24 h after one infusion"
    # What kind of quantity it is; when absent the copy checker infers it from `about`.
    measure: Measure | None = None
    source: Text  # which studies the range comes from, in words

    @model_validator(mode="after")
    def _ordered(self) -> "Figure":
        if self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self


class Slot(Record):
    """One part of a claim frame: a shared concept (kb/concepts.yaml), claim-specific terms, a figure.

    The slot is filled by any term of its concept, any `also` term, or a copy figure of the given
    kind and measure inside `range` (in `unit` for durations). `carry` lets the slot be filled from
    context (heading, list lead-in, FAQ question, previous sentence) when the sentence lacks it;
    it defaults to the concept's own `carry`. `section` lets it be filled by any sentence of the same
    section, before or after: the text under the same heading, or the same paragraph on a page without
    headings (labelling decisions, "answer scope": "Ketamine works differently." under a heading whose
    text names glutamate states the glutamate mechanism).
    """

    concept: Slug | None = None
    also: list[Text] = Field(default_factory=list)
    figure: Literal["percent", "duration", "count"] | None = None
    measure: Measure | None = None
    range: Annotated[list[float], Field(min_length=2, max_length=2)] | None = None  # [low, high]
    unit: DurationUnit | None = None
    carry: bool | None = None
    section: bool = False
    # Words that disqualify a match they overlap ("side effects" keeps "effects" from meaning benefit).
    unless: list[Text] = Field(default_factory=list)
    # Words the sentence must hold to take the slot from a sentence before it (the previous sentence, a list's lead-in,
    # an FAQ question) rather than from its heading or title: one of them says the sentence goes on about the same
    # people or trial ("these patients", "placebo"). Empty: any carry may fill the slot.
    carry_when: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> "Slot":
        if self.figure is None and (self.measure or self.range or self.unit):
            raise ValueError("measure, range and unit belong to a figure slot: add figure: percent|duration|count")
        if self.figure is not None:
            if self.range is None:
                raise ValueError("a figure slot needs range: [low, high]")
            if self.range[0] > self.range[1]:
                raise ValueError(f"range {list(self.range)}: low is above high")
            if self.figure == "duration" and self.unit is None:
                raise ValueError("a duration figure slot needs unit: minutes|hours|days|weeks|months")
        if self.concept is None and not self.also and self.figure is None:
            raise ValueError("an empty slot: give a concept, also: [terms], or a figure")
        return self


class AlsoWhen(Record):
    """Another claim's reading that makes this claim too where the clause it was read in also names a concept."""

    claim: Slug
    names: Slug


class Frame(Record):
    """A claim as the copy states it: every slot found in one clause or within `window` words."""

    slots: list[Slot] = Field(min_length=1)
    window: Annotated[int, Field(ge=3, le=60)] = 14
    # On a page about the narrower of the KB's drugs (esketamine), its slot takes that drug even when the sentence has no
    # word for a drug: the frame's other words belong to that drug alone (the two-hour observation of the REMS).
    page_drug: bool = False
    # The frame's words state the opposite of the claim without a negation the stance rules read as one ("it is not
    # without risks" against "safe and well tolerated"): a match reports the claim denied, and a denied match asserted.
    denies: bool = False
    # Words that, in the same sentence, mean the copy says something else ("preventing" for a claim
    # about treating an illness that is already there).
    unless: list[Text] = Field(default_factory=list)


class Concept(Record):
    """A named, reusable set of terms (kb/concepts.yaml), matched with the search index's analysis."""

    name: Slug
    category: Literal["treatment", "illness", "population", "body", "outcome", "predicate", "time", "other"]
    terms: list[Text] = Field(min_length=1)
    # Terms of another concept to include ("antidepressant" includes "ssri").
    include: list[Slug] = Field(default_factory=list)
    # Whether a sentence may take this concept from its context (heading, lead-in, question, the
    # sentence before) when it refers back ("it", "these effects") or is elliptical.
    carry: bool = False
    # Words inside which a term does not stand for the concept: "treat" inside "difficult to treat" names the
    # illness, not a benefit.
    not_within: list[Text] = Field(default_factory=list)
    note: Text | None = None


class ConceptLexicon(Record):
    concepts: list[Concept] = Field(min_length=1)
    # The concept a text naming no treatment at all is taken to be about (the KB's subject).
    subject: Slug | None = None


class HistoryEntry(Record):
    """One dated change to a claim's verdict, certainty or substance (oldest entry first)."""

    date: dt.date
    previous_verdict: Verdict
    previous_certainty: Certainty
    verdict: Verdict
    certainty: Certainty
    change: Text  # what changed, in words
    reason: Text  # why: the new evidence or the review point that prompted it


class ExcludedEvidence(Record):
    """A dossier entry or lead bearing on the claim that is deliberately not cited, and why."""

    source: Text  # dossier key, or a short citation for an unverified lead
    reason: Text


class Claim(Record):
    id: Slug
    # One of the canonical catalog's claims (../shared/claims-catalog.md), not one the KB added: readers who know only
    # the catalog see a sentence making an added claim as a claim outside it (SentenceResult.checkworthy).
    catalog: bool = False
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
    # How the copy checker recognises the claim: alternative frames, each a list of slots that
    # must all be found in one clause (or a short window); see docs/checker.md.
    frames: list[Frame] = Field(default_factory=list)
    # Phrasings written for search only, which the checker need not match (the self-test skips them).
    phrasing_only: list[Text] = Field(default_factory=list)
    related_claims: list[Slug] = Field(default_factory=list)
    # Narrower claims that say all this one does: where a sentence makes one of them (with the same
    # stance), the checker reports that one only ("relief within hours" is not also "ketamine works").
    yields_to: list[Slug] = Field(default_factory=list)
    # The claim a page set in another market makes instead (it names a regulator or market other than the US's,
    # `other-regulator`, and never the FDA or the US, `us-market`): there an approval the copy reports is that
    # market's ("Spravato is approved for treatment-resistant depression" on an Australian page is the TGA's).
    elsewhere: Slug | None = None
    # Readings of other claims that make this one too (`AlsoWhen`): "proven beneficial for depression, anxiety, and PTSD"
    # is the general efficacy read of a clause that also names other conditions, so it is also ketamine-other-indications
    # (and the general claim then yields to it). The claim's own `unless` words still rule it out.
    also_when: list[AlsoWhen] = Field(default_factory=list)
    last_reviewed: dt.date
    # One plain-words sentence that opens with the verdict in words ("Partly: ..."); shown first.
    answer: Text
    history: list[HistoryEntry] = Field(default_factory=list)
    excluded_evidence: list[ExcludedEvidence] = Field(default_factory=list)
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
        return pubmed_url(self.pmid) if self.pmid else None

    @property
    def doi_url(self) -> str | None:
        return doi_url(self.doi) if self.doi else None

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
    # The reader's question the topic page answers across its claims ("Can I breastfeed after ketamine?").
    question: Text | None = None
    # The short answer to that question, in our words, drawn only from the answers of the topic's claims
    # (revise it when they change); shown first on the topic page, above each claim's own answer.
    answer: Text | None = None


class QuestionCue(Record):
    """What a question's wording asks for that its own words do not name: "How does ketamine work?" asks for a
    mechanism, "Who is Spravato for?" for whom it is indicated. Search adds `means` to a query that `asks` matches."""

    asks: Text  # a regular expression, matched case-insensitively anywhere in the query
    means: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _compiles(self):
        try:
            re.compile(self.asks, re.I)
        except re.error as exc:
            raise ValueError(f"asks: {self.asks!r} is not a regular expression: {exc}") from None
        return self


class Vocabulary(Record):
    """kb/topics.yaml: the topic taxonomy and the search vocabulary the KB owns."""

    topics: list[Topic] = Field(min_length=1)
    # Each group lists terms that mean the same thing; search treats them as one.
    synonyms: list[list[Text]] = Field(default_factory=list)
    # Each group lists terms that are close but not identical; search expands them with a lower weight.
    related: list[list[Text]] = Field(default_factory=list)
    # Question wordings and the words they stand for; search adds those at a lower weight.
    questions: list[QuestionCue] = Field(default_factory=list)

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)


CURATED_REQUIRED = ("journal", "population", "summary", "findings", "limitations", "topics")

