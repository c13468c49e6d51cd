"""The real-copy corpus (tests/data/realcopy): load, validate, split.

    python bench/realcopy.py validate      # every page file checked; exit 1 on problems
"""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "realcopy"
RESERVED = ROOT.parent / "shared" / "reserved-pages.txt"
KINDS = {"clinic", "telehealth", "faq", "news", "manufacturer", "medical-info", "balanced", "critical"}
STANCES = {"asserts", "denies"}


def site_of(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def split_of(url: str) -> str:
    """The page's part, fixed by its site so no site is in both parts."""
    return "test" if hashlib.sha256(site_of(url).encode()).digest()[0] % 3 == 0 else "dev"


def reserved_sites() -> set[str]:
    if not RESERVED.exists():
        return set()
    lines = [ln.strip() for ln in RESERVED.read_text().splitlines()]
    return {site_of(ln if "://" in ln else "https://" + ln) for ln in lines if ln and not ln.startswith("#")}


@dataclass
class Label:
    text: str
    start: int
    end: int
    claims: list[tuple[str, str]]
    checkworthy: bool
    uncovered: str | None = None


@dataclass
class Page:
    path: Path
    url: str
    kind: str
    text: str
    part: str
    labels: list[Label] = field(default_factory=list)


def known_claim_ids() -> set[str]:
    return {p.stem for p in (ROOT / "kb" / "claims").glob("*.yaml")}


def load_page(path: Path, problems: list[str] | None = None, claim_ids: set[str] | None = None) -> Page:
    problems = problems if problems is not None else []
    claim_ids = claim_ids if claim_ids is not None else known_claim_ids()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(ROOT))
    for key in ("url", "read", "kind", "text"):
        if not data.get(key):
            problems.append(f"{where}: missing {key}")
    url, text = data.get("url", ""), data.get("text", "")
    if data.get("kind") not in KINDS:
        problems.append(f"{where}: kind {data.get('kind')!r} not one of {sorted(KINDS)}")
    part = path.parent.name
    if url and split_of(url) != part:
        problems.append(f"{where}: site {site_of(url)} belongs in {split_of(url)}/, not {part}/")
    if url and site_of(url) in reserved_sites():
        problems.append(f"{where}: {site_of(url)} is reserved for acceptance testing")
    page = Page(path, url, data.get("kind", ""), text, part)
    cursor: dict[str, int] = {}
    for item in data.get("sentences") or []:
        s = item.get("text", "")
        start = text.find(s, cursor.get(s, 0))
        if not s or start < 0:
            problems.append(f"{where}: label text is not verbatim in the page: {s[:70]!r}")
            continue
        cursor[s] = start + 1
        claims = []
        for c in item.get("claims") or []:
            if c.get("id") not in claim_ids:
                problems.append(f"{where}: unknown claim id {c.get('id')!r}")
            if c.get("stance") not in STANCES:
                problems.append(f"{where}: stance {c.get('stance')!r} for {c.get('id')} not asserts/denies")
            claims.append((c.get("id"), c.get("stance")))
        cw = bool(item.get("checkworthy", bool(claims)))
        if claims and not cw:
            problems.append(f"{where}: a sentence that makes a catalog claim is check-worthy: {s[:60]!r}")
        page.labels.append(Label(s, start, start + len(s), claims, cw, item.get("uncovered")))
    return page


def load_corpus(parts=("dev", "test"), problems: list[str] | None = None) -> list[Page]:
    claim_ids = known_claim_ids()
    pages = []
    for part in parts:
        for path in sorted((CORPUS / part).glob("*.yaml")):
            pages.append(load_page(path, problems, claim_ids))
    return pages


def main(argv: list[str]) -> int:
    if argv[:1] == ["validate"]:
        problems: list[str] = []
        pages = load_corpus(problems=problems)
        urls = [p.url for p in pages]
        for u in {u for u in urls if urls.count(u) > 1}:
            problems.append(f"duplicate page {u}")
        for p in problems:
            print(p)
        by_part = {part: sum(1 for p in pages if p.part == part) for part in ("dev", "test")}
        print(f"{len(pages)} pages ({by_part}), {sum(len(p.labels) for p in pages)} labelled sentences, "
              f"{len(problems)} problems")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
