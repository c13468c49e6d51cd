"""Claim pages: the list and one claim with its answer, evidence, charts, history, references and ClaimReview."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from webui import charts, jsonld, pagedata
from webui.pagecache import cached_page
from webui.references import STYLE_COOKIE

bp = Blueprint("claims", __name__)


@bp.get("/claims")
@cached_page(STYLE_COOKIE)
def index():
    data = pagedata.claims(request.args)
    return render_template("claims.html", claims=data["claims"], twin="api.claims", twin_args=data["listing"]["meta"]["filters"])


@bp.get("/claims/<claim_id>")
@cached_page(STYLE_COOKIE)
def claim(claim_id: str):
    data = pagedata.claim(claim_id, request.args)
    c, by_design = data["claim"], data["by_design"]
    return render_template(
        "claim.html", **data,
        chart=charts.evidence_chart(by_design, uid="evidence-chart"),
        forest_svg=charts.forest_plot(by_design, uid="forest-plot"), forest_direction=charts.DIRECTION_TEXT,
        ld=jsonld.script_json(jsonld.claim_review(c, data["permalink"], data["date_modified"])),
        twin="api.claim", twin_args={"claim_id": c.id},
    )
