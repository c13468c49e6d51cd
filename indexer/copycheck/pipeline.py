"""check(text, units): the copy checker's steps glued together (see the package docstring)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indexer.analysis import text_analyzer
from indexer.copycheck import claim_model, figures
from indexer.copycheck.blocks import NOT_COPY_KINDS, split_blocks
from indexer.copycheck.checkworthy import Pending, deferred, resolve
from indexer.copycheck.concepts import NOT_DRUGS, Lexicon, SentenceTokens, TermIndex
from indexer.copycheck.context import ANAPHOR_RE, OPENING_IT_RE, context_sources
from indexer.copycheck.frames import (FrameIndex, WordIndex, compile_frames, concept_guards, figure_bounds, finds_words,
                                      match_frame, slot_spans, states_other_figure, term_lists)
from indexer.copycheck.normalize import normalize
from indexer.copycheck.report import CheckReport, ClaimFlag, SentenceResult, claim_info
from indexer.copycheck.sentences import clause_subjects, split_clauses, split_sentences
from indexer.copycheck.speller import CopySpeller
from indexer.copycheck.stance import (SILENT, beside_reason, contrasted, denial_stands, find_triggers, is_question,
                                      opening_concession_end, stance_of)

MAX_CHECK_CHARS = 200_000
# A heading that announces a topic as a question ("How ketamine works for PPD") asserts nothing.
# (also a part of a title after a bar: "Postpartum depression symptoms | How to treat postpartum depression")
# ("What you need to know about the first FDA-approved treatment for PPD" asks nothing: it names a topic, which may state)
HEADING_ASKS = re.compile(r"(?:^|\s\|\s)\s*(?!what (?:you (?:need|should) )?to know about\b)(?:how|what|when|where|which|who|whether|is|are|can|does|do|should)\b", re.I)
# ...but a "how" headline in statement order presupposes what it says ("How Ketamine Infusions Can Help People With
# Severe Depression", "How Some Women Are Using Ketamine to Treat Postpartum Depression" state that it helps), as the
# labelling guide's "Why ketamine beats antidepressants" does (labelling decisions, round 8 rule 5, lx rule 7). It still
# asks when it is a question ("How does ketamine work?", "How long does it last"), an instruction ("How to ...") or only
# names how something does what it does in the simple present ("How ketamine works", the guide's example that asserts
# nothing; "How Ketamine Infusion treats Postpartum Depression" heads a section on the mechanism).
HEADING_HOW_STATES = re.compile(r"^\W*how\s+(?!(?:to|does|do|did|is|are|was|were|am|can|could|should|shall|will|would|may|might|"
                                r"much|many|long|soon|fast|quickly|often|safe|effective|well|exactly|far|likely|good|bad|"
                                r"important|common|rare|big|severe|serious)\b)(?![^?]*\bwork(?:s|ing)?\b)[^?]*\b(?:can|could|may|might|"
                                r"will|is|are|using|beats?)\b[^?]*$", re.I)
# A list item that opens with a verb ("• Can relieve depression within hours", "• Is compatible with
# breastfeeding") is a predicate whose subject is the lead-in, not a question; only a wh-word asks there.
LIST_ITEM_ASKS = re.compile(r"^\s*(?:how|what|when|where|which|who|whether)\b", re.I)
# A heading that names a section's topic ("Esketamine Pregnancy and Breastfeeding Warnings",
# "Ketamine side effects") announces what follows and states nothing itself.
HEADING_NAMES_TOPIC = re.compile(r"\b(?:warn\w*|precautions|side[- ]effects|risks|considerations|information|overview|"
                                 r"guide|faqs?|dosage|dosing|interactions|summary|basics|facts|resources|"
                                 r"what (?:you need )?to know|explained|"
                                 # an image's alt text or caption is page furniture ("Quality Approved Resource logo")
                                 r"logo|icon|badge|banner|image|photo|thumbnail|"
                                 # a stage of the treatment named as a section ("Maintenance phase", "The Evaluation Process")
                                 r"phase|stage|process|timeline|"
                                 # a kind of use named as a section ("FDA-Approved Use", "Off-Label Uses", "Clinical
                                 # Indications"): the lines under it say which uses
                                 r"(?:fda[- ]approved|approved|off[- ]label|on[- ]label|labell?ed|unapproved|clinical|other|"
                                 r"current|investigational) (?:uses?|indications?))\W*$", re.I)
# A research paper's title names its question: "Efficacy of esketamine nasal spray over quetiapine: ...".
HEADING_NAMES_STUDY = re.compile(r"^\W*(?:the )?(?:efficacy|effectiveness|safety|effects?|use|role|impact|outcomes?|benefits|advantages|"
                                 r"comparison|evaluation|assessment)(?: and (?:safety|efficacy|tolerability))? of\b", re.I)
# A heading that names a treatment and what it is for, and nothing more ("Ketamine-Assisted Therapy for Treatment-Resistant
# Depression", "SPRAVATO Treatment for TRD in Decatur, GA", "Esketamine Nasal Spray for TRD: seven concerns") names a service
# or a topic (labelling guide: a title asserts only when it states something; labelling decisions: "A page title that only
# names its topic"); with a verb or a result or novelty word of its own ("Why ketamine beats antidepressants for new moms",
# "Fast relief for depression", "The First Nasal Spray Medication for TRD": round 7 rule 11) it may state.
HEADING_NAMES_SERVICE = re.compile(r"\b(?:therap(?:y|ies)|treatments?|infusions?|(?:nasal )?spray|ketamine|esketamine|spravato|kap|"
                                   r"psychotherapy|medications?|clinics?|programs?|sessions?)\s+for\b", re.I)
HEADING_RESULT = re.compile(r"\b(?:relief|relieve\w*|effective\w*|works?|helps?|heals?|cures?|beats?|lifts?|ease\w*|better|best|"
                            r"fast\w*|rapid\w*|quick\w*|proven|safe\w*|hope|breakthrough|new|newer|newest|latest|first|approv\w+|cleared|"
                            # a headline's own verb ("FDA greenlights esketamine nasal spray for depression")
                            r"green-?light\w*|clears|backs|endorses|launch\w*|gets|wins|offers|brings|shows|treats|prevents|reduces|"
                            r"improves|targets|transforms|expands|adds|allows|gives|provides|receives|earns|grants|okays)\b", re.I)
HEADING_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did)\b", re.I)
# ...unless it has a verb or a predicate of its own ("Ketamine has minimal side effects").
HEADING_STATES = re.compile(r",|\b(?:is|are|was|were|be|has|have|had|can|could|may|might|will|would|should|must|does|"
                            r"do|did|no|not|minimal|mild|transient|temporary|brief|short-lived|rare|few|fewer|less|more|than)\b", re.I)
TOPIC_CATEGORIES = ("treatment", "illness", "outcome", "body", "population")
# A lead-in naming the kind of its items states what it says by itself: "The most common side effects
# include:" is the claim, its bare items are not (labelling guide: a list of side effects or risk
# factors is labelled once, on its lead-in). Other lead-ins ("Ketamine can help with:", "effective
# for many conditions, such as") make their claims item by item; a label of a few words ("Common
# side effects:") only names what the lines under it say.
LEAD_IN_NAMES_KIND_RE = re.compile(r"\b(?:side[- ]effects?|(?:adverse|short-term|common|possible|unwanted) (?:effects|reactions)|"
                                   r"risk factors|risks)\b", re.I)
LIST_LABEL_WORDS = 4
# The word of a lead-in that names what its items are ("Benefits of KAP include:", "Advantages:"): each item says which
# benefit (Checker._item_fills_kind)
LEAD_IN_KIND_WORD_RE = re.compile(r"(?:benefits?|advantages?|pros|upsides?)", re.I)
# A lead-in naming whom a treatment is considered for states eligibility ("IV ketamine may be considered for patients
# who:"), unless the heading or question right above it says what the treatment does for them ("Who May Benefit?",
# "What Conditions Can Ketamine Treat?", "Signs and Symptoms Ketamine Therapy May Address"): then the list is an
# indication list, each item read as what the treatment may treat (labelling decisions, review of l15 rule 2).
ELIGIBILITY_LEAD_IN_RE = re.compile(r"\b(?:(?:may|might|can|could)\s+be|is|are)\s+(?:considered|recommended|suitable|"
                                    r"appropriate)\s+for\b(?=[^:]*:\s*$)", re.I)
# A heading saying the conditions under it are treated ("Commonly Treated Conditions", "Conditions We Treat") is a use
# lead-in, not a bare topic heading: its items are read as "Conditions treated include ..." (labelling decisions, use
# lead-ins and condition menus), so TRD and the other conditions keep their claims and plain depression none.
TREATED_CONDITIONS_HEADING_RE = re.compile(r"^\W*(?:(?:commonly|most\s+commonly|frequently)\s+)?(?:treated\s+(?:conditions|"
                                           r"disorders)|(?:conditions|disorders)\s+(?:we\s+treat|treated)|what\s+we\s+treat)\W*$", re.I)
TREATED_CONDITIONS_LEAD_IN = "Conditions treated include "
HEADING_EFFECT_RE = re.compile(r"\b(?:treats?|address(?:es)?|benefit|help|helps|relieves?|improves?)\b", re.I)
# A lead-in or heading over a list of bare side effects ("Some patients may experience:", "Most Common Side Effects",
# "Tell your doctor if any of these symptoms are severe or do not go away:" over "• nausea", "• dizziness") says by itself
# that the drug causes them: the list is labelled once, on its lead-in (labelling decisions round 2 rule 5, round 8 rule
# 13, round 9 rule 22). The lead-in names the items' kind or their being had; the items are mostly the drug's effects.
EFFECT_LIST_CLAIM = "ketamine-common-side-effects"
EFFECT_LIST_CONCEPTS = ("side-effects", "dissociation")
EFFECT_LIST_LEAD_RE = re.compile(r"\b(?:side[- ]effects?|adverse|reactions?|effects|symptoms|experiences?|experienced|feel|"
                                 r"feeling|notice)\b", re.I)
# ...or that the drug causes them, however short ("EsKetamine may cause:" over "• dizziness", "• nausea and vomiting"):
# a verb of causing is no mere label of the lines under it (LIST_LABEL_WORDS)
EFFECT_LIST_CAUSES_RE = re.compile(r"\b(?:can|may|might|could|will|often|commonly|sometimes)\s+(?:also\s+)?(?:cause|produce|"
                                   r"induce|lead to|result in)\s*:\s*$", re.I)
EFFECT_KIND_RE = re.compile(r"(?:side[- ]|adverse |after-?|untoward )(?:effects?|events?)", re.I)
EFFECT_LIST_MIN_ITEMS = 2  # items naming an effect, and at least a quarter of the items
# A treatment named only to compare with ("safer than most antidepressants", "unlike SSRIs") is not
# the clause's subject: the page's own treatment can still be carried into it.
# Nor is one that failed before it ("an inadequate response to two oral antidepressants", "who have
# tried SSRIs", "despite limited efficacy of traditional antidepressants"), or one it is given with
# ("approved in conjunction with an oral antidepressant").
COMPARED_RE = re.compile(r"\b(?:than|unlike|compared (?:to|with)|instead of|versus|vs\.?|when|where|after|if|differently from|different from|"
                         r"apart from|as opposed to|in union with|"  # "unique experiences that set it apart from IV ketamine"
                         r"advantages? over|an edge over|departure from|differs? from|"  # "Its main advantage over other conventional treatments"
                         r"contrast (?:to|with)|"  # "a stark contrast to the weeks traditional antidepressants take"
                         r"outperform(?:s|ed|ing)?|superior to|"  # "an effective treatment that outperforms other antidepressants"
                         r"similar (?:\w+\s+)?to|akin to|comparable to|likened to|"  # "reports of similar highs to LSD"
                         r"(?:response|responded|respond|responding) to|tried|failed|despite|"
                         r"in conjunction with|in combination with|combined with|together with|along with|alongside|plus|"
                         r"(?:as )?(?:an )?adjunct(?:ive)? to|as an add-on to|"  # given with it: "as adjunct to oral antidepressant"
                         r"(?:limited|poor|inadequate) (?:efficacy|effect|response|benefit) (?:of|from|to)|"
                         # relief not found ("a breakthrough for people who haven't found relief with standard treatments")
                         r"(?:not|\w+n['’]t|never|no)\s+(?:yet\s+)?(?:found|find|gotten|got|get|had|seen|experienced)\s+"
                         r"(?:\w+\s+){0,2}?(?:relief|success|improvement|benefit|results?)\s+(?:with|from)|"
                         r"without (?:finding|getting|experiencing) (?:\w+\s+){0,2}?(?:relief|success|improvement|benefit) (?:with|from))"
                         r"\s+(?:\w+\s+){0,4}$", re.I)
# A wait set against the drug's speed names the slow drug only to compare, however far the wait is told from it
# ("in as little as 30 minutes, compared with weeks or even months for existing antidepressants", "within hours rather than
# the four to six weeks typically required for SSRIs", "in just hours, not weeks like most antidepressants").
TIME_COMPARED_RE = re.compile(r"\b(?:than|instead of|rather than|compared (?:to|with)|versus|vs\.?|not)\s+[^.;:!?]{0,50}?"
                              r"\b(?:weeks?|months?)\b[^.;:!?]{0,40}?\b(?:for|with|of|on|from|like|by)\s+(?:[\w-]+\s+){0,3}$", re.I)
COMPARED_REACH, TIME_COMPARED_REACH = 40, 90


def compared_before(text: str, start: int, x: int) -> bool:
    """The treatment word at x is named only to compare (COMPARED_RE just before it, TIME_COMPARED_RE further back)."""
    return bool(COMPARED_RE.search(text[max(start, x - COMPARED_REACH):x])
                or TIME_COMPARED_RE.search(text[max(start, x - TIME_COMPARED_REACH):x]))


# The clause break "X, unlike Y, is ..." (or ", compared to Y") leaves the comparison word before the clause that names Y:
# Y is still named only to compare.
UNLIKE_BREAK_RE = re.compile(r"\b(?:unlike|compared (?:to|with)|as opposed to|in contrast to)\b,?\s+$", re.I)
# An opening concession ("Although doctors do not fully understand how ketamine works, it ...") whose main clause calls
# the drug it names "it" (not "Unlike X, it ...", whose X is another drug, nor "Whether ..., it").
CONCESSION_IT_RE = re.compile(r"^\s*(?P<clause>(?:although|though|even though|while|despite)\b[^,]{3,120},)"
                              r"\s*(?:it|the (?:drug|medication|medicine|treatment))\b", re.I)
# A drug described by its class ("pharmacists can also offer it as a rapid-onset, highly effective antidepressant", "it is
# a fast-acting antidepressant", "As a first-line antidepressant, ketamine ..."): the class word names what the drug is,
# not another treatment, so the clause is not another drug's and the page's drug can still be carried into it.
# So is the drug the copy calls "this new antidepressant" or "a rapid-acting antidepressant": no standard drug is new or fast.
CATEGORY_OF_RE = re.compile(r"(?:\bas|\b(?:it|this|that|which)(?:\s+(?:is|was)|['’]s))\s+(?:an?|one of the)\s+"
                            r"(?:(?:[\w-]+,?|and)\s+){0,4}$|"
                            r"\b(?:this|the)\s+(?:new|novel|newer|experimental|investigational)\s+$|\b(?:rapid|fast|quick)[- ]acting\s+$", re.I)
CATEGORY_WORD_RE = re.compile(r"anti-?depressants?\b", re.I)
# what a reading is set against just before a concept's words ("lasts longer than in bipolar depression")
COMPARED_WITH_RE = re.compile(r"\b(?:than|unlike|compared (?:to|with)|versus|vs\.?|as opposed to|rather than)\b[^,;.]*$", re.I)


def names_category(sentence: str, start: int, x: int) -> bool:
    """The treatment word at x is a class word the words before it (from `start`) give a drug (CATEGORY_OF_RE)."""
    return bool(CATEGORY_WORD_RE.match(sentence, x)) and bool(CATEGORY_OF_RE.search(sentence[max(start, x - 60):x]))

# A lead-in line ("Common side effects of Spravato include", "Benefits:") announces the list under it.
LEAD_IN_RE = re.compile(r"(?::|\b(?:include|includes|including|such as|are|are as follows))\s*$", re.I)
# A lead-in naming the members of a set ("Common side effects include:", "Risk factors include:") is
# labelled once, on the lead-in (labelling decisions 17, 18); one that a list item completes ("Ketamine
# can help with: • PTSD") makes its claim item by item (decision 15).
MEMBERS_LEAD_IN_RE = re.compile(r"\b(?:include|includes|including|such as|are|are as follows|as follows)\s*:?\s*$", re.I)
# ...but a full sentence that ends in a colon states something before its list ("When untreated, the
# effects ripple into a child's long-term development:"), unless it ends on the word that opens the list.
LISTING_END_RE = re.compile(r"\b(?:include|includes|including|such as|are|as follows|following|particularly|especially|"
                            r"like|for|of|to|treat|treating|with|ask|below|these|here|is|were|was|"
                            # a subject the items' verbs complete ("may be a good option if you:" over "• Struggle with
                            # PTSD"; "is considered for individuals experiencing:" over "• Refractory fibromyalgia")
                            r"you|who|experiencing|suffering from|struggling with)\s*:\s*$|"
                            # "(used to treat) the following (mental health) conditions:" opens a list of the conditions;
                            # "the following risk factors:" names a set, labelled once on its lead-in (MEMBERS_LEAD_IN_RE)
                            r"\bthe following(?:\s+[\w-]+){0,2}\s+(?:conditions|disorders|illnesses|diagnoses)\s*:\s*$", re.I)
STATING_LEAD_IN_WORDS = 9


def states_before_list(text: str) -> bool:
    return text.rstrip().endswith(":") and len(re.findall(r"\w+", text)) >= STATING_LEAD_IN_WORDS \
        and not LISTING_END_RE.search(text)
# The treatments a page's reader already has, named in general words ("current models of treatment aren't effective for
# everyone", "these methods aren't always effective", "their existing treatment course"): a clause whose subject they
# are is about them, so the page's own drug is not carried into it (as into one naming an SSRI).
OTHER_TREATMENTS_RE = re.compile(r"\b(?:(?:current|conventional|traditional|standard|existing|usual|older|typical|first-line|"
                                 r"available|established|mainstream|other)\s+(?:(?:depression|antidepressant|pharmacological|"
                                 r"psychiatric|drug|medication|mental health)\s+)?(?:models? of (?:treatment|care)|treatments?|"
                                 r"therapies|medications?|medicines|drugs|options|methods|approaches|treatment (?:courses?|plans?|"
                                 r"options|methods|approaches))|these (?:methods|approaches|older treatments|medications|drugs))"
                                 # ...followed by their verb ("Typical treatment phases" names no treatment)
                                 r"(?=\s+(?:(?:often|usually|typically|generally|simply|still|also|just|frequently|sometimes|only|"
                                 r"alone)\s+)?(?:may|might|can|could|do|does|did|have|has|had|are|is|were|was|will|would|"
                                 r"don['’]t|doesn['’]t|didn['’]t|aren['’]t|isn['’]t|haven['’]t|hasn['’]t|can['’]t|won['’]t|cannot|"
                                 r"fail|fails|failed|work|works|take|takes|help|helps|leave|leaves|come|comes|carry|carries)\b)", re.I)
# ...as its subject: opening the clause or after a conjunction ("ketamine helps those for whom standard treatments have
# failed" names them only as what failed)
SUBJECT_OPENING_RE = re.compile(r"(?:^\W*|[,;]\s*|\b(?:as|and|because|since|while|but|that|yet)\s+)"
                                r"(?:(?:the|their|your|most|many|some|all|our|such|even|often|today['’]s)\s+)*$", re.I)
# "antidepressant effects" names an effect, not a drug the sentence is about.
EFFECT_OF_RE = re.compile(r"\s+(?:effects?|actions?|response|properties|activity|benefits?|qualities)\b", re.I)
# A page naming another drug in this many sentences, and ketamine in under a third as many, is about that drug.
OTHER_DRUG_SENTENCES = 3
PAGE_DRUG_SENTENCES = 2  # a page about another drug names the one it is about in at least this many sentences
# The words that stand for the drug a page is about when the sentence names none: one drug, dose or course, "it" or
# "this is" ("The drug offers almost immediate relief", "a one-time infusion"); treatments in the plural are treatments
# in general ("most approved therapies take weeks"), and a sentence with none of these words ("View the FDA announcement
# here") says nothing of the drug.
PAGE_DRUG_WORD_RE = re.compile(r"\b(?:drug|medication|medicine|treatment|therapy|infusion|injection|pill|capsule|tablet|"
                               r"dose|option|it|this(?=\s+(?:is|was|can|could|may|might|will|would|has|had)\b))\b(?!-)", re.I)
# A sentence that names the drug the sentence before spoke of ("It's called Zulresso.", "The drug is called brexanolone and
# will be sold as Zulresso", "It is known as zuranolone, sold under the brand name Zurzuvae").
NAMING_RE = re.compile(r"\W*(?:it|the (?:new )?(?:drug|medication|medicine|treatment|therapy|pill|spray|nasal spray)|"
                       r"this (?:new )?(?:drug|medication|medicine|treatment|therapy|pill|spray))(?:['’]s| is| was| will be| has been)?\s+"
                       r"(?:called|named|known as|sold as|marketed as|branded as|sold under)\b", re.I)
# A sentence about an illness alone ("Left untreated, it can harm the baby's development", "The most common complication of
# childbirth can last for months") takes the illness from the sentence before, its heading or the page's title, as a
# treatment is taken ("the illness of the page"); not a story told in the first person ("I missed so much time with him").
ILLNESS_SOURCES = ("previous sentence", "heading", "title")
# The sources a slot's `carry_when` words are asked of: the sentences before this one. A heading or the page's title stands
# over all the text under it; a sentence before makes the next about the same people only when it says so ("these
# patients", kb.models.Slot.carry_when).
CARRY_WHEN_SOURCES = ("previous sentence", "lead-in", "question")
# A sentence takes at most one part of a claim from its context: one holding a single part of a three-part claim, the
# other two from its context ("Many people experience relief within hours or days." under a heading naming
# treatment-resistant depression on a ketamine page), mostly says something else: on the 1,374 tuning pages 54 of the 76
# flags with two slots carried were wrong. More parts come only from one sentence, into a sentence opening "It"/"This"
# (the labelling guide's paragraph that "only says 'it'" under a heading: "Ketamine for treatment-resistant depression.
# It works for most patients.") or into the answer to that sentence, a question (the guide's FAQ answer: "Can you do TMS
# and ketamine together? Combined treatment may boost results."). A slot a frame fills from its section on purpose
# (`section: true`) does not count.
MAX_CARRIED_SLOTS = 1
SINGULAR_REFERENCE_RE = re.compile(r"\b(?:it|its|it['’]s|this|that)\b", re.I)
FIRST_PERSON_RE = re.compile(r"\b(?:I|me|my|I['’]m|I['’]ve|I['’]d)\b")
# A bare answer to the question before it: "Yes.", "No, it isn't.", "Yes, it can!"
BARE_ANSWER_RE = re.compile(r"^\W*(yes|no)\b(?:\s*[,.!]?\s*(?:it|they|you|this|that|she|he)\s+\w+(?:n['’]t|\s+not)?)?\W*$", re.I)
# A sentence opening "Still, ..." concedes; it is not "still" breastfeeding or "still" effective.
# A trailing "especially at higher doses" grades effects the sentence has named (labelling decisions: "the potential to cause
# dissociative and hallucinogenic effects, especially at higher doses" keeps ketamine-common-side-effects); it does not
# make them misuse's, as "when used frequently or in high doses" does.
MASKED_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b(?:in short|in brief|for short|in a nutshell)\b|\A\W*still(?=\s*,)|"
                       r"\b(?:intention|intent)[- ]to[- ]treat\b|"  # a trial's analysis set, not a drug that treats
                       # an approval still to come ("If approved, zuranolone would be ...", "could potentially lead to FDA approval")
                       r"\bif (?:it is |it's |it were |it gets |the drug (?:is|were|gets) )?(?:approved|cleared|authori[sz]ed|licensed)\b|"
                       r"\b(?:could|would|may|might) (?:potentially |eventually |ultimately )?(?:lead to|pave the way for|result in) "
                       r"(?:an? |its |their )?(?:fda |regulatory )?approval\b|"
                       # how a drug works set beside another ("doesn't work how conventional antidepressants do", "they don't work the
                       # same way") says nothing of whether either works
                       r"\b(?:doesn|don)['’]t (?=work (?:how|like|the same way|in the same way)\b)|"
                       r"\b(?:does|do) not (?=work (?:how|like|the same way|in the same way)\b)|"
                       # an insurer's approval of coverage is no regulator's approval
                       r"\b(?:approved|approval|approve) (?:it |them )?for (?:insurance )?coverage\b|\b(?:insurance|coverage) approval\b|"
                       # help to understand or decide is the page's information, not a treatment's benefit
                       r"\b(?:can |will |may )?help(?:s|ed|ing)? (?:you|patients|people|readers|individuals|families)(?: to)? (?:better )?"
                       r"(?:understand|decide|make informed|make an informed|make the right|learn|prepare|know what|choose|plan|determine)\b|"
                       r"(?<=,)\s+(?:especially|particularly|mostly|mainly|more so)\s+(?:at|with)\s+(?:higher|high|larger)\s+doses\b", re.I)


# How far a section slot (kb.models.Slot.section) reaches, in sentences either way: a long section's far end
# is about something else.
SECTION_REACH = 6


def section_of(i: int, sents) -> list[int]:
    """The other sentences of sentence i's section, nearest first: the text under the same heading or FAQ question
    (the heading itself included), or, on a page with neither, the same paragraph."""
    def starts_section(s) -> bool:
        return s.is_heading or s.kind == "question"
    if not any(starts_section(s) for s in sents):
        same = [j for j in range(max(0, i - SECTION_REACH), min(len(sents), i + SECTION_REACH + 1))
                if j != i and sents[j].block == sents[i].block]
        return sorted(same, key=lambda j: abs(j - i))
    before, j = [], i - 1
    while j >= 0 and i - j <= SECTION_REACH:
        before.append(j)
        if starts_section(sents[j]):
            break
        j -= 1
    after, j = [], i + 1
    while j < len(sents) and j - i <= SECTION_REACH and not starts_section(sents[j]):
        after.append(j)
        j += 1
    if starts_section(sents[i]):
        before = []
    return sorted(before + after, key=lambda j: abs(j - i))


@dataclass
class Sentence:
    start: int  # offsets in the normalized text
    end: int
    text: str
    block: int
    is_question: bool
    is_heading: bool
    kind: str = "paragraph"  # its block's kind (blocks.Block.kind): the check-worthiness model weighs it


class Checker:
    """Everything compiled once per index snapshot: analyzer, concepts, frames, speller."""

    def __init__(self, kb, ix=None, *, compile_phrases: bool = False):
        """`compile_phrases`: compile every phrase term now (a server's checker), not when a sentence first needs it."""
        self.kb = kb
        synonyms = kb.vocabulary.synonyms if kb.vocabulary else []
        self.analyzer = text_analyzer(synonyms)
        self.lexicon = Lexicon(kb.concepts, self.analyse)
        self._includes: dict[str, tuple[str, ...]] = {}
        self.frames = compile_frames(kb, self.lexicon)
        self.frame_index = FrameIndex(self.frames)
        self.figure_bounds = figure_bounds(self.frames)
        self.frames_of: dict[str, list] = {}
        for f in self.frames:
            self.frames_of.setdefault(f.claim_id, []).append(f)
        self.term_index = TermIndex(term_lists(self.lexicon, self.frames), concept_guards(self.lexicon, self.frames))
        if compile_phrases:
            self.term_index.compile_phrases()
        treatments = set(self.lexicon.names("treatment"))
        self.treatments = treatments
        # Concepts that name a treatment, directly or through `include` ("ketamine-session").
        self.treatment_like = {n for n in self.lexicon.concepts
                               if n in treatments or treatments & set(self._included(n))}
        self.topics = [n for n in self.lexicon.concepts if self.lexicon.category(n) in TOPIC_CATEGORIES]
        self.speller = CopySpeller(ix, kb) if ix is not None else None
        subject = kb.concepts.subject if kb.concepts else None
        self.default_subject = subject if subject in self.lexicon.concepts else None
        # The slots the default subject fills: the generic ones that include it ("ketamine-session": the
        # treatment as copy refers to it), not those naming the drug itself.
        self.subject_fills = {n for n in self.lexicon.concepts if self.default_subject in self._included(n)}
        # The knowledge base's own drugs (ketamine and the esketamine it includes), and the slots they fill.
        self.subject_drugs = {self.default_subject, *self._included(self.default_subject)} - {None}
        self.subject_slots = self.subject_fills | self.subject_drugs
        self.other_drugs = treatments - self.subject_drugs - NOT_DRUGS - {
            n for n in treatments if self.subject_drugs & set(self._included(n))}
        self.info = {cid: claim_info(c) for cid, c in kb.claims.items()}
        # The drugs each claim's statement is about, with the forms they include ("ketamine": esketamine too; "esketamine
        # nasal spray": esketamine only): a claim the model finds must be about a drug the sentence names, if it names one
        self.statement_drugs = {}
        for cid, c in kb.claims.items():
            # read for the drugs' terms alone (no index): reading every list would compile hundreds of phrases at start-up
            named = self._most_specific(self._drugs_named(SentenceTokens.of(c.statement, self.analyzer)))
            self.statement_drugs[cid] = {x for n in named for x in (n, *self._included(n))}
        # The claims whose statement names only the knowledge base's own drugs: another drug's words count only apart
        # from every span of ours ("IV ketamine" is also racemic ketamine's term, and still ours), and antidepressants
        # named as the comparison or an effect's kind do not count ("unlike conventional antidepressants", "the
        # antidepressant effect"; "taken with an oral antidepressant" does)
        self.ours_only = set()
        for cid, c in kb.claims.items():
            st = SentenceTokens.of(c.statement, self.analyzer)
            ours = [(x, y) for n in self.subject_drugs for x, y, _ in self._concept_spans(st, n)]
            if ours and not any(not any(x < b and a < y for a, b in ours)
                                and not (n == "antidepressant" and (COMPARED_WITH_RE.search(c.statement, 0, x)
                                                                    or EFFECT_OF_RE.match(c.statement, y)))
                                for n in self.other_drugs for x, y, _ in self._concept_spans(st, n)):
                self.ours_only.add(cid)
        # the slots a claim declares its context may fill (`carry: true`): the page's drug may fill them (_page_drug)
        self.declared_carry = {f"{c.id}/{fi}/{si}" for c in kb.claims.values() for fi, f in enumerate(c.frames)
                               for si, s in enumerate(f.slots) if s.carry}
        # ...even with no word for a drug in the sentence, in the frames that say so (`page_drug: true`)
        self.page_drug_frames = {f"{c.id}/{fi}" for c in kb.claims.values() for fi, f in enumerate(c.frames) if f.page_drug}
        # Frames about an illness alone (no slot for a treatment): the illness may come from the context as a treatment would
        self.illness_frames = {f.key for f in self.frames
                               if not any(sl.concept in self.treatment_like for sl in f.slots)
                               and any(self.lexicon.category(sl.concept or "") == "illness" for sl in f.slots)
                               # (not a bare figure: "under the 10% threshold" beside the illness of the page is no prevalence)
                               and any(not sl.figure and self.lexicon.category(sl.concept or "") != "illness" for sl in f.slots)}
        self.illness_like = [n for n in self.lexicon.concepts if self.lexicon.category(n) == "illness"]
        # The illnesses a sentence may name as its own (not "baby blues", whose concept also holds "mother")
        self.own_illnesses = [n for n in self.lexicon.names("illness")
                              if all(self.lexicon.category(x) == "illness" for x in self._included(n))]
        self.whom = self.lexicon.names("illness") + self.lexicon.names("population")
        # The claims another claim's reading makes too, with the concept its clause must name (Claim.also_when)
        self.also_when = {cid: [(r.claim, r.names) for r in c.also_when if r.claim in kb.claims and r.names in self.lexicon.concepts]
                          for cid, c in kb.claims.items() if c.also_when}
        # The claims a page set in another market makes instead (Claim.elsewhere, _in_another_market)
        self.elsewhere = {cid: c.elsewhere for cid, c in kb.claims.items()
                          if c.elsewhere and c.elsewhere in kb.claims}

    def _drugs_named(self, st: SentenceTokens) -> set[str]:
        """The drugs a sentence names (antidepressants, named mostly as the comparison, do not count)."""
        return {n for n in self.treatments - NOT_DRUGS - {"antidepressant"} if self._concept_spans(st, n)}

    def _most_specific(self, named: set[str]) -> set[str]:
        """"ketamine", whose terms include esketamine's, is not counted where esketamine itself is named."""
        return {n for n in named if not named & (set(self._included(n)) - {n})}

    def _included(self, name: str) -> tuple[str, ...]:
        """The concepts `name` includes, directly or through another (kept: the lexicon is fixed for the checker's life,
        and the frames ask this some two thousand times a page)."""
        found = self._includes.get(name)
        if found is None:
            found = self._includes[name] = tuple(self._expand_included(name, set()))
        return found

    def _expand_included(self, name: str, seen: set[str]) -> list[str]:
        c = self.lexicon.concepts.get(name)
        if c is None or name in seen:
            return []
        seen.add(name)
        return [i for inc in c.include for i in [inc, *self._expand_included(inc, seen)]]

    def analyse(self, text: str) -> list[str]:
        return [t.text for t in self.analyzer(text, mode="query")]

    def _concept_spans(self, st: SentenceTokens, name: str):
        return st.find_all(f"concept:{name}", self.lexicon.terms.get(name, ()))

    # -- the pipeline ----------------------------------------------------------------------
    def check(self, text: str, *, source: str = "text", units=None) -> CheckReport:
        truncated = len(text) > MAX_CHECK_CHARS
        text = text[:MAX_CHECK_CHARS]
        norm = normalize(text)
        blocks = split_blocks(norm, units)
        sents: list[Sentence] = []
        for b in blocks:
            for sp in split_sentences(norm.text, b.start, b.end):
                n_words = len(re.findall(r"\w+", sp.text))
                title_like = b.kind == "heading" or (n_words <= 14 and not sp.text.rstrip().endswith((".", "!"))
                                                     and not states_before_list(sp.text))
                names_topic = title_like and bool(
                    (LIST_ITEM_ASKS.match(sp.text) if b.kind == "list-item"
                     else HEADING_ASKS.search(sp.text) and not HEADING_HOW_STATES.match(sp.text))
                    or (HEADING_NAMES_TOPIC.search(sp.text) and not HEADING_STATES.search(sp.text)))
                # a paper's title may be long, but it has no full stop and no verb; nor does it open a list ("Benefits of KAP
                # include:" is a lead-in its items complete)
                names_study = bool(HEADING_NAMES_STUDY.search(sp.text)) and not HEADING_VERB.search(sp.text) \
                    and not sp.text.rstrip().endswith((".", "!", ":"))
                names_service = title_like and bool(HEADING_NAMES_SERVICE.search(sp.text)) \
                    and not HEADING_VERB.search(sp.text) and not HEADING_RESULT.search(sp.text)
                asks = is_question(sp.text) or b.kind == "question" or names_topic or names_study or names_service
                sents.append(Sentence(sp.start, sp.end, sp.text, b.index, asks, b.kind == "heading", b.kind))
        # A web address's words, and discourse markers ("in short" is not "short-lived"), ("...spravato-esketamine-approved...") are not the copy's words.
        work = [MASKED_RE.sub(lambda m: " " * len(m.group(0)), self.speller.correct(s.text) if self.speller else s.text)
                for s in sents]
        tokens = [SentenceTokens.of(w, self.analyzer, self.term_index) for w in work]
        sources = context_sources(sents, blocks, lambda j: any(self._concept_spans(tokens[j], n) for n in self.treatments),
                                  lambda j: min((x for n in self.subject_drugs for x, _, _ in self._concept_spans(tokens[j], n)), default=None),
                                  lambda j: any(self._concept_spans(tokens[j], n) for n in self.own_illnesses),
                                  lambda j: any(self._concept_spans(tokens[j], n) for n in self.whom))
        subject = self._page_subject(tokens)
        other_drug_page = self._about_another_drug(tokens)
        page_drug = self._page_drug(tokens) if other_drug_page else self._narrower_page_drug(tokens)
        section_drugs = self._section_drugs(sents, tokens)
        results = []
        last_of_block = {s.block: i for i, s in enumerate(sents)}
        effect_leads = {} if other_drug_page else self._effect_list_leads(sents, blocks, tokens, work, sources, subject)
        effect_items = {j for items in effect_leads.values() for j in items}
        unsure: list[tuple[SentenceResult, Pending]] = []  # check-worthiness the second stage settles, in one batch
        claim_model.prefetch([text[a:b] for a, b in (norm.to_original(s.start, s.end) for s in sents)])
        for i, s in enumerate(sents):
            a, b = norm.to_original(s.start, s.end)
            result = SentenceResult(text[a:b], a, b)
            # in a section about another treatment, the sentence is read as on a page about it
            on_other, drug = (other_drug_page, page_drug) if other_drug_page or section_drugs[i] is None \
                else (True, section_drugs[i] or None)
            # a works-cited line is not the page's own claim, nor is a lead-in that only opens its list
            if not s.is_question and blocks[s.block].kind not in NOT_COPY_KINDS:
                # a lead-in's own words may state a claim ("SPRAVATO is FDA-approved for:"); one that is only a label or
                # needs what came before ("The results were striking:") states nothing: its items are read with it
                opens_list = self._only_opens_list(s)
                if not opens_list or HEADING_VERB.search(s.text):
                    self._flag(i, work[i], tokens, sources[i], sents, norm, text, result, subject,
                               self._lead_in_words(i, sents, blocks, last_of_block, work), on_other, drug,
                               unsure=None if opens_list else unsure, own_words=opens_list)
                if opens_list:
                    result.checkworthy = False
            answered = False
            if not result.claims and (answer := BARE_ANSWER_RE.match(s.text)):
                self._answer_question(answer.group(1), i, work, tokens, sources, sents, norm, text, result, subject,
                                      on_other, drug)
                answered = bool(result.claims)
            if not result.claims and not s.is_question and (named := self._named_after(i, sources[i], tokens, results)):
                # "The FDA has approved the first drug for postpartum depression. It's called Zulresso.": the name completes
                # what the sentence before told, which is now said of the drug it names
                prev, told = named
                result.claims = [replace(c, figures=[]) for c in told]
                result.checkworthy = False
                a, b = norm.to_original(sents[prev].start, sents[prev].end)
                result.context = text[a:b]
            if not s.is_question and blocks[s.block].kind not in NOT_COPY_KINDS and not self._only_opens_list(s):
                if self._add_learned(result, work[i], tokens[i], results[-1].text if results else "", drug,
                                     on_other, answered):
                    # the model doubted every claim the frames found: the sentence is asked, as one they found nothing in
                    result.context = None
                    self._ask_checkworthy(i, work[i], tokens[i], sources[i], tokens, sents, result, unsure)
            if i in effect_leads and not any(c.id == EFFECT_LIST_CLAIM for c in result.claims):
                claim = self.kb.claims[EFFECT_LIST_CLAIM]
                result.claims.append(ClaimFlag(claim.id, "asserts", claim.verdict, claim.certainty, 1.0, False, []))
                result.checkworthy = False
            elif i in effect_items and [c.id for c in result.claims] == [EFFECT_LIST_CLAIM] and not EFFECT_KIND_RE.search(s.text):
                result.claims = []  # a bare item of such a list: the lead-in says it for the list ("Temporary increase
                # in blood pressure", whose own qualifier makes a claim beside it, keeps it; so does an item that names
                # its kind and says it by itself: "- Side effects can include dizziness, nausea, and vomiting")
            results.append(result)
        for (result, _), answer in zip(unsure, resolve([pending for _, pending in unsure])):
            if not result.claims:  # a claim found later (the name the next sentence gives) settles it
                result.checkworthy = answer
        abroad = self._in_another_market(tokens)
        for result in results:
            if abroad:
                self._as_another_market_s(result)
            # A claim the KB added beyond the canonical catalog is, to a reader who knows only the catalog, a check-worthy
            # claim outside it: say so, beside the KB's answer (report.SentenceResult.uncovered stays claims-free).
            if any(not self.kb.claims[c.id].catalog for c in result.claims):
                result.checkworthy = True
        return CheckReport(source, text, results, self.info, truncated)

    def _in_another_market(self, tokens) -> bool:
        """The page is set in another market than the US: it names another regulator or market (`other-regulator`:
        the TGA, Health Canada, "in the UK") and never the FDA or the US (`us-market`). On the tuning pages so set, 46
        approvals were labelled the other market's and 2 the FDA's; on the pages naming no other market, 462 and 3."""
        if not self.elsewhere or not all(n in self.lexicon.concepts for n in ("other-regulator", "us-market")):
            return False
        return any(self._concept_spans(st, "other-regulator") for st in tokens) \
            and not any(self._concept_spans(st, "us-market") for st in tokens)

    def _as_another_market_s(self, result: SentenceResult) -> None:
        """Each claim with an `elsewhere` becomes that claim (the approval the page reports is its own market's),
        unless the sentence already makes it."""
        kept: list[ClaimFlag] = []
        for flag in result.claims:
            other = self.elsewhere.get(flag.id)
            if other is None:
                kept.append(flag)
            elif not any(k.id == other for k in [*kept, *result.claims]):
                claim = self.kb.claims[other]
                kept.append(replace(flag, id=other, verdict=claim.verdict, certainty=claim.certainty, figures=[]))
        result.claims[:] = kept

    def _answer_question(self, word, i, work, tokens, sources, sents, norm, text, result, subject, other_drug_page, page_drug):
        """A bare "Yes." or "No, it isn't." answering the question before it says what the question asks, as a statement
        ("Is Spravato FDA approved? Yes." asserts the approval; "Is ketamine addictive? No." denies it)."""
        q = next((src.sentence for src in sources[i] if src.label == "question"), None)
        if q is None or not sents[q].is_question:
            return
        asked = SentenceResult(result.text, result.start, result.end)
        statement = work[q][:-1] + "." if work[q].endswith("?") else work[q]
        self._flag(q, statement, tokens, sources[q], sents, norm, text, asked, subject, None, other_drug_page, page_drug)
        flip = {"asserts": "denies", "denies": "asserts"}
        result.claims = [c if word.lower() == "yes" else replace(c, stance=flip[c.stance]) for c in asked.claims]
        if result.claims:  # the report shows the question the answer's claims come from
            a, b = norm.to_original(sents[q].start, sents[q].end)
            result.context = text[a:b]

    def _names_other_condition(self, st) -> bool:
        """Names an illness-like condition that is no illness of its own kind (the baby blues, which postpartum-any holds
        beside the illness and the new mother)."""
        inner = [(a, b) for n in self.own_illnesses for a, b, _ in self._concept_spans(st, n)]
        inner += [(a, b) for n in self.lexicon.concepts if self.lexicon.category(n) == "population" for a, b, _ in self._concept_spans(st, n)]
        return any(not any(x <= a and b <= y for x, y in inner)
                   for n in self.lexicon.concepts if self.lexicon.category(n) == "illness" and n not in self.own_illnesses
                   for a, b, _ in self._concept_spans(st, n))

    def _named_after(self, i, sources, tokens, results) -> tuple[int, list] | None:
        """For a sentence that gives the name of a drug the sentence before told of without naming any ("The FDA has approved
        the first drug for postpartum depression. It's called Zulresso."): that sentence, and the claims it made that the
        drug now named can make (a frame of theirs has a slot the drug fills)."""
        if not NAMING_RE.match(tokens[i].text):
            return None
        named = {n for n in self.treatments if self._concept_spans(tokens[i], n)}
        prev = next((src.sentence for src in sources if src.label == "previous sentence"), None)
        if not named or prev is None or any(self._concept_spans(tokens[prev], n) for n in self.treatments):
            return None
        told = [c for c in results[prev].claims
                if any(sl.concept and (sl.concept in named or named & set(self._included(sl.concept)))
                       for f in self.kb.claims[c.id].frames for sl in f.slots)]
        return (prev, told) if told else None

    def _only_opens_list(self, s) -> bool:
        """A lead-in that states nothing by itself ("Ketamine can help with:", "Side effects:"): see LEAD_IN_NAMES_KIND_RE."""
        return self._only_leads_in(s) and (len(re.findall(r"\w+", s.text)) < LIST_LABEL_WORDS
                                           or not LEAD_IN_NAMES_KIND_RE.search(s.text))

    @staticmethod
    def _only_leads_in(s) -> bool:
        return bool(LEAD_IN_RE.search(s.text)) and not states_before_list(s.text)

    def _lead_in_words(self, i, sents, blocks, last_of_block, work) -> tuple[str, int] | None:
        """For a list item under a lead-in that states nothing by itself ("Ketamine can help with:"), the
        lead-in's words and sentence index: the item completes its sentence ("... with: • PTSD"), so it is
        matched with them. Two lead-ins are read as the use they state rather than as written: a treated-conditions
        heading (TREATED_CONDITIONS_HEADING_RE) and an eligibility lead-in under a heading naming the effect
        (ELIGIBILITY_LEAD_IN_RE); _flag then analyses those words afresh."""
        block = blocks[sents[i].block]
        if block.kind != "list-item" or block.lead_in is None or block.lead_in not in last_of_block:
            return None
        lead = last_of_block[block.lead_in]
        if sents[lead].is_heading and TREATED_CONDITIONS_HEADING_RE.match(sents[lead].text):
            return TREATED_CONDITIONS_LEAD_IN, lead
        if sents[lead].is_question or sents[lead].is_heading or not self._only_leads_in(sents[lead]) \
                or (MEMBERS_LEAD_IN_RE.search(sents[lead].text) and LEAD_IN_NAMES_KIND_RE.search(sents[lead].text)):
            return None
        words = work[lead].rstrip().rstrip(":") + " "
        above = blocks[block.lead_in - 1] if block.lead_in > 0 else None
        if above is not None and above.kind in ("heading", "question") and ELIGIBILITY_LEAD_IN_RE.search(work[lead]) \
                and any(HEADING_EFFECT_RE.search(s.text) for s in sents if s.block == above.index):
            # read afresh in _flag: no longer the lead-in's own text
            words = ELIGIBILITY_LEAD_IN_RE.sub("may treat", work[lead], count=1).rstrip().rstrip(":") + " "
        return words, lead

    def _flag(self, i, sentence, tokens, sources, sents, norm, text, result: SentenceResult, subject=None,
              lead_in: tuple[str, int] | None = None, other_drug_page: bool = False, page_drug: str | None = None,
              unsure: list | None = None, own_words: bool = False) -> None:
        item_sentence, item_st = sentence, tokens[i]
        st = tokens[i]
        if lead_in:
            lead_in, lead = lead_in
            sentence = lead_in + sentence
            st = SentenceTokens.joined(tokens[lead], lead_in, tokens[i]) \
                if tokens[lead].text.startswith(lead_in.rstrip()) else SentenceTokens.of(sentence, self.analyzer, self.term_index)
        clauses = split_clauses(sentence)
        words = WordIndex(sentence)
        copy_figures = figures.extract(sentence)
        def named_as_own(a: int, b: int):
            """The treatments the span a..b names as its own: not only to compare, not an effect's kind, not a class word."""
            unlike = UNLIKE_BREAK_RE.search(sentence, 0, a)  # "X, unlike Y, ...": the comparison word the clause break left behind
            start = unlike.start() if unlike else a
            return {(x, y, n) for n in self.treatments for (x, y, _) in self._concept_spans(st, n)
                    if a <= x and y <= b and not compared_before(sentence, start, x)
                    and not EFFECT_OF_RE.match(sentence, y) and not names_category(sentence, a, x)}

        own_named = {(ci, n) for ci, (ca, cb) in enumerate(clauses) for _, _, n in named_as_own(ca, cb)}
        # a clause that left its subject to the clause before ("SSRIs are widely available but may not prove
        # effective") is about the treatment that clause names as its subject
        subjects = clause_subjects(sentence, clauses)
        own = {ci for ci, _ in own_named} | {ci for ci, (ca, cb) in enumerate(clauses)
                                             for m in OTHER_TREATMENTS_RE.finditer(sentence, ca, cb)
                                             if SUBJECT_OPENING_RE.search(sentence[ca:m.start()])} \
            | {ci for ci, (sa, sb) in subjects.items() if named_as_own(sa, sb)}
        # on a page about another drug, "the treatment" and "this medicine" are that drug
        names_drug = other_drug_page or any(n not in NOT_DRUGS for _, n in own_named)
        used_source: list[int] = []
        # a sentence about no treatment and no other condition (not the baby blues) may take the illness from its context
        # for a claim about the illness alone
        illness_free = not any(self._concept_spans(st, n) for n in self.treatments) and not self._names_other_condition(st) \
            and not FIRST_PERSON_RE.search(sentence)
        refers_back = bool(SINGULAR_REFERENCE_RE.search(sentence))
        opens_with_it = bool(OPENING_IT_RE.match(sentence))


        def context_has(slot):
            if other_drug_page and slot.concept in self.subject_slots:
                return None
            if own_words and slot.concept not in self.treatment_like:
                return None
            if slot.section:
                hit = next((j for j in section_of(i, sents) if finds_words(slot, tokens[j])), None)
                if hit is not None:
                    used_source.append(hit)
                    return slot.concept or slot.key
                return None
            ill_carry = illness_free and slot.key.rsplit("/", 1)[0] in self.illness_frames \
                and self.lexicon.category(slot.concept or "") == "illness"
            for src in sources:
                if ill_carry and ((not finds_words(slot, tokens[src.sentence])
                                   and any(self._concept_spans(tokens[src.sentence], n) for n in self.illness_like))
                                  or (refers_back and any(self._concept_spans(tokens[src.sentence], n) for n in self.treatments))):
                    # the nearest condition named is the one meant (a sentence about the baby blues stops it), and an "it" after
                    # a sentence naming a drug is the drug ("Ketamine is used for PPD. Its side effects include ...")
                    ill_carry = False
                if src.reach == "treatment" and slot.concept not in self.treatment_like \
                        and not (ill_carry and src.label in ILLNESS_SOURCES):
                    continue
                if src.reach == "subject" and slot.concept not in self.treatment_like \
                        and self.lexicon.category(slot.concept or "") != "illness":
                    continue
                if src.reach == "illness" and self.lexicon.category(slot.concept or "") != "illness" \
                        and slot.concept not in self.treatment_like:
                    continue
                if slot.carry_when and src.label in CARRY_WHEN_SOURCES \
                        and not st.holds(slot.key + "/carry_when", slot.carry_when):
                    continue
                src_tokens = tokens[src.sentence]
                if finds_words(slot, src_tokens):
                    used_source.append(src.sentence)
                    taken.append((src.sentence, src.label))
                    return slot.concept or slot.key
            if subject is not None and slot.concept in self.subject_fills:
                taken.append((None, "subject"))
                return slot.concept
            if page_drug is not None and not own and slot.key in self.declared_carry \
                    and (PAGE_DRUG_WORD_RE.search(sentence) or slot.key.rsplit("/", 1)[0] in self.page_drug_frames) \
                    and (slot.concept == page_drug or (page_drug not in self.subject_drugs and page_drug in self._included(slot.concept or ""))):
                taken.append((None, "page"))
                return slot.concept  # "The drug offers almost immediate relief" on a page about brexanolone
            return None
        # where the slots carried into the frame being matched came from: (sentence, its label), None for no sentence
        taken: list[tuple[int | None, str]] = []

        best: dict[str, tuple] = {}
        for frame in self.frame_index.candidates(st):
            taken.clear()
            hit = match_frame(frame, st, clauses, words, copy_figures, context_has, own, self.treatment_like,
                              named=lambda slot, span: self._names_treatment(st, slot, span),
                              names_other_drug=names_drug, subjects=subjects)
            if hit is None:
                continue
            bounds = self.figure_bounds.get(frame.claim_id)
            if bounds and states_other_figure(bounds, sentence, copy_figures, hit.figures,
                                              lambda x: compared_before(sentence, 0, x)):
                continue  # a session count outside the claim's range: another course (frames.figure_bounds)
            if len(taken) > MAX_CARRIED_SLOTS and not (len(set(taken)) == 1 and taken[0][0] is not None
                                                       and (opens_with_it or taken[0][1] == "question")):
                continue
            triggers = self._triggers(sentence, st, hit)
            stance, hedged = stance_of(triggers, [sp for sp in hit.spans if sp not in hit.absorbed], hit.absorbed)
            if stance is None and hit.home is not None and len(clauses) > 1:
                # silenced in one clause ("If Paxil left you still depressed, ..."): another clause may say it
                retry = match_frame(frame, st, clauses, words, copy_figures, context_has, own, self.treatment_like,
                                    named=lambda slot, span: self._names_treatment(st, slot, span),
                                    names_other_drug=names_drug, avoid=frozenset({hit.home}), subjects=subjects)
                if retry is not None:
                    hit = retry
                    triggers = self._triggers(sentence, st, hit)
                    stance, hedged = stance_of(triggers, [sp for sp in hit.spans if sp not in hit.absorbed], hit.absorbed)
            if stance == "denies" and hit.home is not None and any(ci > hit.home for ci in subjects):
                # "Ketamine is not approved for treating depression, but is effective for it": the clause after "but"
                # says the claim of the same subject, and what it says is not under the first clause's denial
                retry = match_frame(frame, st, clauses, words, copy_figures, context_has, own, self.treatment_like,
                                    named=lambda slot, span: self._names_treatment(st, slot, span), names_other_drug=names_drug,
                                    avoid=frozenset(range(len(clauses))) - set(subjects), subjects=subjects)
                if retry is not None and retry.home in subjects:
                    retry_stance = stance_of(find_triggers(sentence, retry.absorbed),
                                             [sp for sp in retry.spans if sp not in retry.absorbed])
                    if retry_stance[0] == "asserts":
                        hit, (stance, hedged) = retry, retry_stance
            if stance is None and (opening := opening_concession_end(sentence)):
                # "While it is unknown how ketamine works, a single dose can lift mood within hours": the
                # opening clause's gap or condition is its own; the main clause may still say the claim
                main = self._match_after(frame, sentence, opening, context_has, own, names_drug)
                if main is not None:
                    rest = " " * opening + sentence[opening:]
                    stance, hedged = stance_of(find_triggers(rest, main.absorbed),
                                               [sp for sp in main.spans if sp not in main.absorbed])
                    hit = main if stance is not None else hit
            if stance == "denies" and contrasted(sentence, triggers, hit.spans):
                stance = "asserts"
            elif stance == "denies" and (opening := opening_concession_end(sentence)):
                # "Though not approved for depression, esketamine is approved for TRD": the main clause's own words
                main = self._match_after(frame, sentence, opening, context_has, own, names_drug)
                if main is not None and stance_of(find_triggers(sentence, main.absorbed), list(main.spans))[0] == "asserts":
                    hit, stance = main, "asserts"
                elif main is None and (kept := self._concession_drug(sentence, st, opening)) is not None:
                    # "Although doctors do not fully understand how ketamine works, it is effective for depression": the main
                    # clause's "it" is the drug the concession names; the concession's other words (its "not") are its own
                    main = self._match_after(frame, kept, 0, context_has, own, names_drug)
                    if main is not None and stance_of(find_triggers(kept, main.absorbed),
                                                      [sp for sp in main.spans if sp not in main.absorbed])[0] == "asserts":
                        hit, stance = main, "asserts"
            if frame.denies and stance is not None:
                stance = "asserts" if stance == "denies" else "denies"
            if stance == "denies" and not denial_stands(hit.claim_id, sentence):
                continue  # a failure or a limit beside the efficacy words, not a finding against them
            if stance is None:
                continue
            if lead_in and not any(b > len(lead_in) for _, b in hit.spans):
                hit = self._item_fills_kind(frame, hit, st, copy_figures, len(lead_in))
            prev = best.get(hit.claim_id)
            if prev is None or (stance == "asserts" and prev[1] != "asserts") or hit.score > prev[0].score:
                best[hit.claim_id] = (hit, stance, hedged)
        if lead_in:  # the item must fill part of the claim: the lead-in alone states nothing
            best = {cid: v for cid, v in best.items() if any(b > len(lead_in) for _, b in v[0].spans)}
        # the drugs the sentence names as its own, not as what another is set against anywhere before them ("faster than
        # antidepressants or therapies like ECT"); antidepressants are named mostly as the comparison. Only read where a
        # frame found a claim: most sentences have none.
        own_drugs = {n for x, _, n in named_as_own(0, len(sentence)) if not COMPARED_WITH_RE.search(sentence, 0, x)} \
            - NOT_DRUGS - {"antidepressant"} if best else set()
        if best and ((other_drug_page and not self._drugs_named(st)) or (own_drugs and not own_drugs & self.subject_drugs)):
            # on a page about another treatment, a sentence naming none is that treatment's ("Each session lasts 30-60
            # minutes" on a page about TMS), and one naming only others as its own is theirs ("maintenance ECT every few
            # weeks"): a frame with no treatment slot would give it the knowledge base's drug
            best = {cid: v for cid, v in best.items() if cid not in self.ours_only}
        self._read_also(best, sentence, st, clauses, page_drug, other_drug_page)
        # a general claim yields to a narrower one the sentence makes with the same stance (`yields_to`)
        best = {cid: v for cid, v in best.items()
                if not any(best.get(n, (None, None))[1] == v[1] for n in self.kb.claims[cid].yields_to)}
        claims = [self.kb.claims[cid] for cid in best]
        owned = figures.attribute(copy_figures, claims)
        for claim in claims:
            hit, stance, hedged = best[claim.id]
            result.claims.append(ClaimFlag(claim.id, stance, claim.verdict, claim.certainty, hit.score, hedged,
                                           figures.compare(owned[claim.id], claim)))
        result.claims.sort(key=lambda c: -c.score)
        if used_source and result.claims:
            src = sents[used_source[0]]
            a, b = norm.to_original(src.start, src.end)
            result.context = text[a:b]
        if not result.claims:  # check-worthiness is the item's own
            self._ask_checkworthy(i, item_sentence, item_st, sources, tokens, sents, result, unsure)

    def _ask_checkworthy(self, i, sentence, st, sources, tokens, sents, result: SentenceResult, unsure: list | None) -> None:
        """Whether a sentence without claims makes a check-worthy claim outside the KB: the rules' answer, or a Pending
        the second stage settles in one batch (`unsure`)."""
        silent = any(t.category in SILENT for t in find_triggers(sentence))
        answer = deferred(sentence, has_topic=self._has_topic(st, sentence, sources, tokens),
                          has_figure=bool(figures.extract(sentence)), is_question=sents[i].is_question,
                          is_heading=sents[i].is_heading, silent=silent, block_kind=sents[i].kind)
        result.checkworthy = answer if isinstance(answer, bool) else False
        if isinstance(answer, Pending) and unsure is not None:
            unsure.append((result, answer))

    @staticmethod
    def _item_fills_kind(frame, hit, st, copy_figures, lead_end: int):
        """A lead-in naming its items' kind ("Benefits of KAP include:") fills a slot with that word, and the item
        ("Reduced relapse rates") fills the same slot with what the benefit is: the item's words stand in the slot, so
        the item fills part of the claim. Other slots' words in the item do not count."""
        for sl in frame.slots:
            spans = slot_spans(sl, st, copy_figures)
            if any((x, y) in hit.spans and LEAD_IN_KIND_WORD_RE.fullmatch(st.text[x:y]) for x, y, _ in spans):
                item = [(x, y) for x, y, _ in spans if x >= lead_end]
                if item:
                    return replace(hit, spans=hit.spans + (item[0],))
        return hit

    def _read_also(self, best: dict, sentence: str, st: SentenceTokens, clauses, page_drug, other_drug_page) -> None:
        """Add the claims another claim's reading makes too (Claim.also_when): the clause that reading was taken from
        (or, with none, the stretch its words span) names the concept, not as what the reading is compared with ("lasts
        longer than in bipolar depression"), and none of the claim's `unless` words is there."""
        for cid, rules in self.also_when.items():
            for other, concept in rules:
                if cid in best or other not in best:
                    continue
                hit, stance, hedged = best[other]
                a, b = (clauses[hit.home] if hit.home is not None
                        else (min(x for x, _ in hit.spans), max(y for _, y in hit.spans)))
                if any(a <= x and y <= b and not COMPARED_WITH_RE.search(sentence, max(0, x - 30), x)
                       for x, y, _ in self._concept_spans(st, concept)) \
                        and not self._excluded(cid, st, page_drug, other_drug_page):
                    best[cid] = (replace(hit, claim_id=cid), stance, hedged)

    def _excluded(self, claim_id: str, st: SentenceTokens, page_drug: str | None = None,
                  other_drug_page: bool = False) -> bool:
        """Whether the rules say this sentence does not make the claim, whatever the claim model says: a sentence about
        another drug only than the claim's statement or frames name, or the words any of the claim's frames or slots are
        `unless` ("history of substance abuse" is not the misuse risk)."""
        named = self._drugs_named(st)
        own = {x for f in self.frames_of.get(claim_id, ()) for sl in f.slots if sl.concept in self.treatment_like
               for x in (sl.concept, *self._included(sl.concept))}
        # A claim its statement makes of one drug (the REMS is esketamine's) is not made of another, though a frame's
        # "the treatment" slot would admit it; on a page about that drug, a bare "ketamine" may be the page's drug.
        said_of = self.statement_drugs.get(claim_id)
        if said_of and page_drug not in said_of and (specific := self._most_specific(named)) and not specific & said_of:
            return True
        if named and own and not named & own:
            return True
        # On a page about another drug, a sentence naming none is that drug's ("Common side effects of the treatment
        # include drowsiness" on a zuranolone page), as the frames read it (_about_another_drug)
        if other_drug_page and not named and ((own and not own & self.other_drugs) or claim_id in self.ours_only):
            return True
        # ...nor a sentence stating a figure the claim rules out ("a series of 10 infusions": not the course of six)
        bounds = self.figure_bounds.get(claim_id)
        if bounds and states_other_figure(bounds, st.text, figures.extract(st.text),
                                          compared=lambda x: compared_before(st.text, 0, x)):
            return True
        return any((f.unless and st.find_all(f.key + "/unless", f.unless))
                   or any(sl.unless and st.find_all(sl.key + "/unless", sl.unless) for sl in f.slots)
                   for f in self.frames_of.get(claim_id, ()))

    def _add_learned(self, result: SentenceResult, sentence: str, st: SentenceTokens, prev: str,
                     page_drug: str | None = None, other_drug_page: bool = False, answered: bool = False) -> bool:
        """The claim model's confident claims the frames did not find (claim_model.py), under the same stance rules:
        any silencing trigger in the sentence (a question, a condition, an aim, a report) adds nothing. A frame's claim
        the model all but rules out (under its `veto`) is dropped: on pages neither had seen, those were mostly wrong.
        True when that left the sentence with no claim. A bare answer's claims are the question's: it has no words of
        its own for the model to doubt them by ("Yes, it is.")."""
        model = claim_model.load()
        if model is None:
            return False
        confident, doubted = model.read(result.text, prev, carried=result.context is not None)
        vetoed = False
        if doubted and not answered and len(claim_model.tokens(result.text)) > 2:  # a bare "No." gives it nothing to read
            kept = [c for c in result.claims if c.id not in doubted]
            vetoed = bool(result.claims) and not kept
            result.claims[:] = kept
        found = {c.id for c in result.claims}
        candidates = [(self.kb.claims[cid], p) for cid, p in confident
                      if cid in self.kb.claims and cid not in found]
        if not candidates:
            return vetoed
        stance, hedged = stance_of(find_triggers(sentence), [(0, len(sentence))])  # the whole sentence is the claim's
        if stance is None:
            return vetoed
        copy_figures = figures.extract(sentence)
        added = []
        for claim, p in candidates:
            cid = claim.id
            if any(n in found for n in claim.yields_to) or self._excluded(cid, st, page_drug, other_drug_page) \
                    or (stance == "denies" and not denial_stands(cid, sentence)):
                continue
            owned = figures.attribute(copy_figures, [claim])
            added.append(ClaimFlag(cid, stance, claim.verdict, claim.certainty, round(p, 3), hedged,
                                   figures.compare(owned[cid], claim), found_by="model"))
        if added:
            result.claims.extend(added)
            result.checkworthy = False
        return vetoed and not added

    def _effect_list_leads(self, sents, blocks, tokens, work, sources, subject) -> dict[int, list[int]]:
        """The sentences that lead in a list of bare side effects (EFFECT_LIST_*): a lead-in or heading (not a question)
        naming the items' kind or their being had, of a page's own drug (named there, in its context, or the page's
        subject), free of the exceptions of the claim's first frame (rare ones, another drug's, an illness's symptoms,
        warning signs to act on), and not denied; its items name an effect at least EFFECT_LIST_MIN_ITEMS times and in
        at least a quarter of them. A label of a few words ("Side effects:") only names what the lines under it say
        (LIST_LABEL_WORDS). An item that itself names the kind and no effect ("More Serious Side Effects" between
        two runs of bullets) leads in the items after it."""
        frame = next((f for f in self.frames if f.claim_id == EFFECT_LIST_CLAIM), None)
        if frame is None:
            return {}
        by_block: dict[int, list[int]] = {}
        for j, s in enumerate(sents):
            by_block.setdefault(s.block, []).append(j)
        groups: dict[int, list[int]] = {}  # lead sentence -> item sentences
        for b in blocks:
            if b.kind != "list-item" or b.lead_in is None or b.lead_in not in by_block or b.index not in by_block:
                continue
            items = by_block[b.index]
            lead = by_block[b.lead_in][-1]
            group = max((g for g in groups if g >= lead and g < items[0] and blocks[sents[g].block].lead_in == b.lead_in),
                        default=lead)
            effect = any(self._names_effect(tokens[j]) for j in items)
            if len(items) == 1 and not effect and LEAD_IN_NAMES_KIND_RE.search(sents[items[0]].text) \
                    and not sents[items[0]].text.rstrip().endswith("."):
                groups.setdefault(items[0], [])  # a label between runs of bullets leads in the run after it
                continue
            groups.setdefault(group, []).extend(items)
        leads = {}
        for lead, items in groups.items():
            s = sents[lead]
            effects = sum(1 for j in items if self._names_effect(tokens[j]))
            causes = EFFECT_LIST_CAUSES_RE.search(s.text)
            if effects < EFFECT_LIST_MIN_ITEMS or 4 * effects < len(items) or is_question(s.text) \
                    or (len(re.findall(r"\w+", s.text)) < LIST_LABEL_WORDS and not causes) \
                    or blocks[s.block].kind in ("question", *NOT_COPY_KINDS) \
                    or not (causes or EFFECT_LIST_LEAD_RE.search(s.text)):
                continue
            st = tokens[lead]
            if frame.unless and st.find_all(frame.key + "/unless", frame.unless):
                continue
            kind = [m.span() for m in EFFECT_LIST_LEAD_RE.finditer(work[lead])]
            if stance_of(find_triggers(work[lead]), kind)[0] == "denies":
                continue  # "You will not experience:"; a denial elsewhere ("... or do not go away:") leaves the effects had
            drug = any(self._concept_spans(st, n) for n in self.subject_slots) or subject is not None \
                or any(self._concept_spans(tokens[src.sentence], n) for src in sources[lead] for n in self.subject_slots)
            if drug and not any(self._concept_spans(st, n) for n in self.other_drugs):
                leads[lead] = items
        return leads

    def _names_effect(self, st) -> bool:
        """The text names an effect (nausea, dissociation), not only the word for their kind ("side effects")."""
        return any(not EFFECT_KIND_RE.fullmatch(st.text[x:y]) for n in EFFECT_LIST_CONCEPTS for x, y, _ in self._concept_spans(st, n))

    def _concession_drug(self, sentence: str, st, opening: int) -> str | None:
        """For an opening concession that names one of the knowledge base's drugs and no other treatment, with a main clause
        that calls it "it" (CONCESSION_IT_RE): the sentence with the concession blanked but for the drug's name."""
        concession = CONCESSION_IT_RE.match(sentence)
        if not concession or concession.end("clause") != opening:
            return None
        names = [(x, y) for n in self.treatments for x, y, _ in self._concept_spans(st, n) if y <= opening]
        drugs = [(x, y) for n in self.subject_drugs for x, y, _ in self._concept_spans(st, n) if y <= opening]
        if not drugs or any(sp not in drugs and not any(a <= sp[0] and sp[1] <= b for a, b in drugs) for sp in names):
            return None
        kept = [" "] * opening
        for x, y in drugs:
            kept[x:y] = sentence[x:y]
        return "".join(kept) + sentence[opening:]

    def _triggers(self, sentence: str, st, hit):
        """The stance triggers of a claim's words, less a denial or condition that holds only the drug's name before a
        reason clause that says the rest (stance.beside_reason)."""
        spans = [sp for sp in hit.spans if sp not in hit.absorbed]
        named = [(x, y) for n in self.treatment_like for x, y, _ in self._concept_spans(st, n)]
        return beside_reason(sentence, find_triggers(sentence, hit.absorbed), spans, named)

    def _match_after(self, frame, sentence: str, start: int, context_has, own, names_drug):
        """The frame matched on the sentence's words after `start` only (offsets stay the sentence's)."""
        rest = " " * start + sentence[start:]
        st = SentenceTokens.of(rest, self.analyzer, self.term_index)
        clauses = split_clauses(rest)
        # the clauses that name a treatment are those of the words after `start` (numbered as they are): "While it's
        # not clear how Zulresso works, one theory is it reduces symptoms" names no drug after its opening clause
        own = {ci for ci, (ca, cb) in enumerate(clauses)
               for n in self.treatments for (x, y, _) in self._concept_spans(st, n)
               if ca <= x and y <= cb and not compared_before(rest, ca, x) and not EFFECT_OF_RE.match(rest, y)
               and not names_category(rest, ca, x)}
        return match_frame(frame, st, clauses, WordIndex(rest), figures.extract(rest), context_has, own,
                           self.treatment_like, named=lambda slot, span: self._names_treatment(st, slot, span),
                           names_other_drug=names_drug, subjects=clause_subjects(rest, clauses))

    def _page_subject(self, tokens) -> str | None:
        """The knowledge base's subject when the text names no treatment at all (copy pasted without its
        page's title: "Most clients stay well for months"). (Also taking it for pages that name it more
        than any other treatment found a few more claims on the dev part and as many wrong ones.)"""
        if self.default_subject is None or self._names_any(tokens, self.treatments):
            return None
        return self.default_subject

    def _about_another_drug(self, tokens) -> bool:
        """The page is about another drug (zuranolone, an SSRI...): it never names ketamine or esketamine, or
        names one other drug in at least OTHER_DRUG_SENTENCES sentences and ketamine in under a third as many
        ("Unlike ketamine, zuranolone is a pill"). Its generic words ("the treatment", "each capsule", "the
        first dose") are then that drug's, not the knowledge base's."""
        if self.default_subject is None:
            return False
        ours = self._naming_sentences(tokens, self.subject_drugs)
        theirs = max((self._naming_sentences(tokens, {n}) for n in self.other_drugs), default=0)
        return theirs > 0 and (ours == 0 or (theirs >= OTHER_DRUG_SENTENCES and 3 * ours < theirs))

    def _section_drugs(self, sents, tokens) -> list[str | None]:
        """For each sentence naming no drug, the other treatment it is about: the one the nearest sentence before it that
        names a drug names, looking no further back than its section's heading or question ("TMS Therapy" / "TMS uses
        magnetic pulses." / "Each session lasts about 20 minutes."), nor into a list's other items ("Explore options like
        TMS" is not the next item's). None when that sentence names one of the knowledge base's own drugs or none is
        found (the page's subject stands); "" when it names several others. One pass: a page may have no heading."""
        found: list[str | None] = []
        before = None  # what the sentences before say, read back over everything
        before_items = None  # the same, not reading list items
        in_item: dict[int, str | None] = {}  # what an item's own earlier sentences say
        for s, st in zip(sents, tokens):
            named = self._drugs_named(st)
            item = s.kind == "list-item"
            found.append(None if named else in_item.get(s.block, before_items) if item else before)
            if named:
                others = self._most_specific(named)
                value = None if named & self.subject_drugs else next(iter(others)) if len(others) == 1 else ""
            elif s.is_heading or s.is_question:
                value = None
            else:
                continue
            before = value
            if item:
                in_item[s.block] = value
            else:
                before_items = value
        return found

    def _page_drug(self, tokens) -> str | None:
        """On a page about another drug (_about_another_drug), the one drug it is about: the other drug named by its own
        names (zuranolone's, not those of the brexanolone that the neurosteroids include) in at least PAGE_DRUG_SENTENCES
        sentences and in at least twice as many as any other. Its claims then take it for a sentence that names no
        treatment ("The drug offers almost immediate relief"). None when no drug stands out."""
        counts = {}
        for n in self.other_drugs:
            narrower = [c for c in self._included(n) if c in self.other_drugs]
            counts[n] = sum(1 for st in tokens
                            if any(not EFFECT_OF_RE.match(st.text, y)
                                   and not any(a <= x and y <= b for c in narrower for a, b, _ in self._concept_spans(st, c))
                                   for x, y, _ in self._concept_spans(st, n)))
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < PAGE_DRUG_SENTENCES or any(2 * m > ranked[0][1] for _, m in ranked[1:]):
            return None
        return ranked[0][0]

    def _narrower_page_drug(self, tokens) -> str | None:
        """A page about the narrower of the knowledge base's own drugs (esketamine, which ketamine includes): named by its
        own names in at least PAGE_DRUG_SENTENCES sentences, in at least twice as many as name only the broader drug
        (racemic ketamine) and in as many as any other drug (the oral antidepressant it is given with), or the only
        treatment the page names. Its own slots (never ketamine's) then take it for a sentence that names no
        treatment but has a word for one ("The treatment is administered in a certified clinic" on a Spravato page)."""
        narrower = [n for n in self.subject_drugs if n != self.default_subject]
        if len(narrower) != 1:
            return None
        drug = narrower[0]
        ours = theirs = 0
        for st in tokens:
            mine = [(x, y) for x, y, _ in self._concept_spans(st, drug) if not EFFECT_OF_RE.match(st.text, y)]
            if mine:
                ours += 1
            elif any(not EFFECT_OF_RE.match(st.text, y) for x, y, _ in self._concept_spans(st, self.default_subject)):
                theirs += 1
        others = max((self._naming_sentences(tokens, {n}) for n in self.other_drugs), default=0)
        if ours and not theirs and not others:
            return drug  # the only treatment the page names
        if ours < PAGE_DRUG_SENTENCES or 2 * theirs > ours or others > ours:
            return None
        return drug

    def _names_any(self, tokens, treatments) -> bool:
        """Some sentence names one of these treatments as a drug ("the antidepressant effect can persist
        for weeks" names an effect, not a drug)."""
        return self._naming_sentences(tokens, treatments, first=True) > 0

    def _naming_sentences(self, tokens, treatments, first: bool = False) -> int:
        """How many sentences name one of these treatments as a drug (with first: stop at the first)."""
        n = 0
        for st in tokens:
            if any(not EFFECT_OF_RE.match(st.text, y) for c in treatments for _, y, _ in self._concept_spans(st, c)):
                n += 1
                if first:
                    break
        return n

    def _names_treatment(self, st, slot, span) -> bool:
        """The span is one of the treatments the slot's concept names (ketamine, esketamine), not "the infusion"."""
        names = {slot.concept, *self._included(slot.concept or "")} & self.treatments
        if any(a < span[1] and span[0] < b for a, b, _ in st.find_all(slot.key, slot.terms)):
            return True  # the slot's own words for it ("a nasal spray form of ketamine" for esketamine)
        return any(a < span[1] and span[0] < b for n in names for a, b, _ in self._concept_spans(st, n))

    def _has_topic(self, st, sentence, sources, tokens) -> bool:
        if any(self._concept_spans(st, n) for n in self.topics):
            return True
        if ANAPHOR_RE.search(sentence):
            return any(self._concept_spans(tokens[src.sentence], n)
                       for src in sources if src.reach == "all" for n in self.topics)
        return False
