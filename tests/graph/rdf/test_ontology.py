"""The ontology document describes exactly the vocabulary `NG` declares."""

from __future__ import annotations

import doctest

import pyoxigraph as ox
import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, Graph, Literal, URIRef

import graph.rdf.ontology
from extract.facts import Article, ArticleFacts, Entity, Relation
from extract.triggers import SYMMETRIC as SYMMETRIC_PATTERNS
from graph.rdf.build import KnowledgeGraph, build_graph
from graph.rdf.namespaces import NG
from graph.rdf.ontology import (
    ONTOLOGY_PATH,
    codes_of,
    intent_codes,
    load_ontology,
    predicate_codes,
    predicate_labels,
    statement_codes,
    symmetric_predicates,
)

NS = str(NG)
TERMS = sorted(name for name in NG.__annotations__ if not name.startswith("_"))
SYMMETRIC = {"discussedWith", "agreedWith", "cooperatesWith"}
#: The relation predicates the extraction rules produce.
PREDICATES = ("discussedWith", "namedAsThreat", "threatened", "accused", "criticized",
              "supports", "rejected", "agreedWith", "cooperatesWith", "sanctioned",
              "holdsPost", "memberOf", "locatedIn", "said")
TERM_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
}
#: CAMEO code and PLOVER type(s) of each coded relation predicate (DESIGN.md).
CODES = {
    "discussedWith": ("04", {"CONSULT"}),
    "namedAsThreat": ("112", {"ACCUSE", "DISAPPROVE"}),
    "threatened": ("13", {"THREATEN"}),
    "accused": ("112", {"ACCUSE"}),
    "criticized": ("111", {"DISAPPROVE"}),
    "supports": ("05", {"SUPPORT"}),
    "rejected": ("12", {"REJECT"}),
    "agreedWith": ("03", {"AGREE"}),
    "cooperatesWith": ("06", {"COOPERATE"}),
    "sanctioned": ("163", {"SANCTION"}),
    "said": ("01", {"STATEMENT"}),
}


def _term(name: str) -> URIRef:
    return URIRef(NS + name)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def test_parses_in_rdflib_and_oxigraph(onto: Graph) -> None:
    store = ox.Store()
    store.load(path=ONTOLOGY_PATH, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(onto) > 100


def test_ontology_header(onto: Graph) -> None:
    ontology = URIRef(NS)
    assert (ontology, RDF.type, OWL.Ontology) in onto
    assert onto.value(ontology, RDFS.label) is not None
    assert onto.value(ontology, DCTERMS.description) is not None
    assert onto.value(ontology, OWL.versionInfo) == Literal("0.1.0")


@pytest.mark.parametrize("name", TERMS)
def test_every_term_is_declared_and_documented(onto: Graph, name: str) -> None:
    term = _term(name)
    assert set(onto.objects(term, RDF.type)) & TERM_TYPES, f"{name} has no OWL type"
    for prop in (RDFS.label, RDFS.comment):
        value = onto.value(term, prop)
        assert isinstance(value, Literal) and str(value).strip(), f"{name} lacks {prop}"
    assert (term, RDFS.isDefinedBy, URIRef(NS)) in onto


def test_no_undeclared_ng_terms(onto: Graph) -> None:
    declared = {str(_term(name)) for name in TERMS} | {NS}
    used = {str(node) for triple in onto for node in triple if isinstance(node, URIRef)}
    stray = {iri for iri in used if iri.startswith(NS)} - declared
    assert not stray


@pytest.mark.parametrize("name", PREDICATES)
def test_relation_predicates_have_domain_range_label(onto: Graph, name: str) -> None:
    assert name in NG.__annotations__
    term = _term(name)
    assert onto.value(term, RDFS.domain) is not None
    assert onto.value(term, RDFS.range) is not None
    assert predicate_labels()[name] == str(onto.value(term, RDFS.label))


def test_said_is_a_datatype_property_the_others_object_properties(onto: Graph) -> None:
    for name in PREDICATES:
        kind = OWL.DatatypeProperty if name == "said" else OWL.ObjectProperty
        assert (_term(name), RDF.type, kind) in onto, name


def test_symmetric_predicates(onto: Graph) -> None:
    typed = {str(s)[len(NS) :] for s in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert typed == SYMMETRIC
    assert symmetric_predicates() == frozenset(SYMMETRIC)


def test_announced_intents_are_cameo_03_and_plover_agree_or_a_threat(onto: Graph) -> None:
    assert dict(intent_codes()) == {"cooperatesWith": ("030", ("AGREE",)),
                                    "discussedWith": ("036", ("AGREE",)),
                                    "supports": ("033", ("AGREE",)),
                                    "sanctioned": ("1312", ("THREATEN",))}
    for name, (cameo, _plovers) in intent_codes().items():
        assert cameo.startswith("03" if name != "sanctioned" else "13")
        assert codes_of(name, "future") == intent_codes()[name]
        assert codes_of(name, "fact") == codes_of(name, "reported") == statement_codes()[name]
    for prop in (NG.intentCameoCode, NG.intentPloverType):
        assert (prop, RDF.type, OWL.AnnotationProperty) in onto


def test_a_built_intent_statement_carries_the_intent_codes(nlp) -> None:  # type: ignore[no-untyped-def]
    from extract.facts import Article
    from extract.pipeline import extract_facts

    facts = list(extract_facts([Article(id="a", text="Japan will support Poland's bid.")], nlp))
    g = build_graph(facts).rdf
    (st,) = list(g.subjects(RDF.predicate, NG.supports))
    assert str(g.value(st, NG.modality)) == "future"
    assert str(g.value(st, NG.cameoCode)) == "033" and str(g.value(st, NG.ploverType)) == "AGREE"


def test_cameo_and_plover_codes(onto: Graph) -> None:
    for name, (cameo, plovers) in CODES.items():
        assert onto.value(_term(name), NG.cameoCode) == Literal(cameo), name
        assert {str(p) for p in onto.objects(_term(name), NG.ploverType)} == plovers, name
        assert predicate_codes()[name] == (cameo, "/".join(sorted(plovers)))
        assert statement_codes()[name] == (cameo, tuple(sorted(plovers)))
    uncoded = set(PREDICATES) - set(CODES)
    assert uncoded == {"holdsPost", "memberOf", "locatedIn"}
    assert not uncoded & set(predicate_codes())
    for prop in (NG.cameoCode, NG.ploverType):
        assert (prop, RDF.type, OWL.AnnotationProperty) in onto


def test_every_statement_of_a_build_carries_the_ontology_codes(
    example_build: tuple[object, KnowledgeGraph, object],
) -> None:
    g = example_build[1].rdf
    seen = set()
    for st in g.subjects(RDF.type, NG.Statement):
        name = str(g.value(st, RDF.predicate))[len(NS) :]
        cameo, plovers = codes_of(name, str(g.value(st, NG.modality)))
        found = [str(c) for c in g.objects(st, NG.cameoCode)]
        assert found == ([cameo] if cameo else []), (name, found)
        assert sorted(str(p) for p in g.objects(st, NG.ploverType)) == list(plovers), name
        seen.add(name)
    assert {"discussedWith", "said", "holdsPost"} <= seen


def test_symmetric_pairs_in_extraction_are_the_ontology_ones() -> None:
    assert symmetric_predicates() == SYMMETRIC_PATTERNS


def test_statement_class(onto: Graph) -> None:
    assert (NG.Statement, RDF.type, OWL.Class) in onto
    assert (NG.Statement, RDFS.subClassOf, RDF.Statement) in onto


def test_labels_readable_and_distinct() -> None:
    labels = predicate_labels()
    relation_labels = [labels[name] for name in PREDICATES]
    assert len(set(relation_labels)) == len(relation_labels)
    assert labels["discussedWith"] == "discussed with"
    assert labels["namedAsThreat"] == "named as a threat"
    assert labels["holdsPost"] == "holds post at"
    labels["discussedWith"] = "changed"
    assert predicate_labels()["discussedWith"] == "discussed with"


def test_load_ontology_returns_a_fresh_graph() -> None:
    first = load_ontology()
    first.remove((None, None, None))
    assert len(load_ontology()) > 0


def _everything() -> Graph:
    """A graph with every kind of node and every property the graph builder writes."""
    ents = (
        Entity(key="~person:ann", type="PERSON", name="Ann Lee", aliases=("Lee",), country="US",
               mentions=2),
        Entity(key="org:nato", type="ORG", name="NATO", wikidata="Q7184", mentions=1),
        Entity(key="country:US", type="GPE", name="United States", geonames="6252001",
               mentions=1),
        Entity(key="city:1", type="GPE", name="Paris", mentions=1),
        Entity(key="~event:summit", type="EVENT", name="Summit", mentions=1),
    )
    pairs = {"holdsPost": ("~person:ann", "org:nato"), "memberOf": ("country:US", "org:nato"),
             "locatedIn": ("~event:summit", "city:1"), "said": ("~person:ann", None)}
    rels = tuple(
        Relation(subject=pairs.get(p, ("~person:ann", "country:US"))[0], predicate=p,
                 obj=pairs.get(p, ("~person:ann", "country:US"))[1], sentence="S.", start=0,
                 end=2, trigger="t", rule="r", value="Minister" if p == "holdsPost" else "Hi.",
                 attributed_to="org:nato")
        for p in PREDICATES)
    article = Article(id="a1", text="", title="T", date="2024-01-02", source="Wire",
                      url="https://example.org/a", authors=("A. B.",), origin="in.txt")
    return build_graph([ArticleFacts(article=article, entities=ents, relations=rels)]).rdf


def test_every_term_the_builder_writes_is_described(onto: Graph) -> None:
    data = _everything()
    properties = set(data.predicates()) - {RDF.type}
    classes = set(data.objects(None, RDF.type))
    assert len(properties) > 35 and len(classes) == 8
    for prop in properties | {RDF.type}:
        for attribute in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert onto.value(prop, attribute) is not None, f"{prop} lacks {attribute}"
    for cls in classes:
        assert (cls, RDF.type, OWL.Class) in onto, cls
        for attribute in (RDFS.label, RDFS.comment):
            assert onto.value(cls, attribute) is not None, f"{cls} lacks {attribute}"


def test_reused_terms_keep_their_home_vocabulary(onto: Graph) -> None:
    reused = {s for s in onto.subjects(RDFS.isDefinedBy, None)
              if isinstance(s, URIRef) and not str(s).startswith(NS)}
    assert len(reused) > 20
    for term in reused:
        home = str(onto.value(term, RDFS.isDefinedBy))
        assert home != NS and str(term).startswith(home.removesuffix("-o#")), term
        assert not set(onto.objects(term, RDF.type)) & {OWL.ObjectProperty,
                                                        OWL.DatatypeProperty}, term


def test_doctests() -> None:
    result = doctest.testmod(graph.rdf.ontology)
    assert result.attempted > 0 and result.failed == 0
