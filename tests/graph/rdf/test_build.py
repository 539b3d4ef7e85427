"""Facts -> RDF: direct triples, statement nodes, determinism, valid Turtle."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL

from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.rdf.build import build_graph, new_graph
from graph.rdf.namespaces import NG, PROV, SCHEMA, WD

BASE = "https://example.org/id/"


def _facts(aid: str = "a1", *, negated: bool = False, name: str = "Ann Example") -> ArticleFacts:
    ents = (
        Entity(key="~person:ann", type="PERSON", name=name, mentions=2),
        Entity(key="country:RU", type="GPE", name="Russia", wikidata="Q159", mentions=1),
    )
    rel = Relation(subject="~person:ann", predicate="accused", obj="country:RU",
                   sentence=f"{name} accused Russia.", start=0, end=20, trigger="accused",
                   rule="verb", confidence=0.85, polarity="negated" if negated else "asserted")
    return ArticleFacts(article=Article(id=aid, text="", title="A <title> & \"more\"",
                                        date="2024-06-14", url="https://example.org/a"),
                        entities=ents, relations=(rel,))


def _iri(kg, name: str) -> URIRef:  # type: ignore[no-untyped-def]
    return next(URIRef(n.iri) for n in kg.resolution.nodes.values() if n.name == name)


def test_asserted_relation_has_direct_triple_and_statement() -> None:
    kg = build_graph([_facts()], base=BASE)
    g = kg.rdf
    ann, ru = _iri(kg, "Ann Example"), _iri(kg, "Russia")
    assert (ann, NG.accused, ru) in g
    statements = list(g.subjects(RDF.type, NG.Statement))
    assert len(statements) == 1
    st = statements[0]
    assert (st, RDF.subject, ann) in g and (st, RDF.object, ru) in g
    assert (st, NG.evidence, Literal("Ann Example accused Russia.")) in g
    assert (st, NG.ploverType, Literal("ACCUSE")) in g
    assert g.value(st, PROV.wasDerivedFrom) is not None
    assert (ru, OWL.sameAs, WD.Q159) in g
    assert (ann, RDF.type, SCHEMA.Person) in g
    assert kg.relations["accused"] == 1


def test_negated_relation_has_no_direct_triple() -> None:
    kg = build_graph([_facts(negated=True)], base=BASE)
    ann, ru = _iri(kg, "Ann Example"), _iri(kg, "Russia")
    assert (ann, NG.accused, ru) not in kg.rdf
    st = next(kg.rdf.subjects(RDF.type, NG.Statement))
    assert (st, NG.polarity, Literal("negated")) in kg.rdf
    assert kg.negated == 1 and not kg.relations


def test_same_input_same_graph_and_bytes() -> None:
    a = build_graph([_facts("a1"), _facts("a2")], base=BASE).rdf
    b = build_graph([_facts("a2"), _facts("a1")], base=BASE).rdf
    assert isomorphic(a, b)
    assert a.serialize(format="ox-turtle") == b.serialize(format="ox-turtle")


def test_one_node_per_entity_across_articles() -> None:
    kg = build_graph([_facts("a1"), _facts("a2")], base=BASE)
    people = [n for n in kg.resolution.nodes.values() if n.type == "PERSON"]
    assert len(people) == 1 and people[0].articles == {"a1", "a2"}


def test_hostile_text_round_trips_through_turtle() -> None:
    name = 'Ann "Q" <b>\\ \u202e\u0007 Example 🙂'
    kg = build_graph([_facts(name=name)], base=BASE)
    ttl = kg.rdf.serialize(format="ox-turtle")
    again = new_graph(BASE).parse(data=ttl, format="ox-turtle")
    assert isomorphic(again, kg.rdf)
    back = Graph().parse(data=ttl, format="turtle")  # rdflib's own parser
    assert len(back) == len(kg.rdf)
    assert len(list(ox.parse(ttl.encode("utf-8"), ox.RdfFormat.TURTLE))) == len(kg.rdf)
    labels = {str(o) for o in back.objects(None, RDFS.label)}
    assert name in labels
