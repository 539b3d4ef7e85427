"""Stances a speaker states in their own words, inside a quotation.

A quotation speaks in the first person: '"I oppose the governor's plan," Halvorsen said',
'"We condemn the attack," the ministry said'. Once :mod:`extract.speech` has found who said a
quotation, "I", "me", "my" (a person speaking) and "we", "us", "our" (anyone speaking: an
organisation, a country, or a person for the side they speak for) inside it stand for the
speaker, and the stance rules of the sentence are read again with them. Each such mention
is recorded as coreference ("I = Jane Halvorsen"), so a stance statement carries the note
and the lower confidence of a resolved mention (the ``said`` statement and posts do not).

A quotation is every stretch of text between double quotation marks, bounded by its
paragraph; it is the speaker's when it is part of what the speaker's ``said`` statement
quotes. A quotation claimed by two speakers is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc, Token

from extract.arguments import args_of
from extract.claims import JUDGEMENT_KINDS, judgement
from extract.entities import EntityGroup
from extract.quotes import quotations
from extract.sentences import sentence_of
from extract.speech import supposed
from extract.stance_rules import Found, each

__all__ = ["first_person_tokens", "own_words_relations"]

#: First-person words: a person says both, an organisation or a country only the plural.
_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})
_PLURAL = frozenset({"we", "us", "our", "ourselves", "ours"})
_COLLECTIVE = frozenset({"ORG", "GPE"})
_IN_QUOTES = "ng_resolved_in_quotes"
#: Third-person words inside a quotation that stand for whom it is said of, by entity type.
_THIRD: dict[str, frozenset[str]] = {
    "PERSON": frozenset({"he", "him", "his", "she", "her"}),
    "ORG": frozenset({"it", "its"}), "GPE": frozenset({"it", "its"}),
}
#: Rules whose statement quotes the speaker's words (not a reported clause).
_QUOTING = frozenset({"quote", "quote-carried"})


def first_person_tokens(doc: Doc) -> frozenset[int]:
    """The tokens :func:`own_words_relations` resolved inside quotations: the speaker's "I"
    and "we", and who "he" is when the speaker speaks of someone."""
    return frozenset(doc.user_data.get(_IN_QUOTES, ()))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(" ,.;:'\"“”")


def _speakers_of(doc: Doc, found: list[Found]) -> dict[tuple[int, int], tuple[str, Token]]:
    """Each quotation whose words a ``said`` statement quotes, with its one speaker and the
    verb of speaking."""
    quoting = [(subj, trig, value) for subj, pred, _obj, trig, rule, _conf, value in found
               if pred == "said" and rule in _QUOTING and value]
    if not quoting:
        return {}
    spans = [(start, end, _norm(doc[start:end].text)) for start, end in quotations(doc)]
    owners: dict[tuple[int, int], set[str]] = {}
    verbs: dict[tuple[int, int], Token] = {}
    for subj, trig, value in quoting:
        parts = [p for p in (_norm(p) for p in value.split(" … ")) if p]
        sent = sentence_of(trig)
        for start, end, text in spans:
            if end < sent.start - 200 or start > sent.end + 200 or len(text) <= 8:
                continue
            if any(text[:40] in p or p[:40] in text for p in parts):
                owners.setdefault((start, end), set()).add(subj)
                verbs.setdefault((start, end), trig)
    return {span: (next(iter(keys)), verbs[span]) for span, keys in owners.items()
            if len(keys) == 1}


def own_words_relations(
    doc: Doc, found: list[Found], rules: Callable[[Doc, Any, list[Token]], Iterable[Found]],
) -> Iterator[Found]:
    """Stance statements made by speakers in the first person (see module doc).

    Args:
        doc: The document, its entities, coreference and ``found`` statements made.
        found: The statements found so far; their ``said`` statements name the speakers.
        rules: The sentence rules to read again (``sentence_relations``).

    Yields:
        New statements of a speaker, never a ``said`` statement.
    """
    groups: dict[str, EntityGroup] = doc._.ng_entities
    tokens: dict[int, str] = doc._.ng_tokens
    resolved: dict[int, tuple[str, int]] = {}
    owned = _speakers_of(doc, found)
    yield from _judged_in_quotes(doc, {span: key for span, (key, _verb) in owned.items()})
    for (start, end), (key, verb) in owned.items():
        kind = groups[key].type
        words = _SINGULAR | _PLURAL if kind == "PERSON" else (
            _PLURAL if kind in _COLLECTIVE else frozenset())
        about = _spoken_of(doc, verb, key)
        for tok in doc[start:end]:
            if tok.i in tokens:
                continue
            if tok.lower_ in words:
                resolved[tok.i] = (key, start - 1)
            elif about is not None and tok.lower_ in _THIRD[groups[about].type]:
                resolved[tok.i] = (about, verb.i)  # '"He did well," X said of Y': he = Y
    if not resolved:
        return
    seen = set(found)
    for i, (key, _mark) in resolved.items():
        tokens[i] = key
    doc.user_data[_IN_QUOTES] = tuple(sorted(resolved))
    chains = doc._.ng_coref if doc._.ng_coref is not None else []
    chains.extend((i, key, mark) for i, (key, mark) in resolved.items())
    doc._.ng_coref = chains
    by_sent: dict[int, tuple[Any, set[str]]] = {}
    for i, (key, _mark) in resolved.items():
        sent = sentence_of(doc[i])
        by_sent.setdefault(sent.start, (sent, set()))[1].add(key)
    for sent, keys in by_sent.values():
        for item in rules(doc, sent, list(sent)):
            if item[1] != "said" and item not in seen and keys & {item[0], item[2]}:
                seen.add(item)
                yield item


def _judged_in_quotes(doc: Doc, owned: dict[tuple[int, int], str]) -> Iterator[Found]:
    """'"The senator lied. His plan is reckless," Halvorsen said': a main clause of a
    quotation that states a wrongdoing of its subject, or calls it or its act something
    disparaging, is the speaker's accusation or criticism (:func:`extract.claims.judgement`).
    Clauses reported by a verb of speaking are read by the claim rules already."""
    for (start, end), key in owned.items():
        for tok in doc[start:end]:
            if not (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")):
                continue
            sent = sentence_of(tok)
            if sent.text.rstrip(" ”\"'").endswith("?") or supposed(tok):
                continue  # a question or a supposition states nothing
            judged = judgement(doc, tok)
            if judged is not None:
                pred, targets = judged
                rule = f"quote-{JUDGEMENT_KINDS[pred]}"
                yield from each([key], pred, targets, tok, rule, 0.65)


def _spoken_of(doc: Doc, verb: Token, speaker: str) -> str | None:
    """Whom a verb of speaking says its quotation of: '"...," Trump said of Pompeo'."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    about = [k for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for obj in prep.children if obj.dep_ == "pobj" for k in args_of(doc, obj)]
    about = [k for k in dict.fromkeys(about) if k != speaker and groups[k].type in _THIRD]
    return about[0] if len(about) == 1 else None
