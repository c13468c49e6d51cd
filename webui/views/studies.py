"""Study pages: the list and one study with every claim it bears on."""
from __future__ import annotations

from flask import Blueprint, render_template

from webui import engine as kbe
from webui.present import design_rank
from webui.references import format_reference

bp = Blueprint("studies", __name__)


def ordered_studies() -> list:
    return sorted(kbe.curated_studies().values(), key=lambda s: (-design_rank(s.design), -(s.year or 0), s.key))


@bp.get("/studies")
def index():
    return render_template("studies.html", studies=ordered_studies(), twin="api.studies")


@bp.get("/studies/<key>")
def study(key: str):
    s = kbe.study_or_404(key)
    bearing = [(c, link) for c in kbe.claims_citing(s.key) for link in c.evidence if link.study == s.key]
    return render_template("study.html", study=s, reference=format_reference(s), bearing=bearing,
                           twin="api.study", twin_args={"key": s.key})
