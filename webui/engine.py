"""Access to the search engine and to the knowledge-base snapshot it indexed.

The engine lives in `app.extensions["evidence_engine"]` and is created on first use, not at import or
in `create_app`, so building the app stays cheap. A request reads one snapshot (kept in `g`), so every
page it renders agrees with the index the search ran on. Draft studies are never shown.
"""
from __future__ import annotations

import threading
from typing import Any

from flask import abort, current_app, g

from kb.models import Claim, Study

EXTENSION_KEY = "evidence_engine"
_lock = threading.Lock()


def get_engine() -> Any:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    engine = app.extensions.get(EXTENSION_KEY)
    if engine is None:
        with _lock:
            engine = app.extensions.get(EXTENSION_KEY)
            if engine is None:
                engine = app.config.get("ENGINE") or build_engine(app.config.get("KB_DIR"), app.config.get("INDEX_DIR"))
                app.extensions[EXTENSION_KEY] = engine
    return engine


def build_engine(kb_dir: Any = None, index_dir: Any = None) -> Any:
    from indexer.engine import Engine

    return Engine(kb_dir=kb_dir, index_dir=index_dir)


def snapshot() -> Any:
    if "kb_snapshot" not in g:
        g.kb_snapshot = get_engine().snapshot()
    return g.kb_snapshot


def knowledge_base() -> Any:
    return snapshot().kb


def fingerprint() -> str:
    return str(snapshot().fingerprint)


def curated_studies() -> dict[str, Study]:
    return {k: s for k, s in knowledge_base().studies.items() if s.status == "curated"}


def claims() -> dict[str, Claim]:
    return knowledge_base().claims


def claim_or_404(claim_id: str) -> Claim:
    claim = claims().get(claim_id)
    if claim is None:
        abort(404, description=f"There is no claim with the id “{claim_id}”.")
    return claim


def study_or_404(key: str) -> Study:
    study = curated_studies().get(key)
    if study is None:
        abort(404, description=f"There is no published study with the key “{key}”.")
    return study


def linked_evidence(claim: Claim) -> list[tuple[Any, Study]]:
    """The claim's evidence links whose study is curated, each with its study."""
    studies = curated_studies()
    return [(link, studies[link.study]) for link in claim.evidence if link.study in studies]


def claims_citing(key: str) -> list[Claim]:
    return [c for c in sorted(claims().values(), key=lambda c: c.id) if any(e.study == key for e in c.evidence)]


def topic_label(slug: str) -> str:
    vocab = knowledge_base().vocabulary
    topic = vocab.topic(slug) if vocab else None
    return topic.label if topic else slug.replace("-", " ").capitalize()
