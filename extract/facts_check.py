"""Reading facts lines that may not have been written by newsgraph: check before trusting.

A ``facts.jsonl`` line is JSON, but JSON of another shape (a list, a field of the wrong type, a
relation without a subject) must not crash a build that resumes from it: `parse_facts_line`
checks every record against the fields of `ArticleFacts` and raises ``ValueError`` with a short
reason instead.

>>> parse_facts_line('{"article": {"id": "a1", "text": ""}}').article.id
'a1'
>>> try:
...     parse_facts_line('{"article": {"id": 7}}')
... except ValueError as err:
...     str(err)
'article.id: expected a string, got int'
"""

from __future__ import annotations

import json
import typing
from dataclasses import MISSING, fields
from typing import Any

from extract import facts as facts_module
from extract.facts import Article, ArticleFacts, Entity, Mention, Relation, facts_from_dict

__all__ = ["parse_facts_line"]

_RECORDS: tuple[tuple[str, type[Any]], ...] = (
    ("entities", Entity), ("mentions", Mention), ("relations", Relation),
)


def _allowed(annotation: str) -> tuple[str, frozenset[str] | None]:
    """The kind of value a field holds (``str``, ``int`` ...) and its allowed literals."""
    optional = annotation.endswith(" | None")
    base = annotation.removesuffix(" | None")
    alias = getattr(facts_module, base, None)
    if alias is not None and typing.get_origin(alias) is typing.Literal:
        return ("str?" if optional else "str"), frozenset(typing.get_args(alias))
    return base + ("?" if optional else ""), None


def _check(value: Any, kind: str, where: str) -> None:
    if kind.endswith("?"):
        if value is None:
            return
        kind = kind[:-1]
    ok = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, int | float) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
        "tuple[str, ...]": isinstance(value, list) and all(isinstance(v, str) for v in value),
    }.get(kind, True)
    if not ok:
        expected = {"str": "a string", "int": "an integer", "float": "a number",
                    "bool": "true or false", "tuple[str, ...]": "a list of strings"}[kind]
        raise ValueError(f"{where}: expected {expected}, got {type(value).__name__}")


def _check_record(data: Any, cls: type[Any], where: str) -> None:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object, got {type(data).__name__}")
    for spec in fields(cls):
        if spec.name not in data:
            if spec.default is MISSING and spec.default_factory is MISSING:
                raise ValueError(f"{where}.{spec.name}: missing")
            continue
        kind, literals = _allowed(str(spec.type))
        _check(data[spec.name], kind, f"{where}.{spec.name}")
        if literals is not None and data[spec.name] is not None \
                and data[spec.name] not in literals:
            raise ValueError(f"{where}.{spec.name}: {data[spec.name]!r} is not one of "
                             f"{sorted(literals)}")


def parse_facts_line(line: str) -> ArticleFacts:
    """The `ArticleFacts` of one ``facts.jsonl`` line; ``ValueError`` (with the reason) if the
    line is not JSON or not a facts record."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as err:
        raise ValueError(f"invalid JSON: {err}") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected an object, got {type(data).__name__}")
    _check_record(data.get("article"), Article, "article")
    for name, cls in _RECORDS:
        items = data.get(name, [])
        if not isinstance(items, list):
            raise ValueError(f"{name}: expected a list, got {type(items).__name__}")
        for n, item in enumerate(items):
            _check_record(item, cls, f"{name}[{n}]")
    keys = {e["key"] for e in data.get("entities", [])}
    for n, rel in enumerate(data.get("relations", [])):
        for role in ("subject", "obj"):
            if rel.get(role) is not None and rel[role] not in keys:
                raise ValueError(f"relations[{n}].{role}: no entity {rel[role]!r}")
    for n, mention in enumerate(data.get("mentions", [])):
        if mention["entity"] not in keys:
            raise ValueError(f"mentions[{n}].entity: no entity {mention['entity']!r}")
    try:
        return facts_from_dict(data)
    except (TypeError, KeyError, AttributeError, ValueError) as err:  # anything not foreseen
        raise ValueError(f"{type(err).__name__}: {err}") from None
