"""`kb serve`: make the index current, then serve the web UI with waitress (or Flask's debug server).

Start-up order, as docs/operations.md says: the index is brought up to date *before* the server
listens (unless EVIDENCE_KB_READONLY=1, which serves the deploy-time build as it is). When the
records do not validate, every problem is printed; the server then serves the last good build if
there is one, and exits with status 1 if there is none.
"""
from __future__ import annotations

import logging
import sys
from typing import Any


def _prepare(engine) -> int | None:
    """Bring the index up to date; an exit status when the server cannot start, else None."""
    from indexer.engine import IndexUnavailable, KnowledgeBaseInvalid
    from indexer.store import IndexFolderError
    from kb import settings

    has_build = engine.store.current_path() is not None
    if not settings.read_only():
        try:
            if engine.is_stale():
                print("the records changed since the index was built: rebuilding before serving…", file=sys.stderr)
                engine.rebuild()
        except KnowledgeBaseInvalid as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            if not has_build:
                print(f"cannot serve: {len(exc.problems)} error(s) in the knowledge base and no earlier index "
                      "(fix them; kb validate lists them)", file=sys.stderr)
                return 1
            print(f"warning: {len(exc.problems)} error(s) in the knowledge base; serving the last good index",
                  file=sys.stderr)
        except IndexFolderError as exc:
            if not has_build:
                print(f"cannot serve: {exc}", file=sys.stderr)
                return 1
            print(f"warning: {exc}; serving the last good index", file=sys.stderr)
    try:
        engine.snapshot()
    except (IndexUnavailable, KnowledgeBaseInvalid, IndexFolderError) as exc:
        print(f"cannot serve: {exc}", file=sys.stderr)
        return 1
    return None


def cmd_serve(args: Any) -> int:
    from indexer.engine import Engine
    from webui import create_app
    from webui.engine import EXTENSION_KEY

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    kb_dir, index_dir = getattr(args, "kb_dir", None), getattr(args, "index_dir", None)
    print("checking the search index…", file=sys.stderr)
    # Rebuilds after a record change run as a child `kb build` (see Engine.rebuild_in_subprocess).
    engine = Engine(kb_dir, index_dir, rebuild_in_subprocess=True)
    failed = _prepare(engine)
    if failed is not None:
        return failed
    snap = engine.snapshot()
    print(f"index ready: {len(snap.kb.claims)} claims, {len(snap.kb.studies)} studies (fingerprint {snap.fingerprint})",
          file=sys.stderr)
    host, port = args.host, int(args.port)
    from kb import settings

    allowed = settings.listed("EVIDENCE_KB_ALLOWED_HOSTS") + ((host,) if host not in ("0.0.0.0", "::") else ())
    dev = getattr(args, "dev", False)
    app = create_app({"KB_DIR": kb_dir, "INDEX_DIR": index_dir, "ENGINE": engine, "ALLOWED_HOSTS": allowed,
                      "WORK_IN_PROCESSES": not dev})
    app.extensions[EXTENSION_KEY] = engine
    if dev:
        app.run(host=host, port=port, debug=True, use_reloader=True)
        return 0
    from webui.inputs import PROCS_KEY

    app.extensions[PROCS_KEY].warm(snap.path)
    from webui.server import serve

    # Hand the interpreter lock over every 1 ms instead of 5 ms: a page or /healthz request waiting
    # behind a running check gets its turn sooner (measured in docs/benchmarks.md).
    sys.setswitchinterval(0.001)
    print(f"serving on http://{host}:{port}/ with {args.threads} threads (Ctrl-C to stop)", file=sys.stderr)
    serve(app, host, port, int(args.threads), page_slots=getattr(args, "page_slots", None))
    return 0
