"""Home and method pages."""
from __future__ import annotations

from flask import Blueprint, render_template

from webui import pagedata

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    return render_template("home.html", **pagedata.home(), twin="api.home")


@bp.get("/method")
def method():
    return render_template("method.html", **pagedata.method(), twin="api.method")
