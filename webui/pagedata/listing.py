"""Paging, sorting and filter arguments, parsed once for every page and its JSON twin."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from flask import current_app, url_for

from kb.limits import LIST_MAX_PAGE

PAGE_MAX = LIST_MAX_PAGE  # one table of limits (kb/limits.py, docs/limits.md)
CLAIM_SORTS = ("design", "year")  # evidence-table orders on a claim page; the first is the default


def clamp_page(value: Any, default: int = 1, maximum: int = PAGE_MAX) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return default
    return min(max(n, 1), maximum)


def page_numbers(args: Mapping[str, Any]) -> tuple[int, int]:
    """?page= clamped to 1..10000 and ?per_page= to 1..MAX_PER_PAGE (default PER_PAGE)."""
    cfg = current_app.config
    return clamp_page(args.get("page")), min(clamp_page(args.get("per_page"), cfg["PER_PAGE"]), cfg["MAX_PER_PAGE"])


def choice(args: Mapping[str, Any], name: str, allowed: tuple[str, ...]) -> str:
    """A closed-vocabulary argument such as ?sort=: an unknown value falls back to the first allowed one."""
    value = args.get(name)
    return value if value in allowed else allowed[0]


@dataclass(frozen=True)
class ListArgs:
    page: int
    per_page: int
    filters: dict[str, str] = field(default_factory=dict)


def list_args(args: Mapping[str, Any], filters: tuple[str, ...] = ()) -> ListArgs:
    page, per_page = page_numbers(args)
    chosen = {f: str(args.get(f)).strip() for f in filters if args.get(f) and str(args.get(f)).strip()}
    return ListArgs(page, per_page, chosen)


def paginate(items: list[Any], page: int, per_page: int) -> tuple[list[Any], dict[str, int]]:
    total = len(items)
    pages = max(1, math.ceil(total / per_page)) if per_page else 1
    page = min(page, pages)
    start = (page - 1) * per_page
    return items[start:start + per_page], {"page": page, "per_page": per_page, "total": total, "pages": pages}


def page_of(items: list[Any], largs: ListArgs, endpoint: str) -> dict[str, Any]:
    """One page of `items` with its meta and self/next/prev links to `endpoint`."""
    chunk, meta = paginate(items, largs.page, largs.per_page)
    args = dict(largs.filters)

    def link(page: int) -> str:
        return url_for(endpoint, _external=True, page=page, per_page=largs.per_page, **args)

    links = {"self": link(meta["page"])}
    if meta["page"] < meta["pages"]:
        links["next"] = link(meta["page"] + 1)
    if meta["page"] > 1:
        links["prev"] = link(meta["page"] - 1)
    return {"items": chunk, "meta": {**meta, "filters": args}, "links": links}
