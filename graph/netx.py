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

from graph.rdf.namespaces import PREFIXES

__all__ = ["to_networkx"]

_PREAMBLE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

_NODES = _PREAMBLE + """
SELECT ?e ?label ?etype ?mentions WHERE {
  ?e ng:entityType ?etype ; rdfs:label ?label .
  OPTIONAL { ?e ng:mentionCount ?mentions }
}"""

_ALIASES = _PREAMBLE + "SELECT ?e ?alias WHERE { ?e ng:entityType ?t ; skos:altLabel ?alias }"
_SAME = _PREAMBLE + "SELECT ?e ?x WHERE { ?e ng:entityType ?t ; owl:sameAs ?x }"
_ARTICLES = _PREAMBLE + "SELECT ?a ?e WHERE { ?a a schema:NewsArticle ; schema:mentions ?e }"
_COREF = _PREAMBLE + "SELECT ?st ?note WHERE { ?st a ng:Statement ; ng:coreference ?note }"

_EDGES = _PREAMBLE + """
SELECT ?st ?s ?p ?o ?sentence ?conf ?modality ?trigger ?post ?a ?title ?date ?url
       ?polarity ?cameo ?plover ?src ?publisher WHERE {
  ?st a ng:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      ng:polarity ?polarity ; ng:evidence ?sentence ; ng:confidence ?conf ;
      ng:modality ?modality ; ng:trigger ?trigger ; prov:wasDerivedFrom ?a .
  FILTER(isIRI(?o))
  OPTIONAL { ?st ng:postTitle ?post }
  OPTIONAL { ?st ng:cameoCode ?cameo }
  OPTIONAL { ?st ng:ploverType ?plover }
  OPTIONAL { ?st ng:attributedTo ?src }
  OPTIONAL { ?a schema:publisher ?publisher }
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:url ?url }
}"""


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _predicate_labels() -> dict[str, str]:
    try:
        from graph.rdf.ontology import predicate_labels

        return predicate_labels()
    except Exception:  # pragma: no cover - the ontology ships with the package
        return {}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and the statements between them as a ``MultiDiGraph``.

    Node ids are entity IRIs; edge keys are statement IRIs; every edge carries its evidence
    sentence, article, confidence, polarity ("asserted" / "negated"), modality and codes.
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
        view.add_node(iri, label=str(label), type=_type_name(str(etype)),
                      aliases=sorted(aliases[iri]), mentions=int(mentions or 0),
                      articles=articles[iri], iri=iri, same_as=sorted(same[iri]))
    coref: dict[str, list[str]] = defaultdict(list)
    for st, note in _rows(graph, _COREF):
        coref[str(st)].append(str(note))
    labels = _predicate_labels()
    for row in sorted(_rows(graph, _EDGES), key=lambda r: str(r[0])):
        (st, s, p, o, sentence, conf, modality, trigger, post, a, title, date, url,
         polarity, cameo, plover, src, publisher) = row
        if str(s) not in view or str(o) not in view:
            continue
        local = str(p).rsplit("#", 1)[-1]
        view.add_edge(str(s), str(o), key=str(st), predicate=local,
                      label=labels.get(local, local), sentence=str(sentence),
                      article=str(a), article_title=_s(title), article_date=_s(date),
                      article_url=_s(url), article_source=_s(publisher),
                      confidence=float(conf), polarity=str(polarity), modality=str(modality),
                      trigger=str(trigger), post_title=_s(post), cameo=_s(cameo),
                      plover=_s(plover), attributed_to=_s(src),
                      coreference="; ".join(sorted(coref[str(st)])))
    return view


def _rows(graph: Graph, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in graph.query(query)]  # type: ignore[arg-type]


def _type_name(etype: str) -> str:
    return {"PERSON": "Person", "ORG": "Organization", "EVENT": "Event"}.get(etype, "Place")
