"""Posts stated by a verb of leading: "X, who heads the UN mission", "the council, led by X".

News often gives a post with a verb instead of a title: "Jane Roe, who chairs the committee",
"the Transitional Council, now led by Colonel X", "X runs the agency". The verb's person holds
a post at the organisation (or country) led; the verb gives the title. A person or a place
led is no post ("led Germany to victory" is sport, "leads Biden in the polls" a race), so only
organisations count, and countries only for "rule" and "govern".

Rule id ``post-verb``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from extract.arguments import children, entity_key
from extract.entities import EntityGroup
from extract.stance_rules import Found

__all__ = ["post_verb_relations"]

#: Verbs of leading and the title each gives.
_TITLES = {"lead": "Leader", "head": "Head", "chair": "Chair", "run": "Head",
           "command": "Commander", "direct": "Director", "rule": "Ruler", "govern": "Head"}
#: Verbs whose object may be a country ("ruled Libya for four decades").
_OVER_COUNTRIES = frozenset({"rule", "govern"})


def _led(doc: Doc, tok: Token, lemma: str) -> str | None:
    """The organisation a token names, if it can be led by a person with this verb."""
    key = entity_key(doc, tok)
    groups: dict[str, EntityGroup] = doc._.ng_entities
    if key is None:
        return None
    kind = groups[key].type
    return key if kind == "ORG" or (kind == "GPE" and lemma in _OVER_COUNTRIES) else None


def _person(doc: Doc, tok: Token) -> str | None:
    key = entity_key(doc, tok)
    groups: dict[str, EntityGroup] = doc._.ng_entities
    return key if key is not None and groups[key].type == "PERSON" else None


def post_verb_relations(doc: Doc, sent: Iterable[Token]) -> Iterator[Found]:
    """holdsPost from verbs of leading in one sentence (see module doc)."""
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _TITLES or verb.tag_ == "VBG":
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        passive = children(verb, "agent")
        if passive:  # "the council, led by General X"
            people = [p for a in passive for o in children(a, "pobj") if (p := _person(doc, o))]
            orgs = [k for s in children(verb, "nsubjpass") if (k := _led(doc, s, lemma))]
            if verb.dep_ == "acl" and (k := _led(doc, verb.head, lemma)):
                orgs.append(k)
        else:  # "X, who heads the UN mission", "X runs the agency"
            subj = children(verb, "nsubj")
            if subj and subj[0].lower_ == "who" and verb.dep_ == "relcl":
                people = [p for p in [_person(doc, verb.head)] if p]
            else:
                people = [p for s in subj if (p := _person(doc, s))]
            orgs = [k for o in children(verb, "dobj") if not _counted(o)
                    and ((k := _led(doc, o, lemma)) or (k := _owner(doc, o, lemma)))]
        for person in people:
            for org in orgs:
                yield (person, "holdsPost", org, verb, "post-verb", 0.75, _TITLES[lemma])


def _owner(doc: Doc, noun: Token, lemma: str) -> str | None:
    """The organisation that owns a led unit: "heads the UN's mission in Haiti" (not "led
    the House impeachment inquiry")."""
    for child in noun.children:
        if child.dep_ == "poss" and (k := _led(doc, child, lemma)):
            return k
    return None


def _counted(noun: Token) -> bool:
    """Whether a led group is counted, so some of its members: "led a dozen House Democrats"."""
    return any(t.dep_ in {"nummod", "quantmod"} or t.lower_ in {"dozen", "dozens", "several"}
               for t in noun.subtree if t.i < noun.i)
