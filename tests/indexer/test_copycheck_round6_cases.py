"""Round 6 cases of the copy checker (issue 10): general causes found on round 6's tuning pages that need a rule
or code change in one step of the pipeline (sentences, stance, figures, headings, check-worthiness), not
vocabulary. Every sentence here is invented; each test fails without the change it names."""
from __future__ import annotations

import pytest

from flagged import claim_ids, flags  # tests/indexer/flagged.py

from indexer.copycheck.sentences import split_sentences


def _checkworthy(engine, text):
    return {s.text.strip(): s.checkworthy for s in engine.check(text).sentences}


def test_a_preview_of_what_the_page_covers_names_claims_without_making_them(real_engine):
    """'In this guide, we'll look at the most common side effects ...' announces a topic (stance rule `preview`)."""
    text = "In this guide, we'll look at the most common side effects of ketamine, what it costs and how long relief lasts."
    assert not flags(real_engine, text)
    text = "This article explores the side effects of esketamine, its cost and who can get it."
    assert "ketamine-common-side-effects" not in claim_ids(real_engine, text)
    # a relative clause with its own verb ("that can help ...") ends the preview: its claim stands
    text = "In this post, we will discuss ketamine infusions that can help new mothers recover from postpartum depression."
    assert (text, "ketamine-treats-ppd", "asserts") in flags(real_engine, text)


def test_a_preview_is_not_check_worthy(real_engine):
    """What a leaflet or page goes on to cover (hard exclusion about_the_page) is no claim to check."""
    text = "It looks at what esketamine is, why it is prescribed, its benefits and its side effects."
    assert _checkworthy(real_engine, text) == {text: False}
    text = "This page is an introductory guide to how ketamine clinics work and what regulators have said about them."
    assert _checkworthy(real_engine, text) == {text: False}


def test_a_contraction_before_a_full_stop_ends_the_sentence():
    """"doesn't." is no initial ("J. Smith"): the next sentence starts after it."""
    assert [s.text for s in split_sentences("SSRIs act on serotonin; ketamine doesn't. It blocks NMDA receptors.")] \
        == ["SSRIs act on serotonin; ketamine doesn't.", "It blocks NMDA receptors."]
    assert [s.text for s in split_sentences("It isn’t. Relief comes later.")] == ["It isn’t.", "Relief comes later."]
    assert [s.text for s in split_sentences("Written by J. Smith for the clinic.")] == ["Written by J. Smith for the clinic."]


def test_the_sentence_after_a_denial_that_ends_with_a_contraction_is_not_denied(real_engine):
    text = "SSRIs act on serotonin; ketamine doesn't. It blocks NMDA receptors and boosts glutamate."
    found = flags(real_engine, text)
    assert ("It blocks NMDA receptors and boosts glutamate.", "nmda-glutamate-mechanism", "asserts") in found
    assert not any(stance == "denies" for _, cid, stance in found if cid == "nmda-glutamate-mechanism")


def test_an_answer_opening_with_no_states_what_follows(real_engine):
    """'No, ...' answers the question; it does not deny the statement after it."""
    text = "No, the baby blues fade within two weeks, while postpartum depression lasts longer."
    found = flags(real_engine, text)
    assert (text, "baby-blues-resolve-2-weeks", "asserts") in found
    assert (text, "baby-blues-resolve-2-weeks", "denies") not in found
    # a denial after the answer still denies
    assert ("No, ketamine is not addictive at these doses.", "abuse-potential", "denies") \
        in flags(real_engine, "No, ketamine is not addictive at these doses.")


def test_an_images_alt_text_states_nothing(real_engine):
    """A line naming a logo, badge or photo is page furniture, even under a heading naming the drug."""
    text = "Esketamine nasal spray for depression\n\nFDA Approved Partner logo\n\nEsketamine is taken with an oral antidepressant."
    assert not any(s == "FDA Approved Partner logo" for s, _, _ in flags(real_engine, text))


def test_a_transfer_rate_is_the_dose_that_reaches_the_baby_not_a_prevalence(real_engine):
    """'a transfer rate of 3.5-9.0%' measures milk transfer (figure_measures.yaml infant-dose), not how many mothers."""
    text = "Citalopram, another SSRI often prescribed for postpartum depression, has a transfer rate of 3.5-9.0%, but it is considered safe."
    assert "ppd-prevalence-1-in-10" not in claim_ids(real_engine, text)


@pytest.mark.frames_only
def test_a_definition_explains_a_term_without_claiming_it(real_engine):
    """'X refers to ...', 'X was defined as ...' (stance rule `definition`): nothing flagged, not check-worthy."""
    text = "Esketamine acts on glutamate. Neuroplasticity refers to the brain's ability to form new connections between neurons."
    assert not any(s.startswith("Neuroplasticity") for s, _, _ in flags(real_engine, text))
    text = "In these studies, treatment-resistant depression was defined as depression that had not responded to two antidepressants."
    assert _checkworthy(real_engine, text) == {text: False}
    # a claim in a clause of its own after the definition still stands
    text = "Perinatal depression refers to depression during pregnancy or after birth; without treatment it can last for months or years."
    assert (text, "ppd-duration-course", "asserts") in flags(real_engine, text)


def test_less_likely_to_cause_an_effect_compares_drugs_without_asserting_the_side_effect(real_engine):
    """'less likely to make patients drowsy' (stance rule `limit`) is neither a common nor a mild side effect."""
    for text in ("Its chemistry makes esketamine slightly more potent, while less likely to make patients drowsy.",
                 "Compared with ketamine, esketamine is less likely to cause mild drowsiness."):
        found = claim_ids(real_engine, text)
        assert not found & {"ketamine-common-side-effects", "side-effects-mild-transient"}, (text, found)


def test_a_pronoun_in_a_bracketed_aside_refers_inside_its_sentence(real_engine):
    """'(if they work at all)' is about the SSRIs just named, not the sentence before: the population of that
    sentence (treatment-resistant depression, suicidal thoughts) is not carried in."""
    first = "Our clinic treats adults with treatment-resistant depression and suicidal thoughts."
    second = "Unlike SSRIs, which often need six weeks to work (if they work at all), ketamine acts fast and can bring relief within hours."
    found = {(cid, st) for s, cid, st in flags(real_engine, first + " " + second) if s == second}
    assert ("onset-within-hours", "asserts") in found
    assert not {cid for cid, _ in found} & {"trd-effective", "reduces-suicidal-ideation"}, found
    # a sentence that is all aside still refers back
    from indexer.copycheck.context import refers_to
    assert refers_to("(They also ease anxiety within hours.)") == "all"


def test_a_trial_of_so_many_people_gives_its_size_and_its_finding_still_counts(real_engine):
    """'a trial of 30 people' is no 'trial of ketamine' (an evidence gap's study subject): its result is a finding."""
    text = "It was a small trial of 30 people with treatment-resistant depression, and ketamine worked for 12 of them."
    assert (text, "trd-effective", "asserts") in flags(real_engine, text)


def test_an_if_clause_ending_the_sentence_silences_a_claim_wholly_inside_it(real_engine):
    """List items under 'You may be a good candidate if you:' are conditions of eligibility, not claims that it works
    for them; what a sentence says before its closing if-clause is still said."""
    text = ("Ketamine therapy\nYou may be a good candidate if you:\n• Have depression that has been hard to treat\n"
            "• Have tried two antidepressants without enough relief")
    assert "trd-effective" not in claim_ids(real_engine, text)
    text = "Ketamine can relieve depression quickly, even if several antidepressants have failed you."
    assert (text, "ketamine-rapid-onset", "asserts") in flags(real_engine, text)


def test_a_negation_inside_an_if_clause_denies_nothing_said_after_it(real_engine):
    """'If you have not heard of esketamine, it is a new treatment for TRD' asserts the claim: the condition's "not"
    is no denial of the copy's."""
    for text in ("If you have not heard of esketamine, it is a new treatment for treatment-resistant depression.",
                 "If you haven't tried ketamine yet, it is an effective treatment for treatment-resistant depression."):
        found = flags(real_engine, text)
        assert (text, "trd-effective", "asserts") in found and (text, "trd-effective", "denies") not in found
    # a claim wholly inside the condition stays unsaid
    text = "If ketamine is not safe for you, your doctor will suggest another option."
    assert not any(cid == "ketamine-safe-well-tolerated" for _, cid, _ in flags(real_engine, text))


def test_a_report_on_what_other_coverage_goes_through_is_a_preview(real_engine):
    """'The journal's coverage walks through ...' names what another piece covers (stance rule `preview`)."""
    first = "Spravato can now be prescribed without an oral antidepressant."
    second = ("The journal’s coverage walks through the trial data and what the change means for the in-clinic, "
              "REMS-supervised model of care.")
    report = real_engine.check(first + " " + second)
    sentence = next(s for s in report.sentences if s.text.strip() == second)
    assert not sentence.claims and not sentence.checkworthy


def test_a_heading_naming_a_stage_of_treatment_states_nothing(real_engine):
    """'Maintenance phase' names the section on it; the lines under it make the claims."""
    text = ("Spravato nasal spray for treatment-resistant depression\nInduction phase\nTwice a week for the first four weeks.\n"
            "Maintenance phase\nAfter that, doses are given weekly or every other week.")
    found = flags(real_engine, text)
    assert not any(s == "Maintenance phase" for s, _, _ in found)
    assert ("After that, doses are given weekly or every other week.", "maintenance-may-be-needed", "asserts") in found
