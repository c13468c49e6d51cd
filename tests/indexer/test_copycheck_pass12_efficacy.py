"""Pass 12 cases of the copy checker's general efficacy claims (trd-effective, ketamine-effective-depression): wording
met first on the pages released in pass 12, read by general words in the claims' frames and the failed-treatment
concept. Every sentence here is invented; each test fails without the change it names, and the negatives guard what
must still be read."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_a_licence_withheld_with_its_indication_is_no_efficacy_denied(real_engine):
    """'has not been approved by the FDA to treat depression', 'lacks approval for treating depression': the approval
    status (the off-label claim), which says nothing of whether the drug works, so no denial of efficacy."""
    for text in ("Generic ketamine has not been approved by the FDA to treat bipolar depression or anxiety.",
                 "In Canada, ketamine still does not have approval for treating depression.",
                 "Racemic ketamine is not yet approved for treating depression in adults."):
        assert not any(cid == "ketamine-effective-depression" for _, cid, _ in flags(real_engine, text)), text
    # efficacy said beside the missing licence is still the claim
    text = "Ketamine has not been approved by the FDA to treat depression. Even so, ketamine relieves depression in many patients."
    found = {(sent, c, s) for sent, c, s in flags(real_engine, text)}
    assert ("Even so, ketamine relieves depression in many patients.", "ketamine-effective-depression", "asserts") in found
    assert not any(c == "ketamine-effective-depression" and s == "denies" for _, c, s in found)


def test_the_other_drugs_failure_said_with_a_benefit_word_names_the_patients(real_engine):
    """'where antidepressants have not been effective', 'have not benefited from', 'without success', 'without adequate
    response': the failure of the drugs tried before (trd-effective's population), not this drug's benefit or its denial."""
    text = "Doctors now use ketamine to treat depression in patients for whom standard antidepressants have not been effective."
    found = {(c, s) for _, c, s in flags(real_engine, text)}
    assert ("trd-effective", "asserts") in found
    assert not any(c == "ketamine-effective-depression" for c, _ in found)
    for text in ("Ketamine clinic notes. Most of our new patients have tried four antidepressants without success.",
                 "Ketamine clinic notes. Candidates have usually taken two antidepressants without adequate response.",
                 "Esketamine was approved for adults whose depression has not benefited from earlier medicines."):
        ids = claim_ids(real_engine, text)
        assert "trd-effective" not in ids, text
        assert "ketamine-effective-depression" not in ids, text
    # relief stated for the same patients is still the claim
    text = "Ketamine brings relief to patients who have tried four antidepressants without success."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_tried_with_little_success_is_a_failed_treatment(real_engine):
    text = "If you have tried SSRIs with little success, ketamine infusions could offer a path to healing."
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "If older antidepressants haven't helped you, esketamine may offer a new path forward."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_a_label_indication_or_a_dated_approval_is_the_licence_not_efficacy(real_engine):
    """'X is indicated for ... adults who have not responded ...', 'was approved in 2019 to treat patients ... resistant to
    other therapies' state the licence (labelling decisions, round 5 rule 2), not that it works."""
    for text in ("SPRAVATO is indicated for major depressive disorder in adults who have not responded to two antidepressants.",
                 "Esketamine was approved in 2019 to treat adults who were resistant to other therapies."):
        ids = claim_ids(real_engine, text)
        assert "trd-effective" not in ids, text
        assert "ketamine-effective-depression" not in ids, text
    # the same drug said to help those patients is the claim
    text = "Esketamine helps adults who have not responded to two antidepressants."
    assert "trd-effective" in claim_ids(real_engine, text)


def test_conditions_named_as_side_effects_harms_or_non_uses_are_no_other_indication(real_engine):
    """ketamine-other-indications needs a condition the drug is used for: anxiety in a list of what one may feel after a
    dose, the harms of long-term use, an interaction warning, illicit self-medication, the use's off-label status, a
    label's 'not for use as', research on the use, a passing anxiety in a session and an industry's growing pains are not."""
    for text in ("After the nasal spray of esketamine you may feel dizziness, nausea, anxiety or sleepiness.",
                 "Heavy long-term use of ketamine is linked to memory problems, depression and anxiety.",
                 "Concomitant use of ketamine with alcohol or opioids can deepen the sedation.",
                 "Some people use ketamine illegally to self-treat chronic pain.",
                 "Ketamine is an anesthetic; its use for PTSD and anxiety is considered off-label.",
                 "Esketamine is not for use as a medicine to relieve pain.",
                 "Plenty of research has been performed about the use of ketamine for PTSD and OCD.",
                 "During a ketamine session, a therapist helps patients manage any anxiety or fear that comes up.",
                 "Ketamine clinics are booming, yet the industry is going through growing pains."):
        assert not any(cid == "ketamine-other-indications" for _, cid, _ in flags(real_engine, text)), text
    # a use stated is still the claim, also beside an off-label word or side effects named apart
    for text in ("Ketamine can be used to treat anxiety, PTSD and chronic pain.",
                 "Off-label, low doses of ketamine are also used for chronic pain management and sedation."):
        assert "ketamine-other-indications" in claim_ids(real_engine, text), text


def test_what_a_study_looked_at_or_tested_is_no_finding(real_engine):
    """'the study looked at the effects of ketamine ... in treating patients with TRD', 'these studies compared the efficacy
    and safety of', 'researchers tested whether ... can reduce symptoms', 'a study to uncover the efficacy of', 'results
    from a relapse prevention study' name a study's aim or subject, not its finding (labelling guide: study aims or
    methods without a finding)."""
    for text in ("The new trial looked at the effects of ketamine infusions in treating adults with treatment-resistant depression.",
                 "Two studies compared the efficacy and safety of esketamine spray with placebo in adults with major depression.",
                 "Doctors tested whether a single esketamine infusion during surgery - a stronger form of ketamine - could relieve depression.",
                 "The team ran a study to uncover the efficacy of ketamine in treating depression in older adults.",
                 "The meeting heard results from a relapse prevention study of esketamine in treatment-resistant depression."):
        ids = claim_ids(real_engine, text)
        assert "trd-effective" not in ids, text
        assert "ketamine-effective-depression" not in ids, text
    # a finding stated in its own sentence is still the claim
    text = "The trial found that ketamine infusions relieved depression in most adults with treatment-resistant depression."
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "In the study, esketamine relieved depression in most adults."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_the_indications_suicidal_thoughts_or_actions_name_the_people(real_engine):
    """Spravato's second indication, 'depressive symptoms in adults with MDD with suicidal thoughts or actions' or '... who
    have acute suicidal ideation or behavior', names the people it is for, not thoughts relieved (labelling decisions,
    round 3 rule 6), also when a bracket or a 'who' clause stands between the disorder and the thoughts."""
    for text in ("Our clinic uses esketamine to treat depressive symptoms in adults with major depressive disorder (MDD) with "
                 "suicidal thoughts or actions.",
                 "Esketamine is a real step forward in treating depressive symptoms in adults with major depression who have "
                 "acute suicidal ideation or behavior."):
        assert "reduces-suicidal-ideation" not in claim_ids(real_engine, text), text
    # thoughts said to be relieved are still the claim
    text = "Esketamine can quickly ease suicidal thoughts in adults with major depression."
    assert "reduces-suicidal-ideation" in claim_ids(real_engine, text)


def test_safe_and_effective_as_a_requirement_or_an_aim_is_not_said_of_the_drug(real_engine):
    """'the FDA requires drugs to be safe and effective', 'we strive to make ... safe and effective', 'to ensure a safe and
    effective experience' state a requirement or an aim, not that ketamine works."""
    for text in ("Ketamine clinic notes. The FDA requires every medicine sold in the US to be both safe and effective.",
                 "Ketamine clinic notes. We strive to make home treatment with ketamine more safe and effective.",
                 "Ketamine clinic notes. Our nurses are there to ensure a safe and effective visit."):
        assert not any(cid == "ketamine-effective-depression" for _, cid, _ in flags(real_engine, text)), text
    # the drug called safe and effective is still the claim
    text = "Ketamine is a safe and effective treatment when given by trained clinicians."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)


def test_what_a_thing_is_for_is_its_purpose_not_efficacy(real_engine):
    """'a form of ketamine for treating depression', 'a different mechanism for treating depression', 'a model for treating
    the symptoms of depression' say what a thing is for (a purpose, as 'used to treat' is a use); 'Weighing Benefits for
    Depression' names a topic."""
    for text in ("Esketamine is a spray made by a drug company as a newer form of ketamine for treating depression.",
                 "Ketamine relies on another brain pathway for treating depression than older pills.",
                 "KAP is not the same as an IV ketamine clinic, a medical model for treating the symptoms of depression.",
                 "Ketamine: Weighing Benefits for Depression Against the Risks"):
        assert not any(cid == "ketamine-effective-depression" for _, cid, _ in flags(real_engine, text)), text
    # the drug said to be effective for treating depression still asserts
    text = "Ketamine is effective for treating depression in many adults."
    assert "ketamine-effective-depression" in claim_ids(real_engine, text)
