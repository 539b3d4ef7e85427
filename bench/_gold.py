"""Readers for the gold sets the accuracy harness scores against.

Every reader returns small frozen records with token-index spans ``(start, end)``, end
exclusive. The token-text alignment helpers of ``_align`` (:func:`join_tokens`,
:func:`chars_to_tokens`, :func:`index_spans`) are importable from here too.

>>> doc = ConllDoc((("Hello", "world"), ("Bye",)), frozenset({(0, 2, "MISC")}))
>>> doc.text()
('Hello world\\nBye', [(0, 5), (6, 11), (12, 15)])
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _align import Offsets, Span, chars_to_tokens, index_spans, join_tokens

__all__ = [
    "Conll04Item",
    "ConllDoc",
    "DwieDoc",
    "GumDoc",
    "Offsets",
    "PloverItem",
    "chars_to_tokens",
    "index_spans",
    "join_tokens",
    "read_conll04",
    "read_conllpp",
    "read_dwie",
    "read_gum",
    "read_plover",
]



@dataclass(frozen=True, slots=True)
class ConllDoc:
    """A CoNLL-2003 document: sentences of tokens, entity spans over the flat token list."""

    sentences: tuple[tuple[str, ...], ...]
    entities: frozenset[tuple[int, int, str]]

    def text(self) -> tuple[str, Offsets]:
        """The document as text, one sentence a line, with every token's character span."""
        tokens = [t for sent in self.sentences for t in sent]
        starts, n = set(), 0
        for sent in self.sentences:
            starts.add(n)
            n += len(sent)
        return join_tokens(tokens, starts)


@dataclass(frozen=True, slots=True)
class DwieDoc:
    """A DWIE document: tokens (``"\\n"`` marks a line break), clusters and relations.

    ``clusters[i]`` holds the mentions ``(start, end, type)`` of entity ``i``; ``relations``
    holds ``(name, head cluster, tail cluster)``.
    """

    title: str
    tokens: tuple[str, ...]
    clusters: tuple[tuple[tuple[int, int, str], ...], ...]
    relations: tuple[tuple[str, int, int], ...]

    def merged(self, link: str = "gpe0") -> list[int]:
        """Cluster id of each cluster once clusters joined by ``link`` relations are merged.

        DWIE keeps a demonym ("German") apart from its country and joins them with ``gpe0``.
        """
        parent = list(range(len(self.clusters)))

        def root(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for name, head, tail in self.relations:
            if name == link:
                parent[root(head)] = root(tail)
        return [root(i) for i in range(len(parent))]

    def mention_index(self) -> tuple[dict[Span, set[int]], dict[Span, str]]:
        """Merged cluster ids (see :meth:`merged`) and the type of every gold mention span."""
        root = self.merged()
        ids = index_spans((s, e, root[c]) for c, ms in enumerate(self.clusters) for s, e, _k in ms)
        return ids, {(s, e): kind for cluster in self.clusters for s, e, kind in cluster}

    def gold_relations(
        self, mapping: Mapping[str, str], symmetric: Container[str] = ()
    ) -> dict[tuple[str, int, int], str]:
        """Relations renamed by ``mapping`` between merged clusters, each with a readable form.

        A ``-x`` relation (projected to a demonym) counts as its base relation; arguments of
        a ``symmetric`` relation are put in one order.
        """
        root = self.merged()
        out: dict[tuple[str, int, int], str] = {}
        for name, head, tail in self.relations:
            kind = mapping.get(name.removesuffix("-x"))
            if kind is not None:
                h, t = root[head], root[tail]
                h, t = (min(h, t), max(h, t)) if name in symmetric else (h, t)
                out[(kind, h, t)] = f"{self._name(h)} {kind} {self._name(t)}"
        return out

    def _name(self, cluster: int) -> str:
        start, end, _kind = self.clusters[cluster][0]
        return " ".join(self.tokens[start:end])


@dataclass(frozen=True, slots=True)
class PloverItem:
    """One PLOVER gold sentence: event type and the source and target actor texts."""

    id: str
    event: str
    text: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conll04Item:
    """A CoNLL04 sentence: entities ``(type, start, end)``, relations ``(type, head, tail)``."""

    tokens: tuple[str, ...]
    entities: tuple[tuple[str, int, int], ...]
    relations: tuple[tuple[str, int, int], ...]

    def mention_index(self) -> tuple[dict[Span, set[int]], dict[Span, str]]:
        """Entity indices and the type of every gold entity span."""
        ids = index_spans((s, e, n) for n, (_kind, s, e) in enumerate(self.entities))
        return ids, {(s, e): kind for kind, s, e in self.entities}

    def describe(self, relation: str, head: int, tail: int) -> str:
        """Readable form of a relation: "Smith Work_For IBM"."""
        words = [" ".join(self.tokens[s:e]) for _kind, s, e in (self.entities[head],
                                                                 self.entities[tail])]
        return f"{words[0]} {relation} {words[1]}"


@dataclass(frozen=True, slots=True)
class GumDoc:
    """A GUM document: tokens and coreference mentions ``(start, end, entity id)``."""

    name: str
    tokens: tuple[str, ...]
    mentions: tuple[tuple[int, int, str], ...]


def _iob_spans(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if kind and (prefix != "I" or label != kind):
            spans.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, label
    return spans


def read_conllpp(path: str | Path) -> list[ConllDoc]:
    """Read a CoNLL-2003 file (``TOKEN POS CHUNK NER``, IOB, ``-DOCSTART-`` between docs)."""
    docs: list[ConllDoc] = []
    sents: list[tuple[str, ...]] = []
    sent: list[str] = []
    tags: list[str] = []

    def close_doc() -> None:
        if sent:
            sents.append(tuple(sent))
            sent.clear()
        if sents:
            docs.append(ConllDoc(tuple(sents), frozenset(_iob_spans(tags))))
        sents.clear()
        tags.clear()

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if cols and cols[0] == "-DOCSTART-":
            close_doc()
        elif not cols:
            if sent:
                sents.append(tuple(sent))
                sent.clear()
        else:
            sent.append(cols[0])
            tags.append(cols[-1])
    close_doc()
    return docs


def read_dwie(path: str | Path) -> list[DwieDoc]:
    """Read DWIE in DocRED JSON form (``sents``, ``vertexSet``, ``labels``)."""
    docs: list[DwieDoc] = []
    for doc in json.loads(Path(path).read_text(encoding="utf-8")):
        tokens = tuple(tok for sent in doc["sents"] for tok in sent)
        clusters = tuple(
            tuple((m["pos"][0], m["pos"][1], m["type"].removeprefix("type::")) for m in vertex)
            for vertex in doc["vertexSet"]
        )
        rels = tuple((lab["r"], lab["h"], lab["t"]) for lab in doc.get("labels", ()))
        docs.append(DwieDoc(doc.get("title", ""), tokens, clusters, rels))
    return docs


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value
                 if isinstance(a, dict) and str(a.get("actorText", "")).strip())


def read_plover(path: str | Path) -> list[PloverItem]:
    """Read the PLOVER gold records (JSON with trailing commas); skip those without text."""
    raw = re.sub(r",\s*([}\]])", r"\1", Path(path).read_text(encoding="utf-8"))
    items: list[PloverItem] = []
    for rec in json.loads(raw):
        if not rec.get("text"):
            continue
        items.append(PloverItem(
            rec["id"], rec["event"], rec["text"],
            _actor_texts(rec.get("source")), _actor_texts(rec.get("target")),
        ))
    return items


def read_conll04(path: str | Path) -> list[Conll04Item]:
    """Read CoNLL04 JSON (``tokens``, ``entities``, ``relations`` per sentence)."""
    items: list[Conll04Item] = []
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        ents = tuple((e["type"], e["start"], e["end"]) for e in rec["entities"])
        rels = tuple((r["type"], r["head"], r["tail"]) for r in rec["relations"])
        items.append(Conll04Item(tuple(rec["tokens"]), ents, rels))
    return items


_BRACKET = re.compile(r"\(?[^()]+\)?")


def _gum_mentions(column: Sequence[str]) -> list[tuple[int, int, str]]:
    open_: dict[str, list[int]] = {}
    found: list[tuple[int, int, str]] = []
    for i, cell in enumerate(column):
        if cell == "_":
            continue
        for piece in _BRACKET.findall(cell):
            ident = piece.strip("()").split("-")
            key = "-".join(ident[:2])
            if piece.startswith("(") and piece.endswith(")"):
                found.append((i, i + 1, key))
            elif piece.startswith("("):
                open_.setdefault(key, []).append(i)
            elif open_.get(key):
                found.append((open_[key].pop(), i + 1, key))
    return sorted(found)


def read_gum(paths: Iterable[str | Path]) -> list[GumDoc]:
    """Read GUM coreference files (``index<TAB>token<TAB>brackets``), one document per file."""
    docs: list[GumDoc] = []
    for path in sorted(Path(p) for p in paths):
        tokens: list[str] = []
        column: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            tokens.append(cols[1])
            column.append(cols[2])
        docs.append(GumDoc(path.stem, tuple(tokens), tuple(_gum_mentions(column))))
    return docs
