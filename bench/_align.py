"""Alignment of text with gold tokens: token lists to text and back, gold spans for predictions.

Gold sets give token-index spans ``(start, end)``, end exclusive; extraction gives character
spans. :func:`join_tokens` turns a token list into text with the character offsets of every
token, :func:`chars_to_tokens` maps a character span found in that text back to token indices,
and :func:`match_span` finds the gold span a predicted token span stands for.

>>> text, offsets = join_tokens(["Hello", "world", "\\n", "Bye"])
>>> text, chars_to_tokens(offsets, 6, 11), chars_to_tokens(offsets, 12, 15)
('Hello world\\nBye', (1, 2), (3, 4))
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Iterable, Sequence
from typing import Any

__all__ = ["Offsets", "Span", "chars_to_tokens", "index_spans", "join_tokens", "match_span"]

Span = tuple[int, int]
Offsets = list[tuple[int, int]]


def _glued(tokens: Sequence[str], i: int) -> bool:
    """Whether token ``i`` joins the one before with no space: a word-internal hyphen that the
    tokenizer split off ("Frank", "-", "Walter")."""
    if tokens[i] == "-":
        return (0 < i < len(tokens) - 1 and tokens[i - 1][-1:].isalnum()
                and tokens[i + 1][:1].isalnum())
    return i > 1 and tokens[i - 1] == "-" and _glued(tokens, i - 1)


def join_tokens(tokens: Sequence[str], line_starts: Container[int] = ()) -> tuple[str, Offsets]:
    """Join ``tokens`` with spaces into text (a hyphen between two words is glued back:
    "Frank-Walter"); return it with each token's ``(start, end)``.

    A whitespace-only token (``"\\n"``) becomes a line break and gets an empty span; tokens
    whose index is in ``line_starts`` also start a new line.
    """
    parts: list[str] = []
    offsets: Offsets = []
    pos = 0
    newline = False
    for i, tok in enumerate(tokens):
        if not tok.strip():
            newline = bool(parts)
            offsets.append((pos, pos))
            continue
        if parts:
            sep = "\n" if newline or i in line_starts else " "
            if sep == " " and _glued(tokens, i):
                sep = ""  # "Frank - Walter" was one word: "Frank-Walter"
            parts.append(sep)
            pos += len(sep)
        newline = False
        parts.append(tok)
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    return "".join(parts), offsets


def chars_to_tokens(offsets: Offsets, start: int, end: int) -> Span | None:
    """Tokens overlapped by the character span ``[start, end)``, or None when there are none."""
    i = max(bisect_right([s for s, _e in offsets], start) - 1, 0)
    hit: list[int] = []
    while i < len(offsets) and offsets[i][0] < end:
        tok_start, tok_end = offsets[i]
        if tok_start < tok_end and tok_end > start:
            hit.append(i)
        i += 1
    return (hit[0], hit[-1] + 1) if hit else None


def index_spans(mentions: Iterable[tuple[int, int, Any]]) -> dict[Span, set[Any]]:
    """Map each ``(start, end)`` to the ids of the mentions ``(start, end, id)`` on it.

    >>> index_spans([(0, 2, "a"), (0, 2, "b"), (3, 4, "a")])[(0, 2)] == {"a", "b"}
    True
    """
    out: dict[Span, set[Any]] = {}
    for start, end, ident in mentions:
        out.setdefault((start, end), set()).add(ident)
    return out


def match_span(
    span: Span, gold: Iterable[Span], *, contained: bool = False,
    loose: Container[Span] | None = None,
) -> Span | None:
    """The gold span that a predicted token span stands for, or None.

    An exact match wins; then a gold span ending on the same token that contains ``span`` or
    lies inside it ("the Bundestag" / "Bundestag"), the closest in length; with
    ``contained``, finally the smallest gold span containing ``span``. Only the gold spans in
    ``loose`` (default: all) may match other than exactly; callers pass those of a compatible
    entity type, so that "Nigeria" does not stand for "News Agency of Nigeria".

    >>> match_span((3, 5), [(2, 5), (0, 9)]), match_span((3, 4), [(2, 5), (0, 9)])
    ((2, 5), None)
    >>> match_span((3, 4), [(2, 5), (0, 9)], contained=True)
    (2, 5)
    >>> match_span((3, 5), [(2, 5)], loose=set())
    """
    start, end = span
    spans = sorted(set(gold))
    if span in spans:
        return span
    if loose is not None:
        spans = [g for g in spans if g in loose]
    heads = [g for g in spans if g[1] == end]
    if heads:
        return min(heads, key=lambda g: (abs((g[1] - g[0]) - (end - start)), g))
    if contained:
        outer = [g for g in spans if g[0] <= start and end <= g[1]]
        if outer:
            return min(outer, key=lambda g: (g[1] - g[0], g))
    return None
