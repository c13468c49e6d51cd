"""The copy checker on the illness, the PPD drugs, mechanism and lactation/pregnancy claims, pass 12 (helper P12):
first-contact errors on the pages released in pass 12. Every sentence here is invented (none is copied from a page);
each test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

import pytest

from flagged import flags  # tests/indexer/flagged.py


def _last(engine, text):
    """The claims flagged in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {cid for sentence, cid, _ in flags(engine, text) if sentence == last}


def test_ppd_during_and_after_pregnancy_is_its_course(real_engine):
    """"A condition that can happen during or after pregnancy", "one of the most common complications during and after
    pregnancy": the span of pregnancy and after named as when the illness happens is its course (ppd-duration-course)."""
    for text in ("Perinatal depression is a condition that can happen during or after pregnancy.",
                 "Doctors now see postpartum depression as one of the most frequent complications during and after pregnancy."):
        assert "ppd-duration-course" in _last(real_engine, text), text
    # a risk raised by depression in that span is no course; nor is a drug's session
    for text in ("Postpartum depression matters. Depression during or after pregnancy raises the risk of a preterm birth.",
                 "Postpartum depression affects many. Ketamine sessions are monitored during and after pregnancy tests."):
        assert "ppd-duration-course" not in _last(real_engine, text), text


def test_ppd_more_persistent_than_the_blues_is_its_course(real_engine):
    """Set against the baby blues, PPD's symptoms that are "more persistent" (or that linger) are its course."""
    for text in ("Postpartum depression differs from the baby blues because its symptoms are heavier and more persistent.",
                 "Compared with the short baby blues, postnatal depression brings persistent feelings of despair."):
        assert "ppd-duration-course" in _last(real_engine, text), text
    # blues that persist and turn into PPD are the blues' course; a persistent symptom listed is no course
    for text in ("When the baby blues persist for weeks, they can turn into postpartum depression.",
                 "Postpartum depression is common and the baby blues are too; persistent sadness is a symptom of both."):
        assert "ppd-duration-course" not in _last(real_engine, text), text


def test_ppd_drug_sold_under_a_trade_name_is_on_the_market(real_engine):
    """"Will be sold under the brand name Zurzuvae", "is to be released under the trade name Zulresso": the PPD drug's
    coming launch under its trade name says it is approved and available (fda-approved-ppd-drugs); in the present tense
    the trade name only names the drug (test_checkworthy_pass10)."""
    for text in ("Postpartum depression has a new treatment. The medicine is named zuranolone and will be sold under the brand name Zurzuvae.",
                 "Postpartum depression has a new treatment. Its maker says brexanolone is to be released under the trade name Zulresso."):
        assert "fda-approved-ppd-drugs" in _last(real_engine, text), text
    # a brand named in brackets, a sale pending review, or another drug's trade name is not
    for text in ("Postpartum depression is common. Brexanolone (branded as Zulresso) supplies a synthetic form of a hormone.",
                 "Postpartum depression is common. Zuranolone may be sold under the name Zurzuvae, pending a review by regulators.",
                 "Postpartum depression is common. Esketamine is sold under the name Spravato."):
        assert "fda-approved-ppd-drugs" not in _last(real_engine, text), text


@pytest.mark.frames_only  # the rule, without the claim model: retrained on 793 pages it reads "Estrogen levels drop with age" after a PPD sentence as the trigger (session 27)
def test_hormones_falling_after_birth_are_the_ppd_trigger(real_engine):
    """"After childbirth, estrogen and progesterone fall quickly": the hormones' drop after birth stated on a PPD page is
    the hormonal trigger, its link to the illness left to the page (ppd-hormonal-trigger)."""
    for text in ("Why postpartum depression happens. After childbirth, the amount of estrogen and progesterone in a mother's body falls quickly.",
                 "Why postpartum depression happens. In pregnancy, levels of certain hormones climb, and then they drop fast after giving birth."):
        assert "ppd-hormonal-trigger" in _last(real_engine, text), text
    # a drug made to rebalance them is its mechanism; hormones falling with age name no birth; the blues' cause is the blues'
    for text in ("Why postpartum depression happens. The pill is designed to rebalance hormones that climb in pregnancy and drop after birth.",
                 "Postpartum depression is common. Estrogen levels drop with age in all women.",
                 "Postpartum depression is different. The baby blues come as hormones drop after giving birth."):
        assert "ppd-hormonal-trigger" not in _last(real_engine, text), text


def test_pregnancy_safety_not_shown_and_unfit_for_antenatal_depression(real_engine):
    """"Ketamine has not been shown to be safe during pregnancy", "the problem with ketamine use during pregnancy", and
    ketamine called unfit for (contraindicated in) depression during pregnancy advise against it in pregnancy
    (pregnancy-avoid)."""
    for text in ("Ketamine clinics are spreading. Ketamine has not been proven safe during pregnancy.",
                 "Ketamine clinics are spreading. Here is the problem with ketamine treatment while pregnant.",
                 "Ketamine clinics are spreading. Ketamine infusions are not suitable for prenatal depression and may be contraindicated."):
        assert "pregnancy-avoid" in _last(real_engine, text), text
    # safety not shown for another group, and harm from the untreated illness, are no advice about pregnancy
    for text in ("Ketamine clinics are spreading. Ketamine has not been shown to be safe for teenagers.",
                 "Ketamine clinics are spreading. Untreated antenatal depression is not safe for mother or baby."):
        assert "pregnancy-avoid" not in _last(real_engine, text), text


def test_the_usual_choice_and_what_care_traditionally_was_are_the_standard(real_engine):
    """"The current medication of choice for PPD", "the usual first medicine choice", "traditionally, care relied on
    therapy and antidepressants": the usual treatment of PPD named (ppd-standard-treatment)."""
    for text in ("New mothers need support. SSRIs remain the medication of choice for postnatal depression in most clinics.",
                 "New mothers need support. Guidelines call sertraline the first choice among antidepressants for postpartum depression.",
                 "New mothers need support. Traditionally, care for postpartum depression relied on counseling and antidepressants."):
        assert "ppd-standard-treatment" in _last(real_engine, text), text
    # ketamine named as the drug of choice for something else is not the standard for PPD
    text = "New mothers need support. Ketamine is the drug of choice for anesthesia in children whose mothers have postpartum depression."
    assert "ppd-standard-treatment" not in _last(real_engine, text)


def test_the_natural_hormone_is_not_the_drug_s_mechanism(real_engine):
    """On a PPD-drug page, a sentence naming allopregnanolone and no drug is about the body's own hormone, not the drug's
    mechanism (neurosteroid-gaba-mechanism); a sentence making the drug a synthetic copy of it, or giving the hormone's
    pharmacological class, still is."""
    page = "Zuranolone is a new pill for postpartum depression. "
    for text in ("Allopregnanolone is a kind of progesterone that calms anxiety and lifts mood.",
                 "Allopregnanolone levels peak late in pregnancy and then drop steeply after delivery."):
        assert "neurosteroid-gaba-mechanism" not in _last(real_engine, page + text), text
    for text in ("It is a synthetic version of allopregnanolone that the body makes in pregnancy.",
                 "Allopregnanolone acts as a positive allosteric modulator at GABA-A receptors.",
                 "It acts on GABA-A receptors in the brain."):
        assert "neurosteroid-gaba-mechanism" in _last(real_engine, page + text), text


def test_allopregnanolone_falling_after_birth_needs_its_link_to_ppd(real_engine):
    """Allopregnanolone's fall after birth is the hormonal trigger only when the sentence links it to the illness; the
    fall alone is the hormone's physiology (ppd-hormonal-trigger)."""
    page = "New mothers can develop postpartum depression. "
    text = page + "Falling allopregnanolone levels after delivery may be tied to postpartum depression in some women."
    assert "ppd-hormonal-trigger" in _last(real_engine, text)
    text = page + "Allopregnanolone peaks in the third trimester and then falls quickly after delivery."
    assert "ppd-hormonal-trigger" not in _last(real_engine, text)


def test_prevalence_figures_that_are_not_the_claims(real_engine):
    """A trial's arms set side by side ("10.2% vs 20.1%") and a figure for the span of pregnancy and after together
    ("while pregnant or after giving birth", "during or after pregnancy") are no postpartum prevalence (ppd-prevalence-*)."""
    prevalence = {"ppd-prevalence-1-in-10", "ppd-prevalence-1-in-5", "ppd-prevalence-1-in-7", "ppd-prevalence-13pct"}
    for text in ("In Texas, one in five women struggles with depression, anxiety, or both while pregnant or after giving birth.",
                 "Roughly one in seven women report depression during or after pregnancy.",
                 "Postpartum depression at six weeks: 10.2% vs 20.1% in the two arms."):
        assert not prevalence & _last(real_engine, text), text
    # the plain figures still make their claims
    assert "ppd-prevalence-1-in-10" in _last(real_engine, "About one in ten new mothers has postpartum depression.")
    assert "ppd-prevalence-1-in-7" in _last(real_engine, "Postpartum depression affects 1 in 7 new mothers.")
