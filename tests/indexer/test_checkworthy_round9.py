"""What is NOT check-worthy, pass 10b (issue 10): kinds of sentence the learned model marked on round 9's pages, which
it was not trained on, although the labelling guide rules them out: business news (sales, revenue, share prices), the
page pointing the reader to what it will explain, an interview announced, the telehealth prescribing law. Each kind is
a `hard_exclude` entry of indexer/copycheck/checkworthy.yaml with an `unless` where a real claim would be caught.

The sentences are invented; they run through the real engine and the stored model, and each names no catalog claim,
so the check-worthy step decides. The stored model marks every sentence of NOT_CHECK_WORTHY on its own (so each test
fails without its exclusion); the last test's sentences are the exclusions' `unless` cases."""
from __future__ import annotations

import pytest

from checkworthy_cases import RETRAINED_1067_MISS, exclusion_tests, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import hard_excluded, rules

NOT_CHECK_WORTHY = [
    # business_figures: sales, revenue, share prices, forecasts
    ("business_figures", "The nasal spray brought in worldwide sales of $950 million last year, 48% more than the "
                         "year before."),
    ("business_figures", "Analysts expect the new postpartum depression pill to become a blockbuster, with peak sales of "
                         "$2 billion."),
    # reader_signposting: the page pointing the reader to what it will explain
    ("reader_signposting", "Understanding what each nasal spray is and how it works can help you make an informed "
                           "choice about postpartum care."),
    ("reader_signposting", "Before looking at how zuranolone works, let's talk about what postpartum depression is."),
    # interview_framing: an interview or a broadcast announced
    ("interview_framing", "In the full interview above, Dr. Lee talks in depth about the study results, comparisons to "
                          "older antidepressants and how families can help."),
    # telehealth_prescribing_law: the law on prescribing by telehealth
    ("telehealth_prescribing_law", "Before the public health emergency, a doctor had to see the patient in person "
                                   "before prescribing ketamine by telehealth."),
    ("telehealth_prescribing_law", "The Ryan Haight Act requires an in-person medical evaluation before ketamine is "
                                   "prescribed through telemedicine."),
]


test_these_kinds_are_not_check_worthy, test_each_case_needs_its_own_exclusion = exclusion_tests(NOT_CHECK_WORTHY)


@pytest.mark.parametrize("text", [
    # an approval beside the sales (business_figures' unless); its use unnamed: approved "for depression", it is the
    # catalog claim esketamine-fda-approved (pass 37), and the check-worthy step no longer decides
    "Sales of the nasal spray rose sharply after the FDA approved it for a second use.",
    # an effect beside the signposting (the shared claim_beside)
    "Knowing that ketamine can cause lasting nerve damage can help you decide whether to try it.",  # the bladder (pass 20) and the liver with heavy use (pass 22) are claims
    # an effect with its time frame stated in the interview (the shared claim_beside)
    "In a recent interview, the psychiatrist said sertraline improved mood in most mothers within three days.",
    # a drug's schedule or its approval beside the law (telehealth_prescribing_law's unless)
    pytest.param("Since the Ryan Haight Act, the nasal spray has been a Schedule III medicine in the United States.",
                 marks=RETRAINED_1067_MISS),
    "Before the public health emergency, the nasal spray was already approved by the FDA only for use in certified "
    "clinics.",
])
@pytest.mark.frames_only
def test_a_claim_beside_an_excluded_kind_stays_check_worthy(real_engine, text):
    assert not hard_excluded(text)
    assert only_sentence(real_engine, text).checkworthy is True


# Recall, pass 10b: how one form or route of a drug compares with another, in words, is an efficacy claim round 9's
# pages left uncovered and the model missed ("a slower-acting and more subtle effect", "a much more profound
# experience", "not a first-line treatment"): vocabulary of the efficacy group (a model feature; retrained).
COMPARED_FORMS = [
    "Lozenges have a slower-acting and more subtle effect than an infusion.",
    "The nasal spray gives quicker absorption than a tablet but a less intense effect than IV ketamine.",
    "IV ketamine is a much more profound experience than the nasal spray.",
    "The pill is easier to take than the infusion but not as effective.",
    "Ketamine infusion therapy is not a first-line treatment for depression.",
]


@pytest.mark.parametrize("text", COMPARED_FORMS)
def test_a_comparison_between_forms_is_efficacy_vocabulary(text):
    assert rules().predicates["efficacy"].search(text)


@pytest.mark.parametrize("text", [
    "Now, however, ketamine could be more accessible than ever.",
    "Clinics became more common in large cities during the pandemic.",
])
def test_the_comparison_words_are_not_any_comparison(text):
    assert not rules().predicates["efficacy"].search(text)
