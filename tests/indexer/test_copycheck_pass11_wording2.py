"""Pass 11 (helper W11): wordings of the comparator, PPD and add-on claims that earlier passes missed. Every sentence here
is invented, not copied from any page; each test fails without the change it names, and each has a negative example
beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_antidepressants_not_always_effective_is_ssri_often_fail(real_engine):
    """"aren't always effective", "may not by themselves prove effective", "not effective for everyone" said of the
    standard drugs is ssri-often-fail, as "don't work for everyone" was; said of ketamine, or of an add-on drug given
    with an oral antidepressant, it is not."""
    for sentence in ("SSRIs are widely prescribed, but they may not by themselves prove effective for many patients.",
                     "Standard antidepressants aren't always effective.",
                     "Antidepressants are not effective for everyone.",
                     "Prozac and Zoloft don't always work."):
        assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine isn't always effective, and some patients need several infusions.",
                     "Ketamine therapy is not effective for everyone, so your provider will assess you first.",
                     "When antidepressants aren't always effective, ketamine can help.",
                     "Spravato is given with an oral antidepressant, but it isn't always effective.",
                     "Spravato is taken alongside an oral antidepressant and doesn't work for everyone."):
        assert "ssri-often-fail" not in claim_ids(real_engine, sentence), sentence


def test_weeks_to_make_a_difference_is_ssri_onset_weeks_beside_a_drip(real_engine):
    """"antidepressants take several weeks to make a difference" is ssri-onset-weeks even when a drip or infusion named
    near the weeks makes them read as a session length (the phrase "weeks to <start working>" times the onset); said of
    ketamine infusions, or of weeks that time something else, it is not."""
    for sentence in ("Unlike the drip, antidepressants take several weeks to make a difference.",
                     "Unlike an infusion, SSRIs can take weeks to start working.",
                     "Compared with a single infusion session, oral antidepressants may need weeks to kick in."):
        assert (sentence, "ssri-onset-weeks", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine infusions take weeks to make a difference in some patients.",
                     "Patients may need to wait two weeks to make a difference in their routine."):
        assert "ssri-onset-weeks" not in claim_ids(real_engine, sentence), sentence


def test_add_on_use_not_standalone_denies_esketamine_monotherapy(real_engine):
    """"used alongside an oral antidepressant, not as a standalone treatment" denies esketamine-monotherapy-approved
    (labelling decisions round 4 rule 7) with no approval word; "alongside ... or as a standalone treatment" states it; the
    add-on use alone, another drug's add-on use, and the two uses compared for safety are not the claim."""
    for sentence in ("Spravato is used alongside an oral antidepressant, not as a standalone cure.",
                     "The nasal spray is taken together with an oral antidepressant, not as a stand-alone treatment.",
                     "Esketamine is always combined with an oral antidepressant and is never given on its own."):
        assert (sentence, "esketamine-monotherapy-approved", "denies") in flags(real_engine, sentence), sentence
    sentence = "Spravato can now be prescribed alongside an oral antidepressant or as a standalone treatment."
    assert (sentence, "esketamine-monotherapy-approved", "asserts") in flags(real_engine, sentence)
    for sentence in ("Spravato is used alongside an oral antidepressant.",
                     "Ketamine infusions may be given alongside therapy, not as a standalone cure.",
                     "The safety of Spravato as a standalone treatment was similar to its safety when used with an oral antidepressant."):
        assert "esketamine-monotherapy-approved" not in claim_ids(real_engine, sentence), sentence


def test_ppd_called_harmful_or_dangerous_for_mother_and_baby(real_engine):
    """Postpartum depression called harmful, its impact devastating (labelling decisions round 7 rule 7), or dangerous
    for mother and baby is ppd-harms-mother-baby; a treatment asked about or said to be (not) harmful is not."""
    for sentence in ("Postpartum depression isn't just exhausting—it's harmful.",
                     "The devastating impact of postpartum depression is often overlooked.",
                     "Postpartum depression can be dangerous for mother and baby.",
                     "Left untreated, PPD is a danger to both mother and child."):
        assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Is ketamine harmful for mothers with postpartum depression?",
                     "Medication for postpartum depression is rarely harmful to the baby.",
                     "Postpartum depression is common and treatable."):
        assert "ppd-harms-mother-baby" not in claim_ids(real_engine, sentence), sentence


def test_brexanolone_called_promising_is_its_efficacy(real_engine):
    """Brexanolone called (extremely, highly) promising is brexanolone-efficacy, as "very promising" is (labelling
    decisions round 5 rule 27, round 2 rule 12); another drug called promising on a brexanolone page, or a withdrawn
    promise, is not."""
    for sentence in ("Brexanolone was extremely promising.",
                     "Zulresso is a highly promising option for new mothers with severe symptoms."):
        assert (sentence, "brexanolone-efficacy", "asserts") in flags(real_engine, sentence), sentence
    for text in ("Brexanolone is given as a 60-hour infusion. Researchers say zuranolone is promising as a pill.",
                 "Brexanolone is given as a 60-hour infusion. Early studies of ketamine for new mothers look promising.",
                 "Brexanolone was once promising, but it has been withdrawn from the market."):
        assert "brexanolone-efficacy" not in claim_ids(real_engine, text), text
