"""Helpers for the reliability tests: a real waitress server on loopback, KB copies, CSRF tokens."""
from __future__ import annotations

import contextlib
import re
import shutil
import threading
from pathlib import Path


@contextlib.contextmanager
def serve(app, threads: int = 4, **options):
    """Serve `app` with waitress as `kb serve` does (webui/server.py: its limits and hardening) on a free
    127.0.0.1 port; yields the base URL. `options` go to `webui.server.create` (e.g. page_slots)."""
    from webui.server import create

    server = create(app, "127.0.0.1", 0, threads, **options)
    closing = threading.Event()

    def run():
        try:
            server.run()
        except OSError:
            # close() from this thread can pull a socket out from under the loop's select(): EBADF
            # then, and only then, is how the loop learns it is over
            if not closing.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True, name="reliability-waitress")
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        closing.set()
        server.close()
        thread.join(5)


def copy_kb(source: Path, dest: Path) -> Path:
    """A writable copy of the records (YAML only) to edit in a test."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))
    return dest


def csrf_token(html: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
