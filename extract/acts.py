"""Whose act "the decision" is: the actor of an act named again without its actor.

News names an act with its actor first ("the governor ordered raids on the camps", "Oslo
announced the move on Monday") and later only as "the raids" or "the move", above all when
others react to it ("the mayor said the raids were justified", "Quill condemned the move"). A
reaction to the act is a stance towards its actor. :func:`act_owner` finds the actor of a
definite act noun with no actor of its own by looking back, at most a few sentences, for the
same act with its actor:

- the same noun with its possessor or maker: "Trump's decision", "the U.S. strikes";
- the same noun as the object of a verb of doing, with that verb's subject: "Trump ordered
  strikes", "the ministry announced a ban", "Obama made the decision";
- the verb the noun is made from, with its subject: "Trump decided ..." for "the decision",
  "Turkey invaded ..." for "the invasion".

The nearest mention that names an actor counts; mentions without one are passed over.
:func:`made_by` reads the actor the same sentence gives in a relative clause: "condemned the
tax cuts Trump signed", "rejected the plan the ministry announced".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children
from extract.sentences import tokens_before
from extract.subjects import subjects_of
from extract.triggers import ACT_NOUNS

__all__ = ["ACTS", "act_owner", "made_by"]

#: Verbs an act noun is made from: "decide" for "decision".
_FROM_VERBS: dict[str, frozenset[str]] = {
    "decision": frozenset({"decide"}), "strike": frozenset({"strike"}),
    "airstrike": frozenset({"strike"}), "withdrawal": frozenset({"withdraw"}),
    "pardon": frozenset({"pardon"}), "veto": frozenset({"veto"}), "ban": frozenset({"ban"}),
    "invasion": frozenset({"invade"}), "deployment": frozenset({"deploy"}),
    "nomination": frozenset({"nominate"}), "announcement": frozenset({"announce"}),
    "proposal": frozenset({"propose"}), "bombing": frozenset({"bomb"}),
    "raid": frozenset({"raid"}), "order": frozenset({"order"}),
}
#: Nouns for acts whose actor a reaction is aimed at.
#: Not "deal": a deal is between sides, and the name on it ("the Iran deal") is a side.
ACTS = ACT_NOUNS | frozenset(_FROM_VERBS) | frozenset({"plan", "step", "tariff"})
#: Verbs of doing an act named by their object: "ordered strikes", "made the decision".
_DOING = frozenset({"order", "make", "take", "announce", "launch", "sign", "issue", "impose",
                    "carry", "conduct", "unveil", "propose", "authorize", "approve",
                    "reach", "strike", "adopt", "implement", "introduce"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: How many sentences back the act may have been named with its actor.
_REACH = 6


def act_owner(doc: Doc, noun: Token) -> list[str]:
    """The actor of ``noun``, a definite act noun with no actor of its own, from the nearest
    earlier mention of the act that names one (see module doc); else ``[]``."""
    lemma = noun.lemma_.lower()
    if lemma not in ACTS or not any(c.lower_ in _DEFINITE for c in children(noun, "det")):
        return []
    if _owner(doc, noun):
        return []  # "the U.S. decision": its own actor, read where it is used
    for tok in tokens_before(noun, _REACH):
        owners = _named_act(doc, tok, lemma)
        if owners:
            return owners
    return []


#: Things made that a reaction may be aimed at besides acts: "the bill Congress passed".
_MADE = ACTS | frozenset({"bill", "law", "cut", "budget", "legislation", "rule", "regulation",
                          "order", "tax", "reform", "measure", "amendment", "program"})
#: Verbs of making such a thing, besides the verbs of doing.
_MAKING = _DOING | frozenset({"pass", "write", "enact", "push", "champion", "deliver",
                              "give", "put"})


def made_by(doc: Doc, noun: Token) -> list[str]:
    """Who made ``noun``, by a clause on it: "the tax cuts Trump signed", "the remarks that the
    senator made", "the plan announced by the ministry" (not "the people Trump met": people
    are not made)."""
    if noun.lemma_.lower() not in _MADE:
        return []
    for clause in children(noun, "relcl", "acl"):  # "the plan that X announced" parses as either
        if (clause.lemma_.lower() in _MAKING and children(clause, "nsubj", "agent")
                and not children(clause, "neg")):
            return subjects_of(doc, clause)
    return []


def _named_act(doc: Doc, tok: Token, lemma: str) -> list[str]:
    """The actor ``tok`` names for the act ``lemma``, if it mentions that act with one."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
        owners = _owner(doc, tok)
        if not owners and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DOING:
            owners = subjects_of(doc, tok.head)
        return owners
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _FROM_VERBS.get(lemma, frozenset()):
        if any(c.dep_ in {"neg", "nsubjpass"} for c in tok.children):
            return []  # "was not decided", "was struck": no actor named here
        return subjects_of(doc, tok)
    return []


def _owner(doc: Doc, noun: Token) -> list[str]:
    """Who an act noun says did it: its possessor ("Trump's decision"), an entity naming a
    policy or decision ("the U.S. decision") or its agent ("the order by the court"); not
    what it is aimed at ("strikes on Syria", "the Syria strikes")."""
    tokens: dict[int, str] = doc._.ng_tokens
    owners: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss":
            owners.extend(args_of(doc, child))
        elif (child.dep_ in {"compound", "amod", "nmod"} and child.i in tokens
              and noun.lemma_.lower() in ACT_NOUNS):  # not "the Syria strikes": a place
            owners.append(tokens[child.i])
        elif child.dep_ == "prep" and child.lower_ == "by":
            owners.extend(k for o in children(child, "pobj") for k in args_of(doc, o))
    return list(dict.fromkeys(owners))
