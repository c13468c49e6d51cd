"""Claim pages: the list and one claim with its evidence, charts, references and ClaimReview."""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from webui import charts, engine as kbe, jsonld
from webui.present import sort_evidence
from webui.references import format_reference

bp = Blueprint("claims", __name__)


@bp.get("/claims")
def index():
    claims = sorted(kbe.claims().values(), key=lambda c: c.id)
    return render_template("claims.html", claims=claims, twin="api.claims")


@bp.get("/claims/<claim_id>")
def claim(claim_id: str):
    c = kbe.claim_or_404(claim_id)
    sort = request.args.get("sort", "design")
    sort = sort if sort in ("year", "design") else "design"
    rows = sort_evidence(kbe.linked_evidence(c), sort)
    by_design = sort_evidence(rows, "design")
    permalink = url_for("claims.claim", claim_id=c.id, _external=True)
    related = [kbe.claims()[r] for r in c.related_claims if r in kbe.claims()]
    return render_template(
        "claim.html", claim=c, rows=rows, sort=sort, permalink=permalink, related=related,
        references=[(study, format_reference(study)) for _, study in by_design],
        chart=charts.evidence_chart(by_design, uid="evidence-chart"),
        forest=charts.forest_plot(by_design, uid="forest-plot"), forest_rows=charts.forest_rows(by_design),
        ld=jsonld.script_json(jsonld.claim_review(c, permalink)),
        twin="api.claim", twin_args={"claim_id": c.id},
    )
