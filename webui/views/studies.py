"""Study pages: the list and one study with every claim it bears on."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from webui import pagedata
from webui.pagecache import cached_page
from webui.references import STYLE_COOKIE

bp = Blueprint("studies", __name__)


@bp.get("/studies")
@cached_page(STYLE_COOKIE)
def index():
    data = pagedata.studies(request.args)
    return render_template("studies.html", studies=data["studies"], twin="api.studies",
                           twin_args=data["listing"]["meta"]["filters"])


@bp.get("/studies/<key>")
@cached_page(STYLE_COOKIE)
def study(key: str):
    data = pagedata.study(key)
    return render_template("study.html", **data, twin="api.study", twin_args={"key": data["study"].key})
