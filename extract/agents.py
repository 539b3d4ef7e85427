"""Who a group noun or an agent noun stands for: "the Sudanese government", "U.S. officials",
"officials of Hungary", "Moscow's negotiators", "a spokesperson for Kerry", "the Obama
administration" (the country whose president Obama is).

A state or city named with a member of a legislature is the member's seat, not a body the
member acts for ("the Ohio lawmaker"); "Syrian opposition forces" do not act for Syria.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.descriptions import has_det
from extract.entities import EntityGroup

__all__ = ["SPOKES_NOUNS", "agent_of"]

#: Modifiers of a group noun that set it against the state named with it.
_AGAINST_STATE = frozenset({"opposition", "rebel", "dissident", "exile", "exiled",
                            "anti-government", "insurgent", "separatist"})

#: Nouns for members of a legislature: a state or city named with them is their seat ("the
#: Ohio lawmaker", "a Texas congressman"), not a body they act for ("U.S. lawmakers" act for
#: their country).
_SEAT_NOUNS = frozenset({"lawmaker", "legislator", "congressman", "congresswoman", "senator",
                         "representative", "assemblyman", "assemblywoman"})

#: Nouns for one person sent by a country, or by a person who does not act through them.
_ENVOY_NOUNS = frozenset({"envoy", "diplomat", "negotiator", "representative", "official",
                          "counterpart", "aide", "adviser", "advisor", "lawyer"})

#: Nouns for one who speaks for someone: "a spokesperson for Kerry" acts for Kerry.
#: Nouns for one who speaks for a body ("a spokeswoman for the ministry").
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def agent_of(doc: Doc, noun: Token) -> list[str]:
    """Who a group noun stands for: "the Sudanese government", "U.S. officials", "officials
    of Hungary and Romania", "Moscow's negotiators", "a spokesperson for Kerry"."""
    tokens: dict[int, str] = doc._.ng_tokens
    keys: list[str] = []
    if any(c.lemma_.lower() in _AGAINST_STATE for c in noun.children):
        return keys  # "Syrian opposition forces" do not act for Syria
    if noun.lemma_.lower() == "administration":
        return _administration(doc, noun)
    seat = noun.lemma_.lower() in _SEAT_NOUNS
    for child in noun.children:
        if (child.dep_ in {"compound", "amod", "nmod"} and child.i not in tokens
                and child.lower_ == "administration"):  # "(Trump) administration officials"
            keys.extend(_administration(doc, child, described=True))
            continue
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and child.i in tokens:
            keys.extend(tokens[t.i] for t in [child, *child.conjuncts] if t.i in tokens)
        elif child.dep_ == "prep" and (child.lower_ in {"of", "from"} or (
                child.lower_ == "for" and noun.lemma_.lower() in SPOKES_NOUNS)):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                keys.extend(tokens[t.i] for t in [obj, *obj.conjuncts] if t.i in tokens)
    groups: dict[str, EntityGroup] = doc._.ng_entities
    if seat:  # "the Florida lawmaker" has a seat there and does not act for it
        keys = [k for k in keys if not _subnational(groups[k])]
    if noun.lemma_.lower() in _ENVOY_NOUNS:  # "Trump's envoy met X", "Trump officials met X":
        keys = [k for k in keys if groups[k].type != "PERSON"]  # not Trump himself
    return keys


def _subnational(g: EntityGroup) -> bool:
    """A state, province or city: a place inside a country."""
    return g.kb is not None and g.kb.id.startswith(("region:", "city:"))


def _administration(doc: Doc, noun: Token, described: bool = False) -> list[str]:
    """The country an administration governs: "the Obama administration" is the country
    whose president Obama is; "the administration" that of the one president the article
    names with a country; "the U.S. administration" the United States. ``described``: the
    word describes someone ("administration officials"), so it needs no "the"."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups = doc._.ng_entities
    named = [tokens[c.i] for c in noun.children
             if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i in tokens]
    places = [k for k in named if groups[k].type == "GPE"]
    if places or (named and not any(groups[k].type == "PERSON" for k in named)):
        return places
    heads = {p.person: p.of for p in doc._.ng_posts or ()
             if p.of is not None and not p.ended and p.title.lower() == "president"
             and groups[p.of].type == "GPE"}
    if named:  # "the Obama administration": his country, else (no post known) the person
        return [heads.get(k, k) for k in named][:1]
    countries = set(heads.values())
    return [countries.pop()] if len(countries) == 1 and (described or has_det(noun)) else []
