"""Typed records that cross from extraction to the graph.

`ArticleFacts` is the one type `graph/` reads: an article's metadata plus the entities, mentions
and relations found in it. Every record is a small frozen dataclass that round-trips through
plain JSON, so facts can be cached, shipped between processes and merged later.

>>> from extract.facts import Article, ArticleFacts, dumps_facts, loads_facts
>>> facts = ArticleFacts(article=Article(id="a1", text="", title="T"))
>>> loads_facts(dumps_facts(facts)) == facts
True
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "ENTITY_TYPES",
    "Article",
    "ArticleFacts",
    "Entity",
    "Mention",
    "MentionSource",
    "Modality",
    "Polarity",
    "Relation",
    "dumps_facts",
    "loads_facts",
    "read_facts",
]

#: Entity types kept by newsgraph (spaCy labels; NORP is folded into its country, GPE).
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT")

Polarity = Literal["asserted", "negated"]
Modality = Literal["fact", "reported", "hedged", "future"]
MentionSource = Literal["ner", "gazetteer", "coref", "title"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk.

    ``id`` is a stable hash of the normalised text, so the same article read twice (or from two
    files) has the same id. ``origin`` is ``path`` or ``path:line`` for JSONL input.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity local to one article; ``key`` is unique within the article."""

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    country: str | None = None
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is mentioned: character span in the cleaned text, sentence index."""

    entity: str
    start: int
    end: int
    sentence: int
    text: str
    source: MentionSource = "ner"


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two entities (or an entity and a literal) with its evidence.

    ``obj`` is an entity key, or None when the object is the literal ``value`` (a quote).
    ``value`` also carries the post title of ``holdsPost``.
    """

    subject: str
    predicate: str
    obj: str | None
    sentence: str
    start: int
    end: int
    trigger: str
    rule: str
    value: str | None = None
    confidence: float = 0.5
    polarity: Polarity = "asserted"
    modality: Modality = "fact"
    attributed_to: str | None = None
    coreference: tuple[str, ...] = ()
    """Mentions in the sentence resolved by coreference: 'He = Jens Stoltenberg (after: ...)'."""
    ended: bool = False
    """For holdsPost: the post is one held before ("former Foreign Minister X")."""


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    sentences: tuple[str, ...] = field(default=(), compare=False)
    failures: tuple[str, ...] = ()
    """Extraction steps that failed on this article: 'newsgraph_relations: IndexError: ...'."""

    def entity(self, key: str) -> Entity:
        """Return the entity with ``key``; raise KeyError if there is none."""
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)


def _from_dict(cls: type[Any], data: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in names}
    return cls(**kwargs)


def facts_to_dict(facts: ArticleFacts) -> dict[str, Any]:
    """Plain-JSON form of ``facts`` (the article text is not repeated)."""
    article = _shallow(facts.article)
    article["text"] = ""
    article["authors"] = list(facts.article.authors)
    return {
        "article": article,
        "entities": [_shallow(e) for e in facts.entities],
        "mentions": [_shallow(m) for m in facts.mentions],
        "relations": [_shallow(r) for r in facts.relations],
        **({"failures": list(facts.failures)} if facts.failures else {}),
    }


def _shallow(record: Any) -> dict[str, Any]:
    """Fields of a flat record (tuples as lists), much faster than ``asdict``."""
    out = {}
    for name in _FIELDS.setdefault(type(record), tuple(f.name for f in fields(record))):
        value = getattr(record, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


_FIELDS: dict[type, tuple[str, ...]] = {}


def facts_from_dict(data: dict[str, Any]) -> ArticleFacts:
    """Inverse of :func:`facts_to_dict`."""
    return ArticleFacts(
        article=_from_dict(Article, data["article"]),
        entities=tuple(_from_dict(Entity, e) for e in data.get("entities", ())),
        mentions=tuple(_from_dict(Mention, m) for m in data.get("mentions", ())),
        relations=tuple(_from_dict(Relation, r) for r in data.get("relations", ())),
        failures=tuple(str(f) for f in data.get("failures", ())),
    )


def dumps_facts(facts: ArticleFacts) -> str:
    """One JSON line for ``facts``."""
    return json.dumps(facts_to_dict(facts), ensure_ascii=False, sort_keys=True)


def loads_facts(line: str) -> ArticleFacts:
    """Parse one JSON line written by :func:`dumps_facts`."""
    return facts_from_dict(json.loads(line))


def read_facts(path: str | Path) -> Iterator[ArticleFacts]:
    """Yield the `ArticleFacts` stored in a JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield loads_facts(line)
