"""Merge many `ArticleFacts` into one RDF graph (rdflib API over the Oxigraph store).

Each relation is written twice: a direct triple (``:blinken ng:discussedWith :stoltenberg``)
for simple queries and the explorer, and a statement node carrying its evidence and assertion
state. Negated relations get only the statement node.

>>> from extract.facts import Article, ArticleFacts, Entity
>>> facts = ArticleFacts(article=Article(id="a1", text="", title="T"),
...                      entities=(Entity(key="~person:ann", type="PERSON", name="Ann"),))
>>> kg = build_graph([facts])
>>> len(kg.resolution.nodes)
1
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from extract.facts import Article, ArticleFacts, Relation
from extract.triggers import SYMMETRIC
from graph.iris import article_iri, statement_iri
from graph.namespaces import DEFAULT_BASE, GEONAMES, NG, PREFIXES, PROV, SCHEMA, WD
from graph.resolve import Node, Resolution, resolve

__all__ = ["KnowledgeGraph", "build_graph", "new_graph"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f]+$")
_QID = re.compile(r"^Q\d+$")


@dataclass
class KnowledgeGraph:
    """The built graph and what it was built from."""

    rdf: Graph
    resolution: Resolution
    articles: list[Article] = field(default_factory=list)
    relations: Counter[str] = field(default_factory=Counter)
    negated: int = 0


def new_graph(base: str = DEFAULT_BASE) -> Graph:
    """An empty rdflib Graph on the Oxigraph store, with newsgraph's prefixes bound."""
    graph = Graph(store="Oxigraph", bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("id", base, override=True)
    return graph


def _entity_classes(node: Node, kb_key: str | None) -> list[URIRef]:
    if node.type == "PERSON":
        return [SCHEMA.Person]
    if node.type == "ORG":
        return [SCHEMA.Organization]
    if node.type == "EVENT":
        return [SCHEMA.Event]
    classes = [SCHEMA.Place]
    if kb_key and kb_key.startswith("country:"):
        classes.append(SCHEMA.Country)
    elif kb_key and kb_key.startswith("city:"):
        classes.append(SCHEMA.City)
    return classes


def _node_triples(graph: Graph, node: Node, kb_key: str | None) -> None:
    s = URIRef(node.iri)
    for cls in _entity_classes(node, kb_key):
        graph.add((s, RDF.type, cls))
    graph.add((s, RDFS.label, Literal(node.name)))
    for alias in sorted(node.aliases):
        graph.add((s, SKOS.altLabel, Literal(alias)))
    graph.add((s, NG.entityType, Literal(node.type)))
    graph.add((s, NG.mentionCount, Literal(node.mentions)))
    if node.country:
        graph.add((s, NG.countryCode, Literal(node.country)))
    if node.wikidata and _QID.match(node.wikidata):
        graph.add((s, OWL.sameAs, WD[node.wikidata]))
    if node.geonames and node.geonames.isdigit():
        graph.add((s, OWL.sameAs, GEONAMES[f"{node.geonames}/"]))


def _article_triples(graph: Graph, base: str, article: Article, mentioned: set[str]) -> URIRef:
    a = URIRef(article_iri(base, article.id))
    graph.add((a, RDF.type, SCHEMA.NewsArticle))
    graph.add((a, NG.contentHash, Literal(article.id)))
    if article.title:
        graph.add((a, SCHEMA.headline, Literal(article.title)))
    if article.date:
        date = article.date[:10] if _DATE.match(article.date[:10]) else None
        value = Literal(date, datatype=XSD.date) if date else Literal(article.date)
        graph.add((a, SCHEMA.datePublished, value))
    if article.url and _SAFE_URL.match(article.url):
        graph.add((a, SCHEMA.url, URIRef(article.url)))
    if article.source:
        graph.add((a, SCHEMA.publisher, Literal(article.source)))
    for author in article.authors:
        graph.add((a, SCHEMA.author, Literal(author)))
    if article.origin:
        graph.add((a, NG.origin, Literal(article.origin)))
    for iri in sorted(mentioned):
        graph.add((a, SCHEMA.mentions, URIRef(iri)))
    return a


def _relation_triples(
    graph: Graph, base: str, article: URIRef, aid: str, rel: Relation, res: Resolution
) -> bool:
    s_iri = res.index.get((aid, rel.subject))
    o_iri = res.index.get((aid, rel.obj)) if rel.obj is not None else None
    if s_iri is None or (rel.obj is not None and o_iri is None) or s_iri == o_iri:
        return False
    if rel.predicate in SYMMETRIC and o_iri is not None and o_iri < s_iri:
        s_iri, o_iri = o_iri, s_iri
    s, p = URIRef(s_iri), NG[rel.predicate]
    o = URIRef(o_iri) if o_iri is not None else Literal(rel.value or "")
    st = URIRef(statement_iri(base, aid, s_iri, rel.predicate, o, rel.start, rel.trigger,
                              rel.polarity, rel.value))
    if rel.polarity == "asserted":
        graph.add((s, p, o))
    for pred, value in (
        (RDF.type, NG.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
        (PROV.wasDerivedFrom, article), (NG.evidence, Literal(rel.sentence)),
        (NG.startChar, Literal(rel.start)), (NG.endChar, Literal(rel.end)),
        (NG.confidence, Literal(Decimal(str(rel.confidence)), datatype=XSD.decimal)),
        (NG.polarity, Literal(rel.polarity)), (NG.modality, Literal(rel.modality)),
        (NG.trigger, Literal(rel.trigger)), (NG.rule, Literal(rel.rule)),
    ):
        graph.add((st, pred, value))
    if rel.predicate == "holdsPost" and rel.value:
        graph.add((st, NG.postTitle, Literal(rel.value)))
    if rel.cameo:
        graph.add((st, NG.cameoCode, Literal(rel.cameo)))
    if rel.plover:
        graph.add((st, NG.ploverType, Literal(rel.plover)))
    if rel.attributed_to and (src := res.index.get((aid, rel.attributed_to))):
        graph.add((st, NG.attributedTo, URIRef(src)))
    return True


def build_graph(facts: Iterable[ArticleFacts], *, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Resolve entities across ``facts`` and write the RDF graph."""
    items = sorted(facts, key=lambda f: f.article.id)
    resolution = resolve(items, base)
    graph = new_graph(base)
    kb_keys: dict[str, str] = {}
    for (_aid, key), iri in resolution.index.items():
        if not key.startswith("~"):
            kb_keys.setdefault(iri, key)
    for iri, node in resolution.nodes.items():
        _node_triples(graph, node, kb_keys.get(iri))
    kg = KnowledgeGraph(rdf=graph, resolution=resolution, articles=[f.article for f in items])
    for item in items:
        aid = item.article.id
        mentioned = {resolution.index[(aid, e.key)] for e in item.entities if e.mentions}
        a = _article_triples(graph, base, item.article, mentioned)
        for rel in item.relations:
            if _relation_triples(graph, base, a, aid, rel, resolution):
                if rel.polarity == "asserted":
                    kg.relations[rel.predicate] += 1
                else:
                    kg.negated += 1
    return kg
