"""Read news articles from files and folders: text, Markdown, HTML, JSON and JSON Lines.

:func:`read_articles` yields `Article` records and, in the same stream, `InputProblem` objects
for whatever cannot be read (they are yielded, never raised), so one bad file or line never
loses the rest of the input. The order is deterministic: inputs in the order given, folders
walked recursively in sorted name order.

Formats, by extension:

- ``.txt``, ``.md``: one article per file. A short heading-like first line (no final full stop,
  at most 200 characters, followed by more text) is the title. Markdown is reduced to plain
  text; a ``---`` front matter block may give ``title``, ``date``, ``url``, ``source`` and
  ``author``.
- ``.html``, ``.htm``: main text and metadata (title, date, url, authors, site name) found by
  trafilatura, offline.
- ``.json``: an article object, or a list of them (origin ``path[i]``, counting from 0).
- ``.jsonl``: one article object per line (origin ``path:LINE``, counting from 1).

Article objects need ``text`` (or ``body`` / ``content``), a non-empty string; ``title``,
``date``, ``url``, ``source`` (strings) and ``authors`` or ``author`` (a list of strings, or one
string with names separated by ``;``) are optional. An optional field of the wrong type is
dropped with a warning.

The title always opens the article text (``title + "\\n\\n" + body``), because entities named in
the title matter to extraction; the same story read from a text file or a JSON record gets the
same text and so the same id.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "talks.txt").write_text("Talks in Oslo\\n\\nNorway hosted Finland.")
>>> [article.title for article in read_articles([folder])]
['Talks in Oslo']
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extract.clean import clean_text, strip_markdown
from extract.credits import credit_names
from extract.decode import Undecodable, decode_text
from extract.errors import Errors, InputProblem
from extract.facts import Article
from extract.fields import checked_article, lone_surrogate
from extract.inputs import (
    MAX_FILE_BYTES,
    SUPPORTED_EXTENSIONS,
    input_files,
    input_problem,
    read_input,
)

__all__ = ["SUPPORTED_EXTENSIONS", "article_id", "read_articles"]

_MAX_TITLE = 200
_TEXT_FIELDS = ("text", "body", "content")
_STRING_FIELDS = ("title", "date", "url", "source")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 of its normalised text.

    Whitespace runs collapse to one space and case is folded, so re-wrapped or re-cased
    copies of one article share an id.

    >>> article_id("Norway  hosted\\nFinland.") == article_id("norway hosted finland.")
    True
    """
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def read_articles(
    inputs: Iterable[str | Path], max_bytes: int = MAX_FILE_BYTES
) -> Iterator[Article | InputProblem]:
    """Yield the articles in ``inputs`` (files or folders) and a problem for each bad input.

    Folders are walked recursively in sorted order; hidden entries, README / LICENSE /
    CHANGELOG files, files with other extensions and symlink loops are skipped with a warning.
    A file named explicitly with an unsupported extension is an error, and so is anything
    but a regular file and a file over ``max_bytes``. A URL that is not an http(s) URL is
    dropped and an impossible date kept as text, each with a warning (`extract.fields`). An
    article whose id was already yielded by this call is reported as a duplicate warning
    (E010) instead of being yielded again.

    Args:
        inputs: paths of files and folders, in the order to read them.
        max_bytes: largest file read.

    Yields:
        `Article` records and `InputProblem` objects (``warning=True`` for those that lose no
        article), in input order.
    """
    seen: dict[str, str] = {}
    for item in inputs:
        for found in input_files(Path(item)):
            if isinstance(found, InputProblem):
                yield found
                continue
            for result in _read_file(found, max_bytes):
                if isinstance(result, Article):
                    result, warnings = checked_article(result)
                    yield from warnings
                    if result.id in seen:
                        other = f"{result.id} ({seen[result.id]})"
                        yield input_problem(Errors.E010, result.origin, warning=True, other=other)
                        continue
                    seen[result.id] = result.origin
                yield result


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | InputProblem]:
    where = str(path)
    data = read_input(path, max_bytes)
    if isinstance(data, InputProblem):
        yield data
        return
    suffix = path.suffix.lower()
    try:
        text = decode_text(data, html=suffix in (".html", ".htm"))
    except Undecodable as err:
        yield input_problem(err.template, where, **err.values)
        return
    if suffix in (".html", ".htm"):
        yield _from_html(text, where)
    elif suffix == ".json":
        yield from _from_json(text, where)
    elif suffix == ".jsonl":
        yield from _from_jsonl(text, where)
    else:
        yield _from_text(text, where, markdown=suffix == ".md")


def _article(body: str, origin: str, title: str = "", **meta: Any) -> Article | None:
    """Clean ``body`` and ``title``, put the title first, and hash; None if no text is left."""
    body = clean_text(body)
    title = " ".join(clean_text(title).split())
    if not body:
        return None
    if title and body.split("\n", 1)[0] != title:
        body = f"{title}\n\n{body}"
    meta["authors"] = tuple(dict.fromkeys((*meta.get("authors", ()), *credit_names(body))))
    return Article(id=article_id(body), text=body, title=title, origin=origin, **meta)


def _is_heading(line: str) -> bool:
    return (len(line) <= _MAX_TITLE and not line[:1].islower()
            and not line.rstrip("\"'”’)").endswith((".", ",", ";", ":")))


def _split_title(text: str) -> tuple[str, str, str]:
    """``(title, body, byline)``: the first line of cleaned ``text`` if it reads as a heading.

    A first line that is only a name ("Olga Nesterova", "By Jane Doe") followed by a longer
    heading is the byline, and that heading the title.
    """
    first, _, rest = text.partition("\n")
    rest = rest.strip()
    if _BYLINE.match(first) and rest:
        second, _, after = rest.partition("\n")
        if _is_heading(second) and len(second.split()) > len(first.split()) + 2 and after.strip():
            return second, after.strip(), re.sub(r"^[Bb]y\s+", "", first).strip()
    return (first, rest, "") if _is_heading(first) and rest else ("", text, "")


_BYLINE = re.compile(r"^(?:[Bb]y\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Scalar ``key: value`` pairs of a Markdown front matter block, and the rest."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    meta = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and value.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def _from_text(text: str, where: str, markdown: bool) -> Article | InputProblem:
    meta: dict[str, str] = {}
    if markdown:
        meta, text = _front_matter(text)
        text = strip_markdown(text)
    title, body, byline = ("", text, "") if "title" in meta else _split_title(clean_text(text))
    title = meta.get("title", title)
    author = meta.get("author") or meta.get("authors") or byline
    authors = tuple(a.strip() for a in (author or "").split(";") if a.strip())
    fields = {k: meta.get(k) for k in ("date", "url", "source")}
    article = _article(body, where, title, authors=authors, **fields)
    return article or input_problem(Errors.E001, where)


def _from_html(markup: str, where: str) -> Article | InputProblem:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    except Exception as exc:  # the parser must not stop a build over one odd page
        return input_problem(Errors.E008, where, reason=f"HTML parser failed: {exc}")
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        return input_problem(Errors.E007, where)
    body = "\n\n".join((doc.text or "").split("\n"))  # one block per line
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    article = _article(
        body, where, doc.title or "", date=doc.date, url=doc.url,
        source=doc.sitename or doc.hostname, authors=authors,
    )
    return article or input_problem(Errors.E007, where)


def _json_type(value: object) -> str:
    if type(value) in _JSON_TYPES:
        return _JSON_TYPES[type(value)]
    return "number" if isinstance(value, int | float) else type(value).__name__


def _from_record(record: dict[str, Any], where: str) -> Iterator[Article | InputProblem]:
    """One article from a JSON object, after warnings for any optional field it drops."""
    surrogate = lone_surrogate(record)
    if surrogate is not None:
        yield input_problem(Errors.E014, where, field=surrogate[0], escape=surrogate[1])
        return
    body = next(
        (record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()),
        None,
    )
    if body is None:
        yield input_problem(Errors.E006, where)
        return
    meta: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            meta[name] = value.strip() or None
        elif value is not None:
            yield input_problem(Errors.E012, where, True, field=name, kind=_json_type(value),
                           expected="a string")
    name = "authors" if "authors" in record else "author"
    value = record.get(name)
    if isinstance(value, str):
        meta["authors"] = tuple(a.strip() for a in value.split(";") if a.strip())
    elif isinstance(value, list) and all(isinstance(a, str) for a in value):
        meta["authors"] = tuple(a.strip() for a in value if a.strip())
    elif value is not None:
        kind = _json_type(value) if not isinstance(value, list) else "array with non-strings"
        yield input_problem(Errors.E012, where, True, field=name, kind=kind,
                       expected="a list of strings or a string")
    article = _article(body, where, meta.pop("title", None) or "", **meta)
    yield article or input_problem(Errors.E006, where)


def _load_json(text: str, where: str, what: str) -> Any:
    """The parsed JSON value, or an E005 problem naming ``where``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = f"line {exc.lineno} " if what == "file" else ""
        return input_problem(Errors.E005, where, reason=f"{exc.msg} at {line}column {exc.colno}")
    except (ValueError, RecursionError) as exc:  # huge numbers, absurd nesting
        return input_problem(Errors.E005, where, reason=str(exc) or type(exc).__name__)


def _from_json(text: str, where: str) -> Iterator[Article | InputProblem]:
    value = _load_json(text, where, "file")
    if isinstance(value, InputProblem):
        yield value
    elif isinstance(value, dict):
        yield from _from_record(value, where)
    elif isinstance(value, list) and value:
        for index, item in enumerate(value):
            origin = f"{where}[{index}]"
            if isinstance(item, dict):
                yield from _from_record(item, origin)
            else:
                yield input_problem(Errors.E011, origin)
    else:
        yield input_problem(Errors.E001 if value == [] else Errors.E011, where)


def _from_jsonl(text: str, where: str) -> Iterator[Article | InputProblem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{where}:{number}"
        value = _load_json(line, origin, "line")
        if isinstance(value, InputProblem):
            yield value
        elif isinstance(value, dict):
            yield from _from_record(value, origin)
        else:
            yield input_problem(Errors.E011, origin)
