"""Context that shows a PERSON mention names no person: a kind noun beside it, or a headline.

The small model types many names of companies, groups, works and towns PERSON when nothing in
the name itself tells them apart from a surname ("Periscope", "Grant Thornton", "Akkar"). The
words around the name often do: a noun of a kind of organisation or place just before it ("the
video service Periscope", "the city of Akkar") or as the head of an appositive after it ("Grant
Thornton, a consulting firm, found ...", "Sdot Negev, a southern town"). :func:`kind_cue`
reads those. :func:`title_line_fragments` finds PERSON mentions of lines written in title case
(headlines of related stories, section titles) that the prose of the article never names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.firstnames import is_given_name, is_surname

__all__ = ["cue_labels", "kind_cue", "title_line_fragments"]

#: Nouns of kinds of organisations: "the group X", "X, a nonprofit that ...".
_ORG_NOUNS = frozenset({
    "group", "groups", "firm", "firms", "company", "companies", "nonprofit", "organization",
    "organisation", "agency", "network", "service", "app", "website", "site", "brand", "chain",
    "startup", "start-up", "publication", "magazine", "newspaper", "band", "movement",
    "coalition", "retailer", "retailers", "manufacturer", "manufacturers", "bank",
    "charity", "outlet", "platform", "university", "college", "institute", "corporation",
    "conglomerate", "airline", "studio", "insurer", "consultancy",
    "lender", "automaker", "nonprofits", "militia",
})
#: Nouns of works, products and plans: not a person, type unknown.
_THING_NOUNS = frozenset({
    "film", "movie", "book", "novel", "series", "song", "album", "program", "programme",
    "pipeline", "product", "device", "game", "documentary", "memoir", "play", "musical",
})
#: Nouns of kinds of places: "the city of X", "X, a southern town".
_PLACE_NOUNS = frozenset({
    "city", "town", "village", "suburb", "county", "district", "province", "region",
    "municipality", "kibbutz", "island", "neighborhood", "neighbourhood", "township",
})
#: Kinds whose noun right before a name says what it is ("the video service Periscope"); not
#: works or plans, which open relative clauses ("the book Roe wrote").
_BEFORE = _ORG_NOUNS
#: Nouns of people who work at an organisation: "a professor at X".
_STAFF_NOUNS = frozenset({
    "professor", "professors", "reporter", "reporters", "editor", "editors", "researcher",
    "researchers", "economist", "economists", "analyst", "analysts", "scientist",
    "scientists", "student", "students", "executive", "executives", "employee", "employees",
    "lawyer", "lawyers", "staffer", "staffers", "correspondent", "columnist", "fellow",
})
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "HYPH", "VBG", "VBN", "CD", "RBS"})
_APPOSITIVE_OPEN = frozenset({",", "–", "—", "-"})


def _kind(noun: str) -> str | None:
    """"ORG", "GPE" or "" (no person, type unknown) for a kind noun, else None."""
    if noun in _ORG_NOUNS:
        return "ORG"
    if noun in _PLACE_NOUNS:
        return "GPE"
    return "" if noun in _THING_NOUNS else None


def _appositive_head(doc: Doc, i: int) -> str | None:
    """The head noun of the appositive "a|an|the <modifiers> NOUN" that opens at token ``i``."""
    if i >= len(doc) or doc[i].lower_ not in {"a", "an", "the"}:
        return None
    j = i + 1
    while (j < len(doc) and j - i <= 6 and doc[j].tag_ in _MODIFIER_TAGS
           and (doc[j].is_lower or not doc[j].is_alpha or doc[j].tag_ == "JJ")):
        j += 1
    if j == i + 1 or not doc[j - 1].is_lower or (j < len(doc) and (doc[j].tag_ == "POS" or (
            doc[j].is_alpha and not doc[j].is_lower))):
        return None  # "a company CEO", "the group's counsel": the noun describes another
    return doc[j - 1].lower_


def kind_cue(doc: Doc, start: int, end: int) -> str | None:
    """What the words around the name ``doc[start:end]`` say it is.

    Returns:
        "ORG" or "GPE" for an organisation or a place, "" for some other thing (a work, a
        product), None when the context says nothing.
    """
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.is_lower and prev.lower_ in _BEFORE:
        return "ORG"  # "the video service Periscope", "software companies Red Hat and ..."
    if (prev is not None and prev.lower_ == "of" and start > 1
            and doc[start - 2].lower_ in _PLACE_NOUNS and doc[start - 2].is_lower):
        return "GPE"  # "the northern city of Akkar"
    if (prev is not None and prev.lower_ == "at" and start > 1
            and doc[start - 2].lower_ in _STAFF_NOUNS):
        return "ORG"  # "a professor at Yale", "a reporter at McClatchy"
    if end + 1 < len(doc) and doc[end].text in _APPOSITIVE_OPEN:
        head = _appositive_head(doc, end + 1)
        if head is not None:
            return _kind(head)  # "Grant Thornton, a consulting firm, ..."
    return None


_LINE = re.compile(r"[^\n]+")
_CREDIT_MARKS = re.compile(
    r"[/@(]|\b(?:Images|Photo|via|Contributing|PhD|AP|Reuters|REUTERS|Getty|TODAY)\b"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _title_lines(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of the lines and sentences written in title case: three or more long
    words, all capitalised, two of them outside the names found and not all of those in the
    name lists (a headline, not a list of names), no credit line, no final full stop."""
    out: list[tuple[int, int]] = []
    pieces = [(m.start(), m.group()) for m in _LINE.finditer(doc_text(doc))]
    pieces += [(sent.start_char, sent.text) for sent in doc.sents]  # a headline run into prose
    for base, text in pieces:
        words = [m for m in _WORD.finditer(text) if len(m.group()) > 3]
        caps = [m for m in words if m.group()[0].isupper()]
        if (len(words) < 3 or len(caps) < len(words) or len(words) > 20
                or _CREDIT_MARKS.search(text) or text.rstrip().endswith(".")):
            continue  # no headline: a credit line ("Jane Roe/Reuters"), a sentence of prose
        free = [m for m in caps
                if not any(a <= base + m.start() < b for a, b in taken)]
        if len(free) >= 2 and not all(
                is_given_name(m.group()) or is_surname(m.group()) for m in free):
            out.append((base, base + len(text)))
    return out


def title_line_fragments(doc: Doc, persons: list[tuple[int, int]],
                         others: list[tuple[int, int]]) -> dict[int, tuple[int, int] | None]:
    """PERSON mentions of title-case lines that the rest of the article never names.

    A mention on such a line with a word that is no given name or surname is cut to its
    longest run of words that a PERSON mention of the article's prose also has ("Jerome Adams
    Talks" -> "Jerome Adams" when the prose names Jerome Adams), or dropped when it has none
    ("Hillary Run", "Keep Working").

    Args:
        doc: The document.
        persons: Token spans of the PERSON mentions.
        others: Token spans of the other mentions.

    Returns:
        Index (into ``persons``) -> the token span to keep, or None to drop the mention.
    """
    spans = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in persons + others]
    lines = _title_lines(doc, spans)
    if not lines:
        return {}

    def on_line(start: int) -> bool:
        return any(a <= doc[start].idx < b for a, b in lines)

    prose = {w for s, e in persons if not on_line(s) for w in doc[s:e].text.lower().split()}
    out: dict[int, tuple[int, int] | None] = {}
    for k, (start, end) in enumerate(persons):
        if not on_line(start) or all(
                is_given_name(t.text) or is_surname(t.text) for t in doc[start:end]):
            continue  # a person's name, as far as name lists tell
        known = [i for i in range(start, end) if doc[i].lower_ in prose]
        if not known:
            out[k] = None
            continue
        first = known[0]
        last = first
        while last + 1 < end and doc[last + 1].lower_ in prose:
            last += 1
        if (first, last + 1) != (start, end):
            out[k] = (first, last + 1)
    return out


def _listed_place(doc: Doc, start: int, end: int, places: set[int]) -> bool:
    """Whether ``doc[start:end]`` is an item of a list of places: "in Leeds, Wigan and Bury"
    (``places``: the tokens of the place names of the article)."""
    if (start > 2 and doc[start - 1].lower_ in {"and", "or"} and start - 2 in places
            and doc[start - 3].text == "," and (end == len(doc) or not doc[end].is_alpha)):
        return True  # "Leeds, Bury and Wigbury.", not "Ann Roe of Ohio and Jon Doe of Iowa"
    if (start > 1 and doc[start - 1].text == "," and start - 2 in places and end + 1 < len(doc)
            and doc[end].lower_ in {",", "and", "or"} and doc[end + 1].is_title):
        return True  # "Leeds, Wigbury and ...", not "the envoy to Libya, Jon Roe, was ..."
    after = next((i for i in range(end + 1, min(len(doc), end + 5)) if i not in places), None)
    return (end + 1 < len(doc) and doc[end].text == "," and end + 1 in places
            and after is not None and doc[after].lower_ in {",", "and", "or"}
            and not is_given_name(doc[start].text))  # "Wigbury, Leeds and Bury"


def _in_name_lists(name: str) -> bool:
    return any(is_given_name(w) or is_surname(w) for w in name.split())


def _listed_word(doc: Doc, start: int, end: int, named: set[int]) -> bool:
    """Whether the name ``doc[start:end]`` is listed beside a capitalised word that is no name
    found and in no name list: "Truth, Lies, and Leadership", "Openness, Extroversion"."""
    seps = {",", "and", "or"}
    if (start == 0 or end >= len(doc) or doc[start - 1].lower_ not in seps
            or doc[end].lower_ not in seps | {"."}):
        return False  # an item inside a list only
    for i in (start - 2, start - 3, end + 1, end + 2):
        if not 0 <= i < len(doc) or i in named:
            continue
        sep = doc[i + 1] if i < start else doc[i - 1]
        tok = doc[i]
        if (sep.lower_ in seps and tok.is_title and tok.is_alpha and not tok.is_sent_start
                and not _in_name_lists(tok.text)):
            return True
    return False


def cue_labels(doc: Doc, persons: list[tuple[int, int]], titled: set[int],
               evidence: Callable[[Doc, int], bool],
               places: set[int] | None = None, named: set[int] | None = None,
               typed: dict[str, str] | None = None) -> dict[int, str]:
    """New labels of the PERSON mentions whose name the context shows is no person's.

    A name gets the kind one of its mentions shows (:func:`kind_cue`), in all its mentions,
    unless one of them reads as a person's (``evidence``: a title or honorific before it, a
    verb of speech beside it; or a title was cut from it) or it is a word of a longer person
    name of the article ("Roe" beside "Jane Roe").

    Args:
        doc: The document.
        persons: Token spans of the PERSON mentions.
        titled: First tokens of the names a title was cut from.
        evidence: Whether the one-word name at a token reads as a person's.
        places: Tokens of the place names of the article; a name listed among them that is
            not a given name and has no other cue is a place.
        named: Tokens of all the names found; a one-word name listed among capitalised words
            that are no names ("Truth, Lies, and Leadership") is no person.
        typed: Lower-case name -> type, of the names found as organisations or places; a
            name also found so, no word of it in the name lists, with no other cue, takes that
            type ("at McClatchy ... sent McClatchy").

    Returns:
        Index (into ``persons``) -> "ORG", "GPE", or "" to drop the mention.
    """
    longer = {w for s, e in persons if e - s > 1 for w in doc[s:e].text.lower().split()}
    by_name: dict[str, list[int]] = {}
    for k, (s, e) in enumerate(persons):
        by_name.setdefault(doc[s:e].text.lower(), []).append(k)
    out: dict[int, str] = {}
    placed = set(places or ())
    for _ in range(3):  # "in Leeds, Wigan and Bury": each item makes the next a place
        for name, ks in by_name.items():
            if (" " not in name and name in longer) or ks[0] in out:
                continue
            if any(persons[k][0] in titled or evidence(doc, persons[k][0]) for k in ks):
                continue
            kinds = {c for k in ks if (c := kind_cue(doc, *persons[k])) is not None}
            if not kinds and not is_given_name(name.split()[0]) and any(
                    _listed_place(doc, *persons[k], placed) for k in ks):
                kinds = {"GPE"}
            if not kinds and not _in_name_lists(name) and any(
                    doc[persons[k][0] - 1].lower_ in {"in", "near"} for k in ks if persons[k][0]):
                kinds = {"GPE"}  # "in Netiv Haasara": no word of it is a name
            if not kinds and " " not in name and any(
                    _listed_word(doc, *persons[k], named or set()) for k in ks):
                kinds = {""}
            if not kinds and typed and name in typed and not _in_name_lists(name):
                kinds = {typed[name]}
            if len(kinds) == 1:
                label = kinds.pop()
                out.update(dict.fromkeys(ks, label))
                if label == "GPE":
                    placed.update(i for k in ks for i in range(*persons[k]))
    return out
