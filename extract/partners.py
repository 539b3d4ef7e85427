"""Who a talk or an agreement is with: whom one tells something in person, whom a visit
meets, which agreements were made.

"The prime minister told the president that ..." is one side speaking to the other, and so is
testifying to a committee; "..., X told CNN" is a source giving a news outlet a quotation. A
visit to a country, a known organisation or a person meets someone; a visit to a school or a
company is no diplomacy. "Signed a deal with X" is an agreement made with X; "a possible
deal with X" is not; "Norway and Iceland reached a deal" is one they made together.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children, in_party_tag
from extract.subjects import subjects_of

__all__ = ["concluded", "hosts", "joint_makers", "making_verb", "told_in_person"]


def told_in_person(doc: Doc, verb: Token, dobj: list[Token]) -> bool:
    """Whether "X told Y" is one side speaking to another ("the prime minister told the
    president that ..."), not a source giving a quote to a news outlet or a reporter ("...,
    X told CNN")."""
    groups = doc._.ng_entities
    if any(o.pos_ == "PRON" for o in dobj):
        return False  # "told him": who he is is too often guessed wrong
    told = [k for o in dobj for k in args_of(doc, o)]
    if not told or any((groups[k].type not in {"PERSON", "GPE"} and not _assembly(groups[k].name))
                       or (groups[k].type == "PERSON" and " " not in groups[k].name)
                       for k in told):
        return False  # "told CNN", "told the Associated Press", "told Bild" (read as a name)
    named_with = [k for o in dobj for t in o.subtree if t.i != o.i and not in_party_tag(t)
                  for k in args_of(doc, t) if groups[k].type == "ORG" and k not in told]
    return not named_with and not any(
        t.lemma_.lower() in _PRESS_NOUNS for o in dobj for t in o.subtree)


def _assembly(name: str) -> bool:
    """Whether an organisation is a body one testifies to: "told the Senate Armed Services
    Committee", "told Congress" (one speaks with it, unlike a news outlet one gives a quote)."""
    return name.split()[-1] in _ASSEMBLIES


_ASSEMBLIES = frozenset({"Committee", "Subcommittee", "Congress", "Senate", "House",
                         "Parliament", "Commission", "Council", "Cabinet", "Assembly"})

#: Nouns for people who interview: "told Fox News host X", "told a reporter".
_PRESS_NOUNS = frozenset({"host", "anchor", "reporter", "correspondent", "interviewer",
                          "journalist", "columnist", "editor"})


def hosts(doc: Doc, key: str) -> bool:
    """Whether a visit to ``key`` meets someone: a person, a known organisation (NATO, the
    White House), a country; not a school or a company the model found."""
    group = doc._.ng_entities[key]
    if group.type == "PERSON":
        return True
    entry = group.kb
    if group.type != "GPE":
        return entry is not None and group.type == "ORG"
    return entry is not None and (entry.id.startswith("country:") or entry.capital_of is not None)


def concluded(noun: Token) -> bool:
    """Whether an agreement noun is one its parties made: "signed a deal with X", "the
    accord with X was reached"; not one wanted, feared or talked about."""
    if any(c.lower_ in _UNMADE for c in noun.children):
        return False
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return True  # "Obama's nuclear deal with Iran"
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in _CLOSING


def making_verb(noun: Token) -> Token | None:
    """The verb that makes an agreement noun its object: "reached" in "reached a deal",
    "came" in "came to an agreement"; none for one wanted, endorsed or talked about."""
    if any(c.lower_ in _UNMADE for c in noun.children):
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_ == "come":
        return noun.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _CLOSING:
        return noun.head
    return None


#: Verbs that make an agreement.
_CLOSING = frozenset({"reach", "sign", "strike", "conclude", "seal", "clinch", "finalize",
                      "finalise", "announce", "make", "cut", "broker", "ink", "approve",
                      "ratify", "secure", "hammer", "implement", "renew", "extend", "join"})
#: Words that make an agreement one not (yet) made.
_UNMADE = frozenset({"potential", "possible", "proposed", "prospective", "future", "draft"})


def joint_makers(doc: Doc, noun: Token) -> list[str]:
    """The coordinated subjects named as makers of an agreement: "Norway and Iceland signed
    a pact", "... came to an agreement"; not "they", whose antecedents may be others."""
    verb = making_verb(noun)
    if verb is None:
        return []
    clause: Token | None = verb
    while clause is not None:  # "they try to reach a deal": "they" may be others
        if any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children):
            return []
        clause = clause.head if clause.dep_ in {"xcomp", "conj"} else None
    if any(p.lower_ in {"with", "from"} for t in (verb, noun) for p in children(t, "prep")):
        return []  # "A and B secured a deal from X": with X, not with each other
    return subjects_of(doc, verb)
