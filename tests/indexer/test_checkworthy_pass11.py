"""Check-worthiness, pass 11 (session 11): hard exclusions and their `unless` lists, measured out of fold (5 folds
grouped by site over the 325 tuning pages, bench/train_checkworthy.py cv --group site).

The sentences are invented; they run through the real engine and the stored model, and each names no catalog claim,
so the check-worthy step decides.

1. A claim beside an excluded kind that the `unless` lists missed: where a treatment stands in the order of care
   ("not a first-line option", "the first line of treatment is ...") beside eligibility criteria or a name given, and
   how many an illness affects ("affects many new mothers") beside the feelings it brings. Each case is taken by its
   kind's `match` (so without the `unless` it is excluded) and the stored model marks it."""
from __future__ import annotations

import pytest
import yaml

from checkworthy_cases import exclusions_taking, model_marks, only_sentence  # tests/indexer/checkworthy_cases.py
from indexer.copycheck.checkworthy import RULES_FILE, hard_excluded, rules


def _match_of(kind):
    """The `match` pattern of the `hard_exclude` entry named."""
    names = list(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["hard_exclude"])
    return rules().hard_exclude[names.index(kind)][0]


CLAIM_BESIDE_THE_KIND = [
    # eligibility_criteria: where the treatment stands in the order of care
    ("eligibility_criteria", "This is not a first-line option, and it is reserved for people who have tried at least "
                             "two antidepressants."),
    # definition_by_name: the usual first treatment, named by its class
    ("definition_by_name", "The usual first-line choice for panic disorder is a group of medicines known as SNRIs."),
    ("definition_by_name", "The first line of treatment for bipolar depression is usually a class of drugs known as "
                           "mood stabilizers."),
    # feelings_described: how many the illness affects
    ("feelings_described", "Perinatal anxiety affects many pregnant women, leaving them feeling tense and overwhelmed."),
]


@pytest.mark.parametrize("kind,text", CLAIM_BESIDE_THE_KIND)
def test_a_claim_beside_the_kind_stays_check_worthy(real_engine, kind, text):
    assert _match_of(kind).search(text), "the kind's match no longer takes it: the case tests no unless"
    assert exclusions_taking(text) == []
    assert model_marks(real_engine, text), "the stored model no longer marks it: the case tests nothing"
    assert only_sentence(real_engine, text).checkworthy is True


@pytest.mark.parametrize("kind,text", [
    # "first line" of a text is no place in the order of care
    ("definition_by_name", "The first line of the leaflet gives the brand name, Zurzuvae."),
    # the feelings alone, with no share of those affected
    ("feelings_described", "New mothers often feel sad, anxious and overwhelmed, and many feel guilty about it."),
    # eligibility alone
    ("eligibility_criteria", "Treatment-resistant depression is a term for people who have tried at least two "
                             "antidepressants."),
])
def test_the_kind_alone_stays_excluded(real_engine, kind, text):
    assert exclusions_taking(text) == [kind]
    assert hard_excluded(text)
    assert only_sentence(real_engine, text).checkworthy is False
