"""The NetworkX view of the RDF graph: entities as nodes, statements between them as edges.

Derived from the RDF (one pass over the triples of the Oxigraph store), so it shows exactly
what the Turtle holds. Node and edge attributes are the ones the HTML explorer and GraphML
export use. Negated statements are edges too, with ``polarity="negated"``: filter on it for
the asserted graph.

The view reads the same triples as the SPARQL of `graph.query.statements`
(`STATEMENTS_QUERY`): an entity is a subject with ``ng:entityType`` and ``rdfs:label``, a
statement a subject typed ``ng:Statement`` with ``rdf:subject``, ``rdf:predicate`` and
``rdf:object``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeAlias

import networkx as nx
import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, RDFS, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, SKOS

from graph.query.statements import plover_types
from graph.rdf.iris import schema_class
from graph.rdf.namespaces import NG, PROV, SCHEMA, local_name
from graph.rdf.ontology import predicate_labels

__all__ = ["to_networkx"]

#: Subject -> predicate IRI -> objects, in store order.
_Index: TypeAlias = dict[Any, dict[str, list[Any]]]

_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_ENTITY_TYPE, _MENTIONS = str(NG.entityType), str(NG.mentionCount)
_STATEMENT, _ARTICLE, _KB = str(NG.Statement), str(SCHEMA.NewsArticle), str(NG.KnowledgeBase)
_DERIVED, _MENTIONED = str(PROV.wasDerivedFrom), str(SCHEMA.mentions)
_ALIAS, _SAME, _PLOVER, _COREF = (str(SKOS.altLabel), str(OWL.sameAs), str(NG.ploverType),
                                  str(NG.coreference))
_REIFIED = (str(RDF.subject), str(RDF.predicate), str(RDF.object))
#: Edge attribute -> the statement's property that gives it.
_STATEMENT_FIELDS = {name: str(iri) for name, iri in (
    ("sentence", NG.evidence), ("confidence", NG.confidence), ("polarity", NG.polarity),
    ("modality", NG.modality), ("trigger", NG.trigger), ("post_title", NG.postTitle),
    ("cameo", NG.cameoCode), ("attributed_to", NG.attributedTo), ("post_ended", NG.postEnded),
)}
#: Edge attribute -> the source article's property that gives it.
_ARTICLE_FIELDS = {name: str(iri) for name, iri in (
    ("article_title", SCHEMA.headline), ("article_date", SCHEMA.datePublished),
    ("article_url", SCHEMA.url), ("article_source", SCHEMA.publisher),
)}


def _text(term: Any) -> str:
    """The IRI, blank node id or lexical form of ``term``."""
    return str(term) if isinstance(term, ox.Triple) else str(term.value)


def _first(props: dict[str, list[Any]], predicate: str) -> str:
    values = props.get(predicate)
    return _text(values[0]) if values else ""


def _store_of(graph: Graph | ox.Store) -> ox.Store:
    """The Oxigraph store behind ``graph`` (a copy of its triples for another rdflib store)."""
    if isinstance(graph, ox.Store):
        return graph
    if isinstance(graph.store, OxigraphStore) and graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return graph.store._inner
    store = ox.Store()
    data = graph.serialize(format="ox-ntriples", encoding="utf-8")
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _index(store: ox.Store) -> _Index:
    index: _Index = {}
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        props = index.get(quad.subject)
        if props is None:
            props = index[quad.subject] = defaultdict(list)
        props[quad.predicate.value].append(quad.object)
    return index


def _is_a(props: dict[str, list[Any]], cls: str) -> bool:
    return any(isinstance(t, ox.NamedNode) and t.value == cls for t in props.get(_TYPE, ()))


def _typed(index: _Index, cls: str) -> Iterable[tuple[Any, dict[str, list[Any]]]]:
    return ((subject, props) for subject, props in index.items() if _is_a(props, cls))


def _add_nodes(view: nx.MultiDiGraph, index: _Index) -> None:
    articles: dict[str, int] = defaultdict(int)
    for _a, props in _typed(index, _ARTICLE):
        for entity in props.get(_MENTIONED, ()):
            articles[_text(entity)] += 1
    nodes = [(_text(e), props) for e, props in index.items()
             if _ENTITY_TYPE in props and _LABEL in props]
    for iri, props in sorted(nodes, key=lambda node: node[0]):
        view.add_node(iri, label=_first(props, _LABEL),
                      type=schema_class(_first(props, _ENTITY_TYPE)),
                      aliases=sorted(map(_text, props.get(_ALIAS, ()))),
                      mentions=int(_first(props, _MENTIONS) or 0), articles=articles[iri],
                      iri=iri, same_as=sorted(map(_text, props.get(_SAME, ()))))


def _sources(index: _Index, props: dict[str, list[Any]]) -> tuple[dict[str, str], str]:
    """The source article's attributes (empty where none) and the knowledge base's label."""
    article: dict[str, str] = {"article": ""} | {name: "" for name in _ARTICLE_FIELDS}
    kb = ""
    for source in props.get(_DERIVED, ()):
        own = index.get(source, {})
        if _is_a(own, _ARTICLE):
            article = {"article": _text(source)} | {
                name: _first(own, predicate) for name, predicate in _ARTICLE_FIELDS.items()}
        if _is_a(own, _KB):
            kb = _first(own, _LABEL) or _text(source)
    return article, kb


def _add_edges(view: nx.MultiDiGraph, index: _Index) -> None:
    labels = predicate_labels()
    statements = sorted(((_text(st), props) for st, props in _typed(index, _STATEMENT)),
                        key=lambda item: item[0])
    plovers = plover_types((st, _text(p)) for st, props in statements
                           for p in props.get(_PLOVER, ()))
    for st, props in statements:
        subjects, predicates, objects = (props.get(name, []) for name in _REIFIED)
        if not (subjects and predicates and objects):
            continue
        s, p, o = _text(subjects[0]), _text(predicates[0]), _text(objects[0])
        if s not in view or o not in view:
            continue
        local = local_name(p)
        field = {name: _first(props, predicate) for name, predicate in _STATEMENT_FIELDS.items()}
        article, kb = _sources(index, props)
        notes = sorted(map(_text, props.get(_COREF, ())))
        view.add_edge(s, o, key=st, predicate=local, label=labels.get(local, local),
                      sentence=field["sentence"], **article,
                      confidence=float(field["confidence"] or 0), polarity=field["polarity"],
                      modality=field["modality"], trigger=field["trigger"],
                      post_title=field["post_title"], cameo=field["cameo"],
                      **({"post_ended": True} if field["post_ended"] == "true" else {}),
                      plover=plovers.get(st, ""), attributed_to=field["attributed_to"],
                      coreference="; ".join(notes), **({"knowledge_base": kb} if kb else {}))


def to_networkx(graph: Graph | ox.Store) -> nx.MultiDiGraph:
    """Entities and the statements between them as a ``MultiDiGraph``.

    Node ids are entity IRIs; edge keys are statement IRIs; every edge carries its evidence
    sentence, article, confidence, polarity ("asserted" / "negated"), modality and codes. An
    edge for a fact the knowledge base alone gives has no sentence or article but a
    ``knowledge_base`` attribute, the knowledge base's label.

    Args:
        graph: an Oxigraph store (its default graph is read), or an rdflib `Graph`.
    """
    index = _index(_store_of(graph))
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    _add_nodes(view, index)
    _add_edges(view, index)
    return view
