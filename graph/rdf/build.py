"""Merge many `ArticleFacts` into one RDF graph (rdflib API over the Oxigraph store).

Each relation is written twice: a direct triple (``:blinken ng:discussedWith :stoltenberg``)
for simple queries and the explorer, and a statement node carrying its evidence and assertion
state. Negated relations get only the statement node. A knowledge-base fact
(`graph.rdf.provenance`) gets one statement derived from the knowledge base, with no article
evidence, however many articles brought it in.

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

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, SKOS

from extract.facts import Article, ArticleFacts, Relation
from extract.fields import is_calendar_date
from graph.rdf.iris import article_iri, schema_class, statement_iri
from graph.rdf.namespaces import DEFAULT_BASE, GEONAMES, NG, PREFIXES, PROV, SCHEMA, WD
from graph.rdf.ontology import codes_of, symmetric_predicates
from graph.rdf.provenance import KB_LABEL, KB_SOURCE, is_kb_fact
from graph.rdf.resolve import Node, Resolution, resolve

__all__ = ["KnowledgeGraph", "build_graph", "new_graph"]

_SAFE_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f]+$")
_QID = re.compile(r"^Q\d+$")


@dataclass
class KnowledgeGraph:
    """The built graph and what it was built from.

    ``rdf`` is the rdflib API over ``store``, the Oxigraph store that holds the triples (in
    its default graph); ``base`` is the base IRI of the data IRIs.
    """

    rdf: Graph
    resolution: Resolution
    store: ox.Store = field(default_factory=ox.Store)
    base: str = DEFAULT_BASE
    articles: list[Article] = field(default_factory=list)
    relations: Counter[str] = field(default_factory=Counter)
    negated: int = 0


def new_graph(base: str = DEFAULT_BASE, store: ox.Store | None = None) -> Graph:
    """An rdflib Graph over an Oxigraph store (its default graph), newsgraph's prefixes bound."""
    graph = Graph(store=OxigraphStore(store=store if store is not None else ox.Store()),
                  identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("id", base, override=True)
    return graph


class _Quads:
    """Triples collected as Oxigraph quads and added to the store in one bulk call.

    Writing Oxigraph terms directly skips rdflib's per-triple conversion, the largest cost of
    a build after the NLP.
    """

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self._nodes: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._nodes.get(value)
        if node is None:
            node = self._nodes[value] = ox.NamedNode(value)
        return node

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        obj = self.iri(o) if isinstance(o, str) else o
        self.quads.append(ox.Quad(self.iri(s), self.iri(p), obj))  # in the default graph


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def _typed(value: object, datatype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(datatype))


def _entity_classes(node: Node, kb_key: str | None) -> list[URIRef]:
    classes = [SCHEMA[schema_class(node.type)]]
    if classes != [SCHEMA.Place]:
        return classes
    if kb_key and kb_key.startswith("country:"):
        classes.append(SCHEMA.Country)
    elif kb_key and kb_key.startswith("city:"):
        classes.append(SCHEMA.City)
    return classes


def _node_triples(out: _Quads, node: Node, kb_key: str | None) -> None:
    s = node.iri
    for cls in _entity_classes(node, kb_key):
        out.add(s, RDF.type, cls)
    out.add(s, RDFS.label, _text(node.name))
    for alias in sorted(node.aliases):
        out.add(s, SKOS.altLabel, _text(alias))
    out.add(s, NG.entityType, _text(node.type))
    out.add(s, NG.mentionCount, _typed(node.mentions, XSD.integer))
    if node.country:
        out.add(s, NG.countryCode, _text(node.country))
    if node.wikidata and _QID.match(node.wikidata):
        out.add(s, OWL.sameAs, WD[node.wikidata])
    if node.geonames and node.geonames.isdigit():
        out.add(s, OWL.sameAs, GEONAMES[f"{node.geonames}/"])


def _article_triples(out: _Quads, base: str, article: Article, mentioned: set[str]) -> str:
    a = article_iri(base, article.id)
    out.add(a, RDF.type, SCHEMA.NewsArticle)
    out.add(a, NG.contentHash, _text(article.id))
    if article.title:
        out.add(a, SCHEMA.headline, _text(article.title))
    if article.date:
        date = article.date[:10] if is_calendar_date(article.date) else None
        out.add(a, SCHEMA.datePublished,
                _typed(date, XSD.date) if date else _text(article.date))
    if article.url and _SAFE_URL.match(article.url):
        out.add(a, SCHEMA.url, article.url)
    if article.source:
        out.add(a, SCHEMA.publisher, _text(article.source))
    for author in article.authors:
        out.add(a, SCHEMA.author, _text(author))
    if article.origin:
        out.add(a, NG.origin, _text(article.origin))
    for iri in sorted(mentioned):
        out.add(a, SCHEMA.mentions, iri)
    return a


def _ends(aid: str, rel: Relation, res: Resolution) -> tuple[str, str | None] | None:
    """Subject and object IRIs of ``rel`` (object None for a literal), symmetric pairs ordered;
    None when an argument is unknown or both are one entity."""
    s = res.index.get((aid, rel.subject))
    o_iri = res.index.get((aid, rel.obj)) if rel.obj is not None else None
    if s is None or (rel.obj is not None and o_iri is None) or s == o_iri:
        return None
    if rel.predicate in symmetric_predicates() and o_iri is not None and o_iri < s:
        s, o_iri = o_iri, s
    return s, o_iri


def _codes(out: _Quads, st: str, rel: Relation) -> None:
    cameo, plovers = codes_of(rel.predicate, rel.modality)
    if cameo:
        out.add(st, NG.cameoCode, _text(cameo))
    for plover in plovers:
        out.add(st, NG.ploverType, _text(plover))


def _relation_triples(
    out: _Quads, base: str, article: str, aid: str, rel: Relation, res: Resolution
) -> bool:
    ends = _ends(aid, rel, res)
    if ends is None:
        return False
    s, o_iri = ends
    p: str = getattr(NG, rel.predicate)  # raises for a predicate not in the vocabulary
    o: str | ox.Literal = o_iri if o_iri is not None else _text(rel.value or "")
    key_o = URIRef(o_iri) if o_iri is not None else Literal(rel.value or "")
    st = statement_iri(base, aid, s, rel.predicate, key_o, rel.start, rel.trigger,
                       rel.polarity, rel.value)
    if rel.polarity == "asserted" and not rel.ended:  # a post held before is no current fact
        out.add(s, p, o)
    for pred, value in (
        (RDF.type, NG.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
        (PROV.wasDerivedFrom, article), (NG.evidence, _text(rel.sentence)),
        (NG.startChar, _typed(rel.start, XSD.integer)),
        (NG.endChar, _typed(rel.end, XSD.integer)),
        (NG.confidence, _typed(Decimal(str(rel.confidence)), XSD.decimal)),
        (NG.polarity, _text(rel.polarity)), (NG.modality, _text(rel.modality)),
        (NG.trigger, _text(rel.trigger)), (NG.rule, _text(rel.rule)),
    ):
        out.add(st, pred, value)
    if rel.predicate == "holdsPost" and rel.value:
        out.add(st, NG.postTitle, _text(rel.value))
    if rel.predicate == "holdsPost" and rel.ended:
        out.add(st, NG.postEnded, _typed("true", XSD.boolean))
    _codes(out, st, rel)
    for note in rel.coreference:
        out.add(st, NG.coreference, _text(note))
    if rel.attributed_to and (src := res.index.get((aid, rel.attributed_to))):
        out.add(st, NG.attributedTo, src)
    return True


def _kb_triples(
    out: _Quads, base: str, aid: str, rel: Relation, res: Resolution, seen: set[str]
) -> bool:
    """A knowledge-base fact (`graph.rdf.provenance`): the direct triple and one statement
    derived from `KB_SOURCE`, without evidence; False when it is already written (another
    article brought it in) or cannot be. Knowledge-base facts are asserted facts."""
    ends = _ends(aid, rel, res)
    if ends is None or ends[1] is None:
        return False
    s, o = ends[0], ends[1]
    st = statement_iri(base, KB_SOURCE, s, rel.predicate, o)
    if st in seen:
        return False
    if not seen:
        out.add(KB_SOURCE, RDF.type, NG.KnowledgeBase)
        out.add(KB_SOURCE, RDFS.label, _text(KB_LABEL))
    seen.add(st)
    p: str = getattr(NG, rel.predicate)
    out.add(s, p, o)
    for pred, value in (
        (RDF.type, NG.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
        (PROV.wasDerivedFrom, KB_SOURCE),
        (NG.confidence, _typed(Decimal(str(rel.confidence)), XSD.decimal)),
        (NG.polarity, _text("asserted")), (NG.modality, _text("fact")),
        (NG.rule, _text(rel.rule)),
    ):
        out.add(st, pred, value)
    _codes(out, st, rel)
    return True


def build_graph(facts: Iterable[ArticleFacts], *, base: str = DEFAULT_BASE) -> KnowledgeGraph:
    """Resolve entities across ``facts`` and write the RDF graph."""
    items = sorted(facts, key=lambda f: f.article.id)
    resolution = resolve(items, base)
    store = ox.Store()
    graph = new_graph(base, store)
    out = _Quads()
    kb_keys: dict[str, str] = {}
    kb_statements: set[str] = set()
    for (_aid, key), iri in resolution.index.items():
        if not key.startswith("~"):
            kb_keys.setdefault(iri, key)
    for iri, node in resolution.nodes.items():
        _node_triples(out, node, kb_keys.get(iri))
    kg = KnowledgeGraph(rdf=graph, resolution=resolution, store=store, base=base,
                        articles=[f.article for f in items])
    for item in items:
        aid = item.article.id
        mentioned = {resolution.index[(aid, e.key)] for e in item.entities if e.mentions}
        a = _article_triples(out, base, item.article, mentioned)
        for rel in item.relations:
            if is_kb_fact(rel):
                if _kb_triples(out, base, aid, rel, resolution, kb_statements):
                    kg.relations[rel.predicate] += 1
            elif _relation_triples(out, base, a, aid, rel, resolution):
                if rel.polarity == "asserted":
                    kg.relations[rel.predicate] += 1
                else:
                    kg.negated += 1
    store.bulk_extend(out.quads)
    return kg
