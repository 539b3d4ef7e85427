"""Membership and location rules, and the named events they create ("the NATO summit").

``membership`` finds memberOf: "Poland is a member of NATO", "Finland joined the alliance",
"Sweden became NATO's 32nd member", and affiliations ("Robert Bernero of the NRC"). ``locate``
finds locatedIn: "the summit in Madrid" (which also creates the event "NATO summit in Madrid"),
"headquartered in Brussels", "held in Vilnius", "Vilnius, Lithuania", "Pacific Marine Inc. of
Houston". ``contained`` adds locatedIn for a city whose country (per the knowledge base) the same
article names.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from extract.arguments import args_of, entity_key
from extract.entities import EntityGroup
from extract.kb import KnowledgeBase, normalise_name
from extract.patterns import Found
from extract.posts import ACADEMIC_POSTS
from extract.titles import HEAD_TITLES
from extract.triggers import PLACE_NOUNS

__all__ = ["contained", "locate", "membership"]

_JOIN_VERBS = frozenset({"join", "accede", "enter", "rejoin"})
_BASE_VERBS = frozenset({"headquarter", "base", "locate", "hold", "host", "station"})
_EVENT_NOUNS = frozenset({"summit", "conference", "forum", "congress", "talks", "meeting"})


def _type(doc: Doc, key: str) -> str:
    groups: dict[str, EntityGroup] = doc._.ng_entities
    return groups[key].type


def _clause_subjects(doc: Doc, tok: Token) -> list[str]:
    head = tok
    for _ in range(3):
        subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return args_of(doc, subj[0])
        if head.dep_ in {"appos", "acl"}:  # "companies based in China": the noun is the subject
            return args_of(doc, head.head)
        head = head.head
    return []


def membership(doc: Doc, sent: Iterable[Token]) -> Iterator[Found]:
    """memberOf relations in one sentence."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "member" and tok.dep_ in {"attr", "appos", "oprd", "dobj"}:
            orgs = [k for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if (k := entity_key(doc, o)) and _type(doc, k) == "ORG"]
            orgs += [k for c in tok.children if c.dep_ in {"poss", "compound"}
                     if (k := entity_key(doc, c)) and _type(doc, k) == "ORG"]
            for org in orgs:
                for member in _clause_subjects(doc, tok):
                    if member != org and _type(doc, member) in {"GPE", "ORG"}:
                        yield (member, "memberOf", org, tok, "member", 0.85, None)
        elif lemma in _JOIN_VERBS and tok.pos_ == "VERB":
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                joined = entity_key(doc, obj)
                if joined and _type(doc, joined) == "ORG":
                    for member in _clause_subjects(doc, tok):
                        if member != joined and _type(doc, member) in {"GPE", "ORG"}:
                            yield (member, "memberOf", joined, tok, "member-join", 0.8, None)
        elif tok.dep_ == "prep" and tok.lower_ in {"of", "from", "at", "with"}:
            yield from _affiliation(doc, tok)
        elif tok.dep_ == "poss" and (club := entity_key(doc, tok)) and _type(doc, club) == "ORG":
            player = entity_key(doc, tok.head)  # "Bayern Munich's Mario Goetze"
            if player is not None and player != club and _type(doc, player) == "PERSON":
                yield (player, "memberOf", club, tok, "member-poss", 0.75, None)


def _affiliation(doc: Doc, prep: Token) -> Iterator[Found]:
    """A person named with their organisation: "Robert Bernero of the NRC", "Hurst Hannum,
    an expert at Tufts University" (not a post: "X, director of Y" is one)."""
    head = prep.head
    if (head.dep_ == "appos" and prep.lower_ in {"at", "with"} and head.pos_ == "NOUN"
            and head.lower_ not in HEAD_TITLES and head.lower_ not in ACADEMIC_POSTS
            and not any(t.lower_ in {"former", "ex", "then", "late"} for t in head.subtree)):
        head = head.head  # the person the apposition describes
    elif prep.lower_ not in {"of", "from"}:
        return
    person = entity_key(doc, head)
    if person is None or _type(doc, person) != "PERSON" or head.dep_ == "compound":
        return
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        org = entity_key(doc, obj)
        if org is not None and _type(doc, org) == "ORG":
            yield (person, "memberOf", org, prep, "member-of", 0.75, None)


def _place_objects(doc: Doc, tok: Token) -> list[str]:
    out: list[str] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
            for obj in prep.children:
                key = entity_key(doc, obj)
                if key and _type(doc, key) in {"GPE", "LOC", "FAC"}:
                    out.append(key)
    return out


def _event_for(doc: Doc, noun: Token, place: str) -> str | None:
    """Create (or reuse) the event 'ORG summit in PLACE' for a located event noun."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    owner = next((k for c in noun.children if c.dep_ in {"compound", "poss"}
                  if (k := entity_key(doc, c)) and _type(doc, k) in {"ORG", "GPE"}), None)
    if owner is None or noun.lemma_.lower() not in _EVENT_NOUNS:
        return None
    name = f"{groups[owner].name} {noun.lemma_.lower()} in {groups[place].name}"
    key = f"event:{normalise_name(name)}"
    group = groups.setdefault(key, EntityGroup(key=key, type="EVENT", name=name))
    group.surfaces[name] += 1
    group.labels["EVENT"] += 1
    group.spans.append((noun.i, noun.i + 1, "gazetteer"))
    doc._.ng_tokens.setdefault(noun.i, key)
    return key


def locate(doc: Doc, sent: Iterable[Token], kb: KnowledgeBase) -> Iterator[Found]:
    """locatedIn relations in one sentence."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in PLACE_NOUNS:
            places = _place_objects(doc, tok)
            if not places and tok.dep_ in {"nsubjpass", "nsubj"} and tok.head.lemma_ in {
                "hold", "take", "convene", "open"
            }:
                places = _place_objects(doc, tok.head)
            for place in places:
                event = _event_for(doc, tok, place)
                if event is not None:
                    yield (event, "locatedIn", place, tok, "located-event", 0.85, None)
        elif tok.pos_ == "VERB" and lemma in _BASE_VERBS and lemma not in {"hold", "host"}:
            for subj in _clause_subjects(doc, tok):
                if _type(doc, subj) in {"ORG", "FAC", "EVENT"}:
                    for place in _place_objects(doc, tok):
                        yield (subj, "locatedIn", place, tok, "located-base", 0.85, None)
        elif (tok.dep_ == "prep" and tok.lower_ in {"of", "in", "at"}
              and (org := entity_key(doc, tok.head)) is not None and _type(doc, org) == "ORG"):
            for obj in (c for c in tok.children if c.dep_ == "pobj"):
                where = entity_key(doc, obj)
                if where and where != org and _type(doc, where) == "GPE":
                    yield (org, "locatedIn", where, tok, "located-org", 0.75, None)
        elif tok.dep_ == "appos" and tok.head.i < tok.i and not _listed(doc, tok):
            city, country = entity_key(doc, tok.head), entity_key(doc, tok)
            if city and country and city != country and _type(doc, city) == "GPE":
                entry = kb.by_id(country)
                if entry is not None and entry.id.startswith(("country:", "region:")):
                    yield (city, "locatedIn", country, tok, "located-appos", 0.9, None)


def _listed(doc: Doc, tok: Token) -> bool:
    """Whether "CITY, PLACE" is part of a list, not a place and its country: "Washington,
    D.C.; Hawaii", "Sierra Leone, Mali and Guinea" (only a comma may stand between)."""
    between = [t.text for t in doc[tok.head.i + 1 : tok.left_edge.i]]
    return between != [","] or bool(tok.conjuncts)


def contained(doc: Doc, kb: KnowledgeBase) -> Iterator[Found]:
    """locatedIn(city, country) when an article names both and the knowledge base links them.

    A knowledge-base fact (rule "located-kb", `graph.rdf.provenance.KB_RULES`): the span is the
    first sentence naming the city, which is only what brought the fact in; the graph writes
    the fact as derived from the knowledge base, with no article evidence.
    """
    groups: dict[str, EntityGroup] = doc._.ng_entities
    for key, group in sorted(groups.items()):
        entry = group.kb
        if entry is None or not entry.id.startswith("city:") or not entry.country:
            continue
        country = f"country:{entry.country}"
        if country not in groups:
            continue
        named = sorted(start for start, _end, how in group.spans if how != "coref")
        if named:
            yield (key, "locatedIn", country, doc[named[0]], "located-kb", 0.5, None)
