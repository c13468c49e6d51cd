"""Home and method pages."""
from __future__ import annotations

from flask import Blueprint, render_template

from webui import engine as kbe

bp = Blueprint("pages", __name__)


def claims_by_topic() -> list[dict]:
    """Every claim grouped by its primary topic, topics in vocabulary order."""
    kb = kbe.knowledge_base()
    groups = kb.claims_by_topic()
    order = [t.slug for t in kb.vocabulary.topics] if kb.vocabulary else []
    slugs = [s for s in order if s in groups] + sorted(s for s in groups if s not in order)
    return [{"slug": s, "label": kbe.topic_label(s), "claims": groups[s]} for s in slugs]


@bp.get("/")
def home():
    return render_template("home.html", groups=claims_by_topic(), twin="api.home")


@bp.get("/method")
def method():
    return render_template("method.html", twin="api.method")
