"""The copy checker's pipeline mechanisms, pass 11 (helper M11c): how a clause that leaves its subject to the clause
before, an "it" that stands for the illness, and a treatment named in general words are read. Every sentence here is
invented (none is copied from a page); each test fails without the change it names, and each has a negative example
beside it."""
from __future__ import annotations

import pytest

from flagged import flags, claim_ids  # tests/indexer/flagged.py


def _stances(engine, text, claim):
    """The stances the claim is flagged with in the text's last sentence."""
    last = engine.check(text).sentences[-1].text.strip()
    return {stance for sentence, cid, stance in flags(engine, text) if cid == claim and sentence == last}


def test_a_clause_after_but_that_opens_with_its_verb_keeps_the_subject_before_it(real_engine):
    """"X is not A, but is B": the clause after "but" has no subject of its own; it is the subject's (the words of the
    clause before up to its verb). Its claim is asserted, not denied by the first clause's "not", and a drug the
    first clause names as its subject is the second clause's drug, so ketamine is not carried into it."""
    for text in ("Ketamine is not approved by the FDA for treating depression, but is still considered effective for depression by many doctors.",
                 "Ketamine does not cure depression, but can ease depression for a few weeks."):
        assert _stances(real_engine, text, "ketamine-effective-depression") == {"asserts"}, text
    # the first clause's denial still denies what it says
    assert _stances(real_engine, "Ketamine is not effective for depression in everyone, but is easy to give.",
                    "ketamine-effective-depression") == {"denies"}
    # another drug as the subject: what the elliptical clause says is that drug's, not the page's ketamine
    page = "Ketamine for treatment-resistant depression\n\n"
    for text in (page + "Familiar pills such as SSRIs are widely available but may not prove effective to treat TRD.",):
        assert "trd-effective" not in claim_ids(real_engine, text), text


def test_an_it_that_sets_in_at_a_time_stands_for_the_illness_before_it(real_engine):
    """"It usually begins within weeks of delivery": what begins, occurs or develops at a time is the illness the
    sentences before named, also through a sentence that itself only said "it" ("PPD is ... It can occur up to a year
    later. Most often, it occurs ..."); a drug that "begins to work" is still the treatment."""
    for text in ("Postpartum depression is a common mood disorder of new mothers. Most often it begins within the first month after the baby arrives.",
                 "Postpartum depression is more than tiredness. It can occur months after delivery. Usually, though, it develops in the first 4 weeks after the baby is born."):
        assert _stances(real_engine, text, "ppd-onset-timing") == {"asserts"}, text
    # the drug's onset is no illness's
    text = "Ketamine is given to mothers with postpartum depression. It begins to work within hours."
    assert "ppd-onset-timing" not in claim_ids(real_engine, text)
    assert "onset-within-hours" in claim_ids(real_engine, text)


def test_treatments_named_in_general_words_as_a_clauses_subject_take_no_carried_drug(real_engine):
    """"Current models of treatment aren't effective for everyone", "these methods aren't always effective": the clause
    is about the treatments a reader already has, named in general words, so the page's ketamine is not carried into it
    (and their failure is not denied of ketamine); named only as what failed, or as a noun's modifier, they leave the
    page's drug in place."""
    page = "Ketamine Clinic\n\n"
    for text, claim in ((page + "Research matters, as major depressive disorders can be deadly and current models of treatment aren't effective for everyone.",
                         "ketamine-effective-depression"),
                        (page + "Doctors have long relied on talk therapy and pills, but these methods aren't always effective in treating suicidal thoughts.",
                         "reduces-suicidal-ideation")):
        assert claim not in claim_ids(real_engine, text), text
    # named as what failed before, the other treatments leave the page's drug in the clause
    assert "trd-effective" in claim_ids(real_engine, page + "The infusion is effective for depression even when other medications have not worked.")


def test_a_standing_as_an_advance_is_the_copys_own_claim_not_a_reported_reputation(real_engine):
    """"X is widely regarded as one of the most significant developments in depression treatment", "is seen as a major
    breakthrough for ...": praise the copy repeats is its own claim (as "known as an effective treatment" is), not a
    reputation it only reports; before, the sentence dropped out entirely (no claim, not even check-worthy)."""
    for text, claim in (("Ketamine is widely regarded as one of the most significant developments in depression treatment in decades.",
                         "ketamine-effective-depression"),
                        ("Ketamine infusion therapy is widely regarded as one of the most important advances in treating depression.",
                         "ketamine-effective-depression"),
                        ("Esketamine is seen as a major breakthrough for people with treatment-resistant depression.", "trd-effective")):
        assert _stances(real_engine, text, claim) == {"asserts"}, text
    # a reputation the copy only reports still asserts nothing of efficacy
    text = "Ketamine is still thought of as a club drug by many people, although doctors use it for depression."
    assert "ketamine-effective-depression" not in claim_ids(real_engine, text)


def test_a_no_inside_a_who_clause_describes_the_population(real_engine):
    """"in those who have seen no improvement with two antidepressants": the "no" describes whom the drug is for (as
    "who have not responded" does), it denies nothing of the main clause."""
    text = ("Ketamine is an anaesthetic, whereas esketamine is used to resolve depressive symptoms in those who have seen no "
            "improvement after trying several antidepressants.")
    assert "denies" not in {st for _, cid, st in flags(real_engine, text) if cid == "ketamine-effective-depression"}
    assert _stances(real_engine, text, "trd-effective") == {"asserts"}
    # a "no" of the main clause still denies
    assert _stances(real_engine, "Many patients see no improvement in depression with ketamine.",
                    "ketamine-effective-depression") == {"denies"}


def test_words_that_name_their_own_referent_do_not_point_back(real_engine):
    """"those used for anesthesia" stands for a noun of its own sentence and "the symptoms of PTSD" says whose: neither
    refers to the sentence before, so nothing (an illness, suicidal thoughts) is carried from it; "these symptoms" and
    "the symptoms" alone still are."""
    lead = "Ketamine has been studied after caesarean delivery to prevent postpartum depression. "
    text = lead + "In clinics, it is usually given at lower doses than those used for anesthesia."
    assert "csection-ketamine-prevents-ppd" not in claim_ids(real_engine, text)
    lead = "Because it works so fast, ketamine can help people in crisis with suicidal thoughts. "
    text = lead + "More recently it has also been used to treat nerve pain and the symptoms of PTSD."
    assert "reduces-suicidal-ideation" not in {cid for s, cid, _ in flags(real_engine, text) if s.startswith("More recently")}


@pytest.mark.frames_only
def test_symptoms_had_or_begun_without_saying_whose_are_the_illness_named_before(real_engine):
    """"A new mother typically experiences symptoms within weeks", "they can begin during pregnancy": symptoms a person has,
    or that begin, without saying whose, are those of the illness the sentences before named, also through a sentence
    that itself named none; symptoms said to be another's ("symptoms of anxiety") are not."""
    lead = "Postpartum depression is more severe and lasts longer than the baby blues. "
    text = lead + "Most mothers notice symptoms in the first weeks after birth. However, they can also begin during pregnancy or up to a year after childbirth."
    assert _stances(real_engine, text, "ppd-onset-timing") == {"asserts"}, text
    text = lead + "Most mothers notice symptoms of anxiety in the first weeks after birth. However, they can also begin during pregnancy or up to a year after childbirth."
    assert "ppd-onset-timing" not in {cid for s, cid, _ in flags(real_engine, text) if s.startswith("However")}


def test_an_abbreviated_place_name_does_not_end_a_sentence():
    """"Mt. Sinai", "Ft. Worth" and a dateline's state ("KNOXVILLE, Tenn. (WVLT) - ...") are abbreviations, not stops."""
    from indexer.copycheck.sentences import split_sentences
    for text in ("Trials run at Mt. Sinai in New York have shown that it works.",
                 "ORLANDO, Fla. (AP) - The agency approved the drug on Friday."):
        assert len(split_sentences(text)) == 1, text
    assert len(split_sentences("They felt ill. The next day they were fine.")) == 2


def test_the_main_clause_after_an_opening_concession_is_matched_with_its_own_clauses(real_engine):
    """"While doctors do not know how Zulresso works, it reduces symptoms of postpartum depression within days": the main
    clause is matched on its own words, and which of its clauses name a drug is read from them (it names none, so the
    page's drug is carried into its "it"); the opening's "not" denies nothing of it."""
    page = "Zulresso for postpartum depression\n\n"
    text = page + "While doctors do not know how Zulresso works, it reduces symptoms of postpartum depression within days."
    assert _stances(real_engine, text, "brexanolone-efficacy") == {"asserts"}
    # a denial in the main clause still denies
    text = page + "While doctors know how Zulresso works, it does not reduce symptoms of postpartum depression within days."
    assert "asserts" not in _stances(real_engine, text, "brexanolone-efficacy")


def test_a_denial_ends_where_and_opens_a_predicate_with_a_verb_of_its_own(real_engine):
    """"Ketamine is not addictive and works within hours": "and" + a verb of the subject's own ("works", "relieves",
    "usually acts") opens a second predicate the "not" does not reach; the onset is stated. A list of nouns after "and"
    ("does not cause nausea and headaches") is still inside the denial."""
    for text in ("Ketamine is not addictive and works within hours for most patients.",
                 "Esketamine does not require daily pills and relieves depression within hours.",
                 "Spravato doesn't need daily dosing and usually acts within hours."):
        assert _stances(real_engine, text, "onset-within-hours") == {"asserts"}, text
    assert _stances(real_engine, "Ketamine does not work within hours and causes nausea.", "onset-within-hours") == {"denies"}


def test_words_taken_across_clauses_from_a_clause_about_another_treatment_take_no_carried_drug(real_engine):
    """"..., but these methods aren't always effective in treating the deadliest outcome of depression: suicide": the
    claim's words stand in two clauses, and the one about the other treatments ("these methods") makes them that
    treatment's, so the page's ketamine is not carried in (nor its efficacy denied); the page's drug as the subject still is."""
    page = "Ketamine Clinic\n\n"
    text = page + "For years doctors relied on counselling and pills, but these methods aren't always effective in treating the deadliest outcome of depression: suicide."
    assert "reduces-suicidal-ideation" not in claim_ids(real_engine, text)
    text = page + "The infusion is effective in treating the deadliest outcome of depression: suicidal thoughts."
    assert _stances(real_engine, text, "reduces-suicidal-ideation") == {"asserts"}
