"""Read the YAML records into typed objects, keeping every problem with its file and line.

ruamel.yaml (YAML 1.2, round-trip mode) is the careful parser, rather than PyYAML, because it
reports duplicate keys with their line, keeps node positions for error messages, and does not
turn `NO` or `off` into booleans. It is pure Python and slow, so clean records are first read
with libyaml (kb/fastyaml.py), which declines anything unusual back to it; positions are parsed
only when a message needs a line.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from kb import fastyaml
from kb.limits import int_limit
from kb.models import Claim, ConceptLexicon, Study, Vocabulary

DEFAULT_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        tag = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {tag}{self.message}"


class Source:
    """Where a loaded record came from, for messages that point back at the file.

    `node` is the round-trip parse with line positions. A record read by the fast reader
    (kb/fastyaml.py) has none yet: it is parsed carefully from the same text when a message first
    needs a line, which for a valid record is never.
    """

    def __init__(self, path: Path, node: Any = None, text: str | None = None):
        self.path, self._node, self._text = path, node, text

    @property
    def node(self) -> Any:
        if self._node is None and self._text is not None:
            try:
                self._node = yaml_parser().load(self._text)
            except (YAMLError, RecursionError):
                self._node = CommentedMap()  # cannot happen for text the fast reader accepted
            self._text = None
        return self._node

    def line_of(self, loc: Iterable[Any] = ()) -> int:
        return line_of(self.node, loc)


@dataclass
class KnowledgeBase:
    root: Path
    claims: dict[str, Claim] = field(default_factory=dict)
    studies: dict[str, Study] = field(default_factory=dict)
    vocabulary: Vocabulary | None = None
    concepts: ConceptLexicon | None = None  # kb/concepts.yaml, the copy checker's shared terms
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def curated_studies(self) -> dict[str, Study]:
        return {k: s for k, s in self.studies.items() if s.is_curated}

    def source(self, kind: str, key: str) -> Source | None:
        return self.sources.get((kind, key))

    def claims_citing(self, study_key: str) -> list[Claim]:
        return [c for c in self.claims.values() if any(e.study == study_key for e in c.evidence)]

    def claims_by_topic(self) -> dict[str, list[Claim]]:
        groups: dict[str, list[Claim]] = {}
        for c in sorted(self.claims.values(), key=lambda c: c.id):
            groups.setdefault(c.primary_topic, []).append(c)
        return groups

    def study_by_pmid(self, pmid: str) -> Study | None:
        return next((s for s in self.studies.values() if s.pmid == pmid), None)

    def study_by_doi(self, doi: str) -> Study | None:
        from kb.models import normalise_doi

        want = normalise_doi(doi)
        return next((s for s in self.studies.values() if s.doi and normalise_doi(s.doi) == want), None)


# Records are small, flat documents. These bounds keep a hostile or broken file cheap to refuse:
# an alias bomb (a few anchors referencing each other) expands to gigabytes, and a 5,000-deep
# `[[[` overflows the recursive composer. Both are refused with the file and line instead.
MAX_RECORD_BYTES = int_limit("RECORD_MAX_BYTES")  # the largest record today is ~10 KB
MAX_NESTING = 40  # the deepest record structure today is 4 levels


class _NoAliasComposer(Composer):
    """Refuses `*alias` references: records never need them, and expanding them is unbounded."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed in records; write the value out",
                                event.start_mark)
        return super().compose_node(parent, index)


class _CheckedDateConstructor(RoundTripConstructor):
    """An impossible date (2026-02-30) becomes a YAML error at its line instead of a bare ValueError."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as exc:
            raise ConstructorError(None, None, f"invalid date {node.value!r} ({exc})", node.start_mark) from None


_CheckedDateConstructor.add_constructor("tag:yaml.org,2002:timestamp", _CheckedDateConstructor.construct_yaml_timestamp)


def yaml_parser() -> YAML:
    y = YAML(typ="rt")
    y.allow_duplicate_keys = False
    y.Composer = _NoAliasComposer
    y.Constructor = _CheckedDateConstructor
    y.max_depth = MAX_NESTING
    return y


def line_of(node: Any, loc: Iterable[Any] = ()) -> int:
    """The 1-based line of the value at `loc` inside `node`; the nearest enclosing line when absent."""
    line = (node.lc.line if hasattr(node, "lc") and node.lc.line is not None else 0) + 1
    for step in loc:
        if isinstance(node, CommentedMap) and step in node:
            line = node.lc.key(step)[0] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.lc.item(step)[0] + 1
            node = node[step]
        else:
            break
    return line


def plain(node: Any) -> Any:
    """ruamel's round-trip types, turned into the plain Python types the strict models expect."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, problems: list[Problem]) -> Any | None:
    """Parse one file; on failure record a problem at the line the parser names."""
    text = read_text(path, problems)
    return None if text is None else parse_yaml(text, path, problems)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """A record file's text, or None with a problem (too large, not UTF-8, unreadable)."""
    try:
        if path.stat().st_size > MAX_RECORD_BYTES:
            problems.append(Problem(display_path(path), 1, f"the file is larger than {MAX_RECORD_BYTES:,} bytes; "
                                                           "a record is a few kilobytes"))
            return None
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(display_path(path), 1, f"not UTF-8 text: {exc.reason}"))
        return None
    except OSError as exc:
        problems.append(Problem(display_path(path), 1, f"cannot read the file: {exc.strerror or exc}"))
        return None
    return text


def parse_yaml(text: str, path: Path, problems: list[Problem]) -> Any | None:
    """The careful (round-trip) parse of a record's text; on failure a problem at the parser's line."""
    try:
        return yaml_parser().load(text)
    except RecursionError:  # a safety net under max_depth: the scanner nests too
        problems.append(Problem(display_path(path), 1, f"YAML error: nested more than {MAX_NESTING} levels deep"))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = (exc.problem or exc.context or "invalid YAML").strip()
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            what = f"{what} ({exc.context.strip()} at line {exc.context_mark.line + 1})"
        if "duplicate key" in what or type(exc).__name__ == "DuplicateKeyError":
            what = f"duplicate key: {what}"
        if "maximum depth" in what:
            what = f"nested more than {MAX_NESTING} levels deep"
        problems.append(Problem(display_path(path), line, f"YAML error: {what}"))
    except YAMLError as exc:
        problems.append(Problem(display_path(path), 1, f"YAML error: {exc}"))
    return None


def validation_problems(path: Path, node: Any, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not isinstance(p, str) or not p.startswith("function-")]
        where = ".".join(str(p) for p in loc)
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        elif err["type"] == "literal_error":
            msg = f"{msg}, got {err.get('input')!r}"
        elif err["type"] == "string_pattern_mismatch":
            msg = f"malformed value {err.get('input')!r} (expected pattern {err['ctx']['pattern']})"
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        out.append(Problem(display_path(path), line_of(node, loc), f"{where}: {msg}" if where else msg))
    return out


def parse_record(path: Path, model: type[BaseModel], problems: list[Problem]) -> tuple[Any, Source] | None:
    """The record and where it came from, or None with its problems (each with file and line)."""
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data, source = fastyaml.read(text, MAX_NESTING), Source(path, None, text)
    except fastyaml.Declined:  # anything unusual: the careful parser reads it and names the line
        node = parse_yaml(text, path, problems)
        if node is None:
            if not any(p.path == display_path(path) for p in problems):
                problems.append(Problem(display_path(path), 1, "empty file"))
            return None
        if not isinstance(node, CommentedMap):
            problems.append(Problem(display_path(path), 1, "a record must be a YAML mapping"))
            return None
        data, source = plain(node), Source(path, node)
    try:
        return model.model_validate(data), source
    except ValidationError as exc:
        problems.extend(validation_problems(path, source.node, exc))
        return None


def record_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load(root: Path | str = DEFAULT_ROOT) -> KnowledgeBase:
    """Load every record under `root`; never raises for bad content, it collects problems instead."""
    root = Path(root)
    kb = KnowledgeBase(root=root)
    vocab_path = root / "topics.yaml"
    if vocab_path.is_file():
        parsed = parse_record(vocab_path, Vocabulary, kb.problems)
        if parsed:
            kb.vocabulary, kb.sources[("vocabulary", "topics")] = parsed
    else:
        kb.problems.append(Problem(display_path(vocab_path), 1, "missing: the topic vocabulary is required"))
    concepts_path = root / "concepts.yaml"
    if concepts_path.is_file():
        parsed = parse_record(concepts_path, ConceptLexicon, kb.problems)
        if parsed:
            kb.concepts, kb.sources[("concepts", "concepts")] = parsed

    for kind, folder, model, id_field in (
        ("study", root / "studies", Study, "key"),
        ("claim", root / "claims", Claim, "id"),
    ):
        target = kb.studies if kind == "study" else kb.claims
        for path in record_files(folder):
            parsed = parse_record(path, model, kb.problems)
            if not parsed:
                continue
            record, source = parsed
            rid = getattr(record, id_field)
            if rid in target:
                first = kb.sources[(kind, rid)]
                kb.problems.append(Problem(display_path(path), source.line_of([id_field]),
                                           f"duplicate {kind} {id_field} {rid!r} (also in {display_path(first.path)})"))
                continue
            if path.stem != rid:
                kb.problems.append(Problem(display_path(path), source.line_of([id_field]),
                                           f"{id_field} {rid!r} does not match the file name {path.name!r}"))
            target[rid] = record
            kb.sources[(kind, rid)] = source
    return kb


def fingerprint(root: Path | str = DEFAULT_ROOT) -> str:
    """A hash of every record file's name and bytes: the index is stale when this changes."""
    root = Path(root)
    h = hashlib.sha256()
    files = [root / "topics.yaml", root / "concepts.yaml"] + record_files(root / "studies") + record_files(root / "claims")
    for p in files:
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()[:16]
