"""Trigger nouns and their arguments: "talks with Lavrov", "support for Ukraine".

A trigger noun takes its target from its prepositions ("sanctions on Russia", "a telephone
conversation with Stoltenberg") and its actor from its possessor or modifier ("Russian support
for X", "the U.S. sanctions on Huawei") or else from the clause it is in ("Tuesday's meeting
with X"). Talks between named parties, and talks or an agreement whose makers are the
coordinated subject ("Israel and Lebanon renewed negotiations", "Norway and Iceland reached a
deal"), are one statement between each two of them (``noun-pair``). Support won from someone
runs the other way ("won the backing of X"); support for the fight against X backs no X; talks
only urged or called for are nobody's yet.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children, prep_objects
from extract.assertion import opposed
from extract.partners import concluded, joint_makers
from extract.stance_rules import Found
from extract.subjects import subjects_of
from extract.triggers import SYMMETRIC, TRIGGERS

__all__ = ["POSITIVE", "noun_rule", "opposed_inside", "pairs"]


def pairs(keys: list[str], pred: str, trig: Token, rule: str, conf: float) -> Iterator[Found]:
    """``pred`` between every two of ``keys``: "A and B met" (symmetric predicates)."""
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a != b:
                yield (a, pred, b, trig, rule, conf, None)


def noun_rule(doc: Doc, noun: Token, pred: str) -> Iterator[Found]:
    """The statements of one trigger noun (see module doc)."""
    trig = TRIGGERS[pred]
    if noun.i in doc._.ng_tokens or opposed(noun):
        return  # a word of a name ("the North American Free Trade Agreement"); "opposition
        # to sanctions" states no sanctions
    if pred == "discussedWith":
        joint = prep_objects(doc, noun, frozenset({"between", "by"}))
        if (not joint and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HOLDING_VERBS
                and noun.lemma_.lower() in _TALKS
                and not prep_objects(doc, noun, frozenset({"with"}))):
            joint = subjects_of(doc, noun.head)  # "Israel and Lebanon renewed negotiations"
        if len(joint) > 1:
            yield from pairs(joint, pred, noun, "noun-pair", 0.75)
            return
        if _urged(noun):
            return  # "urged direct talks with X": talks of others, maybe, not the urgers'
    if pred == "agreedWith" and not prep_objects(doc, noun, TRIGGERS[pred].preps):
        joint = joint_makers(doc, noun)  # "Norway and Iceland reached a deal"
        if len(joint) > 1:
            yield from pairs(joint, pred, noun, "noun-pair", 0.75)
            return
    if pred == "agreedWith" and not concluded(noun):
        return  # "a potential deal with Iran", "the issue of the agreement with Iran"
    preps = trig.preps - {"by", "between"}
    if noun.lemma_.lower() == "opposition":
        preps |= {"to"}  # "opposition to the president"; not "refusal to impeach X"
    if pred == "supports":
        preps -= {"with"}  # "her base of support with farmers" backs no one
    objects = prep_objects(doc, noun, preps)
    if not objects and noun.dep_ == "dobj":  # "impose sanctions on Russia"
        objects = prep_objects(doc, noun.head, preps if pred in SYMMETRIC else preps - {"with"})
    if pred == "namedAsThreat":
        posed = [c for c in noun.children if c.dep_ == "acl" and c.lemma_ in {"pose", "come"}]
        for acl in posed:  # "threats posed by Iran", "threats coming from Pyongyang"
            objects += prep_objects(doc, acl, frozenset({"by", "from"}))
    if not objects:
        return
    poss = children(noun, "poss")
    subjects = args_of(doc, poss[0]) if poss else [
        k for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}
        for k in args_of(doc, c)]  # "the U.S. sanctions on Huawei", "Russian support for X"
    if not subjects and not (poss and poss[0].pos_ == "PRON"):  # "its support": unknown
        subjects = subjects_of(doc, noun.head)  # "Tuesday's meeting with X": the clause's
    if pred == "supports" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _GAINING:
        backers = prep_objects(doc, noun, frozenset({"of", "from"}))
        if backers:  # "won the backing of X": X supports the winner
            subjects, objects = backers, subjects
    if pred in POSITIVE:  # "support for the fight against Assad" supports no Assad
        objects = [o for o in objects if not opposed_inside(doc, noun, o)]
    for s in subjects:
        for o in objects:
            if s != o:
                yield (s, pred, o, noun, "noun", 0.7, None)


POSITIVE = frozenset({"supports", "agreedWith", "cooperatesWith"})


def opposed_inside(doc: Doc, noun: Token, key: str) -> bool:
    """Whether ``key`` is named inside the noun's phrase after "against"."""
    tokens: dict[int, str] = doc._.ng_tokens
    return any(tokens.get(t.i) == key and t.head.lower_ == "against" for t in noun.subtree)


def _urged(noun: Token) -> bool:
    """Whether a talk is only urged or called for: "urging direct talks with X", "calls for
    talks with the president"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    return head.lemma_.lower() in {"urge", "call", "push", "press", "demand", "encourage"}


#: Verbs whose coordinated subjects hold talks together: "A and B held talks".
_HOLDING_VERBS = frozenset({"hold", "renew", "resume", "begin", "start", "open", "launch",
                            "conclude", "continue", "have", "wrap", "end"})

_TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "meeting", "summit",
                    "discussion", "discussions", "consultation", "consultations", "dialogue"})

#: Verbs of getting support: "won the backing of X" means X backs the subject.
_GAINING = frozenset({"win", "gain", "secure", "get", "earn", "seek", "receive", "enjoy", "have",
                      "court", "need", "want", "lose", "attract", "garner", "obtain"})
