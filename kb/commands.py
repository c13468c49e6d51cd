"""`kb validate`."""
from __future__ import annotations

import sys

from kb import settings
from kb.validate import validate


def cmd_validate(args, extra_rules=None) -> int:
    """`extra_rules(kb) -> problems`: checks from packages kb/ cannot import (the checker's lint),
    passed in by the composition root (kb/cli.py)."""
    kb = validate(settings.kb_dir(args.kb_dir))
    if extra_rules is not None and kb.claims:
        kb.problems.extend(extra_rules(kb))
        kb.problems.sort()
    shown = kb.errors if args.quiet else kb.problems
    for problem in shown:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    n_err = len(kb.errors)
    n_warn = len(kb.problems) - n_err
    summary = f"{len(kb.claims)} claims, {len(kb.studies)} studies: {n_err} error(s), {n_warn} warning(s)"
    print(summary, file=sys.stderr if n_err else sys.stdout)
    return 1 if n_err else 0
