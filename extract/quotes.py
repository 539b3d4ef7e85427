"""Quotation marks in running text: where a quotation opens, where it closes, and its words.

A quotation may run on past its sentence to the end of the paragraph, or have started in a
sentence before; straight double, curly double, guillemets and curly single quotes count, and
straight single quotes around words ('It was unconventional,' Trump said).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from extract.doctext import doc_text

__all__ = ["CLOSERS", "DOUBLE_QUOTES", "MAX_CHARS", "OPENERS", "QUOTES", "following",
           "preceding", "quotations", "quoted", "quoted_mask", "title_case"]

QUOTES = {'"': '"', "“": "”", "«": "»", "‘": "’"}
OPENERS = frozenset({'"', "“", "«", "‘", "'"})
CLOSERS = frozenset({*QUOTES.values(), "'"})
#: A quotation in straight single quotes: opened before a word, closed after one.
_SINGLE = re.compile(r"(?:^|(?<=[\s:]))'(?=\w)(.+?\S)'(?=[\s,.;:!?]|$)")
#: Longest quotation or reported clause kept, in characters.
MAX_CHARS = 240


#: Words a title leaves in lower case ("Meet the Press", "Lord of the Flies").
_MINOR_WORDS = frozenset({"the", "and", "for", "but", "nor", "with", "from", "into", "over"})


def title_case(words: list[Any]) -> bool:
    """Whether most words are capitalised, as in a headline or the title of a work."""
    alpha = [str(w) for w in words
             if str(w).isalpha() and len(str(w)) > 2 and str(w) not in _MINOR_WORDS]
    return len(alpha) >= 2 and sum(w[0].isupper() for w in alpha) > 0.7 * len(alpha)


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` from the Doc's text kept once (`doc_text`), without a Span."""
    if start >= end:
        return ""
    last = doc[end - 1]
    return doc_text(doc)[doc[start].idx : last.idx + len(last.text)]


def following(doc: Doc, sent: Any) -> str:
    """The text after ``sent`` to the end of its paragraph (a quotation may run on); at most
    120 tokens."""
    return _text(doc, sent.end, min(len(doc), sent.end + 120)).split("\n", 1)[0]


def preceding(doc: Doc, sent: Any) -> str:
    """The text before ``sent`` from the start of its paragraph (a quotation may start there);
    at most 120 tokens."""
    return _text(doc, max(0, sent.start - 120), sent.start).rsplit("\n", 1)[-1]


def quoted(text: str, after: str = "", before: str = "") -> str | None:
    """The first quotation of ``text``; one left open runs on into ``after``, one closed
    before it opens started in ``before`` (both the same paragraph)."""
    for open_, close in QUOTES.items():
        start = text.find(open_)
        first_close = _closing(text, close)
        inside = before.count(open_) % 2 == 1 if open_ == close else (
            first_close != -1 and (start == -1 or first_close < start))
        if inside and first_close != -1:  # the sentence starts inside a quotation
            opened = before.rfind(open_)
            if opened != -1 and len(before) - opened <= 2 * MAX_CHARS:
                return f"{before[opened + 1 :].strip()} {text[:first_close]}".strip(" ,.")
        if start == -1:
            continue
        parts = _closed_parts(text, open_, close, start)
        if parts:
            return " … ".join(parts)
        if _closing(text, close, start + 1) == -1:
            closing = after.find(close)
            if 0 <= closing <= MAX_CHARS:
                return f"{text[start + 1 :].strip()} {after[:closing]}".strip(" ,.")
    single = _SINGLE.search(text)  # 'It was unconventional,' Trump said
    if single:
        return single.group(1).strip(" ,.")
    return _single_across(text, after, before)


#: Most characters between two parts of one quotation: '"A," the senator said, "B."'
_BRIDGE = 60


def _closed_parts(text: str, open_: str, close: str, start: int) -> list[str]:
    """The quotation opened at ``start`` and closed in ``text``, with the parts that go on
    after a short break that ends in a comma or colon ('"A," she said, "B."' -> ["A", "B"],
    not '"A," Roe said, and Doe called it "B."'); a part in title case after
    the first is the title of a work ('..., says Roe, author of "The Long Peace."'), not
    speech, and ends it."""
    parts: list[str] = []
    while True:
        end = _closing(text, close, start + 1)
        if end == -1:
            break
        part = text[start + 1 : end].strip(" ,.")
        if parts and title_case(part.split()):
            break
        if part:
            parts.append(part)
        start = text.find(open_, end + 1)
        if (start == -1 or start - end > _BRIDGE
                or not text[end + 1 : start].rstrip().endswith((",", ":"))):
            break
    return parts


#: Straight single quotes that open before a word and close after a sentence's punctuation.
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s:]))'(?=\w)")
_CLOSE_SINGLE = re.compile(r"(?<=[,.!?])'(?=\s|$)")


def _single_across(text: str, after: str, before: str) -> str | None:
    """A quotation in straight single quotes over more than one sentence: "'It was unusual.
    I said so,' Trump said." (opened in ``before``) or one that closes in ``after``."""
    closes = [m.start() for m in _CLOSE_SINGLE.finditer(text)]
    opens = [m.start() for m in _OPEN_SINGLE.finditer(text)]
    if closes and (not opens or closes[0] < opens[0]):
        opened = [m.start() for m in _OPEN_SINGLE.finditer(before)]
        closed = [m.start() for m in _CLOSE_SINGLE.finditer(before)]
        if opened and (not closed or closed[-1] < opened[-1]) and (
                len(before) - opened[-1] <= 2 * MAX_CHARS):
            return f"{before[opened[-1] + 1 :].strip()} {text[: closes[0]]}".strip(" ,.")
    if opens and not [c for c in closes if c > opens[0]]:
        closing = _CLOSE_SINGLE.search(after)
        if closing is not None and closing.start() <= MAX_CHARS:
            return f"{text[opens[0] + 1 :].strip()} {after[: closing.start()]}".strip(" ,.")
    return None


def _closing(text: str, close: str, start: int = 0) -> int:
    """Where ``close`` ends a quotation in ``text`` from ``start``: for "’", not an apostrophe
    inside a word ("don’t")."""
    i = text.find(close, start)
    while i != -1 and close == "’" and i + 1 < len(text) and text[i + 1].isalpha():
        i = text.find(close, i + 1)
    return i


#: Double quotation marks, straight and curly.
DOUBLE_QUOTES = frozenset({'"', "“", "”"})


def quoted_mask(sent_tokens: list[Token]) -> list[bool]:
    """For each token of a sentence: does it stand inside a (double-quoted) quotation?

    Curly marks say which way they go, so a sentence that starts inside a quotation opened
    before it ('The plan is bad,” Blinken said.') is read right; for straight marks, an odd
    number of them earlier in the paragraph says the same.
    """
    marks = [t.text for t in sent_tokens if t.text in DOUBLE_QUOTES]
    inside = bool(marks) and marks[0] == "”"
    if marks and marks[0] == '"' and _opened_before(sent_tokens[0]):
        inside = True  # '"Obama lied. The plan is bad," she said.': the second sentence
    mask: list[bool] = []
    for tok in sent_tokens:
        mask.append(inside)
        if tok.text in DOUBLE_QUOTES:
            inside = tok.text == "“" or (tok.text == '"' and not inside)
    return mask


def _opened_before(first: Token, reach: int = 200) -> bool:
    """Whether an odd number of straight double quotation marks stand before ``first`` in its
    paragraph (at most ``reach`` tokens back): a quotation is open where it starts."""
    doc = first.doc
    count = 0
    for i in range(first.i - 1, max(-1, first.i - 1 - reach), -1):
        text = doc[i].text
        if "\n" in text:
            break
        count += text == '"'
    return count % 2 == 1


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` of the double-quoted stretches of ``doc``, marks
    excluded; a quotation left open closes at the end of its paragraph.

    Curly marks say which way they go; a straight mark opens when none is open.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for tok in doc:
        if "\n" in tok.text and start is not None:
            spans.append((start, tok.i))
            start = None
        if tok.text not in DOUBLE_QUOTES:
            continue
        if start is None and tok.text != "”":
            start = tok.i + 1
        elif start is not None and tok.text != "“":
            spans.append((start, tok.i))
            start = None
    if start is not None:
        spans.append((start, len(doc)))
    return [(s, e) for s, e in spans if e > s]
