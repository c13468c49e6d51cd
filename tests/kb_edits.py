"""Edits the tests make to a writable copy of the minimal fixture KB (the `kbdir` fixture)."""
from __future__ import annotations

from pathlib import Path

CLAIM = "claims/fixture-claim.yaml"


def set_statement(root: Path, statement: str) -> None:
    """Give the fixture claim a new statement: a record change the index must follow."""
    path = root / CLAIM
    lines = [f'statement: "{statement}"' if line.startswith("statement:") else line
             for line in path.read_text().splitlines()]
    path.write_text("\n".join(lines) + "\n")
