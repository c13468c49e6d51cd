"""Claim frames: a claim is made where all of its slots are found together.

A frame (kb/claims/*.yaml `frames`) lists slots: a concept from kb/concepts.yaml, claim-specific
`also` terms, or a figure of a kind and measure within a range. A sentence makes the claim when
every slot is filled and the filling words stand together: in one clause, or within the frame's
window of words. Slots that may be carried (the treatment, the illness, breastfeeding...) can be
filled anywhere in the sentence, or from the sentence's context when the sentence lacks them; a
treatment is carried only into a clause that names no treatment of its own.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from indexer.copycheck.concepts import Lexicon, SentenceTokens, Term
from indexer.copycheck.figures import binding_measures, fills_slot
from kb.models import FIGURE_UNITS


@dataclass(frozen=True)
class CompiledSlot:
    key: str
    concept: str | None
    terms: tuple[Term, ...]  # the slot's own terms (`also`); the concept's are found once per sentence
    concept_terms: tuple[Term, ...]
    figure: tuple[str, float, float, str | None] | None  # (kind, low, high in copy units, measure)
    carry: bool
    unless: tuple[Term, ...] = ()  # words that disqualify an overlapping match ("side effects" for "effects")
    concept_key: str = ""  # the key its concept's terms are found by (SentenceTokens.find_all)
    who: bool = False  # names the illness or the people the claim is about (COMPARED_WITH_RE applies)
    section: bool = False  # may be filled by any sentence of the sentence's section (kb.models.Slot.section)
    carry_when: tuple[Term, ...] = ()  # words needed to take it from a sentence before (kb.models.Slot.carry_when)


def finds_words(slot: CompiledSlot, st: SentenceTokens) -> bool:
    """Whether the slot's own terms or its concept's occur in the sentence (not only in a comparison)."""
    if slot.who:
        return bool(_who_spans(slot, st))
    return bool(slot.terms) and st.holds(slot.key, slot.terms) or \
        bool(slot.concept) and st.holds(slot.concept_key, slot.concept_terms)


@dataclass(frozen=True)
class CompiledFrame:
    claim_id: str
    slots: tuple[CompiledSlot, ...]
    window: int
    unless: tuple[Term, ...] = ()
    key: str = ""
    asides: tuple[Term, ...] = ()  # the background-aside concept's terms: an `unless` word inside one does not count
    denies: bool = False  # the frame's words state the claim's opposite (models.Frame.denies)
    # the `not_within` words of the concepts `unless` names: "@breastfeeding" vetoes "nursing" but not "nurse practitioner"
    unless_guard: tuple[Term, ...] = ()


# A background aside ("Originally developed as an anesthetic, ketamine ...") names a word many frames' `unless` lists hold
# ("as an anesthetic": the anaesthetic's own speed or approval) without saying anything of the claim: an `unless` word
# standing inside one is passed over, as ConText passes over a pseudo-trigger. The asides are data (kb/concepts.yaml).
ASIDE_CONCEPT = "background-aside"


class FrameIndex:
    """The frames a sentence could fill, in their original order.

    A frame can only match if each of its own (not carried, not figure) slots finds a word in the
    sentence. All the terms a sentence holds are found in one reading of it (concepts.TermIndex), so a
    frame missing one is dropped here, before any of its slots is matched: the same hits, without the
    work on the ~140 frames most sentences cannot complete.
    """

    def __init__(self, frames: list["CompiledFrame"]):
        self.frames = frames
        self.own = [tuple(s for s in frame.slots if not s.carry and s.figure is None) for frame in frames]
        # per own slot, the keys of the term lists that fill it: its own words, its concept's
        self.own_keys = [tuple(frozenset({s.key, s.concept_key} - {""}) for s in own) for own in self.own]
        # Each frame filed under the keys of one own slot, its last (the first is mostly the drug, which most
        # sentences name): only frames filed under a key the sentence holds are tested further.
        self.always = [n for n, keys in enumerate(self.own_keys) if not keys]
        self.by_key: dict[str, list[int]] = {}
        for n, keys in enumerate(self.own_keys):
            for key in keys[-1] if keys else ():
                self.by_key.setdefault(key, []).append(n)

    def candidates(self, st: SentenceTokens) -> list["CompiledFrame"]:
        found = st.reading()
        if found is None:  # a sentence read without the index
            return [frame for frame, own in zip(self.frames, self.own) if all(finds_words(s, st) for s in own)]
        filed = set(self.always)
        for key in found:
            filed.update(self.by_key.get(key, ()))
        return [self.frames[n] for n in sorted(filed)
                if all(not fills.isdisjoint(found) for fills in self.own_keys[n])]


@dataclass(frozen=True)
class FrameHit:
    claim_id: str
    spans: tuple[tuple[int, int], ...]  # the words in the sentence that filled the slots
    absorbed: tuple[tuple[int, int], ...]  # filling terms that themselves deny ("no need to stop")
    carried: tuple[str, ...]  # slots filled from context (concept names)
    figures: tuple[int, ...]  # start offsets of the copy figures that filled figure slots
    home: int | None = None  # the clause the frame's words were taken from, when one clause held them all

    @property
    def score(self) -> float:
        return round(max(0.5, 1.0 - 0.1 * len(self.carried)), 2)


def compile_frames(kb, lexicon: Lexicon) -> list[CompiledFrame]:
    out = []
    for claim in kb.claims.values():
        for fi, frame in enumerate(claim.frames):
            slots = []
            for si, slot in enumerate(frame.slots):
                concept_terms = lexicon.terms.get(slot.concept, ()) if slot.concept else ()
                terms = tuple(lexicon.compile_all(slot.also))
                fig = None
                if slot.figure:
                    per = FIGURE_UNITS.get(slot.unit or "minutes", 1) if slot.figure == "duration" else 1
                    fig = (slot.figure, slot.range[0] * per, slot.range[1] * per, slot.measure)
                carry = slot.section or (slot.carry if slot.carry is not None else lexicon.carries(slot.concept or ""))
                slots.append(CompiledSlot(f"{claim.id}/{fi}/{si}", slot.concept, terms, concept_terms, fig,
                                          carry, tuple(lexicon.compile_all(slot.unless)),
                                          f"concept:{slot.concept}" if slot.concept else "",
                                          lexicon.category(slot.concept or "") in WHO_CATEGORIES, slot.section,
                                          tuple(lexicon.compile_all(slot.carry_when))))
            # Slots that must be in the sentence first: a frame fails fast on the first one missing.
            slots.sort(key=lambda s: s.carry)
            unless = tuple(lexicon.compile_all(frame.unless))
            guard = tuple(dict.fromkeys(t for x in frame.unless if x.startswith("@")
                                        for t in lexicon.not_within.get(x[1:], ())))
            out.append(CompiledFrame(claim.id, tuple(slots), frame.window, unless, f"{claim.id}/{fi}",
                                     lexicon.terms.get(ASIDE_CONCEPT, ()) if unless else (), frame.denies, guard))
    return out


# A claim whose frames give a figure's range is about that figure: "a course of six infusions". A sentence that states a
# figure of the same measure outside every such range ("a series of 10 infusions over two weeks") makes another claim, even
# where a frame's words alone ("a course ... over two weeks") would fill it (labelling guide: a specific claim needs its
# specifics; decision 19: a course of 4 is another protocol). Only for the measures figure_measures.yaml says bind.
def figure_bounds(frames: list[CompiledFrame]) -> dict[str, dict[tuple[str, str], tuple[tuple[float, float], ...]]]:
    """Per claim, the ranges its frames' figure slots give, by the figure's kind and (binding) measure."""
    binding = binding_measures()
    out: dict[str, dict[tuple[str, str], tuple[tuple[float, float], ...]]] = {}
    for frame in frames:
        for slot in frame.slots:
            if slot.figure is not None and slot.figure[3] in binding:
                kind, lo, hi, measure = slot.figure
                ranges = out.setdefault(frame.claim_id, {})
                ranges[(kind, measure)] = (*ranges.get((kind, measure), ()), (lo, hi))
    return out


# A count given per week, day or month ("two sessions per week for three weeks") is a rate, not the whole course.
RATE_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:(?:per|a|each|every)\s+(?:week|day|month)|weekly|daily|monthly)\b", re.I)


def states_other_figure(bounds: dict[tuple[str, str], tuple[tuple[float, float], ...]], text: str, copy_figures,
                        used: tuple[int, ...] = (), compared=lambda start: False) -> bool:
    """The sentence gives a figure of a measure the claim fixes, outside the claim's ranges, and the frame took none of it
    (`used`: the start offsets of the figures its hit took; a figure named only to compare, compared(start), is the other
    side's)."""
    for (kind, measure), ranges in bounds.items():
        same = [f for f in copy_figures if f.kind == kind and f.measure == measure and not compared(f.start)
                and not (kind == "count" and RATE_AFTER_RE.match(text, f.end))]
        if same and not any(f.start in used for f in same) \
                and not any(fills_slot(f.low, f.high, lo, hi, measure) for f in same for lo, hi in ranges):
            return True
    return False


def concept_guards(lexicon: Lexicon, frames: list[CompiledFrame] = ()) -> dict[str, str]:
    """A concept's list key -> the key of its `not_within` words (TermIndex drops its terms found inside them); the same
    for a frame's `unless` list that names such a concept."""
    guards = {f"concept:{name}": f"concept:{name}/not_within" for name in lexicon.not_within}
    guards.update({f"{f.key}/unless": f"{f.key}/unless/not_within" for f in frames if f.unless_guard})
    return guards


def term_lists(lexicon: Lexicon, frames: list[CompiledFrame]) -> dict[str, tuple[Term, ...]]:
    """Every list of terms a check looks for, by the key SentenceTokens.find_all is asked for it by."""
    lists: dict[str, tuple[Term, ...]] = {f"concept:{name}": terms for name, terms in lexicon.terms.items()}
    lists.update({f"concept:{name}/not_within": terms for name, terms in lexicon.not_within.items()})
    for frame in frames:
        lists[frame.key + "/unless"] = frame.unless
        if frame.unless_guard:
            lists[frame.key + "/unless/not_within"] = frame.unless_guard
        for slot in frame.slots:
            lists[slot.key] = slot.terms
            lists[slot.key + "/unless"] = slot.unless
            if slot.carry_when:
                lists[slot.key + "/carry_when"] = slot.carry_when
            if slot.concept:
                lists[slot.concept_key] = slot.concept_terms
    return lists


class WordIndex:
    """Word numbers of character offsets, for measuring distances in words."""

    def __init__(self, text: str):
        self.starts = [m.start() for m in re.finditer(r"\w+", text)]

    def at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def figure_spans(slot: CompiledSlot, copy_figures) -> list[tuple[int, int, bool]]:
    if slot.figure is None:
        return []
    kind, lo, hi, measure = slot.figure
    # A duration says nothing without what it times ("takes 40 minutes" is not "relief within 40
    # minutes"), so a duration slot needs the copy figure's measure; a percentage or a count of
    # unknown measure may still fill its slot.
    allowed = (measure,) if kind == "duration" or measure is None else (measure, "unknown")
    return [(f.start, f.end, False) for f in copy_figures
            if f.kind == kind and fills_slot(f.low, f.high, lo, hi, measure) and (measure is None or f.measure in allowed)]


# Measures the words around a duration tell reliably enough to overrule a slot's time words (a wait
# before nursing is told by "wait", which also opens "waiting weeks for an antidepressant to work").
TIMES_OF_SOMETHING_ELSE = frozenset({"observation", "session-length", "effect-duration", "course-length"})


# What a comparison sets the claim's subject against is not who the claim is about: "outperforms other
# antidepressants" is not the population other antidepressants failed, "lasts longer than in bipolar
# depression" not a claim about bipolar depression.
WHO_CATEGORIES = frozenset({"illness", "population"})
COMPARED_WITH_RE = re.compile(r"\b(?:than|unlike|compared (?:to|with)|versus|vs\.?|outperform(?:s|ed|ing)?)\s+"
                              r"(?:(?:the|a|an|other|those|people|patients|with|for|in|on|of)\s+)*$", re.I)


def _word_spans(slot: CompiledSlot, st: SentenceTokens) -> list[tuple[int, int, bool]]:
    """Where the slot's own terms and its concept's occur."""
    spans = list(st.find_all(slot.key, slot.terms)) if slot.terms else []
    if slot.concept:
        spans += st.find_all(slot.concept_key, slot.concept_terms)
    return spans


def _who_spans(slot: CompiledSlot, st: SentenceTokens) -> list[tuple[int, int, bool]]:
    return [s for s in _word_spans(slot, st) if not COMPARED_WITH_RE.search(st.text, max(0, s[0] - 60), s[0])]


def slot_spans(slot: CompiledSlot, st: SentenceTokens, copy_figures) -> list[tuple[int, int, bool]]:
    spans = _who_spans(slot, st) if slot.who else _word_spans(slot, st)
    if slot.unless and spans:
        blocked = st.find_all(slot.key + "/unless", slot.unless)
        spans = [s for s in spans if not any(b[0] < s[1] and s[0] < b[1] for b in blocked)]
    if slot.figure is not None and slot.figure[3] is not None and spans:
        # A time said in words ("hours of", "a few hours") within a figure the copy gives for something else
        # ("stay for 2 hours of monitoring") measures that, as the figure does.
        kind, measure = slot.figure[0], slot.figure[3]
        other = [(f.start, f.end) for f in copy_figures
                 if f.kind == kind and f.measure != measure and f.measure in TIMES_OF_SOMETHING_ELSE]
        spans = [s for s in spans if not any(a < s[1] and s[0] < b for a, b in other)]
    return spans + figure_spans(slot, copy_figures)


def _in(span, clause) -> bool:
    return clause[0] <= span[0] and span[1] <= clause[1]


def match_frame(frame: CompiledFrame, st: SentenceTokens, clauses, words: WordIndex, copy_figures,
                context_has, own_treatment_clauses, treatments: set[str], named=lambda slot, span: True,
                names_other_drug: bool = False, avoid: frozenset[int] = frozenset(),
                subjects: dict[int, tuple[int, int]] | None = None) -> FrameHit | None:
    """The frame's hit in this sentence, or None.

    context_has(slot) -> concept name when the sentence's context fills the slot;
    own_treatment_clauses: indexes of clauses naming a treatment (no treatment is carried into them);
    named(slot, span): whether the span names the slot's treatment itself, not a generic "the infusion";
    names_other_drug: the sentence names a drug treatment as its own subject (not only to compare);
    avoid: clauses not to take the frame's words from (one whose words a condition silenced);
    subjects: for a clause that left its subject to the clause before ("..., but is widely used"), where that
    subject stands (sentences.clause_subjects): its words count as the clause's own.
    """
    subjects = subjects or {}
    local: list[tuple[CompiledSlot, list]] = []
    carried_slots: list[tuple[CompiledSlot, list]] = []
    for slot in frame.slots:
        spans = slot_spans(slot, st, copy_figures)
        if slot.carry:
            carried_slots.append((slot, spans))
        else:
            if not spans:
                return None
            local.append((slot, spans))
    chosen = _choose_local(local, clauses, words, frame.window, avoid, subjects)
    if chosen is None:
        return None
    used, home = chosen
    carried: list[str] = []
    for slot, spans in carried_slots:
        if spans and names_other_drug and slot.concept in treatments and not any(named(slot, s) for s in spans):
            # "Treatment guidelines recommend Prozac ...": the generic word is the other drug's
            return None
        if spans:
            # In the sentence: prefer an occurrence in the same clause as the rest of the frame.
            inside = [s for s in spans if home is None or _in(s, clauses[home])
                      or (home in subjects and _in(s, subjects[home]))]
            if inside and home is not None and home in own_treatment_clauses and slot.concept in treatments \
                    and not any(named(slot, s) for s in inside):
                return None  # "the infusion" beside "brexanolone" is brexanolone's, not the claim's treatment
            if inside or home is None or home not in own_treatment_clauses or slot.concept not in treatments:
                used.append((inside or spans)[0])
                continue
            return None
        if home is not None and home in own_treatment_clauses and slot.concept in treatments:
            return None
        if slot.concept in treatments and any(ci in own_treatment_clauses and any(_in(u, c) for u in used)
                                              for ci, c in enumerate(clauses)):
            # words taken across clauses ("... but these methods aren't always effective in treating the leading cause
            # of death: suicide"): one of them in a clause about another treatment is that treatment's
            return None
        name = context_has(slot)
        if name is None:
            return None
        carried.append(name)
    if not local and not used:
        return None
    # the frame's `unless` words last: most frames fail on a missing slot long before
    if frame.unless and _blocked(frame, st):
        return None
    figs = tuple(s[0] for slot, _ in local + carried_slots if slot.figure for s in used
                 if any(f.start == s[0] for f in copy_figures))
    return FrameHit(frame.claim_id, tuple((a, b) for a, b, _ in used), tuple((a, b) for a, b, neg in used if neg),
                    tuple(carried), figs, home)


def _blocked(frame: CompiledFrame, st: SentenceTokens) -> bool:
    """Whether the frame's `unless` words stand in the sentence outside every background aside."""
    blocked = st.find_all(frame.key + "/unless", frame.unless)
    if blocked and frame.asides:
        asides = st.find_all(f"concept:{ASIDE_CONCEPT}", frame.asides)
        blocked = [b for b in blocked if not any(a0 <= b[0] and b[1] <= a1 for a0, a1, _ in asides)]
    return bool(blocked)


def _choose_local(local, clauses, words: WordIndex, window: int, avoid: frozenset[int] = frozenset(),
                  subjects: dict[int, tuple[int, int]] | None = None):
    """One span per local slot, all in one clause (with the subject it left to the clause before) or within
    `window` words: (spans, clause index)."""
    if not local:
        return [], None
    subjects = subjects or {}
    for ci, clause in enumerate(clauses):
        if ci in avoid:
            continue
        picks, own = [], False
        for _, spans in local:
            inside = [s for s in spans if _in(s, clause)]
            if not inside and ci in subjects:
                inside = [s for s in spans if _in(s, subjects[ci])]
            else:
                own = own or bool(inside)
            if not inside:
                break
            # prefer a term that itself denies ("isn't recommended"): it carries the claim's own negation
            picks.append(max(inside, key=lambda s: s[2]))
        else:
            if own:
                return picks, ci
    anchor_slot = min(range(len(local)), key=lambda i: len(local[i][1]))
    for anchor in local[anchor_slot][1]:
        w0 = words.at(anchor[0])
        picks = []
        for i, (_, spans) in enumerate(local):
            if i == anchor_slot:
                picks.append(anchor)
                continue
            near = [s for s in spans if abs(words.at(s[0]) - w0) <= window]
            if not near:
                break
            picks.append(min(near, key=lambda s: (not s[2], abs(words.at(s[0]) - w0))))
        else:
            home = next((ci for ci, c in enumerate(clauses) if _in(anchor, c)), None)
            return picks, home
    return None
