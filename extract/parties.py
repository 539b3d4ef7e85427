"""Party membership of politicians, as US news writes it (parties in ``data/parties.json``).

"Sen. Lindsey Graham (R-S.C.)", "Chuck Schumer, D-N.Y.,", "Republican Sen. Lindsey Graham",
"Chicago Democratic Rep. Jan Schakowsky", "Bill Nelson, Florida Democrat," and "the Ohio
Republican said" (a description coreference ties to the person) each give
memberOf(person, party). The party becomes an entity of the article when the text names it
only through such a mark.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.entities import EntityGroup
from extract.kb import KBEntry, normalise_name
from extract.merging import add_kb_entity
from extract.patterns import Found
from extract.titles import TITLE_WORDS

__all__ = ["party_memberships"]

_DATA = Path(__file__).parent / "data" / "parties.json"
#: "(R-S.C.)", "(D)", ", R-Ky.,", "(R-Tex.)", "R.-Ky.": a party letter and a state after a name.
_LETTER = re.compile(r"\s*(?:\(\s*([A-Z])\s*(?:[-–.]+\s*[A-Z][A-Za-z.]{0,8})?\s*\)"
                     r"|,\s*([A-Z])\.?\s*[-–]\s*[A-Z][A-Za-z.]{0,8}(?=[\s,.;:]))")
#: ", Florida Democrat," / ", the Ohio Republican,": a party word in an apposition.
_APPOS = re.compile(r"\s*,\s*(?:an?\s+|the\s+)?(?:[A-Z][a-z]+\s+){0,2}([A-Z][a-z]+)\s*[,.;]")


@dataclass(frozen=True, slots=True)
class _Party:
    entry: KBEntry
    letter: str
    words: frozenset[str]
    names: frozenset[str]


@lru_cache(maxsize=1)
def _parties() -> tuple[_Party, ...]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        _Party(KBEntry(p["id"], "ORG", p["name"], aliases=tuple(p["aliases"])), p["letter"],
               frozenset(w.lower() for w in p["words"]),
               frozenset(normalise_name(a) for a in p["aliases"]))
        for p in data["parties"])


def _party_key(groups: dict[str, EntityGroup], party: _Party) -> str:
    """The article's entity for ``party``: one the text names ("the GOP"), else a new one."""
    for key, group in groups.items():
        if group.type == "ORG" and normalise_name(group.name) in party.names:
            return key
    return add_kb_entity(groups, party.entry)


def _mark_after(doc: Doc, end: int) -> _Party | None:
    if end >= len(doc):
        return None
    whole = doc_text(doc)
    text = whole[doc[end].idx - len(doc[end - 1].whitespace_) : doc[end].idx + 40]
    match = _LETTER.match(text)
    if match:
        letter = match.group(1) or match.group(2)
        return next((p for p in _parties() if p.letter == letter), None)
    appos = _APPOS.match(text)
    word = appos.group(1).lower() if appos else ""
    return next((p for p in _parties() if word in p.words), None)


def _mark_before(doc: Doc, start: int) -> _Party | None:
    """"Republican Sen. Lindsey Graham": a party word, then only title words, then the name."""
    i = start - 1
    while i >= 0 and i > start - 5 and doc[i].lower_ in TITLE_WORDS | {"rep.", "sen."}:
        i -= 1
    if i < 0 or (i == start - 1 and not doc[i].is_title):
        return None
    word = doc[i].lower_
    return next((p for p in _parties() if word in p.words and doc[i].is_title), None)


def party_memberships(doc: Doc) -> Iterator[Found]:
    """memberOf(person, party) for every person marked with a party (see module doc)."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    for key, group in list(groups.items()):
        if group.type != "PERSON":
            continue
        for start, end, how in group.spans:
            if how == "coref":  # "the Ohio Republican said": a member named by the party word
                word = doc[start].lower_
                party = next((p for p in _parties() if word in p.words), None)
            else:
                party = _mark_after(doc, end) or _mark_before(doc, start)
            if party is not None:
                yield (key, "memberOf", _party_key(groups, party), doc[start], "member-party",
                       0.85, None)
