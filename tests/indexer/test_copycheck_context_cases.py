"""Context cases of the copy checker (issue 10, pass 8): where a sentence takes its subject from when it does
not name it. General causes found in the development errors; every text here is invented, and each test
fails without the change it names (indexer/copycheck/context.py)."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


def _claims_of(engine, text, sentence_start):
    """The claim ids flagged on the sentence that starts with `sentence_start`."""
    return {cid for s, cid, _ in flags(engine, text) if s.startswith(sentence_start)}


def test_a_referring_word_reaches_past_a_sentence_that_itself_refers_back(real_engine):
    """'This mechanism' two sentences after the drug, through a sentence saying only 'it'."""
    text = ("Esketamine acts on a different brain system than older pills. Instead of serotonin, it works on "
            "glutamate. This mechanism helps rebuild connections in regions that shrink during long-term depression.")
    assert "neuroplasticity-synaptogenesis" in _claims_of(real_engine, text, "This mechanism")
    text = ("Zulresso is given as a continuous IV drip in a hospital. It takes sixty hours to complete. "
            "In two clinical trials, it was safe and effective for severe postpartum depression.")
    assert "brexanolone-efficacy" in _claims_of(real_engine, text, "In two clinical trials")


def test_only_the_treatment_comes_from_two_sentences_back(real_engine):
    """The sentence between has its own subject ('the agency's summary'): the illness of the first sentence
    does not travel past it into 'it also notes the costs ... despite its efficacy'."""
    text = ("Esketamine was approved in 2019 for treatment-resistant depression. The agency's summary walks through "
            "the data it reviewed. It also notes the costs that keep the spray out of reach for many patients "
            "despite its efficacy.")
    assert not _claims_of(real_engine, text, "It also notes")


def test_these_effects_after_a_list_refer_to_the_whole_list(real_engine):
    """'These effects usually wear off' under a list names every item, not only the last one."""
    text = ("Ketamine infusions: what to expect\nDuring a session you may notice:\n• Blurred vision\n"
            "• Feeling detached from your surroundings\n• Mild nausea\nThese effects usually wear off within half an hour.")
    assert "dissociation-brief" in _claims_of(real_engine, text, "These effects")


def test_a_demonstrative_naming_what_came_before_refers_to_all_of_it(real_engine):
    """'This study' is the study the sentence before described, with its setting (a caesarean section)."""
    text = ("Anaesthetists gave a low dose of ketamine to women during their caesarean section. "
            "This study found a significant decrease in the rate of postpartum depression afterwards.")
    assert "csection-ketamine-prevents-ppd" in _claims_of(real_engine, text, "This study")


def test_a_statement_above_a_list_is_only_the_sentence_before_its_items(real_engine):
    """A list under a full sentence is a list of separate statements, not items completing a lead-in: the
    first item takes the treatment from above, not the illness ('esketamine ... TRD' is no efficacy claim)."""
    text = ("Our clinic has offered esketamine to adults with treatment-resistant depression since 2020.\n"
            "• The safety and efficacy of esketamine are backed by many studies.\n• Each session takes about two hours.")
    assert "trd-effective" not in _claims_of(real_engine, text, "The safety and efficacy")
    # a lead-in that opens its list still lends its illness to the items
    text = "Esketamine nasal spray is approved for adults with:\n• treatment-resistant depression\n• depression with suicidal thoughts"
    assert "esketamine-fda-approved" in _claims_of(real_engine, text, "treatment-resistant depression")


def test_this_standing_alone_as_subject_points_at_what_the_sentence_before_said(real_engine):
    """'This can be ...' after a sentence naming dissociation is about the dissociation, not only the drug."""
    text = ("One possible side effect of ketamine infusions is dissociation, a feeling of being detached from your "
            "body. This can be a temporary and manageable side effect, but you should know about it before treatment.")
    assert "dissociation-brief" in _claims_of(real_engine, text, "This can be")


def test_a_demonstrative_after_the_sentences_own_drug_points_into_the_sentence(real_engine):
    """'these effects' after 'the mood benefits of ketamine' are those benefits: the illness of the sentence
    before does not come along (no 'ketamine works for treatment-resistant depression' here)."""
    text = ("Ketamine is being studied for treatment-resistant depression. The mood benefits of ketamine can persist "
            "for weeks, although these effects vary between people.")
    found = _claims_of(real_engine, text, "The mood benefits")
    assert "effects-last-long" in found and "trd-effective" not in found
    # a pronoun after the drug may still look back: "those dealing with this condition" are the mothers before
    text = ("Postpartum depression affects many new mothers. Recent studies point to ketamine therapy as a possible "
            "solution, offering new hope for those dealing with this difficult condition.")
    assert "ketamine-treats-ppd" in _claims_of(real_engine, text, "Recent studies")
