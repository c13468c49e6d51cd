"""The web app's protective layer, registered once by `create_app` (a small set of hooks rather than
flask-talisman):

* security headers on every response;
* the Host header is never trusted for links: with EVIDENCE_KB_PUBLIC_URL every absolute URL
  (canonical links, OpenAPI servers, API links) is built from it, and requests naming any other
  host than the allowed ones get 400 (Flask's TRUSTED_HOSTS); over HTTPS the session cookie is
  `Secure`;
* cross-site POSTs to the JSON API are refused (403) by `Origin` / `Sec-Fetch-Site`, since a
  cross-site HTML form can send multipart bodies; the HTML form keeps its CSRF token;
* JSON bodies that nest too deeply, or text that cannot be encoded (a lone surrogate), are a 400
  or are repaired, never a 500;
* the bounded work pool and the shared check-rate counter (webui/inputs.py).
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest, Forbidden

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: Flask-WTF's CSRF check needs a same-origin Referer over HTTPS.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")


class SafeJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing bodies nested past the parser's recursion limit (400, not a 500) and
    writing text with lone surrogates (valid in a JSON string, not in UTF-8) as U+FFFD."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return json.loads(s, **kwargs)
        except RecursionError:
            raise BadRequest("The JSON body is nested too deeply.") from None

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        text = super().dumps(obj, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        return text


class PublicURL:
    """WSGI middleware: every request is seen as addressed to the public base URL (scheme and host),
    whatever Host header it carried, so no link can be poisoned through that header."""

    def __init__(self, wsgi_app, public_url: str):
        parts = urlsplit(public_url)
        self.wsgi_app, self.scheme, self.host = wsgi_app, parts.scheme or "https", parts.netloc

    def __call__(self, environ, start_response):
        environ["HTTP_HOST"] = self.host
        environ["wsgi.url_scheme"] = self.scheme
        return self.wsgi_app(environ, start_response)


def _origin_host(value: str) -> str | None:
    parts = urlsplit(value)
    return parts.netloc.lower() if parts.scheme in ("http", "https") and parts.netloc else None


def configure(app: Flask) -> None:
    """Settings-derived config: allowed hosts, the public URL, the cookie flags."""
    public = (app.config.get("PUBLIC_URL") or "").rstrip("/")
    hosts = list(LOCAL_HOSTS) + list(app.config.get("ALLOWED_HOSTS") or ())
    if public:
        parts = urlsplit(public)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"EVIDENCE_KB_PUBLIC_URL must be an http(s) URL, got {public!r}")
        hosts.append(parts.hostname)
        app.wsgi_app = PublicURL(app.wsgi_app, public)  # type: ignore[method-assign]
        app.config["PREFERRED_URL_SCHEME"] = parts.scheme
        if parts.scheme == "https":
            app.config["SESSION_COOKIE_SECURE"] = True
    if app.config.get("TRUSTED_HOSTS") is None:  # an app may set its own list (Flask's setting)
        app.config["TRUSTED_HOSTS"] = hosts


def register(app: Flask) -> None:
    provider = SafeJSONProvider(app)
    provider.sort_keys, provider.ensure_ascii = app.json.sort_keys, app.json.ensure_ascii
    app.json = provider
    configure(app)
    from webui import inputs

    inputs.init_app(app)

    @app.before_request
    def _refuse_cross_site_api_posts():
        if request.method != "POST" or not request.path.startswith("/api/"):
            return None
        fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
        if fetch_site in ("cross-site", "same-site"):
            raise Forbidden("Cross-site requests to the API are refused. Call it from a program, or use the form.")
        origin = request.headers.get("Origin")
        if origin is not None and _origin_host(origin) != request.host.lower():
            raise Forbidden("Requests from another site's page are refused. Call the API from a program, "
                            "or use the form on this site.")
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.path.startswith(("/check/", "/api/check")):
            response.headers.setdefault("Cache-Control", "no-store")  # reports hold the user's text
        if app.config.get("SESSION_COOKIE_SECURE"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
