"""SHACL: the example graph conforms to shapes.ttl, and broken graphs are caught."""

from __future__ import annotations

import doctest
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

import graph.validate
from extract.errors import NewsgraphError
from graph.rdf.build import KnowledgeGraph
from graph.rdf.namespaces import NG, PROV, SCHEMA
from graph.rdf.ontology import load_ontology
from graph.run import BuildReport
from graph.validate import SHAPES_PATH, load_shapes, validate


@pytest.fixture(scope="module")
def example(example_build: tuple[BuildReport, KnowledgeGraph, Path]) -> Path:
    return example_build[2] / "graph.ttl"


@pytest.fixture()
def data(example: Path) -> Graph:
    return Graph().parse(example, format="turtle")


def _statement(graph: Graph, predicate: URIRef) -> URIRef:
    found = sorted(st for st in graph.subjects(RDF.predicate, predicate)
                   if (st, NG.polarity, Literal("asserted")) in graph)
    assert found
    return URIRef(found[0])


def test_example_graph_conforms(example: Path) -> None:
    report = validate(example)
    assert report.conforms, "\n".join(map(str, report.violations))
    assert report.violations == ()


def test_shapes_target_every_kind_of_node(data: Graph) -> None:
    shapes = load_shapes()
    targets = set(shapes.objects(None, SH.targetClass)) | set(
        shapes.objects(None, SH.targetSubjectsOf))
    assert {SCHEMA.NewsArticle, NG.Statement, NG.entityType, NG.holdsPost, NG.said} <= targets
    used = {p for p in data.predicates() if str(p).startswith(str(NG))}
    constrained = set(shapes.objects(None, SH.path))
    assert used - {NG.entityType} <= constrained | targets


def test_missing_direct_triple_is_caught(data: Graph) -> None:
    st = _statement(data, NG.discussedWith)
    s, o = data.value(st, RDF.subject), data.value(st, RDF.object)
    assert s is not None and o is not None
    data.remove((s, NG.discussedWith, o))
    data.remove((o, NG.discussedWith, s))
    report = validate(data)
    assert not report.conforms
    assert any(v.value == str(st) and "no direct triple" in v.message
               for v in report.violations)


def test_unsupported_direct_triple_is_caught(data: Graph) -> None:
    a, b = sorted(data.subjects(NG.entityType, Literal("PERSON")))[:2]
    data.add((a, NG.sanctioned, b))
    report = validate(data)
    assert [v.path for v in report.violations if "no asserted statement" in v.message] == [
        str(NG.sanctioned)]


def test_bad_statement_values_are_caught(data: Graph) -> None:
    st = _statement(data, NG.holdsPost)
    data.set((st, NG.confidence, Literal(Decimal("1.5"))))
    data.set((st, NG.modality, Literal("rumour")))
    data.remove((st, NG.evidence, None))
    data.set((st, NG.startChar, Literal(10**6)))
    found = {(v.focus, v.path, v.constraint) for v in validate(data).violations}
    assert {
        (str(st), str(NG.confidence), "MaxInclusiveConstraintComponent"),
        (str(st), str(NG.modality), "InConstraintComponent"),
        (str(st), str(NG.evidence), "MinCountConstraintComponent"),
        (str(st), str(NG.startChar), "LessThanOrEqualsConstraintComponent"),
    } <= found


def test_entity_and_article_errors_are_caught(data: Graph) -> None:
    person = sorted(data.subjects(NG.entityType, Literal("PERSON")))[0]
    data.set((person, NG.entityType, Literal("ORG")))
    data.add((person, RDFS.label, Literal("Second Name")))
    article = sorted(data.subjects(RDF.type, SCHEMA.NewsArticle))[0]
    data.add((article, SCHEMA.mentions, URIRef("https://example.org/nobody")))
    st = _statement(data, NG.said)
    data.set((st, PROV.wasDerivedFrom, person))
    found = {(v.focus, v.constraint) for v in validate(data).violations}
    assert {
        (str(person), "OrConstraintComponent"),
        (str(person), "MaxCountConstraintComponent"),
        (str(article), "NodeConstraintComponent"),
        (str(st), "ClassConstraintComponent"),
    } <= found


def test_said_needs_a_literal_and_post_titles_need_holds_post(data: Graph) -> None:
    st = _statement(data, NG.said)
    data.add((st, NG.postTitle, Literal("Minister")))
    data.set((st, RDF.object, URIRef("https://example.org/thing")))
    found = [v for v in validate(data).violations if v.focus == str(st)]
    assert [v.constraint for v in found].count("OrConstraintComponent") == 2


def test_shape_classes_agree_with_the_ontology() -> None:
    """The relation shapes use the classes the ontology gives as domain and range."""
    onto, shapes = load_ontology(), load_shapes()
    assert (NG.holdsPost, RDFS.domain, SCHEMA.Person) in onto
    holder = URIRef("https://w3id.org/newsgraph/shapes#PostHolderShape")
    assert (holder, SH["class"], SCHEMA.Person) in shapes
    assert (NG.memberOf, RDFS.range, SCHEMA.Organization) in onto
    assert (NG.locatedIn, RDFS.range, SCHEMA.Place) in onto
    ranges = {p: c for p, c in ((shapes.value(n, SH.path), shapes.value(n, SH["class"]))
                                for n in shapes.subjects(SH["class"], None)) if p is not None}
    assert ranges[NG.memberOf] == SCHEMA.Organization
    assert ranges[NG.locatedIn] == SCHEMA.Place


def test_other_shapes_file_and_unreadable_graph(tmp_path: Path, example: Path) -> None:
    strict = tmp_path / "strict.ttl"
    strict.write_text(SHAPES_PATH.read_text("utf-8") + """
        ngsh:NoQuotes a sh:NodeShape ; sh:targetSubjectsOf ng:said ;
            sh:property [ sh:path ng:said ; sh:maxCount 0 ] .
    """, encoding="utf-8")
    report = validate(example, shapes=strict)
    assert not report.conforms
    assert {v.constraint for v in report.violations} == {"MaxCountConstraintComponent"}
    with pytest.raises(NewsgraphError, match=r"^E009 "):
        validate(tmp_path / "missing.ttl")


def test_doctests() -> None:
    result = doctest.testmod(graph.validate)
    assert result.attempted > 0 and result.failed == 0
