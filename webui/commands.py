"""`kb serve`: build the index if needed, then serve the web UI with waitress (or Flask's debug server)."""
from __future__ import annotations

import logging
import sys
from typing import Any


def cmd_serve(args: Any) -> int:
    from webui import create_app
    from webui.engine import EXTENSION_KEY, build_engine

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    kb_dir, index_dir = getattr(args, "kb_dir", None), getattr(args, "index_dir", None)
    print("checking the search index…", file=sys.stderr)
    engine = build_engine(kb_dir, index_dir)
    snap = engine.snapshot()  # builds the index now when it is missing or stale, not on the first request
    print(f"index ready: {len(snap.kb.claims)} claims, {len(snap.kb.studies)} studies (fingerprint {snap.fingerprint})",
          file=sys.stderr)
    app = create_app({"KB_DIR": kb_dir, "INDEX_DIR": index_dir, "ENGINE": engine})
    app.extensions[EXTENSION_KEY] = engine
    host, port = args.host, int(args.port)
    if getattr(args, "dev", False):
        app.run(host=host, port=port, debug=True, use_reloader=True)
        return 0
    from waitress import serve

    print(f"serving on http://{host}:{port}/ with {args.threads} threads (Ctrl-C to stop)", file=sys.stderr)
    serve(app, host=host, port=port, threads=int(args.threads), ident="evidence-kb",
          clear_untrusted_proxy_headers=True)
    return 0
