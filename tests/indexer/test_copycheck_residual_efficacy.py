"""The copy checker on the efficacy, onset, approval and protocol claims, residual misses of pass 9 (issue 10):
general ways any page words these claims that the checker missed on the tuning pages. Every sentence here is
invented (none is copied from a page); each test fails without the wording it names, and each wording has a
negative example beside it."""
from __future__ import annotations

from flagged import claim_ids  # tests/indexer/flagged.py


def test_a_lifeline_for_people_with_an_illness_presents_the_drug_as_treating_it(real_engine):
    """'a lifeline for those battling X' (labelling decisions, round 5 rule 4) is efficacy wording."""
    text = "For many adults, ketamine has become a lifeline for those living with treatment-resistant depression."
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "Esketamine is a lifeline to patients whose depression has not responded to other drugs."
    assert "trd-effective" in claim_ids(real_engine, text)
    # the crisis line is a phone number, not a benefit
    text = "If your depression has not responded to treatment and you feel unsafe, call the Crisis Lifeline at 988."
    assert "trd-effective" not in claim_ids(real_engine, text)


def test_existing_or_standard_drugs_taking_weeks_is_the_delay_of_conventional_antidepressants(real_engine):
    """'existing/current/standard drugs take weeks' names the conventional drugs by a plain 'drugs'/'medicines'."""
    for text in ("Existing drugs for depression often need several weeks before they help.",
                 "Standard drugs can take a month or more to lift a low mood.",
                 "Ketamine may act in a day, while current medicines take weeks to work."):
        assert "ssri-onset-weeks" in claim_ids(real_engine, text), text
    # a drug's own course given in weeks is no delay
    assert "ssri-onset-weeks" not in claim_ids(real_engine, "Existing drugs are usually taken for several weeks at a time.")


def test_the_procedure_taking_about_an_hour_is_the_session_length(real_engine):
    """'the procedure (only) takes about 40 minutes' states the session's length."""
    for text in ("The procedure usually takes 45 minutes from start to finish.",
                 "At our clinic the procedure lasts about an hour."):
        assert "infusion-40-60-min" in claim_ids(real_engine, text), text
    # another procedure's length, and a length far from the claim's, are not it
    assert "infusion-40-60-min" not in claim_ids(real_engine, "The surgical procedure takes about 45 minutes.")
    assert "infusion-40-60-min" not in claim_ids(real_engine, "The procedure takes two hours.")


def test_the_spray_doses_with_how_often_they_are_given_are_its_schedule(real_engine):
    """'56 mg or 84 mg weekly' / '84 mg every 2 weeks' give the spray's schedule as its doses."""
    text = "Spravato comes as a nasal spray. From week five it is given at 84 mg once per week."
    assert "esketamine-dosing-schedule" in claim_ids(real_engine, text)
    text = "Spravato comes as a nasal spray. Later a dose of 56 mg is used every 2 weeks."
    assert "esketamine-dosing-schedule" in claim_ids(real_engine, text)
    # a dose with no frequency is not a schedule, nor is ketamine dosed by weight
    assert "esketamine-dosing-schedule" not in claim_ids(real_engine, "Spravato comes in a device holding 28 mg.")
    assert "esketamine-dosing-schedule" not in claim_ids(
        real_engine, "Spravato is a nasal spray. Ketamine lozenges of 56 mg are taken once a week at home.")


def test_the_later_phases_of_the_spray_are_maintenance(real_engine):
    """The spray's tapering phases ('from the ninth week', 'weekly or every other week', 'followed by weekly
    sessions') are maintenance besides the schedule (labelling decisions, round 4 rule 14)."""
    for text in ("Spravato is a nasal spray. From the ninth week you come in every two weeks.",
                 "Spravato is a nasal spray. By then, most patients get their treatments weekly or every other week.",
                 "The Spravato plan is two sessions a week for a month, followed by weekly sessions."):
        found = claim_ids(real_engine, text)
        assert {"maintenance-may-be-needed", "esketamine-dosing-schedule"} <= found, (text, found)
    # an infusion clinic's own weekly sessions, and the induction alone, are not the spray's tapering phase
    assert "maintenance-may-be-needed" not in claim_ids(
        real_engine, "We offer ketamine infusions twice weekly, followed by weekly integration calls.")
    assert "maintenance-may-be-needed" not in claim_ids(real_engine, "Spravato is given twice a week for the first four weeks.")


def test_trial_news_of_ketamine_cutting_depression_after_birth_is_the_postpartum_trial(real_engine):
    """A news headline 'Ketamine cuts depression after childbirth, study finds' reports the post-delivery trial
    (labelling decisions, round 4 rule 15), not the treatment claim."""
    for text in ("Ketamine Lowers Depression In New Mothers, Study Finds",
                 "Researchers found that a ketamine jab after giving birth reduced depression in mothers."):
        found = claim_ids(real_engine, text)
        assert "postpartum-single-dose-esketamine" in found, (text, found)
    # the caesarean trial's news names the operation; earlier "studies show" are not the reported trial
    assert "postpartum-single-dose-esketamine" not in claim_ids(
        real_engine, "Ketamine during caesarean section lowers postpartum depression, study finds.")
    assert "postpartum-single-dose-esketamine" not in claim_ids(
        real_engine, "Earlier studies show lower depression rates after delivery with ketamine.")


def test_a_ppd_drug_said_to_be_available_is_the_approved_ppd_drug_and_its_bare_protocol_is_not(real_engine):
    """Round 6 rule 3: the drug's availability asserts that approved PPD drugs exist; a bare protocol fact (the
    60-hour drip, the 14-day course, the hospital setting) is the drug's dosing, not this claim."""
    for text in ("Zurzuvae is now available as a pill for mothers with postpartum depression.",
                 "Zulresso will only be available through certified hospitals."):
        assert "fda-approved-ppd-drugs" in claim_ids(real_engine, text), text
    for text in ("Zulresso is given as a continuous intravenous drip for 60 hours.",
                 "Mothers take zuranolone once a day for 14 days.",
                 "Zurzuvae will be available in pharmacies by the end of the year.",
                 "Available data on zuranolone in breast milk are limited."):
        assert "fda-approved-ppd-drugs" not in claim_ids(real_engine, text), text


def test_the_spray_approved_as_a_variant_of_ketamine_and_ketamine_indicated_for_depression_are_the_approval(real_engine):
    """'approved a variant of ketamine' names the spray by its kinship; 'ketamine is now indicated for depression'
    states the approval (labelling decisions, round 2 rule 12)."""
    for text in ("Regulators approved a variant of the anaesthetic ketamine for adults with severe depression.",
                 "Long used in operating rooms, ketamine has recently been indicated for treating depression."):
        assert "esketamine-fda-approved" in claim_ids(real_engine, text), text
    # a denied indication, and the anaesthetic one, are not it
    for text in ("Ketamine is not indicated for treating depression.",
                 "Ketamine is indicated for the induction of anesthesia."):
        assert "esketamine-fda-approved" not in claim_ids(real_engine, text), text


def test_other_drugs_that_did_not_work_written_out_in_full_are_the_resistant_population(real_engine):
    """'for whom existing antidepressants did not work' is the failed-treatment wording 'didn't work' in full."""
    text = "Ketamine can help adults whose earlier antidepressants did not work."
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "Spravato may help people for whom standard pills do not work."
    assert "trd-effective" in claim_ids(real_engine, text)
    # not seeking help is no failed treatment
    assert "trd-effective" not in claim_ids(real_engine, "Many mothers with depression do not seek help, though ketamine may help.")
    # the drug itself not working for everyone limits who responds; nothing failed before it
    assert "trd-effective" not in claim_ids(real_engine, "Ketamine does not work for everyone, but it helps many people.")


def test_relief_in_a_few_minutes_is_within_hours(real_engine):
    """Minutes are within hours: 'can change how you feel in just a few minutes'."""
    for text in ("Spravato can change how you feel in just a few minutes.",
                 "Ketamine can shift how you feel in a few minutes."):
        assert "onset-within-hours" in claim_ids(real_engine, text), text
    # the after-effects passing in minutes are not relief
    assert "onset-within-hours" not in claim_ids(real_engine, "The dizziness after ketamine wears off in a few minutes.")


def test_a_licence_approving_a_use_to_treat_the_illness_is_the_approval_only(real_engine):
    """'approved for use, with an oral antidepressant, to treat TRD' is the licence's wording of the use: the
    approval, not a claim that it works (labelling decisions, round 5 rule 2)."""
    text = "Spravato is a nasal spray approved for use, together with an oral antidepressant, to treat treatment-resistant depression in adults."
    found = claim_ids(real_engine, text)
    assert "esketamine-fda-approved" in found and not {"trd-effective", "ketamine-effective-depression"} & found, found
    # a result stated beside the approval still counts
    text = "Spravato helps adults whose depression did not improve on two antidepressants, and the FDA has approved it."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_not_to_expect_relief_overnight_bounds_the_onset_and_claims_nothing(real_engine):
    """'Do not expect overnight recovery' is a limit on what to expect: no claim of relief within hours."""
    for text in ("Do not expect an overnight recovery from ketamine.",
                 "You shouldn't expect relief within hours of the first infusion."):
        assert "onset-within-hours" not in claim_ids(real_engine, text), text
    # the expectation set in the positive still claims it
    assert "onset-within-hours" in claim_ids(real_engine, "You can expect relief within hours of the first ketamine infusion.")


def test_drugs_a_treatment_outperforms_are_named_only_to_compare(real_engine):
    """'an effective treatment that outperforms other antidepressants' names them only to compare (as 'than', 'unlike'):
    the page's drug is still the subject of the clause (a small change to pipeline.COMPARED_RE)."""
    text = "Ketamine was long an anaesthetic, but today it is seen as an effective treatment that outperforms standard antidepressants."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
    # the drug that outperforms is the clause's own subject when it is named
    assert "ketamine-effective-depression" not in claim_ids(real_engine, "Zoloft is an effective treatment that outperforms other antidepressants.")


def test_soothing_suicidal_thoughts_relieves_them(real_engine):
    """'soothe' is a relief verb ('can soothe a suicidal person's urge to self-harm')."""
    for text in ("Esketamine can soothe a suicidal person's urge to self-harm.",
                 "Ketamine soothes suicidal thoughts in many patients."):
        assert "reduces-suicidal-ideation" in claim_ids(real_engine, text), text
    # a soothing setting is no relief
    assert "reduces-suicidal-ideation" not in claim_ids(
        real_engine, "Patients with suicidal thoughts wait in a soothing room before the ketamine infusion.")


def test_symptoms_resolving_completely_is_efficacy(real_engine):
    """'a complete resolution (remission) of symptoms' says the drug relieves depression."""
    text = "Our clinic offers ketamine infusions. Some patients see a full resolution (remission) of their symptoms."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
    # a side effect resolving is not relief of depression
    text = "Our clinic offers ketamine infusions. Nausea usually sees complete resolution within an hour."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


def test_another_countrys_licence_is_not_the_fda_approval(real_engine):
    """A licence from the European Commission, China's or Japan's regulator is not the FDA's approval (labelling
    decisions: esketamine-non-us-approval is uncovered), nor a result in treatment-resistant depression."""
    for text in ("Esketamine nasal spray was approved by the European Commission for adults with treatment-resistant depression.",
                 "The maker obtained marketing approval in Japan for esketamine nasal spray for depression.",
                 "Esketamine is approved in Europe for treating treatment-resistant depression."):
        found = claim_ids(real_engine, text)
        assert "esketamine-fda-approved" not in found, text
        assert "trd-effective" not in found, text
    assert "esketamine-fda-approved" in claim_ids(
        real_engine, "Esketamine nasal spray was approved by the FDA for adults with treatment-resistant depression.")


def test_a_green_light_is_an_approval(real_engine):
    """News copy says the FDA 'green-lighted' or 'greenlit' the spray."""
    for text in ("Regulators green-lighted the esketamine nasal spray for treatment-resistant depression last spring.",
                 "FDA greenlights esketamine nasal spray for depression"):
        assert "esketamine-fda-approved" in claim_ids(real_engine, text), text
    # a clinic that is approved to give the spray is not the drug's approval
    assert "esketamine-fda-approved" not in claim_ids(real_engine, "We are an approved Spravato treatment center for depression.")


def test_what_to_expect_is_not_expecting_a_baby(real_engine):
    """'expect' stems like 'expecting': only 'expecting a baby' / 'expecting mothers' is pregnancy."""
    found = claim_ids(real_engine, "Esketamine nasal spray treats depression. Tolerance is expected with long-term use, and "
                                   "patients should be monitored for withdrawal after discontinuation of therapy.")
    assert "pregnancy-avoid" not in found
    found = claim_ids(real_engine, "Spravato for postpartum depression\n\nExploring Spravato: What to Expect from This "
                                   "Depression Treatment")
    assert "postpartum-single-dose-esketamine" not in found
    assert "pregnancy-avoid" in claim_ids(real_engine, "Ketamine should not be used if you are expecting a baby.")


def test_several_footnote_numbers_after_a_stop_end_the_sentence():
    """'...symptoms of depression.5,6 The long-term study ...': footnote marks glued to the stop, as '.1' alone."""
    from indexer.copycheck.sentences import split_sentences
    assert [s.text for s in split_sentences("It eased depressive symptoms.5,6 The long-term study found no new signals.")] \
        == ["It eased depressive symptoms.5,6", "The long-term study found no new signals."]
    # a decimal is no footnote
    assert len(split_sentences("Doses of 0.5,6 Patients waited.")) == 1
