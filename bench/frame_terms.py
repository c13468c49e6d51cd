"""Which matched words made the frames' right and wrong flags on the tuning pages: a frame word that takes part mostly in
wrong flags is a word to narrow or drop (docs/checker.md, fifty-eighth pass).

    python bench/frame_terms.py                  # the words in at least 4 wrong flags and no more right than wrong
    python bench/frame_terms.py --min-wrong 2 --examples trd-effective   # and the flags of one claim's words

The frames alone are read (the claim model off). Each flag the frames give is scored against the page's labels, as
bench/realcopy.py scores it, and counted for every word its first frame hit matched (the text of each filled slot,
lower case) and for every slot it carried from context (`CARRIED:<concept>`). A flag counts once per word, so a word
dropped may still leave a flag that another of the frame's words fills: measure any change with bench/realcopy.py.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realcopy  # noqa: E402


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())[:50]


def term_counts(pages) -> tuple[dict, dict]:
    """({(claim id, word): [right, wrong]}, {(claim id, word): [(right?, sentence)]}) over the frames' flags on `pages`."""
    os.environ["EVIDENCE_KB_CLAIM_MODEL"] = "/nonexistent"  # the frames alone
    from indexer.copycheck import frames, pipeline

    hits: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = []
    match = frames.match_frame

    def recorded(frame, st, *args, **kwargs):
        hit = match(frame, st, *args, **kwargs)
        if hit is not None:
            hits.append((st.text, frame.claim_id, tuple(st.text[a:b].lower() for a, b in hit.spans), tuple(hit.carried)))
        return hit

    pipeline.match_frame = recorded  # the checker calls the frames through this name
    try:
        check = realcopy.engine_checker()
        counts: dict = defaultdict(lambda: [0, 0])
        examples: dict = defaultdict(list)
        for page in pages:
            hits.clear()
            report = check(page.text)
            by_sentence = defaultdict(list)
            for text, claim_id, spans, carried in hits:
                by_sentence[_key(text)].append((claim_id, spans, carried))
            for s in report["sentences"]:
                wanted = {c for lab in page.labels if realcopy._overlaps(s["start"], s["end"], lab.start, lab.end)
                          for c, _ in lab.claims}
                for c in s["claims"]:
                    first = next((h for h in by_sentence.get(_key(s["text"]), []) if h[0] == c["id"]), None)
                    if c.get("found_by") != "frames" or first is None:
                        continue
                    right = c["id"] in wanted
                    _, spans, carried = first
                    for word in {*spans, *(f"CARRIED:{k}" for k in carried)}:
                        counts[(c["id"], word)][0 if right else 1] += 1
                        examples[(c["id"], word)].append((right, s["text"]))
        return counts, examples
    finally:
        pipeline.match_frame = match


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-wrong", type=int, default=4, help="list the words in at least this many wrong flags")
    ap.add_argument("--examples", metavar="CLAIM", help="print the flags of this claim's listed words")
    args = ap.parse_args(argv)
    counts, examples = term_counts(realcopy.tuning_pages())
    listed = sorted(((k, v) for k, v in counts.items() if v[1] >= args.min_wrong and v[0] <= v[1]),
                    key=lambda kv: (kv[1][0] - kv[1][1], kv[0]))
    print(f"{'wrong':>5} {'right':>5}  claim | word")
    for (claim_id, word), (right, wrong) in listed:
        print(f"{wrong:5d} {right:5d}  {claim_id} | {word}")
        if args.examples == claim_id:
            for ok, text in examples[(claim_id, word)]:
                print(f"             {'right' if ok else 'WRONG'}  {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
