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
        st = SentenceTokens.of(sentence, checker.analyzer)
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
