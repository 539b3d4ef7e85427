"""Build options checked up front, facts checked on resume, Ctrl-C, and all-or-nothing outputs."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph.run
from extract.errors import NewsgraphError
from graph.cli import app
from graph.progress import Progress
from graph.run import build

from conftest import EXAMPLES

runner = CliRunner()
G7 = EXAMPLES / "g7_apulia_summit.txt"
POLAND = EXAMPLES / "poland_eastern_flank.txt"


@pytest.mark.parametrize(("args", "code", "shown"), [
    (["--kb", "{tmp}/missing.json"], "E102", "missing.json"),
    (["--kb", "{tmp}/bad.json"], "E103", "bad.json"),
    (["--kb", "{tmp}/noid.json"], "E103", "noid.json"),
    (["--kb", "{tmp}"], "E102", "a folder"),
    (["--base-iri", "not an iri"], "E104", "not an iri"),
    (["--base-iri", "ftp://example.org/id/"], "E104", "ftp://"),
    (["--base-iri", "https://example.org/a b/"], "E104", "which an IRI may not hold"),
    (["--workers", "0"], "E105", "--workers"),
    (["--max-file-size", "0"], "E105", "--max-file-size"),
    (["--model", "no_such_pipeline"], "E101", "no_such_pipeline"),
])
def test_bad_options_are_one_coded_line_before_anything_is_written(
    tmp_path: Path, args: list[str], code: str, shown: str
) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "noid.json").write_text('{"entries": [{"name": "X"}]}', encoding="utf-8")
    out = tmp_path / "out"
    argv = ["build", str(G7), "-o", str(out), *[a.format(tmp=tmp_path) for a in args]]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {code} "), result.output
    assert shown in lines[0] and "Traceback" not in result.output
    assert not out.exists()


def test_newsgraph_error_has_a_code() -> None:
    with pytest.raises(NewsgraphError) as caught:
        build([G7], "out", kb=["/no/such/kb.json"])
    assert caught.value.code == "E102"


def test_wrong_shape_facts_line_is_reported_and_its_article_extracted_again(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    build([G7, POLAND], out, workers=1, html=False)
    reference = (out / "graph.ttl").read_bytes()
    facts = out / "facts.jsonl"
    lines = facts.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[1])
    record["entities"] = [{"key": 5}]  # valid JSON, wrong shape
    facts.write_text(lines[0] + "[1, 2]\n" + json.dumps(record) + "\n", encoding="utf-8")
    report, kg = build([G7, POLAND], out, workers=1, html=False, resume=True)
    assert kg is not None and report.articles == 2 and report.resumed == 1
    found = [(p.code, p.where, p.warning) for p in report.problems]
    assert found == [("E306", f"{facts}:2", True), ("E306", f"{facts}:3", True)]
    assert "entities[0].key" in str(report.problems[1])
    assert (out / "graph.ttl").read_bytes() == reference


def test_ctrl_c_says_how_to_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(graph.run, "build", interrupted)
    result = runner.invoke(app, ["build", str(G7), "-o", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert "--resume" in result.output and "facts.jsonl.partial" in result.output
    assert "Traceback" not in result.output and "Aborted" not in result.output


def test_progress_is_told_of_articles_and_pieces(tmp_path: Path) -> None:
    lines: list[str] = []
    build([G7, POLAND], tmp_path / "out", workers=1, html=False,
          progress=Progress(lines.append, every=0))
    assert lines[-1].startswith("progress: 2 article(s) extracted")


def test_failure_in_a_late_writer_changes_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([G7], out, workers=1)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert {"facts.jsonl", "graph.ttl", "graph.html", "report.json"} <= set(before)
    real = graph.run.write_report

    def no_space(report: graph.run.BuildReport, path: str | Path) -> Path:
        if Path(path).name == "report.json" and (out / "graph.ttl").exists():
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(report, path)

    monkeypatch.setattr(graph.run, "write_report", no_space)
    with pytest.raises(NewsgraphError, match="E301") as caught:
        build([G7, POLAND], out, workers=1)
    assert str(out / "report.json") in str(caught.value)
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if k != "facts.jsonl.partial"} == before
    assert [p.name for p in out.iterdir() if p.is_dir()] == []  # no staging folder left
    report, _ = build([G7, POLAND], out, workers=1, resume=True)
    assert report.resumed == 2  # the facts extracted before the failure were kept
