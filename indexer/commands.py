"""`kb build` and `kb search`: the command-line faces of the engine (`kb check` lives in kb/cli.py,
the composition root, because it joins intake from `sources` to the engine).

Exit statuses: 0 done; 1 the index cannot be built or opened (the message names the records'
problems or the folder). See docs/operations.md.
"""
from __future__ import annotations

import html
import json
import re
import sys

from indexer.engine import Engine, IndexUnavailable, KnowledgeBaseInvalid
from indexer.store import IndexFolderError
from kb import settings


def _engine(args, **kw) -> Engine:
    return Engine(args.kb_dir, args.index_dir, **kw)


def _ready_engine(args, **kw) -> Engine | None:
    """An engine whose index is current, else the last good index with a warning, else None.

    With EVIDENCE_KB_READONLY=1 the index is used as it is (never rebuilt). A folder that cannot be
    written (read-only, full) is a warning when a previous build exists, not a traceback.
    """
    engine = _engine(args, auto_refresh=False, **kw)
    try:
        if not settings.read_only() and engine.is_stale():
            try:
                engine.rebuild()
            except (KnowledgeBaseInvalid, IndexFolderError) as exc:
                if engine.store.current_path() is None:
                    print(f"cannot build the index: {exc}", file=sys.stderr)
                    return None
                print(f"warning: using the last good index; {exc}", file=sys.stderr)
        engine.snapshot()
    except (IndexUnavailable, IndexFolderError, KnowledgeBaseInvalid) as exc:
        print(f"cannot open the index: {exc}", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"cannot open the index in {engine.store.root}: {exc.strerror or exc}", file=sys.stderr)
        return None
    return engine


def _progress(done: int, expected: int | None) -> None:
    if expected and expected >= 2000:
        print(f"\r  indexed {done:,} of {expected:,} documents", end="" if done < expected else "\n",
              file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    engine = _engine(args, auto_refresh=False)
    if args.if_stale and not engine.is_stale():
        meta = engine.store.meta() or {}
        print(f"index is up to date ({meta.get('documents')} documents, fingerprint {meta.get('fingerprint')})")
        return 0
    try:
        info = engine.rebuild(progress=_progress)
    except KnowledgeBaseInvalid as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"not built: {len(exc.problems)} error(s) in the knowledge base (see kb validate)", file=sys.stderr)
        return 1
    except IndexFolderError as exc:
        print(f"not built: {exc}; the last good index (if any) is untouched", file=sys.stderr)
        return 1
    c = info.counts
    print(f"indexed {c.get('claims', 0)} claims and {c.get('studies', 0)} curated studies "
          f"({c.get('drafts', 0)} drafts left out) in {info.seconds:.2f} s")
    print(f"index: {engine.store.current_link} -> {info.path.name} ({info.size_bytes / 1024:.0f} KiB), "
          f"fingerprint {info.fingerprint}")
    return 0


def _plain(snippet: str) -> str:
    return html.unescape(re.sub(r"</?mark[^>]*>", "*", re.sub(r"<(?!/?mark)[^>]+>", "", snippet)))


def cmd_search(args) -> int:
    engine = _ready_engine(args)
    if engine is None:
        return 1
    try:
        result = engine.search(args.query, type=args.type, topic=args.topic, page=args.page, per_page=args.limit)
    except IndexUnavailable as exc:
        print(f"cannot search: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if result.message:
        print(result.message)
    if result.suggestion and not result.suggestion_searched:
        print(f"Did you mean: {result.suggestion}?")
    print(f"{result.total} result(s)" + (f", page {result.page} of {result.pages}" if result.pages > 1 else ""))
    for i, hit in enumerate(result.results, start=(result.page - 1) * result.per_page + 1):
        tag = f"[{hit.verdict}]" if hit.type == "claim" else f"[{hit.design}, {hit.year or 'n.d.'}]"
        print(f"\n{i}. {hit.type} {hit.id} {tag}  score {hit.score:.2f}\n   {hit.title}\n   {_plain(hit.snippet)}")
    return 0
