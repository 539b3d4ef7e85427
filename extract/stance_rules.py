"""Stance patterns beyond a trigger word and its direct arguments.

- ``adjective``: "McCain was critical of Obama's plan";
- ``verb-prep``: a verb that signals a predicate only with one preposition ("stood with Kyiv");
- ``verb-epithet``: "called Pyongyang's action unacceptable", "called Obama a liar";
- ``noun-ally``: "the Kurds were US allies";
- ``verb-blame``: "put the blame on the president", "laid responsibility for the crisis on Kyiv";
- ``noun-contact``: "had been in contact with Clinton" (not "came into contact with");
- ``backed``: "Iran-backed Houthi rebels": the backer supports them;
- ``verb-echo``: "Amash echoed Paul's remarks": agreement with the one echoed;
- ``verb-object`` / ``verb-offer``: a verb that signals a predicate only with a fitting object
  (:data:`extract.triggers.GATED`): "halted aid to Serbia", "lodged a protest with Albania";

and :func:`reciprocal_targets` for "Russia and the United States accused each other".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.acts import act_owner
from extract.arguments import args_of, children, prep_objects, through
from extract.kb import load_kb
from extract.merging import add_kb_entity
from extract.subjects import subjects_of
from extract.triggers import (
    ACT_NOUNS,
    ADJECTIVES,
    ALLY_NOUNS,
    BLAME_NOUNS,
    BLAME_VERBS,
    EPITHETS,
    GATED,
    IDIOMS,
    PREP_VERBS,
)

__all__ = [
    "Found",
    "adjective_rule",
    "ally_rule",
    "attack_rule",
    "backed_rule",
    "blame_rule",
    "contact_rule",
    "each",
    "echo_rule",
    "epithet_rule",
    "gated_rule",
    "idiom_rule",
    "prep_verb_rule",
    "reciprocal_targets",
]

Found = tuple[str, str, str | None, Token, str, float, str | None]
"""(subject key, predicate, object key, trigger token, rule id, confidence, value)."""


def each(subjects: list[str], pred: str, objects: list[str], trig: Token, rule: str,
         conf: float) -> Iterator[Found]:
    """``pred`` from every subject to every object (each object once), never to itself."""
    for s in subjects:
        for o in dict.fromkeys(objects):
            if s != o:
                yield (s, pred, o, trig, rule, conf, None)


def adjective_rule(doc: Doc, adj: Token) -> Iterator[Found]:
    """A stance adjective and its target: "McCain was critical of Obama's plan"."""
    pred, preps = ADJECTIVES[adj.lower_]
    objects = prep_objects(doc, adj, preps)
    if not objects or adj.dep_ not in {"acomp", "amod", "oprd"}:
        return
    subjects = subjects_of(doc, adj.head) if adj.dep_ == "acomp" else args_of(doc, adj.head)
    yield from each(subjects, pred, objects, adj, "adjective", 0.75)


def prep_verb_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """A verb with its one preposition: "stood with Kyiv", "sat down with the envoy"."""
    lemma = verb.lemma_.lower()
    for prep in children(verb, "prep"):
        pred = PREP_VERBS.get((lemma, prep.lower_))
        if pred is None:
            continue
        objects = [k for o in children(prep, "pobj") for k in args_of(doc, o) or through(doc, o)]
        yield from each(subjects_of(doc, verb), pred, objects, verb, "verb-prep", 0.75)


def idiom_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """A stance idiom: "took a swipe at X", "picked a fight with X" (see ``IDIOMS``)."""
    lemma = verb.lemma_.lower()
    for obj in children(verb, "dobj"):
        found = IDIOMS.get((lemma, obj.lemma_.lower()))
        if found is None:
            continue
        pred, prep = found
        targets = prep_objects(doc, verb, frozenset({prep})) + prep_objects(
            doc, obj, frozenset({prep}))
        yield from each(subjects_of(doc, verb), pred, targets, verb, "verb-idiom", 0.75)


_CALLING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "deem", "denounce",
                            "dub"})


def epithet_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"Lavrov called Pyongyang's action unacceptable", "called Obama a liar": criticism of
    the one so named (or of the maker of what is so named)."""
    if verb.lemma_.lower() not in _CALLING_VERBS:
        return
    said = [c for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"}]
    said += [a for o in children(verb, "dobj") for a in children(o, "amod") if a.i > o.i]
    if not any(t.lower_ in EPITHETS for c in said for t in c.subtree):
        return  # "called X unacceptable" (the parser may hang the word on X)
    targets = [k for o in children(verb, "dobj")
               for k in args_of(doc, o) or through(doc, o) or act_owner(doc, o)]
    targets += [k for c in said for o in children(c, "nsubj") for k in args_of(doc, o)
                or through(doc, o)]
    yield from each(subjects_of(doc, verb), "criticized", targets, verb, "verb-epithet", 0.75)


def attack_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"Senator X attacked the president", "X attacked Y's investigation", "X's attacks on
    Y": a person attacks with words; a country or an army that attacks fights (no stance
    here)."""
    if verb.lemma_.lower() != "attack" or children(verb, "nsubjpass") or (
            verb.dep_ == "acl" and verb.head.lemma_.lower() in _LEAVE_NOUNS):
        return  # not "has the authority to attack X": an attack allowed, not made
    groups = doc._.ng_entities
    noun = verb.pos_ == "NOUN"  # "Trump's attacks on Mueller"
    poss = [p for p in children(verb, "poss") if p.pos_ != "PRON"] if noun else []  # "his
    # attacks": whose is too often guessed wrong
    subjects = [k for p in poss for k in args_of(doc, p)] if noun else subjects_of(doc, verb)
    if not subjects or any(groups[k].type != "PERSON" for k in subjects):
        return
    if noun:  # not "his attacks on Twitter": where he wrote them
        targets = [k for k in prep_objects(doc, verb, frozenset({"on", "against"}))
                   if groups[k].kb is None or groups[k].kb.id not in _PLATFORMS]
    else:
        targets = [k for o in children(verb, "dobj") for k in args_of(doc, o) or (
            through(doc, o) if o.lemma_.lower() in _ATTACKED_THROUGH else [])]
    yield from each(subjects, "criticized", targets, verb, "noun-attack" if noun else
                     "verb-attack", 0.75)


#: Nouns for leave to do something: "the authority to attack X" states no attack.
_LEAVE_NOUNS = frozenset({"authority", "right", "power", "ability", "option", "permission",
                          "chance", "opportunity", "freedom", "license", "leeway"})

#: Social networks: "attacks on Twitter" are made there.
_PLATFORMS = frozenset({"org:twitter", "org:facebook", "org:instagram", "org:youtube",
                        "org:tiktok"})

#: Nouns for what someone did and for an inquiry: attacking "X's policy" or "X's
#: investigation" attacks X.
_ATTACKED_THROUGH = ACT_NOUNS | frozenset({"investigation", "probe", "inquiry", "report",
                                           "record", "claim"})


def ally_rule(doc: Doc, noun: Token) -> Iterator[Found]:
    """A person or country described by a noun of their stance towards another: "The Kurds
    were US allies", "Japan, a close partner of Washington", "Moscow's ally Belarus"
    (cooperatesWith); "X, a longtime critic of Y" (criticized); "X was an early supporter of
    Y" (supports)."""
    pred = ALLY_NOUNS[noun.lemma_.lower()]
    rule = "noun-ally" if pred == "cooperatesWith" else "noun-agent"
    if any(c.lemma_.lower() in _RIVAL_NOUNS for c in noun.conjuncts) or any(
            c.lower_ in _ROLE_MODIFIERS for c in noun.children):
        return  # "allies and adversaries", "a sparring partner", "a senior partner at X"
    partners = [k for c in noun.children if c.dep_ in {"compound", "poss", "nmod"}
                for k in args_of(doc, c)]
    if pred == "cooperatesWith":  # "a Baker & Lowe LLP partner" works there
        partners = [k for k in partners if not _FIRM.search(doc._.ng_entities[k].name)]
    if not any(c.dep_ == "acl" and c.tag_ == "VBG" for c in noun.children):
        partners += prep_objects(doc, noun, frozenset({"of"}))  # not "a supporter of
        # Congress passing a law": the law is backed
    if noun.dep_ == "attr":
        members = subjects_of(doc, noun.head)
    elif noun.dep_ == "appos":
        members = args_of(doc, noun.head)
    elif noun.dep_ == "compound" and pred != "cooperatesWith":
        members = args_of(doc, noun.head)  # "Trump critic Jane Roe"
    else:  # "Moscow's ally Belarus": a description, true whatever the clause says of Belarus
        members = [k for c in children(noun, "appos") for k in args_of(doc, c)]
        yield from each(members, pred, partners, noun, f"{rule}-named", 0.75)
        return
    yield from each(members, pred, partners, noun, rule, 0.75)


#: Nouns that set their conjuncts against allies: "allies and adversaries".
_RIVAL_NOUNS = frozenset({"adversary", "rival", "enemy", "foe", "competitor", "opponent"})
#: Words that make "partner" a role, not an ally: "a sparring partner", "a senior partner".
_ROLE_MODIFIERS = frozenset({"sparring", "senior", "managing", "founding", "equity"})
#: Names of firms whose "partners" are their members: "Baker & Lowe LLP".
_FIRM = re.compile(r"&|\b(?:LLP|LLC|L\.L\.P\.|Inc\.?|PLLC|Partners)$")


def blame_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"Put the blame on the president", "laid responsibility for the crisis on Kyiv":
    the one the blame is put on is accused."""
    if verb.lemma_.lower() not in BLAME_VERBS:
        return
    blame = [o for o in children(verb, "dobj", "nsubjpass") if o.lemma_.lower() in BLAME_NOUNS]
    if not blame:
        return
    on = frozenset({"on", "upon"})
    targets = prep_objects(doc, verb, on) + prep_objects(doc, blame[0], on)
    if children(verb, "nsubjpass"):
        actors = [k for a in children(verb, "agent") for o in children(a, "pobj")
                  for k in args_of(doc, o)]
    else:
        actors = subjects_of(doc, verb)
    yield from each(actors, "accused", targets, verb, "verb-blame", 0.75)


#: Verbs that keep someone "in contact with" another by talking, not by touch.
_CONTACT_VERBS = frozenset({"be", "remain", "stay", "keep", "get", "put"})


def contact_rule(doc: Doc, noun: Token) -> Iterator[Found]:
    """"Obama had been in contact with Clinton", "stays in close contact with Paris":
    discussedWith; "came into contact with" is touch, not talk."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in _CONTACT_VERBS:
        return
    others = prep_objects(doc, noun, frozenset({"with"}))
    yield from each(subjects_of(doc, prep.head), "discussedWith", others, noun, "noun-contact",
                     0.7)


def reciprocal_targets(doc: Doc, verb: Token, subjects: list[str]) -> list[str] | None:
    """The subjects themselves when the object is "each other" / "one another" (or what
    belongs to each other: "criticized each other's responses"); else None."""
    for obj in children(verb, "dobj"):
        for tok in (obj, *children(obj, "poss")):
            around = {doc[max(tok.i - 1, 0) : tok.i + 1].text.lower(),
                      doc[tok.i : tok.i + 2].text.lower()}
            if around & {"each other", "one another"}:
                return subjects if len(subjects) > 1 else []
    return None


_BACKING = frozenset({"backed", "supported", "funded", "armed", "sponsored"})


def backed_rule(doc: Doc, adj: Token) -> Iterator[Found]:
    """"Iran-backed Houthi rebels", "the U.S.-backed Syrian Democratic Forces": the backer
    supports the one it backs."""
    if adj.dep_ != "amod":
        return
    low = adj.lower_
    backers: list[str] = []
    if low in _BACKING:  # "Iran - backed": the backer hangs on the participle
        backers = [k for c in adj.children if c.dep_ in {"npadvmod", "compound", "nmod"}
                   and c.i < adj.i for k in args_of(doc, c)]
    elif "-" in low and low.rsplit("-", 1)[1] in _BACKING:  # one token: "U.S.-backed"
        kb = load_kb()
        prefix = adj.text.rsplit("-", 1)[0]
        entry = kb.lookup(prefix) or kb.demonym(prefix)
        if entry is not None and entry.type in {"PERSON", "ORG", "GPE"}:
            backers = [add_kb_entity(doc._.ng_entities, entry)]
    if backers:
        yield from each(backers, "supports", args_of(doc, adj.head), adj, "backed", 0.75)


#: What one echoes of another's words: "echoed Paul's remarks", "echoed calls by Obama".
_ECHOED = frozenset({"remark", "comment", "concern", "criticism", "call", "view", "sentiment",
                     "warning", "word", "position", "assessment", "argument", "statement",
                     "message", "claim", "point", "complaint", "demand", "plea"})


def echo_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"Amash echoed Paul's remarks", "echoing calls by Obama": the one who echoes agrees
    with the one whose words are echoed (named as their possessor or with "of" / "by")."""
    if verb.lemma_.lower() != "echo":
        return
    said = [o for o in children(verb, "dobj") if o.lemma_.lower() in _ECHOED]
    speakers = [k for o in said for k in (
        [k for p in children(o, "poss") for k in args_of(doc, p)]
        + prep_objects(doc, o, frozenset({"of", "by"})))]
    yield from each(subjects_of(doc, verb), "agreedWith", speakers, verb, "verb-echo", 0.75)


def _amount_of(noun: Token, objects: frozenset[str]) -> bool:
    """An amount of one of ``objects``: "70 million dollars of aid", "a shipment of arms"."""
    return noun.lemma_.lower() in _AMOUNTS and any(
        o.lemma_.lower() in objects for p in children(noun, "prep") if p.lower_ == "of"
        for o in children(p, "pobj"))


_AMOUNTS = frozenset({"dollar", "euro", "million", "billion", "ton", "tonne", "package",
                      "shipment", "batch", "amount", "worth", "supply", "load", "round"})


def gated_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """A verb that signals a predicate through its object: "halted aid to Serbia"."""
    lemma = verb.lemma_.lower()
    for pred, (verbs, objects) in GATED.items():
        if lemma not in verbs:
            continue
        things = [t for o in children(verb, "dobj", "nsubjpass") for t in (o, *o.conjuncts)
                  if (t.lemma_.lower() in objects or _amount_of(t, objects))
                  and not (lemma == "end" and t.lemma_.lower() == "visit")]  # a trip done
        if not things:
            continue
        targets = prep_objects(doc, verb, frozenset({"to", "for", "with", "from", "on"}))
        targets += [k for d in children(verb, "dative") for k in args_of(doc, d)]
        for thing in things:
            targets += through(doc, thing, frozenset({"with"}))
        rule = "verb-offer" if lemma in {"offer", "pledge"} else "verb-object"
        passive = bool(children(verb, "nsubjpass"))
        agents = [o for a in children(verb, "agent") for o in children(a, "pobj")]
        actors = (args_of(doc, agents[0]) if agents else []) if passive else subjects_of(doc, verb)
        yield from each(actors, pred, targets, verb, rule, 0.75)
