"""Check-worthiness on wordings that unseen copy uses (issue 10, fresh pages round 2): each case stands for
a general claim type or non-claim class, written as a pattern group or a hard exclusion in
indexer/copycheck/checkworthy.yaml, not for one page. The sentences are invented; they run through the
real engine and the stored model, and each names no catalog claim, so the check-worthy step decides."""
from __future__ import annotations

import pytest

from checkworthy_cases import RETRAINED_793_MISS, RETRAINED_MISS, SECOND_STAGE_MISS


def only_sentence(engine, text):
    report = engine.check(text)
    assert len(report.sentences) == 1, [s.text for s in report.sentences]
    sentence = report.sentences[0]
    assert not sentence.claims, [c.id for c in sentence.claims]
    return sentence


@pytest.mark.parametrize("text", [
    # who can get the illness and what raises the odds (risk_factors): prevalence and risk claims
    "Fathers, adoptive parents and non-birthing partners of any gender can also experience postpartum depression after a birth.",
    pytest.param("Carers who are fathers or adoptive parents can also come down with depression after a new baby arrives.",
                 marks=RETRAINED_MISS),
    pytest.param("A family history of mood disorders raises the odds that a new mother will develop postpartum depression.",
                 marks=RETRAINED_793_MISS),
    "Postpartum depression can affect any new mother, whether it is her first baby or her fourth.",
    # how common or rare something is, said in words rather than a figure, is a prevalence claim
    "Postpartum psychosis is rare but needs emergency care.",  # PPD called common is a claim (pass 22)
    "Serious reactions to esketamine are rare in people without heart disease.",
    # a first of its kind is an approval-status claim
    "Esketamine became the first antidepressant nasal spray medication.",
    # dangers, potency and protection are safety and efficacy claims in any copy
    # (no alcohol: mixing it with ketamine is the drug-interactions claim of pass 21)
    "Ketamine carries real dangers for people with heart problems.",
    pytest.param("Esketamine is a more potent form of ketamine.", marks=SECOND_STAGE_MISS),
    "Treating depression during pregnancy protects the baby's development.",
])
def test_claims_of_these_types_are_check_worthy(real_engine, text):
    assert only_sentence(real_engine, text).checkworthy is True


@pytest.mark.parametrize("text", [
    # an evidence gap says what is not known (labelling guide; the stance rules' gap category)
    "Further studies are needed to learn whether esketamine is safe and effective for depression in breastfeeding mothers.",
    "More research is needed to know how long the antidepressant benefits of ketamine last.",
    "The long-term safety of esketamine in new mothers remains unclear.",
    # a study's design without its finding
    "The mothers were divided into two groups: one received esketamine and the other a placebo infusion within an hour of delivery.",
    # diagnostic criteria are a definition
    "You may have postpartum depression if low mood, anxiety and poor sleep last for weeks after childbirth.",
    "If a mother has at least four of these symptoms for two weeks after delivery, doctors diagnose postpartum depression.",
    # what the page itself is about
    "Content warning: this article discusses suicide, postpartum depression and the risks of ketamine treatment.",
    "In this blog post, we look at the risks and benefits of ketamine for new mothers.",
    # a first-person story, wherever it starts
    "Last spring I tried ketamine infusions for my depression after my second baby.",
])
def test_these_non_claims_are_not_check_worthy(real_engine, text):
    assert only_sentence(real_engine, text).checkworthy is False


@pytest.mark.parametrize("text", [
    "Esketamine lowered depression scores at six weeks, though further research is needed to confirm its safety.",
    # the second clause states something checkable, with or without a comma before it
    "The cause of postpartum depression is unknown but hormone shifts after birth raise the risk.",
    "Long-term data are still unknown though esketamine lowers depression scores within a week.",
])
def test_a_gap_stated_beside_a_finding_stays_check_worthy(real_engine, text):
    report = real_engine.check(text)
    assert any(s.checkworthy or s.claims for s in report.sentences)


@pytest.mark.parametrize("text", [
    "It is important to discuss the potential benefits and risks of this treatment with a qualified professional.",
    "At your consultation your provider will review your medical history and explain how the nasal spray works.",
    "Here's what the experts had to say about the safety of infusions for depression.",
])
def test_a_subject_to_discuss_or_explain_is_not_check_worthy(real_engine, text):
    assert not any(s.checkworthy or s.claims for s in real_engine.check(text).sentences)
