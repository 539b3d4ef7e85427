"""A larger graph in other RDF tools: Raptor (rapper), Virtuoso 7 and Oxigraph.

The graph is built from a few hundred articles made of the example and fixture paragraphs, so
entity pairs have many statements and evidence sentences (where engines that order or pick
values differently disagree). The bundled queries must give the same answers (as sets of value
tuples) in Virtuoso over the Turtle, in Oxigraph over the TriG, N-Quads and RDF/XML exports, and
in newsgraph's own query function over the Turtle.
The Debian packages raptor2-utils and virtuoso-opensource-7-bin provide the tools.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from _servers import ISQL, RAPPER, VIRTUOSO, Virtuoso, rapper_count, virtuoso

from graph.export import EXTENSIONS, entities_graph, export, kb_graph
from graph.query import bundled_queries, load_store, resolve_query, run_query
from graph.rdf.namespaces import DEFAULT_BASE, SCHEMA
from graph.rdf.ontology import ONTOLOGY_PATH
from graph.run import BuildReport, build
from graph.validate import SHAPES_PATH

GRAPH = "urn:newsgraph:test:example"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
Value = tuple[str, ...] | None

needs_rapper = pytest.mark.skipif(RAPPER is None, reason="rapper not installed "
                                  "(apt-get install raptor2-utils)")
needs_virtuoso = pytest.mark.skipif(VIRTUOSO is None or ISQL is None, reason="Virtuoso not "
                                    "installed (apt-get install virtuoso-opensource-7-bin)")


ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 200


def _paragraphs() -> list[str]:
    """The paragraphs of the example articles and the text fixtures."""
    files = [*sorted((ROOT / "examples").glob("*.txt")),
             *sorted((ROOT / "tests/fixtures").glob("*.txt"))]
    texts = [path.read_text("utf-8") for path in files]
    wire = (ROOT / "examples/wire.jsonl").read_text("utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in wire if line.strip()]
    return [p.strip() for text in texts for p in text.split("\n\n") if len(p.strip()) > 80]


def write_articles(folder: Path, count: int = ARTICLES, seed: int = 7) -> Path:
    """``count`` articles of two example paragraphs each, picked at random, as one JSON Lines
    file in ``folder``; the same file for the same seed."""
    paragraphs, pick = _paragraphs(), random.Random(seed)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {"title": f"Dispatch {i}", "text": "\n\n".join(pick.sample(paragraphs, 2)),
                      "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def large_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path]:
    articles = write_articles(tmp_path_factory.mktemp("articles"))
    out = tmp_path_factory.mktemp("large-build")
    report, kg = build([articles], out, workers=2, html=False)
    assert kg is not None and report.articles == ARTICLES and not report.problems
    return report, out


@pytest.fixture(scope="module")
def exports(
    large_build: tuple[BuildReport, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    turtle = large_build[1] / "graph.ttl"
    paths = {fmt: export(turtle, folder / f"graph{EXTENSIONS[fmt]}", fmt)
             for fmt in ("nt", "trig", "nq", "xml")}
    return {"turtle": turtle, **paths}


@pytest.fixture(scope="module")
def store(exports: dict[str, Path]) -> ox.Store:
    return load_store(exports["turtle"])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, exports: dict[str, Path]) -> Any:
    if VIRTUOSO is None or ISQL is None:
        pytest.skip("Virtuoso not installed (apt-get install virtuoso-opensource-7-bin)")
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as running:
        running.load(exports["turtle"], GRAPH)
        yield running


def _ox_value(term: Any) -> Value:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    return ("literal", term.value, term.datatype.value, (term.language or "").lower())


def _virtuoso_value(term: dict[str, str] | None) -> Value:
    if term is None:
        return None
    if term["type"] == "uri":
        return ("uri", term["value"])
    if term["type"] == "bnode":
        return ("bnode",)
    lang = term.get("xml:lang", "")
    datatype = term.get("datatype", LANG_STRING if lang else XSD_STRING)
    value = term["value"]
    if datatype == XSD_BOOLEAN:  # Virtuoso answers the boolean true as "1": the same value
        value = {"1": "true", "0": "false"}.get(value, value)
    return ("literal", value, datatype, lang.lower())


def _virtuoso_rows(server: Virtuoso, sparql: str) -> set[tuple[Value, ...]]:
    data = server.sparql(sparql, GRAPH)
    names = data["head"]["vars"]
    return {tuple(_virtuoso_value(b.get(n)) for n in names) for b in data["results"]["bindings"]}


def _ox_rows(store: ox.Store, sparql: str) -> set[tuple[Value, ...]]:
    return {tuple(_ox_value(t) for t in row)
            for row in store.query(sparql, use_default_graph_as_union=True)}


@needs_rapper
@pytest.mark.parametrize("fmt", ["turtle", "nt", "trig", "nq", "xml"])
def test_rapper_reads_every_export(exports: dict[str, Path], store: ox.Store, fmt: str) -> None:
    expected = len(store) + (_duplicates(exports["nq"]) if fmt in ("trig", "nq") else 0)
    assert rapper_count(exports[fmt]) == expected


def _duplicates(nquads: Path) -> int:
    """Quads beyond one per triple (direct triples supported by several articles)."""
    quads = list(ox.parse(path=nquads, format=ox.RdfFormat.N_QUADS))
    return len(quads) - len({(q.subject, q.predicate, q.object) for q in quads})


@needs_rapper
def test_rapper_reads_the_ontology_and_shapes() -> None:
    for path in (ONTOLOGY_PATH, SHAPES_PATH):
        store = ox.Store()
        store.load(path=path, format=ox.RdfFormat.TURTLE)
        assert rapper_count(path) == len(store) > 100


@needs_virtuoso
def test_virtuoso_holds_exactly_the_triples(server: Virtuoso, store: ox.Store) -> None:
    ours = {(_ox_value(q.subject), _ox_value(q.predicate), _ox_value(q.object)) for q in store}
    theirs = _virtuoso_rows(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert theirs == ours
    assert not any("\\" in v[1] for row in theirs for v in row if v and v[0] == "uri")


def _newsgraph_rows(store: ox.Store, sparql: str) -> set[tuple[Value, ...]]:
    result = run_query(store, sparql)
    rows = {tuple(_ox_value(t) for t in row) for row in result.terms}
    assert len(rows) == len(result.rows) > 0
    return rows


@pytest.mark.parametrize("name", sorted(bundled_queries()))
@pytest.mark.parametrize("fmt", ["trig", "nq", "xml"])
def test_bundled_queries_agree_on_every_export(
    store: ox.Store, exports: dict[str, Path], name: str, fmt: str
) -> None:
    sparql = resolve_query(name)
    assert _ox_rows(load_store(exports[fmt]), sparql) == _newsgraph_rows(store, sparql)


@needs_virtuoso
@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_agree_in_virtuoso(server: Virtuoso, store: ox.Store, name: str) -> None:
    sparql = resolve_query(name)
    assert _virtuoso_rows(server, sparql) == _newsgraph_rows(store, sparql)


@needs_virtuoso
def test_virtuoso_reads_the_named_graphs(server: Virtuoso, exports: dict[str, Path]) -> None:
    quads = list(ox.parse(path=exports["nq"], format=ox.RdfFormat.N_QUADS))
    expected = Counter(q.graph_name.value for q in quads)
    query = f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                FILTER (STRSTARTS(STR(?g), "{DEFAULT_BASE}")) }} GROUP BY ?g"""
    for fmt in ("trig", "nq"):
        server.load(exports[fmt], GRAPH)
        data = server.sparql(query)
        found = {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}
        assert found == dict(expected), fmt
    articles = {q.subject.value for q in quads if q.object == ox.NamedNode(str(SCHEMA.NewsArticle))}
    graphs = {entities_graph(), kb_graph()}  # the articles name cities and their countries
    assert set(expected) == articles | graphs and len(articles) > 5
