"""Datasets of named graphs: one graph per article, one of the merged entities, one of the
knowledge base.

TriG and N-Quads exports hold the triples of a graph partitioned by :func:`partition`: each
article's graph is named by the article IRI, the merged entities (with anything not from
one article) sit in the graph named by :func:`entities_graph`, and the facts the knowledge base
alone gives (`graph.rdf.provenance`) in the graph named by :func:`kb_graph`.
:func:`portable_prefixes` chooses the prefixes that Turtle and TriG can use without backslash
escapes in local names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias, cast

import pyoxigraph as ox

from graph.rdf.iris import TYPE_PATHS
from graph.rdf.namespaces import DEFAULT_BASE, NG, PREFIXES, PROV, SCHEMA

__all__ = [
    "data_base",
    "entities_graph",
    "kb_graph",
    "partition",
    "portable_prefixes",
    "triple_key",
]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_TYPE = ox.NamedNode(_RDF + "type")
_RDF_TYPE_TEXT = str(_RDF_TYPE)
_STATEMENT, _ARTICLE = ox.NamedNode(str(NG.Statement)), ox.NamedNode(str(SCHEMA.NewsArticle))
_KB = ox.NamedNode(str(NG.KnowledgeBase))
_DERIVED, _POLARITY = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(NG.polarity))
_REIFIED = tuple(ox.NamedNode(_RDF + name) for name in ("subject", "predicate", "object"))
_NEGATED = ox.Literal("negated")
_ENDED = ox.NamedNode(str(NG.postEnded))
# A Turtle local name that Oxigraph writes without backslash escapes (it escapes ``%`` too).
_PLAIN_LOCAL = re.compile(r"(?:\w(?:[\w.-]*[\w-])?)?", re.ASCII)

_Subject: TypeAlias = ox.NamedNode | ox.BlankNode


def triple_key(triple: ox.Triple | ox.Quad) -> str:
    """Sort key of a triple: by subject, its ``rdf:type`` first, then predicate and object.

    One string that compares as the tuple (subject, predicate is not ``rdf:type``, predicate,
    object) of their N-Triples forms does: the parts are separated by NUL, which no subject or
    predicate IRI holds and which sorts before any other character.

    >>> a, p = ox.NamedNode("http://x.org/a"), ox.NamedNode("http://x.org/p")
    >>> typed = ox.Triple(a, _RDF_TYPE, p)
    >>> sorted([ox.Triple(a, p, p), typed], key=triple_key)[0] == typed
    True
    """
    t = triple.triple if isinstance(triple, ox.Quad) else triple
    subject, predicate, obj = str(t).split(" ", 2)  # no space in a subject or predicate
    return f"{subject}\x00{'0' if predicate == _RDF_TYPE_TEXT else '1'}{predicate}\x00{obj}"


def data_base(triples: Sequence[ox.Triple]) -> str:
    """The data base IRI, read from the article IRIs (``{base}article/{hash}``)."""
    bases = {t.subject.value.rsplit("article/", 1)[0] for t in triples
             if t.predicate == _RDF_TYPE and t.object == _ARTICLE
             and isinstance(t.subject, ox.NamedNode) and "article/" in t.subject.value}
    return min(bases) if bases else DEFAULT_BASE


def entities_graph(base: str = DEFAULT_BASE) -> str:
    """IRI of the named graph that holds the merged entities (and anything not from one article).

    >>> entities_graph()
    'https://w3id.org/newsgraph/id/graph/entities'
    """
    return f"{base}graph/entities"


def kb_graph(base: str = DEFAULT_BASE) -> str:
    """IRI of the named graph that holds the knowledge-base facts and the knowledge base's own
    description (`graph.rdf.provenance.KB_SOURCE`).

    >>> kb_graph()
    'https://w3id.org/newsgraph/id/graph/kb'
    """
    return f"{base}graph/kb"


def partition(triples: Iterable[ox.Triple], base: str | None = None) -> list[ox.Quad]:
    """Place each triple in the named graph of the article it comes from.

    - a statement node's triples go in the graph of its ``prov:wasDerivedFrom`` article(s), or
      in the knowledge-base graph (:func:`kb_graph`) when derived from the knowledge base;
    - an article's own triples (headline, date, mentions ...) go in the article's graph, the
      knowledge base's own triples (type, label) in the knowledge-base graph;
    - a direct relation triple goes in the graph of every source (article or knowledge base)
      with an asserted (not negated) statement for it, either way round for symmetric
      predicates;
    - everything else (entity types, labels, aliases, links, mention counts) goes in the
      entities graph, :func:`entities_graph`.

    Each article graph is named by the article IRI, so dropping an article from a store is
    dropping its graph.

    Args:
        triples: the graph.
        base: data base IRI for the entities and knowledge-base graphs; default: read from the
            article IRIs.

    Returns:
        Quads sorted by graph (the entities graph first) and then by triple.
    """
    from graph.rdf.ontology import symmetric_predicates

    items = list(triples)
    base = base or data_base(items)
    home = ox.NamedNode(entities_graph(base))
    by_subject: dict[Any, list[ox.Triple]] = defaultdict(list)
    for t in items:
        by_subject[t.subject].append(t)
    symmetric = {ox.NamedNode(str(NG) + name) for name in symmetric_predicates()}
    statements: dict[Any, list[_Subject]] = {}
    support: dict[tuple[Any, Any, Any], set[_Subject]] = defaultdict(set)
    for subject, own in by_subject.items():
        if not any(t.predicate == _RDF_TYPE and t.object == _STATEMENT for t in own):
            continue
        derived: list[_Subject] = [t.object for t in own if t.predicate == _DERIVED
                                   and isinstance(t.object, ox.NamedNode | ox.BlankNode)]
        statements[subject] = derived
        parts = [next((t.object for t in own if t.predicate == p), None) for p in _REIFIED]
        if None in parts or any((t.predicate == _POLARITY and t.object == _NEGATED)
                                or t.predicate == _ENDED for t in own):
            continue  # a negated statement, or a post held before, gives no direct triple
        s, p, o = parts
        support[(s, p, o)].update(derived)
        if p in symmetric:
            support[(o, p, s)].update(derived)
    sources = _sources(items, ox.NamedNode(kb_graph(base)))
    quads = []
    for t in items:
        if t.subject in statements:
            graphs: Iterable[_Subject] = statements[t.subject] or [home]
        elif t.subject in sources:
            graphs = [sources[t.subject]]
        else:
            graphs = support.get((t.subject, t.predicate, t.object)) or [home]
        graphs = {sources.get(g, g) for g in graphs}
        quads += [ox.Quad(t.subject, t.predicate, t.object, g) for g in graphs]
    return sorted(quads, key=lambda q: (q.graph_name != home, str(q.graph_name), triple_key(q)))


def _sources(items: Iterable[ox.Triple], kb: ox.NamedNode) -> dict[Any, _Subject]:
    """The named graph of each statement source: an article's own, the knowledge base's
    ``kb``."""
    found: dict[Any, _Subject] = {}
    for t in items:
        if t.predicate == _RDF_TYPE and t.object == _ARTICLE:
            found[t.subject] = cast(_Subject, t.subject)
        elif t.predicate == _RDF_TYPE and t.object == _KB:
            found[t.subject] = kb
    return found


def portable_prefixes(iris: Iterable[str], base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes to write: those under which every IRI has a plain local name.

    Candidates are newsgraph's `PREFIXES` and one per data IRI kind under ``base``
    (``person:``, ``org:``, ``place:``, ``event:``, ``article:``, ``statement:`` ...).

    >>> portable_prefixes(["https://w3id.org/newsgraph/id/person/ann", "http://sws.geonames.org/1/"])
    {'person': 'https://w3id.org/newsgraph/id/person/'}
    """
    kinds = {*TYPE_PATHS.values(), "thing", "article", "statement", "graph"}
    candidates = {**{kind: f"{base}{kind}/" for kind in sorted(kinds)}, **PREFIXES}
    used: set[str] = set()
    spoiled: set[str] = set()
    for iri in set(iris):
        for name, namespace in candidates.items():
            if iri.startswith(namespace):
                plain = _PLAIN_LOCAL.fullmatch(iri[len(namespace) :]) is not None
                (used if plain else spoiled).add(name)
    return {name: candidates[name] for name in sorted(used - spoiled)}
