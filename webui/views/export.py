"""Citation downloads (RIS, BibTeX, CSL-JSON) for a study, a claim's studies, or a search's studies,
and the reader's choice of reference style (remembered in a cookie)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, redirect, request

from kb.models import Study
from webui import engine as kbe, searching
from webui.citations import FORMATS, unique
from webui.present import sort_evidence
from webui.references import STYLE_COOKIE, STYLES, style_choices

bp = Blueprint("export", __name__)
SEARCH_EXPORT_MAX = 500
STYLE_COOKIE_AGE = 365 * 24 * 3600


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


def _local_path(target: str | None) -> str:
    """Only a path on this site ("/claims/x?y"), never another host: an open redirect is a phishing aid."""
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//") or "\\" in target:
        return "/"
    return parts.path + (f"?{parts.query}" if parts.query else "")


@bp.get("/citation-style/<style>")
def citation_style(style: str):
    """Remember the reader's reference style (AMA or Vancouver) and go back to the page they were on."""
    if style not in STYLES:
        abort(404, description=f"Unknown reference style “{style}”: use {' or '.join(STYLES)}.")
    response = redirect(_local_path(request.args.get("next")), code=303)
    response.set_cookie(STYLE_COOKIE, style, max_age=STYLE_COOKIE_AGE, samesite="Lax", httponly=True,
                        secure=request.is_secure)
    return response


@bp.record_once
def _template_globals(state) -> None:
    # A global, not a context processor: the cite_links macro is imported without context.
    state.app.jinja_env.globals["reference_styles"] = style_choices
