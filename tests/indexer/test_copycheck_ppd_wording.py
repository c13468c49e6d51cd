"""The copy checker on the postpartum, breastfeeding and pregnancy claims, in wordings that real copy uses and
the corpora show rarely: each case stands for a general cause of a missed or false claim in this family, fixed
as claim data (frames, `unless`, `yields_to`) rather than for one sentence (issue 10, tuning round 2). The
sentences are invented, not copied from the corpus pages."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def claims_of(engine, text, sentence):
    return {cid for t, cid, _ in flags(engine, text) if t == sentence}


# --- the single dose after childbirth, as news copy words it -------------------------------------------------

def test_news_calls_the_trials_single_esketamine_dose_one_ketamine_injection(real_engine):
    """Headlines name the trial's esketamine 'ketamine' and its one infusion 'one injection' or 'a single shot'."""
    for sentence in ("A single shot of ketamine may lower the risk of postnatal depression, researchers report.",
                     "One ketamine injection after birth could cut postpartum depression, a new study says."):
        assert "postpartum-single-dose-esketamine" in claims_of(real_engine, sentence, sentence), sentence
    # a single dose for depression outside childbirth is not the postpartum trial
    trd = "A single low dose of ketamine reduced depressive symptoms in adults with treatment-resistant depression."
    assert "postpartum-single-dose-esketamine" not in claims_of(real_engine, trd, trd)
    # nor is a single dose at a caesarean, which is the caesarean claim
    caesarean = "A single dose of esketamine during a caesarean lowered the rate of postnatal depression."
    found = claims_of(real_engine, caesarean, caesarean)
    assert "postpartum-single-dose-esketamine" not in found
    assert "csection-ketamine-prevents-ppd" in found


def test_a_prevention_trial_at_birth_is_not_also_a_treatment_claim(real_engine):
    """ketamine-treats-ppd yields to the prevention claims at birth (labelling decisions, round 2, 15)."""
    sentence = "One low dose of esketamine right after birth proved safe and effective for mothers with prenatal depression."
    found = claims_of(real_engine, sentence, sentence)
    assert "postpartum-single-dose-esketamine" in found
    assert "ketamine-treats-ppd" not in found


# --- ketamine-treats-ppd: words that look like benefit but are not -------------------------------------------

def test_results_as_a_consequence_or_a_report_is_not_a_promised_result(real_engine):
    text = "Ketamine for postpartum depression\n"
    for sentence in ("For many women, a traumatic birth results in postpartum depression.",
                     "Results showed that fewer mothers in the ketamine arm developed postpartum depression."):
        assert "ketamine-treats-ppd" not in claims_of(real_engine, text + sentence, sentence), sentence
    # "proven results" for new mothers still is the claim
    promised = "Our ketamine infusions deliver proven results for new mothers with postpartum depression."
    assert "ketamine-treats-ppd" in claims_of(real_engine, text + promised, promised)


def test_how_a_treatment_works_is_mechanism_not_efficacy(real_engine):
    text = "Ketamine for postpartum depression\n"
    for sentence in ("Ketamine works differently from the antidepressants most new mothers are offered.",
                     "New mothers with postpartum depression often ask how it works."):
        assert "ketamine-treats-ppd" not in claims_of(real_engine, text + sentence, sentence), sentence


# --- ppd-hormonal-trigger ------------------------------------------------------------------------------------

def test_a_hormone_drop_or_hormones_as_a_key_player_is_the_hormonal_trigger(real_engine):
    text = "What causes postpartum depression?\n"
    for sentence in ("After delivery, estrogen and progesterone levels plummet within a day or two.",
                     "Many things feed into postpartum depression, and a key player is the shift in hormones."):
        assert "ppd-hormonal-trigger" in claims_of(real_engine, text + sentence, sentence), sentence


def test_sleep_loss_alone_or_a_hormonal_cause_of_the_baby_blues_is_not_the_hormonal_trigger(real_engine):
    """The hormone change is the claim's core; the baby blues are not postpartum depression (labelling decisions)."""
    text = "Postpartum depression\n"
    for sentence in ("Sleep deprivation and the emotional toll of caring for a newborn can contribute to postpartum depression.",
                     "The sudden drop in hormones after birth causes the baby blues in most new mothers.",
                     "The link between postpartum depression and falling hormone levels is not clear yet."):
        assert "ppd-hormonal-trigger" not in claims_of(real_engine, text + sentence, sentence), sentence


# --- breastfeeding-compatible --------------------------------------------------------------------------------

def test_no_harm_seen_in_nursing_infants_is_compatibility(real_engine):
    text = "Ketamine and breastfeeding\n"
    sentence = "No adverse effects have been reported in nursing infants whose mothers received ketamine."
    assert "breastfeeding-compatible" in claims_of(real_engine, text + sentence, sentence)
    # babies exposed in pregnancy are another question
    womb = "No problems were seen in babies born to mothers given ketamine during pregnancy."
    assert "breastfeeding-compatible" not in claims_of(real_engine, text + womb, womb)


def test_interest_in_ketamine_for_ppd_is_not_efficacy_but_an_ideal_medication_is(real_engine):
    """'Being investigated as an option' is interest; 'an ideal medication', 'get rid of' characterise it as working."""
    text = "Ketamine and new mothers\n"
    studied = "Ketamine is now being investigated as an option for mothers with postpartum depression."
    assert "ketamine-treats-ppd" not in claims_of(real_engine, text + studied, studied)
    for sentence in ("Ketamine is an ideal medication for postpartum depression.",
                     "New mothers can finally get rid of postpartum depression with ketamine therapy."):
        assert "ketamine-treats-ppd" in claims_of(real_engine, text + sentence, sentence), sentence


def test_a_treatment_proposed_as_the_standard_is_not_the_standard_treatment(real_engine):
    text = "Postpartum depression\n"
    proposed = "As a first-line antidepressant for mothers with postpartum depression, ketamine allows intermittent use."
    assert "ppd-standard-treatment" not in claims_of(real_engine, text + proposed, proposed)
    standard = "Postpartum depression is usually treated with talk therapy and an SSRI antidepressant."
    assert "ppd-standard-treatment" in claims_of(real_engine, text + standard, standard)


# --- course, harms and recognition of PPD ---------------------------------------------------------------------

def test_onset_in_pregnancy_alone_is_not_the_post_delivery_onset_window(real_engine):
    """Onset during pregnancy is another course claim (labelling decisions, round 2, 11)."""
    text = "Postpartum depression\n"
    pregnancy = "For some women, postpartum depression symptoms begin during pregnancy."
    assert "ppd-onset-timing" not in claims_of(real_engine, text + pregnancy, pregnancy)
    window = "Postpartum depression can start at any time up to a month after the birth."
    assert "ppd-onset-timing" in claims_of(real_engine, text + window, window)


def test_harm_to_mother_and_child_in_other_words(real_engine):
    text = "Postpartum depression\n"
    for sentence in ("Untreated postpartum depression can be devastating for mother and child.",
                     "Postpartum depression has serious implications for babies as well as for their mothers."):
        assert "ppd-harms-mother-baby" in claims_of(real_engine, text + sentence, sentence), sentence


def test_underreporting_and_shame_as_why_ppd_goes_unrecognised(real_engine):
    text = "Postpartum depression\n"
    for sentence in ("Postpartum depression is widely thought to be underreported.",
                     "Many mothers hide postpartum depression because admitting it can feel shameful."):
        assert "ppd-underdiagnosed" in claims_of(real_engine, text + sentence, sentence), sentence


# --- approval, risk and prevalence: whose claim the sentence is -----------------------------------------------

def test_ketamines_own_approval_status_for_ppd_is_not_the_neurosteroid_approvals(real_engine):
    sentence = "Ketamine treatment for postpartum depression is not approved by the FDA."
    assert "fda-approved-ppd-drugs" not in claims_of(real_engine, sentence, sentence)
    approved = "Zuranolone is the first pill approved by the FDA for postpartum depression."
    assert "fda-approved-ppd-drugs" in claims_of(real_engine, approved, approved)


def test_a_drug_at_the_caesarean_is_no_caesarean_risk_claim(real_engine):
    drug = "Esketamine during a caesarean is linked to lower rates of postpartum depression."
    assert "cesarean-raises-ppd-risk" not in claims_of(real_engine, drug, drug)
    risk = "Women who give birth by caesarean have a higher risk of postpartum depression."
    assert "cesarean-raises-ppd-risk" in claims_of(real_engine, risk, risk)


def test_how_drugs_in_general_behave_in_milk_is_no_ketamine_peak(real_engine):
    text = "Ketamine and breastfeeding\n"
    general = "In general, peak levels of most drugs in breast milk follow the levels in the mother's blood."
    assert "ketamine-milk-peak-levels" not in claims_of(real_engine, text + general, general)


def test_a_perinatal_figure_is_no_postpartum_prevalence_but_every_tenth_mother_is_one_in_ten(real_engine):
    """Perinatal figures (pregnancy and after birth together) are none of the postpartum prevalence claims."""
    perinatal = "Perinatal depression is common, affecting about 10% of women during pregnancy and after birth."
    assert "ppd-prevalence-1-in-10" not in claims_of(real_engine, perinatal, perinatal)
    tenth = "Every tenth new mother develops postpartum depression."
    assert "ppd-prevalence-1-in-10" in claims_of(real_engine, tenth, tenth)


# --- everyday paraphrases ---------------------------------------------------------------------------------------

def test_seeking_help_is_what_a_mother_does_not_what_the_treatment_does(real_engine):
    text = "Ketamine for postpartum depression\n"
    seeking = "Many new mothers never ask for help with postpartum depression."
    assert "ketamine-treats-ppd" not in claims_of(real_engine, text + seeking, seeking)
    people = "Family can help by letting a new mum sleep through the night."
    assert "ketamine-treats-ppd" not in claims_of(real_engine, text + people, people)
    recovered = "After a few ketamine sessions, mothers with postpartum depression feel like themselves again."
    assert "ketamine-treats-ppd" in claims_of(real_engine, text + recovered, recovered)


def test_everyday_words_for_cause_harm_pause_and_watching_the_baby(real_engine):
    cases = [
        ("Postpartum depression\n", "Shifting hormone levels after the birth may play a part in postpartum depression.",
         "ppd-hormonal-trigger"),
        ("Postpartum depression\n", "Untreated postnatal depression can strain the relationship between a mother and her baby.",
         "ppd-harms-mother-baby"),
        ("Ketamine and breastfeeding\n", "After a short break you can go back to nursing once the ketamine has cleared.",
         "breastfeeding-pause"),
        ("Ketamine and breastfeeding\n", "Keep an eye on your baby for unusual drowsiness after each ketamine session.",
         "breastfed-infant-monitoring"),
    ]
    for heading, sentence, claim in cases:
        assert claim in claims_of(real_engine, heading + sentence, sentence), sentence


# --- the baby blues ---------------------------------------------------------------------------------------------

def test_baby_blues_needing_no_treatment_and_lasting_a_week_or_two(real_engine):
    text = "Baby blues or postpartum depression?\n"
    benign = "Unlike postpartum depression, the baby blues do not require medical attention."
    assert "baby-blues-common" in claims_of(real_engine, text + benign, benign)
    course = "In the week or two after the birth, many mothers go through the baby blues."
    assert "baby-blues-resolve-2-weeks" in claims_of(real_engine, text + course, course)


def test_the_two_week_diagnostic_threshold_is_not_the_blues_course(real_engine):
    """'If the symptoms last two weeks or longer, ... PPD' is a definition (labelling decisions, clinic 5)."""
    text = "Baby blues or postpartum depression?\n"
    threshold = "If the symptoms last two weeks or longer, the baby blues may be escalating to postpartum depression."
    assert "baby-blues-resolve-2-weeks" not in claims_of(real_engine, text + threshold, threshold)


def test_ppd_that_does_not_clear_unlike_the_blues_is_its_lasting_course(real_engine):
    """'Unlike the baby blues, PPD does not go away on its own' is about PPD, not a denial of the blues' course."""
    text = "Baby blues or postpartum depression?\n"
    sentence = "Unlike the baby blues, postpartum depression usually won't go away on its own."
    found = {(cid, stance) for t, cid, stance in flags(real_engine, text + sentence) if t == sentence}
    assert ("ppd-duration-course", "asserts") in found
    assert not any(cid == "baby-blues-resolve-2-weeks" for cid, _ in found)


def test_chances_of_developing_ppd_is_risk_wording(real_engine):
    text = "Postpartum depression\n"
    sentence = "Money worries and a lack of support can raise a mother's chances of developing postnatal depression."
    assert "ppd-risk-factors" in claims_of(real_engine, text + sentence, sentence)


def test_brexanolone_efficacy_and_withdrawal_in_plain_words(real_engine):
    text = "Postpartum depression treatments\n"
    trial = "In trials, mothers given brexanolone saw their depression scores drop further than mothers given placebo."
    assert "brexanolone-efficacy" in claims_of(real_engine, text + trial, trial)
    lowered = "In trials, the brexanolone dose was reduced when patients became too sleepy."
    assert "brexanolone-efficacy" not in claims_of(real_engine, text + lowered, lowered)
    gone = "The company stopped selling Zulresso in 2024."
    assert "brexanolone-withdrawn" in claims_of(real_engine, text + gone, gone)


def test_a_drug_avoided_during_breastfeeding_is_not_a_pause_in_breastfeeding(real_engine):
    text = "Esketamine and breastfeeding\n"
    drug = "Until more is known, esketamine should be avoided during breastfeeding."
    assert "breastfeeding-pause" not in claims_of(real_engine, text + drug, drug)
    pause = "Avoid breastfeeding for 12 hours after each esketamine dose."
    assert "breastfeeding-pause" in claims_of(real_engine, text + pause, pause)


def test_the_single_dose_trials_rates_and_risk_cut_report_its_result(real_engine):
    """News reports give the trial's result as its arms' rates (6.7% vs 25.4%) or a risk cut by three quarters;
    other trials' adverse-event rates and a response rate of mothers who improved are not it."""
    page = ("Esketamine after childbirth\n"
            "Women given esketamine had just a 6.7% chance of a major depressive episode by six weeks.\n"
            "Among those on placebo, 25.4% went on to develop postnatal depression.\n"
            "That three-quarters cut in risk could change care for new mothers.\n")
    found = flags(real_engine, page)
    for line in page.splitlines()[1:]:
        assert (line, "postpartum-single-dose-esketamine", "asserts") in found, line
    for text in ("Esketamine after childbirth\nSedation occurred in 6.7% of the esketamine group, a side effect.",
                 "Esketamine after childbirth\nAbout 75% of mothers improved with ketamine for postpartum depression."):
        assert "postpartum-single-dose-esketamine" not in claim_ids(real_engine, text), text


def test_a_span_of_months_is_how_long_postpartum_depression_lasts(real_engine):
    """'usually lasts four to eight months' states the course as a figure, and so does a ceiling ('does not last
    more than six months': labelling decisions, consistency pass 5); the two-week threshold and ketamine's relief
    lasting months are not it."""
    assert "ppd-duration-course" in claim_ids(real_engine, "Postpartum depression usually lasts four to eight months.")
    assert ("Postpartum depression generally does not last more than six months.", "ppd-duration-course",
            "asserts") in flags(real_engine, "Postpartum depression generally does not last more than six months.")
    for text in ("PPD symptoms that last longer than 2 weeks need attention.",
                 "Ketamine's relief from postpartum depression lasts several months."):
        assert "ppd-duration-course" not in claim_ids(real_engine, text), text


def test_making_care_and_bonding_difficult_or_delaying_development_is_the_harm(real_engine):
    """'make it difficult to care for the baby', 'impair mother-infant interaction', 'delay development';
    'difficulty bonding' alone is a symptom in a list."""
    for text in ("Postpartum depression can make it difficult for a mother to care for her newborn.",
                 "Postpartum depression may impair mother-infant interaction.",
                 "Untreated postpartum depression can delay a child's emotional development."):
        assert "ppd-harms-mother-baby" in claim_ids(real_engine, text), text
    assert "ppd-harms-mother-baby" not in claim_ids(
        real_engine, "Signs of postpartum depression\nDifficulty bonding with the baby")


def test_a_hormone_change_named_with_its_depressive_effect_is_the_hormonal_trigger(real_engine):
    """On a PPD page copy names what the hormone change does ('can leave you depressed', 'raises vulnerability to
    mood disorders') instead of naming the illness again."""
    page = ("Postpartum depression\n"
            "Thyroid hormones can fall steeply, leaving you exhausted and depressed.\n"
            "Hormonal shifts in pregnancy raise vulnerability to mood disorders.\n")
    found = flags(real_engine, page)
    for line in page.splitlines()[1:]:
        assert (line, "ppd-hormonal-trigger", "asserts") in found, line


def test_the_blues_carried_into_a_sentence_on_depressive_episodes_are_not_their_prevalence(real_engine):
    """'those who experienced prenatal depression' after a sentence on the blues speaks of depression, not of how
    common the blues are; the sentence on the blues keeps the claim."""
    page = ("Many new mothers get the baby blues.\n"
            "A new trial says a single dose may lower the risk of major depressive episodes in those who experienced them.\n")
    found = flags(real_engine, page)
    assert ("Many new mothers get the baby blues.", "baby-blues-common", "asserts") in found
    assert not any(cid == "baby-blues-common" for text, cid, _ in found if text.startswith("A new trial"))


def test_ketamine_as_an_option_for_ppd_treats_it_but_a_drug_that_failed_does_not(real_engine):
    """'ketamine being one option' presents it as a treatment; 'antidepressants ... didn't work for her' on a
    ketamine page is another drug's failure; a bare 'PPD is treatable' names no treatment."""
    page = "Ketamine for new mothers\n"
    assert "ketamine-treats-ppd" in claim_ids(
        real_engine, page + "Postpartum depression responds to care, and ketamine is one option.")
    for text in ("For months she took antidepressants for her postpartum depression, but they didn't work.",
                 "Postpartum depression is treatable."):
        assert "ketamine-treats-ppd" not in claim_ids(real_engine, page + text), text


def test_ketamine_called_the_anaesthetic_drug_is_no_caesarean(real_engine):
    """'esketamine, a form of the anaesthetic drug ketamine, given right after birth' names the drug; the
    caesarean claim needs an operation."""
    text = ("One low dose of esketamine, a form of the anaesthetic drug ketamine, lowered depressive episodes "
            "when given right after childbirth.")
    assert "csection-ketamine-prevents-ppd" not in claim_ids(real_engine, text)
    assert "csection-ketamine-prevents-ppd" in claim_ids(
        real_engine, "Ketamine given during caesarean anaesthesia lowered rates of postpartum depression.")


def test_the_trials_enrolment_history_is_not_its_result(real_engine):
    text = ("Esketamine after childbirth\nNo mother in the study had a medical history of depression, "
            "though all had depressive symptoms in pregnancy before the single low dose.")
    assert "postpartum-single-dose-esketamine" not in claim_ids(real_engine, text)


def test_peripartum_onset_and_late_pregnancy_state_when_ppd_begins(real_engine):
    """The DSM's 'peripartum onset' names the illness with its window; 'the later stages of pregnancy' is
    onset in pregnancy (the course claim)."""
    assert "ppd-onset-timing" in claim_ids(
        real_engine, "Peripartum onset can start at any point in pregnancy or up to a month after delivery.")
    assert "ppd-duration-course" in claim_ids(
        real_engine, "Postpartum depression can also begin in the later stages of pregnancy.")


def test_many_effective_treatments_for_ppd_are_not_ketamine_treating_it(real_engine):
    text = ("Ketamine for new mothers\nThere are many effective treatments for postpartum depression, "
            "and doctors keep looking for more.")
    assert "ketamine-treats-ppd" not in claim_ids(real_engine, text)


def test_depression_during_the_postpartum_period_is_postpartum_depression(real_engine):
    text = "Depression during the postpartum period can impair mother-infant bonding."
    assert "ppd-harms-mother-baby" in claim_ids(real_engine, text)


def test_a_sub_anaesthetic_dose_is_no_caesarean_and_the_birth_trial_hides_plain_efficacy(real_engine):
    """'lower, non-anaesthetic doses' is a dose level, not an operation; a sentence making the single-dose
    claim is not also plain 'ketamine works for depression' (its yields_to)."""
    assert "csection-ketamine-prevents-ppd" not in claim_ids(
        real_engine, "Research shows that ketamine in lower, non-anaesthetic doses markedly reduces depression.")
    found = claim_ids(real_engine, "The trial's results suggest low-dose esketamine should be offered to new mothers "
                                   "with prenatal depressive symptoms.")
    assert "postpartum-single-dose-esketamine" in found and "ketamine-effective-depression" not in found


# --- round 4 tuning: mechanism wording -----------------------------------------------------------------------

def test_plasticity_split_in_two_words_and_regrown_connections_are_synaptogenesis(real_engine):
    """'neural plasticity' is 'neuroplasticity' in two words; connections rebuilt, connectivity raised and
    shrunken brain regions regrown are synapses grown."""
    for sentence in ("Ketamine acts on glutamate, a messenger tied to neural plasticity.",
                     "Ketamine helps rebuild connections in parts of the brain worn down by stress.",
                     "Esketamine may repair connections in brain regions that depression has weakened.",
                     "Ketamine can reverse brain atrophy caused by years of depression.",
                     "Ketamine leads to increased connectivity between neurons."):
        assert "neuroplasticity-synaptogenesis" in claim_ids(real_engine, sentence), sentence


def test_connections_with_people_are_not_brain_connections(real_engine):
    for sentence in ("Ketamine therapy can help you restore connections with loved ones.",
                     "Our ketamine program helps you rebuild connections with your family and friends.",
                     "Ketamine clinics offer more connectivity with your care team through telehealth."):
        assert "neuroplasticity-synaptogenesis" not in claim_ids(real_engine, sentence), sentence


def test_inducing_glutamate_neurotransmission_is_the_glutamate_mechanism(real_engine):
    sentence = "A low dose of ketamine induces glutamate neurotransmission in the prefrontal cortex."
    assert "nmda-glutamate-mechanism" in claim_ids(real_engine, sentence)


# --- round 4 tuning: the PPD drugs ---------------------------------------------------------------------------

def test_the_approved_protocols_however_their_length_is_written(real_engine):
    """Brexanolone's 60-hour drip 'over a 60-hour period' and zuranolone's course that 'lasts 2 weeks' are the
    approved drugs only where the sentence says they are available (labelling decisions, round 6 rule 3, which
    replaced 'protocol facts count for fda-approved-ppd-drugs'); the bare protocol fact is the drug's dosing."""
    for sentence in ("Brexanolone is available only through certified clinics, as an IV drip over a 60-hour period.",
                     "Zuranolone is now available as a 2-week course, one capsule each evening."):
        assert "fda-approved-ppd-drugs" in claim_ids(real_engine, sentence), sentence
    for sentence in ("Brexanolone is given as an IV drip over a 60-hour period in a certified clinic.",
                     "The zuranolone course lasts 2 weeks, one capsule each evening."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, sentence), sentence
    # a drug still in trials is not approved, and a driving warning naming the course is that warning
    for sentence in ("Zuranolone is an investigational drug being evaluated for two weeks in adults with depression.",
                     "Do not drive for 12 hours after each zuranolone capsule, for two weeks."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, sentence), sentence


def test_brexanolones_speed_of_response_is_its_efficacy(real_engine):
    sentence = "The chief benefit of brexanolone is a rapid response, within a few days."
    assert "brexanolone-efficacy" in claim_ids(real_engine, sentence)


def test_a_placebo_group_outside_childbirth_is_not_the_postpartum_trial(real_engine):
    """Adult esketamine trials have placebo groups too; only among mothers is it the single-dose trial."""
    trd = ("In the monotherapy trial, Spravato beat placebo on the depression scale, with 20% of adults in remission "
           "at four weeks, compared with 8% in the placebo group.")
    assert "postpartum-single-dose-esketamine" not in claim_ids(real_engine, trd)
    mothers = "Fewer new mothers given esketamine had major depression at six weeks postpartum than the placebo group."
    assert "postpartum-single-dose-esketamine" in claim_ids(real_engine, mothers)


def test_a_risk_said_to_be_greater_for_a_group_names_a_risk_factor(real_engine):
    sentence = "Postpartum depression risks are greater for women with a past history of mood disorders."
    assert "ppd-risk-factors" in claim_ids(real_engine, sentence)


def test_a_lactation_reviewers_hedged_advice_is_not_the_manufacturers_label(real_engine):
    """'Until more data are available, ... should probably be avoided' is a lactation database's opinion."""
    hedged = "Until more data are available, esketamine should probably be avoided while breastfeeding."
    assert "esketamine-lactation-label" not in claim_ids(real_engine, hedged)
    label = "The esketamine label advises against breastfeeding during treatment."
    assert "esketamine-lactation-label" in claim_ids(real_engine, label)


def test_dendrites_grown_and_synapses_strengthened_are_synaptogenesis(real_engine):
    for sentence in ("Ketamine spurs the growth of dendrites in the prefrontal cortex.",
                     "Ketamine strengthens synaptic connections that chronic stress has worn down."):
        assert "neuroplasticity-synaptogenesis" in claim_ids(real_engine, sentence), sentence


def test_brexanolones_benefits_over_the_trial_window_are_its_efficacy(real_engine):
    sentence = "Brexanolone's benefits held for 30 days in the trials."
    assert "brexanolone-efficacy" in claim_ids(real_engine, sentence)


def test_a_single_dose_outside_childbirth_is_not_the_postpartum_trial(real_engine):
    """Adult TRD and suicidality trials give esketamine as a single dose too."""
    trd = "In adults with treatment-resistant depression, a single dose of esketamine eased depression within a day."
    assert "postpartum-single-dose-esketamine" not in claim_ids(real_engine, trd)
    mothers = "A single low dose of esketamine given to new mothers after delivery lowered postpartum depression."
    assert "postpartum-single-dose-esketamine" in claim_ids(real_engine, mothers)


def test_approved_to_treat_is_approval_status_not_efficacy(real_engine):
    """'not FDA-approved to treat PPD' speaks of approval; it neither asserts nor denies that ketamine works."""
    sentence = "Neither ketamine nor esketamine is FDA-approved to treat PPD."
    assert "ketamine-treats-ppd" not in claim_ids(real_engine, sentence)
    assert "ketamine-treats-ppd" in claim_ids(real_engine, "Ketamine treats postpartum depression effectively.")


def test_brexanolones_benefit_without_a_trial_word_is_its_efficacy_but_approval_and_mechanism_are_not(real_engine):
    assert "brexanolone-efficacy" in claim_ids(
        real_engine, "Brexanolone was well tolerated and showed activity in severe postpartum depression.")
    for sentence in ("Brexanolone was approved by the FDA to treat postpartum depression in 2019.",
                     "Brexanolone eases postpartum depression by acting on GABA receptors."):
        assert "brexanolone-efficacy" not in claim_ids(real_engine, sentence), sentence


def test_tms_offered_to_nursing_mothers_is_tms_for_ppd(real_engine):
    """The breastfeeding mother is the postpartum patient: TMS as her drug-free option is the TMS claim."""
    sentence = "For women who are breastfeeding, TMS offers a promising alternative."
    assert "tms-effective-ppd" in claim_ids(real_engine, sentence)


def test_depression_scores_brought_down_in_mothers_with_ppd_is_ketamine_treating_it(real_engine):
    sentence = "In one study, ketamine significantly lowered depression scores in women with postpartum depression."
    assert "ketamine-treats-ppd" in claim_ids(real_engine, sentence)


def test_allopregnanolone_falling_after_birth_is_the_hormonal_trigger(real_engine):
    """Labelling decisions: low allopregnanolone after birth linked to PPD is ppd-hormonal-trigger; a drug made
    from it is the neurosteroid mechanism."""
    trigger = "After delivery, allopregnanolone levels drop steeply, which may play a part in postpartum depression."
    assert "ppd-hormonal-trigger" in claim_ids(real_engine, trigger)
    drug = "Zuranolone is a synthetic form of allopregnanolone, taken for postpartum depression."
    assert "ppd-hormonal-trigger" not in claim_ids(real_engine, drug)
