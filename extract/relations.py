"""Relations between entities: candidates from the rules, turned into graph relations.

Rule families, each tagged with an id that ends up in the graph:

- ``verb``, ``verb-pair``, ``verb-threat``, ``noun``, ``noun-pair``, ``quote``: trigger words
  and their dependency patterns (:mod:`extract.patterns`, arguments found by
  :mod:`extract.arguments`);
- ``post-title`` / ``post-appos`` / ``post-former``: holdsPost from titles (see
  :mod:`extract.posts`), ``post-verb`` from verbs of leading (:mod:`extract.post_verbs`);
- ``member``: "Poland is a member of NATO", "Finland joined the alliance";
- ``located``: "the summit in Madrid", "headquartered in Brussels", "Vilnius, Lithuania"
  (both in :mod:`extract.events`), and places inside places: "the Paris suburb of
  Maipu", "Kisumu, Kenya's third city" (:mod:`extract.located`).

Each candidate then becomes a :class:`~extract.facts.Relation`: a capital acting stands for its
country ("Moscow rejected" -> Russia), symmetric relations are ordered, the assertion state
comes from :func:`extract.assertion.assess` and duplicates keep their most confident reading.
CAMEO and PLOVER codes are not set here: the build takes them from the ontology.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.arguments import args_of
from extract.assertion import assess
from extract.entities import EntityGroup
from extract.events import contained, locate, membership
from extract.facts import Relation
from extract.guard import run_guarded
from extract.kb import KnowledgeBase, load_kb
from extract.located import nested_places, retype_named_places
from extract.merging import add_kb_entity
from extract.own_words import first_person_tokens, own_words_relations
from extract.parties import party_memberships
from extract.patterns import Found, post_relations, sentence_relations
from extract.post_verbs import post_verb_relations
from extract.sentences import sentence_of
from extract.triggers import SYMMETRIC

__all__ = ["Found", "args_of", "extract_relations"]

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=None)

#: Predicates whose arguments are places, posts or memberships, not actors of an event.
_NON_ACTOR = frozenset({"locatedIn", "holdsPost", "memberOf"})


#: Predicates no first-person word in a quotation is an argument of: a speaker's "I" takes
#: nothing from their saying it or from the post named with their name.
_OWN_WORDS_FREE = _NON_ACTOR | {"said"}
#: Stances taken by saying so: one's own words stating them are the stance itself.
_SPEECH_ACTS = frozenset({"criticized", "accused", "supports", "rejected", "namedAsThreat",
                          "threatened"})


def extract_relations(doc: Doc, kb: KnowledgeBase) -> list[Relation]:
    """All relations of ``doc`` (entities and coreference must already be resolved)."""
    retype_named_places(doc)
    found: list[Found] = list(post_relations(doc))
    for sent in doc.sents:
        tokens = list(sent)
        found.extend(sentence_relations(doc, sent, tokens))
        found.extend(membership(doc, tokens))
        found.extend(locate(doc, tokens, kb))
        found.extend(nested_places(doc, tokens))
        found.extend(post_verb_relations(doc, tokens))
    found.extend(own_words_relations(doc, found, sentence_relations))
    found.extend(contained(doc, kb))
    found.extend(party_memberships(doc))
    return _to_relations(doc, found, kb)


def _actor(doc: Doc, key: str | None, kb: KnowledgeBase) -> str | None:
    """The country a capital stands for as an actor ("Moscow rejected" -> Russia)."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    group = groups.get(key) if key is not None else None
    if group is None or group.kb is None or group.kb.type != "GPE":
        return key
    stands_for = group.kb.metonym_of or group.kb.capital_of
    country = kb.by_id(stands_for) if stands_for else None
    return key if country is None else add_kb_entity(groups, country)


def _coref_notes(doc: Doc, sent: Any, keys: set[str | None]) -> tuple[str, ...]:
    """How coreference tied mentions of this sentence to the relation's arguments."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    notes: list[str] = []
    for i, key, ante in doc._.ng_coref or ():
        if sent.start <= i < sent.end and key in keys:
            after = f" (after: {doc[ante].text})" if ante >= 0 else ""
            notes.append(f"{doc[i].text} = {groups[key].name}{after}")
    return tuple(dict.fromkeys(notes))


def _to_relations(doc: Doc, found: list[Found], kb: KnowledgeBase) -> list[Relation]:
    tokens: dict[int, str] = doc._.ng_tokens
    resolved: dict[int, set[str]] = {}
    for i, key, _a in doc._.ng_coref or ():
        resolved.setdefault(i, set()).add(key)
    for i, keys in (doc._.ng_plural or {}).items():
        resolved.setdefault(i, set()).update(keys)
    first_person = first_person_tokens(doc)
    out: dict[tuple[Any, ...], Relation] = {}
    for subj, pred, obj, trig, rule, conf, value in found:
        if pred not in _NON_ACTOR:
            subj, obj = _actor(doc, subj, kb) or subj, _actor(doc, obj, kb)
            if subj == obj:
                continue
        if pred in SYMMETRIC and obj is not None and obj < subj:
            subj, obj = obj, subj
        sent = sentence_of(trig)
        state = assess(trig)
        if pred == "holdsPost" or rule in {"located-kb", "member-party", "noun-ally-named",
                                        "noun-agent-named"}:
            # a title ("Moscow's ally Belarus") states a fact about its holder, whoever reports
            # it; where a city lies does not depend on what the sentence naming it says
            state = replace(state, polarity="asserted", modality="fact", attributed_to=None)
        elif pred == "said":  # only the verb of speaking itself can deny the saying
            negated = any(c.dep_ == "neg" for c in trig.children)
            state = replace(state, polarity="negated" if negated else "asserted")
        src = tokens.get(state.attributed_to.i) if state.attributed_to is not None else None
        if src == subj and pred in _SPEECH_ACTS and state.modality == "reported":
            state = replace(state, modality="fact")  # '"I oppose it," X said': X's own stance
        # coreference lowers confidence where it resolved an argument of this statement
        uses_coref = any(resolved.get(t.i, set()) & {subj, obj} for t in sent
                         if not (t.i in first_person and pred in _OWN_WORDS_FREE))
        rel = Relation(
            subject=subj, predicate=pred, obj=obj, value=value,
            sentence=sent.text.strip(),
            start=sent.start_char, end=sent.end_char,
            trigger=trig.text, rule=rule,
            confidence=round(conf * (0.9 if uses_coref else 1.0)
                             * (0.85 if state.modality == "hedged" else 1.0), 2),
            polarity=state.polarity, modality=state.modality,
            attributed_to=src if src != subj else None, ended=rule == "post-former",
        )
        rel = replace(rel, coreference=_coref_notes(doc, sent, {subj, obj}))
        key = (subj, pred, obj, value, rel.start, rel.polarity)
        if key not in out or out[key].confidence < rel.confidence:
            out[key] = rel
    return sorted(out.values(), key=lambda r: (r.start, r.predicate, r.subject, r.obj or ""))


@Language.factory(
    "newsgraph_relations",
    default_config={"kb_paths": []},
    requires=["doc._.ng_entities"],
    assigns=["doc._.ng_relations"],
)
def make_relations(nlp: Language, name: str, kb_paths: list[str]) -> Any:
    """Pipeline component: fill ``doc._.ng_relations`` (see module doc)."""
    kb = load_kb(tuple(kb_paths))

    def component(doc: Doc) -> Doc:
        def rules(doc: Doc) -> Doc:
            doc._.ng_relations = extract_relations(doc, kb)
            return doc

        return run_guarded(name, doc, rules, _no_relations)

    return component


def _no_relations(doc: Doc) -> None:
    doc._.ng_relations = []
