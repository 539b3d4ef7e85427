"""Facts the knowledge base alone gives: their own statement, source and named graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL

from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.explorer.page import render_html
from graph.export import serialize
from graph.netx import to_networkx
from graph.rdf.build import KnowledgeGraph, build_graph
from graph.rdf.datasets import entities_graph, kb_graph
from graph.rdf.iris import article_iri
from graph.rdf.namespaces import NG, PROV
from graph.rdf.ontology import load_ontology
from graph.rdf.provenance import KB_LABEL, KB_SOURCE
from graph.validate import validate

BASE = "https://example.org/id/"
KB = URIRef(KB_SOURCE)
VILNIUS, LITHUANIA = URIRef(f"{BASE}place/vilnius"), URIRef(f"{BASE}place/lithuania")
KB_JSON = Path(__file__).resolve().parents[3] / "extract" / "data" / "kb.json"


def _facts(aid: str, *, stated: bool = False) -> ArticleFacts:
    """An article naming Vilnius and Lithuania; ``stated``: it also says 'Vilnius, Lithuania'."""
    ents = (Entity(key="city:593116", type="GPE", name="Vilnius", geonames="593116",
                   country="LT", mentions=1),
            Entity(key="country:LT", type="GPE", name="Lithuania", mentions=1))
    rels = [Relation("city:593116", "locatedIn", "country:LT", "Leaders met in Vilnius.", 0, 23,
                     "Vilnius", "located-kb", confidence=0.5)]
    if stated:
        rels.append(Relation("city:593116", "locatedIn", "country:LT", "Vilnius, Lithuania.",
                             24, 43, "Lithuania", "located-appos", confidence=0.9))
    return ArticleFacts(article=Article(id=aid, text="", title=f"Title {aid}"), entities=ents,
                        relations=tuple(rels))


def _statements(g: Graph, source: URIRef | None = None) -> list[URIRef]:
    return sorted(URIRef(st) for st in g.subjects(RDF.predicate, NG.locatedIn)
                  if source is None or (st, PROV.wasDerivedFrom, source) in g)


def _kb_part(st: URIRef) -> Graph:
    """What a knowledge-base graph holds for the Vilnius fact (statement IRI given)."""
    g = Graph()
    g.add((KB, RDF.type, NG.KnowledgeBase))
    g.add((KB, RDFS.label, Literal(KB_LABEL)))
    g.add((VILNIUS, NG.locatedIn, LITHUANIA))
    for p, o in ((RDF.type, NG.Statement), (RDF.subject, VILNIUS),
                 (RDF.predicate, NG.locatedIn), (RDF.object, LITHUANIA),
                 (PROV.wasDerivedFrom, KB), (NG.confidence, Literal("0.5", datatype=XSD.decimal)),
                 (NG.polarity, Literal("asserted")), (NG.modality, Literal("fact")),
                 (NG.rule, Literal("located-kb"))):
        g.add((st, p, o))
    return g


def _dataset(kg: KnowledgeGraph) -> Dataset:
    data = Dataset()
    data.parse(data=serialize(kg, "trig"), format="trig")
    return data


def test_a_city_in_its_country_is_a_knowledge_base_statement(
    facts_of,  # type: ignore[no-untyped-def]
) -> None:
    facts = facts_of("Leaders met in Vilnius on Tuesday. Lithuania hosted the summit.")
    g = Graph().parse(data=serialize(build_graph([facts], base=BASE), "nt"), format="nt")
    [st] = _statements(g)
    assert (VILNIUS, NG.locatedIn, LITHUANIA) in g
    assert set(g.objects(st, PROV.wasDerivedFrom)) == {KB}
    for prop in (NG.evidence, NG.startChar, NG.endChar, NG.trigger):
        assert g.value(st, prop) is None, prop
    found = Graph()
    for triple in [*g.triples((st, None, None)), *g.triples((KB, None, None)),
                   (VILNIUS, NG.locatedIn, LITHUANIA)]:
        found.add(triple)
    assert isomorphic(found, _kb_part(st))


def test_trig_holds_the_fact_in_the_knowledge_base_graph_only() -> None:
    kg = build_graph([_facts("a1")], base=BASE)
    data = _dataset(kg)
    [st] = _statements(kg.rdf)
    names = {str(g.identifier) for g in data.graphs() if len(g)}
    assert names == {kb_graph(BASE), entities_graph(BASE), article_iri(BASE, "a1")}
    assert isomorphic(data.graph(URIRef(kb_graph(BASE))), _kb_part(st))
    article = data.graph(URIRef(article_iri(BASE, "a1")))
    assert not set(article.triples((st, None, None)))
    assert (VILNIUS, NG.locatedIn, LITHUANIA) not in article


def test_one_statement_however_many_articles_bring_it_in() -> None:
    kg = build_graph([_facts("a1"), _facts("a2")], base=BASE)
    [st] = _statements(kg.rdf)
    assert kg.relations["locatedIn"] == 1
    assert isomorphic(_dataset(kg).graph(URIRef(kb_graph(BASE))), _kb_part(st))


def test_a_fact_the_article_states_keeps_its_evidence() -> None:
    kg = build_graph([_facts("a1", stated=True)], base=BASE)
    a1 = URIRef(article_iri(BASE, "a1"))
    [kb_st], [article_st] = _statements(kg.rdf, KB), _statements(kg.rdf, a1)
    assert str(kg.rdf.value(article_st, NG.evidence)) == "Vilnius, Lithuania."
    assert kg.rdf.value(kb_st, NG.evidence) is None
    data = _dataset(kg)
    article = data.graph(a1)
    assert (VILNIUS, NG.locatedIn, LITHUANIA) in article
    assert (article_st, NG.rule, Literal("located-appos")) in article
    assert isomorphic(data.graph(URIRef(kb_graph(BASE))), _kb_part(kb_st))


def test_builds_with_knowledge_base_facts_conform_to_the_shapes() -> None:
    kg = build_graph([_facts("a1"), _facts("a2", stated=True)], base=BASE)
    report = validate(kg)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_a_knowledge_base_statement_with_article_evidence_is_caught() -> None:
    g = build_graph([_facts("a1")], base=BASE).rdf
    [st] = _statements(g)
    g.add((st, NG.evidence, Literal("Leaders met in Vilnius.")))
    g.set((st, NG.polarity, Literal("negated")))
    found = {(v.focus, v.path, v.constraint) for v in validate(g).violations}
    assert {(str(st), str(NG.evidence), "MaxCountConstraintComponent"),
            (str(st), str(NG.polarity), "HasValueConstraintComponent")} <= found
    g.remove((KB, RDF.type, NG.KnowledgeBase))  # now an article statement without its article
    found = {(v.focus, v.path, v.constraint) for v in validate(g).violations}
    assert (str(st), str(PROV.wasDerivedFrom), "ClassConstraintComponent") in found
    assert (str(st), str(NG.startChar), "MinCountConstraintComponent") in found


def test_the_ontology_describes_the_knowledge_base() -> None:
    onto = load_ontology()
    assert (NG.KnowledgeBase, RDF.type, OWL.Class) in onto
    assert (KB, RDF.type, NG.KnowledgeBase) in onto
    assert str(onto.value(KB, RDFS.label)) == KB_LABEL and onto.value(KB, RDFS.comment)
    source = str(onto.value(KB, DCTERMS.source))
    assert (KB_JSON.parents[2] / source) == KB_JSON
    versions = json.loads(KB_JSON.read_text(encoding="utf-8"))["sources"]
    assert str(onto.value(KB, OWL.versionInfo)) == ", ".join(f"{k} {v}"
                                                            for k, v in versions.items())


def test_the_network_view_marks_knowledge_base_edges() -> None:
    view = to_networkx(build_graph([_facts("a1", stated=True)], base=BASE).rdf)
    edges = [attrs for _u, _v, attrs in view.edges(data=True)]
    kb = [e for e in edges if e.get("knowledge_base")]
    assert [e["knowledge_base"] for e in kb] == [KB_LABEL]
    assert kb[0]["sentence"] == "" and kb[0]["article"] == ""
    [stated] = [e for e in edges if not e.get("knowledge_base")]
    assert stated["sentence"] == "Vilnius, Lithuania." and stated["article"]


def test_the_explorer_page_gives_the_knowledge_base_instead_of_an_article() -> None:
    view = to_networkx(build_graph([_facts("a1", stated=True)], base=BASE).rdf)
    page = render_html(view)
    [block] = re.findall(r'<script type="application/json" id="ng-data">(.*?)</script>', page,
                         re.S)
    data = json.loads(block)
    kb = [s for s in data["statements"] if "kb" in s]
    assert kb == [{"kb": KB_LABEL, "polarity": "asserted", "modality": "fact", "confidence": 0.5}]
    assert data["summary"]["articles"] == len(data["articles"]) == 1
