"""The copy checker's reading of structure and context, pass 12 (helper C12). Every sentence here is invented (none is
copied from a page); each test fails without the change it names, and each has a negative example beside it."""
from __future__ import annotations

from flagged import flags  # tests/indexer/flagged.py


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
    # "known as" something that is no drug, or a drug named for another reason, names nothing
    for text, last in (("The agency approved a new pill for postpartum depression. It is known as a breakthrough.",
                        "It is known as a breakthrough."),
                       ("Regulators approved a new pill for postpartum depression. It costs about as much as Zurzuvae.",
                        "It costs about as much as Zurzuvae.")):
        assert not _claims(real_engine, text).get(last), text
