"""A build over odd inputs: every problem reported with its code, nothing else lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import XSD
from typer.testing import CliRunner

from graph.cli import app

runner = CliRunner()
SCHEMA_DATE = "http://schema.org/datePublished"


def _odd_folder(folder: Path) -> Path:
    folder.mkdir()
    lines = [
        json.dumps({"text": "Donald Tusk met Mark Rutte in Warsaw.", "date": "2024-02-30",
                    "url": "javascript:alert(1)"}),
        '{"text": "Olaf Scholz \\ud83d met Emmanuel Macron in Paris."}',
        json.dumps({"text": "Antony Blinken met Jens Stoltenberg in Brussels.",
                    "date": "2024-13-45"}),
        json.dumps({"text": "Kaja Kallas visited Kyiv.", "date": "2024-02-29"}),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "README.md").write_text("# Samples\n\nArticles for a test.\n", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    if os.path.exists("/dev/zero"):
        (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


def test_odd_inputs_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    src = _odd_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "-o", str(out), "--workers", "1"])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 1  # some input failed, the rest was built
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 3
    found = {(p["code"], Path(p["where"]).name) for p in report["problems"]}
    expected = {("E014", "wire.jsonl:2"), ("E018", "wire.jsonl:1"), ("E019", "wire.jsonl:1"),
                ("E019", "wire.jsonl:3"), ("E017", "README.md")}
    if hasattr(os, "mkfifo"):
        expected.add(("E015", "pipe.txt"))
    if os.path.exists("/dev/zero"):
        expected.add(("E015", "zero.txt"))
    assert found == expected
    for code, where in expected:  # one line each on stderr, naming the file (and line)
        assert any(line.startswith(("error: " + code, "warning: " + code)) and where in line
                   for line in result.output.splitlines()), (code, where)
    graph = Graph().parse(out / "graph.ttl")
    dates = {o for o in graph.objects(None, None) if isinstance(o, Literal)
             and o.datatype == XSD.date}
    assert {str(d) for d in dates} == {"2024-02-29"}
    assert {str(o) for _s, p, o in graph if str(p) == SCHEMA_DATE} == {
        "2024-02-30", "2024-13-45", "2024-02-29"}
    assert "javascript:" not in (out / "graph.ttl").read_text(encoding="utf-8")
