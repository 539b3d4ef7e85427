"""The sentence of a token, in constant time.

spaCy's ``Token.sent`` walks the whole document on every call (it re-checks that sentence
boundaries are set), which made sentence lookups the largest cost of relation extraction on
long articles. `sentence_of` computes the boundaries once per Doc, after the parser has set
them, and caches them in ``doc.user_data``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

__all__ = ["sentence_of", "tokens_before"]

_KEY = "ng_sentence_bounds"


def _bounds(doc: Doc) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] | None = doc.user_data.get(_KEY)
    if bounds is None or len(bounds) != len(doc):
        bounds = [(0, 0)] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                bounds[i] = (sent.start, sent.end)
        doc.user_data[_KEY] = bounds
    return bounds


def sentence_of(tok: Token) -> Span:
    """The sentence ``tok`` stands in (as ``tok.sent``, without its cost)."""
    start, end = _bounds(tok.doc)[tok.i]
    return tok.doc[start:end]


def tokens_before(tok: Token, sentences: int) -> Iterator[Token]:
    """The tokens before ``tok``, nearest first, back to the start of the ``sentences``-th
    sentence before its own (a look back for what a description refers to)."""
    doc = tok.doc
    seen = 0
    for i in range(tok.i - 1, -1, -1):
        earlier = doc[i]
        yield earlier
        if earlier.is_sent_start:
            seen += 1
            if seen > sentences:
                return
