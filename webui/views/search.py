"""Search results page."""
from __future__ import annotations

from flask import Blueprint, render_template, request, url_for

from webui import pagedata, searching
from webui.pagecache import cached_page
from webui.references import STYLE_COOKIE

bp = Blueprint("search", __name__)


@bp.get("/search")
@cached_page(STYLE_COOKIE)
def results():
    data = pagedata.search(request.args)
    params, result = data["params"], data["result"]
    facets = searching.facet_lists(result, params)
    query_args = searching.link_params(params, page=1)
    suggestion_url = (url_for("search.results", **searching.link_params(params, q=result["suggestion"], page=1))
                      if result.get("suggestion") else None)
    return render_template(
        "search.html", **data, facets=facets, active=searching.active_filters(facets),
        page_url=lambda p: url_for("search.results", **searching.link_params(params, page=p)),
        suggestion_url=suggestion_url,
        cite_args={k: v for k, v in query_args.items() if k not in ("page", "per_page")},
        hidden={k: params[k] for k in searching.FACETS if params.get(k)},
        twin_args=query_args, twin="api.search",
    )
