"""Citation downloads (RIS, BibTeX, CSL-JSON) for a study, a claim's studies, or a search's studies."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request

from kb.models import Study
from webui import engine as kbe, searching
from webui.citations import FORMATS, unique
from webui.present import sort_evidence

bp = Blueprint("export", __name__)
SEARCH_EXPORT_MAX = 500


def download(studies: list[Study], fmt: str, name: str) -> Response:
    f = FORMATS.get(fmt)
    if f is None:
        abort(404, description=f"Unknown citation format “{fmt}”: use ris, bib or json.")
    body = f.render(studies)
    charset = "; charset=utf-8"
    return Response(body, content_type=f.mimetype + charset,
                    headers={"Content-Disposition": f'attachment; filename="{name}.{f.ext}"'})


@bp.get("/studies/<key>/cite.<fmt>")
def study_cite(key: str, fmt: str):
    return download([kbe.study_or_404(key)], fmt, key)


@bp.get("/claims/<claim_id>/cite.<fmt>")
def claim_cite(claim_id: str, fmt: str):
    claim = kbe.claim_or_404(claim_id)
    studies = [s for _, s in sort_evidence(kbe.linked_evidence(claim), "design")]
    return download(unique(studies), fmt, f"{claim.id}-studies")


def search_studies(params: dict) -> list[Study]:
    """Every study among the search's results (all pages), in rank order."""
    curated = kbe.curated_studies()
    params = {**params, "type": "study", "per_page": current_app.config["MAX_PER_PAGE"]}
    out: list[Study] = []
    page = 1
    while len(out) < SEARCH_EXPORT_MAX:
        result = searching.run({**params, "page": page})
        out += [curated[r["id"]] for r in result["results"] if r["type"] == "study" and r["id"] in curated]
        if page >= result.get("pages", 1) or not result["results"]:
            break
        page += 1
    return unique(out)[:SEARCH_EXPORT_MAX]


@bp.get("/search/cite.<fmt>")
def search_cite(fmt: str):
    if fmt not in FORMATS:
        abort(404, description=f"Unknown citation format “{fmt}”: use ris, bib or json.")
    params = searching.params_from(request.args)
    return download(search_studies(params), fmt, "search-studies")
