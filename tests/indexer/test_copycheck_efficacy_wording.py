"""The copy checker on the efficacy family's wordings (whether, how fast and how ketamine and other
antidepressants work): invented sentences, each standing for a general way copy states a claim or a
class of false flags, fixed as claim frames or concept data (issue 10, tuning round 2)."""
from __future__ import annotations

import pytest

from flagged import claim_ids  # tests/indexer/flagged.py


def test_ketamine_beside_any_depression_wording_states_that_it_works(real_engine):
    """Not only a fixed list of phrases: 'depressive episodes', 'major depression', 'severe depression'."""
    for text in ("Trials suggest ketamine can ease severe depressive episodes.",
                 "Ketamine therapy has proved effective for major depression in several studies.",
                 "Ketamine relieves depression in many adults."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text


def test_a_use_or_a_prevention_trial_is_not_efficacy_against_depression(real_engine):
    """'used to treat depression' states a use (labelling decisions, fresh clinic 5); preventing PPD at birth
    is the caesarean claim, not treating depression."""
    assert "ketamine-effective-depression" not in claim_ids(
        real_engine, "Doctors say ketamine is now used to treat depression in some clinics.")
    assert "ketamine-effective-depression" not in claim_ids(
        real_engine, "A single dose of esketamine during a caesarean helped prevent postpartum depression.")


def test_safe_and_effective_states_efficacy_without_naming_the_illness(real_engine):
    """On a ketamine page 'a safe and effective treatment' or 'has antidepressant effects' claims it works."""
    for text in ("Given by trained clinicians, ketamine is a safe and effective treatment.",
                 "Researchers agree that ketamine does have antidepressant effects."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text


def test_failed_treatment_paraphrases_make_the_treatment_resistant_claim(real_engine):
    """'resistant to standard therapies', 'have not found success with', 'when other treatments have not'."""
    for text in ("Ketamine helps many adults whose depression is resistant to standard therapies.",
                 "Ketamine brings relief to those who have not found success with conventional medication.",
                 "Ketamine infusions can bring relief when other treatments have not."):
        assert "trd-effective" in claim_ids(real_engine, text), text


def test_a_drug_that_did_not_work_is_not_ketamine_working(real_engine):
    """The 'work' inside 'didn't work' is the failure, not the benefit the claim needs."""
    text = "Ketamine clinics\nFor years he took antidepressants, but they didn't work for him."
    assert "trd-effective" not in claim_ids(real_engine, text)


def test_speed_without_a_time_frame_is_the_rapid_onset_claim(real_engine):
    """'rapidly eases', 'with remarkable speed', 'a fast, effective approach' (labelling decisions 1)."""
    for text in ("In trials ketamine was shown to rapidly ease depressive symptoms.",
                 "Ketamine lifts depression with remarkable speed and efficacy.",
                 "Many mothers see ketamine therapy as a fast, effective path to recovery."):
        assert "ketamine-rapid-onset" in claim_ids(real_engine, text), text


def test_side_effects_that_pass_rapidly_and_fast_suicidal_relief_are_other_claims(real_engine):
    assert "ketamine-rapid-onset" not in claim_ids(
        real_engine, "After ketamine, the dissociative effects rapidly dissipate once the infusion stops.")
    found = claim_ids(real_engine, "Ketamine can rapidly reduce suicidal thoughts in depressed adults.")
    assert "reduces-suicidal-ideation" in found and "ketamine-rapid-onset" not in found


def test_other_mental_health_conditions_are_other_indications(real_engine):
    """'... depression and other mental health conditions' says ketamine treats more than depression."""
    text = "Studies show ketamine relieves depression and other mental health disorders."
    assert "ketamine-other-indications" in claim_ids(real_engine, text)


def test_a_bare_also_or_a_trials_pain_scores_are_not_other_indications(real_engine):
    """A symptom list with 'not just ... but also', or pain scores measured around surgery, is no indication."""
    page = ("Ketamine for new mothers\n"
            "Postpartum depression can bring sadness and anxiety, touching not just the mother but also her partner.\n"
            "In the trial, esketamine did not change pain levels after the caesarean.")
    assert "ketamine-other-indications" not in claim_ids(real_engine, page)


def test_little_or_partial_benefit_from_antidepressants_is_their_failure(real_engine):
    """'little to no improvement', 'of limited benefit', 'only modest improvement', 'a third won't respond'."""
    for text in ("For many people SSRIs bring little to no improvement.",
                 "Standard antidepressants are of limited benefit for severe depression.",
                 "Doctors prescribe Zoloft first, but it often gives only modest improvement.",
                 "Roughly a third of patients won't respond to conventional antidepressants."):
        assert "ssri-often-fail" in claim_ids(real_engine, text), text
    # who the treatment is for is not a statement that antidepressants fail (that is trd-effective)
    assert "ssri-often-fail" not in claim_ids(
        real_engine, "Ketamine brings relief to patients who do not respond to antidepressants.")


def test_glutamate_with_a_plain_verb_or_a_different_mechanism_is_the_nmda_claim(real_engine):
    """'affects glutamate', 'raises glutamate release', 'a mechanism different from SSRIs' (labelling decisions 6)."""
    for text in ("Ketamine is believed to act by affecting glutamate levels in the brain.",
                 "Ketamine's mechanism of action differs from that of SSRIs."):
        assert "nmda-glutamate-mechanism" in claim_ids(real_engine, text), text


def test_regenerating_nerve_cells_is_neuroplasticity(real_engine):
    text = "Over time ketamine may stimulate the regeneration of nerve cells."
    assert "neuroplasticity-synaptogenesis" in claim_ids(real_engine, text)


def test_a_response_rate_well_below_seventy_percent_is_not_the_70_percent_claim(real_engine):
    """'about 70%' (labelling guide); 55% of patients improving is a figure of its own."""
    assert "response-rate-70pct" not in claim_ids(
        real_engine, "In one clinic sample, 56% of patients improved after ketamine infusions.")
    assert "response-rate-70pct" in claim_ids(
        real_engine, "About 70% of patients improved after ketamine infusions.")


PAIRINGS = [
    "Ketamine opens the door to healing, especially when combined with therapy.",
    "The combination of ketamine and psychotherapy helps patients stay well longer.",
]


@pytest.mark.parametrize("text", PAIRINGS)
def test_a_benefit_credited_to_the_pairing_is_the_combination_claim(real_engine, text):
    """The benefit said to come from pairing ketamine with therapy ("especially when combined with therapy", "the
    combination ... helps") states the combination's benefit."""
    assert "ketamine-plus-psychotherapy" in claim_ids(real_engine, text), text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", PAIRINGS)
def test_a_benefit_credited_to_the_pairing_is_found_by_the_frames_alone(real_engine, text):
    assert "ketamine-plus-psychotherapy" in claim_ids(real_engine, text), text


@pytest.mark.frames_only
def test_a_program_described_as_pairing_the_two_to_help_is_not_the_combination_claim(real_engine):
    """A program or approach described as pairing ketamine with therapy "to help" defines it; the claim needs a benefit
    beyond either part (labelling decisions, guide-only reading, sixty-first pass)."""
    assert "ketamine-plus-psychotherapy" not in claim_ids(
        real_engine, "Our program pairs ketamine with talk therapy to help mothers heal.")


def test_treating_suicidal_thoughts_is_reducing_them_but_a_population_with_them_is_not(real_engine):
    assert "reduces-suicidal-ideation" in claim_ids(
        real_engine, "Studies indicate ketamine can effectively treat suicidal ideation.")
    assert "reduces-suicidal-ideation" not in claim_ids(
        real_engine, "Spravato is approved to treat adults with depression with suicidal thoughts.")


def test_the_spray_named_by_its_route_is_esketamine_when_approved(real_engine):
    text = "A nasal form of the drug is approved for treatment-resistant depression."
    assert "esketamine-fda-approved" in claim_ids(real_engine, text)


def test_a_dose_given_immediately_after_birth_is_not_iv_relief_at_once(real_engine):
    text = "One injection of esketamine given immediately after childbirth lowered depression scores."
    assert "iv-acts-immediately" not in claim_ids(real_engine, text)


def test_a_reduction_within_hours_is_onset_within_hours(real_engine):
    text = "Trials report a marked reduction in depression within hours of a ketamine infusion."
    assert "onset-within-hours" in claim_ids(real_engine, text)


def test_a_dosing_schedule_is_not_the_weeks_antidepressants_take(real_engine):
    schedule = "Unlike daily antidepressants, the spray is given twice per week for the first month."
    assert "ssri-onset-weeks" not in claim_ids(real_engine, schedule)
    assert "ssri-onset-weeks" in claim_ids(real_engine, "Unlike ketamine, SSRIs can take six weeks to start working.")


def test_an_indication_or_an_approach_to_treating_is_not_efficacy(real_engine):
    """The older phrase-list frame too: 'indicated for treating depression' is approval wording, 'an approach to
    treating mental health conditions' popularity (labelling guide)."""
    for text in ("Ketamine has only lately been indicated for treating depression.",
                 "Ketamine therapy is a fashionable approach to treating mental health conditions."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_hype_about_ketamine_for_depression_is_not_efficacy(real_engine):
    assert "ketamine-effective-depression" not in claim_ids(
        real_engine, "Much hype surrounds ketamine as a way to relieve depression.")


def test_rapid_antidepressant_effects_are_the_rapid_onset_claim(real_engine):
    """'its rapid antidepressant effects' states the speed without a time frame (labelling decisions, round 3: 3),
    also beside the anti-suicidal claim it no longer hides behind."""
    for text in ("Clinicians value ketamine for its rapid antidepressant effects.",
                 "Ketamine is used for suicidal ideation because of its rapid-onset antidepressant effects."):
        assert "ketamine-rapid-onset" in claim_ids(real_engine, text), text
    found = claim_ids(real_engine, "Ketamine and esketamine have rapid antidepressant and anti-suicidal effects.")
    assert {"ketamine-rapid-onset", "reduces-suicidal-ideation"} <= found


def test_fast_anti_suicidal_effect_beside_failed_drugs_is_not_the_rapid_onset_claim(real_engine):
    """The speed of the anti-suicidal effect alone is the narrower claim; 'other drugs haven't worked' is no speed."""
    for text in ("The anti-suicidal effect of ketamine appears rapidly in many patients.",
                 "Ketamine can rapidly reduce suicidal thinking when other medications haven't worked.",
                 "In a crisis, ketamine can bring fast relief from thoughts of suicide."):
        found = claim_ids(real_engine, text)
        assert "reduces-suicidal-ideation" in found and "ketamine-rapid-onset" not in found, text


def test_current_treatments_that_take_weeks_are_the_slow_conventional_ones(real_engine):
    """'current treatment options' / 'existing therapies' name the conventional treatment the claim compares with
    (labelling decisions, round 3: 2); a weekly schedule is still no delay."""
    for text in ("The new pill works faster than current treatment options, which can take weeks or months to work.",
                 "Existing therapies for depression often need several weeks to kick in."):
        assert "ssri-onset-weeks" in claim_ids(real_engine, text), text
    assert "ssri-onset-weeks" not in claim_ids(
        real_engine, "Current treatments for depression are given weekly for a month.")


def test_a_third_not_responding_to_antidepressants_is_not_ketamines_response_rate(real_engine):
    """The complement frame is ketamine's non-response; the same figure about oral antidepressants is their
    failure. An 'improvement rate' of about 70% is the response-rate claim."""
    page = ("Ketamine therapy\n"
            "Depression touches millions; a third of them will not respond to oral antidepressants alone.\n")
    found = claim_ids(real_engine, page)
    assert "response-rate-70pct" not in found and "ssri-often-fail" in found
    assert "response-rate-70pct" in claim_ids(
        real_engine, "Ketamine therapy\nStudies of ketamine report a 68% improvement rate.")


def test_a_failure_named_as_the_condition_of_ketamines_use_is_not_the_failure_claim(real_engine):
    """'especially when traditional treatments fall short' says who ketamine is for; a plain 'often fail,
    especially when ...' still states the failure."""
    assert "ssri-often-fail" not in claim_ids(
        real_engine, "Ketamine infusions have shown striking results, especially when conventional treatments fall short.")
    assert "ssri-often-fail" in claim_ids(
        real_engine, "Antidepressants often fail, especially when depression is severe.")


def test_a_tablet_that_dissolves_quickly_is_no_rapid_onset(real_engine):
    assert "ketamine-rapid-onset" not in claim_ids(
        real_engine, "Fast-dissolving ketamine tablets may offer an effective home treatment for depression.")


def test_a_label_indication_or_the_mechanism_by_which_it_works_is_not_efficacy(real_engine):
    """'used with an oral antidepressant to treat depression in adults' is the label's indication (a use); 'the
    process by which ketamine relieves depression' presupposes the effect and speaks of the mechanism."""
    for text in ("Esketamine is a nasal spray used together with an oral antidepressant to treat depression in adults.",
                 "The mechanism by which ketamine relieves depression involves glutamate receptors."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text
    assert "ketamine-effective-depression" in claim_ids(real_engine, "Ketamine relieves depression in many adults.")


def test_where_glutamate_acts_or_a_childs_stress_response_is_not_neuroplasticity(real_engine):
    """'more glutamate in the gaps between neurons' places a messenger, 'depression can rewire a child's stress
    response' is the illness's harm; growing connections between brain cells stays the claim."""
    for text in ("Ketamine increases the amount of glutamate in the gaps between neurons.",
                 "A mother's depression can rewire her child's stress response."):
        assert "neuroplasticity-synaptogenesis" not in claim_ids(real_engine, text), text
    assert "neuroplasticity-synaptogenesis" in claim_ids(
        real_engine, "Ketamine may stimulate the growth of connections between brain cells.")


def test_feeling_normal_soon_after_the_infusion_is_no_onset_of_relief(real_engine):
    """Going home within 30 minutes 'feeling normal', or 'feelings of calm' among side effects within 24 hours,
    describe the infusion's passing effects, not relief within hours."""
    for text in ("After a ketamine infusion most people leave within 30 minutes and feel completely normal.",
                 "The usual side effects within 24 hours of a ketamine session are mild: feelings of calm or slight dizziness."):
        assert "onset-within-hours" not in claim_ids(real_engine, text), text
    assert "onset-within-hours" in claim_ids(
        real_engine, "Many people feel their mood lift within hours of a ketamine infusion.")


def test_a_lasting_effect_named_as_a_schedules_goal_is_not_the_lasting_claim(real_engine):
    """'In order to produce sustained relief, ketamine is given twice a week' says why infusions repeat."""
    assert "effects-last-long" not in claim_ids(
        real_engine, "In order to produce sustained relief, ketamine is given twice a week for three weeks.")
    assert "effects-last-long" in claim_ids(
        real_engine, "Many patients report sustained relief after a series of ketamine infusions.")


def test_treatment_goals_and_other_drugs_limited_efficacy_are_not_ketamine_working_in_trd(real_engine):
    """A consultation's 'treatment goals, such as relief from treatment-resistant depression' is an aim; 'limited
    efficacy of traditional antidepressants' is their failure."""
    page = "Your first Spravato visit\n"
    for text in ("We talk through treatment goals, such as relief from treatment-resistant depression.",
                 "Spravato alone is now approved in treatment-resistant depression, where older antidepressants showed limited efficacy."):
        assert "trd-effective" not in claim_ids(real_engine, page + text), text


def test_brain_repairing_abilities_are_neuroplasticity(real_engine):
    """'ketamine's brain-repairing abilities' (labelling decisions, round 3: 17)."""
    text = "More sessions may help consolidate ketamine's brain-repairing abilities."
    assert "neuroplasticity-synaptogenesis" in claim_ids(real_engine, text)


def test_not_a_cure_all_or_not_for_everyone_is_no_verdict_on_efficacy(real_engine):
    """'not a cure-all', 'may not work for everyone' limit who responds; the efficacy stated beside them stays."""
    assert "ketamine-effective-depression" not in claim_ids(
        real_engine, "Ketamine is not a cure-all for depression and may not work for everyone.")
    assert "ketamine-effective-depression" in claim_ids(
        real_engine, "Ketamine relieves depression, though it may not work for everyone.")


# --- tuning round 4 ------------------------------------------------------------------------------------------

def test_faster_and_fastest_are_speed_without_a_time_frame(real_engine):
    """The comparative and superlative of 'fast' say the same speed as 'fast' (labelling decisions 1)."""
    for text in ("Ketamine infusions can help you feel better, faster.",
                 "Some call ketamine the fastest acting antidepressant we have.",
                 "Esketamine may offer a faster-acting option than older pills."):
        assert "ketamine-rapid-onset" in claim_ids(real_engine, text), text
    # how fast the body clears it is no speed of relief
    assert "ketamine-rapid-onset" not in claim_ids(real_engine, "Ketamine is cleared faster in younger adults.")


# frames alone: the claim model's veto (session 32, docs/checker.md) drops the claim in a terse invented sentence here
@pytest.mark.frames_only
def test_a_mechanism_sentences_helps_is_the_mechanism_not_general_efficacy(real_engine):
    """'blocks NMDA receptors, which helps restore connections in regions affected by mood disorders': the labels
    file such sentences under the mechanism claim alone; general efficacy yields to it."""
    text = "Esketamine blocks NMDA receptors, which helps restore connections in brain areas affected by mood disorders."
    found = claim_ids(real_engine, text)
    assert "nmda-glutamate-mechanism" in found and "ketamine-effective-depression" not in found
    assert "ketamine-effective-depression" in claim_ids(real_engine, "Ketamine helps adults with mood disorders.")


def test_works_differently_a_use_or_a_hard_to_treat_illness_is_no_efficacy(real_engine):
    """'works differently' says how, 'its use in treating' states a use, 'the hardest to treat cases' describe
    the illness; none says that ketamine works against depression."""
    for text in ("Spravato works differently than older pills and targets pathways linked to depression.",
                 "Ketamine has drawn attention for its use in treating mental health conditions such as depression.",
                 "For the hardest to treat cases of depression, ketamine is now offered online."):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text


def test_an_approval_headline_states_the_indication_not_efficacy(real_engine):
    """'FDA approves X to treat Y in adults with Z' names the indication and its population (labelling decisions,
    round 3: 6), not that it relieves Y or Z."""
    for text in ("FDA approves esketamine nasal spray to treat depressive symptoms in older adults",
                 "FDA approves esketamine nasal spray to treat depressive symptoms in adults with suicidal thoughts",
                 "FDA approves esketamine nasal spray to treat treatment-resistant depression in adults"):
        found = claim_ids(real_engine, text)
        assert "esketamine-fda-approved" in found, text
        assert not found & {"ketamine-effective-depression", "reduces-suicidal-ideation", "trd-effective"}, text


def test_used_for_treatment_resistant_depression_presents_it_as_treating_it(real_engine):
    """'used for / used for the treatment of / provides treatment for TRD' (labelling decisions, consistency 2);
    the failed treatments a patient 'tried' are not this one's use."""
    for text in ("More recently ketamine has been used for the treatment of depression, especially treatment-refractory depression.",
                 "Ketamine clinics provide much-needed treatment for people with treatment-resistant depression."):
        assert "trd-effective" in claim_ids(real_engine, text), text
    assert "trd-effective" not in claim_ids(
        real_engine, "Ketamine clinic\nYou have probably tried many treatments for your treatment-resistant depression.")


def test_a_condition_the_drug_may_cause_or_pain_on_urinating_is_no_other_indication(real_engine):
    """Anxiety among side effects, or bladder pain after heavy use, are harms, not conditions it treats."""
    for text in ("Using ketamine may cause dizziness, anxiety or a spinning sensation.",
                 "Ketamine misuse\nIf you use it often, you may notice pain when you urinate."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, text), text
    assert "ketamine-other-indications" in claim_ids(real_engine, "Ketamine is also used to treat anxiety and PTSD.")


def test_a_lifted_mood_is_depression_relieved_but_not_a_euphoric_one(real_engine):
    assert "ketamine-effective-depression" in claim_ids(
        real_engine, "Spravato gives many patients a noticeable lift in mood after a few treatments.")
    assert "ketamine-effective-depression" not in claim_ids(
        real_engine, "Ketamine can cause euphoria and improve mood for a short time.")


def test_a_definition_of_treatment_resistance_is_not_antidepressants_often_failing(real_engine):
    """'TRD, meaning they have failed two antidepressants' defines who is eligible (labelled as the approval)."""
    assert "ssri-often-fail" not in claim_ids(
        real_engine, "Spravato is for adults with treatment-resistant depression, meaning they have failed at least two antidepressants.")
    assert "ssri-often-fail" in claim_ids(real_engine, "Antidepressants often fail to relieve depression.")


def test_a_trial_report_under_a_suicidal_population_headline_is_not_suicidal_thoughts_relieved(real_engine):
    """'Spravato approved for adults with acute suicidal ideation' names the population; the trial report under it
    ('a rapid reduction of depressive symptoms within 24 hours') relieves depression. Thoughts named in the
    context and referred to ('reduce them') are still the claim."""
    page = "Spravato approved for adults with acute suicidal ideation\n\n"
    found = claim_ids(real_engine, page + "In the trials the spray gave a rapid reduction of depressive symptoms within 24 hours.")
    assert "onset-within-hours" in found and "reduces-suicidal-ideation" not in found
    assert "reduces-suicidal-ideation" in claim_ids(
        real_engine, "Suicidal thoughts\n\nKetamine can rapidly reduce them within hours.")


def test_other_treatment_resistant_conditions_are_not_treatment_resistant_depression(real_engine):
    found = claim_ids(real_engine, "Ketamine infusions are used to treat anxiety, PTSD and other treatment-resistant conditions.")
    assert "ketamine-other-indications" in found and "trd-effective" not in found


def test_symptoms_relieved_with_the_illness_left_to_the_page_is_efficacy_but_not_a_side_effects(real_engine):
    """'not a cure, but a treatment meant to help in reducing symptoms', 'offers not just symptom relief'; symptoms
    of nausea reduced by drinking water, or relief named for its length, are other claims."""
    for text in ("Ketamine is not a cure, but it is a treatment meant to help in reducing symptoms.",
                 "Spravato offers not just symptom relief, but a path toward recovery."):
        assert "ketamine-effective-depression" in claim_ids(real_engine, text), text
    for text in ("Ketamine clinic\n\nDrinking water can help reduce symptoms of nausea after your session.",
                 "Ketamine clinic\n\nLong-Term Symptom Relief"):
        assert "ketamine-effective-depression" not in claim_ids(real_engine, text), text
