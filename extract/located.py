"""Places the text puts inside other places.

News names where a place is in a few fixed shapes, each read here from the dependency parse:

- a kind noun in apposition: "Juba, South Sudan's capital", "Canberra, the Australian capital",
  "Tikrit, a city in Iraq";
- a kind noun with "of": "the Santiago suburb of Maipu", "the Chilean port city of Puerto
  Varda", "the town of Kidal in Mali";
- a possessive: "Ouaddai's Guera hills", "Australia's New South Wales", "Chad's Ouaddai region";
- a kind noun placed "in" another place: "the Tel Qaram village in the Hama province".

A name the text gives a place kind ("the town of el-Maraq", "the Tel Qaram village") is
a place even where the model typed it a person or an organisation (`retype_named_places`).

A pair is kept only when it can be a containment: a country or continent is never inside
another place, a city never contains a city or a region, and two places the knowledge base
puts in different countries are not nested.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from extract.arguments import entity_key
from extract.entities import EntityGroup
from extract.patterns import Found

__all__ = ["KIND_NOUNS", "nested_places", "retype_named_places"]

#: Nouns that name the kind of a place ("the port city of X", "X, the capital").
KIND_NOUNS = frozenset({
    "capital", "city", "town", "village", "province", "region", "state", "suburb", "district",
    "county", "port", "island", "neighborhood", "neighbourhood", "enclave", "governorate",
    "municipality", "territory", "oblast", "prefecture", "area", "hamlet",
})

_PLACE = frozenset({"GPE", "LOC", "FAC"})
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _named(doc: Doc, noun: Token, deps: frozenset[str]) -> list[str]:
    """Entity keys of ``noun`` itself or of its modifiers with one of ``deps``."""
    own = entity_key(doc, noun)
    if own is not None:
        return [own]
    return [k for c in noun.children if c.dep_ in deps and (k := entity_key(doc, c)) is not None]


def _in_place(doc: Doc, noun: Token) -> list[str]:
    """Places a noun is put "in": "village in the Aleppo province", "town in Darfur"."""
    out: list[str] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.i in doc._.ng_tokens
                                           or obj.lemma_.lower() in KIND_NOUNS):
                    out.extend(_named(doc, obj, _OWNER_DEPS))
    return out


def _pairs(doc: Doc, tok: Token) -> Iterator[tuple[str, str]]:
    """(inner, outer) candidates anchored at one token."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in KIND_NOUNS:
        groups: dict[str, EntityGroup] = doc._.ng_entities
        owners = _named(doc, tok, _OWNER_DEPS) + _in_place(doc, tok)
        if tok.i > 1 and doc[tok.i - 1].tag_ == "POS" and (k := entity_key(doc, doc[tok.i - 2])):
            owners.append(k)  # "South Sudan's capital" parsed with the owner elsewhere
        if tok.dep_ == "appos" and (inner := entity_key(doc, tok.head)) is not None:
            owners += [k for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj" and (k := entity_key(doc, o))]
            for outer in owners:
                yield inner, outer  # "Juba, South Sudan's capital"
        of_places = [k for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and (k := entity_key(doc, o))]
        named_with = [k for k in _named(doc, tok, _OWNER_DEPS) if groups[k].type == "GPE"]
        if tok.tag_ == "NN":  # "the town of X in Y", not "the towns of X in Y and Z in W"
            named_with += _in_place(doc, tok)
        for inner in of_places if tok.lower_ != "suburbs" else ():  # "the Virginia suburbs of X"
            for outer in named_with:
                yield inner, outer  # "the Santiago suburb of Maipu", not "the Atlantic city"
        named = [k for c in tok.children if c.dep_ == "compound" and (k := entity_key(doc, c))]
        for inner in named:
            for outer in _in_place(doc, tok) + [
                    k for c in tok.children if c.dep_ == "poss" and (k := entity_key(doc, c))]:
                yield inner, outer  # "the Tel Qaram village in the Hama province"
    elif tok.dep_ == "poss" and (owner := entity_key(doc, tok)) is not None:
        held = entity_key(doc, tok.head)
        if held is not None and doc._.ng_entities[held].type in {"GPE", "LOC"}:
            yield held, owner  # "Ouaddai's Guera hills", not "Paris's Rome Embassy"


#: Kind nouns that make their name a settlement: "the town of X", "the X village".
_SETTLEMENTS = frozenset({"city", "town", "village", "suburb", "hamlet", "neighborhood",
                          "neighbourhood", "province", "district", "governorate"})


def retype_named_places(doc: Doc) -> None:
    """Type as GPE the entities named as a settlement ("the town of X", "the X village")
    that the model typed PERSON or ORG and the knowledge base does not know."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    for tok in doc:
        if (tok.pos_ != "NOUN" or tok.lemma_.lower() not in _SETTLEMENTS
                or tok.dep_ == "compound"):
            continue
        named = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"]
        if tok.i > 0 and doc[tok.i - 1].dep_ == "compound" and doc[tok.i - 1].head == tok:
            named.append(doc[tok.i - 1])
        for name in named:
            key = entity_key(doc, name)
            group = groups.get(key) if key is not None else None
            if group is not None and group.kb is None and group.type in {"PERSON", "ORG"}:
                group.type = "GPE"


def _may_contain(groups: dict[str, EntityGroup], inner: str, outer: str) -> bool:
    """Whether place ``inner`` can lie inside place ``outer``."""
    if inner == outer or inner not in groups or outer not in groups:
        return False
    gi, go = groups[inner], groups[outer]
    if gi.type not in _PLACE or go.type not in {"GPE", "LOC"}:
        return False
    ei, eo = gi.kb, go.kb
    kind_i = ei.id.split(":", 1)[0] if ei is not None else ""
    kind_o = eo.id.split(":", 1)[0] if eo is not None else ""
    if kind_i in {"country", "continent"} or kind_o == "continent":
        return False
    if kind_o == "city" and kind_i in {"city", "region"}:
        return False
    if ei is not None and eo is not None and ei.country and eo.country:
        return bool(ei.country == eo.country)
    return True


def nested_places(doc: Doc, sent: Iterable[Token]) -> Iterator[Found]:
    """locatedIn relations of one sentence from the shapes above."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    seen: set[tuple[str, str]] = set()
    for tok in sent:
        for inner, outer in _pairs(doc, tok):
            if (inner, outer) not in seen and _may_contain(groups, inner, outer):
                seen.add((inner, outer))
                yield (inner, "locatedIn", outer, tok, "located-kind", 0.85, None)
