"""Check copy: every sentence, the claims it makes, their verdicts, and the copy's own numbers."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from indexer import figures
from indexer.matcher import ClaimMatcher
from indexer.polarity import is_hedged, is_question
from indexer.sentences import split_sentences
from indexer.spelling import CopySpeller
from kb.models import VERDICT_LABELS

MAX_CHECK_CHARS = 200_000

_per_build: dict[str, tuple[ClaimMatcher, CopySpeller]] = {}
_per_build_lock = threading.Lock()


def _tools_for(snapshot) -> tuple[ClaimMatcher, CopySpeller]:
    """One matcher and speller per index build, made on first use; older builds' are dropped."""
    key = str(snapshot.path)
    with _per_build_lock:
        tools = _per_build.get(key)
        if tools is None:
            tools = (ClaimMatcher(snapshot.kb), CopySpeller(snapshot.ix, snapshot.kb))
            for old in list(_per_build)[:-1]:
                del _per_build[old]
            _per_build[key] = tools
        return tools


def matcher_for(snapshot) -> ClaimMatcher:
    return _tools_for(snapshot)[0]


@dataclass
class ClaimFlag:
    id: str
    verdict: str
    certainty: str
    score: float
    phrasing: str
    figures: list[figures.Comparison] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "verdict": self.verdict, "certainty": self.certainty, "score": self.score,
                "matched_phrasing": self.phrasing, "figures": [f.to_dict() for f in self.figures]}


@dataclass
class SentenceResult:
    text: str
    start: int
    end: int
    hedged: bool
    claims: list[ClaimFlag]

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "hedged": self.hedged,
                "claims": [c.to_dict() for c in self.claims]}


@dataclass
class CheckReport:
    source: str
    text: str
    sentences: list[SentenceResult]
    claim_info: dict[str, dict]
    truncated: bool = False

    @property
    def flagged(self) -> list[SentenceResult]:
        return [s for s in self.sentences if s.claims]

    def claim_counts(self) -> list[dict]:
        counts: dict[str, int] = {}
        for s in self.sentences:
            for c in s.claims:
                counts[c.id] = counts.get(c.id, 0) + 1
        order = list(VERDICT_LABELS)
        rows = [{"id": cid, "count": n, **self.claim_info[cid]} for cid, n in counts.items()]
        return sorted(rows, key=lambda r: (order.index(r["verdict"]) * -1, -r["count"], r["id"]))

    def by_verdict(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.claim_counts():
            out[row["verdict"]] = out.get(row["verdict"], 0) + 1
        return out

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "text": self.text,
            "truncated": self.truncated,
            "sentences": [s.to_dict() for s in self.sentences],
            "claims": self.claim_counts(),
            "summary": {"sentences": len(self.sentences), "flagged_sentences": len(self.flagged),
                        "claims_by_verdict": self.by_verdict()},
            "disclaimer": "Evidence KB summarises published evidence; it is not medical advice.",
        }


def check_text(snapshot, text: str, source: str = "text") -> CheckReport:
    truncated = len(text) > MAX_CHECK_CHARS
    text = text[:MAX_CHECK_CHARS]
    matcher, speller = _tools_for(snapshot)
    kb = snapshot.kb
    results = []
    for span in split_sentences(text):
        flags: list[ClaimFlag] = []
        if not is_question(span.text):
            matches = matcher.match(speller.correct(span.text))
            claims = [kb.claims[m.claim_id] for m in matches]
            owned = figures.attribute(figures.extract(span.text), claims)
            for m, claim in zip(matches, claims):
                flags.append(ClaimFlag(claim.id, claim.verdict, claim.certainty, m.score, m.phrasing,
                                       figures.compare(owned[claim.id], claim)))
        results.append(SentenceResult(span.text, span.start, span.end, bool(flags) and is_hedged(span.text), flags))
    info = {
        c.id: {"statement": c.statement, "verdict": c.verdict, "verdict_label": VERDICT_LABELS[c.verdict],
               "certainty": c.certainty, "bottom_line": c.bottom_line, "accurate_wording": c.accurate_wording,
               "evidence": [link.study for link in c.evidence]}
        for c in kb.claims.values()
    }
    return CheckReport(source, text, results, info, truncated)


def check_extracted(snapshot, extracted, source: str) -> CheckReport:
    return check_text(snapshot, extracted.text, source=source)


def render_markdown(report: CheckReport) -> str:
    lines = [f"# Evidence KB check: {report.source}", ""]
    rows = report.claim_counts()
    lines.append(f"{len(report.sentences)} sentences checked; {len(report.flagged)} make {len(rows)} known claim(s).")
    lines.append("")
    if rows:
        lines += ["| Claim | Verdict | Certainty | Sentences |", "|---|---|---|---|"]
        lines += [f"| {r['statement']} (`{r['id']}`) | {r['verdict_label']} | {r['certainty']} | {r['count']} |" for r in rows]
        lines.append("")
    for s in report.flagged:
        lines.append(f"> {s.text}" + ("  _(hedged)_" if s.hedged else ""))
        lines.append("")
        for c in s.claims:
            info = report.claim_info[c.id]
            lines.append(f"- **{info['verdict_label']}** ({c.certainty} certainty) — `{c.id}`: {info['statement']}")
            lines.append(f"  - Bottom line: {info['bottom_line']}")
            lines.append(f"  - Say instead: {info['accurate_wording']}")
            for f in c.figures:
                if f.outside:
                    lines.append(f"  - Figure: {f.note}")
        lines.append("")
    lines.append("_Evidence KB summarises published evidence; it is not medical advice._")
    return "\n".join(lines)


def render_text(report: CheckReport) -> str:
    out = [f"{report.source}: {len(report.sentences)} sentences, {len(report.flagged)} flagged"]
    for s in report.flagged:
        out.append(f"\n[{s.start}-{s.end}] {s.text}" + (" (hedged)" if s.hedged else ""))
        for c in s.claims:
            info = report.claim_info[c.id]
            out.append(f"  -> {c.id}: {info['verdict_label']}, {c.certainty} certainty (score {c.score:.2f})")
            out.append(f"     say instead: {info['accurate_wording']}")
            for f in c.figures:
                if f.outside:
                    out.append(f"     figure: {f.note}")
    out.append("\nNot medical advice.")
    return "\n".join(out)
