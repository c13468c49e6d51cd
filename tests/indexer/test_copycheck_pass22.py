"""Pass 22: six claims curated from frequent uncovered slugs (docs/uncovered-claims.md): the CDC's "1 in 8" for
postpartum depressive symptoms, PPD called one of the most common complications of childbirth, who should not receive
ketamine or esketamine (the labels' contraindications), the harms of heavy or recreational ketamine use beyond the
bladder (memory, liver, overdose deaths), ketamine given under medical supervision, and the spray's approval by
regulators outside the US. Every sentence here is invented, not copied from any page; each test has
negatives beside it where the new frames could take another claim's sentence."""
from __future__ import annotations

import pytest

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_one_in_eight_mothers_is_its_own_prevalence_claim(real_engine):
    for sentence in ("About one in eight new mothers reports symptoms of postpartum depression.",
                     "Postpartum depression affects 1 in 8 women after they give birth."):
        assert (sentence, "ppd-prevalence-1-in-8", "asserts") in flags(real_engine, sentence), sentence


def test_other_prevalence_figures_are_not_one_in_eight(real_engine):
    """13% is the WHO figure's claim, 1 in 7 its own; a trial's arms are no prevalence."""
    for sentence, other in (("Around 13% of new mothers develop postpartum depression.", "ppd-prevalence-13pct"),
                            ("One in seven women has depression after giving birth.", "ppd-prevalence-1-in-7")):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "ppd-prevalence-1-in-8" not in ids and other in ids, (sentence, ids)
    sentence = "Depression scores fell in 12.5% of the esketamine group versus 25% of the placebo group after birth."
    assert "ppd-prevalence-1-in-8" not in sentence_ids(real_engine, sentence, sentence)


def test_ppd_called_common_or_a_leading_complication(real_engine):
    for text, sentence in (
        ("Postnatal depression is one of the most frequent complications of having a baby.",
         "Postnatal depression is one of the most frequent complications of having a baby."),
        ("Postpartum depression\nIt is the most common complication of childbirth.", "It is the most common complication of childbirth."),
        ("Depression after giving birth is common.", "Depression after giving birth is common."),
    ):
        assert (sentence, "ppd-common", "asserts") in flags(real_engine, text), sentence


def test_common_symptoms_blues_and_busy_mothers_are_not_ppd_being_common(real_engine):
    """Common symptoms or side effects, the baby blues and "many new mothers" doing something else say nothing of how
    common the illness is; neither does depression in pregnancy alone."""
    for sentence in ("Common symptoms of postpartum depression include tearfulness and trouble sleeping.",
                     "The baby blues are common in the first days after giving birth.",
                     "For many new mothers, the first weeks at home are a joyful time.",
                     "The most common side effects of zuranolone for postpartum depression are sleepiness and dizziness.",
                     "Antenatal depression is common during pregnancy."):
        assert "ppd-common" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_who_should_not_receive_ketamine_is_asserted(real_engine):
    """The warning's "should not" is the instruction, not a denial."""
    for sentence in ("Ketamine infusions are not recommended for people with uncontrolled hypertension.",
                     "You should not receive esketamine if you have ever had bleeding in the brain.",
                     "Patients with a history of psychosis are usually excluded from ketamine therapy."):
        assert (sentence, "ketamine-contraindications", "asserts") in flags(real_engine, sentence), sentence


def test_pregnancy_driving_and_interactions_are_not_contraindications(real_engine):
    """Pregnancy, driving and other drugs have their own claims; a raised blood pressure as a side effect rules nothing out."""
    for sentence in ("You should not use esketamine if you are pregnant.",
                     "Do not drive after your ketamine session.",
                     "Do not take ketamine with benzodiazepines.",
                     "Ketamine can briefly raise your blood pressure."):
        assert "ketamine-contraindications" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_harms_of_heavy_use_and_overdose_deaths_are_asserted(real_engine):
    for sentence in ("Chronic ketamine abuse has been linked to lasting memory problems.",
                     "Long-term recreational ketamine use can injure the liver and bile ducts.",
                     "The actor died from the acute effects of ketamine."):
        assert (sentence, "ketamine-abuse-harms", "asserts") in flags(real_engine, sentence), sentence


# the claim model with word embeddings (session 29) reads "recreational ketamine use can damage the bladder" as the abuse harms too
@pytest.mark.frames_only
def test_deaths_named_beside_ketamine_and_bladder_harm_alone_are_not_these_harms(real_engine):
    """A death mentioned near the drug is news, not a harm put on it; animal cell death is the fetal-harm claim's; the
    bladder alone is ketamine-bladder-damage; a screening history of substance abuse is a contraindication."""
    for sentence in ("Her mother's death led her to try ketamine therapy for depression.",
                     "Ketamine caused neuronal cell death in newborn rat pups.",
                     "Heavy recreational ketamine use can damage the bladder.",
                     "A history of substance abuse or psychosis may make ketamine therapy a poor fit."):
        assert "ketamine-abuse-harms" not in sentence_ids(real_engine, sentence, sentence), sentence
    sentence = "Heavy recreational ketamine use can damage the bladder."
    assert "ketamine-bladder-damage" in sentence_ids(real_engine, sentence, sentence)


def test_supervised_dosing_of_ketamine_is_asserted(real_engine):
    for sentence in ("Ketamine must always be given under close medical supervision.",
                     "Ketamine should only be administered by trained professionals in a clinical setting."):
        assert (sentence, "ketamine-medical-supervision", "asserts") in flags(real_engine, sentence), sentence


def test_the_sprays_programme_home_use_and_monitoring_for_other_things_are_not_supervision(real_engine):
    """The spray's mandated programme is esketamine-rems-monitoring; use without supervision is ketamine-at-home-risk;
    watching for worsening mood is no dosing protocol; another drug's hospital stay is its own."""
    for sentence in ("Spravato must be given under medical supervision in a certified clinic.",
                     "Taking ketamine at home without supervision can be dangerous.",
                     "Your doctor should monitor ketamine patients for worsening depression between sessions.",
                     "Brexanolone can only be given in a hospital setting."):
        assert "ketamine-medical-supervision" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_approval_by_another_regulator_is_its_own_claim(real_engine):
    for sentence in ("The European Commission approved esketamine nasal spray for treatment-resistant depression.",
                     "Spravato is now licensed in the UK for adults whose depression has not responded to two antidepressants."):
        assert (sentence, "esketamine-approved-outside-us", "asserts") in flags(real_engine, sentence), sentence


def test_the_fdas_approval_ketamines_anesthetic_licence_and_no_licence_are_not_approval_abroad(real_engine):
    for sentence in ("The FDA approved Spravato in 2019.",
                     "Esketamine has been used as an anaesthetic in Germany since 1997.",
                     "Esketamine is not yet approved in Australia for depression."):
        assert "esketamine-approved-outside-us" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_a_studys_method_and_a_panels_recommendation_state_no_finding(real_engine):
    """Deaths a study counted or the data it analysed are its method, not a harm found; a committee's recommendation is
    no approval (as esketamine-fda-approved's panel rule)."""
    for sentence, claim_id in (
        ("Researchers analyzed 200,000 overdose deaths in a national database to see how often ketamine was present.",
         "ketamine-abuse-harms"),
        ("A European Medicines Agency panel recommended approval of esketamine nasal spray.", "esketamine-approved-outside-us"),
    ):
        assert claim_id not in sentence_ids(real_engine, sentence, sentence), sentence
