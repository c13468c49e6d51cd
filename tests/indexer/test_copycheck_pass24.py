"""Pass 24: first-contact errors of rounds 15 and 16 read as kinds of sentence (docs/labelling-decisions.md, "Session
24"): another country's regulator for every approval claim (one concept, `other-regulator`, that claims name as
"@other-regulator"), a benzodiazepine stopped before treatment, an application that is no approval, an approval's
population, an aim, the REMS's rationale, effects that dissipate, a fast-acting class with ketamine as its member, and a
harm inside a symptom list. Every sentence here is invented, not copied from any page; each test has the neighbouring
claim's sentence beside it."""
from __future__ import annotations

import pytest

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_another_countrys_regulator_is_not_the_fdas_approval_of_a_ppd_drug(real_engine):
    for sentence in ("The MHRA has approved zuranolone for postnatal depression after childbirth.",
                     "Zurzuvae is the first tablet for postnatal depression approved in the United Kingdom.",
                     "The European Commission authorised zuranolone for postpartum depression this autumn."):
        assert "fda-approved-ppd-drugs" not in sentence_ids(real_engine, sentence, sentence), sentence
    sentence = "The FDA approved zuranolone for postpartum depression in 2023."
    assert (sentence, "fda-approved-ppd-drugs", "asserts") in flags(real_engine, sentence)


def test_the_other_regulators_are_one_concept_every_approval_claim_names(real_engine):
    for sentence in ("The Scottish Medicines Consortium gave esketamine the green light for use with an SSRI.",
                     "Spravato has been approved by Health Canada."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "esketamine-approved-outside-us" in ids and "esketamine-fda-approved" not in ids, (sentence, ids)
    sentence = "Spravato was approved by the FDA in 2019."
    assert (sentence, "esketamine-fda-approved", "asserts") in flags(real_engine, sentence)


def test_an_at_concept_entry_stands_for_the_concepts_terms(real_engine):
    checker = real_engine.checker(real_engine.snapshot())
    lexicon = checker.lexicon
    assert lexicon.terms["other-regulator"]
    assert set(lexicon.compile_all(["@other-regulator"])) == set(lexicon.terms["other-regulator"])
    assert lexicon.compile_all(["@no-such-concept", "fda"]) == lexicon.compile_all(["fda"])


def test_a_benzodiazepine_stopped_before_treatment_is_the_interaction(real_engine):
    for sentence in ("Patients must stop taking benzodiazepines such as Xanax before starting ketamine infusions.",
                     "Before ketamine treatment, we ask patients to taper lorazepam gradually."):
        assert (sentence, "ketamine-drug-interactions", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Ketamine is not a benzodiazepine, although both can make you drowsy.",
                     "In surgical practice, patients stop taking a benzodiazepine before starting ketamine anaesthesia."):
        assert "ketamine-drug-interactions" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_an_application_is_no_approval_of_a_ppd_drug(real_engine):
    text = ("Zuranolone news. The company completed its new drug application to the FDA for zuranolone in postpartum "
            "depression. We look forward to the FDA's decision as the filing is reviewed.")
    for sentence in ("The company completed its new drug application to the FDA for zuranolone in postpartum depression.",
                     "We look forward to the FDA's decision as the filing is reviewed."):
        assert "fda-approved-ppd-drugs" not in sentence_ids(real_engine, text, sentence), sentence


def test_who_an_approval_is_for_is_not_a_result_in_trd(real_engine):
    text = ("Spravato for depression. Spravato is reserved for adults who have tried two antidepressants without relief. "
            "Esketamine was approved by the FDA in 2019 for treating treatment-resistant depression.")
    for sentence in ("Spravato is reserved for adults who have tried two antidepressants without relief.",
                     "Esketamine was approved by the FDA in 2019 for treating treatment-resistant depression."):
        ids = sentence_ids(real_engine, text, sentence)
        assert "trd-effective" not in ids and "ketamine-effective-depression" not in ids, (sentence, ids)
    sentence = "Ketamine brings relief to people whose depression has not improved with two antidepressants."
    assert (sentence, "trd-effective", "asserts") in flags(real_engine, sentence)


def test_remission_not_reached_with_antidepressants_is_their_failing(real_engine):
    text = "Ketamine clinic. Many people will not achieve remission after trying two antidepressants."
    ids = sentence_ids(real_engine, text, "Many people will not achieve remission after trying two antidepressants.")
    assert "trd-effective" not in ids, ids


def test_what_researchers_explore_is_an_aim(real_engine):
    sentence = "Doctors are now exploring the benefits of ketamine to discover which dose helps people with treatment-resistant depression."
    ids = sentence_ids(real_engine, sentence, sentence)
    assert "trd-effective" not in ids and "ketamine-effective-depression" not in ids, ids


def test_side_effects_named_as_the_reason_for_the_restricted_setting_are_the_rems(real_engine):
    for sentence in ("Because Spravato may cause sedation and dissociation, it is only available at certified healthcare settings.",
                     "Spravato is only given under supervision in a certified clinic, as it can cause dizziness and dissociation."):
        ids = sentence_ids(real_engine, sentence, sentence)
        assert "esketamine-rems-monitoring" in ids and "ketamine-common-side-effects" not in ids, (sentence, ids)
    sentence = "Spravato can cause dissociation, dizziness and nausea."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)


def test_effects_that_dissipate_within_minutes_are_no_relief(real_engine):
    sentence = ("Most people need no medicine for these symptoms, and the side effects rapidly dissipate, often within 10 minutes "
                "after the infusion ends.")
    assert "onset-within-hours" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Many patients notice their dark thoughts dissipate within hours of a ketamine infusion."
    assert (sentence, "onset-within-hours", "asserts") in flags(real_engine, sentence)


def test_ketamine_named_as_a_member_of_a_fast_acting_class_is_fast(real_engine):
    for sentence in ("Newer, rapid-acting treatments like ketamine are changing psychiatry.",
                     "Ketamine also showed faster results than standard care."):
        assert (sentence, "ketamine-rapid-onset", "asserts") in flags(real_engine, sentence), sentence
    text = "Ketamine clinic. Rapid-acting treatments are transforming depression care."
    assert "ketamine-rapid-onset" not in sentence_ids(real_engine, text, "Rapid-acting treatments are transforming depression care.")


def test_a_harm_inside_a_symptom_list_is_a_symptom(real_engine):
    sentence = ("Postnatal depression affects many mothers, with symptoms including tearfulness, poor sleep and trouble "
                "bonding with the baby.")
    assert "ppd-harms-mother-baby" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Untreated postpartum depression can harm the bond between mother and baby."
    assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, sentence)


def test_a_count_joined_to_its_noun_by_a_hyphen_is_a_count(real_engine):
    from indexer.copycheck.figures import extract
    figures = extract("Most clinics begin with a six-infusion series.")
    assert [(f.kind, f.low) for f in figures] == [("count", 6.0)]
    assert ("count", 2.0, 3.0) in [(f.kind, f.low, f.high) for f in extract("We suggest 2-3 sessions a week.")]
    sentence = "Ketamine treatment usually starts with a six-infusion series over two or three weeks."
    assert (sentence, "six-infusions-course", "asserts") in flags(real_engine, sentence)


def test_off_label_use_for_pain_alone_is_not_the_depression_claim(real_engine):
    sentence = "Some doctors prescribe off-label ketamine for chronic pain."
    assert "ketamine-off-label-depression" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "IV ketamine is used off-label for depression."
    assert (sentence, "ketamine-off-label-depression", "asserts") in flags(real_engine, sentence)


def test_a_lasting_effect_in_mice_is_no_claim_about_people(real_engine):
    sentence = "Ketamine's benefits lasted for weeks in mice exposed to chronic stress."
    assert "effects-last-long" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Ketamine's benefits can last for weeks after a course of infusions."
    assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence)


def test_verbs_of_lessening_the_illness_are_a_benefit(real_engine):
    for sentence in ("Ketamine can decrease depression in many adults.",
                     "Ketamine combats depression differently from pills.",
                     "Ketamine diminishes depressive symptoms within a week."):
        assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, sentence), sentence
    for sentence in ("Patients should decrease doses of sedatives before ketamine for depression.",
                     "Electroconvulsive therapy has been used to combat depression for decades."):
        assert "ketamine-effective-depression" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_a_contracted_failure_of_other_drugs_denies_nothing(real_engine):
    for sentence in ("For depression that hasn't responded to medication, ketamine often works.",
                     "For depression that hasn’t improved with pills, ketamine often helps."):
        got = flags(real_engine, sentence)
        assert (sentence, "trd-effective", "asserts") in got, (sentence, got)
        assert not any(stance == "denies" for _, _, stance in got), (sentence, got)
    sentence = "Ketamine doesn't work for depression."
    assert (sentence, "ketamine-effective-depression", "denies") in flags(real_engine, sentence)


def test_making_a_difference_for_the_illness_is_a_benefit(real_engine):
    sentence = "Ketamine can make a real difference for adults with depression."
    assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, sentence)
    sentence = "The difference between ketamine and esketamine matters for depression care."
    assert "ketamine-effective-depression" not in sentence_ids(real_engine, sentence, sentence)


# frames alone: retrained on 999 pages (session 33) the claim model learned the combination from 109 sentences, so its
# veto (docs/checker.md, thirty-second pass) reaches it and drops it from this terse invented sentence
@pytest.mark.frames_only
def test_therapy_timed_with_the_sessions_that_prolongs_the_benefit_is_the_combination(real_engine):
    sentence = "Therapy between ketamine sessions can help the benefits last longer."
    assert (sentence, "ketamine-plus-psychotherapy", "asserts") in flags(real_engine, sentence)


def test_unsafe_for_a_group_is_a_contraindication_not_a_denial_of_safety(real_engine):
    sentence = "Ketamine is not safe for people with uncontrolled high blood pressure."
    ids = sentence_ids(real_engine, sentence, sentence)
    assert "ketamine-contraindications" in ids and "ketamine-safe-well-tolerated" not in ids, ids
    sentence = "Ketamine is not safe."
    assert (sentence, "ketamine-safe-well-tolerated", "denies") in flags(real_engine, sentence)


def test_studies_that_have_yet_to_show_a_benefit_are_a_gap(real_engine):
    sentence = "Studies have yet to show long-term benefits of ketamine."
    assert "effects-last-long" not in sentence_ids(real_engine, sentence, sentence)
    sentence = "Studies show long-term benefits of ketamine."
    assert (sentence, "effects-last-long", "asserts") in flags(real_engine, sentence)


def test_little_passing_said_as_unlikely_asserts_minimal_transfer(real_engine):
    sentence = "Ketamine is unlikely to pass into breast milk in meaningful amounts."
    assert (sentence, "milk-transfer-minimal", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine is unlikely to cause addiction in a clinic."
    assert (sentence, "abuse-potential", "denies") in flags(real_engine, sentence)


def test_more_interaction_wordings(real_engine):
    for sentence in ("Patients who take barbiturates should avoid combining them with ketamine.",
                     "Ketamine given with theophylline can raise the risk of seizures."):
        assert (sentence, "ketamine-drug-interactions", "asserts") in flags(real_engine, sentence), sentence


def test_a_prohibition_to_administer_is_a_contraindication(real_engine):
    sentence = "Do not administer ketamine if a rise in blood pressure poses a serious risk."
    got = flags(real_engine, sentence)
    assert (sentence, "ketamine-contraindications", "asserts") in got and not any(s == "denies" for _, _, s in got), got


def test_the_street_name_names_the_drug_and_cure_as_a_verb_is_a_benefit(real_engine):
    sentence = "Doctors say Special K might cure depression in some adults."
    assert (sentence, "ketamine-effective-depression", "asserts") in flags(real_engine, sentence)
    sentence = "Researchers have begun to study the use of ketamine to combat severe depression."
    assert "ketamine-effective-depression" not in sentence_ids(real_engine, sentence, sentence)


def test_the_effect_said_to_come_within_weeks_is_the_antidepressant_delay(real_engine):
    sentence = "Sertraline can improve mood within 4-6 weeks for most patients."
    assert (sentence, "ssri-onset-weeks", "asserts") in flags(real_engine, sentence)


def test_a_trials_scores_said_to_fall_are_a_result(real_engine):
    sentence = "In the zuranolone trial, mothers saw their depression scores drop sharply against placebo."
    assert (sentence, "zuranolone-efficacy", "asserts") in flags(real_engine, sentence)
