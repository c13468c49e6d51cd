"""`kb validate`: passes on the real KB, and names file and line for each broken rule."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main
from kb.validate import validate

CLAIM = "claims/fixture-claim.yaml"
STUDY = "studies/doe-2020-milk.yaml"
# A valid verdict-history entry for the fixture claim (supported, low), to break one way at a time.
HISTORY = """history:
  - date: 2026-11-01
    previous_verdict: mixed
    previous_certainty: very-low
    verdict: supported
    certainty: low
    change: "Verdict mixed to supported."
    reason: "A second milk study agreed with the first."
"""


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found in {rel}"
    path.write_text(text.replace(old, new, 1))


def line_of(root: Path, rel: str, needle: str) -> int:
    for i, line in enumerate((root / rel).read_text().splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {rel}")


def run_validate(root: Path, capsys) -> tuple[int, str]:
    code = main(["--kb-dir", str(root), "validate"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_minimal_fixture_is_valid(kbdir, capsys):
    code, out = run_validate(kbdir, capsys)
    assert code == 0, out
    assert "0 error(s)" in out


def test_real_knowledge_base_validates(real_kb_dir, capsys):
    code, out = run_validate(real_kb_dir, capsys)
    print(out)
    assert code == 0, out


def test_every_citation_in_the_real_kb_is_in_the_verified_dossier(repo_root, shared_dir):
    proc = subprocess.run([sys.executable, str(shared_dir / "tools" / "verify_citations.py"), "kb"],
                          cwd=repo_root, capture_output=True, text=True, timeout=60)
    print(proc.stdout, proc.stderr)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# (name, file, old text, new text, the line's marker after the edit, expected message fragment)
BROKEN = [
    ("yaml-syntax", CLAIM, 'certainty: low', 'certainty: low: high', "certainty: low: high", "YAML error"),
    ("duplicate-key", CLAIM, 'certainty: low', 'certainty: low\ncertainty: high', "certainty: high", "duplicate key"),
    ("unknown-field", CLAIM, 'certainty: low', 'certainty: low\nconfidence: high', "confidence: high", "confidence: unknown field"),
    ("missing-field", CLAIM, 'bottom_line: "A fixture bottom line."\n', '', "id: fixture-claim", "bottom_line: Field required"),
    ("bad-enum", CLAIM, 'verdict: supported', 'verdict: proven', "verdict: proven", "verdict: Input should be"),
    ("bad-stance", CLAIM, 'stance: supports', 'stance: support', "stance: support", "evidence.0.stance"),
    ("pmid-unquoted", STUDY, 'pmid: "11111111"', 'pmid: 11111111', "pmid: 11111111", "pmid: Input should be a valid string"),
    ("pmid-malformed", STUDY, 'pmid: "11111111"', 'pmid: "1111a111"', "pmid:", "pmid: malformed value"),
    ("doi-malformed", STUDY, 'doi: "10.1000/test.2020.1"', 'doi: "doi 10/x"', "doi:", "doi: malformed value"),
    ("missing-study", CLAIM, 'study: doe-2020-milk', 'study: nobody-1999-nothing', "study: nobody", "no study record 'nobody-1999-nothing'"),
    ("unknown-topic", CLAIM, 'topics: [breast-milk-transfer]', 'topics: [breast-milk]', "topics: [breast-milk]", "unknown topic 'breast-milk'"),
    ("effect-ci", CLAIM, 'value: 0.5', 'value: 0.5\n      ci_low: 0.6\n      ci_high: 0.9', "effect:", "outside its CI"),
    ("curated-without-summary", STUDY, 'summary: "A fixture study."\n', '', "key: doe-2020-milk", "summary: a curated study must have summary"),
    ("draft-cited", STUDY, 'status: curated', 'status: draft', "study: doe-2020-milk", "is a draft"),
    ("elsewhere-unknown", CLAIM, 'certainty: low', 'certainty: low\nelsewhere: no-such-claim', "elsewhere: no-such-claim",
     "elsewhere: no other claim 'no-such-claim'"),
    ("also-when-unknown", CLAIM, 'certainty: low', 'certainty: low\nalso_when:\n  - {claim: no-such-claim, names: no-such-concept}',
     "no-such-claim", "also_when.0.claim: no other claim 'no-such-claim'"),
    ("id-mismatch", CLAIM, 'id: fixture-claim', 'id: other-claim', "id: other-claim", "does not match the file name"),
    ("missing-answer", CLAIM, 'answer: "Yes: in one fixture study only a little of the drug reached breast milk."\n', '',
     "id: fixture-claim", "answer: Field required"),
    ("answer-contradicts-verdict", CLAIM, 'answer: "Yes:', 'answer: "No:', 'answer: "No:',
     "answer: should open with the verdict in words for 'supported' ('Yes')"),
    ("history-bad-date", CLAIM, 'last_reviewed:', HISTORY.replace("2026-11-01", "last autumn") + 'last_reviewed:',
     "date: last autumn", "history.0.date: Input should be a valid date"),
    ("history-bad-verdict", CLAIM, 'last_reviewed:', HISTORY.replace("previous_verdict: mixed", "previous_verdict: likely")
     + 'last_reviewed:', "previous_verdict: likely", "history.0.previous_verdict: Input should be"),
    ("history-stale", CLAIM, 'last_reviewed:', HISTORY.replace("    verdict: supported", "    verdict: mixed") + 'last_reviewed:',
     "  - date: 2026-11-01", "the latest entry sets mixed, low but the claim says supported, low"),
    ("history-after-review", CLAIM, 'last_reviewed:', HISTORY.replace("2026-11-01", "2026-12-01") + 'last_reviewed:',
     "date: 2026-12-01", "history.0.date: 2026-12-01 is after last_reviewed 2026-11-23"),
]


@pytest.mark.parametrize("name,rel,old,new,marker,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_rule_names_file_and_line(kbdir, capsys, name, rel, old, new, marker, message):
    edit(kbdir, rel, old, new)
    code, out = run_validate(kbdir, capsys)
    assert code == 1, out
    # the draft-cited problem is reported where the claim cites the draft
    where = CLAIM if name == "draft-cited" else rel
    line = line_of(kbdir, where, marker)
    expected = re.compile(rf"{re.escape(where)}:{line}: .*{re.escape(message)}")
    assert any(expected.search(l) for l in out.splitlines()), f"wanted {where}:{line}: …{message}… in:\n{out}"


def test_answer_and_history_load_and_serialise(kbdir):
    edit(kbdir, CLAIM, "last_reviewed:", HISTORY + "last_reviewed:")
    kb = validate(kbdir)
    assert not kb.errors, kb.errors
    data = kb.claims["fixture-claim"].model_dump(mode="json")
    assert data["answer"] == "Yes: in one fixture study only a little of the drug reached breast milk."
    assert data["history"] == [{"date": "2026-11-01", "previous_verdict": "mixed", "previous_certainty": "very-low",
                                "verdict": "supported", "certainty": "low", "change": "Verdict mixed to supported.",
                                "reason": "A second milk study agreed with the first."}]
    assert data["excluded_evidence"] == []


def test_excluded_evidence_cannot_also_be_cited(kbdir, capsys):
    edit(kbdir, CLAIM, "last_reviewed:", 'excluded_evidence:\n  - source: doe-2020-milk\n'
         '    reason: "Left out on purpose."\nlast_reviewed:')
    code, out = run_validate(kbdir, capsys)
    assert code == 1
    line = line_of(kbdir, CLAIM, "source: doe-2020-milk")
    assert f"{CLAIM}:{line}: excluded_evidence.0.source: 'doe-2020-milk' is also cited in evidence" in out


def test_verdict_without_evidence_is_an_error_but_unsupported_is_not(kbdir, capsys):
    text = (kbdir / CLAIM).read_text()
    start = text.index("evidence:")
    end = text.index("last_reviewed:")
    (kbdir / CLAIM).write_text(text[:start] + text[end:])
    code, out = run_validate(kbdir, capsys)
    assert code == 1
    line = line_of(kbdir, CLAIM, "verdict: supported")
    assert f"{CLAIM}:{line}: verdict: 'supported' needs at least one evidence link" in out
    edit(kbdir, CLAIM, "verdict: supported", "verdict: unsupported")
    edit(kbdir, CLAIM, 'answer: "Yes:', 'answer: "Not shown:')
    code, out = run_validate(kbdir, capsys)
    # now the study is uncited: a warning, not an error
    assert code == 0, out
    assert f"{STUDY}:1: warning: study 'doe-2020-milk' is not cited by any claim" in out


def test_duplicate_ids_and_pmids(kbdir, capsys):
    shutil.copy(kbdir / STUDY, kbdir / "studies/copy-2020-milk.yaml")
    edit(kbdir, "studies/copy-2020-milk.yaml", "key: doe-2020-milk", "key: copy-2020-milk")
    code, out = run_validate(kbdir, capsys)
    assert code == 1
    assert "studies/doe-2020-milk.yaml" in out or "studies/copy-2020-milk.yaml" in out
    assert "duplicate pmid 11111111" in out
    assert "duplicate doi" in out
    shutil.copy(kbdir / STUDY, kbdir / "studies/zz-dup.yaml")
    code, out = run_validate(kbdir, capsys)
    assert "studies/zz-dup.yaml:1: duplicate study key 'doe-2020-milk'" in out


def test_every_problem_is_reported_at_once(kbdir):
    edit(kbdir, CLAIM, "verdict: supported", "verdict: proven")
    edit(kbdir, STUDY, 'pmid: "11111111"', 'pmid: "x"')
    kb = validate(kbdir)
    paths = {p.path.split("/")[-2] + "/" + p.path.split("/")[-1] for p in kb.errors}
    assert {CLAIM, STUDY} <= paths


def test_catalog_claims_are_all_present_with_every_field(real_kb_dir, shared_dir):
    catalog = shared_dir / "claims-catalog.md"
    ids = re.findall(r"^\| ([a-z0-9-]+) \| [a-z-]+ \|", catalog.read_text(), flags=re.M)
    assert ids and len(set(ids)) == len(ids)  # the table was read, one row per claim (the catalog may grow)
    kb = validate(real_kb_dir)
    missing = [i for i in ids if i not in kb.claims]
    # every (distinct) catalog claim has a record, so the KB holds at least as many; it may hold more
    assert not missing, f"catalog claims without a record: {missing}"
    # the records say which claims are the catalog's, and none other says so (the checker reads the flag)
    assert {c.id for c in kb.claims.values() if c.catalog} == set(ids)
    for cid in ids:
        claim = kb.claims[cid]
        assert claim.bottom_line and claim.accurate_wording and claim.what_would_change and claim.what_copy_omits
        assert len(claim.phrasings) >= 3
        if claim.verdict != "unsupported":
            assert claim.evidence, cid


def test_claim_without_frames_is_a_warning_and_unknown_concepts_an_error(kbdir, capsys):
    code, out = run_validate(kbdir, capsys)
    assert code == 0
    assert f"{CLAIM}:1: warning: frames: none" in out
    edit(kbdir, CLAIM, "last_reviewed:", "frames:\n  - slots:\n      - {also: [breast milk]}\n"
         "      - {also: [tiny, trace]}\nlast_reviewed:")
    code, out = run_validate(kbdir, capsys)
    assert code == 0, out
    assert "frames: none" not in out
    edit(kbdir, CLAIM, "{also: [tiny, trace]}", "{concept: no-such-concept}")
    code, out = run_validate(kbdir, capsys)
    line = line_of(kbdir, CLAIM, "no-such-concept")
    assert code == 1
    assert f"{CLAIM}:{line}: frames.0.slots.1.concept: no concept 'no-such-concept'" in out
