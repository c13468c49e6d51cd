"""Every limit of the service, defined once and read by every front end (CLI, web, JSON API).

Each limit says what it bounds and why that value; docs/limits.md lists the same table (a test
checks that every name here appears there). A limit is a constant, not a setting: changing one
changes what the service promises, so it goes through review. The web app copies the ones it
needs into `app.config` so tests can lower them for one app.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    name: str
    value: float
    unit: str
    help: str


LIMITS: tuple[Limit, ...] = (
    # -- search ------------------------------------------------------------------------------
    Limit("QUERY_MAX_CHARS", 300, "characters",
          "a longer query is cut to this length with a message (CLI and web alike), never refused"),
    Limit("SEARCH_MAX_PAGE", 1000, "page", "deeper result pages are clamped to this page"),
    Limit("LIST_MAX_PAGE", 10_000, "page", "listing pages (claims, studies) are clamped to this page"),
    Limit("PER_PAGE", 10, "results", "results per page unless asked otherwise"),
    Limit("MAX_PER_PAGE", 50, "results", "per_page is clamped to 1..this"),
    Limit("SEARCH_TIME_LIMIT_S", 1.0, "seconds", "a search stops collecting after this and says so"),
    # -- checking copy -----------------------------------------------------------------------
    Limit("CHECK_MAX_CHARS", 200_000, "characters",
          "text past this is not checked; every report (page, Markdown, JSON, CLI exit status 4) says so"),
    Limit("DOCUMENT_MAX_BYTES", 5_000_000, "bytes", "a file or standard input read by kb check"),
    Limit("REQUEST_MAX_BYTES", 2 * 1024 * 1024, "bytes",
          "a whole web request (upload or JSON); refused by Content-Length before the body is read"),
    Limit("DOCX_MAX_UNZIPPED_BYTES", 20_000_000, "bytes", "a .docx's XML once unpacked"),
    Limit("DOCX_MAX_ELEMENTS", 500_000, "XML elements", "elements read from a .docx's document.xml"),
    Limit("EXTRACT_MAX_SECONDS", 10.0, "seconds", "reading one document (any format) stops after this"),
    # -- expensive work in the web server ----------------------------------------------------
    Limit("WORK_POOL_WORKERS", 2, "threads", "checks, uploads and URL fetches run at most this many at once"),
    Limit("WORK_POOL_QUEUE", 8, "requests", "more waiting than this are refused at once (503, Retry-After)"),
    Limit("WORK_PER_CLIENT", 1, "requests", "expensive requests one client address may have running or waiting"),
    Limit("WORK_DEADLINE_S", 45.0, "seconds",
          "a check not finished by then is answered 503 (its thread is released to serve pages)"),
    Limit("FETCH_MAX_BYTES", 2_000_000, "bytes", "a fetched web page, after decompression"),
    Limit("FETCH_DEADLINE_S", 20.0, "seconds", "fetching one web page, redirects included"),
    Limit("PAGE_SLOTS", 2, "requests",
          "pages rendered at once; more wait in line, first come first served (webui/pagegate.py)"),
    Limit("PAGE_SLOT_WAIT_S", 10.0, "seconds", "a page that waits longer than this in line is answered 503"),
    Limit("PAGE_CACHE_MAX_BYTES", 64 * 1024 * 1024, "bytes",
          "rendered read-only pages kept in memory per index build (webui/pagecache.py); 0 turns it off"),
    # -- connections (waitress) --------------------------------------------------------------
    Limit("CONNECTION_LIMIT", 1000, "connections", "open connections in total"),
    Limit("CONNECTIONS_PER_CLIENT", 40, "connections", "open connections from one address; more are closed"),
    Limit("REQUEST_READ_TIMEOUT_S", 15.0, "seconds",
          "a request's headers and body must arrive within this (slow senders are cut off)"),
    Limit("IDLE_TIMEOUT_S", 30.0, "seconds", "an idle keep-alive connection is closed after this"),
    Limit("HEADER_MAX_BYTES", 65_536, "bytes", "request line and headers"),
    # -- index -------------------------------------------------------------------------------
    Limit("REFRESH_INTERVAL_S", 2.0, "seconds", "how often a server looks for changed record files"),
    Limit("RECORD_MAX_BYTES", 1_000_000, "bytes", "one YAML record file"),
    # -- the web UI's database: stored check reports and problem reports (webui/db.py) ----------
    Limit("REPORT_MAX_BYTES", 1_048_576, "bytes",
          "one stored check report, compressed; a larger one is not kept (413, back to the form)"),
    Limit("REPORT_MAX_COUNT", 5000, "reports", "stored check reports; past this the oldest are evicted"),
    Limit("REPORT_MAX_TOTAL_BYTES", 268_435_456, "bytes",
          "all stored check reports together; past this the oldest are evicted"),
    Limit("FEEDBACK_MESSAGE_MAX_CHARS", 2000, "characters", "what is wrong, in a problem report"),
    Limit("FEEDBACK_SOURCE_MAX_CHARS", 500, "characters", "the optional source of a problem report"),
    Limit("FEEDBACK_MAX_OPEN", 10_000, "reports",
          "open problem reports; more are refused (503) until curators close some (kb feedback close)"),
)
BY_NAME = {lim.name: lim for lim in LIMITS}


def limit(name: str) -> float:
    return BY_NAME[name].value


def int_limit(name: str) -> int:
    return int(BY_NAME[name].value)


# The ones read most often, as module constants.
QUERY_MAX_CHARS = int_limit("QUERY_MAX_CHARS")
SEARCH_MAX_PAGE = int_limit("SEARCH_MAX_PAGE")
LIST_MAX_PAGE = int_limit("LIST_MAX_PAGE")
PER_PAGE = int_limit("PER_PAGE")
MAX_PER_PAGE = int_limit("MAX_PER_PAGE")
CHECK_MAX_CHARS = int_limit("CHECK_MAX_CHARS")
DOCUMENT_MAX_BYTES = int_limit("DOCUMENT_MAX_BYTES")
REQUEST_MAX_BYTES = int_limit("REQUEST_MAX_BYTES")


def markdown_table() -> str:
    """The table docs/limits.md shows (regenerate with `python -m kb.limits`)."""
    rows = ["| limit | value | unit | what it bounds |", "| --- | --- | --- | --- |"]
    for lim in LIMITS:
        value = f"{lim.value:,g}" if isinstance(lim.value, float) and not lim.value.is_integer() else f"{int(lim.value):,}"
        rows.append(f"| `{lim.name}` | {value} | {lim.unit} | {lim.help} |")
    return "\n".join(rows)


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table())
