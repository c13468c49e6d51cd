"""The Evidence KB web UI: a Flask app factory (flaskr style) with one blueprint per area.

`create_app()` is cheap: it does not open the search index. The search engine is created on the
first request that needs it (see `webui.engine`), or injected by tests through `config["ENGINE"]`.
"""
from __future__ import annotations

import secrets
from typing import Any

from flask import Flask

from kb import limits, settings


def default_config() -> dict[str, Any]:
    return {
        # Signs the session cookie that carries the CSRF token. Without the environment variable a
        # random key is made per process: forms then stop working across a restart, which is harmless.
        "SECRET_KEY": settings.value("EVIDENCE_KB_SECRET_KEY") or secrets.token_hex(32),
        "MAX_CONTENT_LENGTH": limits.REQUEST_MAX_BYTES,  # uploads up to 2 MiB; larger requests get 413
        "MAX_FORM_MEMORY_SIZE": limits.REQUEST_MAX_BYTES,
        "MAX_FORM_PARTS": 50,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "KB_DIR": None,  # None: kb.settings decides (argument, $EVIDENCE_KB_DIR, shipped records)
        "INDEX_DIR": None,
        "ENGINE": None,  # tests may inject an engine object here
        # per client address, on the POSTs of /check and /api/check (e.g. "120/minute")
        "CHECK_RATE_LIMIT": settings.value("EVIDENCE_KB_CHECK_RATE_LIMIT"),
        # links and cookies from the public URL, never from the Host header (webui/security.py)
        "PUBLIC_URL": settings.value("EVIDENCE_KB_PUBLIC_URL"),
        "ALLOWED_HOSTS": settings.listed("EVIDENCE_KB_ALLOWED_HOSTS"),
        "FETCH_ALLOW_HOSTS": settings.listed("EVIDENCE_KB_FETCH_ALLOW_HOSTS"),
        # the bounded pool for checks, uploads and URL fetches (webui/workpool.py, docs/limits.md)
        "WORK_POOL_WORKERS": limits.int_limit("WORK_POOL_WORKERS"),
        "WORK_POOL_QUEUE": limits.int_limit("WORK_POOL_QUEUE"),
        "WORK_PER_CLIENT": limits.int_limit("WORK_PER_CLIENT"),
        "WORK_DEADLINE_S": limits.limit("WORK_DEADLINE_S"),
        # the pool's work in lower-priority worker processes (webui/checkprocs.py); `kb serve` turns it on
        "WORK_IN_PROCESSES": False,
        "PAGE_CACHE_MAX_BYTES": limits.int_limit("PAGE_CACHE_MAX_BYTES"),  # webui/pagecache.py
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "CHECK_MAX_CHARS": limits.CHECK_MAX_CHARS,  # text past this is cut, and the report says so
        "PER_PAGE": limits.PER_PAGE,
        "MAX_PER_PAGE": limits.MAX_PER_PAGE,
        "QUERY_MAX_CHARS": limits.QUERY_MAX_CHARS,
        "SITE_NAME": "Evidence KB",
    }


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(default_config())
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    from webui.extensions import csrf, limiter
    from webui import errors, security, present
    from webui.views import api, check, claims, export, pages, search, studies, topics

    csrf.init_app(app)
    limiter.init_app(app)
    for bp in (pages.bp, search.bp, claims.bp, studies.bp, topics.bp, check.bp, export.bp, api.bp):
        app.register_blueprint(bp)
    csrf.exempt(api.bp)  # the JSON API accepts only application/json or multipart bodies (see views/api.py)
    from webui import db

    db.init_app(app)  # stored check reports and problem reports (SQLite); its settings: webui/db.py
    from webui.views import feedback

    app.register_blueprint(feedback.bp)  # Report a problem: /feedback and POST /api/feedback
    errors.register(app)
    security.register(app)
    present.register(app)
    from webui.engine import topic_label

    app.jinja_env.globals["topic_label"] = topic_label
    from webui.watching import watch_queue_for

    app.jinja_env.globals["watch_queue_for"] = watch_queue_for  # for templates/_watch_queue.html
    return app
