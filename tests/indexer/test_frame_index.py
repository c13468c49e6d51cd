"""FrameIndex (indexer/copycheck/frames.py) may skip a frame only when the frame cannot match."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_skipped_frame_has_an_own_slot_with_nothing_in_the_sentence(real_engine):
    from indexer.copycheck.concepts import SentenceTokens
    from indexer.copycheck.figures import extract
    from indexer.copycheck.frames import slot_spans

    sys.path.insert(0, str(REPO / "bench"))
    from realcopy import load_corpus

    checker = real_engine.checker(real_engine.snapshot())
    sentences = [p for claim in checker.kb.claims.values() for p in claim.phrasings]
    sentences += [line for page in load_corpus(("dev",))[:25] for line in page.text.splitlines() if line.strip()]
    tried = skipped = 0
    for sentence in sentences:
        st = SentenceTokens.of(sentence, checker.analyzer, checker.term_index)
        picked = {id(f) for f in checker.frame_index.candidates(st)}
        figures = extract(sentence)
        for frame in checker.frames:
            if id(frame) in picked:
                tried += 1
                continue
            skipped += 1
            own = [slot for slot in frame.slots if not slot.carry]
            assert any(not slot_spans(slot, st, figures) for slot in own), (frame.claim_id, sentence)
    assert skipped > tried  # the index does skip most frames


def test_one_reading_of_a_sentence_finds_what_each_list_finds_term_by_term(real_engine):
    """concepts.TermIndex files ~4,300 terms by a word each must contain; a list's spans from that one
    reading must equal finding the list's terms one by one, for every list, on real sentences."""
    from indexer.copycheck.concepts import SentenceTokens
    from indexer.copycheck.frames import term_lists

    sys.path.insert(0, str(REPO / "bench"))
    from realcopy import load_corpus

    checker = real_engine.checker(real_engine.snapshot())
    lists = term_lists(checker.lexicon, checker.frames)
    guards = checker.term_index.guards

    def guarded(plain, sentence, key, terms):
        """Term by term, less the one-word spans inside the list's guard words (a concept's `not_within`), which the
        index drops ("nurse" inside "nurse practitioner")."""
        spans = plain.find_all(key, terms)
        if key not in guards:
            return spans
        within = plain.find_all(guards[key], lists[guards[key]])
        return [s for s in spans if len(sentence[s[0]:s[1]].split()) > 1
                or not any(a <= s[0] and s[1] <= b for a, b, _ in within)]
    sentences = [line for page in load_corpus(("dev",))[:12] for line in page.text.splitlines() if line.strip()]
    sentences += ["Don't stop nursing: there's no need to pump-and-dump after an infusion.",
                  "It is not addictive or habit-forming, and side effects wore off within two hours.",
                  # a guarded list: "nurse" inside "nurse practitioner" is dropped, "nursing mothers" kept
                  "A nurse practitioner watches you as you rest, and nursing mothers can feed their babies the next day."]
    found = 0
    for sentence in sentences:
        indexed = SentenceTokens.of(sentence, checker.analyzer, checker.term_index)
        plain = SentenceTokens.of(sentence, checker.analyzer)
        for key, terms in lists.items():
            spans = indexed.find_all(key, terms)
            assert spans == guarded(plain, sentence, key, terms), (key, sentence)
            assert indexed.holds(key, terms) == bool(spans)
            found += bool(spans)
    assert found > len(sentences)  # the lists do occur: the comparison is not of empty results
