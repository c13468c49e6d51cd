"""The copy checker's reading of structure and context, pass 12 (helper C12). Every sentence here is invented (none is
copied from a page); each test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

import pytest

from flagged import flags, unmarked  # tests/indexer/flagged.py


def _claims(engine, text):
    """{sentence: {claim ids}} for the text's sentences."""
    out: dict[str, set[str]] = {}
    for sentence, cid, _ in flags(engine, text):
        out.setdefault(sentence, set()).add(cid)
    return out


def test_a_sentence_naming_the_drug_repeats_what_the_sentence_before_told(real_engine):
    """News copy announces "a new pill" and names it in the next sentence ("It is called zuranolone.", "The medicine is
    sold as Zurzuvae."): the name completes what the sentence before told, so it makes that sentence's claims about the
    drug it names."""
    for text, name in (("Regulators have just approved a new pill for postpartum depression. It is called zuranolone.",
                        "It is called zuranolone."),
                       ("Regulators have just approved a new pill for postpartum depression. The medicine is sold as Zurzuvae.",
                        "The medicine is sold as Zurzuvae.")):
        assert "fda-approved-ppd-drugs" in _claims(real_engine, text).get(name, set()), text
    # what the sentence before said of no drug (how many mothers the illness affects) is not repeated
    text = ("Regulators have just approved a new pill for postpartum depression, which affects one in seven new mothers. "
            "The medicine is sold as Zurzuvae.")
    got = _claims(real_engine, text).get("The medicine is sold as Zurzuvae.", set())
    assert "fda-approved-ppd-drugs" in got and "ppd-prevalence-1-in-7" not in got
    # a claim about another drug is not repeated for the drug named: zuranolone's approval is not esketamine's
    text = "A nasal spray for hard-to-treat depression won approval this spring. It will be sold as Spravato."
    assert "fda-approved-ppd-drugs" not in _claims(real_engine, text).get("It will be sold as Spravato.", set())


# The claim model retrained on 1,208 pages (session 39) read "It is known as a breakthrough." after an approval as
# efficacy (a strict xfail then); retrained on 1,287 (session 42) it no longer does.
NAMES_NO_DRUG = [
    "The agency approved a new pill for postpartum depression. It is known as a breakthrough.",
    "Regulators approved a new pill for postpartum depression. It costs about as much as Zurzuvae.",
]


def _last_sentence_claims(engine, text):
    last = engine.check(text).sentences[-1].text.strip()
    return _claims(engine, text).get(last, set())


@pytest.mark.parametrize("text", NAMES_NO_DRUG)
def test_known_as_no_drug_or_a_drug_named_for_another_reason_names_nothing(real_engine, text):
    """"Known as" something that is no drug, or a drug named for another reason, names nothing."""
    assert not _last_sentence_claims(real_engine, text), text


@pytest.mark.frames_only
@pytest.mark.parametrize("text", unmarked(NAMES_NO_DRUG))
def test_no_drug_named_names_nothing_for_the_frames_alone(real_engine, text):
    assert not _last_sentence_claims(real_engine, text), text


@pytest.mark.frames_only
def test_a_sentence_about_the_illness_alone_takes_the_illness_of_its_context(real_engine):
    """A sentence about an illness that leaves it unnamed ("Left untreated, it may lead to ...", "The most common
    complication of childbirth can last for months") takes the illness from the sentence before, its heading or the
    page's title, for a claim about the illness alone (no treatment in the claim)."""
    text = ("Postpartum depression is more than a rough week.\n\n"
            "Left untreated, it may lead to long-term problems for the mother and developmental delays for the child.")
    last = "Left untreated, it may lead to long-term problems for the mother and developmental delays for the child."
    assert "ppd-harms-mother-baby" in _claims(real_engine, text).get(last, set())
    text = "Postpartum Depression Explained\n\nThe most common complication of childbirth can last for many months."
    assert "ppd-duration-course" in _claims(real_engine, text).get(
        "The most common complication of childbirth can last for many months.", set())
    # not a story told in the first person, not a sentence about a treatment, not after a sentence about the baby blues
    # (the nearest condition named is the one meant), and not a bare figure beside the page's illness
    for text in ("I had postpartum depression. Left untreated, it may lead to long-term problems for me and developmental "
                 "delays for my child.",
                 "Postpartum depression is serious. An SSRI taken late in pregnancy may lead to long-term problems for the "
                 "mother and developmental delays for the child.",
                 "Postpartum depression is serious. The baby blues are milder. Left untreated, it may lead to long-term "
                 "problems for the mother and developmental delays for the child.",
                 "Postpartum depression is common. Doses in milk stay under the 10% threshold."):
        flagged = {cid for _, cid, _ in flags(real_engine, text)}
        assert not flagged & {"ppd-harms-mother-baby", "ppd-prevalence-1-in-10"}, text


def test_the_last_item_of_a_list_without_bullets_is_an_item_not_a_heading(real_engine):
    """Copy that lost its bullets ("... approved for:" over two short lines, then a paragraph): the last line, in sentence
    case, is the list's last item and takes its subject from the lead-in; a line in title case there is the next section's
    heading."""
    from indexer.copycheck.blocks import split_blocks
    from indexer.copycheck.normalize import normalize

    text = ("Spravato has been approved by the FDA for:\n"
            "Adults with treatment-resistant depression\n"
            "Adults with major depression who have thoughts of suicide\n"
            "Each dose is taken under supervision in a clinic.")
    norm = normalize(text)
    assert [b.kind for b in split_blocks(norm)] == ["paragraph", "list-item", "list-item", "paragraph"]
    assert "esketamine-fda-approved" in _claims(real_engine, text).get(
        "Adults with major depression who have thoughts of suicide", set())
    # a heading in title case after the list still opens the next section
    text = "Common side effects include:\nnausea\ndizziness\nWhat To Do Before Your Visit\nDo not eat for two hours before it."
    assert [b.kind for b in split_blocks(normalize(text))] == ["paragraph", "list-item", "list-item", "heading", "paragraph"]


def test_a_dash_glued_to_its_item_is_a_bullet(real_engine):
    """"-nausea", "-feeling detached from your body": a dash glued to the item's first letter is a bullet, so the lines are
    a list and "These effects" after it refers to every item (a detached feeling that fades within an hour is brief)."""
    from indexer.copycheck.blocks import split_blocks
    from indexer.copycheck.normalize import normalize

    text = ("Side effects you may notice during the infusion:\n-nausea\n-feeling detached from your body\n-blurred vision\n"
            "These effects fade within an hour after the infusion ends.")
    assert [b.kind for b in split_blocks(normalize(text))][1:4] == ["list-item"] * 3
    got = _claims(real_engine, text)
    assert "dissociation-brief" in got.get("These effects fade within an hour after the infusion ends.", set())
    assert "feeling detached from your body" in {s.text for s in real_engine.check(text).sentences}  # without its dash
    # a dash before a number is a minus, not a bullet
    assert split_blocks(normalize("Results\n-12 points on the depression scale were reported after a week of infusions."))[1].kind \
        == "paragraph"
