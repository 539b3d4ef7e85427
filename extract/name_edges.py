"""Words at the edges of a PERSON span that are not part of the name.

NER runs names into the words around them: a date word after ("Trump Saturday lashed out"), a
party after ("look like Obama Democrats"), a network before ("told CNN Brooks did not"), a
country before ("President of Bolivia Evo Morales"), a dash and a remark after ("Edward Snowden
- OK"), lower-case words after ("Arthur T. at helm"). Spans that are nationalities ("Greeks",
"Sri Lankan", "U.S.-Israeli") or open with a list letter or "ex-" ("b. Defendants", "ex-Obama
officials") are no names at all. :func:`trim_name_edges` cuts the name out.

>>> trim_name_edges.__name__
'trim_name_edges'
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.firstnames import is_given_name, is_surname
from extract.kb import KnowledgeBase

__all__ = ["trim_name_edges"]

_DATE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "tonight", "yesterday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december",
})
#: Lower-case words that belong inside names: "Voces de la Frontera", "Ludwig van Beethoven".
_PARTICLES = frozenset({
    "de", "la", "le", "du", "da", "di", "del", "della", "der", "den", "van", "von", "bin",
    "bint", "ibn", "al", "el", "ben", "y", "dos", "das", "do", "e", "zu", "ter", "af", "st.",
})
_DASHES = frozenset({"-", "–", "—"})
_LIST_LETTER = re.compile(r"[a-z]\.|ex-.*|[Ee]x")
_SPLIT = re.compile(r"[\s\-‑–]+")
_ABBREVIATIONS = frozenset({"U.S.", "US", "U.K.", "UK", "E.U.", "EU", "UN", "U.N."})


def _nationality(text: str, kb: KnowledgeBase) -> bool:
    """Nationalities and their lists: "Greeks", "Sri Lankan", "U.S.-Israeli", "Aryan German"."""
    if kb.demonym(text) is not None:
        return True
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) > 1 and all(kb.demonym(p) is not None or p in _ABBREVIATIONS for p in parts):
        return True
    return (len(parts) == 2 and kb.demonym(parts[-1]) is not None
            and (e := kb.demonym(parts[-1])) is not None and e.type == "GPE"
            and not is_given_name(parts[0]) and parts[0].istitle()
            and kb.lookup(parts[0]) is None and parts[0].endswith(("an", "ic", "ish")))


#: Words written with a capital that name no one: "Mom and Dad", "May God bless you",
#: holidays.
_NOT_NAMES = frozenset({
    "mom", "dad", "mum", "mommy", "daddy", "grandma", "grandpa", "god", "allah", "christmas",
    "merry christmas", "easter", "thanksgiving", "hanukkah", "halloween", "ramadan",
})
#: Endings of words made from a name: "Obamacare", "Trumpisms", "Reaganomics", "Pizzagate".
_COINED = re.compile(r"[A-Z][a-z]{2,}(?:care|isms?|nomics|gate|mania|esque)")


#: Role nouns written with a capital in a title or a signature.
_ROLES = frozenset({"fellow", "fellows", "principal", "laureate", "alumni", "alumnus"})
#: First words of storms and last words of events named after people or places ("Storm
#: Isaac", "Summer Olympics", "Israel Day Parade", "Super Bowls").
_STORMS = frozenset({"storm", "hurricane", "typhoon", "cyclone"})
_EVENT_HEADS = frozenset({
    "olympics", "bowl", "bowls", "parade", "festival", "awards", "marathon",
})


def _no_name(doc: Doc, start: int, end: int) -> bool:
    """Spans that hold no person's name: kin words and deities, storms and events, words
    coined from a name, name pairs ("Hillary Clinton-Donald Trump", "Obama-Hillary-Kerry")."""
    text = doc[start:end].text
    if text.lower() in _NOT_NAMES or "&" in text:
        return True  # "Mom", "God", "Jane Roe & John Doe", "TO&E"
    if doc[end - 1].lower_ in _ROLES and not is_given_name(doc[start].text):
        return True  # "(a Presidential) Innovation Fellow", "Principal, Acme LLC"
    if end - start > 1 and (doc[start].lower_ in _STORMS or doc[end - 1].lower_ in _EVENT_HEADS):
        return True
    if (end - start == 1 and _COINED.fullmatch(text) and not is_surname(text)
            and not is_given_name(text)):
        return True
    parts = [p.strip() for p in re.split(r"(?<=\w)[-‑](?=[A-Z])", text)]
    return len(parts) >= 3 or (len(parts) == 2 and all(len(p.split()) >= 2 for p in parts))


def trim_name_edges(doc: Doc, start: int, end: int, kb: KnowledgeBase) -> tuple[int, int] | None:
    """The name inside the PERSON span ``doc[start:end]`` without the words around it that
    belong to no name; None when the span holds no name.

    Args:
        doc: The document.
        start: First token of the span.
        end: End of the span.
        kb: The knowledge base (nationalities, countries and organisations).
    """
    if _LIST_LETTER.fullmatch(doc[start].text) or doc[start].lower_.startswith("ex-"):
        return None  # "b. Defendants", "ex-Obama"
    if _nationality(doc[start:end].text, kb) or _no_name(doc, start, end):
        return None
    if (end - start > 1 and doc[start].text == "I." and start > 0
            and doc[start - 1].lower_ in {"and", "or", "me"}):
        start += 1  # "Jon Doe and I. Jon, it's good to be here": the pronoun, no initial
    for i in range(start + 1, end):
        tok = doc[i]
        joined = doc[i - 1].text in _DASHES and not doc[i - 1].whitespace_  # "Ki-moon"
        if (tok.text in _DASHES and tok.whitespace_) or (
                tok.is_lower and tok.is_alpha and tok.lower_ not in _PARTICLES and not joined):
            end = i  # "Edward Snowden - OK", "Arthur T. at helm"
            break
    while end - start > 1 and (doc[end - 1].lower_ in _DATE_WORDS or (
            doc[end - 1].text.endswith("s") and kb.demonym(doc[end - 1].text) is not None)):
        end -= 1  # "Trump Saturday", "Obama Democrats"
    if end - start > 2 and not is_given_name(doc[start].text):
        entry = kb.lookup(doc[start].text)
        placed = entry is not None and entry.type in {"GPE", "ORG"}
        if ((placed and (is_given_name(doc[start + 1].text)
                         or (entry is not None and entry.type == "GPE"
                             and doc[start + 1].is_title)))
                or (doc[start].text.isupper() and doc[start].is_alpha and len(doc[start]) > 2
                    and doc[start + 1].text[:1].isupper()
                    and doc[start + 1].lower_.rstrip(".") not in {"jr", "sr"})):
            start += 1  # "Bolivia Evo Morales", "CNN Brooks ..."
    elif (end - start == 2 and doc[start].text.isupper() and doc[start].is_alpha
          and len(doc[start]) > 2
          and not doc[start + 1].text.isupper()):
        start += 1  # "told CNN Brooks did not ..."
    return start, end
