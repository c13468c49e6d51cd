"""Pass 21: five claims curated from frequent uncovered slugs (docs/uncovered-claims.md): ketamine's anesthetic approval
from its US prescribing information on DailyMed, brexanolone's 60-hour infusion from the label the KB already held, and
drug interactions from the ketamine label and a summary of the esketamine label, and the "safe anesthetic for decades"
story checked against the ketamine labels, and fasting before a dose from a prescribing reference's esketamine
instructions and the ketamine label. Every sentence here is invented, not
copied from any page; each test has negatives beside it where the new frames could take another claim's sentence."""
from __future__ import annotations

from flagged import flags, sentence_ids  # tests/indexer/flagged.py


def test_ketamine_approved_as_an_anesthetic_is_its_own_claim(real_engine):
    for sentence in ("Ketamine received FDA approval as a surgical anesthetic in 1970.",
                     "An FDA-approved anesthetic for decades, ketamine is now offered for depression.",
                     "Ketamine was approved for human use in 1970."):
        assert (sentence, "ketamine-fda-anesthetic-approval", "asserts") in flags(real_engine, sentence), sentence


def test_the_sprays_approval_and_other_regulators_are_not_the_anesthetic_approval(real_engine):
    """Esketamine's 2019 approval is esketamine-fda-approved; another country's licence is not the FDA's; the FDA named as
    a source or a warning approves nothing; what approval means for any drug states nothing about ketamine."""
    for sentence in ("The FDA approved esketamine, a derivative of the anesthetic ketamine, in 2019.",
                     "Health Canada approved ketamine as an anaesthetic decades ago.",
                     "The FDA said the patient's ketamine level was twice what a person receives during anesthesia.",
                     "When a new drug is approved for medical use, its label lists the approved uses, as with ketamine in surgery."):
        assert "ketamine-fda-anesthetic-approval" not in sentence_ids(real_engine, sentence, sentence), sentence
    # approval denied for depression stays the off-label claim
    sentence = "Ketamine is not FDA-approved for depression."
    assert "ketamine-fda-anesthetic-approval" not in sentence_ids(real_engine, sentence, sentence)


def test_brexanolone_60_hour_infusion_is_its_protocol(real_engine):
    for text, sentence in (
        ("Zulresso is given as one continuous infusion lasting 60 hours.",
         "Zulresso is given as one continuous infusion lasting 60 hours."),
        ("Brexanolone for postpartum depression\nPatients stay in a certified healthcare facility for the whole infusion.",
         "Patients stay in a certified healthcare facility for the whole infusion."),
    ):
        assert (sentence, "brexanolone-infusion-protocol", "asserts") in flags(real_engine, text), sentence


def test_brexanolone_route_efficacy_and_study_design_are_not_its_protocol(real_engine):
    """The route alone names the drug; relief within the infusion is its efficacy; a study's design is no claim."""
    for sentence in ("IV brexanolone had a large effect size in its trials.",
                     "Women improved within 60 hours of starting brexanolone.",
                     "The trial gave brexanolone over 60 hours to 21 women with severe postpartum depression."):
        assert "brexanolone-infusion-protocol" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_drug_interactions_named_or_warned_against_are_asserted(real_engine):
    for sentence in ("Ketamine interacts with opioids and benzodiazepines, which can deepen sedation.",
                     "Do not take esketamine with alcohol or sleeping pills such as other CNS depressants."):
        assert (sentence, "ketamine-drug-interactions", "asserts") in flags(real_engine, sentence), sentence


def test_stimulation_street_mixing_and_weakened_effect_are_not_interactions(real_engine):
    """Magnetic stimulation shares the stem of "stimulant"; street use mixed with other drugs is abuse; a drug that weakens
    the antidepressant effect is a claim the label sources do not address."""
    for sentence in ("Combining transcranial magnetic stimulation with ketamine infusions may help more people.",
                     "Ketamine is used recreationally and sometimes mixed with other drugs.",
                     "Benzodiazepines taken with ketamine may blunt its antidepressant effectiveness."):
        assert "ketamine-drug-interactions" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_a_long_safe_anesthetic_record_is_its_own_claim(real_engine):
    for sentence in ("Ketamine has been used safely in operating rooms for decades.",
                     "Doctors consider ketamine one of the safest anesthetics available.",
                     "Unlike other anesthetics, ketamine does not suppress breathing."):
        assert (sentence, "ketamine-anesthetic-history-safe", "asserts") in flags(real_engine, sentence), sentence


def test_safety_idioms_providers_and_the_treatment_are_not_the_anesthetic_record(real_engine):
    """"To be safe" is advice; an anesthesia provider's training is the clinic's; the treatment's safety for depression with
    no anesthetic record named is ketamine-safe-well-tolerated."""
    for sentence in ("To be safe, wait 12 hours after the anesthetic before breastfeeding your baby after ketamine.",
                     "Our anesthesiologists make ketamine therapy safe for every patient.",
                     "Ketamine infusions for depression are safe and well tolerated."):
        assert "ketamine-anesthetic-history-safe" not in sentence_ids(real_engine, sentence, sentence), sentence


def test_not_eating_before_a_dose_is_the_fasting_instruction(real_engine):
    """The instruction's "do not" is the instruction, not a denial."""
    for text, sentence in (
        ("Please skip food for three hours before your ketamine session.", "Please skip food for three hours before your ketamine session."),
        ("Esketamine treatment day\nDon't eat for 2 hours before your appointment.", "Don't eat for 2 hours before your appointment."),
    ):
        assert (sentence, "pre-dose-fasting", "asserts") in flags(real_engine, text), sentence


def test_fast_acting_drugs_and_waits_before_feeding_are_not_fasting(real_engine):
    for sentence in ("Ketamine is a fast-acting anesthetic given before surgical procedures.",
                     "Wait two hours after the ketamine infusion before you breastfeed, and eat before your session as usual."):
        assert "pre-dose-fasting" not in sentence_ids(real_engine, sentence, sentence), sentence
