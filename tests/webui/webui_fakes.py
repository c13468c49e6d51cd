"""A tiny stand-in for indexer.engine.Engine, following its contract, for fast Flask tests."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from kb.loader import KnowledgeBase, load

FIXTURE_KB = Path(__file__).parent / "fixture_kb"
SUGGESTIONS = {"ketamne": "ketamine", "brest": "breast"}
FILTER = re.compile(r'(?<!\S)(type|topic|verdict|design|year):(\S+)')


@dataclass
class Snapshot:
    kb: KnowledgeBase
    fingerprint: str


@dataclass
class Result:
    data: dict

    def to_dict(self) -> dict:
        return self.data


@dataclass
class FakeEngine:
    root: Path = FIXTURE_KB
    calls: list = field(default_factory=list)

    def __post_init__(self):
        kb = load(self.root)
        kb.studies = {k: s for k, s in kb.studies.items() if s.is_curated}
        self._snap = Snapshot(kb, "fake0123456789ab")

    def snapshot(self) -> Snapshot:
        return self._snap

    def _docs(self) -> list[dict]:
        kb = self._snap.kb
        docs = [{"type": "claim", "id": c.id, "title": c.statement, "verdict": c.verdict, "certainty": c.certainty,
                 "design": None, "year": None, "topics": list(c.topics),
                 "text": " ".join([c.statement, c.bottom_line, *c.phrasings])} for c in kb.claims.values()]
        docs += [{"type": "study", "id": s.key, "title": s.title, "verdict": None, "certainty": None, "design": s.design,
                  "year": s.year, "topics": list(s.topics), "text": " ".join([s.title, s.summary or "", *s.findings])}
                 for s in kb.studies.values()]
        return docs

    def search(self, q: str = "", *, type=None, topic=None, verdict=None, design=None, year=None, page=1, per_page=10):
        self.calls.append(dict(q=q, type=type, topic=topic, verdict=verdict, design=design, year=year, page=page, per_page=per_page))
        filters = {"type": type, "topic": topic, "verdict": verdict, "design": design, "year": year}
        for name, value in FILTER.findall(q):
            filters[name] = value
        text = FILTER.sub(" ", q).strip()
        words = [w.lower() for w in re.findall(r"\w+", text)]
        suggestion, searched, message = None, False, None
        fixed = [SUGGESTIONS.get(w, w) for w in words]
        if fixed != words:
            suggestion = " ".join(fixed)

        def matches(doc, ws):
            return all(w in doc["text"].lower() for w in ws)

        docs = [d for d in self._docs() if matches(d, words)]
        if not docs and suggestion:
            docs = [d for d in self._docs() if matches(d, fixed)]
            if docs:
                searched = True
                message = f"No results for “{text}”; showing results for “{suggestion}”."

        def passes(d, skip=None):
            for name, value in filters.items():
                if not value or name == skip:
                    continue
                if name == "topic" and value not in d["topics"]:
                    return False
                if name == "year":
                    lo, _, hi = str(value).partition("-")
                    if d["year"] is None or not (int(lo) <= d["year"] <= int(hi or lo)):
                        return False
                elif name in ("type", "verdict", "design") and d[name] != value:
                    return False
            return True

        hits = [d for d in docs if passes(d)]
        facets: dict[str, dict[str, int]] = {k: {} for k in filters}
        for d in docs:
            if not passes(d):
                continue
            for name in facets:
                values = d["topics"] if name == "topic" else [d[name]]
                for v in values:
                    if v is not None:
                        facets[name][str(v)] = facets[name].get(str(v), 0) + 1
        pages = max(1, math.ceil(len(hits) / per_page))
        chunk = hits[(page - 1) * per_page: page * per_page]

        def snippet(d):
            out = str(escape(d["text"][:200]))
            for w in (fixed if searched else words):
                out = re.sub(rf"(?i)\b({re.escape(w)})\b", r"<mark>\1</mark>", out)
            return out

        return Result({
            "query": q, "total": len(hits), "suggestion": suggestion, "suggestion_searched": searched,
            "message": message, "page": page, "per_page": per_page, "pages": pages, "filters": filters,
            "results": [{"type": d["type"], "id": d["id"], "title": d["title"], "verdict": d["verdict"],
                         "certainty": d["certainty"], "design": d["design"], "year": d["year"], "topics": d["topics"],
                         "score": 1.0, "snippet": snippet(d)} for d in chunk],
            "facets": facets,
        })

    def check(self, text: str) -> Result:
        sentences = []
        found: dict[str, dict] = {}
        for m in re.finditer(r"[^.!?\n]+[.!?]?", text):
            s = m.group(0)
            start = m.start() + (len(s) - len(s.lstrip()))
            s = s.strip()
            if not s:
                continue
            claims = []
            for c in self._snap.kb.claims.values():
                if any(p.lower().rstrip(".") in s.lower() for p in c.phrasings):
                    figures = []
                    if "70%" in s:
                        figures.append({"copy": "70%", "evidence": "24-52%", "outside": True, "note": "higher than any study"})
                    claims.append({"id": c.id, "verdict": c.verdict, "certainty": c.certainty, "score": 0.9, "figures": figures})
                    found.setdefault(c.id, {"id": c.id, "verdict": c.verdict, "count": 0})["count"] += 1
            sentences.append({"text": s, "start": start, "end": start + len(s), "hedged": " may " in f" {s.lower()} ", "claims": claims})
        return Result({"source": "text", "sentences": sentences, "claims": list(found.values())})

    def check_document(self, label: str, extracted: Any) -> Result:
        result = self.check(extracted.text)
        result.data["source"] = label
        return result
