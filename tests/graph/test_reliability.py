"""Nothing lost: bad input, long input, killed builds, unwritable outputs."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.errors import NewsgraphError
from extract.facts import Article
from extract.pipeline import extract_facts
from graph.cli import app
from graph.run import build

from conftest import EXAMPLES, ROOT

runner = CliRunner()


def test_report_json_lists_every_skipped_input(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Poland and Lithuania met in Vilnius on Monday.\n")
    (src / "blank.txt").write_text("   \n\n")
    (src / "bad.jsonl").write_text('{"text": 5}\n{"text": "Estonia joined NATO in 2004."}\n')
    (src / "latin1.txt").write_bytes("Caf\xe9 in Paris.".encode("latin-1"))
    report, kg = build([src], tmp_path / "out", workers=1)
    assert kg is not None and report.articles == 2
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    codes = sorted(p["code"] for p in data["problems"])
    assert codes == ["E001", "E003", "E006"]
    assert any(p["where"].endswith("bad.jsonl:1") for p in data["problems"])
    assert data["failed_inputs"] == 3 and data["articles"] == 2


def test_nothing_built_still_writes_the_report(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    _report, kg = build([tmp_path / "empty.txt"], tmp_path / "out", workers=1)
    assert kg is None
    assert json.loads((tmp_path / "out" / "report.json").read_text())["failed_inputs"] == 1


def test_article_longer_than_a_chunk_is_split_not_lost(nlp, monkeypatch) -> None:
    import extract.pipeline as pipeline

    paragraph = ("Polish Prime Minister Donald Tusk met Mark Rutte in Warsaw. "
                 "Tusk accused Belarus of pushing migrants to the border.\n\n")
    text = paragraph * 60  # about 7,000 characters, split into 1,000-character chunks
    split = pipeline.split_text
    monkeypatch.setattr(pipeline, "split_text", lambda t, _limit=0: split(t, 1000))
    facts = next(extract_facts([Article(id="long", text=text)], nlp))
    for m in facts.mentions:
        assert text[m.start : m.end] == m.text
    tusk = [m for m in facts.mentions if m.text == "Donald Tusk"]
    assert len(tusk) == 60
    accused = [r for r in facts.relations if r.predicate == "accused"]
    assert len({r.start for r in accused}) == 60
    assert all(text[r.start : r.end].strip() == r.sentence for r in accused)
    assert len(facts.sentences) >= 120


def test_non_english_text_is_built_without_failing(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Bundeskanzler Olaf Scholz traf am Montag in Berlin den polnischen Ministerpräsidenten "
        "Donald Tusk. Sie sprachen über die Unterstützung der Ukraine.\n", encoding="utf-8")
    (tmp_path / "ru.txt").write_text("Владимир Путин встретился с Си Цзиньпином в Москве.\n",
                                     encoding="utf-8")
    report, kg = build([tmp_path], tmp_path / "out", workers=1)
    assert kg is not None and report.articles == 2 and report.failed_inputs == 0


def test_unwritable_output_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    result = runner.invoke(app, ["build", str(EXAMPLES / "g7_apulia_summit.txt"), "-o",
                                 str(blocker), "--workers", "1"])
    assert result.exit_code == 2
    assert "E301" in result.output and str(blocker) in result.output
    assert "Traceback" not in result.output


def test_full_disk_keeps_the_previous_outputs(tmp_path: Path, monkeypatch) -> None:
    import extract.atomic

    out = tmp_path / "out"
    build([EXAMPLES / "g7_apulia_summit.txt"], out, workers=1, html=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(extract.atomic.os, "fsync", no_space)
    with pytest.raises(NewsgraphError, match="E301"):
        build([EXAMPLES / "poland_eastern_flank.txt"], out, workers=1, html=False)
    monkeypatch.undo()
    left = {p.name for p in out.iterdir()}
    assert not [n for n in left if n.endswith(".tmp")]
    for name in ("graph.ttl", "graph.graphml"):
        assert (out / name).read_bytes() == before[name]


def _many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    leaders = ["Donald Tusk", "Mark Rutte", "Olaf Scholz", "Emmanuel Macron"]
    for i in range(n):
        who = leaders[i % len(leaders)]
        (folder / f"a{i:03}.txt").write_text(
            f"Talks number {i}\n\n{who} met Volodymyr Zelensky in Kyiv on day {i}. "
            f"{who} accused Russia of attacking Ukrainian ports for the {i}th time.\n",
            encoding="utf-8")
    return folder


def test_killed_build_leaves_old_graph_and_resume_finishes_it(tmp_path: Path) -> None:
    src = _many_articles(tmp_path / "in", 60)
    reference = tmp_path / "reference"
    build([src], reference, workers=1, html=False)
    out = tmp_path / "out"
    build([EXAMPLES / "g7_apulia_summit.txt"], out, workers=1, html=False)
    old = (out / "graph.ttl").read_bytes()
    cmd = [sys.executable, "-m", "graph.cli", "build", str(src), "-o", str(out),
           "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    partial = out / "facts.jsonl.partial"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if partial.exists() and partial.read_text(encoding="utf-8").count("\n") >= 2:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (out / "graph.ttl").read_bytes() == old  # the previous graph is intact
    report, _ = build([src], out, workers=1, resume=True, html=False)
    assert report.resumed >= 2 and report.articles == 60
    assert (out / "graph.ttl").read_bytes() == (reference / "graph.ttl").read_bytes()
    assert not partial.exists()


def test_twenty_megabyte_article_splits_into_pieces_spacy_accepts(nlp) -> None:
    from extract.pipeline import CHUNK_CHARS, split_text

    paragraph = "Polish Prime Minister Donald Tusk met Mark Rutte in Warsaw on Monday.\n\n"
    text = paragraph * (20_000_000 // len(paragraph))
    pieces = split_text(text)
    assert len(text) > nlp.max_length
    assert all(len(chunk) <= CHUNK_CHARS < nlp.max_length for _offset, chunk in pieces)
    assert "".join(chunk for _offset, chunk in pieces) == text
    assert all(text.startswith(chunk, offset) for offset, chunk in pieces)


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a") as held:  # what a running build holds
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(NewsgraphError, match="E304"):
            build([EXAMPLES / "g7_apulia_summit.txt"], out, workers=1, html=False)
    report, _ = build([EXAMPLES / "g7_apulia_summit.txt"], out, workers=1, html=False)
    assert report.articles == 1
