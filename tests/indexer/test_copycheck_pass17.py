"""Pass 17: general causes found on the fresh pages of rounds 10 to 12 once they joined the tuning pages. Every sentence
here is invented, not copied from any page; each test fails without the change it names, and has a negative example
beside it where the wording could misfire."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_a_trailing_when_clause_is_a_condition(real_engine):
    """A claim wholly inside a trailing "when" clause ("... is considered when patients fail to respond to two
    antidepressants") says whom a treatment is for, not that the other drugs fail; the manner of use ("when combined
    with ...") and "especially when" are no condition."""
    for sentence in ("Ketamine infusions are considered when patients fail to respond to other antidepressants.",
                     "An infusion is offered whenever standard antidepressants have failed."):
        assert "ssri-often-fail" not in claim_ids(real_engine, sentence), sentence
    sentence = "Spravato can also be used for severe depression when combined with an oral antidepressant."
    assert (sentence, "esketamine-with-oral-antidepressant", "asserts") in flags(real_engine, sentence)
    sentence = "Treating severe depression is hard, especially when antidepressants take six weeks to work."
    assert (sentence, "ssri-onset-weeks", "asserts") in flags(real_engine, sentence)


def test_a_condition_holds_the_claim_words_that_deny_themselves(real_engine):
    """"do not work" is a claim term that absorbs its own "not"; inside an if-clause it is still part of the condition,
    so "other options can be tried if oral antidepressants do not work" asserts no failure. Said outright, it does."""
    sentence = "Other options can be tried if oral antidepressants do not work."
    assert "ssri-often-fail" not in claim_ids(real_engine, sentence)
    sentence = "For many mothers, oral antidepressants do not work."
    assert (sentence, "ssri-often-fail", "asserts") in flags(real_engine, sentence)


def test_being_watched_after_the_spray_is_the_rems_observation(real_engine):
    """Staff who "watch you" after the dose, and the label's "post-administration observation" or its rule that the
    dose "should be" given in a clinical setting, are the REMS observation; an unrelated "should be" is not."""
    for sentence in ("After each Spravato dose, staff watch you for at least two hours.",
                     "A Spravato session consists of the nasal spray and a post-administration observation period.",
                     "Spravato should be given and observed in an appropriate clinical setting."):
        assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Spravato should be stored at room temperature."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, sentence)


def test_becoming_tired_or_developing_a_headache_are_common_side_effects(real_engine):
    """"may develop a headache", "become very tired after the infusion": other verbs of having a side effect; effects
    that "can become more intense" with long use are no common side effect named."""
    for sentence in ("After a ketamine infusion, some patients may develop a headache.",
                     "Some people become very fatigued after ketamine infusions."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, sentence), sentence
    sentence = "With long-term ketamine use, these effects can become more intense."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, sentence)


def test_usual_care_named_as_a_treatment_for_ppd_is_the_standard(real_engine):
    """Therapy, support groups or SSRIs named as a treatment option for postpartum depression, or as where its treatment
    starts, state the standard treatment; a newer drug named so does not."""
    for sentence in ("For postpartum depression, one effective treatment is group therapy.",
                     "Treatment of postpartum depression often starts with SSRIs such as sertraline."):
        assert (sentence, "ppd-standard-treatment", "asserts") in flags(real_engine, sentence), sentence
    sentence = "Esketamine is an effective treatment for postpartum depression."
    assert "ppd-standard-treatment" not in claim_ids(real_engine, sentence)


def test_anti_anxiety_effects_are_another_indication(real_engine):
    """"antianxiety" and "anti-anxiety" effects name anxiety treated, as "anxiety" does."""
    for sentence in ("At low doses, ketamine has antidepressant and anti-anxiety effects.",
                     "Ketamine has powerful antianxiety effects at doses well below anaesthesia."):
        assert "ketamine-other-indications" in claim_ids(real_engine, sentence), sentence


def test_a_mechanisms_own_speed_is_not_rapid_relief(real_engine):
    """"blocks the NMDA receptor, which triggers rapid increases in synapses" and "works by quickly changing brain
    chemistry" give the mechanism's speed; "works quickly by raising glutamate" still says the relief comes fast."""
    for sentence in ("Ketamine blocks the NMDA receptor, which triggers rapid increases in new synapses.",
                     "Ketamine works by quickly changing brain chemistry."):
        assert "ketamine-rapid-onset" not in claim_ids(real_engine, sentence), sentence
    sentence = "Ketamine infusions work quickly by raising glutamate levels in the brain."
    assert (sentence, "ketamine-rapid-onset", "asserts") in flags(real_engine, sentence)


def test_a_title_that_only_names_a_treatment_and_its_use_states_nothing(real_engine):
    """A title naming a treatment and what it is for, without a verb or a result word ("Ketamine-Assisted Therapy for
    Treatment-Resistant Depression"), is a topic heading (labelling decisions); a novelty word ("The First Nasal Spray
    Medication for ...", round 7 rule 11) or a headline's verb ("FDA Greenlights ...") still states."""
    for text in ("Ketamine-Assisted Therapy for Treatment-Resistant Depression",
                 "Esketamine Nasal Spray Treatment for Treatment-Resistant Depression in Springfield"):
        assert "trd-effective" not in claim_ids(real_engine, text), text
    text = "The First Nasal Spray Medication for Treatment-Resistant Depression"
    assert "trd-effective" in claim_ids(real_engine, text)
    text = "FDA Greenlights Esketamine Nasal Spray for Depression"
    assert "esketamine-fda-approved" in claim_ids(real_engine, text)
