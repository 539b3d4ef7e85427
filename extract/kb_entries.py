"""Knowledge-base entries: one entity of the JSON file format, validated on reading.

The fields are described in :mod:`extract.kb`; :meth:`KBEntry.from_dict` checks them and
:meth:`KBEntry.to_dict` writes them back, without empty fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from extract.facts import ENTITY_TYPES

__all__ = ["KBEntry", "KBPost"]

_QID = re.compile(r"Q[1-9]\d*")


@dataclass(frozen=True, slots=True)
class KBPost:
    """A post held by a person: title, the entry it is held at, first and last year."""

    title: str
    of: str | None = None
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, str]:
        """JSON form (fields "title", "of", "from", "to"), without empty fields."""
        values = {k: getattr(self, attr) for k, attr in _POST_FIELDS.items()}
        return {k: v for k, v in values.items() if v is not None}


_POST_FIELDS = {"title": "title", "of": "of", "from": "start", "to": "end"}


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One knowledge-base entity (see :mod:`extract.kb` for the fields)."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    acronym: str | None = None
    wikidata: str | None = None
    geonames: str | None = None
    country: str | None = None
    iso3: str | None = None
    demonyms: tuple[str, ...] = ()
    generic_aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    posts: tuple[KBPost, ...] = ()
    capital: str | None = None
    capital_of: str | None = None
    metonym_of: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KBEntry:
        """Validate and convert one JSON entry; raise ValueError if it is malformed.

        >>> KBEntry.from_dict({"id": "org:x", "type": "ORG", "name": "X"}).name
        'X'
        """
        unknown = set(data) - _ENTRY_FIELDS
        if unknown:
            raise ValueError(f"unknown field(s) {sorted(unknown)} in entry {data.get('id')!r}")
        for key in ("id", "type", "name"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise ValueError(f"entry needs a non-empty {key!r}: {dict(data)!r}")
        if data["type"] not in ENTITY_TYPES:
            raise ValueError(f"entry {data['id']!r}: type must be one of {ENTITY_TYPES}")
        if data.get("wikidata") is not None and not _QID.fullmatch(str(data["wikidata"])):
            raise ValueError(f"entry {data['id']!r}: bad Wikidata id {data['wikidata']!r}")
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key == "posts":
                value = tuple(_post(p, data["id"]) for p in value or ())
            elif isinstance(value, list):
                value = tuple(str(v) for v in value)
            elif isinstance(value, int):
                value = str(value)
            kwargs[key] = value
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """JSON form, in field order, without empty fields."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "posts":
                value = [p.to_dict() for p in value]
            elif isinstance(value, tuple):
                value = list(value)
            if value or f.name in ("id", "type", "name"):
                out[f.name] = value
        return out


_ENTRY_FIELDS = frozenset(f.name for f in fields(KBEntry))


def _post(data: Any, owner: str) -> KBPost:
    if not isinstance(data, Mapping) or not data.get("title") or set(data) - set(_POST_FIELDS):
        raise ValueError(f"entry {owner!r}: a post is {{title, of?, from?, to?}}: {data!r}")
    text = {k: None if v is None else str(v) for k, v in data.items()}
    return KBPost(str(data["title"]), text.get("of"), text.get("from"), text.get("to"))
