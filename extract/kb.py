"""Offline knowledge base: canonical names, types, aliases and identifiers of frequent actors.

The shipped file ``extract/data/kb.json`` (built by ``scripts/build_kb.py``) holds countries,
capitals and large cities, US states, continents and regions, international organisations,
governments and their metonyms ("the Kremlin"), and frequent officials. Users add their own
files in the same format with ``load_kb([path, ...])`` (``newsgraph build --kb FILE``); an
entry whose ``id`` already exists replaces the shipped one.

File format: a JSON object ``{"entries": [...]}`` (other top-level keys are ignored) or a bare
list of entries. Only ``id``, ``type`` and ``name`` are required::

    {"id": "country:US", "type": "GPE", "name": "United States",
     "aliases": ["U.S.", "America"], "wikidata": "Q30", "geonames": "6252001",
     "country": "US", "iso3": "USA", "demonyms": ["American", "Americans"],
     "capital": "city:4140963"}
    {"id": "org:nato", "type": "ORG", "name": "NATO", "acronym": "NATO",
     "aliases": ["North Atlantic Alliance"], "generic_aliases": ["the alliance"],
     "members": ["US", "GB"], "wikidata": "Q7184"}
    {"id": "person:antony-blinken", "type": "PERSON", "name": "Antony Blinken",
     "aliases": ["Anthony Blinken"], "country": "US",
     "posts": [{"title": "Secretary of State", "of": "country:US",
                "from": "2021", "to": "2025"}]}

``name`` is the form English-language news writes: the acronym where that is how the body
is known (NATO, OPEC, G7, FBI), the full name otherwise (United Nations, European Union), the
short common name for countries (Russia, South Korea). ``type`` is one of PERSON, ORG, GPE,
LOC, FAC, EVENT. ``country`` and ``members`` hold ISO 3166-1 alpha-2 codes; ``capital``,
``capital_of``, ``metonym_of`` (the Kremlin -> the Russian government) and a post's ``of``
hold entry ids. ``generic_aliases`` ("the bloc") never match by themselves:
:meth:`KnowledgeBase.generic` lists their candidates and the caller picks the one its article
already mentions.

Matching: names compare by :func:`normalise_name`; all-capital acronyms compare
case-sensitively ("U.S." and "US" match the United States, "us" does not), and a bare
lower-case word never matches. When several entries share a name the lookup is ambiguous and
returns None, except that a single country among them wins ("Georgia"). Entries are read by
:mod:`extract.kb_entries`, match keys come from :mod:`extract.names`; this module loads the
files and answers the lookups.

>>> kb = load_kb()
>>> kb.lookup("U.S.") is kb.lookup("the United States") is kb.demonym("Americans")
True
>>> kb.lookup("the alliance") is None
True
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from extract.kb_entries import KBEntry, KBPost
from extract.names import bare_acronym, normalise_name, surface_key

__all__ = [
    "KBEntry", "KBPost", "KnowledgeBase", "load_kb", "normalise_name", "parse_kb", "surface_key",
]


class KnowledgeBase:
    """Lookups by surface form, demonym, generic description and id.

    Args:
        entries: The entries; a later entry replaces an earlier one with the same id.

    >>> kb = KnowledgeBase([KBEntry("org:x", "ORG", "Example Org", acronym="EXO")])
    >>> kb.lookup("EXO").name, kb.lookup("exo")
    ('Example Org', None)
    """

    __slots__ = ("_by_id", "_demonyms", "_generic", "_names")

    def __init__(self, entries: Iterable[KBEntry] = ()) -> None:
        self._by_id: dict[str, KBEntry] = {}
        for entry in entries:
            self._by_id.pop(entry.id, None)
            self._by_id[entry.id] = entry
        self._names: dict[str, set[str]] = defaultdict(set)
        self._demonyms: dict[str, set[str]] = defaultdict(set)
        self._generic: dict[str, set[str]] = defaultdict(set)
        for entry in self._by_id.values():
            for form in (entry.name, *entry.aliases, entry.acronym or ""):
                if key := surface_key(form):
                    self._names[key].add(entry.id)
            for form in entry.demonyms:
                self._demonyms[normalise_name(form)].add(entry.id)
            for form in entry.generic_aliases:
                self._generic[normalise_name(form)].add(entry.id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries())

    def by_id(self, key: str) -> KBEntry | None:
        """The entry with id ``key`` ("country:US"), or None."""
        return self._by_id.get(key)

    def entries(self) -> tuple[KBEntry, ...]:
        """All entries, sorted by id."""
        return tuple(self._by_id[k] for k in sorted(self._by_id))

    def lookup(self, surface: str, *, allow_generic: bool = False) -> KBEntry | None:
        """The one entry named ``surface``; None when unknown or ambiguous.

        Args:
            surface: A mention as written ("the U.S.", "Zelenskyy's", "NATO").
            allow_generic: Also match generic aliases ("the bloc"), still only when unique.

        Returns:
            The entry, or None. Of several entries sharing the name, a single country wins.
        """
        ids: set[str] = set()
        acronym = bare_acronym(surface)
        if acronym and acronym in self._names:
            ids = self._names[acronym]
        elif not _bare_lower_word(surface):
            ids = self._names.get(normalise_name(surface), set())
        if allow_generic:
            ids = ids | self._generic.get(normalise_name(surface), set())
        return self._pick(ids)

    def matches(self, surface: str) -> tuple[KBEntry, ...]:
        """Every entry named ``surface``, sorted by id ("Georgia": the country and the state)."""
        acronym = bare_acronym(surface)
        if acronym and acronym in self._names:
            ids = self._names[acronym]
        elif _bare_lower_word(surface):
            return ()
        else:
            ids = self._names.get(normalise_name(surface), set())
        return tuple(self._by_id[i] for i in sorted(ids))

    def demonym(self, word: str) -> KBEntry | None:
        """Country of a nationality adjective or noun ("American", "Americans"), or None."""
        if _bare_lower_word(word):
            return None
        return self._pick(self._demonyms.get(normalise_name(word), set()))

    def generic(self, surface: str) -> tuple[KBEntry, ...]:
        """Candidates, sorted by id, for a generic description ("the alliance", "the bloc")."""
        ids = self._generic.get(normalise_name(surface), set())
        return tuple(self._by_id[i] for i in sorted(ids))

    def shared_names(self) -> dict[str, tuple[str, ...]]:
        """Match keys (see :func:`surface_key`) that more than one entry answers to."""
        return {k: tuple(sorted(v)) for k, v in sorted(self._names.items()) if len(v) > 1}

    def _pick(self, ids: set[str]) -> KBEntry | None:
        if len(ids) > 1:
            ids = {i for i in ids if i.startswith("country:")}
        return self._by_id[next(iter(ids))] if len(ids) == 1 else None


def _bare_lower_word(text: str) -> bool:
    """A single word with no capital letter ("us", "turkey", "polish") is never a name."""
    text = text.strip()
    return " " not in text and not any(c.isupper() for c in text)


def parse_kb(text: str, origin: str) -> list[KBEntry]:
    """The entries of a knowledge-base file's text; ValueError naming ``origin`` if it is not one.

    >>> parse_kb('{"entries": [{"id": "org:x", "type": "ORG", "name": "X"}]}', "x.json")[0].id
    'org:x'
    """
    try:
        data = json.loads(text)
        items = data.get("entries", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ValueError('expected {"entries": [...]} or a list of entries')
        return [KBEntry.from_dict(item) for item in items]
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as err:
        raise ValueError(f"{origin}: {err}") from err


_read = parse_kb


@lru_cache(maxsize=16)
def _load(extra: tuple[tuple[str, int], ...]) -> KnowledgeBase:
    shipped = resources.files("extract").joinpath("data/kb.json").read_text(encoding="utf-8")
    entries = _read(shipped, "extract/data/kb.json")
    for path, _mtime in extra:
        entries.extend(_read(Path(path).read_text(encoding="utf-8"), path))
    return KnowledgeBase(entries)


def load_kb(extra: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the user's KB files ``extra``, cached per process.

    Args:
        extra: JSON files in the shipped format; their entries replace shipped ones by id.
            A file is read again when its modification time changes.

    Returns:
        The combined knowledge base.

    Raises:
        OSError: A file cannot be read.
        ValueError: A file is not a valid knowledge-base file.
    """
    return _load(tuple((os.fspath(p), os.stat(p).st_mtime_ns) for p in extra))
