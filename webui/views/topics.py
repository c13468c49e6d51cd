"""Topic pages: the topics, and one topic opening with the answer to its question across its claims."""
from __future__ import annotations

from flask import Blueprint, render_template

from webui import pagedata
from webui.pagecache import cached_page
from webui.references import STYLE_COOKIE

bp = Blueprint("topics", __name__)


@bp.get("/topics")
@cached_page(STYLE_COOKIE)
def index():
    return render_template("topics.html", **pagedata.topics(), twin="api.topics")


@bp.get("/topics/<slug>")
@cached_page(STYLE_COOKIE)
def topic(slug: str):
    return render_template("topic.html", **pagedata.topic(slug), twin="api.topic", twin_args={"slug": slug})
