"""The copy checker on wordings and page shapes that real copy uses and the corpora show only once or not
at all: each case stands for a general cause of a missed claim (context, structure, vocabulary), fixed
as a rule or as concept data rather than for one sentence (issue 10)."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_a_full_sentence_ending_in_a_colon_states_what_comes_before_its_list(real_engine):
    text = ("Postpartum depression is harmful.\n"
            "When untreated, the effects ripple into a child's long-term development:\n"
            "- behaviour\n- learning\n")
    assert ("When untreated, the effects ripple into a child's long-term development:", "ppd-harms-mother-baby",
            "asserts") in flags(real_engine, text)
    # a lead-in that only opens its list still states nothing by itself
    lead_in = "Ketamine can help with:\n- PTSD\n- chronic pain\n"
    assert not any(t.startswith("Ketamine can help") for t, _, _ in flags(real_engine, lead_in))


def test_a_lead_in_naming_side_effects_makes_the_claim_once_and_its_bare_items_do_not(real_engine):
    """Labelling guide: a list of side effects is labelled once, on its lead-in, when the items are bare words."""
    text = "Common side effects of ketamine include:\n- nausea\n- dizziness\n"
    found = flags(real_engine, text)
    assert ("Common side effects of ketamine include:", "ketamine-common-side-effects", "asserts") in found
    assert not any(t in ("nausea", "dizziness") for t, _, _ in found)
    # a label of a few words names what the lines under it say, and states nothing itself
    assert not flags(real_engine, "Side effects:\n- nausea\n- dizziness\n")


def test_a_list_item_opening_with_a_verb_states_with_its_lead_in(real_engine):
    """'• Can relieve depression within hours' is a predicate of the lead-in's subject, not a question."""
    text = "Why mothers choose ketamine:\n- Can relieve depression within hours\n- Is compatible with breastfeeding\n"
    found = flags(real_engine, text)
    assert ("Can relieve depression within hours", "onset-within-hours", "asserts") in found
    assert ("Is compatible with breastfeeding", "breastfeeding-compatible", "asserts") in found
    # a heading that asks without its question mark still asks
    assert not flags(real_engine, "Is Ketamine Safe While Breastfeeding\nRead on to learn more.")


def test_a_list_item_completes_a_lead_in_that_states_nothing_by_itself(real_engine):
    """'Ketamine therapy can help with: • PTSD • chronic pain' makes its claim item by item (labelling decisions 15)."""
    text = "Ketamine therapy can help with:\n- Depression\n- PTSD\n- Chronic pain\n"
    found = flags(real_engine, text)
    assert ("PTSD", "ketamine-other-indications", "asserts") in found
    assert not any(t.startswith("Ketamine therapy can help") for t, _, _ in found)
    # a lead-in naming the members of a set is not completed by each member (labelling decisions 17, 18)
    members = "Serious side effects of Spravato include:\n- Sedation and dissociation.\n- Fainting.\n"
    assert not any(cid == "ketamine-common-side-effects" for _, cid, _ in flags(real_engine, members))


def test_a_drug_that_failed_before_is_not_the_clauses_subject(real_engine):
    """The page's treatment is still carried into a clause that names the drugs that did not work."""
    sentence = ("The new use is for adults with depression who have had an inadequate response to at least two oral "
                "antidepressants.")
    text = "Spravato news\nThe FDA approved Spravato on its own in January. " + sentence
    assert (sentence, "esketamine-monotherapy-approved", "asserts") in flags(real_engine, text)


def test_a_drug_it_is_given_with_is_not_the_clauses_subject(real_engine):
    text = ("About Spravato\nSince 2019 it has been approved for use in conjunction with an oral antidepressant in "
            "adults with treatment-resistant depression.")
    assert "esketamine-fda-approved" in claim_ids(real_engine, text)


def test_a_treatment_named_only_in_the_title_is_carried_into_a_trial_report(real_engine):
    sentence = "This improvement in symptoms remained significant at 30 days after the end of treatment."
    text = ("What to Know About Brexanolone (Zulresso)\nResults\n"
            "In trials, women with severe PPD showed statistically significant improvement. " + sentence)
    assert (sentence, "brexanolone-efficacy", "asserts") in flags(real_engine, text)


def test_a_trademark_sign_glued_to_a_brand_does_not_hide_it(real_engine):
    assert "esketamine-fda-approved" in claim_ids(
        real_engine, "Spravato™ is approved by the FDA for adults with treatment-resistant depression.")


def test_a_decision_to_make_is_not_an_open_question(real_engine):
    text = "A decision must be made whether to discontinue breast-feeding or to abstain from Spravato therapy."
    assert ("esketamine-lactation-label", "asserts") in {(c, s) for _, c, s in flags(real_engine, text)}


def test_unlikely_denies_what_follows_unless_a_condition_explains_it(real_engine):
    assert ("abuse-potential", "denies") in {(c, st) for _, c, st in flags(
        real_engine, "Ketamine is unlikely to cause addiction at clinical doses.")}
    # the exposure is unlikely *if* the mother waits: the wait itself is what the copy recommends
    assert ("breastfeeding-pause", "asserts") in {(c, st) for _, c, st in flags(
        real_engine, "It is unlikely that a nursing infant would be exposed to ketamine if the mother waited a few "
                     "hours to breastfeed.")}


def test_the_postnatal_scale_names_postpartum_depression(real_engine):
    assert "postpartum-single-dose-esketamine" in claim_ids(
        real_engine, "EPDS scores were lower in the esketamine group at 1 week and at 6 weeks.")


def test_addictive_is_not_the_condition_addiction(real_engine):
    ids = claim_ids(real_engine, "Ketamine is not addictive at the doses we use.")
    assert "ketamine-other-indications" not in ids
    assert "abuse-potential" in ids


def test_an_effect_named_after_a_drug_class_leaves_the_pasted_text_to_its_subject(real_engine):
    """Copy pasted without its page names no treatment: "the antidepressant effect" is the subject's."""
    assert "effects-last-long" in claim_ids(real_engine, "The antidepressant effect can persist for weeks.")


@pytest.mark.parametrize("text, claim", [
    ("When traditional treatments prove insufficient, ketamine brings relief to people with depression.",
     "trd-effective"),
    ("Ketamine can help with post-natal depression.", "ketamine-treats-ppd"),
    ("Ketamine can treat peripartum depression.", "ketamine-treats-ppd"),
    ("Ketamine is considered compatible with chest-feeding.", "breastfeeding-compatible"),
    ("With ketamine, relief can come in a matter of hours.", "onset-within-hours"),
    ("Ketamine can raise your blood pressure during the session.", "ketamine-common-side-effects"),
    ("Untreated postpartum depression can harm a baby's development.", "ppd-harms-mother-baby"),
    ("PPD can make it hard to bond with your baby.", "ppd-harms-mother-baby"),
    ("Half of women with PPD are never diagnosed.", "ppd-underdiagnosed"),
    ("Ketamine has anti-suicidal effects.", "reduces-suicidal-ideation"),
    ("SSRIs usually need 4-6 weeks to reach full effect.", "ssri-onset-weeks"),
    ("Its low oral bioavailability minimizes the passage of ketamine into the infant from breast milk.",
     "milk-transfer-minimal"),
    ("Ketamine-assisted psychotherapy offers the potential for long-term benefits.", "effects-last-long"),
    ("Esketamine has been detected in human milk.", "esketamine-in-breast-milk"),
    ("Ketamine is often better tolerated than conventional antidepressants.", "safer-than-approved-drugs"),
    ("After the initial series, some people benefit from occasional booster treatments.", "maintenance-may-be-needed"),
    ("The benefit of one infusion usually lasts only a few days.", "single-infusion-short-lived"),
    ("Some providers recommend a 24-hour break from breastfeeding after each infusion.", "breastfeeding-pause"),
    ("Children of depressed mothers are at higher risk of developmental delays.", "ppd-harms-mother-baby"),
    ("Many women with PPD never seek help.", "ppd-underdiagnosed"),
    ("After a single infusion, symptoms usually return within a week.", "single-infusion-short-lived"),
    # "almost immediate" is a time frame at least as short as hours (labelling decisions, clinic pages 11)
    ("Ketamine offers near-immediate relief from depression.", "onset-within-hours"),
    ("Ketamine works almost instantly.", "onset-within-hours"),
    # a likelihood is not a hypothetical
    ("It is unlikely that a nursing infant would be exposed to ketamine if the mother waited a few hours to breastfeed.",
     "breastfeeding-pause"),
    # a trial named with its result reports a finding; it is not a study's subject without one
    ("In trials of patients with treatment-resistant depression, ketamine produced rapid improvement.", "trd-effective"),
])
def test_paraphrases_real_copy_uses(real_engine, text, claim):
    assert claim in claim_ids(real_engine, text)


@pytest.mark.parametrize("text", [
    "Patients who tried ketamine at our clinic describe the staff as caring.",
    "Ongoing treatment plans are discussed at every visit.",
    "Each session includes a check of your blood pressure.",
    "You and your doctor will decide whether ketamine is right for you.",
    "Untreated depression can harm relationships at work.",
    "Depressed mothers often feel guilty and isolated.",
    "Ketamine™ clinics are popping up everywhere.",
    # frames alone: the claim model retrained on 999 pages (session 33) reads the no-driving claim into the bare item
    pytest.param("Things to bring to your appointment:\n- Is your ID with you\n- Can you arrange a ride\n",
                 marks=pytest.mark.frames_only),
])
def test_the_wider_vocabulary_still_flags_nothing_here(real_engine, text):
    assert not flags(real_engine, text)


def test_a_prevalence_range_is_read_by_its_top(real_engine):
    """'11-20% of mothers' is 'as many as one in five' (labelling decisions, round 2, 10), not also 1 in 10,
    1 in 7 and about 13%; a narrow range still meets the figure it brackets."""
    wide = claim_ids(real_engine, "The CDC estimates that 11-20% of women who give birth will experience postpartum depression.")
    assert "ppd-prevalence-1-in-5" in wide
    assert not wide & {"ppd-prevalence-1-in-10", "ppd-prevalence-1-in-7", "ppd-prevalence-13pct"}
    assert "ppd-prevalence-13pct" in claim_ids(real_engine, "Postpartum depression affects 12-13% of mothers.")


def test_a_trial_named_with_its_finding_reports_it_whatever_the_verb(real_engine):
    """'In a trial of ..., X cut the rate of ...' reports a finding; 'a trial of' alone is a study's aim."""
    found = claim_ids(real_engine, "In a trial of mothers with antenatal depression, one dose of esketamine right after "
                                   "delivery cut the rate of postnatal depression by about 75%.")
    assert "postpartum-single-dose-esketamine" in found
    assert not claim_ids(real_engine, "A trial of one dose of esketamine right after delivery for postnatal depression.")


def test_an_open_question_named_with_if_covers_what_follows_it(real_engine):
    """'it is unclear if the same holds for perinatal depression' asks; it does not claim ketamine treats PPD."""
    found = claim_ids(real_engine, "Drugs such as ketamine have shown rapid antidepressant effects for treatment-resistant "
                                   "depression, but it is unclear if the same may be true for perinatal depression.")
    assert "trd-effective" in found and "ketamine-treats-ppd" not in found
    # what is unknown before the verb is still what is unknown, and the main clause after a comma still states
    assert "ketamine-treats-ppd" not in claim_ids(real_engine, "Whether ketamine helps postpartum depression is unclear.")


def test_non_addictive_denies_misuse_while_other_non_words_deny_nothing(real_engine):
    assert ("Ketamine therapy is non-addictive when given in a clinic.", "abuse-potential", "denies") in \
        flags(real_engine, "Ketamine therapy is non-addictive when given in a clinic.")
    text = "We use non-anesthetic doses of ketamine, which can be misused at higher doses."
    assert (text, "abuse-potential", "asserts") in flags(real_engine, text)


def test_an_adverb_between_a_signals_words_does_not_change_what_a_figure_measures(real_engine):
    """'each session typically lasts 40 minutes' times the session, not how long relief lasts."""
    assert "infusion-40-60-min" in claim_ids(real_engine, "Each infusion session typically lasts between 40 minutes to an hour.")
    assert "infusion-40-60-min" not in claim_ids(real_engine, "The dissociation typically lasts 40 minutes to an hour after the dose.")


def test_a_dash_before_especially_narrows_the_clause_and_working_differently_from_a_drug_compares(real_engine):
    text = ("Ketamine has gained attention as a promising treatment for depression—especially in people who have not "
            "responded well to traditional antidepressants.")
    assert "trd-effective" in claim_ids(real_engine, text)
    text = ("What is Spravato?\nIt works differently from traditional antidepressants, which is why it can help some "
            "people when other medications have not.")
    assert "trd-effective" in claim_ids(real_engine, text)


def test_a_title_part_that_asks_and_a_benefits_of_heading_name_topics(real_engine):
    assert not claim_ids(real_engine, "POSTPARTUM DEPRESSION SYMPTOMS | HOW TO TREAT POSTPARTUM DEPRESSION WITH KETAMINE\n"
                                      "Call us today.")
    assert not claim_ids(real_engine, "Benefits of Ketamine Therapy for New Mothers\nCall us today.")
    # a heading with a verb still states
    assert "ketamine-treats-ppd" in claim_ids(real_engine, "Ketamine Therapy Relieves Postpartum Depression\nCall us today.")


@pytest.mark.parametrize("text", [
    "RELATED: Why ketamine works for anxiety, according to experts",
    "Read more: Is esketamine safe for nursing mothers?",
    "For more information on the approval of Spravato, visit the FDA website.",
    "Our team offers education on possible side effects before your first session.",
    "Each visit is designed for safety and comfort.",
])
def test_a_link_a_call_to_read_more_or_a_subject_to_discuss_states_nothing(real_engine, text):
    assert not flags(real_engine, text)
    assert not any(s.checkworthy for s in real_engine.check(text).sentences)


def test_a_claim_beside_a_named_topic_is_still_made(real_engine):
    found = claim_ids(real_engine, "Esketamine was approved by the FDA in 2019. To learn more, visit the FDA website.")
    assert "esketamine-fda-approved" in found


def test_on_a_page_about_another_drug_its_generic_words_are_that_drug_s(real_engine):
    body = ("Do not drive until the next day after each dose of this medicine.\n"
            "Common side effects of the treatment include drowsiness and dizziness.\n")
    about_zuranolone = "Zurzuvae (zuranolone) is a pill for postpartum depression.\n" + body
    about_ketamine = "Ketamine infusions for postpartum depression.\n" + body
    ketamine_claims = {"no-driving-after-treatment", "ketamine-common-side-effects"}
    assert not claim_ids(real_engine, about_zuranolone) & ketamine_claims
    assert ketamine_claims <= claim_ids(real_engine, about_ketamine)


def test_who_took_part_and_what_they_were_given_reports_no_finding(real_engine):
    assert not flags(real_engine, "Esketamine after birth.\nThe new study followed 300 mothers with prenatal "
                                  "depression who were given a single dose of esketamine after delivery.")
    # ...until the sentence says what happened to them
    assert "postpartum-single-dose-esketamine" in claim_ids(
        real_engine, "Women were randomly assigned to esketamine or placebo after delivery, and those given "
                     "esketamine had fewer depressive episodes.")


def test_items_complete_a_lead_in_that_lists_conditions(real_engine):
    """Labelling decisions, clinic 15: a list of conditions is labelled item by item (unlike a list of side
    effects or risk factors, which is labelled once, on its lead-in)."""
    text = ("Ketamine has been found effective in treating several mental health conditions, such as:\n"
            "- Post-traumatic stress disorder (PTSD)\n- Treatment-resistant depression\n")
    found = flags(real_engine, text)
    assert ("Post-traumatic stress disorder (PTSD)", "ketamine-other-indications", "asserts") in found
    assert ("Treatment-resistant depression", "trd-effective", "asserts") in found


def test_not_working_for_an_illness_denies_and_not_working_for_weeks_times(real_engine):
    assert ("Ketamine doesn't work for depression.", "ketamine-effective-depression", "denies") in \
        flags(real_engine, "Ketamine doesn't work for depression.")
    assert ("Ketamine doesn't work for postpartum depression.", "ketamine-treats-ppd", "denies") in \
        flags(real_engine, "Ketamine doesn't work for postpartum depression.")
    assert not any(stance == "denies" for _, _, stance in
                   flags(real_engine, "Antidepressants often don't work for several weeks."))


def test_a_source_named_in_running_prose_keeps_the_sentence_the_page_s_own(real_engine):
    text = ("In a meta-analysis by Wilkinson et al. (2018), a single dose of ketamine significantly reduced "
            "suicidal thoughts within 24 hours.")
    assert "reduces-suicidal-ideation" in claim_ids(real_engine, text)
    # a reference entry still opens with its authors' names
    assert not flags(real_engine, "References\nWilkinson ST, Ballard ED, et al. A single dose of ketamine "
                                  "reduced suicidal thoughts within 24 hours. Am J Psychiatry. 2018;175(2):150-158.")


def test_short_lines_under_a_colon_are_a_list_whose_bullets_were_lost():
    from indexer.copycheck.blocks import split_blocks
    from indexer.copycheck.normalize import normalize
    text = ("Spravato side effects\nThe most common side effects include:\nMild sedation or sleepiness\n"
            "Increased blood pressure (temporary)\nWhat to expect at your visit\nYou stay in the office.\n")
    kinds = [(b.kind, b.lead_in) for b in split_blocks(normalize(text))]
    assert kinds == [("heading", None), ("paragraph", None), ("list-item", 1), ("list-item", 1),
                     ("heading", None), ("paragraph", None)]


def test_an_opening_contrast_or_concession_keeps_the_main_clause_s_denial_to_itself(real_engine):
    # what "Unlike X," names gets the opposite of what the main clause denies
    assert ("Unlike esketamine, ketamine is not FDA-approved for depression.", "esketamine-fda-approved",
            "asserts") in flags(real_engine, "Unlike esketamine, ketamine is not FDA-approved for depression.")
    # a concession's "not" stays in the concession
    text = "Though not FDA-approved for depression in general, esketamine is approved for treatment-resistant depression."
    assert (text, "esketamine-fda-approved", "asserts") in flags(real_engine, text)
    # a plain denial is still one
    assert ("Esketamine is not approved for postpartum depression.", "esketamine-fda-approved", "asserts") not in \
        flags(real_engine, "Esketamine is not approved for postpartum depression.")


def test_claims_are_found_in_the_knowledge_base_s_own_accurate_wording(real_engine):
    """Copy that follows a claim's accurate wording makes that claim: a study named as the setting of its
    finding ("In two small studies of ..., little ketamine reached breast milk") is not a study's subject
    without a finding, and a year after the birth is PPD's onset window."""
    assert "milk-transfer-minimal" in claim_ids(
        real_engine, "In two small studies of eight breastfeeding women, little ketamine reached breast milk.")
    assert "ppd-onset-timing" in claim_ids(
        real_engine, "Postpartum depression can start at any time in the year after the birth.")
    # a study's subject alone still reports nothing
    assert not flags(real_engine, "A study of ketamine for postpartum depression is under way.")


@pytest.mark.parametrize("text", [
    "Larger randomised clinical studies are needed to confirm that ketamine relieves depression.",
    "More well-designed trials are still needed before ketamine can be called effective for depression.",
])
def test_studies_still_needed_is_an_evidence_gap_whatever_words_stand_between(real_engine, text):
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


@pytest.mark.parametrize("text", [
    "A federal advisory committee voted in favour of approving esketamine nasal spray for depression.",
    "The agency granted esketamine Breakthrough Therapy Designation for major depression.",
])
def test_a_step_towards_approval_is_not_approval(real_engine, text):
    assert "esketamine-fda-approved" not in claim_ids(real_engine, text)
    # once approved, it is, whatever process led there
    assert "esketamine-fda-approved" in claim_ids(real_engine, "The FDA approved esketamine nasal spray in 2019.")
    assert "esketamine-fda-approved" in claim_ids(
        real_engine, "The FDA approved esketamine nasal spray through its expedited Breakthrough Therapy designation process.")


def test_it_opening_a_sentence_continues_what_the_sentence_before_was_about(real_engine):
    """'It' after a sentence about dissociation is the dissociation; after a sentence naming the treatment,
    still only the treatment."""
    text = ("Dissociation is a dreamlike feeling of being detached from your body. "
            "It usually wears off within an hour or two.")
    assert ("It usually wears off within an hour or two.", "dissociation-brief", "asserts") in flags(real_engine, text)
    text = ("Esketamine is a nasal spray approved for treatment-resistant depression. "
            "It is given in a certified clinic.")
    assert "trd-effective" not in {c for t, c, _ in flags(real_engine, text) if t.startswith("It is given")}


def test_time_words_inside_a_figure_for_something_else_are_not_an_onset(real_engine):
    """'hours of' in '2 hours of monitoring' times the watch after a dose, as the figure does; relief 'within
    hours' is still the onset claim."""
    text = "Because of its effects, patients stay at the clinic for 2 hours of monitoring after ketamine."
    assert "onset-within-hours" not in claim_ids(real_engine, text)
    assert "onset-within-hours" in claim_ids(real_engine, "Ketamine lifts mood within hours of the first infusion.")


def test_a_denial_ends_where_many_of_whom_begins_a_new_statement(real_engine):
    text = ("In one trial the spray was not tolerated well by patients, many of whom had side effects "
            "such as nausea and dizziness.")
    assert ("ketamine-common-side-effects", "asserts") in {(c, st) for _, c, st in flags(real_engine, text)}


def test_an_opening_while_clause_keeps_its_evidence_gap_to_itself(real_engine):
    text = ("While it is unknown how ketamine changes the brain, a single dose of ketamine can relieve "
            "depression within a few hours.")
    assert "onset-within-hours" in claim_ids(real_engine, text)
    # the gap still silences a claim made inside it
    assert "nmda-glutamate-mechanism" not in claim_ids(
        real_engine, "While it is unclear whether ketamine works by blocking NMDA receptors, it is fast.")
