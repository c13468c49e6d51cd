"""`kb feedback list|show|close`: curators read and close the problem reports sent from the web UI."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from webui import db, feedback as store


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _show(item: store.Feedback) -> None:
    print(f"#{item.id} [{item.status}] {item.iso(item.created)} about {item.target}")
    print(item.message)
    if item.source:
        print(f"source: {item.source}")
    if item.email:
        print(f"e-mail: {item.email}")
    if item.status == "closed":
        print(f"closed {item.iso(item.closed)}" + (f": {item.note}" if item.note else ""))


def cmd_feedback(args) -> int:
    path = Path(args.db) if args.db else db.default_path()
    if not path.exists():
        if args.action == "list":
            _print_json([]) if args.json else print(f"no problem reports yet (no database at {path})")
            return 0
        print(f"no problem reports yet (no database at {path})", file=sys.stderr)
        return 1
    conn = db.connect(path)
    try:
        if args.action == "list":
            items = store.listing(conn, args.status, args.limit)
            if args.json:
                _print_json([i.to_dict() for i in items])
                return 0
            if not items:
                print(f"no {'' if args.status == 'all' else args.status + ' '}problem reports")
            for i in items:
                first = " ".join(i.message.split())
                print(f"#{i.id:<5} {i.status:<6} {i.iso(i.created)}  {i.target:<45} {first[:80]}{'…' if len(first) > 80 else ''}")
            return 0
        item = store.get(conn, args.id)
        if item is None:
            print(f"there is no problem report #{args.id}", file=sys.stderr)
            return 1
        if args.action == "close":
            was_open = item.status == "open"
            item = store.close(conn, args.id, note=args.note, now=time.time()) or item
            if not was_open and not args.json:
                print(f"#{item.id} was already closed", file=sys.stderr)
        if args.json:
            _print_json(item.to_dict())
        else:
            _show(item)
        return 0
    finally:
        conn.close()
