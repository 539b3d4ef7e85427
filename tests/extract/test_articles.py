"""Tests for extract.articles: every input format, and every kind of bad input."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.articles import article_id, read_articles
from extract.errors import InputProblem
from extract.facts import Article

BODY = "Austrian Chancellor Lena Brandt met Czech Prime Minister Pavel Kral in Vienna."
OTHER = "The two leaders agreed to build a new rail link between Vienna and Brno."

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Leaders agree rail link | Danube Herald</title>
<meta property="og:title" content="Leaders agree on a Vienna-Brno rail link">
<meta name="author" content="Eva Novak">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta property="og:site_name" content="Danube Herald">
<link rel="canonical" href="https://herald.example/news/rail-link">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Leaders agree on a Vienna-Brno rail link</h1>
<p>Austrian Chancellor Lena Brandt met Czech Prime Minister Pavel Kral in Vienna on Tuesday
to discuss transport links between the two countries.</p>
<p>The two leaders agreed to build a new high-speed rail line between Vienna and Brno, with
construction due to start in 2026, according to a joint statement.</p>
<p>Kral said the project would bring the two cities within an hour of each other.</p>
</article>
<footer><p>Copyright 2024 Danube Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _read(*inputs: str | Path) -> tuple[list[Article], list[InputProblem]]:
    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in read_articles(inputs):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems


def _codes(problems: list[InputProblem]) -> list[str]:
    return [p.code for p in problems]


def test_article_id_is_stable_over_whitespace_and_case() -> None:
    assert article_id("A  b\nC") == article_id("a b c")
    assert len(article_id("x")) == 16
    assert article_id("a b") != article_id("ab")


def test_txt_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "rail.txt"
    path.write_text(f"Leaders agree rail link\n{BODY}\n\n{OTHER}\n", encoding="utf-8")
    [article], problems = _read(path)
    assert problems == []
    assert article.title == "Leaders agree rail link"
    assert article.text == f"Leaders agree rail link\n\n{BODY}\n\n{OTHER}"
    assert article.origin == str(path)
    assert article.id == article_id(article.text)


def test_txt_first_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(f"{BODY}\n{OTHER}", encoding="utf-8")
    [article], _ = _read(path)
    assert article.title == ""
    assert article.text == f"{BODY}\n{OTHER}"


def test_single_line_file_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Leaders agree rail link", encoding="utf-8")
    [article], _ = _read(path)
    assert (article.title, article.text) == ("", "Leaders agree rail link")


def test_txt_is_cleaned_before_hashing(tmp_path: Path) -> None:
    path = tmp_path / "furniture.txt"
    path.write_text(f"{BODY}\n\nShare this:\n\nLeave a Reply\n", encoding="utf-8")
    [article], _ = _read(path)
    assert article.text == BODY
    assert article.id == article_id(BODY)


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "rail.md"
    path.write_text(
        "---\ntitle: Rail link agreed\ndate: 2024-03-05\nauthor: Eva Novak; Jan Horak\n---\n"
        "# Rail link agreed\n\n**Austrian** Chancellor [Lena Brandt](https://x.example) met "
        "Czech Prime Minister Pavel Kral.\n",
        encoding="utf-8",
    )
    [article], problems = _read(path)
    assert problems == []
    assert article.title == "Rail link agreed"
    assert article.date == "2024-03-05"
    assert article.authors == ("Eva Novak", "Jan Horak")
    assert article.text == (
        "Rail link agreed\n\nAustrian Chancellor Lena Brandt met Czech Prime Minister Pavel Kral."
    )


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article], problems = _read(path)
    assert problems == []
    assert article.title == "Leaders agree on a Vienna-Brno rail link"
    assert article.date == "2024-03-05"
    assert article.url == "https://herald.example/news/rail-link"
    assert article.authors == ("Eva Novak",)
    assert article.source == "Danube Herald"
    assert article.text.startswith("Leaders agree on a Vienna-Brno rail link\n\nAustrian")
    assert article.text.count("Leaders agree on a Vienna-Brno rail link") == 1
    assert "Pavel Kral" in article.text and "an hour of each other." in article.text
    assert "Home" not in article.text and "Privacy" not in article.text
    assert "\n\n" in article.text


def test_html_without_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Empty</title></head><body><div></div></body></html>")
    assert _codes(_read(path)[1]) == ["E007"]


def test_html_in_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1250"').replace("Kral", "Král")
    path.write_bytes(page.encode("cp1250"))
    [article], problems = _read(path)
    assert problems == []
    assert "Pavel Král" in article.text


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"title": "Rail deal", "body": BODY, "authors": "Eva Novak"}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"content": OTHER, "url": "https://x.example/2"}, 7]))
    articles, problems = _read(single, many)
    assert [a.origin for a in articles] == [str(single), f"{many}[0]"]
    assert articles[0].title == "Rail deal"
    assert articles[0].text == f"Rail deal\n\n{BODY}"
    assert articles[0].authors == ("Eva Novak",)
    assert articles[1].url == "https://x.example/2"
    assert _codes(problems) == ["E011"]
    assert problems[0].where == f"{many}[1]"


def test_json_record_and_text_file_share_an_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Rail deal\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"title": "Rail deal", "text": BODY}))
    articles, problems = _read(tmp_path)
    assert len(articles) == 1
    assert _codes(problems) == ["E010"]
    assert problems[0].warning


def test_jsonl_broken_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "date": "2024-03-05", "source": "Danube Herald"}),
        '{"text": "The talks broke down", ',
        "",
        json.dumps({"text": OTHER, "authors": ["Eva Novak", "Jan Horak"]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = _read(path)
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:4"]
    assert articles[0].date == "2024-03-05" and articles[0].source == "Danube Herald"
    assert articles[1].authors == ("Eva Novak", "Jan Horak")
    assert _codes(problems) == ["E005"]
    assert problems[0].where == f"{path}:2"
    assert f"{path}:2" in str(problems[0]) and not problems[0].warning


def test_json_records_without_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    records = [{"title": "No body"}, {"text": "   "}, {"text": 42}, ["not", "an", "object"]]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    articles, problems = _read(path)
    assert articles == []
    assert _codes(problems) == ["E006", "E006", "E006", "E011"]
    assert [p.where for p in problems] == [f"{path}:{n}" for n in range(1, 5)]


def test_wrong_optional_field_types_are_dropped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "typed.jsonl"
    record = {"text": BODY, "title": ["x"], "date": 20240305, "authors": ["Eva", 3], "url": None}
    path.write_text(json.dumps(record), encoding="utf-8")
    [article], problems = _read(path)
    assert (article.title, article.date, article.authors, article.url) == ("", None, (), None)
    assert _codes(problems) == ["E012", "E012", "E012"]
    assert all(p.warning for p in problems)
    assert "'date'" in str(problems[1]) and "number" in str(problems[1])


def test_duplicates_are_reported_once_and_not_yielded(tmp_path: Path) -> None:
    path = tmp_path / "dups.jsonl"
    lines = [{"text": BODY}, {"text": BODY.upper()}, {"text": OTHER}]
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    articles, problems = _read(path, path)
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3"]
    assert _codes(problems) == ["E010"] * 4
    assert all(p.warning for p in problems)
    assert f"{path}:1" in str(problems[0])


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "c.TXT").write_text("Brandt flew home to Vienna.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("A hidden note.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Internal.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About\n\nThese files are samples.", encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert [Path(a.origin).name for a in articles] == ["a.txt", "z.txt", "c.TXT"]
    assert _codes(problems) == ["E017", "E017", "E017", "E004"]  # .git, .hidden, README
    assert problems[3].warning and problems[3].where == str(tmp_path / "notes.csv")


def test_relative_paths_stay_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [article], _ = _read("in")
    assert article.origin == os.path.join("in", "a.txt")


def test_explicit_unsupported_extension_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text(BODY, encoding="utf-8")
    problems = _read(path)[1]
    assert _codes(problems) == ["E004"] and not problems[0].warning
    assert "'.docx'" in str(problems[0])


def test_missing_path(tmp_path: Path) -> None:
    problems = _read(tmp_path / "nowhere.txt", tmp_path / "nofolder")[1]
    assert _codes(problems) == ["E009", "E009"]


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.jsonl").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("Share this:\n\nLeave a Reply\n", encoding="utf-8")
    (tmp_path / "d.json").write_text("[]", encoding="utf-8")
    assert _codes(_read(tmp_path)[1]) == ["E001"] * 4


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"plain start\x00\x01\x02 then binary", "NUL"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(data)
    problems = _read(path)[1]
    assert _codes(problems) == ["E002"]
    assert kind in str(problems[0])


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Brandt met Král.".encode("latin-1"))
    problems = _read(path)[1]
    assert _codes(problems) == ["E003"]
    assert "byte 13" in str(problems[0]) and str(path) in str(problems[0])


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_byte_order_marks_and_utf16(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "rail.txt"
    path.write_bytes(f"Rail deal\n\n{BODY} Král.".encode(encoding))
    [article], problems = _read(path)
    assert problems == []
    assert article.title == "Rail deal"
    assert article.text == f"Rail deal\n\n{BODY} Král."


def test_broken_utf16_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("Rail deal agreed".encode("utf-16")[:-1])
    assert _codes(_read(path)[1]) == ["E013"]


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")
    articles, problems = _read(root)
    assert [a.origin for a in articles] == [str(root / "sub" / "a.txt")]
    assert _codes(problems) == ["E008", "E008"]
    loop = next(p for p in problems if p.where == str(root / "sub" / "loop"))
    assert loop.warning and "loop" in str(loop)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")
    real = os.open

    def deny(file: str | Path, flags: int, *args: int) -> int:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    problems = _read(path)[1]
    assert _codes(problems) == ["E008"]
    assert "permission denied" in str(problems[0])


def test_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "z.txt").write_text(BODY, encoding="utf-8")
    real = os.scandir

    def deny(path: Path) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", deny)
    articles, problems = _read(tmp_path)
    assert [Path(a.origin).name for a in articles] == ["z.txt"]
    assert _codes(problems) == ["E008"] and problems[0].where == str(locked)


def _codes_as_nobody(folder: Path) -> list[str]:
    """Problem codes of reading ``folder`` in a child process that has dropped root."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no file permission is overridden any more
        code = 1
        try:
            os.close(read)
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, json.dumps(_codes(_read(folder)[1])).encode("utf-8"))
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return list(json.loads(data))


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_unreadable_folder_and_file() -> None:
    folder = Path(tempfile.mkdtemp())  # outside pytest's root-only temporary folder
    locked, secret = folder / "locked", folder / "secret.txt"
    try:
        folder.chmod(0o755)
        (folder / "ok.txt").write_text(BODY, encoding="utf-8")
        locked.mkdir()
        (locked / "inside.txt").write_text(BODY, encoding="utf-8")
        secret.write_text(BODY, encoding="utf-8")
        _read(folder)  # every reader loaded before permissions are dropped
        locked.chmod(0)
        secret.chmod(0)
        # root reads anything: read as an unprivileged user
        as_root = os.geteuid() == 0
        codes = _codes_as_nobody(folder) if as_root else _codes(_read(folder)[1])
        assert codes == ["E008", "E008"]
    finally:
        for path in (locked, secret):
            if path.exists():
                path.chmod(0o700)
        shutil.rmtree(folder)


def test_problem_messages_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "odd\nname.txt"
    path.write_bytes(b"")
    [problem] = _read(path)[1]
    assert "\n" not in str(problem)


def test_long_articles_are_kept_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    text = "\n\n".join([BODY] * 5000)
    path.write_text(text, encoding="utf-8")
    [article], _ = _read(path)
    assert article.text == text


def test_byline_before_the_headline_is_the_author(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Jane Example\n\nNATO Leaders Meet in Vilnius to Discuss Ukraine\n\n"
        "NATO leaders met in Vilnius on Tuesday.\n", encoding="utf-8")
    [article] = list(read_articles([tmp_path / "a.txt"]))
    assert isinstance(article, Article)
    assert article.title == "NATO Leaders Meet in Vilnius to Discuss Ukraine"
    assert article.authors == ("Jane Example",)
    assert "Jane Example" not in article.text
