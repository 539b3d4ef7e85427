"""Build runs: worker processes, Dask, resuming; all give the same graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.facts import read_facts
from graph.run import build

from conftest import EXAMPLES


def test_two_workers_give_byte_identical_turtle(example_build, tmp_path: Path) -> None:
    _report, _kg, out = example_build
    report, _ = build([EXAMPLES], tmp_path, workers=2, html=False)
    assert report.failed_inputs == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_interrupted_build_resumes_to_the_same_graph(example_build, tmp_path: Path) -> None:
    _report, _kg, out = example_build
    lines = (out / "facts.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    # what a build killed mid-write leaves: three whole lines and a cut one
    (tmp_path / "facts.jsonl.partial").write_text("".join(lines[:3]) + lines[3][:50],
                                                  encoding="utf-8")
    report, _ = build([EXAMPLES], tmp_path, workers=1, resume=True, html=False)
    assert report.resumed == 3
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert not (tmp_path / "facts.jsonl.partial").exists()
    ids = [f.article.id for f in read_facts(tmp_path / "facts.jsonl")]
    assert len(ids) == len(set(ids)) == report.articles


def test_without_resume_a_stale_partial_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "facts.jsonl.partial").write_text('{"broken": \n', encoding="utf-8")
    report, kg = build([EXAMPLES / "poland_eastern_flank.txt"], tmp_path, workers=1, html=False)
    assert kg is not None and report.articles == 1
    assert len(list(read_facts(tmp_path / "facts.jsonl"))) == 1


def test_resume_adds_new_articles_to_a_finished_build(tmp_path: Path) -> None:
    first = EXAMPLES / "poland_eastern_flank.txt"
    second = EXAMPLES / "g7_apulia_summit.txt"
    build([first], tmp_path, workers=1, html=False)
    report, _ = build([first, second], tmp_path, workers=1, resume=True, html=False)
    assert report.resumed == 1 and report.articles == 2
    both = tmp_path / "both"
    build([first, second], both, workers=1, html=False)
    assert (tmp_path / "graph.ttl").read_bytes() == (both / "graph.ttl").read_bytes()


def test_dask_cluster_builds_the_same_graph(example_build, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    _report, _kg, out = example_build
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        report, _ = build([EXAMPLES], tmp_path, scheduler=cluster.scheduler_address,
                          html=False)
    assert report.failed_inputs == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_missing_model_is_reported_before_workers_start(tmp_path: Path) -> None:
    from extract.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="E101"):
        build([EXAMPLES / "g7_apulia_summit.txt"], tmp_path, model="no_such_pipeline",
              workers=2, html=False)
