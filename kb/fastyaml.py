"""A fast first reading of a record with libyaml (PyYAML's C parser), for the common case of a clean file.

ruamel.yaml's round-trip parser (kb/loader.py) is pure Python: reading the 200-odd records took
about 5 s of a 7 s `kb build`. Most records are plain, valid YAML, so they are read here with
libyaml first, and the careful parser runs only when this reading declines:

* an alias or an explicit tag (the careful parser refuses aliases, with the line);
* a duplicate key, an impossible date, any parse error, or a document that is not a mapping;
* a plain scalar whose type is not plainly a string, `true`/`false`, a decimal number, a date or
  null — `0777`, `0x1F`, `1_000`, `12:30`, `.inf`, a timestamp with a time — so a value never changes
  type depending on which parser read it (plain scalars are typed by YAML 1.2 rules here, never by
  PyYAML's 1.1 resolver, so `no` and `off` stay strings as with ruamel).

What this returns equals `plain(careful parse)` (tests/kb/test_fastyaml.py checks every shipped
record and fixture). Line numbers for messages still come from the careful parser, on demand.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Plain scalars whose type ruamel's YAML 1.2 resolver might decide otherwise than `_plain` below
# (`yes`/`no`/`on`/`off` are strings in both: `_plain` never uses PyYAML's 1.1 resolver).
_AMBIGUOUS = re.compile(
    r"^(?:[-+]?0[0-9_]+|[-+]?0[box][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|=|<<"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+).*)$")


class Declined(Exception):
    """This text is for the careful parser."""


# libyaml ships in PyYAML's wheels; built without it, PyYAML's pure-Python parser would be no faster
# than ruamel, so every text goes to the careful parser then.
_Loader = getattr(yaml, "CSafeLoader", None)


def _plain(value: str) -> Any:
    if _AMBIGUOUS.match(value):
        raise Declined(f"ambiguous scalar {value!r}")
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _DATE.match(value):
        import datetime as dt

        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise Declined(str(exc)) from None
    return value


def _construct(node: yaml.Node, depth: int) -> Any:
    if depth <= 0:
        raise Declined("nested too deep")  # the careful parser names the limit and the line
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
                            "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"):
            raise Declined(f"tag {node.tag}")
        if not node.style:  # plain (None or ""): typed here by YAML 1.2 rules, never by PyYAML's 1.1 resolver
            return _plain(node.value)
        return node.value  # quoted, literal or folded: a string
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise Declined(f"tag {node.tag}")
        return [_construct(child, depth - 1) for child in node.value]
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            raise Declined(f"tag {node.tag}")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, depth - 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise Declined("complex key")
            key = str(key)
            if key in out:
                raise Declined(f"duplicate key {key!r}")
            out[key] = _construct(value_node, depth - 1)
        return out
    raise Declined("unknown node")


def read(text: str, max_depth: int = 40) -> dict[str, Any]:
    """The record as plain Python data, or Declined when the careful parser must read it."""
    if _Loader is None:
        raise Declined("PyYAML without libyaml")
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise Declined("an alias")  # the careful parser refuses it with its line
            if getattr(event, "tag", None) is not None:
                raise Declined("an explicit tag")  # `!!str 123` must stay a string: leave typing to ruamel
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise Declined(str(exc)) from None
    except RecursionError:
        raise Declined("nested too deep") from None
    if not isinstance(node, yaml.MappingNode):
        raise Declined("not a mapping")
    try:
        return _construct(node, max_depth)
    except RecursionError:
        raise Declined("nested too deep") from None
