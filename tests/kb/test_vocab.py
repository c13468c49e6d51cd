"""The closed vocabularies (kb/vocab.py): every value has its label and rank, and every front end offers the same values."""
from __future__ import annotations

from typing import get_args

from kb import ids, models, vocab


def test_every_value_has_its_label_and_rank():
    assert tuple(vocab.VERDICT_LABELS) == vocab.VERDICTS
    assert tuple(vocab.CERTAINTY_LABELS) == tuple(vocab.CERTAINTY_LEVELS) == vocab.CERTAINTIES
    assert [vocab.CERTAINTY_LEVELS[c] for c in vocab.CERTAINTIES] == [4, 3, 2, 1]  # highest first
    assert tuple(vocab.DESIGN_LABELS) == vocab.DESIGNS and set(vocab.DESIGN_RANK) == set(vocab.DESIGNS)
    assert set(get_args(vocab.FigureUnit)) == {"percent", "sessions", *vocab.MINUTES_PER_UNIT}
    assert set(get_args(vocab.DurationUnit)) == set(vocab.MINUTES_PER_UNIT)


def test_records_web_pages_and_api_use_the_same_values():
    from webui import openapi, present

    assert get_args(models.Claim.model_fields["verdict"].annotation) == vocab.VERDICTS
    assert get_args(models.EvidenceLink.model_fields["stance"].annotation) == vocab.STANCES
    assert tuple(present.VERDICTS) == vocab.VERDICTS and tuple(present.STANCES) == vocab.STANCES
    assert (openapi.VERDICTS, openapi.CERTAINTIES, openapi.STANCES, openapi.DESIGNS) == (
        list(vocab.VERDICTS), list(vocab.CERTAINTIES), list(vocab.STANCES), list(vocab.DESIGNS))


def test_identifier_patterns():
    assert ids.PMID_RE.match("35880962") and not ids.PMID_RE.match("035880962") and not ids.PMID_RE.match("1234567890")
    assert ids.DOI_RE.match("10.1080/02791072.2022.2101903") and not ids.DOI_RE.match("doi:10.1080/x")
    assert ids.normalise_doi("https://doi.org/10.1080/ABC") == ids.normalise_doi("doi:10.1080/abc") == "10.1080/abc"
    assert ids.pubmed_url("35880962") == "https://pubmed.ncbi.nlm.nih.gov/35880962/"
