"""Reference formatting: author names and Vancouver/AMA-style reference strings.

Records list authors as PubMed prints them ("Le GH"); organisations are kept whole.
Format: "Authors. Title. Journal. Year;Vol(Issue):Pages. doi:… PMID: …"
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.models import Study

_INITIALS = re.compile(r"^[A-Z]{1,4}$")
MAX_AUTHORS = 6  # AMA: list all up to 6; with more, the first 3 then "et al."


@dataclass(frozen=True)
class Name:
    family: str | None = None
    given: str | None = None  # initials with full stops: "G. H."
    literal: str | None = None  # an organisation, or a name that does not parse

    @property
    def is_person(self) -> bool:
        return self.literal is None


def parse_author(text: str) -> Name:
    parts = text.strip().split()
    if len(parts) >= 2 and _INITIALS.match(parts[-1]):
        return Name(family=" ".join(parts[:-1]), given=" ".join(f"{c}." for c in parts[-1]))
    return Name(literal=text.strip())


def author_list(authors: list[str]) -> str:
    shown = authors if len(authors) <= MAX_AUTHORS else authors[:3]
    text = ", ".join(a.strip() for a in shown)
    if len(authors) > MAX_AUTHORS:
        text += ", et al"
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def source_part(study: Study) -> str:
    """Journal. Year;Vol(Issue):Pages. — or the free citation detail when volume/pages are unknown."""
    out = ""
    if study.journal:
        out = _sentence(study.journal) + " "
    if study.volume or study.issue or study.pages:
        where = str(study.year or "n.d.")
        where += ";"
        if study.volume:
            where += study.volume
        if study.issue:
            where += f"({study.issue})"
        if study.pages:
            where += f":{study.pages}"
        out += _sentence(where)
    elif study.citation_detail:
        out += _sentence(study.citation_detail)
    elif study.year:
        out += f"{study.year}."
    return out.strip()


def format_reference(study: Study) -> str:
    parts = [_sentence(author_list(study.authors)), _sentence(study.title), source_part(study)]
    if study.doi:
        parts.append(f"doi:{study.doi}")
    if study.pmid:
        parts.append(f"PMID: {study.pmid}")
    if not study.doi and not study.pmid and study.url:
        parts.append(f"Available at: {study.url}")
    return " ".join(p for p in parts if p)
