"""Credits inside an article's text: bylines, photo and wire credits, contributor lines.

News text carries the names of the people and agencies who made it: "Win McNamee/Getty
Images" under a photo, "(AP Photo/Jane Roe)", "WASHINGTON (AP) —", "AP writers Jung-yoon Kim
and John Doe contributed to this report.". These names are the article's authors, not actors
of the story: :func:`credit_spans` tells the entity layer where they are so no entity is made
from them, and :func:`credit_names` lists them for the article's authors.

>>> credit_names("Talks resumed. (AP Photo/Jane Roe)\\n\\nJohn Doe contributed to this report.")
('Jane Roe', 'John Doe')
"""

from __future__ import annotations

import re

__all__ = ["credit_names", "credit_spans"]

_AGENCY = (r"(?:AP|AFP|Reuters|Getty Images|Getty|EPA(?:-EFE)?|EFE|Xinhua|TASS|Sputnik"
           r"|Bloomberg|Pool|NurPhoto|Anadolu Agency|SOPA Images|Shutterstock|ABACA"
           r"|The Washington Post|The New York Times|Associated Press|CNN|Fox News|NPR"
           r"|File Photo|File|Handout|Provided|Courtesy)")
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le)){0,3}"

#: A newspaper or agency named after a photographer's name and a slash ("Jane Roe/Daily Bugle
#: via AP", "(Jane Roe/REUTERS)").
_OUTLET = r"[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}"
#: "Win McNamee/Getty Images", "Karen Bleier/AFP/Getty Images", "(AP Photo/Evan Vucci)",
#: "Photograph: Jim Watson/AFP", "Militant photo via AP".
_PHOTO = re.compile(
    rf"(?:(?:AP|AFP|Reuters) Photo/(?P<a>{_NAME})"
    rf"|(?P<b>{_NAME})(?:/{_AGENCY})+(?![\w/])"
    rf"|(?P<d>{_NAME})/{_OUTLET}(?= via (?:{_AGENCY})\b|\))"
    rf"|(?:[\w'’-]+ )?[Pp]hoto (?:via|by|courtesy of) (?:{_AGENCY}|(?P<c>{_NAME}))(?:/{_AGENCY})*)"
)
#: "Jane Roe and John Doe contributed to this report." (the whole sentence).
_CONTRIBUTED = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))[^.!?\n]{0,200}?\b(?:contributed|contributing)"
    r" (?:reporting )?to (?:this|the) (?:report|story|article)[^.\n]{0,60}\.?"
)
#: "WASHINGTON (AP) —", "MELBOURNE (Reuters) -": the agency of a dateline.
_DATELINE_AGENCY = re.compile(rf"(?<=[A-Za-z.,] )\((?:{_AGENCY})\)(?= [-—–])")
_NOT_NAMES = re.compile(
    rf"^(?:{_AGENCY}|The|And|Also|Staff|Writers?|Reporters?|Correspondents?|Editors?"
    r"|Associated Press(?: [Ww]riters?)?|AP [Ww]riters?|Fox News'?|Reuters'?|The Associated Press)$"
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the credits in ``text``, in order.

    >>> text = "Talks resumed. Win McNamee/Getty Images"
    >>> [text[a:b] for a, b in credit_spans(text)]
    ['Win McNamee/Getty Images']
    """
    spans = [m.span() for m in _PHOTO.finditer(text)]
    spans += [m.span() for m in _CONTRIBUTED.finditer(text)]
    spans += [m.span() for m in _DATELINE_AGENCY.finditer(text)]
    return sorted(spans)


def _clean_name(name: str) -> str:
    words = name.strip(" .,’'").split()
    while words and _NOT_NAMES.match(words[0]):
        words = words[1:]
    return re.sub(r"(?:'s|’s|'|’)$", "", " ".join(words)) if len(words) >= 2 else ""


def _trailing_name(part: str) -> str:
    """The name that ends a contributor item: "Fox News' Jane Roe" -> "Jane Roe"."""
    words: list[str] = []
    for word in reversed(part.lstrip("-—–•⦁·* ").split()):
        if word.lower() in _JOB_WORDS:
            break
        if not _NAME_WORD.match(word) or word.endswith(("'s", "’s", "'", "’")):
            break
        words.insert(0, word)
    name = " ".join(words[-4:])
    return name if len(words) >= 2 and not _NOT_NAMES.match(name) else ""


_JOB_WORDS = frozenset({
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
    "editors", "producer", "producers", "photographer", "photographers", "specialist",
    "freelancer", "researcher", "staff", "intern", "contributor",
})
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le)$")


def credit_names(text: str) -> tuple[str, ...]:
    """Names of the people credited in ``text`` (photographers, contributors), in order.

    >>> credit_names("Associated Press writers Jung-yoon Kim in Seoul and Mari Yamaguchi "
    ...              "in Tokyo contributed to this report.")
    ('Jung-yoon Kim', 'Mari Yamaguchi')
    """
    names: list[str] = []
    for m in _PHOTO.finditer(text):
        names.append(_clean_name(m.group("a") or m.group("b") or m.group("c") or m.group("d")
                                 or ""))
    for m in _CONTRIBUTED.finditer(text):
        line = m.group(0)
        line = line[: line.find(" contribut")]
        for part in re.split(r",\s*|\s+and\s+", line):
            part = re.sub(r"\s+(?:in|from)\s+.*$", "", part.strip())
            names.append(_trailing_name(part))
    return tuple(dict.fromkeys(n for n in names if n))
