"""ng:memberOf: a person, an organisation or a state is a member of an organisation; the
ontology, the shapes and the data agree, and validation messages name the property."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import OWL, RDF

from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.rdf.build import build_graph
from graph.rdf.namespaces import NG, SCHEMA
from graph.rdf.ontology import load_ontology
from graph.run import build
from graph.validate import validate

from conftest import ROOT

BASE = "https://example.org/id/"
FIXTURES = ROOT / "tests" / "fixtures"


def _membership(subject_type: str, name: str) -> ArticleFacts:
    ents = (Entity(key="~a", type=subject_type, name=name, mentions=1),
            Entity(key="~cnn", type="ORG", name="CNN", mentions=1))
    rel = Relation(subject="~a", predicate="memberOf", obj="~cnn",
                   sentence=f"CNN's {name} said so.", start=0, end=20, trigger="'s",
                   rule="member-possessive", confidence=0.7)
    return ArticleFacts(article=Article(id="a1", text="", title="T"), entities=ents,
                        relations=(rel,))


def test_person_member_of_an_organisation_conforms() -> None:
    kg = build_graph([_membership("PERSON", "Dana Bash")], base=BASE)
    report = validate(kg.rdf)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_domain_of_member_of_includes_people() -> None:
    onto = load_ontology()
    domain = onto.value(NG.memberOf, RDFS.domain)
    members = set(onto.items(onto.value(domain, OWL.unionOf)))
    assert {SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place} <= members


def test_violation_names_the_property() -> None:
    kg = build_graph([_membership("EVENT", "Summit 2024")], base=BASE)
    report = validate(kg.rdf)
    assert not report.conforms
    found = [v for v in report.violations if "memberOf" in str(v)]
    assert found, "\n".join(map(str, report.violations))
    assert all(v.path == str(NG.memberOf) for v in found)


def test_build_of_every_fixture_conforms(tmp_path: Path) -> None:
    inputs = [*sorted(FIXTURES.iterdir()), FIXTURES]
    for n, source in enumerate(inputs):
        out = tmp_path / f"out{n}"
        _report, kg = build([source], out, workers=1, html=False)
        assert kg is not None, source
        report = validate(out / "graph.ttl")
        assert report.conforms, f"{source}:\n" + "\n".join(map(str, report.violations))


def test_sample_with_a_person_member_conforms(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Debate night\n\nCNN's Dana Bash asked Senator Tim Kaine about the budget. "
        "Kaine, a member of the Democratic Party, said the plan would pass.\n", encoding="utf-8")
    _report, kg = build([tmp_path / "a.txt"], tmp_path / "out", workers=1, html=False)
    assert kg is not None
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    people = set(graph.subjects(RDF.type, SCHEMA.Person))
    assert any(s in people for s, _o in graph.subject_objects(URIRef(NG.memberOf)))
    report = validate(graph)
    assert report.conforms, "\n".join(map(str, report.violations))
