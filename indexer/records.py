"""The validated records stored beside each index build (records.json), so a snapshot
answers from exactly the records its index was built from, even while the YAML is edited."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from kb.loader import KnowledgeBase
from kb.models import Claim, ConceptLexicon, Study, Vocabulary

RECORDS_FILE = "records.json"
_claims_adapter = TypeAdapter(dict[str, Claim])
_studies_adapter = TypeAdapter(dict[str, Study])


def save_records(path: Path, kb: KnowledgeBase) -> None:
    data = {
        "claims": _claims_adapter.dump_python(kb.claims, mode="json"),
        "studies": _studies_adapter.dump_python(kb.curated_studies, mode="json"),
        "vocabulary": kb.vocabulary.model_dump(mode="json") if kb.vocabulary else None,
        "concepts": kb.concepts.model_dump(mode="json") if kb.concepts else None,
    }
    (path / RECORDS_FILE).write_text(json.dumps(data, ensure_ascii=False))


def load_records(path: Path) -> KnowledgeBase:
    raw = (path / RECORDS_FILE).read_bytes()
    data = json.loads(raw)
    kb = KnowledgeBase(root=path)
    kb.claims = _claims_adapter.validate_json(json.dumps(data["claims"]))
    kb.studies = _studies_adapter.validate_json(json.dumps(data["studies"]))
    if data.get("vocabulary"):
        kb.vocabulary = Vocabulary.model_validate_json(json.dumps(data["vocabulary"]))
    if data.get("concepts"):
        kb.concepts = ConceptLexicon.model_validate_json(json.dumps(data["concepts"]))
    return kb
