"""Inputs that are not plain article files: lone surrogates, FIFOs, devices, huge files,
skipped files and metadata that cannot be kept as given."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.articles import read_articles
from extract.errors import InputProblem
from extract.facts import Article

BODY = "Austrian Chancellor Lena Brandt met Czech Prime Minister Pavel Kral in Vienna."
OTHER = "The two leaders agreed to build a new rail link between Vienna and Brno."


def _read(*inputs: str | Path, **options: int) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in read_articles(inputs, **options):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems


def test_lone_surrogate_is_one_error_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": BODY}), '{"text": "Tusk \\ud83d met Rutte.", "title": "x"}',
             json.dumps({"text": OTHER})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = _read(path)
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3"]
    assert [p.code for p in problems] == ["E014"] and not problems[0].warning
    assert f"{path}:2" in str(problems[0]) and "\n" not in str(problems[0])
    for article in articles:
        article.text.encode("utf-8")  # nothing unencodable got through


def test_lone_surrogate_in_any_field_of_a_json_list(tmp_path: Path) -> None:
    path = tmp_path / "wire.json"
    path.write_text('[{"text": "' + BODY + '", "authors": ["Eva \\udc00"]}, {"text": "' + OTHER
                    + '"}]', encoding="utf-8")
    articles, problems = _read(path)
    assert [a.origin for a in articles] == [f"{path}[1]"]
    assert [p.code for p in problems] == ["E014"] and f"{path}[0]" in str(problems[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_in_a_folder_is_an_error_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    articles, problems = _read(tmp_path)
    assert len(articles) == 1
    assert [p.code for p in problems] == ["E015"] and "FIFO" in str(problems[0])
    assert not problems[0].warning


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_symlink_to_a_device_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    articles, problems = _read(tmp_path)
    assert len(articles) == 1
    assert [p.code for p in problems] == ["E015"] and "character device" in str(problems[0])


def test_file_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "big.txt").write_text(OTHER * 10, encoding="utf-8")
    articles, problems = _read(tmp_path, max_bytes=200)
    assert [Path(a.origin).name for a in articles] == ["a.txt"]
    assert [p.code for p in problems] == ["E016"] and "over the limit of 200" in str(problems[0])
    assert "--max-file-size" in str(problems[0])


def test_skipped_files_are_warnings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# About\n\nThese files are samples.", encoding="utf-8")
    (tmp_path / "license.txt").write_text("MIT licence.", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Internal.", encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert len(articles) == 1
    assert [(Path(p.where).name, p.code, p.warning) for p in problems] == [
        (".draft.txt", "E017", True), (".git", "E017", True), ("README.md", "E017", True),
        ("license.txt", "E017", True)]
    assert "hidden" in str(problems[0]) and "documentation" in str(problems[2])


def test_invalid_url_is_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [{"text": BODY, "url": "javascript:alert(1)"},
               {"text": OTHER, "url": "https://herald.example/a b"},
               {"text": "Kral flew to Brno.", "url": "https://herald.example/ok"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles, problems = _read(path)
    assert [a.url for a in articles] == [None, None, "https://herald.example/ok"]
    assert [(p.code, p.where, p.warning) for p in problems] == [
        ("E018", f"{path}:1", True), ("E018", f"{path}:2", True)]


def test_impossible_date_is_kept_as_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    records = [{"text": BODY, "date": "2024-02-30"}, {"text": OTHER, "date": "2024-13-45"},
               {"text": "Kral flew to Brno.", "date": "2024-02-29T10:00:00Z"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles, problems = _read(path)
    assert [a.date for a in articles] == ["2024-02-30", "2024-13-45", "2024-02-29T10:00:00Z"]
    assert [(p.code, p.where) for p in problems] == [("E019", f"{path}:1"),
                                                      ("E019", f"{path}:2")]
