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

from extract.doctext import doc_text
from extract.firstnames import is_given_name, is_surname
from extract.kb import KnowledgeBase
from extract.name_edges import trim_name_edges
from extract.titles import HEAD_TITLES, TITLE_WORDS

__all__ = ["NOT_PERSON_HEADS", "doubtful_single_names", "person_evidence", "person_span"]

#: Last words of organisation names.
_ORG_HEADS = frozenset({
    "foundation", "corp", "corp.", "inc", "inc.", "llp", "llc", "co.", "post", "monitor",
    "inquirer", "times", "journal", "tribune", "project", "forum", "subcommittee", "committee",
    "college", "school", "university", "institute", "law", "army", "navy", "corps", "embassy",
    "tech", "workshop", "rule", "act", "inquiry", "page", "symposium", "center", "centre",
    "society", "campaign", "administration", "group", "network", "news", "magazine", "review",
    "police", "ems", "compact", "online", "fund", "dispatch", "enquirer", "foods", "motors",
    "electric", "industries", "airlines", "holdings", "analytica", "report", "technologies",
    "pharmaceuticals", "entertainment", "brands", "labs", "amendment", "amendments",
})
#: Last words of place and facility names.
_PLACE_HEADS = frozenset({
    "memorial", "garden", "lawn", "museum", "station", "headquarters", "hospital", "beach",
    "house", "courthouse", "astrodome", "stadium", "hall", "park", "square", "bridge",
    "airport", "street", "avenue", "church", "cathedral", "library", "mill", "building",
})
#: Last words of place names that no person's name ends with ("Beverly Hills", "Rose Garden").
_STRONG_PLACE_HEADS = frozenset({
    "hills", "falls", "springs", "heights", "cemetery", "theater", "theatre", "garden",
    "gardens", "belt",
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
    return head if re.search(rf"(?<![\w-]){re.escape(head)}(?![\w])", doc_text(doc)) else None


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


_PLURAL = re.compile(r"[A-Z][a-z]{2,}[bcdfgkmnprtwy]s")
_VERSUS = frozenset({"v.", "v", "vs.", "vs"})
#: Military and police ranks, abbreviated or not, that NER takes for a name.
_RANKS = frozenset({
    "lt", "cpl", "sgt", "capt", "col", "maj", "gen", "adm", "pvt", "spc", "lance", "corporal",
    "sergeant", "lieutenant", "captain", "major", "colonel", "private", "staff", "master",
})
#: Title words that go on after a name-like fragment: "U.S. Solicitor | General ...".
_TITLE_TAILS = HEAD_TITLES | {"judge", "justice", "house", "general", "attorney"}
_COUNTRY_ABBREV = re.compile(r"U\.[SKN]\.|E\.U\.|US|UK|EU|UN")


def _case_party(doc: Doc, start: int, end: int) -> bool:
    """A party to a court case: "Roe v. Wade", "Smith vs. Jones"."""
    return ((end < len(doc) and doc[end].lower_ in _VERSUS)
            or (start > 0 and doc[start - 1].lower_ in _VERSUS))


def _title_fragment(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is part of a post title, not a name: ranks alone ("Lance
    Cpl."), or title words cut before the title goes on ("U.S. Solicitor | General Jane Roe",
    "Acting White | House Chief of Staff")."""
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    if all(w in _RANKS for w in words):
        return True
    opens = words[0] in TITLE_WORDS or _COUNTRY_ABBREV.fullmatch(doc[start].text) is not None
    after = [t for t in doc[end : end + 2] if t.is_title]
    return opens and any(t.lower_ in _TITLE_TAILS for t in after) and (
        after[0].i == end)


def _names_part(doc: Doc, end: int) -> bool:
    """Whether capitalised words after the span end in an organisation's or place's head:
    "the Arthur L. Carter | Journalism Institute" (not "the Roe administration")."""
    for i in range(end, min(len(doc), end + 3)):
        tok = doc[i]
        if not tok.is_title:
            return False
        if tok.lower_ in NOT_PERSON_HEADS and tok.lower_ not in _PERSON_NOUNS:
            return True
    return False


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
    if any(mark in text for mark in _LINK_MARKS) or _case_party(doc, start, end):
        return start, end, None
    if _title_fragment(doc, start, end):
        return start, end, None
    if end - start > 1 and _COUNTRY_ABBREV.fullmatch(doc[start].text):
        start += 1  # "in the U.S. Trump has said": a sentence run on without its full stop
    cut = _unglue(doc, start, end)
    if cut is None:
        return start, end, None
    end = cut
    for i in range(start + 1, end - 1):
        if (doc[i].text in {"-", "‑"} and not doc[i].whitespace_
                and doc[i + 1].lower_ in _COMPOUND_TAILS):
            return start, end, None  # "Bush-era tax cuts", "a Soros-funded group"
    edges = trim_name_edges(doc, start, end, kb)
    if edges is None:
        return start, end, None
    start, end = edges
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
    if len(words) > 1 and ((last in _ORG_HEADS and not named) or words[0] == "Team"
                           or last in {"police", "foods", "motors"}):
        return start, end, "ORG"  # "Clinton Foundation", not "Carter Page"
    if len(words) > 1 and (last in _STRONG_PLACE_HEADS or (last in _PLACE_HEADS and not named)):
        return start, end, "FAC"  # "Lincoln Memorial", not "Matt House"
    if _names_part(doc, end):
        return start, end, None  # "Jane Roe | Journalism Institute": part of a longer name
    places = sum(1 for w in words if (e := kb.lookup(w)) is not None and e.type == "GPE")
    if len(words) > 1 and places >= 2:
        return start, end, None  # "Austria Azerbaijan": a list of countries
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 3:
        return start, end, "ORG"  # "JROTC" (not "JFK")
    if len(words) == 1 and words[0].lower() in _CURRENCIES:
        return start, end, None  # "Pounds", "Liras" at the start of a line
    first = doc[start]
    if (len(words) == 1 and first.pos_ == "NOUN" and not is_given_name(words[0])
            and not is_surname(words[0]) and kb.lookup(words[0]) is None
            and (first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_punct))):
        return start, end, None  # "Advocacy", "Glyphosate": a common noun in capitals
    return start, end, "PERSON"


#: Currency names the model reads as names when they open a line or a table row.
_CURRENCIES = frozenset({
    "pounds", "pound", "liras", "lira", "euros", "euro", "dollars", "dollar", "yen", "yuan",
    "rupees", "rupee", "pesos", "peso", "rubles", "roubles", "ruble", "rouble", "francs",
    "dinars", "dirhams", "riyals", "shekels", "won", "bitcoin", "bitcoins",
})

#: Words before a name that say a person follows: honorifics, ranks and role nouns.
_PERSON_BEFORE = frozenset({
    "mr", "mrs", "ms", "dr", "mx", "messrs", "sir", "dame", "lord", "lady", "rev", "sgt",
    "lt", "capt", "col", "cpl", "maj", "adm", "prof", "judge", "justice", "lawyer", "attorney",
    "officer", "detective", "coach", "dean", "professor", "rabbi", "pastor", "father",
})
#: Verbs that follow (or, in "said Smith.", precede) the name of someone who speaks.
_SPEECH = frozenset({
    "said", "says", "told", "tells", "added", "asked", "wrote", "writes", "tweeted",
    "explained", "argued", "noted", "insisted", "testified", "recalled", "replied", "stated",
})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
#: Nouns of places a place name describes: "the Dunmore suburb".
_PLACE_NOUNS = frozenset({
    "suburb", "district", "neighborhood", "neighbourhood", "town", "city", "village", "county",
    "province", "region", "area", "borough", "township", "valley",
})
#: Nouns a person's name describes: "the Assad regime", "the Roe campaign", "Roe allies".
_PERSON_NOUNS = frozenset({
    "regime", "administration", "campaign", "government", "family", "presidency", "era",
    "years", "camp", "team", "aides", "allies", "supporters", "loyalists", "clan", "dynasty",
})


def person_evidence(doc: Doc, i: int) -> bool:
    """Whether the one-word name at token ``i`` reads as a person's: a title or honorific
    before it, a verb of speech next to it ("Mr. Roe", "Sen. Roe", "Roe said", "said Roe"),
    or a noun of a person's following after it ("the Roe regime")."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if prev is not None and (prev.lower_.rstrip(".") in _PERSON_BEFORE
                             or prev.lower_ in HEAD_TITLES):
        return True
    if nxt is not None and nxt.lower_ in {"'s", "’s"}:
        nxt = doc[i + 2] if i + 2 < len(doc) else None
    return ((nxt is not None and (nxt.lower_ in _SPEECH or nxt.lower_ in _PERSON_NOUNS))
            or (prev is not None and prev.lower_ in _SPEECH and (nxt is None or nxt.is_punct)))


def _thing_evidence(doc: Doc, i: int) -> str | None:
    """How the one-word name at token ``i`` reads as a thing's or a place's: "thing" after an
    article ("the Caravan", "a Wawa") or before a common noun it describes ("Pell grants",
    "the Vegas shooting"), "place" after "in" or before a noun of places ("in Eagan", "the
    Dunmore suburb"); None when it does not."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    plural = doc[i].text.endswith("s")  # "the Clintons": a family
    if nxt is not None and nxt.lower_ in _PLACE_NOUNS and nxt.is_lower:
        return "place"  # "the Molenbeek district"
    if prev is not None and prev.lower_ in _DETERMINERS and not plural:
        return "thing"
    if nxt is not None and nxt.tag_ in {"NN", "NNS"} and nxt.is_lower and nxt.is_alpha:
        return "place" if nxt.lower_ in _PLACE_NOUNS else "thing"
    if (prev is not None and prev.lower_ in {"in", "near"}
            and not (nxt is not None and nxt.tag_ == "POS")):
        return "place"
    return None


def doubtful_single_names(doc: Doc, starts: list[int], names: list[str],
                          titled: set[int]) -> dict[int, str | None]:
    """One-word PERSON mentions the article shows are not a person's name, and their type.

    A one-word name that is no word of a longer person name of the article ("Roe" beside
    "Jane Roe"), never follows a title or honorific and never speaks ("Mr. Roe", "Roe said"),
    is no person when it is a plural no name list has ("Aztecs"), when the article also writes
    it in lower case ("Fentanyl ... the fentanyl"),
    or uses it as a thing or a place in at least half of its mentions: after an article, before
    a common noun it describes, after "in" ("the Caravan", "Pell grants", "in Wigan"). Used
    only as a place, it is a place ("GPE").

    Args:
        doc: The document.
        starts: First tokens of the one-word PERSON mentions not in the knowledge base.
        names: Texts of every PERSON mention of the article.
        titled: First tokens of the names a title was cut from.

    Returns:
        Start (of ``starts``) -> "GPE" to retype the mention, or None to drop it.
    """
    words = {w for name in names if len(name.split()) > 1 for w in name.lower().split()}
    by_word: dict[str, list[int]] = {}
    for i in starts:
        by_word.setdefault(re.sub(r"['’]s?$", "", doc[i].text.lower()), []).append(i)
    out: dict[int, str | None] = {}
    for word, mentions in by_word.items():
        if word in words or any(i in titled or person_evidence(doc, i) for i in mentions):
            continue
        lower = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", doc_text(doc)) is not None
        kinds = [k for k in (_thing_evidence(doc, i) for i in mentions) if k is not None]
        plural = _PLURAL.fullmatch(doc[mentions[0]].text) and not any(
            is_surname(w) or is_given_name(w) for w in (word, word[:-1]))  # "Aztecs"
        if lower or plural or 2 * len(kinds) >= len(mentions):
            label = "GPE" if not lower and set(kinds) == {"place"} else None
            out.update(dict.fromkeys(mentions, label))
    return out
