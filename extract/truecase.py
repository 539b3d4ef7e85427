"""Case repair for text written in capitals (headlines, datelines, wire-service slugs).

spaCy's small English model reads "NATO LEADERS MEET IN VILNIUS" or "VIENNA 1996-12-07" badly:
capitals are its strongest cue for names, and a line in capitals is all cue. `truecase`
rewrites such lines in title case, keeping every character offset (each word keeps its length),
so that entities found in the repaired text point at the same characters of the original.

>>> truecase("SOCCER - JAPAN BEAT CHINA IN THE FINAL\\nThe match was close.")
'Soccer - Japan Beat China in the Final\\nThe match was close.'
>>> truecase("VIENNA 1996-12-07\\nOPEC met on Monday.")
'Vienna 1996-12-07\\nOPEC met on Monday.'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

__all__ = ["shouted_spans", "truecase"]

_WORD = re.compile(r"[^\W\d_]+(?:[.'’-][^\W\d_]+)*\.?", re.UNICODE)
_LINE = re.compile(r"[^\n]+")
_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or",
                    "the", "to", "vs", "with"})
#: A dateline: one to three words in capitals, then a comma, a dash or a date.
_DATELINE = re.compile(r"^\s*((?:[A-Z][A-Z.'’-]+\s){0,2}[A-Z][A-Z.'’-]+)(?=\s*(?:,|-|—|\d))")


def _is_shouting(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    upper = sum(w.isupper() for w in words)
    return len(words) >= 3 and upper >= 0.7 * len(words)


def _fix(word: str, first: bool, keep: Container[str]) -> str:
    if not word.isupper() or word in keep or word.replace(".", "") in keep:
        return word
    low = word.lower()
    if low in _SMALL and not first:
        fixed = low
    else:
        fixed = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
    return fixed if len(fixed) == len(word) else word


def shouted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` written in capitals: whole lines, and dateline places."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if _is_shouting(line.group()):
            spans.append(line.span())
        elif (m := _DATELINE.match(line.group())) is not None:
            spans.append((line.start() + m.start(1), line.start() + m.end(1)))
    return spans


def truecase(text: str, keep: Container[str] = frozenset(),
             spans: Callable[[str], list[tuple[int, int]]] = shouted_spans) -> str:
    """``text`` with its lines in capitals (see `shouted_spans`) in title case.

    Args:
        text: the article text.
        keep: words left in capitals wherever they are (acronyms such as "NATO", "U.S.").
        spans: finds the parts to repair.

    Returns:
        A string of the same length as ``text``.
    """
    parts: list[str] = []
    last = 0
    for start, end in spans(text):
        parts.append(text[last:start])
        piece = text[start:end]
        out: list[str] = []
        pos = 0
        for n, m in enumerate(_WORD.finditer(piece)):
            out.append(piece[pos : m.start()])
            out.append(_fix(m.group(), n == 0, keep))
            pos = m.end()
        out.append(piece[pos:])
        parts.append("".join(out))
        last = end
    parts.append(text[last:])
    fixed = "".join(parts)
    return fixed if len(fixed) == len(text) else text
