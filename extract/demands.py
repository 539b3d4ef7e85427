"""Demands that someone leave office: criticism of the one who is to go.

News reports calls for a politician's removal in a few fixed shapes, with no word of
criticism in them:

- a removal noun asked for: "called for the resignation of X", "demanded X's ouster",
  "pushed for his impeachment" (the pronoun resolved by coreference);
- an order to go: "called on X to resign", "urged X to step down".

The one who calls criticizes the one who is to go (rule ids ``demand-removal`` and
``demand-resign``). A refusal to call ("declined to call for X's resignation") is read as
negated by :mod:`extract.assertion` like any other statement.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children, prep_objects
from extract.stance_rules import Found, each
from extract.subjects import subjects_of

__all__ = ["REMOVAL_NOUNS", "removal_rule", "resign_rule"]

#: Nouns for someone's removal from office.
REMOVAL_NOUNS = frozenset({"resignation", "ouster", "impeachment", "removal", "firing",
                           "dismissal", "recall"})
#: Verbs that ask for something: "called for", "pushed for" (with "for"), "demanded".
_ASK_FOR = frozenset({"call", "push", "press", "clamor", "clamour", "ask", "lobby", "appeal"})
_ASK = frozenset({"demand", "urge", "seek", "request", "want"})
#: Verbs of leaving office, and the particle some need ("step down").
_LEAVE = {"resign": None, "quit": None, "step": "down", "stand": "down"}
#: Verbs that tell someone to do something: "called on X to", "urged X to".
_TELL_ON = frozenset({"call"})
_TELL = frozenset({"urge", "press", "push", "tell", "ask", "pressure"})


def _asking_verb(noun: Token) -> Token | None:
    """The verb that asks for ``noun``: "called for [the resignation]", "demanded [it]"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _ASK_FOR:
        return head.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _ASK:
        return head
    return None


def removal_rule(doc: Doc, noun: Token) -> Iterator[Found]:
    """"X called for the resignation of Y", "X demanded Y's ouster": X criticized Y."""
    verb = _asking_verb(noun)
    if verb is None:
        return
    targets = [k for c in children(noun, "poss") for k in args_of(doc, c)]
    targets += prep_objects(doc, noun, frozenset({"of"}))
    yield from each(subjects_of(doc, verb), "criticized", targets, noun, "demand-removal", 0.75)


def resign_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"X called on Y to resign", "X urged Y to step down": X criticized Y."""
    lemma = verb.lemma_.lower()
    if lemma not in _LEAVE or verb.dep_ != "xcomp":
        return
    particle = _LEAVE[lemma]
    if particle is not None and not any(c.lower_ == particle for c in verb.children):
        return
    asker = verb.head
    ask = asker.lemma_.lower()
    if ask in _TELL_ON:
        targets = prep_objects(doc, asker, frozenset({"on", "upon"}))
    elif ask in _TELL:
        targets = [k for o in children(asker, "dobj") for k in args_of(doc, o)]
    else:
        return
    yield from each(subjects_of(doc, asker), "criticized", targets, verb, "demand-resign", 0.75)
