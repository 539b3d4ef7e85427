"""Checks of the values an article record gives: text that is really text, URLs and dates.

- A JSON string may hold a lone UTF-16 surrogate (``"\\ud83d"``): Python reads it, but it is not
  text and cannot be written as UTF-8, so the record is refused (E014).
- ``url`` must be an absolute http(s) URL that can be written as an IRI; any other value is
  dropped with a warning (E018).
- ``date`` starting ``YYYY-MM-DD`` must be a real calendar date; "2024-02-30" is kept as plain
  text, not typed as ``xsd:date``, with a warning (E019). Dates in other forms ("March 5,
  2024") are kept as text without a warning, as before.

>>> lone_surrogate({"text": "ok", "authors": ["Eva \\udc00"]})
('authors', '\\\\udc00')
>>> is_calendar_date("2024-02-29"), is_calendar_date("2023-02-29")
(True, False)
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from extract.errors import Errors, InputProblem
from extract.facts import Article
from extract.inputs import input_problem

__all__ = ["SAFE_URL", "checked_article", "is_calendar_date", "lone_surrogate"]

#: An absolute http(s) URL with no character that an IRI may not hold.
SAFE_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: object, field: str = "") -> tuple[str, str] | None:
    """``(field, escape)`` of the first string in a JSON value holding a lone surrogate."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return (field, f"\\u{ord(found.group()):04x}") if found else None
    if isinstance(value, dict):
        items = [(str(k), v) for k, v in value.items()]
        items += [(str(k), k) for k in value]
    elif isinstance(value, list):
        items = [(field, v) for v in value]
    else:
        return None
    for name, item in items:
        hit = lone_surrogate(item, field or name)
        if hit is not None:
            return hit
    return None


def is_calendar_date(text: str) -> bool:
    """Whether ``text`` starts with a ``YYYY-MM-DD`` date that exists."""
    match = _ISO_DAY.match(text)
    if match is None:
        return False
    try:
        datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def checked_article(article: Article) -> tuple[Article, list[InputProblem]]:
    """``article`` without a URL that is not an http(s) URL, and a warning per odd value."""
    problems = []
    if article.url is not None and not SAFE_URL.match(article.url):
        problems.append(input_problem(Errors.E018, article.origin, True, value=article.url))
        article = dataclasses.replace(article, url=None)
    date = article.date
    if date is not None and re.match(r"^\d{4}-\d{1,2}-\d{1,2}", date) \
            and not is_calendar_date(date):
        problems.append(input_problem(Errors.E019, article.origin, True, value=date))
    return article, problems
