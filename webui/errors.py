"""App-level error handlers: a JSON error object under /api/, a friendly HTML page elsewhere.

Registered on the app, not on a blueprint, so unknown URLs under /api/ also get JSON. Never a stack trace.
"""
from __future__ import annotations

import logging

from flask import Flask, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from indexer.engine import IndexUnavailable

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    406: "not_acceptable", 408: "request_timeout", 410: "gone", 413: "payload_too_large", 414: "uri_too_long",
    415: "unsupported_media_type", 422: "unprocessable", 429: "rate_limited", 500: "internal_error",
    502: "bad_gateway", 503: "unavailable",
}
FRIENDLY = {
    400: ("The request could not be understood", "Something in the request was missing or malformed."),
    404: ("Page not found", "There is nothing at this address. The claim or study may have been renamed or removed."),
    403: ("Not allowed", "This request is not allowed."),
    410: ("Gone", "What was here has expired or been removed."),
    405: ("Method not allowed", "This address does not accept that kind of request."),
    413: ("Too large", "The upload or text is larger than this service accepts (2 MiB). Send a shorter document or paste the relevant part."),
    415: ("Unsupported file type", "This kind of file cannot be read. Use .txt, .md, .html or .docx."),
    429: ("Too many requests", "You have sent many requests in a short time. Wait a minute and try again."),
    503: ("Busy", "The service is busy right now. Try again in a few seconds."),
    500: ("Something went wrong", "An unexpected error occurred. It has been logged; please try again later."),
}


def wants_json() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(status: int, message: str, code: str | None = None, headers: dict | None = None):
    code = code or CODES.get(status, "error")
    if wants_json():
        resp = jsonify({"error": {"code": code, "message": message}})
    else:
        title, default = FRIENDLY.get(status, ("Error", message))
        resp = make_response(render_template("error.html", status=status, title=title, message=message or default))
    resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def _message(e: HTTPException) -> str:
    status = e.code or 500
    default = type(e).description
    desc = e.description if e.description and e.description != default else None
    if status in FRIENDLY and not desc:
        return FRIENDLY[status][1]
    return desc or default or FRIENDLY.get(status, ("", "Error"))[1]


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(e: CSRFError):
        return error_response(400, f"The form could not be accepted ({e.description}) Reload the page and send it again.",
                              code="csrf_failed")

    @app.errorhandler(HTTPException)
    def _http(e: HTTPException):
        status = e.code or 500
        headers = {}
        if status == 405 and getattr(e, "valid_methods", None):
            headers["Allow"] = ", ".join(e.valid_methods)
        if status in (429, 503):
            headers["Retry-After"] = str(getattr(e, "retry_after", None) or (60 if status == 429 else 5))
        if status >= 500:
            # 503 is the check pool shedding load (webui/workpool.py): expected under load, not a fault.
            (log.warning if status == 503 else log.error)("HTTP %s on %s: %s", status, request.path, e)
            return error_response(status, FRIENDLY[500][1] if status == 500 else _message(e), headers=headers)
        return error_response(status, _message(e), headers=headers)

    @app.errorhandler(IndexUnavailable)
    def _index_unavailable(e: IndexUnavailable):
        # the build being repaired or replaced under the server: a passing state the engine is already mending
        log.warning("index unavailable on %s: %s", request.path, e)
        return error_response(503, str(e) or FRIENDLY[503][1], headers={"Retry-After": "5"})

    @app.errorhandler(Exception)
    def _unexpected(e: Exception):
        log.exception("unhandled error on %s", request.path)
        return error_response(500, FRIENDLY[500][1])

    @app.errorhandler(InternalServerError)
    def _ise(e: InternalServerError):
        log.error("internal error on %s: %s", request.path, getattr(e, "original_exception", e))
        return error_response(500, FRIENDLY[500][1])
