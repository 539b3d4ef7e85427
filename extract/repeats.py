"""Later mentions of a person by surname that NER did not tag.

News names a person in full once ("Paul Manafort, the former campaign chairman") and by surname
after that ("Manafort and Gates owned ..."); the small model misses many of those surnames,
above all at the start of a paragraph and before "says". Every capitalised word equal to the
surname of a person the article names in full becomes a mention of that person, unless it is
part of a longer name ("the Obama Derangement Syndrome", "Trump Administration") or of another
mention.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from extract.mentions import Candidate
from extract.names import name_words, normalise_name, surname

__all__ = ["add_surname_repeats"]

#: Surnames too short or too common as words to be taken without NER's say-so.
_MIN_LENGTH = 3


def _in_longer_name(tok: Token) -> bool:
    """Whether a capitalised name word stands right before or after ``tok`` in one phrase."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = doc[tok.i - 1] if tok.i > 0 else None
    if after is not None and after.is_title and after.pos_ == "PROPN":
        return True
    return (before is not None and before.is_title and before.pos_ == "PROPN"
            and not before.is_sent_start and before.text not in {"Mr", "Mrs", "Ms", "Dr"})


def _as_person(cand: Candidate, owners: dict[str, set[str]]) -> Candidate:
    """A one-word organisation or place the knowledge base does not know, written as the
    surname of one full-named person of the article, is that person ("Manafort and Gates")."""
    words = name_words(cand.text)
    if (cand.label in {"ORG", "GPE", "NORP", "LOC", "FAC"} and cand.kb is None
            and len(words) == 1 and len(owners.get(words[0], ())) == 1):
        return replace(cand, label="PERSON")
    return cand


def add_surname_repeats(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a PERSON mention for each untagged surname of a full-named person, and
    with that surname's mentions typed as an organisation or a place retyped.

    The surname (`extract.names.surname`: "Jr." and the like are no surname) must be written
    capitalised, not in capitals, and belong to one person of the article only; the result is
    in token order.

    >>> import spacy
    >>> doc = spacy.blank("en")("Paul Manafort spoke. Manafort left.")
    >>> found = add_surname_repeats(doc, [Candidate(0, 2, "PERSON", "Paul Manafort")])
    >>> [(c.start, c.text) for c in found]
    [(0, 'Paul Manafort'), (4, 'Manafort')]
    """
    owners: dict[str, set[str]] = {}  # surname -> the full names that end with it
    for cand in cands:
        words = name_words(cand.text) if cand.label == "PERSON" else []
        last = surname(cand.text) if len(words) >= 2 else ""
        if len(last) >= _MIN_LENGTH:
            owners.setdefault(last, set()).add(" ".join(words))
    if not owners:
        return cands
    cands = [_as_person(c, owners) for c in cands]
    taken = {i for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for tok in doc:
        if tok.i in taken or not tok.is_title or len(owners.get(normalise_name(tok.text), ())) != 1:
            continue
        if _in_longer_name(tok) or (tok.is_sent_start and tok.pos_ not in {"", "PROPN"}):
            continue  # "Will the ..." at a sentence start is no surname
        added.append(Candidate(tok.i, tok.i + 1, "PERSON", tok.text, "gazetteer"))
    return sorted([*cands, *added], key=lambda c: (c.start, c.end)) if added else cands
