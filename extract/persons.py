"""Whether a span NER labelled PERSON is a person's name, and which part of it is.

News pages hand NER many capitalised phrases that are not people: related headlines ("Obama
Sounds Off", "Donald Trump's Rhetoric"), organisations and places named after people ("Clinton
Foundation", "Lincoln Memorial", "Walter Reed Hospital"), country lists of site menus ("Austria
Azerbaijan"), handles and links ("@POTUS", "http://..."), acronyms ("JROTC") and transcript
labels ("Ted Cruz Cruz"). :func:`person_span` cuts the name out of such a span, or retypes or
drops it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.firstnames import is_given_name, is_surname
from extract.kb import KnowledgeBase

__all__ = ["NOT_PERSON_HEADS", "person_span"]

#: Last words of organisation names.
_ORG_HEADS = frozenset({
    "foundation", "corp", "corp.", "inc", "inc.", "llp", "llc", "co.", "post", "monitor",
    "inquirer", "times", "journal", "tribune", "project", "forum", "subcommittee", "committee",
    "college", "school", "university", "institute", "law", "army", "navy", "corps", "embassy",
    "tech", "workshop", "rule", "act", "inquiry", "page", "symposium", "center", "centre",
    "society", "campaign", "administration", "group", "network", "news", "magazine", "review",
    "police", "ems", "compact", "online", "fund", "dispatch", "enquirer",
})
#: Last words of place and facility names.
_PLACE_HEADS = frozenset({
    "memorial", "garden", "lawn", "museum", "station", "headquarters", "hospital", "beach",
    "house", "courthouse", "astrodome", "stadium", "hall", "park", "square", "bridge",
    "airport", "street", "avenue", "church", "cathedral", "library", "mill", "building",
})
#: Last words that make a name an organisation's or a place's, never a person's.
NOT_PERSON_HEADS = _ORG_HEADS | _PLACE_HEADS
_LINK_MARKS = ("@", "http", "://", "www.", "=")
#: A word run into the next one by a scraper: "BidenGOP", "WolfChad", "Sanders2020".
_GLUED = re.compile(r"([A-Z][a-z'’]*[a-z]{2})([A-Z]{2,}|\d{2,}|[A-Z][a-z]+)$")
#: Name prefixes written with a capital inside the word ("MacArthur", "FitzGerald").
_CAMEL_PREFIXES = frozenset({"mac", "fitz", "van", "vande", "vander", "von", "del", "della"})
#: Words that make a hyphenated compound an adjective: "Bush-era", "Soros-funded".
_COMPOUND_TAILS = frozenset({
    "era", "funded", "backed", "led", "style", "like", "based", "owned", "linked", "aligned",
    "appointed", "allied", "leaning", "friendly", "inspired", "run", "controlled", "sponsored",
})
#: Verb forms that open a clause or headline before a name: "Calling Gillum's tenure ...".
_LEADING_VERB = re.compile(r"[A-Z][a-z]{3,}ing$")


def _glued(doc: Doc, i: int) -> str | None:
    """The first part of token ``i`` if it is two words run together ("BidenGOP" -> "Biden")."""
    m = _GLUED.fullmatch(doc[i].text)
    if m is None or m.group(1).lower() in _CAMEL_PREFIXES:
        return None
    head, tail = m.groups()
    if tail[0].isdigit() or tail.isupper():
        return head
    return head if re.search(rf"(?<![\w-]){re.escape(head)}(?![\w])", doc.text) else None


def _unglue(doc: Doc, start: int, end: int) -> int | None:
    """End of a name that runs into a web page's glued link card, or None to drop the span.

    "Joe Biden Joe BidenGOP senators ..." (a link, then its card: the full name run into the
    next headline) keeps "Joe Biden"; a span inside the card ("Kellyanne Elizabeth
    ConwaySources") is dropped.
    """
    for i in range(start, min(len(doc), end + 3)):
        head = _glued(doc, i)
        if head is None:
            continue
        firsts = [j for j in range(start, min(i, end)) if doc[j].text == head]
        if firsts:
            return firsts[0] + 1
        return None if i < end else end
    return end


def person_span(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> tuple[int, int, str | None]:
    """The name inside the PERSON span ``doc[start:end]`` and its type; None to drop it.

    Args:
        doc: The document.
        start: First token of the span.
        end: End of the span.
        kb: The knowledge base (country lists are told by their country names).

    Returns:
        ``(start, end, label)``: the part that is a name, and "PERSON", "ORG", "FAC", or None.
    """
    text = doc[start:end].text
    if any(mark in text for mark in _LINK_MARKS):
        return start, end, None
    cut = _unglue(doc, start, end)
    if cut is None:
        return start, end, None
    end = cut
    for i in range(start + 1, end - 1):
        if (doc[i].text in {"-", "‑"} and not doc[i].whitespace_
                and doc[i + 1].lower_ in _COMPOUND_TAILS):
            return start, end, None  # "Bush-era tax cuts", "a Soros-funded group"
    if (end - start > 1 and _LEADING_VERB.match(doc[start].text)
            and not is_given_name(doc[start].text) and not is_surname(doc[start].text)):
        start += 1  # "Calling Gillum's tenure", "Exiting Timothy Geithner talks"
        if end - start == 1 and not (is_surname(doc[start].text) or is_given_name(doc[start].text)):
            return start, end, None  # "Defunding Obamacare"
    for i in range(start + 1, end):
        if doc[i].tag_ == "POS" or doc[i].text in {"'s", "’s"}:
            if end - i > 2 and is_given_name(doc[i + 1].text):
                start = i + 1  # "Yale's Harold Koh"
            else:
                end = i  # "Donald Trump's Rhetoric"
            break
    while end - start > 1 and doc[start].lower_ in {"a", "an"}:
        start += 1
    for i in range(start + 1, end):
        if doc[i].tag_ in {"VBZ", "VBD"} and doc[i].pos_ == "VERB":
            end = i  # "Obama Sounds Off", "Gowdy Wants Comey"
            break
    words = [t.text for t in doc[start:end]]
    while len(words) > 1 and words[-1] in words[:-1]:
        words.pop()  # "Ted Cruz Cruz", a transcript label run into the name
        end -= 1
    if not words:
        return start, end, None
    last = words[-1].lower()
    named = len(words) == 2 and is_given_name(words[0]) and is_surname(last)
    if len(words) > 1 and last in _ORG_HEADS and not named:
        return start, end, "ORG"  # "Clinton Foundation", not "Carter Page"
    if len(words) > 1 and last in _PLACE_HEADS and not named:
        return start, end, "FAC"  # "Lincoln Memorial", not "Matt House"
    places = sum(1 for w in words if (e := kb.lookup(w)) is not None and e.type == "GPE")
    if len(words) > 1 and places >= 2:
        return start, end, None  # "Austria Azerbaijan": a list of countries
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 3:
        return start, end, "ORG"  # "JROTC" (not "JFK")
    first = doc[start]
    if (len(words) == 1 and first.pos_ == "NOUN" and not is_given_name(words[0])
            and not is_surname(words[0]) and kb.lookup(words[0]) is None
            and (first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_punct))):
        return start, end, None  # "Advocacy", "Glyphosate": a common noun in capitals
    return start, end, "PERSON"
