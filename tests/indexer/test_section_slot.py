"""A frame slot with `section: true` is filled by any sentence of the same section: the text under the same heading or
FAQ question, or the same paragraph on a page without either (kb.models.Slot.section). The nmda-glutamate-mechanism
frame for "works differently" uses it, as the labelling decisions' answer-scope rule reads such sentences: the
mechanism claim when glutamate or the NMDA receptor is named in the section, before or after; the novelty slug only
otherwise. Every page here is invented, not copied from any page; each test has the neighbouring case beside it. The
frames alone are tested (the claim model has its own tests)."""
from __future__ import annotations

import pytest

from flagged import flags  # tests/indexer/flagged.py
from indexer.copycheck.pipeline import SECTION_REACH, Sentence, section_of

pytestmark = pytest.mark.frames_only

CLAIM = "nmda-glutamate-mechanism"
LINE = "Ketamine works differently than traditional antidepressants."


def claims_of(real_engine, page, line=LINE):
    return {cid for s, cid, _ in flags(real_engine, page) if s == line}


def test_the_mechanism_named_after_it_under_the_same_heading_fills_the_slot(real_engine):
    page = f"## How ketamine works\n\n{LINE}\n\nIt blocks NMDA receptors, which sets off a burst of glutamate.\n"
    assert CLAIM in claims_of(real_engine, page)


def test_the_mechanism_named_under_another_heading_does_not(real_engine):
    page = (f"## Why choose ketamine\n\n{LINE}\n\nMost patients feel calmer within days.\n\n"
            "## The science\n\nIt blocks NMDA receptors, which sets off a burst of glutamate.\n")
    assert CLAIM not in claims_of(real_engine, page)


def test_without_headings_the_paragraph_is_the_section(real_engine):
    same = f"{LINE} It acts on glutamate, the brain's main excitatory messenger.\n\nSessions take about an hour.\n"
    other = f"{LINE} Sessions take about an hour.\n\nIt acts on glutamate, the brain's main excitatory messenger.\n"
    assert CLAIM in claims_of(real_engine, same)
    assert CLAIM not in claims_of(real_engine, other)


def _sentences(*kinds):
    return [Sentence(n * 10, n * 10 + 5, "x", n, False, kind == "heading", kind) for n, kind in enumerate(kinds)]


def test_a_section_stops_at_the_next_heading_or_question_and_at_its_reach():
    sents = _sentences("heading", "paragraph", "paragraph", "question", "paragraph")
    assert section_of(1, sents) == [0, 2]  # the heading over it included, the question after it not
    assert section_of(4, sents) == [3]
    long = _sentences("heading", *["paragraph"] * (SECTION_REACH + 3))
    assert max(section_of(1, long)) == 1 + SECTION_REACH


@pytest.mark.parametrize("page, claim, stance", [
    # wording found on real pages that the frames missed before session 48, said here in invented sentences
    ("Spravato for depression\nSpravato can be taken alone or with other oral antidepressant medications.\n",
     "esketamine-monotherapy-approved", "asserts"),
    ("Spravato for depression\nSpravato is taken with or without an oral antidepressant.\n",
     "esketamine-monotherapy-approved", "asserts"),
    ("Ketamine therapy\nKetamine treatment is considered inappropriate for people with a history of mania.\n",
     "ketamine-contraindications", "asserts"),
    ("Ketamine therapy\nIntravenous ketamine can only be administered by a medical professional.\n",
     "ketamine-medical-supervision", "asserts"),
    ("Ketamine therapy\nKetamine is usually not a one-time treatment.\n", "maintenance-may-be-needed", "asserts"),
    ("Ketamine therapy\nKetamine has a remarkable safety track record.\n", "ketamine-safe-well-tolerated", "asserts"),
])
def test_wording_added_in_session_48_is_read(real_engine, page, claim, stance):
    line = page.splitlines()[1]
    assert (line, claim, stance) in set(flags(real_engine, page))


@pytest.mark.parametrize("page, claim", [
    # the illness's own risk of suicide after a sentence on antidepressants is no warning about the drugs
    ("Antidepressants\nAntidepressants take weeks to work.\nDuring these weeks, the risk of suicide is at its highest.\n",
     "antidepressant-suicidality-warning"),
    # two treatments set side by side are no combination
    ("TMS or ketamine?\nTMS and ketamine are both offered here.\nBoth therapies have shown efficacy in depression.\n",
     "tms-ketamine-combined"),
    # the drug's anaesthetic properties are no operation
    ("Ketamine\nKetamine relieves pain through its anesthetic properties and may lower the risk of depression.\n",
     "csection-ketamine-prevents-ppd"),
    # a clinic's routine staff are no requirement of supervision
    ("Ketamine\nOur ketamine infusions are administered by medical professionals with years of experience.\n",
     "ketamine-medical-supervision"),
])
def test_neighbours_of_the_session_48_wording_are_not_flagged(real_engine, page, claim):
    line = page.splitlines()[-1]
    assert not any(s == line and cid == claim for s, cid, _ in flags(real_engine, page))
