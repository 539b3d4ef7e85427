"""Mentions NER misses or makes up, fixed from patterns of news text.

- Party-and-state tags ("Sen. Jane Roe (R-Ariz.)", "John Doe, D-N.Y.,") give the party and
  the state; NER tags nothing there, or a fragment ("R.-Ky").
- A state written after a city ("Medford, Mass.") is the state.
- Organisations and events the knowledge base knows by an exact name ("Twitter", "9/11") are
  mentions where NER missed them, and so are the US armed services named bare ("the Navy
  said", :mod:`extract.services`); "the Syrian civil war", "the Benghazi attack" are events.
- An unknown name without a noun ("Congressional"), a model number ("C-130s") or a compound of
  two known names ("U.S.-Cuba") is no entity; "Washington, D.C." is one name; "Samos and Kos"
  are two places; "Hill Republicans" and "on the Hill" are Capitol Hill.
- "X (known as Y)": Y is another name of X.
- A title-case headline ("Architect Of Paris Attacks Was Killed In Raid, French Authorities
  Say") makes NER read capitalised words as names: a headline mention is kept only when the
  body names it too, or the knowledge base knows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.kb import KBEntry, KnowledgeBase
from extract.mentions import Candidate
from extract.names import name_words, normalise_name
from extract.services import bare_services
from extract.usplaces import affiliations, state_after

__all__ = ["add_pattern_mentions", "drop_headline_fragments", "link_known_as"]


def _span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def add_pattern_mentions(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> list[Candidate]:
    """``cands`` with the parties and states of party-and-state tags and of "City, St." added.

    NER candidates that overlap a tag are dropped; the result is in token order.
    """
    extra: list[Candidate] = []
    for tag in affiliations(doc_text(doc), kb):
        for key, (a, b) in ((tag.party, tag.party_span), (tag.state, tag.state_span)):
            entry = kb.by_id(key) if key else None
            tokens = _span(doc, a, b) if entry is not None else None
            if entry is not None and tokens is not None:
                extra.append(Candidate(tokens[0], tokens[1], entry.type,
                                       doc[tokens[0] : tokens[1]].text, "gazetteer", entry))
    taken = {i for c in extra for i in range(c.start, c.end)}
    kept = [c for c in cands if not taken & set(range(c.start, c.end))]
    starts = {c.start: c for c in kept}
    for cand in kept:
        if cand.label not in {"GPE", "LOC", "FAC", "ORG"}:
            continue
        sid = state_after(doc, cand.end, kb)
        entry = kb.by_id(sid) if sid else None
        if entry is None:
            continue
        if cand.end + 1 in starts:
            state = starts[cand.end + 1]
            if state.kb is None:
                state.kb, state.label = entry, entry.type
            continue
        end = cand.end + 2
        while end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
            end += 1
        extra.append(Candidate(cand.end + 1, end, entry.type, doc[cand.end + 1 : end].text,
                               "gazetteer", entry))
    kept = _with_dc(doc, [p for c in kept if not _not_a_name(doc, c, kb)
                          for p in _split_pair(doc, c, kb)])
    for cand in kept:
        _capitol_hill(doc, cand, kb)
    events = _named_events(doc, kept + extra)
    inside = {i for c in events for i in range(c.start, c.end)}
    kept = [c for c in kept if not inside & set(range(c.start, c.end))] + events
    taken = {i for c in kept + extra for i in range(c.start, c.end)}
    extra += _known_mentions(doc, taken, kb)
    taken = {i for c in kept + extra for i in range(c.start, c.end)}
    extra += bare_services(doc, taken, kept + extra, kb)  # "the Navy said"
    out = sorted(kept + extra, key=lambda c: (c.start, c.end))
    link_known_as(doc, out)
    return out


_KNOWN_AS = ("known as", "also known as", "better known as", "aka", "a.k.a.", "nicknamed",
             "dubbed")


def link_known_as(doc: Doc, cands: list[Candidate]) -> None:
    """"Muhammad Hamdan Dagalo (known as Hemedti)": the second name is the first one's (in place).

    Every mention of the second name joins the entity of the first.
    """
    by_start = {c.start: c for c in cands}
    alias_of: dict[str, Candidate] = {}
    for cand in cands:
        if cand.label not in {"PERSON", "ORG"} or cand.end >= len(doc):
            continue
        if doc[cand.end].text not in {"(", ","}:
            continue
        for phrase in _KNOWN_AS:
            words = phrase.split()
            j = cand.end + 1 + len(words)
            if [t.lower_ for t in doc[cand.end + 1 : j]] == words and j in by_start:
                alias_of[normalise_name(by_start[j].text)] = cand
                break
    for cand in cands:
        target = alias_of.get(normalise_name(cand.text))
        if target is not None and target is not cand:
            cand.kb, cand.label = target.kb, target.label
            cand.group = target.group or normalise_name(target.text)


def _not_a_name(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> bool:
    """An unknown name without a noun ("Congressional", "Halfway"), a model number ("C-130s")
    or two known names joined by a hyphen ("U.S.-Cuba" relations)."""
    if cand.kb is not None:
        return False
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[cand.start : cand.end]):
        return True
    if _MODEL.match(cand.text):
        return True
    parts = cand.text.split("-")
    return len(parts) > 1 and all(kb.lookup(p) is not None for p in parts)


_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?s?$")


def _split_pair(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> list[Candidate]:
    """"Samos and Kos" taken as one name: the two places it names."""
    if cand.kb is not None:
        return [cand]
    for i in range(cand.start + 1, cand.end - 1):
        if doc[i].lower_ != "and":
            continue
        parts = [(cand.start, i), (i + 1, cand.end)]
        entries = [kb.lookup(doc[a:b].text) for a, b in parts]
        if all(e is not None and e.type in {"GPE", "LOC"} for e in entries):
            return [Candidate(a, b, e.type, doc[a:b].text, cand.source, e)
                    for (a, b), e in zip(parts, entries, strict=True) if e is not None]
    return [cand]


_HILL_NOUNS = frozenset({
    "republicans", "democrats", "lawmakers", "leaders", "staffers", "aides", "rivals", "allies",
    "negotiators", "veterans",
})


def _capitol_hill(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> None:
    """"Hill Republicans", "on the Hill": Capitol Hill (never "The Hill", the newspaper)."""
    if cand.kb is not None or cand.text != "Hill":
        return
    after = doc[cand.end].lower_ if cand.end < len(doc) else ""
    before = doc[max(0, cand.start - 2) : cand.start].text
    if after in _HILL_NOUNS or (before == "on the" and doc[cand.start - 1].text == "the"):
        entry = kb.by_id("org:capitol-hill")
        if entry is not None:
            cand.kb, cand.label = entry, entry.type


def _with_dc(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Washington, D.C." is one name of the city."""
    out: list[Candidate] = []
    skip = -1
    for cand in cands:
        if cand.start == skip:
            continue
        end = cand.end
        if (cand.text == "Washington" and end + 1 < len(doc) and doc[end].text == ","
                and doc[end + 1].text in {"D.C.", "DC"}):
            cand = Candidate(cand.start, end + 2, cand.label, doc[cand.start : end + 2].text,
                             cand.source, cand.kb)
            skip = end + 1
        out.append(cand)
    return out


@lru_cache(maxsize=4)
def _known_names(kb: KnowledgeBase) -> dict[str, KBEntry]:
    """Organisation and event names, as written, that NER may miss ("Twitter", "9/11")."""
    seen: dict[str, list[KBEntry]] = {}
    for entry in kb:
        if entry.type not in {"ORG", "EVENT"}:
            continue
        for form in {entry.name, *entry.aliases, entry.acronym or ""}:
            if form[:1].isupper() or form[:1].isdigit():
                seen.setdefault(form, []).append(entry)
    return {form: found[0] for form, found in seen.items() if len(found) == 1}


@lru_cache(maxsize=4)
def _first_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every start of the first word of the names `_known_mentions` looks for: a token that
    opens one of those names is one of them ("U.S." of "U.S. Army", "9" of "9/11")."""
    words = {form.split(maxsplit=1)[0] for form in _known_names(kb) if form.strip()}
    return frozenset(w[:k] for w in words for k in range(1, len(w) + 1))


def _known_mentions(doc: Doc, taken: set[int], kb: KnowledgeBase) -> list[Candidate]:
    names = _known_names(kb)
    firsts = _first_words(kb)
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if doc[i].text not in firsts:  # no known name starts here
            i += 1
            continue
        for n in (4, 3, 2, 1):
            span = doc[i : i + n]
            if len(span) == n and not taken & set(range(i, i + n)) and span.text in names:
                entry = names[span.text]
                out.append(Candidate(i, i + n, entry.type, span.text, "gazetteer", entry))
                i += n - 1
                break
        i += 1
    return out


#: Heads of named events ("the Syrian civil war", "the Benghazi attack", "the Paris attacks"),
#: with the kind of event each names: "the Syria crisis" is "the Syrian civil war".
_EVENT_HEADS = {
    "war": "war", "conflict": "war", "crisis": "war", "attack": "attack", "attacks": "attack",
    "bombing": "bombing", "bombings": "bombing", "massacre": "attack", "invasion": "invasion",
    "intervention": "invasion", "raid": "raid", "uprising": "uprising", "shooting": "shooting",
    "shootings": "shooting", "genocide": "genocide", "coup": "coup",
}


def _named_events(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the <place> [civil] war": an event named after the place it happened in."""
    places = {c.end: c for c in cands if c.label in {"GPE", "LOC", "FAC"}}
    out = []
    for tok in doc:
        if tok.lower_ not in _EVENT_HEADS or not tok.is_lower:
            continue
        end = tok.i
        if end > 0 and doc[end - 1].lower_ == "civil":
            end -= 1
        place = places.get(end)
        if place is not None and place.start > 0 and doc[place.start - 1].lower_ == "the":
            span = doc[place.start : tok.i + 1]
            where = place.kb.id if place.kb is not None else place.text.lower()
            out.append(Candidate(span.start, span.end, "EVENT", span.text, "gazetteer",
                                 group=f"event {where} {_EVENT_HEADS[tok.lower_]}"))
    return out


def _headline_end(doc: Doc) -> int:
    """Character end of a title-case headline on the first line, or 0 when there is none."""
    text = doc_text(doc)
    cut = text.find("\n")
    if cut <= 0:
        return 0
    words = [w for w in text[:cut].split() if w[:1].isalpha() and len(w) > 3]
    capital = sum(1 for w in words if w[:1].isupper())
    return cut if len(words) >= 3 and capital >= 0.75 * len(words) else 0


def drop_headline_fragments(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the mentions of a title-case headline that the body never names."""
    end = _headline_end(doc)
    if not end:
        return cands
    head = [c for c in cands if doc[c.start].idx < end]
    body = [c for c in cands if doc[c.start].idx >= end]
    body_words = {w for c in body for w in name_words(c.text)}
    body_names = {" ".join(name_words(c.text)) for c in body}
    keep = []
    for cand in head:
        words = name_words(cand.text)
        if (cand.kb is not None or " ".join(words) in body_names
                or (cand.label == "PERSON" and words and words[-1] in body_words)):
            keep.append(cand)
    return keep + body
