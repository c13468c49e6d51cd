"""Flask extensions created once and bound to each app in `create_app`."""
from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
# memory:// counts are exact because the app runs as one process (waitress, threads); see docs/webui.md.
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://")


def check_rate_limit() -> str:
    return current_app.config["CHECK_RATE_LIMIT"]
