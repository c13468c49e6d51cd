"""Author names as the records write them ("Le GH", "Hung K-C", "World Health Organization")."""
from __future__ import annotations

import re
from dataclasses import dataclass

_INITIALS = re.compile(r"^[A-Z](?:-?[A-Z]){0,3}$")  # "GH", "K-C"
_SURNAME = re.compile(r"^[A-Z][a-z'’-]+$")  # a bare surname: a person whose initials were not shown


@dataclass(frozen=True)
class Name:
    family: str | None = None
    given: str | None = None  # initials with full stops: "G. H.", "K.-C."
    literal: str | None = None  # an organisation, or a name that does not parse

    @property
    def is_person(self) -> bool:
        return self.literal is None


def _given(initials: str) -> str:
    return "-".join(" ".join(f"{c}." for c in part) for part in initials.split("-"))


def parse_author(text: str) -> Name:
    parts = text.strip().split()
    if len(parts) >= 2 and _INITIALS.match(parts[-1]):
        return Name(family=" ".join(parts[:-1]), given=_given(parts[-1]))
    if len(parts) == 1 and _SURNAME.match(parts[0]):
        return Name(family=parts[0])
    return Name(literal=text.strip())
