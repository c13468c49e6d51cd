"""Pass 12 (CW12): check-worthiness's hard exclusions, read on invented sentences.

Kinds the guide rules out that the learned model marked out of fold (5 site folds over the 492 tuning pages):
a study's aim or plan without its finding, the page describing itself, weighing risks against benefits, who will
prescribe and how to get a prescription. And exclusions that had swallowed claims: a trial that met "its primary
and all key secondary endpoints", a regulator's authorisation based on randomised trials, how common or grave an
illness is beside the feelings it brings, how many it affects a year said in a first-person sentence.
"""
from __future__ import annotations

import pytest

from indexer.copycheck.checkworthy import hard_excluded


@pytest.mark.parametrize("text", [
    # a study's aim or plan, without its finding
    "The purpose of this trial is to learn whether adding yoga to esketamine lengthens its benefits.",
    "This will be the first placebo-controlled study to test whether weekly ketamine helps older adults.",
    "The safety of the spray was evaluated in two long-term open-label trials.",
    "A small pilot study assessed brexanolone levels in the milk of nursing mothers.",
    "Every participant will receive the infusion twice a week for a month.",
    "The researchers then analysed mood scores one day, one week and one month after the last dose.",
    # the page describing itself
    "This guide to nasal esketamine explains how it works and what a session looks like.",
    "Our article provides an in-depth look at the benefits and risks of home ketamine programs.",
    "Possible benefits, side effects and precautions will be discussed at your first visit.",
    # weighing risks against benefits
    "Your psychiatrist will weigh the risks against the benefits you can expect.",
    "A pharmacist can help you balance the risks and the benefits of treatment while breastfeeding.",
    # who will prescribe, how to get a prescription
    "Not every online platform will prescribe ketamine troches.",
    "To get prescribed esketamine, you first need a referral from a psychiatrist.",
    "If the intake goes well, your clinician may prescribe you a short course.",
])
def test_kinds_the_guide_rules_out_are_hard_excluded(text):
    assert hard_excluded(text)


@pytest.mark.parametrize("text", [
    # a finding, an approval, a harm or a dose beside the kind keeps the sentence
    "The purpose of this trial was to learn whether ketamine helps, and it found that relapse fell by half.",
    "The safety of the spray was evaluated in two trials, which showed that blood pressure rose after each dose.",
    "Your psychiatrist will weigh the risks and the benefits, because the drug can raise blood pressure.",
    "The benefits of esketamine outweigh the risks for most adults with treatment-resistant depression.",
    "Some providers will prescribe it off-label for depression.",
    "Online clinics may prescribe you up to 400 mg lozenges a day.",
    # exclusions that had swallowed claims
    "The phase 3 trial of the pill met its primary and all key secondary endpoints.",
    "The European authorisation of the spray is based on two randomised, placebo-controlled phase 3 studies.",
    "Imagine feeling an overwhelming wave of sadness - the reality of a prevalent illness for new mothers.",
    "Depression is more than feeling sad: it is a debilitating illness that can progress to a crisis.",
    "About 20 million adults have a depressive episode each year, so my friend is far from alone.",
])
def test_claims_beside_the_kinds_stay_check_worthy(text):
    assert not hard_excluded(text)


@pytest.mark.parametrize("text", [
    # the unchanged kinds still hold
    "Participants were randomised to the spray or a placebo spray.",
    "I felt anxious and overwhelmed before my first session.",
])
def test_older_exclusions_unchanged(text):
    assert hard_excluded(text)
