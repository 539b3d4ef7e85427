"""End to end: the example articles through the CLI, outputs parsed back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from typer.testing import CliRunner

from graph.cli import app
from graph.rdf.datasets import kb_graph
from graph.rdf.namespaces import NG

from conftest import EXAMPLES

runner = CliRunner()


def _labels(g: Graph) -> dict[str, str]:
    rows = g.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l ; ng:entityType ?t }",
                   initNs={"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "ng": str(NG)})
    return {str(r[0]): str(r[1]) for r in rows}  # type: ignore[index]


def test_example_build_writes_every_output(example_build) -> None:
    report, _kg, out = example_build
    assert report.articles >= 6 and report.failed_inputs == 0
    for name in ("graph.ttl", "graph.html", "graph.graphml", "facts.jsonl"):
        assert (out / name).stat().st_size > 0


def test_example_turtle_parses_in_rdflib_and_oxigraph(example_build) -> None:
    _report, kg, out = example_build
    data = (out / "graph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    assert len(g) == len(kg.rdf)
    assert len(list(ox.parse(data, ox.RdfFormat.TURTLE))) == len(kg.rdf)


def test_example_entities_and_relations(example_build) -> None:
    _report, _kg, out = example_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    labels = _labels(g)
    names = set(labels.values())
    assert {"NATO", "Russia", "Ukraine", "Volodymyr Zelensky", "Donald Tusk"} <= names
    by_name = {v: k for k, v in labels.items()}
    rel = {(labels.get(str(s)), str(p).rsplit("#")[-1], labels.get(str(o)))
           for s, p, o in g if str(p).startswith(str(NG))}
    assert ("Turkey", "memberOf", "NATO") in rel
    assert ("Volodymyr Zelensky", "holdsPost", "Ukraine") in rel
    assert ("Donald Tusk", "accused", "Russia") in rel
    assert "Kyiv" in by_name and "Lloyd Austin" not in names  # examples do not name him


def test_example_html_is_offline(example_build) -> None:
    _report, _kg, out = example_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?(https?:)?//""", html)
    assert "vis.Network" in html or "vis-network" in html


def test_facts_jsonl_is_one_article_per_line(example_build) -> None:
    report, _kg, out = example_build
    lines = (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == report.articles
    assert all("relations" in json.loads(line) for line in lines)


def test_cli_build_with_bad_input_reports_and_builds_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "poland_eastern_flank.txt", src)
    (src / "empty.txt").write_text("")
    (src / "broken.jsonl").write_text('{"text": "Poland and Lithuania met in Vilnius."}\n{oops\n')
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.output and "broken.jsonl:2" in result.output
    assert "image.png" in result.output
    assert "articles: 2 read" in result.output
    assert (out / "graph.ttl").exists()


def test_cli_build_with_nothing_readable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_cli_query_named_and_formats(example_build) -> None:
    _report, _kg, out = example_build
    table = runner.invoke(app, ["query", str(out / "graph.ttl"), "who-discussed-with"])
    assert table.exit_code == 0 and "Volodymyr Zelensky" in table.output
    as_json = runner.invoke(app, ["query", str(out / "graph.ttl"), "threats", "--format",
                                  "json"])
    assert as_json.exit_code == 0
    json.loads(as_json.output)
    bad = runner.invoke(app, ["query", str(out / "graph.ttl"), "SELECT nonsense"])
    assert bad.exit_code != 0


def test_cli_export_and_validate(example_build, tmp_path: Path) -> None:
    _report, _kg, out = example_build
    for fmt, suffix in (("trig", ".trig"), ("nq", ".nq"), ("gexf", ".gexf"), ("csv", ".csv")):
        target = tmp_path / f"g{suffix}"
        result = runner.invoke(app, ["export", str(out / "graph.ttl"), "--format", fmt, "-o",
                                     str(target)])
        assert result.exit_code == 0, result.output
        assert target.stat().st_size > 0
    trig = (tmp_path / "g.trig").read_bytes()
    graphs = {q.graph_name for q in ox.parse(trig, ox.RdfFormat.TRIG)}
    articles = (out / "facts.jsonl").read_text(encoding="utf-8").count("\n")
    assert ox.NamedNode(kb_graph()) in graphs  # the examples name cities and their countries
    assert len(graphs) == 2 + articles  # one per article, plus the entities and kb graphs
    ok = runner.invoke(app, ["validate", str(out / "graph.ttl")])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix ng: <https://w3id.org/newsgraph/ns#> .\n"
        "<https://w3id.org/newsgraph/id/person/x> ng:accused "
        "<https://w3id.org/newsgraph/id/place/y> .\n", encoding="utf-8")
    bad = runner.invoke(app, ["validate", str(broken)])
    assert bad.exit_code == 1
    unknown = runner.invoke(app, ["export", str(out / "graph.ttl"), "--format", "docx"])
    assert unknown.exit_code == 2 and "E204" in unknown.output


def test_cli_explain_merges(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(EXAMPLES / "istanbul_peace_talks.txt"), "-o",
                                 str(tmp_path), "--workers", "1", "--explain-merges"])
    assert result.exit_code == 0, result.output
    assert "Volodymyr Zelensky <" in result.output
    merges = json.loads((tmp_path / "merges.json").read_text(encoding="utf-8"))
    assert any(e["name"] == "Recep Tayyip Erdoğan" for e in merges)
