"""The NetworkX view of the RDF graph: entities as nodes, statements between them as edges.

Derived from the RDF (by SPARQL over the Oxigraph store), so it shows exactly what the Turtle
holds. Node and edge attributes are the ones the HTML explorer and GraphML export use. Negated
statements are edges too, with ``polarity="negated"``: filter on it for the asserted graph.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Graph

from graph.query.statements import PLOVER_QUERY, STATEMENTS_QUERY, plover_types
from graph.rdf.iris import schema_class
from graph.rdf.namespaces import SPARQL_PREFIXES, local_name
from graph.rdf.ontology import predicate_labels

__all__ = ["to_networkx"]

_NODES = SPARQL_PREFIXES + """
SELECT ?e ?label ?etype ?mentions WHERE {
  ?e ng:entityType ?etype ; rdfs:label ?label .
  OPTIONAL { ?e ng:mentionCount ?mentions }
}"""

_ALIASES = SPARQL_PREFIXES + """
SELECT ?e ?alias WHERE { ?e ng:entityType ?t ; skos:altLabel ?alias }"""
_SAME = SPARQL_PREFIXES + "SELECT ?e ?x WHERE { ?e ng:entityType ?t ; owl:sameAs ?x }"
_ARTICLES = SPARQL_PREFIXES + """
SELECT ?a ?e WHERE { ?a a schema:NewsArticle ; schema:mentions ?e }"""
_COREF = SPARQL_PREFIXES + """
SELECT ?st ?note WHERE { ?st a ng:Statement ; ng:coreference ?note }"""


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and the statements between them as a ``MultiDiGraph``.

    Node ids are entity IRIs; edge keys are statement IRIs; every edge carries its evidence
    sentence, article, confidence, polarity ("asserted" / "negated"), modality and codes. An
    edge for a fact the knowledge base alone gives has no sentence or article but a
    ``knowledge_base`` attribute, the knowledge base's label.
    """
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    aliases: dict[str, list[str]] = defaultdict(list)
    same: dict[str, list[str]] = defaultdict(list)
    articles: dict[str, int] = defaultdict(int)
    for e, alias in _rows(graph, _ALIASES):
        aliases[str(e)].append(str(alias))
    for e, x in _rows(graph, _SAME):
        same[str(e)].append(str(x))
    for _a, e in _rows(graph, _ARTICLES):
        articles[str(e)] += 1
    rows = sorted(_rows(graph, _NODES), key=lambda r: str(r[0]))
    for e, label, etype, mentions in rows:
        iri = str(e)
        view.add_node(iri, label=str(label), type=schema_class(str(etype)),
                      aliases=sorted(aliases[iri]), mentions=int(mentions or 0),
                      articles=articles[iri], iri=iri, same_as=sorted(same[iri]))
    coref: dict[str, list[str]] = defaultdict(list)
    for st, note in _rows(graph, _COREF):
        coref[str(st)].append(str(note))
    labels = predicate_labels()
    plovers = plover_types(_rows(graph, PLOVER_QUERY))
    for row in sorted(_records(graph, STATEMENTS_QUERY), key=lambda r: r["statement"]):
        st, s, o = row["statement"], row["subject"], row["object"]
        if s not in view or o not in view:
            continue
        local = local_name(row["predicate"])
        source = {"knowledge_base": row["knowledge_base"]} if row["knowledge_base"] else {}
        view.add_edge(s, o, key=st, predicate=local, label=labels.get(local, local),
                      sentence=row["evidence"], article=row["article"],
                      article_title=row["headline"], article_date=row["date"],
                      article_url=row["url"], article_source=row["publisher"],
                      confidence=float(row["confidence"] or 0), polarity=row["polarity"],
                      modality=row["modality"], trigger=row["trigger"],
                      post_title=row["post_title"], cameo=row["cameo"],
                      plover=plovers.get(st, ""), attributed_to=row["attributed_to"],
                      coreference="; ".join(sorted(coref[st])), **source)
    return view


def _rows(graph: Graph, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in graph.query(query)]  # type: ignore[arg-type]


def _records(graph: Graph, query: str) -> list[dict[str, str]]:
    """Each result row as variable name -> text ("" where unbound)."""
    result = graph.query(query)
    names = [str(v) for v in result.vars or ()]
    return [{n: _s(v) for n, v in zip(names, row, strict=True)}  # type: ignore[arg-type]
            for row in result]
