"""The copy checker on the efficacy, approval, onset, suicidality, PPD, protocol and mechanism family,
tuning round 5 (issue 10): invented sentences, each standing for a general way copy states a claim (a
common paraphrase or inflection) or a class of false flags, fixed as claim frames or their `unless`."""
from __future__ import annotations

from flagged import claim_ids  # tests/indexer/flagged.py


def test_relief_from_suicidal_thoughts_and_an_effective_treatment_for_them_reduce_them(real_engine):
    """'relief' is the noun of 'relieve'; 'an effective treatment for suicidal thoughts' says the drug reduces them."""
    for text in ("Ketamine can provide relief from suicidal thoughts.",
                 "Doctors call esketamine an effective treatment for suicidal ideation."):
        assert "reduces-suicidal-ideation" in claim_ids(real_engine, text), text
    # the bare noun stays out: "symptom relief for suicidal adults" names whom the drug helps
    assert "reduces-suicidal-ideation" not in claim_ids(
        real_engine, "The maker says the spray gives symptom relief for suicidal adults until other medicines start working.")


def test_a_spray_derived_from_ketamine_is_esketamine_when_approved(real_engine):
    for text in ("Regulators have approved a new nasal spray derived from ketamine for hard-to-treat depression.",
                 "The FDA approved a ketamine-derived nasal spray for treatment-resistant depression."):
        assert "esketamine-fda-approved" in claim_ids(real_engine, text), text


def test_a_dose_given_immediately_after_giving_birth_is_the_postpartum_esketamine_trial(real_engine):
    """'immediately after giving birth' / 'right after delivery' say what 'right after childbirth' says."""
    for text in ("Esketamine given to new mothers immediately after giving birth cut their risk of postnatal depression.",
                 "Ketamine given right after delivery helped prevent postpartum depression in new mothers."):
        assert "postpartum-single-dose-esketamine" in claim_ids(real_engine, text), text


def test_brexanolone_alleviating_or_reversing_symptoms_is_its_efficacy(real_engine):
    for text in ("In trials, brexanolone was shown to alleviate postpartum depression symptoms within 60 hours.",
                 "Brexanolone alleviates the symptoms of postpartum depression."):
        assert "brexanolone-efficacy" in claim_ids(real_engine, text), text


def test_antidepressants_and_talk_therapy_together_are_not_ketamine_plus_psychotherapy(real_engine):
    """The combination claim is ketamine's; the standard treatment's 'medication and talk therapy, or both' is not."""
    text = "Most mothers with postpartum depression get better with antidepressants and talk therapy, or both."
    assert "ketamine-plus-psychotherapy" not in claim_ids(real_engine, text)
    assert "ketamine-plus-psychotherapy" in claim_ids(
        real_engine, "Pairing ketamine with talk therapy gives better results than ketamine alone.")


def test_a_drug_levels_timing_is_not_the_sessions_length(real_engine):
    """Pharmacokinetics ('peak plasma concentration 20-40 minutes after dosing') is no session length."""
    text = "Peak plasma concentration of esketamine is reached 20-40 minutes after the last spray."
    assert "infusion-40-60-min" not in claim_ids(real_engine, text)
    assert "infusion-40-60-min" in claim_ids(real_engine, "Each ketamine infusion takes about 40 minutes.")


def test_the_verb_results_in_and_a_daily_courses_length_are_no_lasting_effect(real_engine):
    """'This results in ...' names a cause, not results that last; 'once a day for 14 days' is the course, not the effect."""
    for text in ("This results in dopamine being released steadily and in a sustained way.",
                 "The tablet is taken once a day for 14 days, and many patients saw benefits within three days."):
        assert "effects-last-long" not in claim_ids(real_engine, text), text
    assert "effects-last-long" in claim_ids(real_engine, "Ketamine's results are sustained for weeks after the last session.")


def test_a_use_in_clinical_trials_is_no_other_indication_treated(real_engine):
    """'has been used in clinical trials for PTSD' names research, like 'being studied' (labelling decisions)."""
    for text in ("Ketamine has been used in clinical trials for PTSD, anxiety and chronic pain.",
                 "Ketamine infusions were used in trials for treatment of OCD and chronic pain."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, text), text
    assert "ketamine-other-indications" in claim_ids(real_engine, "In clinical trials, ketamine also relieved PTSD symptoms.")


def test_postpartum_depression_called_long_lasting_is_its_course(real_engine):
    """'more severe and long-lasting' (than the blues) states the illness's course; its lasting effects on the
    child are its harms, not the course, and not a treatment's lasting effect."""
    for text in ("Compared with the baby blues, postpartum depression is deeper and longer lasting.",
                 "Postpartum depression tends to be more intense and long-lasting."):
        assert "ppd-duration-course" in claim_ids(real_engine, text), text
    harms = claim_ids(real_engine, "Postpartum depression can have long-lasting effects on the child's development.")
    assert "ppd-duration-course" not in harms and "effects-last-long" not in harms


def test_neural_growth_is_the_growth_of_connections_but_not_in_a_developing_fetus(real_engine):
    assert "neuroplasticity-synaptogenesis" in claim_ids(
        real_engine, "Researchers think ketamine may spur neuronal growth in brain regions affected by depression.")
    assert "neuroplasticity-synaptogenesis" not in claim_ids(
        real_engine, "In animal studies, ketamine disrupted neuronal growth in the fetal brain.")


def test_hope_and_new_options_are_not_relief(real_engine):
    """'offers new hope' / 'a new option' for people other drugs failed is no efficacy claim (labelling decisions,
    round 5, settling round 4's open case 1); saying it helps where they failed still is."""
    for text in ("For people whom two antidepressants did not help, ketamine offers new hope.",
                 "The spray gives doctors a new option for patients who do not respond to oral antidepressants."):
        assert not {"trd-effective", "ketamine-effective-depression"} & claim_ids(real_engine, text), text
    assert "trd-effective" in claim_ids(real_engine, "Ketamine helps when other antidepressants haven't worked.")
