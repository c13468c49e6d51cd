"""Search parameters from a request, the engine call, and facet toggle links."""
from __future__ import annotations

import re
from typing import Any, Mapping
from urllib.parse import urlencode

from flask import abort, current_app, url_for

from webui import engine as kbe
from webui.pagecache import dont_keep_page
from webui.pagedata.listing import page_numbers

FACETS = ("type", "topic", "verdict", "design", "year")
_VALUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .%-]{0,79}$")


def params_from(args: Mapping[str, str]) -> dict[str, Any]:
    # A long query is cut by the engine with a message (kb.limits.QUERY_MAX_CHARS), as on the CLI;
    # waitress refuses a request line over HEADER_MAX_BYTES before it gets here.
    q = (args.get("q") or "").strip()
    params: dict[str, Any] = {"q": q}
    for f in FACETS:
        value = (args.get(f) or "").strip()
        if value:
            if not _VALUE.match(value):
                abort(400, description=f"The {f} filter “{value[:80]}” is not valid.")
            params[f] = value
    params["page"], params["per_page"] = page_numbers(args)
    return params


def run(params: dict[str, Any]) -> dict[str, Any]:
    kwargs = {f: params.get(f) for f in FACETS}
    try:
        result = kbe.get_engine().search(params["q"], page=params["page"], per_page=params["per_page"], **kwargs)
    except ValueError as exc:
        abort(400, description=str(exc))
    if result.timed_out:
        dont_keep_page()  # a slow moment's partial results must not be served for the rest of the build
    return result.to_dict()


def link_params(params: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """Query-string values for a link: drop empties and the default page/per_page."""
    out = {**params, **changes}
    if out.get("page") == 1:
        out.pop("page")
    if out.get("per_page") == current_app.config["PER_PAGE"]:
        out.pop("per_page")
    return {k: v for k, v in out.items() if v not in (None, "")}


def _strip_filter(q: str, name: str, value: str) -> str:
    pattern = rf'(?<!\S){re.escape(name)}:(?:"{re.escape(value)}"|{re.escape(value)})(?!\S)'
    return " ".join(re.sub(pattern, " ", q, flags=re.I).split())


# What Werkzeug leaves unescaped in a query string (werkzeug.urls._urlencode), so `with_query`
# writes the same links as url_for.
_QUERY_SAFE = "!$'()*,/:;?@"


def with_query(base: str, query: dict[str, Any]) -> str:
    """`base` (a url_for result without arguments) with `query` appended, exactly as url_for writes it.

    A search page has 50 or more facet links; building each with url_for cost ~12 ms of the page's
    CPU, routing the same endpoint every time. The path is looked up once, the query is encoded here.
    """
    items = [(k, v) for k, v in query.items() if v is not None]
    return base + ("?" + urlencode(items, safe=_QUERY_SAFE) if items else "")


def toggle_url(params: dict[str, Any], filters: dict[str, Any], name: str, value: str, endpoint: str = "search.results",
               base: str | None = None) -> tuple[str, bool]:
    """The link that switches facet `name`=`value` on or off, and whether it is on now."""
    value = str(value)
    active = str(params.get(name) or "") == value or str(filters.get(name) or "") == value
    changes: dict[str, Any] = {"page": 1}
    if active:
        changes[name] = None
        if str(filters.get(name) or "") == value and str(params.get(name) or "") != value:
            changes["q"] = _strip_filter(params["q"], name, value)
    else:
        changes[name] = value
    return with_query(base or url_for(endpoint), link_params(params, **changes)), active


def facet_lists(result: dict[str, Any], params: dict[str, Any]) -> list[dict[str, Any]]:
    from webui.present import VERDICTS, design_label

    labels = {
        "type": lambda v: {"claim": "Claims", "study": "Studies"}.get(v, v),
        "topic": kbe.topic_label,
        "verdict": lambda v: VERDICTS[v].label if v in VERDICTS else v,
        "design": design_label,
        "year": str,
    }
    titles = {"type": "Type", "topic": "Topic", "verdict": "Verdict", "design": "Study design", "year": "Year"}
    filters = result.get("filters") or {}
    base = url_for("search.results")
    out = []
    for name in FACETS:
        counts = (result.get("facets") or {}).get(name) or {}
        if name == "year":
            items = sorted(counts.items(), key=lambda kv: str(kv[0]), reverse=True)
        else:
            items = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        entries = []
        for value, count in items:
            href, active = toggle_url(params, filters, name, str(value), base=base)
            entries.append({"value": str(value), "label": labels[name](str(value)), "count": count, "href": href, "active": active})
        active_value = filters.get(name) or params.get(name)
        if active_value and not any(e["active"] for e in entries):
            href, _ = toggle_url(params, {**filters, name: active_value}, name, str(active_value), base=base)
            entries.insert(0, {"value": str(active_value), "label": labels[name](str(active_value)), "count": 0,
                               "href": href, "active": True})
        if entries:
            out.append({"name": name, "title": titles[name], "entries": entries, "verdict": name == "verdict"})
    return out


def active_filters(facets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": f["name"], "title": f["title"], **e} for f in facets for e in f["entries"] if e["active"]]
