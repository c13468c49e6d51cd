"""Pass 11 (helper M11b): the safety, misuse and regulatory claims read on copy the checker had not seen. Every sentence
here is invented, not copied from any page; each test fails without the change it names, and each has a negative
example beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_what_trials_are_needed_to_find_out_is_an_evidence_gap_over_its_whole_list(real_engine):
    """"Trials are needed to discern/assess X, Y, and Z" names what is not yet known, over the whole list (the shared
    terminator ", and" no longer ends the gap's scope); "areas that need more investigation, especially ..." too."""
    for sentence in ("Larger trials are needed to assess the safety, tolerability, and dependence risk of ketamine infusions.",
                     "Controlled studies are needed to understand the long-term effects, and the addiction potential, of ketamine.",
                     "Several questions need more investigation, especially the abuse potential of oral ketamine."):
        assert "abuse-potential" not in claim_ids(real_engine, sentence), sentence
    # a finding stated beside it, in its own clause, is still the copy's claim
    sentence = "Ketamine can be habit-forming; larger trials are needed to assess how often this happens."
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence)
    sentence = "Ketamine carries a risk of abuse and misuse, so doctors monitor every dose."
    assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence)


def test_an_application_for_approval_is_pending_not_approval(real_engine):
    """A company submitting, filing or applying for approval, or seeking it, has not been granted it: the approval claim
    is pending (stance hypothetical), and so is what the application is for."""
    for sentence in ("The drugmaker has filed an application for approval of esketamine for treatment-resistant depression.",
                     "Janssen submits esketamine nasal spray for FDA approval in depression",
                     "The company is seeking FDA approval for its esketamine spray for major depression."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, sentence), sentence
    # an approval after the application still is one: the scope ends at the comma
    sentence = "After applying for approval in 2018, the esketamine spray was approved by the FDA for depression in 2019."
    assert (sentence, "esketamine-fda-approved", "asserts") in flags(real_engine, sentence)


def test_a_vote_to_recommend_approval_is_no_approval_but_what_the_voter_says_stands(real_engine):
    """A panellist who voted to recommend approval has approved nothing (esketamine-fda-approved's frame that needs only
    the drug and an approval word takes the vote as its exception); what the panellist then says is the copy's claim."""
    sentence = "A panellist who voted to recommend approval of esketamine called it a game-changer for people with depression."
    assert "esketamine-fda-approved" not in claim_ids(real_engine, sentence)
    assert "ketamine-effective-depression" in claim_ids(real_engine, sentence)
    sentence = "Esketamine was approved in 2019 for depression that has not responded to other treatments."
    assert "esketamine-fda-approved" in claim_ids(real_engine, sentence)


def test_a_requirement_of_supervision_is_stated_not_a_need(real_engine):
    """"The need for supervised administration / monitoring" is a requirement the copy states, not an unmet need (the
    hypothetical "need for" rule no longer takes it); monitoring for unnamed side effects says none of them is common."""
    text = ("Spravato is a nasal spray for depression. The treatment comes with strict safety rules, "
            "including the need for supervised dosing and monitoring for side effects.")
    got = flags(real_engine, text)
    assert any(cid == "esketamine-rems-monitoring" and stance == "asserts" for _, cid, stance in got), got
    assert "ketamine-common-side-effects" not in {cid for _, cid, _ in got}
    # an unmet need is still no claim
    sentence = "There is an urgent need for treatments that relieve postpartum depression within hours."
    assert "onset-within-hours" not in claim_ids(real_engine, sentence)
    # named side effects watched for and called common still are the common side effects
    sentence = "You will be monitored for side effects such as nausea and dizziness, which are common after ketamine."
    assert "ketamine-common-side-effects" in claim_ids(real_engine, sentence)


def test_what_off_label_means_for_any_drug_is_a_definition(real_engine):
    """Explaining off-label use ("'off-label' use means that ...", "once a medication is approved, doctors may use it
    'off-label'") says what any approved drug may be used for; it states nothing about ketamine or esketamine."""
    page = "Ketamine and Spravato for depression\n\n"
    for sentence in ("\u201cOff-label\u201d use means that a drug is given for a condition the FDA did not approve it for.",
                     "Once a drug is approved by the FDA, doctors may prescribe it \u201coff-label\u201d for other conditions.",
                     "Once a medication is approved, physicians may use it off label, meaning for purposes not on its label."):
        got = claim_ids(real_engine, page + sentence)
        assert "ketamine-off-label-depression" not in got and "esketamine-fda-approved" not in got, sentence
    # ketamine's own off-label use is still the claim
    sentence = "Ketamine is used off-label for depression, meaning the FDA has not approved it for that use."
    assert (sentence, "ketamine-off-label-depression", "asserts") in flags(real_engine, sentence)


def test_another_drug_called_recreational_and_a_reputation_set_aside_are_not_ketamines_misuse(real_engine):
    """"An analog of the recreational drug phencyclidine (PCP)" calls PCP recreational; a reputation the copy sets aside
    ("often misunderstood as a party drug") or that the reader has heard of (a street name in it) is not asserted."""
    for sentence in ("Ketamine was developed as a safer analog of the anesthetic and recreational drug phencyclidine (PCP).",
                     "Often misunderstood as a club drug, ketamine is now a serious psychiatric medicine.",
                     "You may have heard of ketamine as a party drug (\u201cspecial K\u201d) and wonder how doctors can use it."):
        assert "abuse-potential" not in claim_ids(real_engine, sentence), sentence
    # ketamine's own misuse still is the claim, with PCP beside it or a street name stated
    for sentence in ("Like PCP, ketamine is widely abused as a recreational drug.",
                     "Ketamine, sold on the street as special K, is a popular party drug."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, sentence), sentence


def test_advice_to_treat_promptly_is_no_unmet_need(real_engine):
    """"There is a need for prompt treatment of PPD, since it can harm ..." advises acting early; the harm it gives as
    the reason is the copy's claim (the hypothetical "need for" rule no longer takes prompt/early/timely treatment)."""
    sentence = ("There is a need for early treatment of postpartum depression, because it can disrupt the bond "
                "between mother and baby.")
    assert (sentence, "ppd-harms-mother-baby", "asserts") in flags(real_engine, sentence)
    # an unmet need for better treatment is still no claim
    sentence = "There is an urgent need for better treatments that relieve postpartum depression within hours."
    assert "onset-within-hours" not in claim_ids(real_engine, sentence)


def test_ppd_developing_in_pregnancy_states_its_course(real_engine):
    """PPD said to develop, arise or set in during pregnancy (ppd-duration-course's onset-in-pregnancy frame, which had
    begin/start/occur only); depression in pregnancy raising the chance of PPD is a risk factor, not its course."""
    for sentence in ("Postpartum depression is an illness that can develop during pregnancy or in the months after delivery.",
                     "For some mothers, postpartum depression sets in during pregnancy."):
        assert (sentence, "ppd-duration-course", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Depression during pregnancy raises the chances of developing postpartum depression."
    assert "ppd-duration-course" not in claim_ids(real_engine, sentence)


def test_ppd_brought_on_by_or_arising_from_named_factors_states_its_risk_factors(real_engine):
    """"PPD can be brought on by / arises from / results from" a named factor states the risk factor as its cause (with a
    hormone named beside it too), and "not having enough support" names the lack of support."""
    for sentence in ("Postpartum depression can be brought on by stress and a lack of sleep.",
                     "Postpartum depression often arises from hormonal shifts together with stress and isolation.",
                     "Postpartum depression can result from new mothers not having enough support."):
        assert (sentence, "ppd-risk-factors", "asserts") in flags(real_engine, sentence), sentence
    # a treatment brought on by a diagnosis names no cause
    sentence = "Postpartum depression treatment was brought on by the new guidelines for mothers."
    assert "ppd-risk-factors" not in claim_ids(real_engine, sentence)


def test_an_illness_defined_by_when_it_begins_states_its_onset_window(real_engine):
    """"PPD is defined as depression that develops/begins within N weeks after childbirth" (or "with onset during ...")
    states the onset window (labelling decisions, fresh round 3 rule 14); a definition by anything else stays a definition."""
    for sentence in ("Postpartum depression is defined as a depressive episode that begins within four weeks after delivery.",
                     "Postpartum depression is defined as major depression with onset within the first month after giving birth."):
        assert (sentence, "ppd-onset-timing", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Off-label use is defined as prescribing ketamine for a condition the FDA has not approved it for."
    assert "ketamine-off-label-depression" not in claim_ids(real_engine, sentence)


def test_a_fasting_instruction_with_nausea_as_its_reason_is_no_side_effect_claim(real_engine):
    """Not eating before a dose because nausea may follow is the fasting instruction; nausea is presupposed, not the
    common side-effect claim (labelling decisions, fresh round 3 rule 10). Side effects named without it still are."""
    for sentence in ("Do not eat for two hours before your esketamine dose, since side effects can include nausea and vomiting.",
                     "Patients should avoid food before the spray because its side effects may include nausea."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence
    sentence = "Common side effects of the spray include nausea, dizziness and a fast heartbeat."
    assert "ketamine-common-side-effects" in claim_ids(real_engine, sentence)


def test_a_case_that_may_arise_is_a_condition_and_navigating_treatment_safely_an_aim(real_engine):
    """"In case / in the event (that) the treatments are not well tolerated" is a condition, as an if-clause is, and
    asserts or denies nothing; "the key to navigating your treatment safely and effectively" is an aim, not a finding."""
    page = "Ketamine infusions for depression\n\n"
    for sentence in ("Keep your psychiatrist informed in case the infusions are not well tolerated.",
                     "Tell your care team in the event that the treatment is not well tolerated.",
                     "Good preparation is the key to navigating your treatment safely and effectively."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, page + sentence), sentence
    # "in the case of" names a topic, and a plain statement still counts
    for sentence in ("In the case of ketamine, the infusions are safe and well tolerated.",):
        assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, sentence), sentence


def test_a_side_effect_that_needs_watching_is_no_rems_claim(real_engine):
    """"Increased blood pressure, which requires monitoring" says how that side effect is cared for; the supervised
    programme is another claim. A dose said to require monitoring in a certified clinic still states it."""
    text = "Esketamine nasal spray for depression. Some patients get a rise in blood pressure, which requires monitoring."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, text)
    text = "Esketamine nasal spray for depression. Each dose requires monitoring in a certified clinic for two hours."
    assert "esketamine-rems-monitoring" in claim_ids(real_engine, text)
