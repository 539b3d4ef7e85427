"""The clause a verb of speaking reports, as written.

The clause is the verb's complement ("Cazeneuve added that he has called for a meeting"), the
sentence around a verb set in it ("Of the attacks, he said, four were foiled", "As Frayer
reports, the state ..."), or, where the parser went astray, the words it hung elsewhere: the
subject of the clause taken for an object of "say" ("X said Y's tool that let users log in
created a bottleneck") or the clause taken for the head of the verb ("while X said up to 40
percent of guns are bought without checks, the figure is disputed").
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.arguments import children
from extract.quotes import MAX_CHARS, QUOTES

__all__ = ["MIN_WORDS", "reported_clause"]

#: Shortest reported clause worth a statement, in words.
MIN_WORDS = 4


def reported_clause(verb: Token) -> str | None:
    """The clause a verb of speaking reports, as written, or None."""
    doc = verb.doc
    comps = children(verb, "ccomp")
    if comps:
        words = [t for t in comps[0].subtree]
        if words and words[0].i < verb.i < words[-1].i:  # "the attack that officials say was"
            words = [t for t in words if t.i > verb.i]
        if words and words[0].dep_ == "mark":
            words = words[1:]
    elif (said := _object_read_as_clause(verb)) is not None:
        words = said  # "X said Y's tool that ... created a bottleneck", parsed as an object
    elif verb.dep_ == "parataxis" or (verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)):
        # "Of the attacks, he said, four were foiled"; "As Frayer reports, the state ..."
        inner = {t.i for t in verb.subtree}
        words = [t for t in verb.head.subtree if t.i not in inner]
    elif (said := _head_read_as_clause(verb)) is not None:
        words = said  # "while X said up to 40 percent are bought ..., ...": parsed as the head
    else:
        return None
    words = [t for t in words if not (t.is_punct and t.text in QUOTES)]
    if sum(1 for t in words if not t.is_punct) < MIN_WORDS:
        return None
    text = doc[words[0].i : words[-1].i + 1].text.strip(" ,.;:")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0]
    return text or None


def _object_read_as_clause(verb: Token) -> list[Token] | None:
    """The words after "said" when the parser took the subject of the clause said for an
    object of "say": "X said Y's tool that let users log in created a bottleneck" (a finite
    verb follows, outside the object's own relative clause); not "said nothing" or "said a
    prayer for the victims"."""
    if verb.lemma_.lower() != "say":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ not in {"NOUN", "PROPN"} or (
            objects[0].lemma_.lower() in _SAID_THINGS):
        return None
    sent = objects[0].sent
    if not any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} and t.head.i != verb.i
               and t.i > objects[0].i and t.dep_ in {"acl", "relcl", "conj", "ccomp"}
               and t.head.i > objects[0].i for t in sent if t.i > objects[0].i):
        return None
    return [t for t in sent if t.i >= objects[0].left_edge.i]


def _head_read_as_clause(verb: Token) -> list[Token] | None:
    """The clause after a verb of speaking that the parser made the verb's head, the verb an
    adverbial clause of it: "while X said up to 40 percent of guns are bought without checks,
    the figure is disputed"; not "after X testified, the panel voted" (a comma between)."""
    head = verb.head
    nxt = verb.i + 1
    inner = {t.i for t in verb.subtree}
    if (verb.dep_ != "advcl" or head.i <= verb.i or nxt >= len(verb.doc)
            or not any(c.dep_ == "nsubj" for c in verb.children)  # not "Recalling that ..."
            or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
            or verb.doc[nxt].dep_ == "punct" or nxt in inner):
        return None
    stop = min((c.i for c in head.children if c.i > head.i and c.dep_ in {"punct", "cc"}),
               default=len(verb.doc))  # the head's own clause, up to its comma or "and"
    return [t for t in head.subtree if verb.i < t.i < stop and t.i not in inner]


#: Objects that "say" really takes: "said a prayer", "said the words", "said goodbye".
_SAID_THINGS = frozenset({"prayer", "word", "words", "goodbye", "thing", "things", "grace",
                          "mass", "name", "line", "lines", "hello", "anything", "something",
                          "kind", "kinds", "sort", "same"})
