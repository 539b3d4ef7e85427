"""SPARQL over a small graph written the way the graph layer writes it."""

from __future__ import annotations

import csv
import doctest
import io
import json
from pathlib import Path
from typing import get_args

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import ResultRow

import graph.query
from extract.errors import NewsgraphError
from graph.query import (
    FORMATS,
    QUERIES_DIR,
    QueryResult,
    ResultFormat,
    bundled_queries,
    format_result,
    load_store,
    resolve_query,
    run_query,
)

ID = "https://w3id.org/newsgraph/id/"
LONG = "Blinken and Stoltenberg " + "discussed the summit at length " * 4 + "in Washington."

GRAPH_TTL = f"""\
@prefix :       <{ID}> .
@prefix ng:     <https://w3id.org/newsgraph/ns#> .
@prefix schema: <http://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .

<{ID}person/antony-blinken> a schema:Person ;
    rdfs:label "Antony Blinken" ; skos:altLabel "Blinken", "Anthony Blinken" ;
    owl:sameAs <http://www.wikidata.org/entity/Q4771018> ;
    ng:entityType "PERSON" ; ng:countryCode "US" ; ng:mentionCount 5 ;
    ng:discussedWith <{ID}person/jens-stoltenberg> ;
    ng:holdsPost <{ID}place/united-states> ;
    ng:said "NATO is stronger than ever." .

<{ID}person/jens-stoltenberg> a schema:Person ;
    rdfs:label "Jens Stoltenberg" ;
    ng:entityType "PERSON" ; ng:mentionCount 3 ;
    ng:holdsPost <{ID}org/nato> .

<{ID}org/nato> a schema:Organization ;
    rdfs:label "NATO" ; skos:altLabel "the Alliance" ;
    ng:entityType "ORG" ; ng:mentionCount 4 ;
    ng:namedAsThreat <{ID}place/russia> .

<{ID}place/united-states> a schema:Place, schema:Country ;
    rdfs:label "United States" ;
    owl:sameAs <http://sws.geonames.org/6252001/> ;
    ng:entityType "GPE" ; ng:countryCode "US" ; ng:mentionCount 2 ;
    ng:memberOf <{ID}org/nato> .

<{ID}place/russia> a schema:Place, schema:Country ;
    rdfs:label "Russia" ; ng:entityType "GPE" ; ng:countryCode "RU" ; ng:mentionCount 1 .

<{ID}article/00000000000000a1> a schema:NewsArticle ;
    schema:headline "Blinken meets Stoltenberg" ;
    schema:datePublished "2024-07-10"^^xsd:date ;
    schema:url <https://example.org/news/1> ;
    schema:publisher "Example News" ; schema:author "A. Writer" ;
    schema:mentions <{ID}person/antony-blinken>, <{ID}person/jens-stoltenberg> ;
    ng:contentHash "00000000000000a1" ; ng:origin "examples/one.txt" .

<{ID}article/00000000000000b2> a schema:NewsArticle ;
    schema:headline "Allies gather" ;
    schema:datePublished "July 2024" ;
    ng:contentHash "00000000000000b2" ; ng:origin "examples/many.jsonl:2" .

<{ID}statement/s1> a ng:Statement ;
    rdf:subject <{ID}person/antony-blinken> ; rdf:predicate ng:discussedWith ;
    rdf:object <{ID}person/jens-stoltenberg> ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "{LONG}" ; ng:startChar 0 ; ng:endChar {len(LONG)} ;
    ng:confidence 0.9 ; ng:polarity "asserted" ; ng:modality "fact" ;
    ng:trigger "discussed" ; ng:rule "consult.verb" ; ng:cameoCode "042" ;
    ng:ploverType "CONSULT" .

<{ID}statement/s2> a ng:Statement ;
    rdf:subject <{ID}person/jens-stoltenberg> ; rdf:predicate ng:discussedWith ;
    rdf:object <{ID}person/antony-blinken> ;
    prov:wasDerivedFrom <{ID}article/00000000000000b2> ;
    ng:evidence "Stoltenberg met Blinken." ; ng:confidence 0.8 ;
    ng:polarity "asserted" ; ng:modality "fact" .

<{ID}statement/s3> a ng:Statement ;
    rdf:subject <{ID}org/nato> ; rdf:predicate ng:namedAsThreat ;
    rdf:object <{ID}place/russia> ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "NATO called Russia the most direct threat." ;
    ng:polarity "asserted" ; ng:modality "reported" ;
    ng:attributedTo <{ID}person/jens-stoltenberg> .

<{ID}statement/s4> a ng:Statement ;
    rdf:subject <{ID}person/antony-blinken> ; rdf:predicate ng:holdsPost ;
    rdf:object <{ID}place/united-states> ; ng:postTitle "Secretary of State" ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "U.S. Secretary of State Antony Blinken arrived." ; ng:polarity "asserted" .

<{ID}statement/s5> a ng:Statement ;
    rdf:subject <{ID}person/jens-stoltenberg> ; rdf:predicate ng:holdsPost ;
    rdf:object <{ID}org/nato> ; ng:postTitle "Secretary General" ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "NATO Secretary General Jens Stoltenberg spoke." ; ng:polarity "asserted" .

<{ID}statement/s6> a ng:Statement ;
    rdf:subject <{ID}person/antony-blinken> ; rdf:predicate ng:said ;
    rdf:object "NATO is stronger than ever." ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "\\"NATO is stronger than ever,\\" Blinken said." ; ng:polarity "asserted" .

<{ID}statement/s7> a ng:Statement ;
    rdf:subject <{ID}place/united-states> ; rdf:predicate ng:threatened ;
    rdf:object <{ID}place/russia> ;
    prov:wasDerivedFrom <{ID}article/00000000000000a1> ;
    ng:evidence "The United States does not want a confrontation with Russia." ;
    ng:polarity "negated" ; ng:modality "fact" ; ng:trigger "confrontation" .
"""

EXPECTED_QUERIES = {
    "who-discussed-with",
    "threats",
    "posts",
    "members",
    "entities",
    "relations",
    "evidence",
    "negated",
    "quotes",
}


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(GRAPH_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(graph_file: Path) -> ox.Store:
    return load_store(graph_file)


def _select(store: ox.Store, name: str) -> QueryResult:
    result = run_query(store, resolve_query(name))
    assert result.kind == "select"
    return result


def _column(result: QueryResult, name: str) -> list[str | None]:
    index = result.variables.index(name)
    return [row[index] for row in result.rows]


# --- bundled queries -------------------------------------------------------------------------


def test_bundled_queries_have_descriptions() -> None:
    queries = bundled_queries()
    assert set(queries) == EXPECTED_QUERIES
    assert list(queries) == sorted(queries)
    for name, description in queries.items():
        assert description and not description.startswith("#"), name
        text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
        assert text.startswith("PREFIX "), name


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_every_bundled_query_runs_and_finds_rows(store: ox.Store, name: str) -> None:
    result = _select(store, name)
    assert result.variables
    assert result.rows, f"{name} found nothing"
    for fmt in FORMATS:
        assert format_result(result, fmt)


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_bundled_queries_are_plain_sparql_11(graph_file: Path, store: ox.Store, name: str) -> None:
    """A second, independent SPARQL engine parses each query and finds the same rows."""
    text = resolve_query(name)
    prepareQuery(text)
    other = Graph()
    other.parse(graph_file, format="turtle")
    rows = [row for row in other.query(text) if isinstance(row, ResultRow)]
    theirs = sorted(tuple("" if value is None else str(value) for value in row) for row in rows)
    ours = sorted(tuple("" if v is None else v for v in row) for row in _select(store, name).rows)
    assert ours == theirs


def test_who_discussed_with_merges_both_directions(store: ox.Store) -> None:
    result = _select(store, "who-discussed-with")
    assert result.variables == ("entity1", "entity2", "statements", "articles", "evidence")
    assert result.rows == [("Antony Blinken", "Jens Stoltenberg", "2", "2", LONG)]


def test_threats(store: ox.Store) -> None:
    result = _select(store, "threats")
    assert len(result.rows) == 1
    row = dict(zip(result.variables, result.rows[0], strict=True))
    assert row["speaker"] == "NATO"
    assert row["target"] == "Russia"
    assert row["modality"] == "reported"
    assert row["headline"] == "Blinken meets Stoltenberg"
    assert row["date"] == "2024-07-10"


def test_posts(store: ox.Store) -> None:
    result = _select(store, "posts")
    assert result.rows == [
        ("Antony Blinken", "Secretary of State", "United States", "GPE"),
        ("Jens Stoltenberg", "Secretary General", "NATO", "ORG"),
    ]


def test_members(store: ox.Store) -> None:
    assert _select(store, "members").rows == [("NATO", "United States", "GPE")]


def test_entities_most_mentioned_first(store: ox.Store) -> None:
    result = _select(store, "entities")
    assert _column(result, "label") == [
        "Antony Blinken",
        "NATO",
        "Jens Stoltenberg",
        "United States",
        "Russia",
    ]
    assert _column(result, "mentions")[0] == "5"


def test_relations_counts(store: ox.Store) -> None:
    result = _select(store, "relations")
    counts = {(p, pol): n for p, pol, n in result.rows}
    ng = "https://w3id.org/newsgraph/ns#"
    assert counts == {
        (f"{ng}discussedWith", "asserted"): "2",
        (f"{ng}holdsPost", "asserted"): "2",
        (f"{ng}namedAsThreat", "asserted"): "1",
        (f"{ng}said", "asserted"): "1",
        (f"{ng}threatened", "negated"): "1",
    }


def test_evidence_lists_asserted_statements_only(store: ox.Store) -> None:
    result = _select(store, "evidence")
    assert len(result.rows) == 6
    assert "confrontation" not in " ".join(filter(None, _column(result, "evidence")))
    assert "NATO is stronger than ever." in _column(result, "object")
    assert set(_column(result, "headline")) == {"Blinken meets Stoltenberg", "Allies gather"}


def test_negated(store: ox.Store) -> None:
    result = _select(store, "negated")
    assert len(result.rows) == 1
    row = dict(zip(result.variables, result.rows[0], strict=True))
    assert row["subject"] == "United States"
    assert row["predicate"] == "https://w3id.org/newsgraph/ns#threatened"
    assert row["object"] == "Russia"
    assert row["trigger"] == "confrontation"
    no_triple = "ASK { ?s <https://w3id.org/newsgraph/ns#threatened> ?o }"
    assert run_query(store, no_triple).boolean is False


def test_quotes(store: ox.Store) -> None:
    result = _select(store, "quotes")
    assert result.rows == [
        ("Antony Blinken", "NATO is stronger than ever.", "Blinken meets Stoltenberg", "2024-07-10")
    ]


# --- formats ---------------------------------------------------------------------------------


def test_table_is_aligned_shortened_and_truncated(store: ox.Store) -> None:
    text = format_result(_select(store, "negated"), "table")
    lines = text.splitlines()
    assert lines[0].split(" | ")[0].strip() == "subject"
    assert set(lines[1]) <= {"-", "+"}
    assert lines[0].index("|") == lines[1].index("+") == lines[2].index("|")
    assert "ng:threatened" in text
    assert lines[-1] == "(1 row)"
    wide = format_result(_select(store, "who-discussed-with"), "table")
    assert "…" in wide
    assert LONG not in wide
    rows = [line for i, line in enumerate(wide.splitlines()) if i != 1]
    assert all(len(cell.strip()) <= 80 for line in rows for cell in line.split("|"))


def test_table_removes_control_characters() -> None:
    result = QueryResult(kind="select", variables=("x",), rows=[("a\nb\x1b[31mc",)])
    text = format_result(result, "table")
    assert "\x1b" not in text and "\n" not in text.splitlines()[2]
    assert text.endswith("(1 row)")


def test_table_of_no_rows(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?x WHERE { ?x a <http://example.org/Nothing> }")
    assert format_result(result, "table").splitlines() == ["x", "-", "(0 rows)"]


def test_csv_round_trips(store: ox.Store) -> None:
    result = _select(store, "evidence")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert tuple(rows[0]) == result.variables
    assert [tuple(row) for row in rows[1:]] == [
        tuple("" if cell is None else cell for cell in row) for row in result.rows
    ]
    assert any(LONG in row for row in rows)


def test_json_is_sparql_results_json(store: ox.Store) -> None:
    result = _select(store, "entities")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == list(result.variables)
    first = data["results"]["bindings"][0]
    assert first["entity"] == {"type": "uri", "value": f"{ID}person/antony-blinken"}
    assert first["label"] == {"type": "literal", "value": "Antony Blinken"}
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    assert first["mentions"] == {"type": "literal", "value": "5", "datatype": integer}


def test_json_matches_oxigraph_serializer(store: ox.Store) -> None:
    text = resolve_query("threats")
    ours = json.loads(format_result(run_query(store, text), "json"))
    reference = store.query(text, use_default_graph_as_union=True)
    assert isinstance(reference, ox.QuerySolutions)
    assert ours == json.loads(reference.serialize(format=ox.QueryResultsFormat.JSON) or b"")


def test_json_language_tags_and_blank_nodes() -> None:
    store = ox.Store()
    node = ox.BlankNode("b0")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.add(ox.Quad(node, label, ox.Literal("Moskau", language="de")))
    result = run_query(store, "SELECT ?s ?o WHERE { ?s ?p ?o }")
    assert result.rows[0][0] is not None and result.rows[0][0].startswith("_:")
    binding = json.loads(format_result(result, "json"))["results"]["bindings"][0]
    assert binding["s"]["type"] == "bnode"
    assert binding["o"] == {"type": "literal", "value": "Moskau", "xml:lang": "de"}


def test_unbound_values(store: ox.Store) -> None:
    sparql = """SELECT ?label ?code WHERE {
        ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label .
        OPTIONAL { ?e <https://w3id.org/newsgraph/ns#countryCode> ?code } }"""
    result = run_query(store, sparql)
    assert ("Jens Stoltenberg", None) in result.rows
    row = [b for b in json.loads(format_result(result, "json"))["results"]["bindings"]]
    assert {"label": {"type": "literal", "value": "NATO"}} in row
    assert "NATO," in format_result(result, "csv").splitlines()


def test_csv_and_json_of_results_made_by_hand_and_without_variables() -> None:
    made = QueryResult(kind="select", variables=("x", "y"), rows=[("a", None), (None, "b,c")])
    assert format_result(made, "csv").splitlines() == ["x,y", "a,", ',"b,c"']
    bindings = json.loads(format_result(made, "json"))["results"]["bindings"]
    assert bindings == [{"x": {"type": "literal", "value": "a"}},
                        {"y": {"type": "literal", "value": "b,c"}}]
    empty = run_query(ox.Store(), "SELECT * WHERE {}")
    assert json.loads(format_result(empty, "json")) == {"head": {"vars": []},
                                                        "results": {"bindings": [{}]}}


def test_unknown_format_is_e204(store: ox.Store) -> None:
    assert get_args(ResultFormat) == FORMATS
    result = _select(store, "members")
    with pytest.raises(NewsgraphError, match=r"^E204 .*'xml'"):
        format_result(result, "xml")  # type: ignore[arg-type]


# --- ASK, CONSTRUCT, DESCRIBE ----------------------------------------------------------------


def test_ask(store: ox.Store) -> None:
    yes = run_query(store, "ASK { ?s a <http://schema.org/Person> }")
    no = run_query(store, "ASK { ?s a <http://schema.org/Event> }")
    assert (yes.kind, yes.boolean, no.boolean) == ("ask", True, False)
    assert format_result(yes, "table") == "true"
    assert format_result(no, "csv") == "false"
    assert json.loads(format_result(yes, "json")) == {"head": {}, "boolean": True}


def test_construct(store: ox.Store) -> None:
    sparql = """PREFIX ng: <https://w3id.org/newsgraph/ns#>
        CONSTRUCT { ?o ng:discussedWith ?s } WHERE { ?s ng:discussedWith ?o }"""
    result = run_query(store, sparql)
    assert result.kind == "graph"
    assert result.variables == ("subject", "predicate", "object")
    assert result.rows == [
        (
            f"{ID}person/jens-stoltenberg",
            "https://w3id.org/newsgraph/ns#discussedWith",
            f"{ID}person/antony-blinken",
        )
    ]
    assert "ng:discussedWith" in format_result(result, "table")
    data = json.loads(format_result(result, "json"))
    assert data["results"]["bindings"][0]["predicate"]["type"] == "uri"


def test_describe(store: ox.Store) -> None:
    result = run_query(store, f"DESCRIBE <{ID}place/russia>")
    assert result.kind == "graph"
    assert (f"{ID}place/russia", "http://www.w3.org/2000/01/rdf-schema#label", "Russia") in (
        result.rows
    )


# --- resolving queries -----------------------------------------------------------------------


def test_resolve_name_file_and_text(tmp_path: Path) -> None:
    assert resolve_query("threats") == (QUERIES_DIR / "threats.rq").read_text(encoding="utf-8")
    assert resolve_query(" threats\n") == resolve_query("threats")
    query_file = tmp_path / "mine.rq"
    query_file.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(query_file)) == "SELECT * WHERE { ?s ?p ?o }"
    sparql_file = tmp_path / "mine.sparql"
    sparql_file.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(sparql_file)) == "ASK { ?s ?p ?o }"
    assert resolve_query("describe <http://x>") == "describe <http://x>"


def test_unknown_name_is_e202() -> None:
    with pytest.raises(NewsgraphError, match=r"^E202 query 'no-such-query' .*threats"):
        resolve_query("no-such-query")
    with pytest.raises(NewsgraphError, match=r"^E202"):
        resolve_query("select-all")


def test_missing_query_file_is_e009(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match=r"^E009 .*absent\.rq"):
        resolve_query(str(tmp_path / "absent.rq"))


def test_bad_sparql_is_e203(store: ox.Store) -> None:
    with pytest.raises(NewsgraphError, match=r"^E203 SPARQL error: ") as info:
        run_query(store, "SELECT ?x WHERE { ?x ")
    assert "\n" not in str(info.value)
    with pytest.raises(NewsgraphError, match=r"^E203"):
        run_query(store, "INSERT DATA { <http://a> <http://b> <http://c> }")


# --- loading graphs --------------------------------------------------------------------------


def test_bad_turtle_is_e201(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(NewsgraphError, match=r"^E201 .*broken\.ttl: cannot parse the graph \("):
        load_store(bad)


def test_unknown_extension_is_e201(tmp_path: Path) -> None:
    odd = tmp_path / "graph.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(NewsgraphError, match=r"^E201 .*graph\.csv.*unknown extension '\.csv'"):
        load_store(odd)


def test_missing_or_folder(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match=r"^E009 "):
        load_store(tmp_path / "none.ttl")
    with pytest.raises(NewsgraphError, match=r"^E008 .*folder"):
        load_store(tmp_path)


def test_oxigraph_store_folder_is_opened_read_only(store: ox.Store, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    on_disk = ox.Store(str(folder))
    on_disk.extend(store)
    on_disk.flush()
    del on_disk
    opened = load_store(folder)
    assert len(opened) == len(store)
    assert _select(opened, "members").rows == _select(store, "members").rows
    with pytest.raises(RuntimeError, match="read-write"):
        opened.update("INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }")


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".nt", ox.RdfFormat.N_TRIPLES),
        (".nq", ox.RdfFormat.N_QUADS),
        (".trig", ox.RdfFormat.TRIG),
        (".jsonld", ox.RdfFormat.JSON_LD),
        (".rdf", ox.RdfFormat.RDF_XML),
    ],
)
def test_other_formats_and_named_graphs(
    store: ox.Store, tmp_path: Path, suffix: str, fmt: ox.RdfFormat
) -> None:
    article = ox.NamedNode(f"{ID}article/00000000000000a1")
    quads = [
        ox.Quad(q.subject, q.predicate, q.object, article if fmt.supports_datasets else None)
        for q in store
    ]
    path = tmp_path / f"graph{suffix}"
    ox.serialize(quads, path, fmt)
    other = load_store(path)
    assert len(other) == len(store)
    assert _select(other, "who-discussed-with").rows == _select(store, "who-discussed-with").rows


def test_doctests() -> None:
    result = doctest.testmod(graph.query)
    assert result.attempted > 0 and result.failed == 0
