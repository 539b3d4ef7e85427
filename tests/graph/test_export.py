"""Exports: every format parses back to the same graph, deterministically; named graphs."""

from __future__ import annotations

import csv
import doctest
import io
import json
import random
import re
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

import graph.export
import graph.rdf.datasets
from extract.errors import NewsgraphError
from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.export import (
    CONTEXT_PATH,
    EXPORT_FORMATS,
    EXTENSIONS,
    RDF_FORMATS,
    entities_graph,
    export,
    partition,
    portable_prefixes,
    serialize,
)
from graph.rdf.build import build_graph
from graph.rdf.namespaces import NG

BASE = "https://example.org/id/"
ARTICLE = f"{BASE}article/"
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
              "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
              "xml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
RAPPER_SYNTAX = {"turtle": "turtle", "nt": "ntriples", "trig": "trig"}


def _rel(subject: str, predicate: str, obj: str | None, sentence: str, **kw: object) -> Relation:
    return Relation(subject=subject, predicate=predicate, obj=obj, sentence=sentence, start=0,
                    end=len(sentence), trigger=predicate[:4], rule="verb", confidence=0.8,
                    **kw)  # type: ignore[arg-type]


def _facts(aid: str, *rels: Relation, names: tuple[str, str, str] = ("Ann", "Bob", "Карл"),
           title: str = "Talks", date: str | None = "2024-07-10") -> ArticleFacts:
    ents = (Entity(key="~person:a", type="PERSON", name=names[0], mentions=1),
            Entity(key="~person:b", type="PERSON", name=names[1], mentions=1),
            Entity(key="country:RU", type="GPE", name=names[2], wikidata="Q159",
                   geonames="2017370", mentions=1))
    return ArticleFacts(article=Article(id=aid, text="", title=title, date=date,
                                        url="https://example.org/n/1", authors=("A. Writer",)),
                        entities=ents, relations=rels)


@pytest.fixture(scope="module")
def small() -> Graph:
    """Two articles: both assert Ann discussed with Bob, one negates a threat, one quotes."""
    one = _facts("a1", _rel("~person:a", "discussedWith", "~person:b", "Ann met Bob."),
                 _rel("~person:a", "threatened", "country:RU", "Ann did not threaten Karl.",
                      polarity="negated"))
    two = _facts("a2", _rel("~person:b", "discussedWith", "~person:a", "Bob met Ann."),
                 _rel("~person:a", "said", None, "Ann said \"hi\".", value="hi \\ <b>"))
    return build_graph([one, two], base=BASE).rdf


def _ox_triples(graph: Graph) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in
            ox.parse(serialize(graph, "nt").encode(), format=ox.RdfFormat.N_TRIPLES)}


def _parsed(text: str, fmt: str) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(text.encode("utf-8"), format=OX_FORMATS[fmt])}


@pytest.mark.parametrize("fmt", sorted(set(RDF_FORMATS) - {"ttl"}))
def test_rdf_formats_parse_back_to_the_same_triples(small: Graph, fmt: str) -> None:
    assert _parsed(serialize(small, fmt), fmt) == _ox_triples(small)
    assert len(_ox_triples(small)) == len(small) > 40


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_output_is_byte_identical_whatever_the_input_order(
    small: Graph, tmp_path: Path, fmt: str
) -> None:
    shuffled = Graph()
    triples = list(small)
    random.Random(7).shuffle(triples)
    for triple in triples:
        shuffled.add(triple)
    first = export(small, tmp_path / f"one{EXTENSIONS[fmt]}", fmt).read_bytes()
    second = export(shuffled, tmp_path / f"two{EXTENSIONS[fmt]}", fmt).read_bytes()
    assert first == second and first


def test_export_from_a_file_over_itself(small: Graph, tmp_path: Path) -> None:
    path = export(small, tmp_path / "graph.ttl", "turtle")
    before = path.read_bytes()
    assert export(path, path, "turtle").read_bytes() == before
    trig = export(path, tmp_path / "graph.trig", "trig")
    assert export(trig, tmp_path / "again.ttl", "turtle").read_bytes() == before


def test_partition_per_article(small: Graph) -> None:
    quads = partition(sorted(_ox_triples(small), key=str))
    by_graph: dict[str, set[tuple[str, str, str]]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name.value, set()).add(
            (q.subject.value, q.predicate.value, q.object.value))
    assert sorted(by_graph) == [f"{ARTICLE}a1", f"{ARTICLE}a2", entities_graph(BASE)]
    ann, bob = f"{BASE}person/ann", f"{BASE}person/bob"
    discussed = (ann, str(NG.discussedWith), bob)
    assert discussed in by_graph[f"{ARTICLE}a1"] and discussed in by_graph[f"{ARTICLE}a2"]
    assert discussed not in by_graph[entities_graph(BASE)]
    said = (ann, str(NG.said), "hi \\ <b>")
    assert said in by_graph[f"{ARTICLE}a2"] and said not in by_graph[f"{ARTICLE}a1"]
    entities = by_graph[entities_graph(BASE)]
    assert (ann, "http://www.w3.org/2000/01/rdf-schema#label", "Ann") in entities
    assert all(s.startswith(f"{BASE}person/") or s.startswith(f"{BASE}place/")
               for s, _, _ in entities)
    a1 = by_graph[f"{ARTICLE}a1"]
    negated = {s for s, p, o in a1 if p == str(NG.polarity) and o == "negated"}
    assert len(negated) == 1
    assert not any(p == str(NG.threatened) for graph in by_graph.values() for _, p, _ in graph)
    assert (f"{ARTICLE}a1", "http://schema.org/headline", "Talks") in a1
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    assert union == _ox_triples(small)


def test_trig_and_nquads_name_the_graphs(small: Graph) -> None:
    for fmt in ("trig", "nq"):
        names = {q.graph_name.value for q in
                 ox.parse(serialize(small, fmt).encode(), format=OX_FORMATS[fmt])}
        assert names == {f"{ARTICLE}a1", f"{ARTICLE}a2", entities_graph(BASE)}


def test_turtle_never_escapes_local_names(small: Graph) -> None:
    text = serialize(small, "turtle")
    without_strings = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    assert "\\" not in without_strings
    assert "@prefix person: <https://example.org/id/person/>" in text
    assert "@prefix place:" not in text  # the Cyrillic slug is percent-encoded
    assert "<https://example.org/id/place/%D0%BA%D0%B0%D1%80%D0%BB>" in text


def test_portable_prefixes() -> None:
    iris = [f"{BASE}person/ann", f"{BASE}org/a/b", f"{BASE}statement/01ab",
            "http://sws.geonames.org/1/", "http://www.wikidata.org/entity/Q1"]
    assert portable_prefixes(iris, BASE) == {
        "person": f"{BASE}person/", "statement": f"{BASE}statement/",
        "wd": "http://www.wikidata.org/entity/"}


def test_jsonld_uses_the_shipped_context(small: Graph) -> None:
    data = json.loads(serialize(small, "jsonld"))
    assert data["@context"] == json.loads(CONTEXT_PATH.read_text("utf-8"))["@context"]
    ann = next(n for n in data["@graph"] if n["@id"] == f"{BASE}person/ann")
    assert ann["label"] == "Ann" and ann["@type"] == "Person"
    assert ann["discussedWith"] == f"{BASE}person/bob"
    statement = next(n for n in data["@graph"] if n.get("@type") == "Statement"
                     and n["predicate"] == "ng:said")
    assert statement["object"] == "hi \\ <b>" and statement["confidence"] == "0.8"


def test_network_exports(small: Graph, tmp_path: Path) -> None:
    graphml = nx.read_graphml(export(small, tmp_path / "g.graphml", "graphml"))
    gexf_path = export(small, tmp_path / "g.gexf", "gexf")
    gexf = nx.read_gexf(gexf_path)
    assert "lastmodifieddate" not in gexf_path.read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(
        export(small, tmp_path / "g.csv", "csv").read_text("utf-8"))))
    for view in (graphml, gexf):
        assert view.number_of_nodes() == 3 and view.number_of_edges() == len(rows)
    assert {r["Type"] for r in rows} == {"Directed"}
    asserted = [r for r in rows if r["polarity"] == "asserted"]
    assert [r["predicate"] for r in asserted] == ["discussedWith", "discussedWith"]
    assert {r["Weight"] for r in rows} == {"0.8"}
    assert {r["article_date"] for r in rows} == {"2024-07-10"}
    assert {r["Id"] for r in rows} == {e[2] for e in graphml.edges(keys=True)}


def test_noncharacters_become_replacement_characters() -> None:
    graph = Graph().parse(data='<http://x.org/a> <http://x.org/p> "a\\uFFFEb\\uFFFF" .',
                          format="turtle")
    for fmt in ("turtle", "nt", "jsonld"):
        assert _parsed(serialize(graph, fmt), fmt) == {ox.Triple(
            ox.NamedNode("http://x.org/a"), ox.NamedNode("http://x.org/p"),
            ox.Literal("a\ufffdb\ufffd"))}


def test_unknown_format_is_e204(small: Graph, tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match=r"^E204 .*'svg'.*gexf"):
        export(small, tmp_path / "g.svg", "svg")
    with pytest.raises(NewsgraphError, match=r"^E204"):
        serialize(small, "graphml")
    assert not list(tmp_path.iterdir())


def test_unreadable_source_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(NewsgraphError, match=r"^E201 "):
        export(bad, tmp_path / "out.nt", "nt")
    with pytest.raises(NewsgraphError, match=r"^E009 "):
        export(tmp_path / "none.ttl", tmp_path / "out.nt", "nt")


# --- property: hostile text never breaks a serialisation -------------------------------------

NASTY = ['"', "'", "\\", "<", ">", " ", "😀", "\u200f", "\u202e", "]]>", "\x00", "\x07", "\x1b",
         "\x7f", "\u2028", "\ufeff", "\t", "\n", "\r", "@id", "_:b0", "&amp;", "%41", "\ufffe"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY), st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=4)), max_size=6).map("".join)


def _rapper(path: Path, syntax: str) -> None:
    from _servers import RAPPER

    if RAPPER is None:
        return
    done = subprocess.run([RAPPER, "-q", "-i", syntax, "-c", str(path)], capture_output=True,
                          text=True, timeout=30, check=False)
    assert done.returncode == 0 and "rror" not in done.stderr, done.stderr


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names=st.tuples(TEXT, TEXT, TEXT), sentence=TEXT, quote=TEXT, title=TEXT,
       date=st.sampled_from([None, "2024-07-10", "2024-13-45", "gestern 😀"]))
def test_hostile_text_round_trips(
    tmp_path: Path, names: tuple[str, str, str], sentence: str, quote: str, title: str,
    date: str | None,
) -> None:
    facts = _facts("x1", _rel("~person:a", "criticized", "~person:b", sentence),
                   _rel("~person:b", "said", None, sentence, value=quote,
                        attributed_to="country:RU"),
                   names=names, title=title, date=date)
    kg = build_graph([facts], base=BASE)
    graph = kg.rdf
    expected = _ox_triples(graph)
    for fmt in ("turtle", "trig", "nt", "jsonld"):
        text = serialize(graph, fmt)
        assert _parsed(text, fmt) == expected, fmt
        if fmt in RAPPER_SYNTAX:
            path = tmp_path / f"g.{fmt}"
            path.write_text(text, encoding="utf-8")
            _rapper(path, RAPPER_SYNTAX[fmt])
    view = nx.read_graphml(export(graph, tmp_path / "g.graphml", "graphml"))
    assert view.number_of_nodes() == len(kg.resolution.nodes)
    gexf = nx.read_gexf(export(graph, tmp_path / "g.gexf", "gexf"))
    assert gexf.number_of_edges() == view.number_of_edges() <= 2


def test_doctests() -> None:
    for module in (graph.export, graph.rdf.datasets):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_a_knowledge_graph_exports_from_its_own_store_and_base(tmp_path: Path) -> None:
    base = "https://example.net/data/"
    met = _rel("~person:a", "discussedWith", "~person:b", "Ann met Bob.")
    kg = build_graph([_facts("a1", met)], base=base)
    assert kg.base == base and len(kg.store) == len(kg.rdf)
    names = {q.graph_name.value for q in ox.parse(serialize(kg, "trig"), ox.RdfFormat.TRIG)}
    assert entities_graph(base) in names
    # the same triples whether read from the store or through the rdflib API
    assert serialize(kg, "nt") == serialize(kg.rdf, "nt")
    assert (export(kg, tmp_path / "g.graphml", "graphml").read_bytes()
            == export(kg.rdf, tmp_path / "r.graphml", "graphml").read_bytes())
