"""pandas tables of a small graph written the way the graph layer writes it."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pyoxigraph as ox
import pytest

import graph.analysis.tables
from extract.errors import NewsgraphError
from graph.analysis.tables import (
    ACCURACY_COLUMNS,
    accuracy_table,
    centrality,
    entities,
    pairs_over_time,
    query_frame,
    relations,
    result_frame,
    statements,
)
from graph.query import QueryResult, run_query

ID = "https://w3id.org/newsgraph/id/"

GRAPH_TTL = f"""\
@prefix person:  <{ID}person/> .
@prefix place:   <{ID}place/> .
@prefix article: <{ID}article/> .
@prefix st:      <{ID}statement/> .
@prefix ng:     <https://w3id.org/newsgraph/ns#> .
@prefix schema: <http://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

person:ann a schema:Person ; rdfs:label "Ann Lee" ; skos:altLabel "Lee" ;
    ng:entityType "PERSON" ; ng:mentionCount 5 .
person:bob a schema:Person ; rdfs:label "Bob Ray" ; ng:entityType "PERSON" ;
    ng:mentionCount 2 .
place:cuba a schema:Place ; rdfs:label "Cuba" ; ng:entityType "GPE" ; ng:mentionCount 1 ;
    owl:sameAs <http://www.wikidata.org/entity/Q241> .

article:a1 a schema:NewsArticle ; schema:headline "First" ;
    schema:datePublished "2024-05-01"^^xsd:date ;
    schema:mentions person:ann , person:bob , place:cuba .
article:a2 a schema:NewsArticle ; schema:headline "Second" ;
    schema:mentions person:ann , person:bob .

person:ann ng:discussedWith person:bob .
person:ann ng:accused place:cuba .

st:s1 a ng:Statement ; rdf:subject person:ann ; rdf:predicate ng:discussedWith ;
    rdf:object person:bob ; ng:polarity "asserted" ; ng:modality "fact" ; ng:confidence 0.9 ;
    ng:trigger "met" ; ng:rule "verb-pair" ; ng:evidence "Ann Lee met Bob Ray." ;
    ng:startChar 0 ; ng:endChar 20 ; prov:wasDerivedFrom article:a1 .
st:s2 a ng:Statement ; rdf:subject person:bob ; rdf:predicate ng:discussedWith ;
    rdf:object person:ann ; ng:polarity "asserted" ; ng:modality "fact" ; ng:confidence 0.7 ;
    ng:trigger "talks" ; ng:rule "noun" ; ng:evidence "Bob Ray held talks with Lee." ;
    ng:startChar 0 ; ng:endChar 28 ; prov:wasDerivedFrom article:a2 .
st:s3 a ng:Statement ; rdf:subject person:ann ; rdf:predicate ng:accused ;
    rdf:object place:cuba ; ng:polarity "asserted" ; ng:modality "reported" ;
    ng:confidence 0.6 ; ng:rule "verb" ; ng:cameoCode "112" ; ng:ploverType "ACCUSE" ;
    ng:attributedTo person:bob ;
    ng:evidence "Ann Lee accused Cuba." ; ng:startChar 21 ; ng:endChar 42 ;
    prov:wasDerivedFrom article:a1 .
st:s4 a ng:Statement ; rdf:subject person:bob ; rdf:predicate ng:sanctioned ;
    rdf:object place:cuba ; ng:polarity "negated" ; ng:modality "fact" ; ng:confidence 0.5 ;
    ng:rule "verb" ; ng:evidence "Bob Ray did not sanction Cuba." ; ng:startChar 29 ;
    ng:endChar 59 ; prov:wasDerivedFrom article:a2 .
st:s5 a ng:Statement ; rdf:subject person:ann ; rdf:predicate ng:said ;
    rdf:object "We will talk again." ; ng:polarity "asserted" ; ng:modality "fact" ;
    ng:confidence 0.8 ; ng:rule "quote" ; ng:evidence "\\"We will talk again,\\" Lee said." ;
    ng:startChar 43 ; ng:endChar 70 ; prov:wasDerivedFrom article:a1 .
"""


@pytest.fixture()
def store() -> ox.Store:
    result = ox.Store()
    result.load(GRAPH_TTL.encode(), format=ox.RdfFormat.TURTLE)
    return result


def test_doctests() -> None:
    assert doctest.testmod(graph.analysis.tables).failed == 0


def test_result_frame_types_numbers_and_ask(store: ox.Store) -> None:
    result = run_query(store, "PREFIX ng: <https://w3id.org/newsgraph/ns#> "
                              "SELECT ?e ?n WHERE { ?e ng:mentionCount ?n } ORDER BY ?n")
    frame = result_frame(result)
    assert list(frame.columns) == ["e", "n"]
    assert frame["n"].tolist() == [1, 2, 5]
    assert frame["e"].iloc[-1] == f"{ID}person/ann"
    assert result_frame(QueryResult(kind="ask", boolean=False))["boolean"].tolist() == [False]


def test_query_frame_runs_a_bundled_query_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH_TTL, encoding="utf-8")
    frame = query_frame(path, "relations")
    counts = {(p.rsplit("#", 1)[-1], pol): n for p, pol, n in frame.itertuples(index=False)}
    assert counts[("discussedWith", "asserted")] == 2
    assert counts[("sanctioned", "negated")] == 1


def test_query_frame_reports_bad_sparql(store: ox.Store) -> None:
    with pytest.raises(NewsgraphError, match="E203"):
        query_frame(store, "SELECT ?s WHERE { ?s }")


def test_entities(store: ox.Store) -> None:
    frame = entities(store)
    assert frame["label"].tolist() == ["Ann Lee", "Bob Ray", "Cuba"]
    ann = frame.iloc[0]
    assert (ann["type"], ann["mentions"], ann["articles"]) == ("PERSON", 5, 2)
    assert ann["aliases"] == "Lee"
    assert frame.iloc[2]["same_as"] == "http://www.wikidata.org/entity/Q241"
    assert frame.iloc[2]["articles"] == 1


def test_entities_of_an_empty_graph() -> None:
    frame = entities(ox.Store())
    assert frame.empty
    assert "label" in frame.columns


def test_statements(store: ox.Store) -> None:
    frame = statements(store)
    assert len(frame) == 5
    assert set(frame["predicate"]) == {"discussedWith", "accused", "sanctioned", "said"}
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    dated = frame[frame["date"].notna()]
    assert set(dated["headline"]) == {"First"}
    assert dated["start_char"].tolist() == sorted(dated["start_char"])
    quote = frame[frame["predicate"] == "said"].iloc[0]
    assert quote["object_label"] == "We will talk again."
    assert not quote["object_is_entity"]
    negated = frame[frame["polarity"] == "negated"]
    assert negated["evidence"].tolist() == ["Bob Ray did not sanction Cuba."]
    accused = frame[frame["predicate"] == "accused"].iloc[0]
    assert (accused["cameo"], accused["plover"], accused["confidence"]) == ("112", "ACCUSE", 0.6)
    assert (accused["attributed_to"], accused["attributed_label"]) == (f"{ID}person/bob", "Bob Ray")


def test_relations_merge_symmetric_pairs_and_skip_negated_and_quotes(store: ox.Store) -> None:
    frame = relations(store)
    assert len(frame) == 2
    talks = frame.iloc[0]
    assert (talks["subject_label"], talks["predicate"], talks["object_label"]) == (
        "Ann Lee", "discussedWith", "Bob Ray")
    assert (talks["statements"], talks["articles"], talks["max_confidence"]) == (2, 2, 0.9)
    assert frame.iloc[1]["predicate"] == "accused"
    assert relations(statements(store)).equals(frame)


def test_pairs_over_time_leaves_out_undated(store: ox.Store) -> None:
    frame = pairs_over_time(statements(store))
    assert frame["pair"].tolist() == ["Ann Lee – Bob Ray"]
    assert frame["date"].tolist() == [pd.Timestamp("2024-05-01")]
    assert pairs_over_time(statements(store), "accused")["entity2"].tolist() == ["Cuba"]


def _view(edges: list[tuple[str, str]]) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph()
    for u, v in edges:
        for node in (u, v):
            view.add_node(node, label=node.upper(), type="Person")
        view.add_edge(u, v)
    return view


def test_centrality_ranks_the_hub_first() -> None:
    table = centrality(_view([("hub", "a"), ("b", "hub"), ("hub", "c"), ("hub", "c")]))
    assert table.index[0] == "hub"
    hub = table.loc["hub"]
    assert (hub["label"], hub["degree"], hub["statements"]) == ("HUB", 3, 4)
    assert table["pagerank"].sum() == pytest.approx(1.0)


def test_centrality_finds_two_communities() -> None:
    left = [("a", "b"), ("b", "c"), ("c", "a")]
    right = [("x", "y"), ("y", "z"), ("z", "x")]
    table = centrality(_view([*left, *right, ("c", "x")]))
    community = table["community"]
    assert community["a"] == community["b"] == community["c"]
    assert community["x"] == community["y"] == community["z"]
    assert community["a"] != community["x"]


def test_accuracy_table(tmp_path: Path) -> None:
    assert accuracy_table(tmp_path / "missing.json") is None
    path = tmp_path / "accuracy.json"
    score = {"p": 0.5, "r": 0.25, "f1": 0.333, "tp": 1, "fp": 1, "fn": 3}
    path.write_text(json.dumps({"set1": {"PER": score, "ORG": score}}), encoding="utf-8")
    table = accuracy_table(path)
    assert table is not None
    assert tuple(table.columns) == ACCURACY_COLUMNS
    assert table["type"].tolist() == ["PER", "ORG"]
    assert table.iloc[0]["fn"] == 3
    assert table.iloc[0]["r"] == 0.25


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"s": {"PER": {"p": 1}}}'])
def test_accuracy_table_rejects_other_content(tmp_path: Path, content: str) -> None:
    path = tmp_path / "accuracy.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NewsgraphError, match="E008"):
        accuracy_table(path)
