"""Candidate entity mentions: NER spans trimmed, title-stripped and first linked.

Each kept ``doc.ents`` span becomes a :class:`Candidate`: leading "the", role words
("Defender Hassan Abbas") and trailing scores are trimmed, name particles restored ("Ursula
von der Leyen"), a leading title cut off ("Defense Lloyd Austin" -> "Lloyd Austin", the title
kept for the post), nationality adjectives folded into their country, person-shaped names
retyped as PERSON, and the knowledge-base entry attached where the name is known. Generic
names ("the Alliance") are then linked to the one matching entity the text names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extract.credits import credit_spans
from extract.doctext import doc_text
from extract.facts import MentionSource
from extract.firstnames import is_given_name, is_surname
from extract.kb import KBEntry, KnowledgeBase
from extract.person_cues import cue_labels
from extract.persons import NOT_PERSON_HEADS, doubtful_single_names, person_evidence, person_span
from extract.spans import trim_span
from extract.titles import HEAD_TITLES, TITLE_WORDS, strip_title

__all__ = ["KEEP_LABELS", "ORG_HEADS", "Candidate", "find_candidates", "link_generics"]

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_INITIAL_NAME = re.compile(r"^(?!U\.[SKN]\.)(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+(?:[-'][A-Za-z]+)*$")
_NAME_RE = re.compile(r"^[A-Z][\w'’.\-]*$")


@dataclass(frozen=True, slots=True)
class _Place:
    end: int
    type: str
    entry: KBEntry


def _destination(doc: Doc, span: Span, kb: KnowledgeBase) -> _Place | None:
    """The country an envoy is sent to, read into the name after it by the model: "Ambassador
    to Israel Dan Roe" -> Israel (the rest, "Dan Roe", is the person)."""
    if span.start < 2 or doc[span.start - 1].lower_ != "to" or (
            doc[span.start - 2].lower_ not in {"ambassador", "envoy", "emissary"}):
        return None
    for end in range(span.start + 1, min(span.end - 1, span.start + 3)):
        entry = kb.lookup(doc[span.start:end].text)
        if entry is not None and entry.type == "GPE":
            return _Place(end, entry.type, entry)
    return None


def _case_name(doc: Doc, span: Span, kb: KnowledgeBase) -> bool:
    """Whether a name is a surname in a court case's name ("King v. Burwell", "Roe v. Wade");
    not a state or an agency that is a party ("Texas v. Johnson", "NLRB v. Noel Canning")."""
    legal = (span.end < len(doc) and doc[span.end].lower_ in {"v.", "vs."}) or (
        span.start > 0 and doc[span.start - 1].lower_ in {"v.", "vs."})  # not "Leeds v Hull"
    return legal and (
        span.label_ == "PERSON" or (len(span) == 1 and kb.lookup(span.text) is None
                                    and not span.text.isupper()))


def _is_title_part(span: Span) -> bool:
    """'State' in 'Secretary of State': a title word NER took for a name."""
    return all(t.lower_ in TITLE_WORDS for t in span) and span.text.lower() not in _NOT_TITLES


_NOT_TITLES = frozenset({"un", "u.n."})


#: Last words of organisation names ("Security Council"): never the rest of a person's name.
ORG_HEADS = frozenset({
    "council", "ministry", "community", "union", "bank", "party", "agency", "committee",
    "commission", "court", "office", "department", "organization", "organisation",
    "association", "group", "club", "institute", "university", "alliance", "assembly",
    "parliament", "government", "army", "force", "forces", "service", "services", "fund",
    "board", "corporation", "corp", "company", "inc", "ltd", "federation", "authority",
    "administration", "senate", "congress", "cabinet", "secretariat", "summit",
})


_PLACE_HEADS = frozenset({
    "river", "sea", "ocean", "lake", "bay", "gulf", "island", "islands", "mountains", "valley",
    "coast", "city", "county", "state", "province", "region", "street", "square", "airport",
    "port", "strait", "desert", "peninsula", "park", "bridge", "hall", "stadium", "hills",
    "falls", "springs", "heights", "cemetery", "theater", "theatre", "garden", "gardens", "belt",
})


def _person_shaped(span: Span, label: str = "", kb: KnowledgeBase | None = None) -> bool:
    """An initial and a surname, or a common given name and one or two capitalised words."""
    if _INITIAL_NAME.match(span.text):
        return True
    words = [t.text for t in span]
    first = kb.lookup(words[0]) if kb is not None else None
    place = label in {"GPE", "LOC", "FAC"} and first is not None and first.type == "GPE"
    return (2 <= len(words) <= 3 and is_given_name(words[0]) and len(words[0]) > 2
            and words[0].lower() not in _PLACE_GIVEN_NAMES
            and all(_NAME_RE.match(w) and not (len(w) > 2 and w.isupper()) for w in words)
            and not any(_org_or_place_head(w) for w in words)
            and not (words[-1].lower() in NOT_PERSON_HEADS
                     and (place or not (len(words) == 2 and is_surname(words[-1])))))


#: Given names that mostly open place names: "Santa Fe", "San Diego", "Saint Paul".
_PLACE_GIVEN_NAMES = frozenset({"santa", "san", "saint", "sainte", "fort", "mount", "port"})


def _continues_title(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a title that goes on into the span after it.

    "Secretary of | Defense Lloyd Austin" does; "the | National Hurricane Center" does not.
    """
    low = doc[i].lower_
    if low not in TITLE_WORDS or low in {"the", "and", "for"}:
        return False
    return low != "of" or (i > 0 and doc[i - 1].lower_ in HEAD_TITLES)


#: Last words of names of organisations, laws and places that are never a person's.
_NAME_HEADS = frozenset({"act", "compact", "center", "centre", "foundation", "network",
                         "museum", "online", "inc", "inc.", "police", "ems", "fund",
                         "motors", "electric", "dynamics", "mills", "parade", "olympics",
                         "festival", "awards", "marathon"})


def _org_or_place_head(word: str) -> bool:
    low = word.lower()
    return low in ORG_HEADS or low in _PLACE_HEADS or low in _NAME_HEADS


def _has_head_title(words: list[str]) -> bool:
    return any(w.lower() in HEAD_TITLES for w in words)


def _looks_like_name(tokens: list[str]) -> bool:
    return bool(tokens) and all(_NAME_RE.match(t) for t in tokens)


@dataclass
class Candidate:
    """One entity mention: token span, entity type, text, origin and knowledge-base entry."""

    start: int
    end: int
    label: str
    text: str
    source: MentionSource = "ner"
    kb: KBEntry | None = None
    group: str | None = None
    """Mentions with the same ``group`` are one entity even when written differently."""


def find_candidates(
    doc: Doc, kb: KnowledgeBase
) -> tuple[list[Candidate], list[tuple[int, str]]]:
    """NER spans, trimmed and title-stripped; also (person start, stripped title) pairs.

    Args:
        doc: A parsed document with ``doc.ents``.
        kb: The knowledge base names are linked to.

    Returns:
        The candidates in ``doc.ents`` order, and the titles cut off the front of names.
    """
    out: list[Candidate] = []
    stripped_titles: list[tuple[int, str]] = []
    credits = credit_spans(doc_text(doc))
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS or _inside(ent, credits):
            continue
        span = trim_span(ent)
        if (not len(span) or not any(c.isalpha() for c in span.text)
                or span.text.islower() or _is_title_part(span)
                or span.text.upper() in _TIME_ZONES or _case_name(doc, span, kb)):
            continue  # no letters, all lower case ("heifers"), a bare title word, "BST",
            # a side of a court case ("King v. Burwell" names a case, not two actors)
        label = ent.label_
        if label == "PERSON":
            start, end, fixed = person_span(doc, span.start, span.end, kb)
            if fixed is None:
                continue
            span, label = doc[start:end], fixed
        if label in {"PERSON", "ORG"} and (place := _destination(doc, span, kb)) is not None:
            out.append(Candidate(span.start, place.end, place.type, doc[span.start:place.end]
                                 .text, "ner", place.entry))
            span = doc[place.end : span.end]  # "Ambassador to Israel Dan Roe": two entities
            label = "PERSON" if _looks_like_name([t.text for t in span]) else label
        if label == "PERSON" and _outlet_shaped(span.text):
            label = "ORG"  # "as Faithwire reported"
        if label == "NORP":
            entry = kb.demonym(span.text)
            if (entry is not None and entry.type == "ORG" and span.end < len(doc)
                    and doc[span.end].lower_ in HEAD_TITLES):
                continue  # "Democratic Sen. Jane Roe": the party word describes the title
            if entry is not None:
                out.append(Candidate(span.start, span.end, entry.type, span.text, "ner", entry))
            continue
        entry = kb.lookup(span.text)
        if (entry is not None and label == "ORG" and entry.id.startswith("city:")
                and entry.capital_of is None):
            entry = None  # "Liverpool beat Leeds": a club named after its city
        if label in {"ORG", "GPE", "LOC"} and entry is None and _person_shaped(span, label, kb):
            label = "PERSON"  # "B. Young", "Margaret Hodge"
        if entry is None and label in {"GPE", "ORG", "LOC"} and kb.demonym(span.text) is not None:
            entry = kb.demonym(span.text)
            label = entry.type if entry is not None else label
        if entry is None and label in {"PERSON", "ORG", "GPE", "NORP"}:
            words = [t.text for t in span]
            title, rest = strip_title(words)
            continues = span.start > 0 and _continues_title(doc, span.start - 1)
            if title and not (_has_head_title(title) or continues):
                title = []  # "Security Council", "Foreign Ministry": a name, not a title
            if title and rest and _org_or_place_head(rest[-1]):
                title = []  # "(the) National Hurricane Center", "Foreign Intelligence ... Act"
            if (title and _looks_like_name(rest) and kb.lookup(" ".join(rest)) is None) or (
                title and kb.lookup(" ".join(rest)) is not None
            ):
                cut = span.start + len(title)
                span = doc[cut : span.end]
                stripped_titles.append((cut, " ".join(title)))
                entry = kb.lookup(span.text)
                if entry is not None and entry.type != "PERSON":
                    entry = None  # "Sen. Kennedy" is a person, never a place
                label = "PERSON"
        out.append(Candidate(span.start, span.end, label, span.text, "ner", entry))
    single = [c.start for c in out if c.label == "PERSON" and c.kb is None and c.end - c.start == 1]
    drop = doubtful_single_names(doc, single, [c.text for c in out if c.label == "PERSON"],
                                 {cut for cut, _ in stripped_titles})
    for c in out:
        if c.label == "PERSON" and c.start in drop:
            c.label = drop[c.start] or ""
    persons = [c for c in out if c.label == "PERSON" and c.kb is None]
    cues = cue_labels(doc, [(c.start, c.end) for c in persons],
                      {cut for cut, _ in stripped_titles}, person_evidence,
                      {i for c in out if c.label == "GPE" for i in range(c.start, c.end)},
                      {i for c in out for i in range(c.start, c.end)},
                      {c.text.lower(): c.label for c in out if c.label in _PLACE_OR_ORG})
    for k, label in cues.items():
        persons[k].label = label
    return [c for c in out if c.label], stripped_titles


_PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})
_TIME_ZONES = frozenset({
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC",
    "BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "KST", "AEST", "AEDT", "MSK",
})
_OUTLET = re.compile(
    r"(?:\b(?:Post|Times|Journal|News|Daily|Magazine|Tribune|Herald|Gazette|Network|Radio|TV"
    r"|Channel|Review|Examiner|Beacon|Insider|Observer|Chronicle|Telegraph|Caller)"
    r"|[a-z](?:wire|news|post|times)|\.(?:com|org|net|co\.uk))$"
)


def _outlet_shaped(text: str) -> bool:
    """A name that ends like a news outlet's: "Faithwire", "Daily Caller", "NKNews.org"."""
    return bool(_OUTLET.search(text))


def _inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps one of the character ``ranges``."""
    return any(a < span.end_char and span.start_char < b for a, b in ranges)


def link_generics(cands: list[Candidate], kb: KnowledgeBase) -> None:
    """Link names such as "the Alliance" to the one matching entity named in the same text.

    Args:
        cands: The article's candidates; unlinked ones are updated in place.
        kb: The knowledge base holding the generic aliases.
    """
    present = {c.kb.id for c in cands if c.kb is not None}
    for cand in cands:
        if cand.kb is not None:
            continue
        found = {e.id: e for e in (*kb.generic(cand.text), *kb.generic(f"the {cand.text}"))}
        matches = [e for key, e in sorted(found.items()) if key in present]
        if len(matches) == 1:
            cand.kb, cand.label = matches[0], matches[0].type
