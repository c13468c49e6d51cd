"""Home and method pages."""
from __future__ import annotations

from flask import Blueprint, render_template

from webui import pagedata
from webui.pagecache import cached_page
from webui.references import STYLE_COOKIE

bp = Blueprint("pages", __name__)


@bp.get("/")
@cached_page(STYLE_COOKIE)
def home():
    return render_template("home.html", **pagedata.home(), twin="api.home")


@bp.get("/method")
@cached_page(STYLE_COOKIE)
def method():
    return render_template("method.html", **pagedata.method(), twin="api.method")
