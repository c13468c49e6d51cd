"""Topic pages: the topics and one topic's claims and studies."""
from __future__ import annotations

from flask import Blueprint, abort, render_template

from webui import engine as kbe
from webui.present import design_rank

bp = Blueprint("topics", __name__)


def topic_data(slug: str) -> dict:
    kb = kbe.knowledge_base()
    topic = kb.vocabulary.topic(slug) if kb.vocabulary else None
    if topic is None:
        abort(404, description=f"There is no topic “{slug}”.")
    claims = sorted((c for c in kb.claims.values() if slug in c.topics), key=lambda c: (c.primary_topic != slug, c.id))
    studies = sorted((s for s in kbe.curated_studies().values() if slug in s.topics),
                     key=lambda s: (-design_rank(s.design), -(s.year or 0), s.key))
    return {"topic": topic, "claims": claims, "studies": studies}


def all_topics() -> list[dict]:
    kb = kbe.knowledge_base()
    out = []
    for t in (kb.vocabulary.topics if kb.vocabulary else []):
        n_claims = sum(1 for c in kb.claims.values() if t.slug in c.topics)
        n_studies = sum(1 for s in kbe.curated_studies().values() if t.slug in s.topics)
        out.append({"topic": t, "claims": n_claims, "studies": n_studies})
    return out


@bp.get("/topics")
def index():
    return render_template("topics.html", topics=all_topics(), twin="api.topics")


@bp.get("/topics/<slug>")
def topic(slug: str):
    return render_template("topic.html", **topic_data(slug), twin="api.topic", twin_args={"slug": slug})
