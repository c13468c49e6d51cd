"""Whether a sentence asserts what it says, softens it (hedged), or denies it (negated).

Negation here means the sentence disputes or withholds a claim ("there is no evidence that…",
"has not been established", "is currently unknown", "it is a myth that…"). Whether that makes
the sentence refute a particular claim depends on the claim's own wording, which the matcher
decides by comparing with the polarity of the claim's phrasings.
"""
from __future__ import annotations

import re

HEDGES = [
    r"\bmay\b", r"\bmight\b", r"\bcould\b", r"\bcan (?:help|reduce|ease|improve|lower|relieve|offer|provide|work)",
    r"\bpossibl[ey]\b", r"\bpotential(?:ly)?\b", r"\bsome (?:patients|mothers|women|people|studies|research|evidence)\b",
    r"\bin some (?:cases|patients|women)\b", r"\bappears? to\b", r"\bseems? to\b", r"\bsuggests?\b",
    r"\bis thought to\b", r"\bare thought to\b", r"\bbelieved to\b", r"\bpreliminary\b", r"\bearly (?:research|studies|evidence|data)\b",
    r"\bpromising\b", r"\bemerging\b", r"\bhas been shown to help\b", r"\bmany (?:patients|people|women) (?:find|report|feel)\b",
    r"\blikely to\b",
]
NEGATIONS = [
    r"\bno (?:good |strong |solid |clear |reliable |published |high-quality |convincing |scientific )?(?:evidence|proof|data|studies|research|trials?)\b",
    r"\b(?:little|limited|insufficient|scant|weak|inconclusive|not enough) (?:evidence|data|research)\b",
    r"\bnot (?:yet )?(?:been )?(?:established|proven|proved|shown|demonstrated|confirmed|approved|recommended|studied|known|safe|effective|a cure)\b",
    r"\b(?:has|have|had|is|are|was|were)(?:n't| not) (?:yet )?(?:been )?(?:established|proven|proved|shown|demonstrated|confirmed|approved|studied|recommended)\b",
    r"\b(?:is|are|remains?) (?:currently |still |largely )?(?:unknown|unclear|uncertain|unproven|untested|debated)\b",
    r"\bunproven\b", r"\bmyths?\b", r"\bmisconceptions?\b", r"\b(?:is|are) (?:simply )?(?:false|untrue|not true)\b",
    r"\b(?:does|do|did|will|would|can|could|should)(?:n't| not)\b", r"\b(?:is|are|was|were)(?:n't| not)\b",
    r"\bcannot\b", r"\bnever\b", r"\bno longer\b", r"\bfailed to (?:show|prevent|reduce|improve|find)\b",
    r"\bwithout (?:any )?evidence\b", r"\bcontrary to\b", r"\bthere is no\b", r"\bnothing\b",
    r"\bno (?:study|studies|trial|trials|one|data)\b", r"\bzero (?:evidence|proof|data)\b", r"\bwon't\b", r"\bnobody knows\b", r"\bwhether\b",
    r"\bmisleading\b", r"\boverstat\w*", r"\bexaggerat\w*", r"\bunsupported\b", r"\bdebunk\w*",
]
# Negations that describe a patient's history rather than deny a claim:
# "mothers who have not responded to SSRIs", "if other treatments haven't worked".
HISTORY_NEGATION_RE = re.compile(
    r"\b(?:who|that|which|if|when|whose|where|have|has|had)\b[^.;,]{0,30}?\b(?:not|n't|never|no longer)\s+"
    r"(?:\w+\s+){0,2}?(?:respond\w*|work\w*|help\w*|found|find\w*|improv\w*|benefit\w*|felt|feel\w*|get\w*|got|"
    r"tolerat\w*|succeed\w*|been able)\b",
    re.I,
)
QUESTION_RE = re.compile(r"\?\s*[\"'”’)]*\s*$")
_hedge_re = re.compile("|".join(HEDGES), re.I)
_neg_re = re.compile("|".join(NEGATIONS), re.I)


def is_hedged(text: str) -> bool:
    return bool(_hedge_re.search(text))


def is_negated(text: str) -> bool:
    return bool(_neg_re.search(HISTORY_NEGATION_RE.sub(" ", text)))


def is_question(text: str) -> bool:
    """A question asks; it does not assert (unless it is rhetorical, which we do not try to detect)."""
    return bool(QUESTION_RE.search(text))
