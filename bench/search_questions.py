"""People's own questions, for measuring claim search: the FAQ questions of the real-copy tuning pages.

    .venv/bin/python bench/search_questions.py extract > questions.json   # candidates to label (see below)
    .venv/bin/python bench/search_relevance.py --set questions             # measure (dev part)
    .venv/bin/python bench/search_relevance.py --set questions-heldout     # the held-out part: measure only

The written query sets (tests/data/search_relevance.yaml and the held-out sets) were composed by people who knew what
the KB holds; a clinic's FAQ heading ("Who is KAP for?", "How long is the infusion?") was not. `extract` lists every
line of a tuning page (tests/data/realcopy/dev, without the held-aside pages) that is one question of 2 to 20 words
and whose answer below it carries a labelled claim, at most two per site (pages of one site share their FAQ), with the
site. The questions in tests/data/search_questions.yaml and tests/data/heldout/search_questions_heldout.yaml were
labelled from that list by a reader who saw only the questions and the claims' statements (never a search result or
the code): the claims that answer each question, `any_of`; questions no claim answers were left out. `split_of` puts
a site's questions in the held-out part when the first byte of md5(site) is divisible by 3, fixed before any
measurement.
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import realcopy  # noqa: E402

PER_SITE = 2
MAX_WORDS = 20


def questions_of(page: realcopy.Page) -> list[tuple[str, list[str]]]:
    """Each question line of the page and the claims labelled in the answer under it (up to the next question)."""
    found, pos = [], 0
    for line in page.text.splitlines(keepends=True):
        words = line.strip().lstrip("-•*# ").strip()
        if words.endswith("?") and "?" not in words[:-1] and 2 <= len(words.split()) <= MAX_WORDS:
            found.append((pos, pos + len(line), words))
        pos += len(line)
    out = []
    for i, (_, end, question) in enumerate(found):
        answer_end = found[i + 1][0] if i + 1 < len(found) else len(page.text)
        claims = list(dict.fromkeys(c for lab in page.labels if end <= lab.start < answer_end for c, _ in lab.claims))
        out.append((question, claims))
    return out


def split_of(site: str) -> str:
    return "heldout" if hashlib.md5(site.encode()).digest()[0] % 3 == 0 else "dev"


def extract(seed: int = 43) -> list[dict]:
    rows = [{"query": q, "site": realcopy.site_of(p.url)}
            for p in realcopy.tuning_pages() for q, claims in questions_of(p) if claims]
    random.Random(seed).shuffle(rows)
    seen, per_site, out = set(), Counter(), []
    for r in rows:
        if r["query"].lower() in seen or per_site[r["site"]] >= PER_SITE:
            continue
        seen.add(r["query"].lower())
        per_site[r["site"]] += 1
        out.append({**r, "part": split_of(r["site"])})
    return sorted(out, key=lambda r: r["site"])


if __name__ == "__main__":
    if sys.argv[1:] != ["extract"]:
        raise SystemExit(__doc__)
    print(json.dumps(extract(), indent=1, ensure_ascii=False))
