"""Arguments of a relation: the entities a trigger's subject, object or complement stands for.

:func:`args_of` maps a token to entity keys, expanded over coordination ("Russia and China"),
plural pronouns, group nouns ("U.S. officials", "officials of Hungary") and allies named by
their nation ("our European partners", "its South Korean ally"); a dateline place
("BRUSSELS, July 2 -") and the state of a party tag ("D-N.Y.") are never arguments. The other
helpers walk the parse from a trigger to its arguments: prepositional objects, nouns standing
for an entity ("Kyiv's proposal") and targets inside a "to" clause; subjects are found by
:mod:`extract.subjects`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.agents import agent_of
from extract.sentences import sentence_of
from extract.triggers import (
    ACT_NOUNS,
    AGENT_NOUNS,
    ALLY_NOUNS,
    REQUEST_NOUNS,
    TRIGGERS,
)

__all__ = [
    "args_of", "children", "complement_targets", "entity_key", "in_party_tag", "prep_objects",
    "stance_noun", "through",
]

_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})


def args_of(doc: Doc, tok: Token | None, *, actor: bool = True) -> list[str]:
    """Entity keys a token stands for, expanded over coordination and plural pronouns."""
    if tok is None:
        return []
    tokens: dict[int, str] = doc._.ng_tokens
    plural: dict[int, list[str]] = doc._.ng_plural or {}
    keys: list[str] = []
    for t in [tok, *tok.conjuncts]:
        if _is_dateline(t) or in_party_tag(t):
            continue  # "BRUSSELS, July 2 -"; "Chuck Schumer, D-N.Y.": a seat, no actor
        if t.i in tokens:
            if _one_member(doc, t):
                continue  # "a Democrat who opposed X": one member, not the party
            keys.append(tokens[t.i])
            keys.extend(_listed_as_apposition(doc, t))
        elif t.i in plural:
            keys.extend(plural[t.i])
        elif t.lemma_.lower() in AGENT_NOUNS:
            keys.extend(agent_of(doc, t))
        elif t.lemma_.lower() in _BODY_NOUNS:  # "the APEC forum": the organisation named
            keys.extend(tokens[c.i] for c in t.children if c.dep_ in {"compound", "nmod"}
                        and c.i in tokens and doc._.ng_entities[tokens[c.i]].type == "ORG")
        else:  # "its neighbours China and Russia": the names in apposition
            keys.extend(tokens[a.i] for c in t.children if c.dep_ == "appos"
                        for a in (c, *c.conjuncts) if a.i in tokens)
            keys.extend(_nation_of_allies(doc, t))
    groups = doc._.ng_entities
    if actor:
        keys = [k for k in keys if groups[k].type in _ACTOR_TYPES]
    return list(dict.fromkeys(keys))


def _one_member(doc: Doc, tok: Token) -> bool:
    """Whether an organisation's name stands for some unnamed members of it, not for the
    whole: "a Democrat", "another Republican" (an indefinite article the name itself never
    takes), "Republicans who are often critical of X" (a relative clause that picks some)."""
    if doc._.ng_entities[doc._.ng_tokens[tok.i]].type != "ORG":
        return False
    return any((c.dep_ == "det" and c.lower_ in {"a", "an", "another"}) or (
        c.dep_ == "relcl" and tok.tag_ in {"NNS", "NNPS"} and c.i > tok.i
        and doc[tok.i + 1].lower_ == "who") for c in tok.children)


def _listed_as_apposition(doc: Doc, tok: Token) -> list[str]:
    """The rest of a list of people the parser took for an apposition: "X of Arizona, Y of
    Ohio and Z of Maine said" (a person is not in apposition to a list of people)."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups = doc._.ng_entities
    if groups[tokens[tok.i]].type != "PERSON":
        return []
    out: list[str] = []
    for c in children(tok, "appos"):
        names = [a for a in (c, *c.conjuncts) if a.i in tokens]
        if len(names) > 1 and all(groups[tokens[a.i]].type == "PERSON" for a in names):
            out.extend(tokens[a.i] for a in names)
    return out


def _nation_of_allies(doc: Doc, noun: Token) -> list[str]:
    """The nation of someone's allies: "our European partners", "its South Korean ally",
    "America's Arab allies"; not "American allies" (the allies of America)."""
    if noun.lemma_.lower() not in ALLY_NOUNS or not children(noun, "poss"):
        return []
    tokens: dict[int, str] = doc._.ng_tokens
    return [tokens[c.i] for c in children(noun, "amod") if c.i in tokens]


#: Nouns for a body that is the organisation named with it ("the APEC forum", "the Wagner
#: group"); a nationality or a place with them is not the body ("a Jordanian group").
_BODY_NOUNS = frozenset({"forum", "group", "movement", "bloc", "alliance", "coalition",
                         "organization", "organisation", "agency", "committee", "council",
                         "faction", "network", "company", "firm", "union", "commission"})

def _is_dateline(tok: Token) -> bool:
    """The place of a dateline ("BRUSSELS, July 2 - ..."): where it was filed, not an actor."""
    doc = tok.doc
    shouted = tok.is_upper or any(
        s <= tok.idx < e for s, e in doc.user_data.get("ng_shouted", ()))
    return (tok.i - sentence_of(tok).start < 3 and shouted and len(tok) > 2
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")


def in_party_tag(tok: Token) -> bool:
    """Whether ``tok`` is the party letter or the state of a party tag: "D-N.Y.", "(R-S.C.)"."""
    doc = tok.doc
    letter = (tok.text in {"D", "R", "I"} and tok.i + 1 < len(doc)
              and doc[tok.i + 1].text in {"-", "–"} and not tok.whitespace_)
    state = (tok.i >= 2 and doc[tok.i - 1].text in {"-", "–"} and not doc[tok.i - 1].whitespace_
             and doc[tok.i - 2].text in {"D", "R", "I"})
    return letter or state


def entity_key(doc: Doc, tok: Token) -> str | None:
    """The entity a token is a mention of, if any."""
    tokens: dict[int, str] = doc._.ng_tokens
    return tokens.get(tok.i)


def children(tok: Token, *deps: str) -> list[Token]:
    """The children of ``tok`` attached by one of the dependency labels ``deps``."""
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(doc: Doc, tok: Token, preps: frozenset[str]) -> list[str]:
    """Entities in the objects of ``tok``'s prepositions ``preps`` (and of a dative)."""
    out: list[str] = []
    for prep in children(tok, "prep", "agent", "dative"):
        if prep.lower_ in preps or (prep.dep_ == "dative" and prep.lower_ != "for"):
            for obj in children(prep, "pobj") or ([prep] if prep.dep_ == "dative" else []):
                out.extend(args_of(doc, obj) or ([] if stance_noun(obj) or (
                    obj.lemma_.lower() in _AUDIENCES) else through(doc, obj)))
    return out


#: Nouns for an audience: speaking "to a joint session of Congress" addresses it, it is no
#: talk with Congress.
_AUDIENCES = frozenset({"session", "crowd", "audience", "rally", "convention", "gathering",
                        "assembly", "graduate", "supporter", "congregation"})

_STANCE_NOUNS = frozenset(n for t in TRIGGERS.values() for n in t.nouns) - REQUEST_NOUNS


def stance_noun(noun: Token) -> bool:
    """A noun that is a stance of its own ("sanctions on Iran", "support for Kyiv"): what it is
    about is not the object of the verb it hangs on ("defended his opposition to sanctions")."""
    return noun.lower_ in _STANCE_NOUNS or noun.lemma_.lower() in _STANCE_NOUNS


def through(doc: Doc, noun: Token, extra: frozenset[str] = frozenset()) -> list[str]:
    """Entity behind a noun: its possessor ("Kyiv's proposal"), who made a request or did
    something ("a U.S. request", "Israeli policies", "calls by Annan"), or what it points at
    ("action against Russia", "states like China")."""
    tokens: dict[int, str] = doc._.ng_tokens
    lemma = noun.lemma_.lower()
    judged = lemma in ACT_NOUNS and noun.head.lemma_.lower() in _JUDGING_VERBS
    if (lemma in REQUEST_NOUNS or judged) and not children(noun, "poss"):
        makers = [tokens[c.i] for c in noun.children
                  if c.dep_ in {"amod", "compound", "nmod"} and c.i in tokens]
        if makers:
            return makers
    for child in noun.children:
        if child.dep_ == "poss":  # a named possessor, not a pronoun ("their response")
            return [] if child.pos_ == "PRON" else args_of(doc, child)
        if child.dep_ == "prep" and (child.lower_ in _THROUGH_PREPS or child.lower_ in extra):
            if lemma in _UNDOING_NOUNS or (child.lower_ == "from" and lemma in _PEOPLE):
                return []  # "concerns about cuts to Medicaid" are not about Medicaid's faults,
                # "minorities from Afghanistan" are not Afghanistan
            for obj in children(child, "pobj"):  # "dollars of aid for Romania": the first named
                if keys := args_of(doc, obj):
                    return keys
    return []


#: Verbs that judge what an actor did: "condemned the U.S. decision" is about the U.S.,
#: "helped coordinate the U.S. response" is not.
_JUDGING_VERBS = (TRIGGERS["criticized"].verbs | TRIGGERS["rejected"].verbs
                  | frozenset({"support", "back", "endorse", "defend", "praise", "welcome",
                               "hail", "applaud", "commend", "laud"}))

#: People named by where they come from: "refugees from Syria" are not Syria.
_PEOPLE = frozenset({"minority", "refugee", "migrant", "immigrant", "people", "resident",
                     "citizen", "worker", "student", "family", "child", "civilian", "national",
                     "tourist", "visitor", "asylum", "seeker", "woman", "man", "victim"})

_THROUGH_PREPS = frozenset({"like", "of", "including", "from", "to", "for", "by", "against",
                            "on"})


def _whose(doc: Doc, noun: Token) -> list[str]:
    """Who a plain noun in a "to" clause belongs to or is in: "to blockade Peruvian ports", "to
    ban rallies in Lima", "to impose tariffs against Chilean wine"."""
    tokens: dict[int, str] = doc._.ng_tokens
    if noun.lemma_.lower() in ACT_NOUNS | REQUEST_NOUNS:
        return []  # "to coordinate the U.S. response": the owner of an act is no target
    out = [tokens[c.i] for c in noun.children
           if c.dep_ in {"amod", "compound", "nmod"} and c.i in tokens]
    for prep in children(noun, "prep"):
        if prep.lower_ in {"in", "against", "on"}:
            out.extend(k for o in children(prep, "pobj") for k in args_of(doc, o) or _whose(doc, o))
    groups = doc._.ng_entities
    return [k for k in out if groups[k].type in _ACTOR_TYPES]


#: Verbs that reverse a thing someone made: to back lifting a ban is to oppose the ban, not
#: its maker. (:mod:`extract.assertion` has its own list of verbs that stop what their object
#: names, "blocked talks", which also counts "ban" and "block": acts of their own here.)
_REVERSING_VERBS = frozenset({"lift", "repeal", "end", "scrap", "remove", "overturn", "reverse",
                              "rescind", "abolish", "cut", "eliminate", "dismantle", "undo",
                              "defund", "ease", "loosen", "revoke", "withdraw"})
#: Nouns for undoing what they are of, to or in: "cuts to Medicaid", "the repeal of the law".
_UNDOING_NOUNS = frozenset({"cut", "reduction", "repeal", "elimination", "rollback", "lifting",
                            "reversal", "abolition", "dismantling", "removal"})


def complement_targets(doc: Doc, verb: Token) -> list[str]:
    """Targets inside a "to" clause: "refused to recognise Kosovo", "agreed to help Kyiv"."""
    out: list[str] = []
    for comp in children(verb, "xcomp"):
        if comp.pos_ != "VERB":
            continue
        reversing = comp.lemma_.lower() in _REVERSING_VERBS
        for obj in children(comp, "dobj"):  # "to break relations with Russia"
            if reversing:  # "supports lifting the U.S. ban": not for the U.S. (its maker), but
                # "refused to lift the curfew on X" is against X (its target)
                out.extend(k for p in children(obj, "prep") if p.lower_ in {"with", "on", "against"}
                           for o in children(p, "pobj") for k in args_of(doc, o))
                continue
            out.extend(args_of(doc, obj) or through(doc, obj, frozenset({"with"}))
                       or _whose(doc, obj))
        out.extend(prep_objects(doc, comp, frozenset({"to", "with", "against", "on", "in"})))
    return out
