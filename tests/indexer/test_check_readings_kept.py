"""What a check reads once and keeps: the claim model's sentence vectors (read for a whole page in one batch), a
sentence's figures, and the claim model's sum over its features as one product. Each must give exactly what the
reading it replaced gave (docs/benchmarks.md, fifty-fourth pass)."""
from __future__ import annotations

import numpy as np

from indexer.copycheck import claim_model, figures, sentence_encoder

SENTENCES = ["Ketamine is safe while nursing.", "Most patients feel better within 24 hours of an infusion.",
             "Parking is free on weekends.", ""]


def test_word_means_read_in_one_batch_are_the_rows_read_one_by_one():
    encoder = sentence_encoder.SentenceEncoder()
    together = encoder.word_means(SENTENCES)
    encoder._means.clear()
    alone = np.vstack([encoder.word_means([t]) for t in SENTENCES])
    assert np.array_equal(together, alone)
    assert not together[3].any()  # no word, no vector


def test_a_kept_word_mean_is_returned_without_reading_the_text_again(monkeypatch):
    encoder = sentence_encoder.SentenceEncoder()
    first = encoder.word_means(SENTENCES[:2])
    monkeypatch.setattr(encoder, "tokenizer", None)  # any new reading would fail
    assert np.array_equal(encoder.word_means(SENTENCES[1::-1]), first[::-1])


def test_the_word_mean_cache_is_bounded(monkeypatch):
    encoder = sentence_encoder.SentenceEncoder()
    monkeypatch.setattr(sentence_encoder, "CACHE_SIZE", 2)
    rows = encoder.word_means([f"Sentence number {n} about ketamine." for n in range(5)])
    assert list(encoder._means) == ["Sentence number 3 about ketamine.", "Sentence number 4 about ketamine."]
    assert np.array_equal(encoder.word_means(["Sentence number 0 about ketamine."])[0], rows[0])


class _CountingTokenizer:
    def __init__(self, tokenizer):
        self.tokenizer, self.batches = tokenizer, []

    def encode_batch(self, texts):
        self.batches.append(list(texts))
        return self.tokenizer.encode_batch(texts)


def test_the_checker_reads_a_pages_sentence_vectors_in_one_batch(real_engine, monkeypatch):
    page = ["Ketamine clinics are opening in many cities across the country this year.",
            "Patients often travel a long way for an infusion and stay for the afternoon.",
            "Many people with depression say that their mood lifted after a single treatment."]
    encoder = sentence_encoder.shared()
    counting = _CountingTokenizer(encoder.tokenizer)
    monkeypatch.setattr(encoder, "tokenizer", counting)
    for text in page:
        encoder._means.pop(text, None)
    real_engine.check("\n\n".join(page))
    word_mean_batches = [b for b in counting.batches if set(b) & set(page)]
    assert word_mean_batches and set(page) <= set(word_mean_batches[0])


def test_a_sentences_figures_are_the_callers_to_change():
    text = "About 70% of patients improve within two to three weeks."
    found = figures.extract(text)
    assert [f.text for f in found] == ["70%", "two to three weeks"]
    found.clear()
    assert [f.text for f in figures.extract(text)] == ["70%", "two to three weeks"]


def test_the_claim_models_product_is_its_sum_over_the_features():
    model = claim_model.load()
    text, prev = "Ketamine can lift depression within hours, unlike pills.", "Our clinic offers infusions."
    z = model.bias.copy()
    for name, value in claim_model.features(text, prev, model.idf, model.context_weight).items():
        if name in model.columns:
            z += value * model.weights[model.columns[name]]
    z += model.vector_weight * (claim_model.sentence_vectors([text])[0] @ model.vector_weights)
    expected = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    got = model.probabilities(text, prev)
    assert np.allclose([got[c] for c in model.claims], expected, rtol=0, atol=1e-12)


def test_a_phrase_is_compiled_when_a_sentence_first_needs_it():
    from indexer.analysis import analyse
    from indexer.copycheck import concepts

    term = concepts.compile_term("=no need to stop", analyse)
    other = concepts.compile_term("=never fades away", analyse)
    index = concepts.TermIndex({"a": (term,), "b": (other,)})
    concepts._compiled.cache_clear()
    st = concepts.SentenceTokens.of("There is no need to stop nursing.", lambda t, **k: iter(()), index)
    assert st.find_all("a", (term,)) == [(9, 24, True)]
    assert concepts._compiled.cache_info().currsize == 1  # "never fades away" was never needed, so never compiled
    assert term.phrase is term.phrase and term.phrase.flags & concepts.re.I


def test_building_the_checker_compiles_no_phrase(real_engine):
    from indexer.copycheck import concepts
    from indexer.copycheck.pipeline import Checker

    snap = real_engine.snapshot()
    concepts._compiled.cache_clear()
    checker = Checker(snap.kb, snap.ix)
    assert concepts._compiled.cache_info().currsize == 0
    index = checker.term_index
    phrases = {t for table in (index.phrases_by_word, index.phrases_by_stem) for filed in table.values() for t, _, _ in filed}
    assert len(phrases) > 1000  # the start-up this saves: thousands of phrases, of which a page meets few


def test_analyse_keeps_one_analyzer_and_reads_as_a_fresh_one():
    from indexer.analysis import STOPLIST, _plain_analyzer, analyse, base_analyzer

    texts = ["Treatment-resistant depression", "follow-up infusions", "No need to pump and dump", "Ketamine's effects"]
    assert [analyse(t) for t in texts] == [[tok.text for tok in base_analyzer(STOPLIST)(t, mode="query")] for t in texts]
    assert _plain_analyzer(STOPLIST) is _plain_analyzer(STOPLIST)


def test_a_servers_checker_compiles_every_phrase_when_built_and_a_commands_none(real_engine, tmp_path):
    from indexer.copycheck import concepts
    from indexer.engine import Engine

    concepts._compiled.cache_clear()
    server = Engine(real_engine.kb_dir, real_engine.store.root, auto_refresh=False)
    index = server.checker(server.snapshot()).term_index
    patterns = {t.pattern for table in (index.phrases_by_word, index.phrases_by_stem) for filed in table.values()
                for t, _, _ in filed}
    assert concepts._compiled.cache_info().currsize == len(patterns)  # no request pays for a compile
    concepts._compiled.cache_clear()
    command = Engine(real_engine.kb_dir, real_engine.store.root, auto_refresh=False, lazy_phrases=True)
    command.checker(command.snapshot())
    assert concepts._compiled.cache_info().currsize == 0
