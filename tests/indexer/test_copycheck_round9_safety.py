"""Round 9 tuning pages (issue 10, pass 10b): general wordings of the safety, misuse and side-effect claims that
unseen copy used and the checker missed (or flagged wrongly). Every sentence here is invented, not copied from any
page; each test fails without the change it names."""
from __future__ import annotations

from flagged import claim_ids, flags  # tests/indexer/flagged.py


def test_mind_altering_effects_named_as_the_drugs_are_common_side_effects(real_engine):
    """Its psychedelic, hallucinogenic, dissociative or euphoric effects named as what the drug has or does, whatever the
    verb, and a drug called mind-altering or said to distort perception, state its effects (round 7 rule 13; round 9
    review rule 4: also when the use is recreational)."""
    for sentence in ("Ketamine is famous for its dissociative properties.",
                     "The drug may bring on psychedelic experiences in some patients.",
                     "Its hallucinogenic effects are what clubgoers seek.",
                     "Regulators call ketamine a mind-altering medicine.",
                     "It distorts perception of time and makes the user feel detached from their body."):
        assert (sentence, "ketamine-common-side-effects", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # a bare class line, their fading, a benefit without them and another psychedelic's effects state none of them
    for sentence in ("Ketamine belongs to the class of dissociative anesthetics.",
                     "The dissociative effects of the drug dissipate soon after the session.",
                     "Researchers hope to keep the benefit without the psychedelic effects.",
                     "Psilocybin has strong psychedelic effects that last for hours."):
        assert "ketamine-common-side-effects" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence


def test_street_names_and_scheduling_are_the_misuse_claim(real_engine):
    """Ketamine's street and slang names and the states users name (special K, k-hole) belong to a misused drug, also
    in a sentence whose only drug is the street name (round 2 rule 7, round 7 rule 12); a scheduled drug is a
    controlled one (round 2 rule 7)."""
    page = ("Ketamine is an anesthetic used in hospitals.\n\nSome people report odd dreams afterwards. "
            "Special K later became a notorious date-rape drug.")
    assert ("Special K later became a notorious date-rape drug.", "abuse-potential", "asserts") in flags(real_engine, page)
    for sentence in ("Users call the deepest state a k-hole.",
                     "On the street it goes by several slang names.",
                     "Ketamine is a scheduled drug in most countries."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # zuranolone's own scheduling is not ketamine's misuse
    assert "abuse-potential" not in claim_ids(real_engine, "Zurzuvae\nZuranolone is a scheduled drug in the US.")


def test_a_uses_popularity_or_missing_licence_is_no_other_indication(real_engine):
    """A use's popularity or the attention it draws ("has gained popularity for PTSD and anxiety") and a use it is not
    authorised for state no other condition treated (the round 9 pages leave them unlabelled; approval status as "not
    approved"); the use itself still is."""
    for sentence in ("Lately ketamine has gained popularity as a treatment for anxiety and PTSD.",
                     "Clinics prescribe ketamine for PTSD and OCD, for which it is not authorized."):
        assert "ketamine-other-indications" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    sentence = "Ketamine is also used to treat PTSD and anxiety."
    assert (sentence, "ketamine-other-indications", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_the_usual_treatments_named_as_therapy_and_medication_are_the_standard_treatment(real_engine):
    """The usual treatments named as their pair ("traditional treatments focus on therapy and medication") state the
    standard PPD treatment (round 6 rule 26); said to fall short, they are the failure claim instead."""
    page = "Postpartum depression\n\n{}"
    for sentence in ("Conventional treatments center on therapy and medication.",
                     "Standard care such as counseling and medication often helps."):
        assert (sentence, "ppd-standard-treatment", "asserts") in flags(real_engine, page.format(sentence)), sentence
    sentence = "Traditional treatments like therapy and medication are inadequate for many mothers."
    assert "ppd-standard-treatment" not in claim_ids(real_engine, page.format(sentence))


def test_safety_and_efficacy_as_data_or_doubt_is_no_safety_claim(real_engine):
    """Safety and efficacy as the subject of data or doubt ("years of safety and efficacy data", "uncertainty around
    efficacy and safety") state no finding; the finding itself still is the safety claim."""
    for sentence in ("Doctors cite growing safety and efficacy data for esketamine.",
                     "Few clinics use it, given uncertainty around efficacy and safety of ketamine."):
        assert "ketamine-safe-well-tolerated" not in claim_ids(real_engine, "Ketamine\n" + sentence), sentence
    sentence = "Ketamine is safe and effective for most adults."
    assert (sentence, "ketamine-safe-well-tolerated", "asserts") in flags(real_engine, "Ketamine\n" + sentence)


def test_the_drug_as_what_people_misuse_is_the_misuse_claim(real_engine):
    """The drug itself as what people misuse or abuse ("users who abused it at high doses", "the often-abused
    anesthetic") names its misuse, whatever harm the sentence goes on to (round 7 rule 12)."""
    for sentence in ("Kidney trouble was seen only in users who abused it for years.",
                     "Doctors say ketamine is a medicine that people misuse at parties.",
                     "The new spray is a cousin of the often-abused anesthetic ketamine."):
        assert (sentence, "abuse-potential", "asserts") in flags(real_engine, "Ketamine\n" + sentence), sentence
    # another drug abused is not ketamine's misuse
    sentence = "Some patients had abused opioids before they misused it."
    assert "abuse-potential" not in claim_ids(real_engine, "Ketamine\n" + sentence)


def test_certified_administration_without_a_must_is_the_rems(real_engine):
    """Spravato's certified administration stated as a fact, with no "must" or "only" ("clinics certified to administer
    Spravato", "given in certified treatment centers"), is the REMS claim (round 9 review rule 10); brexanolone's
    certified hospitals are not."""
    for sentence in ("Hundreds of clinics are now certified to administer Spravato.",
                     "Spravato will still be given in certified treatment centers."):
        assert (sentence, "esketamine-rems-monitoring", "asserts") in flags(real_engine, "Spravato\n" + sentence), sentence
    sentence = "Zulresso is given in hospitals certified to administer the drug."
    assert "esketamine-rems-monitoring" not in claim_ids(real_engine, "Zulresso\n" + sentence)
