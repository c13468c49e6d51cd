"""The `kb` command: one entry point that mirrors what the web UI does.

Each sub-command's work lives in the package that owns it; this module only parses
arguments and imports the handler lazily, so `kb validate` does not load Flask.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

# sub-command -> "module:function"; each handler takes the parsed args and returns an exit status.
HANDLERS = {
    "validate": "kb.cli:cmd_validate",
    "build": "indexer.commands:cmd_build",
    "search": "indexer.commands:cmd_search",
    "check": "kb.cli:cmd_check",
    "serve": "webui.commands:cmd_serve",
    "add": "sources.commands:cmd_add",
    "audit-citations": "sources.commands:cmd_audit_citations",
    "feedback": "webui.feedback_commands:cmd_feedback",
    "watch": "sources.commands:cmd_watch",
}


def build_parser() -> argparse.ArgumentParser:
    from kb.settings import help_epilog

    p = argparse.ArgumentParser(prog="kb", description="Evidence KB: what the published evidence says about a claim.",
                                epilog=help_epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kb-dir", type=Path, default=None,
                   help="knowledge-base folder (default: the records shipped in kb/, or $EVIDENCE_KB_DIR)")
    p.add_argument("--index-dir", type=Path, default=None,
                   help="where the search index lives (default: the user data folder, or $EVIDENCE_KB_INDEX_DIR)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("validate", help="check every record; print file:line: message for each problem")
    s.add_argument("--quiet", action="store_true", help="print errors only, not warnings")

    s = sub.add_parser("build", help="(re)build the search index from the records")
    s.add_argument("--if-stale", action="store_true", help="rebuild only when the records changed")

    s = sub.add_parser("search", help="search claims and studies")
    s.add_argument("query", help="free text; supports \"phrases\", topic:, verdict:, design:, type:, year:2019-2024")
    s.add_argument("--type", choices=["claim", "study"])
    s.add_argument("--topic")
    s.add_argument("--limit", type=int, default=10)
    s.add_argument("--page", type=int, default=1)
    s.add_argument("--json", action="store_true", help="print the JSON contract instead of text")

    s = sub.add_parser("check", help="flag every sentence of a text that makes a known claim")
    s.add_argument("source", help="a file (.txt .md .html .docx), a http(s) URL, or - for standard input")
    fmt = s.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--markdown", action="store_true")
    s.add_argument("--docx", type=Path, metavar="OUT",
                   help="also write the copy as a Word file with a comment on each flagged sentence")

    s = sub.add_parser("serve", help="run the web UI under waitress (production) or Flask's debug server (--dev)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--threads", type=int, default=8)
    s.add_argument("--page-slots", type=int, default=None, metavar="N",
                   help="pages rendered at once, the rest wait in line (default: the PAGE_SLOTS limit; 0: no line)")
    s.add_argument("--dev", action="store_true", help="Flask's debug server with reloading")

    s = sub.add_parser("add", help="draft study records from PubMed or Crossref")
    s.add_argument("registry", choices=["pubmed", "doi"])
    s.add_argument("ids", nargs="+", metavar="ID")

    sub.add_parser("audit-citations", help="compare every cited study with PubMed/Crossref")

    s = sub.add_parser("feedback", help="list, show and close the problem reports sent from the web UI")
    s.add_argument("--db", type=Path, default=None,
                   help="the web UI's database (default: the user data folder, or $EVIDENCE_KB_DB)")
    acts = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = acts.add_parser("list", help="problem reports, the longest waiting first")
    a.add_argument("--status", choices=["open", "closed", "all"], default="open")
    a.add_argument("--limit", type=int, default=100)
    a.add_argument("--json", action="store_true")
    a = acts.add_parser("show", help="one problem report in full")
    a.add_argument("id", type=int)
    a.add_argument("--json", action="store_true")
    a = acts.add_parser("close", help="close a problem report once it is dealt with")
    a.add_argument("id", type=int)
    a.add_argument("--note", default=None, help="what was done (kept with the report)")
    a.add_argument("--json", action="store_true")

    s = sub.add_parser("watch", help="ask PubMed for records newer than each claim's last review (its watch: query)")
    s.add_argument("claims", nargs="*", metavar="CLAIM", help="claim ids (default: every claim)")
    s.add_argument("--draft", action="store_true", help="also write the new records as drafts, as `kb add pubmed` does")
    return p


# Exit statuses of `kb check` (docs/operations.md lists every command's).
EXIT_INPUT_ERROR = 2  # the input could not be read (missing file, unsupported type, fetch refused)
EXIT_TRUNCATED = 4  # checked, but only up to the text limit: the rest was not


def _rendered(report, markdown: bool) -> str:
    """The checker's one text or Markdown rendering of the report's JSON."""
    from indexer.copycheck.report import render_markdown, render_text

    data = report.to_dict()
    return render_markdown(data) if markdown else render_text(data)


def cmd_check(args) -> int:
    """`kb check`: the composition root joins intake (sources) and the checker (indexer), as the web does."""
    import json

    from indexer.commands import _ready_engine
    from sources.intake import IntakeError, read_source, truncation_notice

    try:
        intake = read_source(args.source)
    except IntakeError as exc:
        print(f"cannot check {args.source}: {exc.message}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    engine = _ready_engine(args, lazy_phrases=True)  # one page: compile only the phrases it needs
    if engine is None:
        return 1
    report = engine.check(intake.extracted.text, source=intake.label, units=intake.extracted.units)
    report.truncated = report.truncated or intake.truncated  # the report says what intake cut
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_rendered(report, markdown=args.markdown))
    if args.docx:  # the same Word file as the web report's download (indexer/copycheck/docx_report.py)
        from indexer.copycheck.docx_report import write_docx

        try:
            comments = write_docx(report.to_dict(), args.docx, title=f"Evidence check: {intake.label}")
        except OSError as exc:
            print(f"cannot write {args.docx}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {args.docx} ({comments} comment{'' if comments == 1 else 's'})", file=sys.stderr)
    notice = truncation_notice(intake.extracted)
    if notice:
        print(f"warning: {notice}", file=sys.stderr)
        return EXIT_TRUNCATED
    return 0


def cmd_validate(args) -> int:
    """`kb validate`: the records' own rules plus the copy checker's lint and search's check of the
    `related` words, which need the index's analyzer."""
    from indexer.copycheck.lint import lint_problems
    from indexer.related import related_problems
    from kb.commands import cmd_validate as validate_records

    return validate_records(args, extra_rules=lambda kb: lint_problems(kb) + related_problems(kb))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name, func_name = HANDLERS[args.command].split(":")
    handler = getattr(importlib.import_module(module_name), func_name)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
