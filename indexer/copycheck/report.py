"""The check report: its objects, its JSON (the same for `kb check --json` and POST /api/check),
and the one Markdown and plain-text rendering every front end uses (CLI, API, page download)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from indexer.copycheck.figures import Comparison
from kb.vocab import CERTAINTY_LABELS, VERDICT_LABELS

DISCLAIMER = "Evidence KB summarises published evidence; it is not medical advice."
ACTION_LABELS = {"keep": "Keep", "reword": "Reword", "remove-or-source": "Remove, or support with a source"}


def action_for(verdict: str, stance: str) -> str:
    """What the writer should do with a sentence that asserts or denies a claim with this verdict."""
    if stance == "denies":
        # Denying what the evidence supports misleads as much as asserting what it does not.
        return "keep" if verdict in ("unsupported", "contradicted") else "reword"
    if verdict == "supported":
        return "keep"
    if verdict in ("partly-supported", "mixed"):
        return "reword"
    return "remove-or-source"


# Beside a claim only the claim model found (ClaimFlag.found_by == "model"), in every rendering of the report
MODEL_FOUND_NOTE = ("Found by the wording model, not by this claim's own rules: read the sentence against the claim "
                    "before acting on it.")


@dataclass
class ClaimFlag:
    id: str
    stance: str  # asserts | denies
    verdict: str
    certainty: str
    score: float
    hedged: bool = False
    figures: list[Comparison] = field(default_factory=list)
    # frames: the claim's own rules matched; model: only the claim model (claim_model.py) found it, a learned guess
    # that is wrong more often (docs/checker.md), so the report says so beside it
    found_by: str = "frames"

    @property
    def action(self) -> str:
        return action_for(self.verdict, self.stance)

    def to_dict(self) -> dict:
        return {"id": self.id, "stance": self.stance, "verdict": self.verdict, "certainty": self.certainty,
                "score": self.score, "action": self.action, "hedged": self.hedged,
                "figures": [f.to_dict() for f in self.figures], "found_by": self.found_by}


@dataclass
class SentenceResult:
    text: str
    start: int
    end: int
    claims: list[ClaimFlag] = field(default_factory=list)
    # Makes a check-worthy health claim outside the canonical catalog: one no KB claim covers (`uncovered`), or one
    # the KB added beyond the catalog (then `claims` names it). A sentence making only catalog claims is not marked.
    checkworthy: bool = False
    context: str | None = None  # the text the sentence's carried subject came from

    @property
    def uncovered(self) -> bool:
        """Check-worthy and not in the knowledge base: verify before publishing."""
        return self.checkworthy and not self.claims

    @property
    def hedged(self) -> bool:
        return any(c.hedged for c in self.claims)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "checkworthy": self.checkworthy}
        if self.context:
            d["context"] = self.context
        if self.claims:
            d["hedged"] = self.hedged
        d["claims"] = [c.to_dict() for c in self.claims]
        return d


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

    def summary(self) -> dict:
        asserted = {c.id for s in self.sentences for c in s.claims if c.stance == "asserts"}
        denied = {c.id for s in self.sentences for c in s.claims if c.stance == "denies"}
        return {"sentences_checked": len(self.sentences), "claims_asserted": len(asserted),
                "claims_denied": len(denied), "checkworthy_uncovered": sum(s.uncovered for s in self.sentences),
                "flagged_sentences": len(self.flagged)}

    def claims(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for s in self.sentences:
            for c in s.claims:
                row = out.setdefault(c.id, {**self.claim_info[c.id], "asserted": 0, "denied": 0})
                row["asserted" if c.stance == "asserts" else "denied"] += 1
        return out

    def to_dict(self) -> dict:
        return {"source": self.source, "truncated": self.truncated, "summary": self.summary(),
                "claims": self.claims(), "sentences": [s.to_dict() for s in self.sentences],
                "text": self.text, "disclaimer": DISCLAIMER}


def claim_info(claim) -> dict:
    info = {"statement": claim.statement, "verdict": claim.verdict, "verdict_label": VERDICT_LABELS[claim.verdict],
            "certainty": claim.certainty, "bottom_line": claim.bottom_line, "accurate_wording": claim.accurate_wording,
            "catalog": bool(getattr(claim, "catalog", False))}
    answer = getattr(claim, "answer", None)
    if answer:
        info["answer"] = answer
    return info


# -- rendering ---------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: Any) -> str:
    """Markdown-escape one line of user or record text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _verdict_label(info: dict, verdict: str) -> str:
    return info.get("verdict_label") or VERDICT_LABELS.get(verdict, verdict)


def render_markdown(report: dict, *, title: str | None = None, claim_url: Callable[[str], str] | None = None,
                    checked: str | None = None) -> str:
    """The report (its JSON dict) as Markdown: summary, claims table, flagged and uncovered sentences."""
    report = report.to_dict() if hasattr(report, "to_dict") else report
    claims: dict = report.get("claims") or {}
    summary = report.get("summary") or {}
    sentences = report.get("sentences") or []
    lines = [f"# Evidence KB check: {md(title or report.get('source') or 'text')}", ""]
    if checked:
        lines += [f"Checked {md(checked)} with Evidence KB.", ""]
    lines.append(f"{summary.get('sentences_checked', len(sentences))} sentences checked; "
                 f"{summary.get('claims_asserted', 0)} known claim(s) asserted, {summary.get('claims_denied', 0)} denied; "
                 f"{summary.get('checkworthy_uncovered', 0)} check-worthy sentence(s) not in the knowledge base.")
    if report.get("truncated"):
        lines += ["", "_The text was too long: only its beginning was checked._"]
    lines += ["", "## Summary", ""]
    if claims:
        lines += ["| Claim | Verdict | Certainty | Asserted | Denied |", "| --- | --- | --- | --- | --- |"]
        for cid, info in claims.items():
            name = md(info.get("statement", cid))
            if claim_url:
                name = f"[{name}]({claim_url(cid)})"
            lines.append(f"| {name} (`{cid}`) | {_verdict_label(info, info.get('verdict', ''))} | "
                         f"{CERTAINTY_LABELS.get(info.get('certainty'), info.get('certainty', ''))} | "
                         f"{info.get('asserted', 0)} | {info.get('denied', 0)} |")
    else:
        lines.append("No known claims were found in the text.")
    flagged = [s for s in sentences if s.get("claims")]
    if flagged:
        lines += ["", "## Flagged sentences"]
    for i, s in enumerate(flagged, 1):
        lines += ["", f"### {i}.{' (hedged)' if s.get('hedged') else ''}", "", f"> {md(s.get('text', ''))}", ""]
        if s.get("context"):
            lines += [f"_Read with its context: {md(s['context'])}_", ""]
        for c in s["claims"]:
            info = claims.get(c["id"], {})
            stance = "denies" if c.get("stance") == "denies" else "asserts"
            lines += [f"- **{_verdict_label(info, c.get('verdict', ''))}** — the copy {stance}: "
                      f"{md(info.get('statement', c['id']))} (`{c['id']}`, "
                      f"{CERTAINTY_LABELS.get(c.get('certainty'), c.get('certainty'))} certainty)",
                      f"  - Action: {ACTION_LABELS.get(c.get('action'), c.get('action'))}",
                      *([f"  - {MODEL_FOUND_NOTE}"] if c.get("found_by") == "model" else []),
                      f"  - Bottom line: {md(info.get('bottom_line', ''))}",
                      f"  - Accurate wording: {md(info.get('accurate_wording', ''))}"]
            for f in c.get("figures", []):
                lines.append(f"  - Figure {md(f.get('copy'))} ({md(f.get('measure'))}): {md(f.get('note', ''))}")
    uncovered = [s for s in sentences if s.get("checkworthy") and not s.get("claims")]
    if uncovered:
        lines += ["", "## Not in the knowledge base — verify before publishing", ""]
        lines += [f"- {md(s.get('text', ''))}" for s in uncovered]
    lines += ["", "---", "", f"_{md(report.get('disclaimer') or DISCLAIMER)}_", ""]
    return "\n".join(lines)


def render_text(report: dict) -> str:
    report = report.to_dict() if hasattr(report, "to_dict") else report
    claims: dict = report.get("claims") or {}
    summary = report.get("summary") or {}
    sentences = report.get("sentences") or []
    out = [f"{report.get('source', 'text')}: {summary.get('sentences_checked', len(sentences))} sentences, "
           f"{summary.get('flagged_sentences', 0)} flagged, {summary.get('checkworthy_uncovered', 0)} check-worthy "
           f"but not in the knowledge base"]
    for s in sentences:
        if not s.get("claims") and not s.get("checkworthy"):
            continue
        out.append(f"\n[{s['start']}-{s['end']}] {s['text']}" + (" (hedged)" if s.get("hedged") else ""))
        if s.get("context"):
            out.append(f"  (context: {s['context']})")
        for c in s.get("claims", []):
            info = claims.get(c["id"], {})
            out.append(f"  -> {c['stance']} {c['id']}: {_verdict_label(info, c['verdict'])}, {c['certainty']} certainty; "
                       f"action: {ACTION_LABELS.get(c['action'], c['action'])}")
            if c.get("found_by") == "model":
                out.append(f"     {MODEL_FOUND_NOTE}")
            out.append(f"     say instead: {info.get('accurate_wording', '')}")
            for f in c.get("figures", []):
                out.append(f"     figure {f['copy']} ({f['measure']}): {f['note']}")
        if s.get("checkworthy") and not s.get("claims"):
            out.append("  -> not in the knowledge base: verify before publishing")
    out.append("\nNot medical advice.")
    return "\n".join(out)
