"""Residual misses on the 256 tuning pages, pass 10 (issue 10): general wordings of the safety, misuse, side-effect,
off-label and illness claims that real copy uses and the checker missed (or flagged wrongly). Every sentence here is
invented, not copied from any page; each test fails without the change it names."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_the_illicit_market_named_is_the_misuse_claim(real_engine):
    """The illicit or black market for ketamine names it as a drug of misuse (labelling decisions, round 7 rule 12:
    "costs around $100 on the illicit market")."""
    for sentence in ("A gram of the drug sells for very little on the black market.",
                     "Doctors know a lot about the risks of illicit ketamine, but little about clinic harms.",
                     "Much of the supply sold on the grey market is cut with other substances."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # a patient's own history of illicit drug use is not ketamine's misuse
    assert "abuse-potential" not in claim_ids(
        real_engine, "Ketamine\nPatients with a history of illicit drug use should tell the clinic.")


def test_dependence_on_the_drug_and_the_drug_called_addictive_are_the_misuse_claim(real_engine):
    """Psychological dependence is the misuse claim (round 4 rule 21), however worded; the drug called addictive is
    too, also when the sentence goes on to a cognitive harm (round 7 rule 12: the harm takes its own slug besides)."""
    for sentence in ("Patients can become psychologically dependent on ketamine over time.",
                     "Some users become mentally dependent on ketamine.",
                     "Ketamine is addicting and causes cognitive decline over time.",
                     "Ketamine can be addictive and may harm cognitive function."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # dependence on other people or another drug is not ketamine's
    for sentence in ("Many patients with depression become dependent on caregivers.",
                     "Patients who are physically dependent on opioids should tell us."):
        assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    # a harm of chronic misuse alone stays the harms claim (older rule, kept)
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\nChronic misuse of ketamine has been linked to bladder damage.")


def test_the_spray_kept_from_pharmacies_and_the_requirement_in_other_verbs_are_the_rems(real_engine):
    """Spravato's REMS worded as what a pharmacy cannot give (round 6 rule 14), as risks that 'necessitate' or a
    regulator who 'mandated' the clinic setting, and as 'supervised administration' of each dose (consistency rule 6)."""
    for sentence in ("Spravato has risks that necessitate dosing in a certified clinic.",
                     "Because of these risks, the FDA has mandated observation in a healthcare setting after each dose.",
                     "The spray is given at our office only, and you cannot pick it up at a drugstore or pharmacy.",
                     "Treatment includes supervised administration and blood pressure checks."):
        assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, "Spravato treatment\n" + sentence), sentence
    # a pharmacy that fills other drugs, or another drug picked up at one, is no REMS
    for sentence in ("Our pharmacy can fill your other prescriptions.",
                     "Zurzuvae is a pill you can pick up at your local pharmacy."):
        assert "esketamine-rems-monitoring" not in claim_ids(real_engine, "Spravato treatment\n" + sentence), sentence


def test_get_as_the_verb_of_having_a_side_effect(real_engine):
    """'Some people taking it get nausea': the medication guide's verb for having a side effect."""
    for sentence in ("Some patients who use the spray get dizzy or nauseous.",
                     "A few people get a headache after the session."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Spravato\n" + sentence), sentence
    # a new mother's headaches from her nights are no dose's
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Spravato\nMany new mothers get headaches from lack of sleep.")


def test_the_regulator_that_has_not_approved_it_is_the_off_label_claim(real_engine):
    """'The FDA hasn't approved it for mental health treatment': the regulator as the subject of the missing approval;
    'experimental' in an insurer's view or as the name of what a story's patient received is no approval status."""
    sentence = "Regulators haven't approved ketamine infusions for any psychiatric use."
    assert (sentence, "ketamine-off-label-depression", "asserts") in flags(real_engine, "Ketamine clinic\n" + sentence)
    for sentence in ("Many insurers still regard ketamine therapy as experimental by their coverage rules.",
                     "After years of struggle, her depression lifted with the experimental treatment."):
        assert "ketamine-off-label-depression" not in claim_ids(real_engine, "Ketamine clinic\n" + sentence), sentence


def test_harms_to_children_of_depressed_mothers_and_to_the_family(real_engine):
    """Harms of perinatal or maternal depression (labelling decisions, round 7 rule 7): babies born to depressed
    mothers, long-term effects for their children, harming the baby, havoc in the family."""
    for sentence in ("Research finds that babies born to mothers with postpartum depression have an increased risk of sleep problems.",
                     "Untreated maternal depression can have long-term effects for children, including learning problems.",
                     "Left untreated, PPD may lead to self-harm or harming the baby.",
                     "Postnatal depression can wreak havoc on family dynamics."):
        assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, "Postpartum depression\n" + sentence), sentence
    # thoughts of harming the baby are a symptom, not the harm (round 3 rule 14)
    assert "ppd-harms-mother-baby" not in claim_ids(
        real_engine, "Postpartum depression\nSome mothers with PPD have thoughts of harming the baby.")
    # a family history raising the risk is a risk factor
    assert "ppd-harms-mother-baby" not in claim_ids(
        real_engine, "Postpartum depression\nA family history of depression brings an increased risk of postpartum depression.")


def test_plain_assurances_and_tolerable_are_the_safety_claim(real_engine):
    """A clinic's 'you will be safe' (round 6 rule 17) and a study's 'generally tolerable' say the treatment is safe;
    'safe to drive' after it is another claim's."""
    for sentence in ("Rest assured, you will be safe and supervised throughout your infusion.",
                     "A one-year safety study found the nasal spray was generally tolerable."):
        assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, "Ketamine infusion FAQ\n" + sentence), sentence
    for sentence in ("You will be safe to drive again the next morning.", "Your data are safe with us."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, "Ketamine infusion FAQ\n" + sentence), sentence


def test_danger_if_not_given_properly_is_the_unsupervised_use_risk(real_engine):
    """'Can be dangerous if not administered properly under the care of trained professionals': the danger of use
    outside proper care (labelling decisions, round 7 rule 15)."""
    sentence = "Like any strong medicine, ketamine can be dangerous if not administered properly by a trained clinician."
    assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
    # an anaesthetic given badly in theatre is no home use
    assert "ketamine-at-home-risk" not in claim_ids(
        real_engine, "Ketamine\nImproperly administered anesthesia of any kind is dangerous during surgery.")


def test_each_half_of_the_standard_ppd_treatment_said_to_work(real_engine):
    """On a PPD page, antidepressants or a psychotherapy said to be effective or prescribed is the standard treatment, also
    when the other half comes in the next sentence or item (labelling decisions, round 6 rule 26)."""
    for sentence in ("Antidepressants are often effective for new mothers.",
                     "Interpersonal therapy can be helpful for many women.",
                     "In some cases, doctors may prescribe an SSRI."):
        assert (sentence, "ppd-standard-treatment", "asserts") in flags(real_engine, "Treating postpartum depression\n" + sentence), sentence
    # a newer treatment, the drugs' failure, or depression in pregnancy is not the standard treatment of PPD
    for sentence in ("Ketamine-assisted psychotherapy can be effective too.",
                     "For depression during pregnancy, talk therapy is often effective."):
        assert "ppd-standard-treatment" not in claim_ids(real_engine, "Treating postpartum depression\n" + sentence), sentence


def test_the_baby_blues_described_without_their_name(real_engine):
    """'Many new mothers experience mood swings and tearfulness in the first two weeks': the blues without the name are
    common (news rule 6, round 6 rule 25) and, within their span, short."""
    for sentence in ("Most new moms go through mood swings and weepy days in the first week after delivery.",
                     "Many parents feel teary and moody in the days after birth."):
        assert (sentence, "baby-blues-common", "asserts") in flags(real_engine, "After the birth\n" + sentence), sentence
    sentence = "Most new moms go through mood swings and weepy days during the first two weeks after delivery."
    assert {"baby-blues-common", "baby-blues-resolve-2-weeks"} <= claim_ids(real_engine, "After the birth\n" + sentence)
    # the same symptoms blamed on hormones are the hormonal trigger, and tearfulness beyond two weeks is no blues' span
    assert "baby-blues-common" not in claim_ids(real_engine, "After the birth\nHormone shifts after birth can bring mood swings and tearfulness.")
    assert "baby-blues-resolve-2-weeks" not in claim_ids(
        real_engine, "After the birth\nMany mothers feel tearful for more than two weeks, which can be a sign of depression.")


def test_depression_in_the_past_is_a_ppd_risk_factor(real_engine):
    """Earlier depression however worded ('women who have had depression in the past have a higher chance')."""
    sentence = "Mothers who had depression in the past are more likely to develop postpartum depression."
    assert (sentence, "ppd-risk-factors", "asserts") in flags(real_engine, "Postpartum depression\n" + sentence)
    assert "ppd-risk-factors" not in claim_ids(
        real_engine, "Postpartum depression\nSymptoms of PPD may feel like depression in the past, but they need treatment now.")


def test_a_rise_it_can_cause_is_a_common_side_effect(real_engine):
    """'Ketamine can increase a person's heart rate and blood pressure': the rise named with 'can/may increase', whoever's
    pressure the copy says it is; another drug taken with it that raises the pressure is an interaction."""
    sentence = "Ketamine can increase a person's heart rate and blood pressure for a while."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Ketamine infusions\n" + sentence)
    assert "ketamine-common-side-effects" not in claim_ids(
        real_engine, "Ketamine infusions\nTaking it with stimulants may increase blood pressure.")


def test_the_anaesthetics_pain_relief_is_no_other_condition_and_its_safety_no_safety_for_depression(real_engine):
    """Procedures made painless or pain eased by the anaesthetic are its analgesic property (round 5 rule 13), and 'a safe,
    effective anesthetic' its record as an anaesthetic (round 5 rule 11, round 6 rule 23): neither a use nor a safety claim."""
    for sentence in ("Ketamine has long been used for painful procedures in emergency rooms.",
                     "As an anesthetic, ketamine eases pain and sedates patients during operations."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    sentence = "Ketamine is an anesthetic that is now also used for chronic pain and PTSD."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
    assert "ketamine-safe-well-tolerated" not in claim_ids(
        real_engine, "Ketamine\nKetamine is a safe, effective anesthetic used around the world since the 1970s.")
    sentence = "Ketamine is a safe and effective treatment for depression."
    assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_risk_information_not_given_is_no_home_use_risk_and_the_clinic_named_as_its_own_is_the_rems(real_engine):
    """Platforms that may not give information about the risks is a complaint about them (round 7 rule 15:
    compounded-ketamine-risk only); a Spravato dose that has to be given 'here at our clinic' is the REMS."""
    assert "ketamine-at-home-risk" not in claim_ids(
        real_engine, "Ketamine\nPatients who buy compounded ketamine from telemedicine platforms may not get information about the potential risks.")
    sentence = "Ketamine sent by telemedicine platforms to patients' homes carries real dangers."
    assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
    sentence = "Each Spravato treatment has to be given here at our clinic."
    assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, "Spravato\n" + sentence)
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, "Spravato\nSpravato is available at our clinic on weekdays.")


def test_a_brief_benefit_is_not_the_side_effects_span(real_engine):
    """'Short-term antidepressant effects' (a phrase matches across one word, so it read as 'short-term effects') and 'a
    short-term treatment' are a brief benefit or course, not side effects called short-lived."""
    assert "side-effects-mild-transient" not in claim_ids(
        real_engine, "Ketamine research\nPooled trials show strong short-term antidepressant effects after one infusion.")
    sentence = "Most patients notice some short-term effects, such as dizziness, during the session."
    assert (sentence, "side-effects-mild-transient", "asserts") in flags(real_engine, "Ketamine research\n" + sentence)


def test_what_holds_mothers_back_from_asking_for_help_is_underdiagnosis(real_engine):
    """A reason mothers do not seek help (round 2 rule 17, round 6 rule 25, round 7 rule 21): it is hard to speak up,
    shame keeps them from seeking treatment, little awareness of the illness."""
    for sentence in ("With a newborn at home, many mothers find it hard to speak up about how they feel.",
                     "Shame about PPD keeps many women from seeking treatment.",
                     "There is little awareness of postnatal depression in rural areas, so many mothers go without care."):
        assert (sentence, "ppd-underdiagnosed", "asserts") in flags(real_engine, "Postpartum depression\n" + sentence), sentence
    # stigma as a limit of the standard treatments is not this claim (as labelled)
    assert "ppd-underdiagnosed" not in claim_ids(
        real_engine, "Postpartum depression\nTraditional treatments may be limited by the stigma around maternal mental health.")


def test_mined_wordings_of_harm_undercount_safety_and_home_use(real_engine):
    """A mother's depression that can 'contribute to' her children's problems; more cases 'than what is reported'; few
    serious adverse events (the safety claim, not side effects called mild); kept from home use because of its risks
    (a term holding its own negation asserts); no reported infant adverse effects."""
    cases = [("Postpartum depression\n", "For her children, a mother's ongoing depression can contribute to emotional and behavioral problems later in life.", "ppd-harms-mother-baby"),
             ("Postpartum depression\n", "Experts think the true number of cases is far higher than what is reported.", "ppd-underdiagnosed"),
             ("Ketamine\n", "Large reviews report minimal serious adverse events with ketamine.", "ketamine-safe-well-tolerated"),
             ("Ketamine infusions\n", "Ketamine is not something you can take home, because of the risk of side effects and misuse.", "ketamine-at-home-risk")]
    for heading, sentence, claim in cases:
        assert (sentence, claim, "asserts") in flags(real_engine, heading + sentence), sentence
    assert "side-effects-mild-transient" not in claim_ids(real_engine, "Ketamine\nLarge reviews report minimal serious adverse events with ketamine.")
    sentence = "Ketamine has minimal side effects."
    assert (sentence, "side-effects-mild-transient", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_effects_stated_as_properties_it_can_have_are_common_side_effects(real_engine):
    """'Can have hallucinogenic effects', 'a dissociative drug with psychedelic properties' (round 7 rule 13); the bare
    class line and unnamed side effects it can have stay unlabelled."""
    for sentence in ("Ketamine is a controlled drug that can have hallucinogenic effects.",
                     "Ketamine is a dissociative drug with psychedelic properties, so the setting matters."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    for sentence in ("Spravato can have side effects.", "Ketamine is classified as a dissociative anesthetic."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence


def test_utilized_is_used_for_another_condition(real_engine):
    """'Utilized in managing chronic pain' is the drug used for another condition, as 'used in managing' is."""
    sentence = "Ketamine has been utilized in managing chronic pain and PTSD."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_the_writers_own_distrust_of_home_dosing_is_the_at_home_risk(real_engine):
    """'I distrust home lozenges unless you've got rock-solid medical oversight' (round 7 rule 23): being wary of home
    dosing is the hedged at-home risk."""
    sentence = "Personally, I am wary of home dosing without a doctor in the room."
    assert (sentence, "ketamine-at-home-risk", "asserts") in flags(real_engine, "Ketamine\n" + sentence)
    assert "ketamine-at-home-risk" not in claim_ids(real_engine, "Ketamine\nTelehealth has made it easier to book ketamine consultations.")


def test_another_route_a_cross_reference_and_a_symptoms_length_are_not_these_claims(real_engine):
    """Two hours of monitoring after an injection is a ketamine clinic's own watch, not the spray's REMS; a monograph's
    '(See Restricted Distribution Program under Dosage and Administration.)' points to a section; crying for long
    periods is a symptom's length, not the illness's course."""
    assert "esketamine-rems-monitoring" not in claim_ids(
        real_engine, "Intramuscular ketamine\nAfter the injection, you stay in the office for 2 hours of monitoring before you go home.")
    sentence = "After the spray, you stay in the office for 2 hours of monitoring before you go home."
    assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, "Spravato\n" + sentence)
    assert "esketamine-rems-monitoring" not in claim_ids(
        real_engine, "Esketamine monograph\n(See Restricted Distribution Program under Dosage and Administration.)")
    sentence = "Esketamine is available only through a restricted distribution program."
    assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, "Esketamine monograph\n" + sentence)
    assert "ppd-duration-course" not in claim_ids(
        real_engine, "Postpartum depression\nPostpartum depression symptoms: sadness, crying uncontrollably for long periods of time.")
    sentence = "Without treatment, postpartum depression can last for months or years."
    assert (sentence, "ppd-duration-course", "asserts") in flags(real_engine, "Postpartum depression\n" + sentence)


def test_nurse_practitioners_are_no_nursing_mothers(real_engine):
    """'Nurse practitioners with little ketamine exposure during training': the profession's nurses, not nursing, so
    no minimal transfer into milk."""
    assert "milk-transfer-minimal" not in claim_ids(
        real_engine, "Ketamine clinic\nNurse practitioners with little ketamine exposure during training may miss warning signs.")
    sentence = "Only a small amount of ketamine passes into breast milk."
    assert (sentence, "milk-transfer-minimal", "asserts") in flags(real_engine, "Ketamine and breastfeeding\n" + sentence)
