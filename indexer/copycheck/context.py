"""The context a sentence takes its subject from, when it does not name it itself.

Copy leaves subjects out all the time: a list item takes its subject from the lead-in above the
list ("Advantages include: • safe for nursing moms"), an FAQ answer from its question, a sentence
saying "it", "they" or "these effects" from the sentence before, a paragraph from its heading. For
each sentence this module lists where such a subject may come from, nearest first, and how much
may come from there: `all` concepts that can be carried (kb/concepts.yaml `carry: true`), only
the `treatment` (a clinic page about ketamine does not repeat "ketamine" in every sentence), or the
`subject`: the treatment, and the illness when the sentence names none of its own (a trial report
says "esketamine led to superior improvement" under a headline naming treatment-resistant depression).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# What a referring word points back to: a treatment ("it", "this medication"), the illness ("the
# condition"), or anything plural ("they", "these effects"), which may be any carried concept.
ANAPHORS = {
    "treatment": re.compile(r"\b(?:it|its|it's|this (?:drug|medication|medicine|treatment|therapy|spray|infusion|approach|option)|"
                            r"the (?:drug|medication|medicine|treatment|therapy|spray|infusion|procedure)s?)\b", re.I),
    "illness": re.compile(r"\b(?:the|this) (?:condition|illness|disorder|disease)\b|"
                          # what only an illness has: "Its exact cause is unknown", "its pathogenesis", "its risk factors"
                          r"\bits (?:(?:exact|precise|underlying|root|main|primary|specific|early|first)\s+)?(?:causes?|"
                          r"pathogenesis|etiology|aetiology|risk factors|prevalence|diagnosis|triggers?)\b|"
                          r"\b(?:it|this)(?: is|['’]s) an? (?:[\w-]+ ){0,3}(?:condition|illness|disorder|disease)\b|"
                          # what is treated or diagnosed is the illness: "it can easily be treated with ..."
                          r"\bit (?:can|could|may|will|is|often|usually)?\s?(?:\w+ly )?(?:be )?(?:treated|diagnosed|managed|cured)\b|"
                          # what sets in at some time is the illness: "it usually begins within weeks of delivery", "it can
                          # occur up to a year later" (not a drug that "begins to work", "starts working")
                          r"\bit (?:(?:can|could|may|might|will|would|also|most|more|less|often|usually|typically|generally|commonly|"
                          r"normally|sometimes|tends to)\s+){0,2}(?:occurs?|develops?|begins?|starts?|strikes?|emerges?|"
                          r"arises?|onsets?|sets in|peaks?)\b(?!\s+(?:to|working|acting|helping)\b)|"
                          # symptoms had or begun, not said whose, are the illness's: "Within the first weeks after birth, a
                          # mother typically experiences symptoms" (not "symptoms of anxiety", "symptoms such as ...")
                          r"\b(?:experienc\w+|develop\w*|notic\w+|show\w*|get|gets|have|has|had)\s+(?:(?:any|some|new|these|the|her|their|"
                          r"early|first|initial|mild|severe)\s+)?symptoms\b(?!\s+(?:of|such as|like|including)\b)|"
                          r"^\W*(?:the\s+)?symptoms\s+(?:(?:can|may|might|often|usually|typically|generally|commonly|tend to)\s+)*"
                          r"(?:begin|start|appear|develop|emerge|occur|set in|peak|last|persist|continue)\b", re.I),
    # ("those" standing for a noun of its own sentence, "at lower levels than those used for anesthesia", and "the symptoms
    # of PTSD", which says whose, point at nothing before; "those who seek help" still may be the people named before)
    "all": re.compile(r"\b(?:they|them|their|these|such|both|"
                      r"those(?!\s+(?:used|seen|given|taken|found|reported|prescribed|observed|achieved|produced|caused|"
                      r"associated|obtained|recorded|measured)\b)|"
                      r"the (?:effects?|side effects|results|benefits)|"
                      r"the symptoms(?!\s+of\s+(?!(?:it|its|this|that|these|those|them|the (?:drug|medication|medicine|treatment|"
                      r"therapy|infusions?|spray|sessions?|condition|illness|disorder|disease))\b))|"
                      # a demonstrative naming what the sentence before described: "This mechanism", "this study"
                      r"th(?:is|at) (?:mechanism|process|effect|finding|study|trial|result|discovery|research))\b", re.I),
}
# A sentence opening with "It" or "This" continues the sentence before: when that sentence names no
# treatment, "it" is whatever that sentence was about ("Ketamine dissociation is ... It typically fades
# within two hours"; "The baby blues are common. It usually passes within two weeks"). An "it" that stands
# for nothing ("It is important to ...", "It's important to ...") is left as it was; "It's" opens as "It is" does
# ("The baby blues are common. It's usually over within two weeks").
_EMPTY_IT = (r"(?:important|essential|vital|crucial|critical|recommended|best|wise|advisable|possible|necessary|worth|helpful|a good idea|"
             r"clear|true|no secret|no surprise|not surprising|understandable|easy|hard|difficult)\b")
OPENING_IT_RE = re.compile(rf"^\W*(?:it|this)(?:\s+(?!is {_EMPTY_IT})|['’]s\s+(?!{_EMPTY_IT}))", re.I)
ANAPHOR_RE = re.compile("|".join(p.pattern for p in ANAPHORS.values()), re.I)
ELLIPTICAL_WORDS = 8
# A sentence reporting a trial's result ("22.5% of esketamine recipients achieved remission compared
# with 7.6% of placebo recipients"), whose population the headline or the paragraph before names.
TRIAL_REPORT_RE = re.compile(r"\b(?:placebo|randomi[sz]ed|trials?|MADRS|remission|end-?point|"
                             r"recipients|(?:treatment|esketamine|ketamine|placebo) (?:group|arm)|post-hoc|phase (?:\d|i+v?)\w*)\b", re.I)  # a sentence this short without a subject of its own leans on what came before


@dataclass(frozen=True)
class Source:
    sentence: int  # index of the sentence that supplies the subject
    reach: str  # all | subject | treatment | illness: which concepts may come from there
    label: str  # lead-in | question | previous sentence | heading | title


# A news headline or opening that keeps the drug's name for later ("FDA approves 1st monotherapy drug for
# treatment-resistant depression", "The FDA has approved a new treatment for suicidal patients") names it by a
# generic word; so does any sentence introducing "a new drug". Its treatment is the one the next sentences name.
GENERIC_TREATMENT_RE = re.compile(r"\b(?:drug|medication|medicine|treatment|therapy|(?:nasal )?spray|pill)s?\b", re.I)
# (not "the drug", "its treatment": a definite one is already known, as in a topic title "Off-Label Use of the Drug")
UNNAMED_TREATMENT_RE = re.compile(r"(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bits )(?<!\btheir )(?<!\byour )(?<!\bour )"
                                  + GENERIC_TREATMENT_RE.pattern, re.I)
NEW_TREATMENT_RE = re.compile(r"\b(?:a|an|the)\s+(?:(?:new|newly[- ]approved|novel|first|1st)\s+)(?:[\w-]+\s+){0,3}?"
                              r"(?:drug|medication|medicine|treatment|therapy|(?:nasal )?spray|pill)s?\b", re.I)
# Treatments named relative to an illness the sentence leaves unsaid: the usual ones ("traditional treatments focus on
# therapy and medication") and what is prescribed or recommended ("providers may prescribe antidepressant medications").
RELATIVE_TREATMENT_RE = re.compile(
    r"\b(?:traditional|standard|conventional|usual|typical|first-line|current|existing|established|mainstream)\s+"
    r"(?:treatments?|therapies|treatment options|options|approaches|care)\b|"
    r"\b(?:prescrib\w*|recommend\w*)\s+(?:an?\s+|some\s+)?(?:antidepressants?|antidepressant medications?|medications?|"
    r"psychotherapy|therapy|talk therapy|counsell?ing)\b", re.I)
OPENING_SENTENCES = 2  # the page's first body sentences (after its title) are its lead
LEAD_AHEAD = 3  # how far ahead the name is looked for


# "This" standing alone as the subject ("This can be a temporary side effect", "This means ...") points at
# what the sentence before said, not only at its treatment.
THIS_SAYS_RE = re.compile(r"^\W*this\s+(?:can|could|may|might|will|would|should|is|was|has|means|helps|allows|leads|"
                          r"makes|gives|ensures|results|explains|suggests|shows|indicates|does|usually|often|typically)\b", re.I)


BRACKETED_RE = re.compile(r"(\w[^()]*?)\([^()]*\)")  # a bracketed aside after some of the sentence's words


def refers_to(text: str, drug_at: int | None = None) -> str | None:
    """What the sentence refers back to: all (plural, or too short to stand alone), illness, treatment, or None.
    drug_at: where the sentence first names the knowledge base's own drug; a demonstrative after it ("these
    effects", "such") points back into the sentence ("The effects of ketamine can last weeks, but the duration of
    these effects varies")."""
    # (a pronoun still may: "offering hope for those dealing with this condition", "they")
    # An aside in brackets refers to what the sentence named just before it: "Unlike SSRIs, which take weeks to work
    # (if they work at all), ketamine ..." -- its "they" are the SSRIs, not the sentence before.
    # (without a bracket the pattern would still try every word's start: skipped, it finds nothing either way)
    outside = BRACKETED_RE.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text) \
        if "(" in text else text
    plural = any(drug_at is None or m.start() < drug_at or re.match(r"th(?:ey|em|eir|ose)\b", m.group(0), re.I)
                 for m in ANAPHORS["all"].finditer(outside))
    if plural or len(text.split()) <= ELLIPTICAL_WORDS or THIS_SAYS_RE.match(text):
        return "all"
    if ANAPHORS["illness"].search(text):
        return "illness"
    if ANAPHORS["treatment"].search(text):
        return "treatment"
    return None


def context_sources(sentences, blocks, names_treatment=lambda i: True, drug_at=lambda i: None,
                    names_illness=lambda i: True, names_whom=lambda i: False) -> list[list[Source]]:
    """For each sentence (objects with .block, .text, .is_question, .is_heading), its context sources.
    names_treatment(i): whether sentence i names a treatment itself; drug_at(i): where it first names the
    knowledge base's own drug (or None); names_illness(i): whether it names an illness of its own; names_whom(i):
    whether it names an illness or a population (a mother, pregnancy, an infant) of its own."""
    by_block: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_block.setdefault(s.block, []).append(i)
    # The page's title: the headings it opens with (a kicker such as "FDA" may come before the
    # headline), or else its first heading.
    titles = []
    for i, s in enumerate(sentences):
        if not s.is_heading or len(titles) == 3:
            break
        titles.append(i)
    if not titles:
        titles = [i for i, s in enumerate(sentences) if s.is_heading][:1]
    body = [i for i, s in enumerate(sentences) if not s.is_heading and i > (titles[-1] if titles else -1)]
    opening = set(titles) | set(body[:OPENING_SENTENCES])
    # Pasted paragraphs without a heading: a list's bare items are about the treatment the page's lead names ("Our clinic
    # offers ketamine therapy. ... Advantages include: • faster relief than pills"), as a title would say. (Other
    # sentences keep to their neighbours: carried into every sentence, the lead's drug made more wrong flags than right.)
    lead_subject = [] if titles else [i for i in body[:OPENING_SENTENCES] if names_treatment(i)][:1]
    out: list[list[Source]] = []
    for i, s in enumerate(sentences):
        block = blocks[s.block]
        # (where the drug is named matters only to a demonstrative, and finding it costs a reading of the sentence)
        refers = refers_to(s.text, drug_at(i) if ANAPHORS["all"].search(s.text) else None)
        # short, but whole: "Ketamine may increase the risk of postpartum psychosis." names its own drug and whom it is
        # about, and takes from the sentence before no more than a longer sentence would (not the caesarean named there);
        # a heading above it still stands over it ("Treating postpartum depression" over "Antidepressants are often
        # effective for new mothers."), and a heading itself still heads the report under it
        whole = refers == "all" and not s.is_heading and not _refers_explicitly(s.text) and not THIS_SAYS_RE.match(s.text) \
            and names_treatment(i) and names_whom(i)
        # A trial report takes its population from the report around it; other sentences only the treatment.
        default = "subject" if TRIAL_REPORT_RE.search(s.text) else "treatment"
        if refers == "treatment" and default == "subject":
            refers = "subject"  # "trials of this approach": its population comes along with the treatment
        sources: list[Source] = []
        if block.kind == "list-item" and block.lead_in is not None and block.lead_in in by_block:
            lead = by_block[block.lead_in][-1]
            # a lead-in opens the list ("Benefits include:", "Baby blues?"); a statement above it is only
            # the sentence before ("In 2019 the FDA approved esketamine for TRD." over a list of facts)
            opens = not sentences[lead].text.rstrip().endswith((".", "!"))
            sources.append(Source(lead, "all" if opens else (refers or default), "lead-in"))
        if block.question is not None and block.question in by_block:
            first_of_answer = by_block[s.block][0] == i
            reach = "all" if first_of_answer else (refers or "treatment")
            sources.append(Source(by_block[block.question][-1], reach, "question"))
        prev = _previous_sentence(i, sentences, blocks)
        if prev is not None:
            reach = default if whole else refers or default
            if reach == "treatment" and OPENING_IT_RE.match(s.text) and not names_treatment(prev):
                reach = "all"
            if reach == "treatment" and RELATIVE_TREATMENT_RE.search(s.text) and not names_illness(i) and drug_at(i) is None:
                # "PPD is treatable. Doctors may prescribe antidepressant medications.": the usual treatments, and what
                # is prescribed, are those of the illness the sentence before names (not in a sentence about the page's
                # own drug: "esketamine helps patients who haven't responded to traditional treatments" says its own)
                reach = "subject"
            sources.append(Source(prev, reach, "previous sentence"))
            if _refers_explicitly(s.text):
                # only the treatment (with a trial's population, or the illness an "it" that sets in refers to: "PPD is
                # ... It may occur up to a year later. Most often, it occurs within weeks") comes from further back:
                # what else the sentences between say is nearer
                sources += [Source(j, "subject" if default == "subject" else "illness" if refers in ("illness", "all") else "treatment",
                                   "previous sentence")
                            for j in _referred_through(prev, sentences, blocks, names_treatment)]
            if ANAPHORS["all"].search(s.text) and blocks[sentences[prev].block].kind == "list-item" and block.kind != "list-item":
                # "These effects usually fade within minutes" after a list: the whole list is referred to
                sources += [Source(j, "all", "previous sentence") for j in _list_items_before(prev, sentences, blocks)]
        elif i > 0 and sentences[i - 1].block == s.block and sentences[i - 1].is_question \
                and not sentences[i - 1].is_heading:
            # "Struggling with postpartum depression? Ketamine can help.": answered in the same breath
            sources.append(Source(i - 1, "all", "question"))
        if block.heading is not None and block.heading in by_block:
            reach = "all" if block.kind == "list-item" else (refers or default)
            sources.append(Source(by_block[block.heading][-1], reach, "heading"))
        for title in titles:
            if title != i and all(x.sentence != title for x in sources):
                sources.append(Source(title, default, "title"))
        if block.kind == "list-item":
            for lead in lead_subject:
                if lead != i and all(x.sentence != lead for x in sources):
                    sources.append(Source(lead, "treatment", "title"))
        if not names_treatment(i) and (NEW_TREATMENT_RE.search(s.text) or (i in opening and UNNAMED_TREATMENT_RE.search(s.text))):
            # a new treatment is not the one before it: the sentences after it name it first
            sources = [Source(j, "treatment", "lead") for j in _naming_ahead(i, sentences, names_treatment)] + sources
        out.append(sources)
    return out


def _naming_ahead(i: int, sentences, names_treatment) -> list[int]:
    """The next sentences (up to LEAD_AHEAD) that name a treatment, nearest first; questions ask, they name nothing."""
    return [j for j in range(i + 1, min(i + 1 + LEAD_AHEAD, len(sentences)))
            if not sentences[j].is_question and names_treatment(j)]


def _referred_through(prev: int, sentences, blocks, names_treatment, hops: int = 2) -> list[int]:
    """The sentences an anaphoric sentence before this one took its subject from: "Esketamine works differently.
    Instead, it affects glutamate. This mechanism rebuilds connections" -- "this mechanism" is esketamine's,
    two sentences back. Followed only while each sentence refers back and names no treatment of its own."""
    out = []
    while hops and not names_treatment(prev) and _refers_explicitly(sentences[prev].text):
        before = _previous_sentence(prev, sentences, blocks)
        if before is None:
            break
        out.append(before)
        prev, hops = before, hops - 1
    return out


def _refers_explicitly(text: str) -> bool:
    """A referring word ("it", "these", "this mechanism"), not mere shortness."""
    return bool(ANAPHOR_RE.search(text) or OPENING_IT_RE.match(text))


def _list_items_before(last: int, sentences, blocks) -> list[int]:
    """The other items of the list ending with sentence `last`, last first."""
    lead = blocks[sentences[last].block].lead_in
    out = []
    j = last - 1
    while j >= 0 and blocks[sentences[j].block].kind == "list-item" and blocks[sentences[j].block].lead_in == lead:
        out.append(j)
        j -= 1
    return out


def _previous_sentence(i: int, sentences, blocks) -> int | None:
    if i == 0:
        return None
    s, p = sentences[i], sentences[i - 1]
    if p.is_question or p.is_heading:
        return None
    if p.block == s.block:
        return i - 1
    a, b = blocks[p.block], blocks[s.block]
    if a.heading == b.heading and a.kind in ("paragraph", "list-item", "quote") and b.kind in ("paragraph", "quote", "list-item"):
        return i - 1
    return None
