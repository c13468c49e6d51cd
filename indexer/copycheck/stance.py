"""Stance: whether the copy asserts a claim it mentions, denies it, or only raises it.

Rules are data (stance_rules.yaml), in the manner of medspaCy's ConText: a trigger with a category,
a direction and a scope in words. A trigger applies to the claim words inside its scope only, so
"it works within hours, and you won't need daily pills" still asserts the onset claim, and a
conditional or a relative clause ("mothers who have not responded to SSRIs") denies nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from indexer.copycheck.regex_gate import Gate, fold

RULES_FILE = Path(__file__).with_name("stance_rules.yaml")
WORD_RE = re.compile(r"\w+(?:['’]\w+)?")
QUESTION_RE = re.compile(r"\?\s*[\"'”’)]*\s*$")
# A statement joined to a question ("Ketamine works fast, but is it safe?", "... is a huge step forward, so why am I not
# more excited?"): the statement still states; only what the question part holds is asked. The question opens after
# a conjunction or a dash with a question word or an auxiliary...
QUESTION_TAIL_RE = re.compile(r"(?:\s*[,;]\s*(?:but|so|yet|and)\s+|\s*[—–]\s*(?:(?:but|so|yet|and)\s+)?|\s+-\s+(?:(?:but|so|yet|and)\s+)?)"
                              r"(?P<q>(?:why|what|how|who|where|when|which|whether|is|are|was|were|can|could|does|do|did|will|would|"
                              r"should|isn['’]t|aren['’]t|doesn['’]t|don['’]t|didn['’]t|won['’]t|can['’]t)\b[^?]*\?)[\"'”’)]*\s*$", re.I)
# ...after a statement of its own: not a question, a condition or an opening phrase ("For new moms, is it safe?",
# "If it works so fast, why ...?" ask as a whole).
NOT_A_STATEMENT_RE = re.compile(r"^\W*(?:how|what|why|who|whom|where|when|which|whether|is|are|was|were|am|can|could|does|do|did|will|"
                                r"would|should|shall|may|might|must|has|have|had|isn['’]t|aren['’]t|doesn['’]t|don['’]t|didn['’]t|"
                                r"won['’]t|can['’]t|if|unless|although|though|while|since|because|despite|after|before|for|in|with|"
                                r"without|given|as|so|and|but|or|now|then|yet|unlike)\b", re.I)
STATEMENT_WORDS = 4
# ...with a verb of its own: "The promise of ketamine for PPD - is it empty?" names a topic, then asks about it
STATEMENT_VERB_RE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|should|must|does|do|did|"
                               r"works|helps|lifts|relieves|causes|leads|acts|takes|makes|offers|gives|treats|reduces|remains|"
                               r"seems|appears|sounds|looks|comes|marks|brings|shows|means)\b|n['’]t\b|\b[a-z]{3,}ed\b", re.I)
# (after an opening connective too: "However, if these feelings persist longer than two weeks, ...")
# A "when" of the manner of use ("When given in low doses as an infusion over 45-60 minutes, ...") is no condition, at
# the start of a sentence as at its end (TRAILING_CONDITION_RE); an opening story moment ("When she heard about ...,")
# still keeps its words to itself.
USE_WORDS = "combined|taken|used|given|administered|paired|added|compared|delivered"
# An FAQ's answer label ("A: Although results vary, ...", "A. If you have ...") stands before the clause it opens
ANSWER_LABEL = r"(?:(?:a|answer)\s*[:.)]\s+)?"
# ...nor is the drug's action told as what happens each time ("When ketamine blocks the NMDA receptor, it triggers a
# release of glutamate", "Magic occurs when ketamine blocks those receptors"): the mechanism stated, a "whenever" of fact
DRUG_ACTS = (r"(?:ketamine|esketamine|spravato|it|the drug|the medication)\s+(?:blocks|binds|attaches|enters|reaches|acts|targets|"
             r"stimulates|increases|boosts|inhibits|interacts|triggers|activates)")
CONDITIONAL_RE = re.compile(r"^\s*" + ANSWER_LABEL + r"(?:(?:however|but|and|so|also|still|yet),?\s+)?(?:if|unless|(?:when|whenever)(?!\s+(?:" + USE_WORDS + "|" + DRUG_ACTS + r")\b)"
                            + r"|in case)\b[^,]{3,120},", re.I)
# An opening subordinate clause ("Although ketamine is often thought of as a party drug, studies show
# ...") keeps its triggers to itself, as an if-clause does; so does an opening choice of alternatives ("Whether you
# are a new mother or have struggled for years, ketamine ..."), whose "whether" leaves nothing of the main clause open.
OPENING_CLAUSE_RE = re.compile(r"^\s*" + ANSWER_LABEL + r"(?:(?:although|though|even though|while|whereas|despite|unlike)\b[^,]{3,120}|whether\b[^,]{1,120}?\bor\b[^,]{1,80}),", re.I)
# An if-clause after a clause break ("... early stages—but if researchers can develop protocols as safe
# and effective as IV infusions, ..."): it silences a claim that lies wholly inside it.
INNER_CONDITION_RE = re.compile(r"(?:[;:—–]\s*(?:but\s+)?|\s[-–—]\s+(?:but\s+)?|,?\s+but\s+)(?P<cond>(?:if|unless)\b[^,;]{3,120},)", re.I)
# An if-clause that ends the sentence ("You may be a good candidate if you have depression that has been difficult to
# treat"): it silences a claim that lies wholly inside it, as an opening one does; "ketamine can help if SSRIs have
# failed" still asserts what comes before the "if", and "even if" concedes rather than conditions. A trailing "when" is a
# condition too ("Ketamine is considered when patients fail to respond to other antidepressants" says who it is for, not
# that antidepressants fail), except the manner of use ("when combined with an oral antidepressant"), a story's moment
# ("when he discovered") and "especially when", which stresses a case the copy asserts. (After some word:
# "A. If you have ..." opens with its condition.)
TRAILING_CONDITION_RE = re.compile(r"(?<=\w)(?<!\beven)(?<!\bespecially)(?<!\bparticularly)\s+(?P<cond>(?:if|unless|(?:when|whenever)(?!\s+(?:" + USE_WORDS + "|" + DRUG_ACTS + r"|he|she|i|we)\b))\b[^,;:.!?]{3,160})[.!]?\s*[\"'”’)]*\s*$", re.I)
# An opening contrast ("Unlike esketamine, ketamine is not approved for depression") says of what it
# names the opposite of what the main clause denies: esketamine IS approved.
OPENING_CONTRAST_RE = re.compile(r"^\s*unlike\b[^,]{2,80},", re.I)
DENYING = {"negated", "reported-false"}
SILENT = {"gap", "hypothetical", "reported", "topic"}
# A preview ("In this blog, we'll explore the most common side effects, ...", "This page is an explainer on what the
# FDA has approved") names what the page will go on to say: a claim wholly inside the list it announces is only
# named there, but one the sentence makes beside it ("... the infusion therapy that can help mothers recover") is
# still made, so a preview silences a claim only when all of the claim's words lie in its scope (as an if-clause does).
# A definition ("Off-label use refers to ...") likewise explains the words it holds without claiming them.
WHOLE_CLAIM = {"conditional", "preview", "definition"}
# An exclusion ("not recommended for people with heart disease or psychosis") names whom the drug is not for, and a
# limit ("can't be counted on to cure depression", "the effects aren't permanent") bounds a claim without denying it:
# the claims in their scope are neither asserted nor denied, yet the sentence stays check-worthy (a contraindication,
# a limit of response), so these are not SILENT categories, which also mark a sentence as making no claim.
EXCLUDING = {"excluded", "limit"}


@dataclass(frozen=True)
class Rule:
    category: str
    pattern: re.Pattern
    direction: str = "forward"
    scope: int = 10
    until: re.Pattern | None = None  # what ends the scope instead of the shared terminators
    gate: Gate = Gate(None)  # the literals a match needs: most rules are skipped on most sentences


@dataclass(frozen=True)
class Trigger:
    category: str
    start: int
    end: int
    scope_start: int
    scope_end: int


@lru_cache(maxsize=1)
def load_rules() -> tuple[re.Pattern, tuple[Rule, ...]]:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    rules = tuple(Rule(r["category"], pattern := re.compile(r["pattern"], re.I), r.get("direction", "forward"),
                       int(r.get("scope", 10)), re.compile(r["until"], re.I) if r.get("until") else None, Gate.of(pattern))
                  for r in data["rules"])
    return re.compile(data["terminators"], re.I), rules


@lru_cache(maxsize=1)
def _evidence_bound() -> tuple[frozenset[str], re.Pattern]:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["evidence_bound_denials"]
    return frozenset(data["claims"]), re.compile(data["evidence"], re.I)


def denial_stands(claim_id: str, sentence: str) -> bool:
    """Whether the sentence can deny this claim: the efficacy claims are denied by a finding, which names its evidence
    (stance_rules.yaml, evidence_bound_denials)."""
    claims, evidence = _evidence_bound()
    return claim_id not in claims or bool(evidence.search(sentence))


def is_question(text: str) -> bool:
    return bool(QUESTION_RE.search(text)) and question_after_statement(text) is None


def question_after_statement(text: str) -> int | None:
    """Where the question part starts in a statement joined to a question (see QUESTION_TAIL_RE), else None."""
    m = QUESTION_TAIL_RE.search(text)
    if not m:
        return None
    before = text[:m.start()]
    if len(WORD_RE.findall(before)) < STATEMENT_WORDS or "?" in before or NOT_A_STATEMENT_RE.match(before) \
            or not STATEMENT_VERB_RE.search(before):
        return None
    return m.start("q")


def _word_offsets(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text)]


def find_triggers(sentence: str, absorbed: tuple[tuple[int, int], ...] = ()) -> tuple[Trigger, ...]:
    """Every non-pseudo trigger with its scope. Triggers inside `absorbed` spans (claim terms that
    themselves deny something, e.g. "no need to stop") are part of the claim's wording, not stance."""
    return _triggers(sentence, tuple(absorbed))


# Every claim found in a sentence asks for the same sentence's triggers (each rule a regex scan).
@lru_cache(maxsize=4096)
def _triggers(sentence: str, absorbed: tuple[tuple[int, int], ...]) -> tuple[Trigger, ...]:
    terminators, rules = load_rules()
    masked = sentence
    folded = fold(masked)
    for rule in rules:
        if rule.category == "pseudo" and rule.gate.open(folded):
            unmasked, masked = masked, rule.pattern.sub(lambda m: " " * len(m.group(0)), masked)
            if masked != unmasked:
                folded = fold(masked)
    words = _word_offsets(sentence)
    stops = [m.start() for m in terminators.finditer(masked)]
    cond = CONDITIONAL_RE.match(masked) or OPENING_CLAUSE_RE.match(masked)
    cond_end = cond.end() if cond else None
    is_condition = bool(CONDITIONAL_RE.match(masked))
    out: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    for rule in rules:
        if rule.category == "pseudo" or not rule.gate.open(folded):
            continue
        for m in rule.pattern.finditer(masked):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in absorbed):  # part of the claim's own wording
                continue
            if rule.category != "hedged" and any(x < b and a < y for x, y in taken):
                continue
            if rule.category != "hedged":
                taken.append((a, b))
            own_stops = [u.start() for u in rule.until.finditer(masked)] if rule.until else stops
            out.append(Trigger(rule.category, a, b, *_scope(rule, a, b, words, own_stops, len(sentence), cond_end)))
    if cond_end is not None and is_condition:
        out.append(Trigger("conditional", 0, cond_end, 0, cond_end))
    if (asked := question_after_statement(sentence)) is not None:
        out.append(Trigger("question", asked, len(sentence), asked, len(sentence)))
    for m in TRAILING_CONDITION_RE.finditer(masked):
        a, b = m.start("cond"), m.end("cond")
        out.append(Trigger("conditional", a, b, a, b))
    for m in INNER_CONDITION_RE.finditer(masked):
        a, b = m.start("cond"), m.end("cond")
        out.append(Trigger("conditional", a, b, a, b))
    return tuple(out)


def _scope(rule: Rule, a: int, b: int, words, stops, length: int, cond_end: int | None) -> tuple[int, int]:
    lo, hi = a, b
    if rule.direction in ("forward", "both"):
        after = [w for w in words if w[0] >= b][: rule.scope]
        hi = after[-1][1] if after else b
        stop = next((s for s in stops if s >= b), None)
        if stop is not None:
            hi = min(hi, stop)
        if cond_end is not None and a < cond_end:
            hi = min(hi, cond_end)
    if rule.direction in ("backward", "both"):
        before = [w for w in words if w[1] <= a][-rule.scope:]
        lo = before[0][0] if before else a
        stop = max((s for s in stops if s < a), default=None)
        if stop is not None:
            lo = max(lo, stop)
        if cond_end is not None and a >= cond_end:
            lo = max(lo, cond_end)
    return lo, hi


def stance_of(triggers: list[Trigger], spans: list[tuple[int, int]],
              absorbed: tuple[tuple[int, int], ...] = ()) -> tuple[str | None, bool]:
    """(asserts | denies | None when only raised, hedged) for a claim whose words are at `spans`; `absorbed`: its
    words that themselves deny ("do not work"), which are claim words too where a clause holds the whole claim."""
    def covers(t: Trigger) -> bool:
        return any(t.scope_start < e and s < t.scope_end and not (t.start <= s and e <= t.end) for s, e in spans)

    # A claim the question part of a statement-then-question touches is asked, not stated ("Ketamine works fast, but is
    # it safe?" states the speed, asks the safety).
    if any(t.category == "question" and any(t.scope_start < e and s < t.scope_end for s, e in spans) for t in triggers):
        return None, False
    # An if-clause silences a claim only when the whole claim sits inside it ("if SSRIs have
    # failed, ketamine may help" still asserts what the main clause says).
    # ("... can be used if oral treatments do not work": "do not work" is absorbed, yet lies in the condition)
    whole = [*spans, *absorbed]
    if any(t.category in WHOLE_CLAIM and all(t.scope_start <= s and e <= t.scope_end for s, e in whole)
           for t in triggers) and whole:
        return None, False
    # A denial inside an if-clause is part of the condition, not the copy's own ("If you don't know what Spravato is,
    # it is a treatment for TRD"): it denies no claim that reaches past the clause (one wholly inside is silenced above).
    conditions = [t for t in triggers if t.category == "conditional"]
    hit = [t for t in triggers if covers(t) and t.category not in WHOLE_CLAIM and t.category != "question"
           and not (t.category in DENYING and any(c.scope_start <= t.start and t.end <= c.scope_end for c in conditions))]
    hedged = any(t.category == "hedged" for t in hit)
    if any(t.category == "reported-false" for t in hit) and all(t.category == "reported" for t in hit
                                                                  if t.category in SILENT or t.category in EXCLUDING):
        # a report the copy rejects ("Some clinics claim it works within hours, but the evidence does not support this")
        return "denies", hedged
    if any(t.category in SILENT or t.category in EXCLUDING for t in hit):
        return None, hedged
    if any(t.category in DENYING for t in hit):
        return "denies", hedged
    return "asserts", hedged


# A reason after the clause a denial or a condition stands in ("Don't eat for two hours before your Spravato dose, because
# nausea is a common side effect", "Do not drive after a ketamine session: dizziness is common"): the trigger is about the
# advice that names the drug, and its scope ends before the reason, which says the rest of the claim as the copy's own.
REASON_BREAK_RE = re.compile(r"\b(?:because|since|so that)\b|,\s*so\b|[:;]|\s[—–-]\s", re.I)


def beside_reason(sentence: str, triggers, spans: list[tuple[int, int]], named: list[tuple[int, int]]) -> tuple[Trigger, ...]:
    """The triggers without the denials and conditions whose scope holds only the treatment's name (`named`, among the
    claim's `spans`) and ends before a reason clause (REASON_BREAK_RE) that holds all the claim's other words."""
    names = [sp for sp in spans if any(a < sp[1] and sp[0] < b for a, b in named)]
    rest = [sp for sp in spans if sp not in names]
    if not names or not rest:
        return tuple(triggers)
    first = min(s for s, _ in rest)

    def only_names(t: Trigger) -> bool:
        if t.category not in DENYING and t.category != "hypothetical":
            return False
        covered = [sp for sp in spans if t.scope_start < sp[1] and sp[0] < t.scope_end]
        return bool(covered) and all(sp in names for sp in covered) and t.scope_end <= first \
            and bool(REASON_BREAK_RE.search(sentence, t.scope_end, first))

    return tuple(t for t in triggers if not only_names(t))


def contrasted(sentence: str, triggers, spans: list[tuple[int, int]]) -> bool:
    """The claim's words include the thing an opening "Unlike X," names, and what denies the claim lies
    in the main clause: the copy asserts the claim of X by contrast."""
    m = OPENING_CONTRAST_RE.match(sentence)
    if not m or not any(b <= m.end() for _, b in spans):
        return False
    denying = [t for t in triggers if t.category in DENYING
               and any(t.scope_start < e and s < t.scope_end for s, e in spans)]
    return bool(denying) and all(t.start >= m.end() for t in denying)


def opening_concession_end(sentence: str) -> int | None:
    """The end of an opening "Though/Although/While ...," clause, whose words make no claim of the main clause's."""
    m = OPENING_CLAUSE_RE.match(sentence)
    return m.end() if m else None
