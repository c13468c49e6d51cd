"""Pass 12 (helper S12): side-effect and safety claims read on copy the checker met first on the 167 pages released in
session 12. Every sentence here is invented, not copied from any page; each test fails without the change it names, and
each has a negative example beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_named_serious_side_effects_are_the_common_side_effects_claim(real_engine):
    """Side effects called serious or severe and named ("serious side effects including dissociation") are the side-effect
    claim (labelling decisions round 5 rule 13, round 8 rule 7): "serious" no longer rules the frame out; it only keeps
    the unnamed "serious side effects" from filling the effect slot."""
    for sentence in ("Esketamine nasal spray can bring serious side effects, including sedation and dissociation.",
                     "Possible serious side effects of ketamine include a rise in blood pressure and bladder problems.",
                     "Severe side effects seen with Spravato include dizziness and nausea."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence), sentence
    # unnamed serious side effects, or serious ones called rare, or warning signs to act on, are not the claim
    for sentence in ("Ketamine can cause serious side effects.",
                     "Serious side effects of ketamine infusions are rare.",
                     "Ketamine infusions have few serious side effects.",
                     "Call your doctor right away if you have serious side effects such as chest pain after your Spravato dose."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence


def test_what_stopping_the_drug_brings_is_withdrawal_not_a_side_effect_of_the_dose(real_engine):
    """Effects on stopping use ("no severe physical side effects like vomiting when use is stopped") are withdrawal's, not
    the effects of a dose, asserted or denied."""
    for sentence in ("Cravings for ketamine can happen, but there are no severe physical side effects like nausea when you stop using it.",
                     "Withdrawal from ketamine may cause side effects such as nausea and dizziness.",
                     "People who stop using ketamine after heavy use may get nausea and feel dizzy."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine may cause side effects such as nausea and dizziness during the infusion."
    assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence)


def _by_text(engine, text):
    return {s.text.strip(): {(c.id, c.stance) for c in s.claims} for s in engine.check(text).sentences}


def test_the_lead_in_of_a_list_of_bare_side_effects_says_the_drug_causes_them(real_engine):
    """A lead-in or heading over a list of bare side effects ("Some people may experience:", "Most Frequent Side Effects", a
    leaflet's "Call your doctor if any of these effects bother you or do not go away:") is ketamine-common-side-effects,
    once, on the lead-in (labelling decisions round 2 rule 5, round 8 rule 13); its bare items are not labelled one by one,
    while an item with its own qualifier keeps its claims."""
    claim = ("ketamine-common-side-effects", "asserts")
    text = ("Spravato is given in our clinic.\n\nAfter a dose, some people may experience:\n\n• Nausea\n\n"
            "• Temporary increases in blood pressure\n\n• Feeling disconnected\n\n• Sleepiness")
    got = _by_text(real_engine, text)
    assert claim in got["After a dose, some people may experience:"], got
    assert not got["Nausea"] and not got["Sleepiness"], got
    assert claim in got["Temporary increases in blood pressure"], got
    for text, lead in (("Esketamine nasal spray\n\nMost Frequent Side Effects\n\n• Headache\n\n• Dizziness\n\n• Vomiting\n\n• Feeling drunk",
                        "Most Frequent Side Effects"),
                       ("Ketamine lozenges\n\nCall your doctor if any of these effects bother you or do not go away:\n\n• dry mouth\n\n"
                        "• nausea\n\n• blurred vision\n\n• a metallic taste",
                        "Call your doctor if any of these effects bother you or do not go away:"),
                       # a label between two runs of bullets leads in the run after it
                       ("Esketamine nasal spray\n\nThe Most Common Side Effects\n\n• Headache\n\n• Dizziness\n\nMore Serious Side Effects\n\n"
                        "• Sedation\n\n• Dissociation", "More Serious Side Effects")):
        got = _by_text(real_engine, text)
        assert claim in got[lead], (lead, got)


def test_lists_of_symptoms_rare_effects_another_drugs_effects_or_risks_are_not_the_drugs_common_effects(real_engine):
    """The illness's symptoms, rare effects, a list on a page about another drug, a denied list and a list of conditions
    that rule the drug out are not ketamine-common-side-effects on their lead-in."""
    for text in ("Ketamine for postpartum depression\n\nSymptoms of postpartum depression include:\n\n• Fatigue\n\n• Headaches\n\n"
                 "• Feeling sleepy",
                 "Ketamine infusions\n\nRare side effects of ketamine:\n\n• Fainting\n\n• Very high blood pressure",
                 "Zurzuvae is a pill for postpartum depression. Zurzuvae is taken for 14 days.\n\nSome patients may experience:\n\n"
                 "• Drowsiness\n\n• Dizziness",
                 "Ketamine infusions\n\nKetamine is not right for people with:\n\n• High blood pressure\n\n• Heart disease"):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text
    got = _by_text(real_engine, "Ketamine infusions\n\nWith our careful protocol you will not experience:\n\n• Nausea\n\n• Dizziness")
    assert ("ketamine-common-side-effects", "asserts") not in got["With our careful protocol you will not experience:"], got


def test_a_prohibition_on_driving_or_someone_named_to_drive_the_patient_is_no_driving(real_engine):
    """A consent form's or clinic rule's prohibition ("I may not drive a car, operate hazardous equipment ...", "patients are
    prohibited from driving"), the rule given as advice ("It is advised not to drive until the next morning"), a table's
    "Driving  Not allowed after treatment", and someone named to drive the patient to and from the visit are
    no-driving-after-treatment."""
    for text in ("I understand that I may not drive a car, operate hazardous equipment or sign legal papers on the day of my ketamine treatment.",
                 "Ketamine therapy is offered here. Patients are prohibited from driving and need an escort back home.",
                 "Ketamine therapy is offered here. It is advised not to drive until the next morning.",
                 "Ketamine therapy is offered here. He needed someone to drive him to and from the appointment each week.",
                 "Spravato vs ketamine\n\nDriving Not allowed after treatment Not allowed after treatment"):
        assert "no-driving-after-treatment" in claim_ids(real_engine, text), text
    # driving named for another reason is not the rule
    for text in ("Ketamine therapy is offered here. You may not drive to the clinic if your license is suspended.",
                 "Ketamine therapy is offered here. Our clinic is easy to drive to, with free parking."):
        assert "no-driving-after-treatment" not in claim_ids(real_engine, text), text


def test_more_verbs_and_words_for_the_effects_a_dose_brings(real_engine):
    """Other verbs of bringing effects on or having them ("can elicit", "it is possible to experience", "can sometimes
    occur", "can affect your ... motor skills", "may impair ... ability") and its trips and sedation named as its effects
    ("the trippy effects of ketamine", "can act as a sedative") are ketamine-common-side-effects."""
    for text in ("Because ketamine can elicit dissociation, patients stay in the clinic for two hours.",
                 "It is possible to experience sleepiness, dizziness or a spinning sensation after using esketamine nasal spray.",
                 "Ketamine infusions are offered at our clinic. Confusion, dizziness and stomach pain can sometimes occur during the infusion.",
                 "The medication can affect your reaction speed and motor skills for several hours.",
                 "Ketamine lozenges may impair mental and physical ability.",
                 "Over several infusions, people get used to the trippy effects of ketamine.",
                 "Once given, the effects of the spray can act as a sedative."):
        assert "ketamine-common-side-effects" in claim_ids(real_engine, text), text
    # the illness affecting judgment, a contraindication, or sedation as a hospital use are not the drug's side effects
    for text in ("Postpartum depression can affect your judgment and make daily tasks harder.",
                 "Ketamine is not suitable for people with uncontrolled hypertension.",
                 "Doctors sometimes use ketamine as a sedative in the emergency room."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, text), text


def test_the_misuse_risk_named_beside_harms_and_the_drugs_schedule_are_abuse_potential(real_engine):
    """The misuse risk named is abuse-potential whatever harms are listed beside it ("potential for misuse ... including
    cognitive impairment", "risks including ... bladder damage, and potential for misuse"; labelling decisions round 8
    rule 15), and so is the page's drug called a scheduled or controlled substance ("It is a Schedule 8 controlled
    substance", round 2 rule 7); a harm of heavy use alone stays ketamine-abuse-harms."""
    for text in ("Ketamine carries a potential for misuse, and cognitive impairment with heavy use.",
                 "Ketamine clinics are opening. Health agencies warn about risks including dissociation, bladder damage, and potential for misuse.",
                 "Ketamine clinics are opening. It is a Schedule 8 controlled substance."):
        assert ("abuse-potential", "asserts") in {(c, s) for _, c, s in flags(real_engine, text)}, text
    text = "Ketamine clinics are opening. Chronic heavy use can damage the bladder and cause cognitive problems."
    assert "abuse-potential" not in claim_ids(real_engine, text)


def test_safe_in_general_safe_use_and_research_supporting_safety_are_the_safety_claim(real_engine):
    """"Generally safe", the drug "safely administered", and research said to have "supported the safety" of its use are
    ketamine-safe-well-tolerated; safety compared with another treatment that "has not been elucidated" is an evidence gap
    (stance_rules.yaml gap), and an unrelated "safely" says nothing of the drug."""
    for text in ("Ketamine infusions: generally safe but requires monitoring for short-term effects.",
                 "Besides psychiatrists, ketamine can be safely administered by anesthesiologists and emergency physicians.",
                 "Many studies have supported the safety of giving low doses of ketamine in a series of infusions."):
        assert ("ketamine-safe-well-tolerated", "asserts") in {(c, s) for _, c, s in flags(real_engine, text)}, text
    for text in ("The relative efficacy and safety of ketamine compared with ECT has not yet been elucidated.",
                 "Ketamine infusions are offered here. Your personal data is safely stored on our servers.",
                 # safe for the nursing baby is breastfeeding-compatible, not the general safety claim
                 "Ketamine: it is generally considered safe for use while breastfeeding."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, text), text
