"""Coreference inside one article: pronouns and definite descriptions -> entities.

Rules, applied after :mod:`extract.entities`:

- "the alliance", "the bloc", "the 27-member bloc": a generic alias in the knowledge base,
  resolved to the candidate organisation the article already names (most mentions wins);
- "members of the bloc", "NATO members", "the allies": the organisation, when they act;
- "the Secretary General": the person in the article who holds that post;
- "he", "she", "his", "her": the most recent person that was a clause subject (same sentence
  first, then the two sentences before), never a person inside a quote;
- "they", "their": the most recent plural subject (coordinated entities, or an organisation's
  members).

Each resolved mention is added to ``doc._.ng_tokens`` with source ``coref``; the chains are kept
in ``doc._.ng_coref`` as (token index, entity key, antecedent token index).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.entities import EntityGroup
from extract.firstnames import given_name_gender
from extract.guard import run_guarded
from extract.kb import KnowledgeBase, load_kb
from extract.triggers import MEMBER_NOUNS

__all__ = ["resolve_coreference"]

if not Doc.has_extension("ng_coref"):
    Doc.set_extension("ng_coref", default=None)

_SINGULAR = frozenset({"he", "she", "him", "his", "her", "hers"})
_PLURAL = frozenset({"they", "them", "their"})
_GENERIC_HEADS = frozenset({
    "alliance", "bloc", "union", "organization", "organisation", "coalition", "group",
    "pentagon", "kremlin", "commission", "council", "assembly",
})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


_QUOTE_MARKS = frozenset({'"', "“", "”"})


def _quoted_mask(sent_tokens: list[Token]) -> list[bool]:
    """For each token of a sentence: does it stand inside a quotation?"""
    mask: list[bool] = []
    inside = False
    for tok in sent_tokens:
        mask.append(inside)
        if tok.text in _QUOTE_MARKS:
            inside = not inside
    return mask


def _generic_target(doc: Doc, tok: Token, kb: KnowledgeBase) -> str | None:
    groups: dict[str, EntityGroup] = doc._.ng_entities
    phrase = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "poss")
    cands = [e for e in kb.generic(phrase) if e.id in groups]
    if not cands and tok.lower_ in {"alliance", "bloc"}:
        cands = [e for e in kb.generic(f"the {tok.lower_}") if e.id in groups]
    if not cands:
        return None
    best = max(cands, key=lambda e: (sum(groups[e.id].surfaces.values()), e.id))
    return best.id


def _post_holder(doc: Doc, tok: Token) -> str | None:
    """'the Secretary General' -> the one person in the article with that post."""
    words = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.lower_ != "the").lower()
    holders = {p.person for p in doc._.ng_posts or () if p.title.lower() == words}
    return holders.pop() if len(holders) == 1 else None


_HEAD_NOUNS = frozenset({"head", "chief", "leader", "boss", "director", "chairman", "chair"})
_STOP = frozenset({"of", "the", "for", "and", "department", "ministry", "office", "u.s.", "us"})


def _head_of(doc: Doc, tok: Token) -> str | None:
    """'the head of the Pentagon' -> the one person in the article whose post is there.

    A post counts when it is at that organisation, or (for a ministry) when its title shares a
    word with the organisation's names and it is held in the organisation's country ("Secretary
    of Defense" of the United States heads the Pentagon).
    """
    tokens: dict[int, str] = doc._.ng_tokens
    groups: dict[str, EntityGroup] = doc._.ng_entities
    orgs = [tokens[o.i] for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" and o.i in tokens]
    if len(orgs) != 1 or groups[orgs[0]].type != "ORG":
        return None
    org = groups[orgs[0]]
    names = {w.lower() for n in (org.name, *(org.kb.aliases if org.kb else ())) for w in n.split()}
    country = f"country:{org.kb.country}" if org.kb and org.kb.country else None
    holders = {p.person for p in doc._.ng_posts or ()
               if p.of == org.key or (p.of == country and p.of is not None
                                      and (set(p.title.lower().split()) - _STOP) & names)}
    return holders.pop() if len(holders) == 1 else None


def resolve_coreference(doc: Doc, kb: KnowledgeBase) -> Doc:
    """Add coreferent mentions to ``doc._.ng_tokens`` and record chains in ``doc._.ng_coref``."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups: dict[str, EntityGroup] = doc._.ng_entities
    chains: list[tuple[int, str, int]] = []
    plural: dict[int, list[str]] = {}
    recent_people: list[tuple[int, str]] = []  # (token index, key) of person subjects
    mentioned: list[tuple[int, str]] = []  # (token index, key) of any person mention
    recent_plural: list[tuple[int, list[str]]] = []  # (token index, keys) of plural subjects
    for sent in doc.sents:
        sent_tokens = list(sent)
        quoted = _quoted_mask(sent_tokens)
        here = [(t, tokens[t.i]) for n, t in enumerate(sent_tokens)
                if t.dep_ in _SUBJECT_DEPS and t.i in tokens and not quoted[n]
                and groups[tokens[t.i]].type == "PERSON"]
        for n, tok in enumerate(sent_tokens):
            if tok.i in tokens:
                continue
            low = tok.lower_
            key: str | None = None
            if tok.pos_ in {"NOUN", "PROPN"} and low in _GENERIC_HEADS and _has_det(tok):
                key = _generic_target(doc, tok, kb)
            elif tok.pos_ in {"NOUN", "PROPN"} and low in _HEAD_NOUNS and _has_det(tok):
                key = _head_of(doc, tok)
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.text[:1].isupper() and _has_det(tok):
                key = _post_holder(doc, tok)
            if key is None and low in MEMBER_NOUNS and tok.dep_ in _SUBJECT_DEPS:
                key = _members_of(doc, tok, kb)
            if key is not None:
                tokens[tok.i] = key
                groups[key].spans.append((tok.i, tok.i + 1, "coref"))
                chains.append((tok.i, key, -1))
                continue
            pron = tok.pos_ == "PRON" and not quoted[n]
            people = recent_people + [
                (t.i, k) for t, k in here if t.i < tok.i and t.head != tok.head
            ] if pron and low in _SINGULAR else []
            people = [(i, k) for i, k in people if _agrees(groups[k], low)]
            if not people and pron and low in _SINGULAR:  # "met Margaret Hodge. She said"
                people = [(i, k) for i, k in mentioned
                          if i < tok.i and _agrees(groups[k], low, strict=True)]
            if people:
                ante, key = people[-1]
                if tok.i - ante < 80:
                    tokens[tok.i] = key
                    groups[key].spans.append((tok.i, tok.i + 1, "coref"))
                    chains.append((tok.i, key, ante))
            elif low in _PLURAL and pron and recent_plural:
                ante, keys = recent_plural[-1]
                if tok.i - ante < 80:
                    plural[tok.i] = keys
                    chains.extend((tok.i, k, ante) for k in keys)
        mentioned.extend((t.i, tokens[t.i]) for n, t in enumerate(sent_tokens)
                         if t.i in tokens and not quoted[n]
                         and groups[tokens[t.i]].type == "PERSON")
        for n, tok in enumerate(sent_tokens):
            if tok.dep_ in _SUBJECT_DEPS and not quoted[n]:
                keys = [tokens[t.i] for t in [tok, *tok.conjuncts] if t.i in tokens]
                keys = list(dict.fromkeys(keys))
                if len(keys) == 1 and groups[keys[0]].type == "PERSON":
                    recent_people.append((tok.i, keys[0]))
                if len(keys) > 1 or (tok.lower_ in MEMBER_NOUNS and keys):
                    recent_plural.append((tok.i, keys))
                elif tok.i in plural:
                    recent_plural.append((tok.i, plural[tok.i]))
    doc._.ng_coref = chains
    doc._.ng_plural = plural
    return doc


def _agrees(group: EntityGroup, pronoun: str, *, strict: bool = False) -> bool:
    """Whether a person may be "he" or "she", judged by a clearly gendered given name.

    A person whose given name says nothing agrees with both, unless ``strict``.
    """
    gender = given_name_gender(group.name.split()[0]) if group.name else None
    if gender not in {"m", "f"}:
        return not strict
    return gender == ("m" if pronoun in _MASCULINE else "f")


_MASCULINE = frozenset({"he", "him", "his"})


def _has_det(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _members_of(doc: Doc, tok: Token, kb: KnowledgeBase) -> str | None:
    """'The members of the bloc' / 'NATO members' acting as subject -> the organisation."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups: dict[str, EntityGroup] = doc._.ng_entities
    for child in tok.children:
        if child.dep_ == "compound" and child.i in tokens and groups[tokens[child.i]].type == "ORG":
            return tokens[child.i]
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.i in tokens and groups[tokens[obj.i]].type == "ORG":
                    return tokens[obj.i]
                if obj.dep_ == "pobj" and obj.lower_ in _GENERIC_HEADS:
                    found = _generic_target(doc, obj, kb)
                    if found is not None:
                        tokens[obj.i] = found
                        groups[found].spans.append((obj.i, obj.i + 1, "coref"))
                        return found
    return None


if not Doc.has_extension("ng_plural"):
    Doc.set_extension("ng_plural", default=None)


@Language.factory(
    "newsgraph_coref",
    default_config={"kb_paths": []},
    requires=["doc._.ng_entities"],
    assigns=["doc._.ng_coref", "doc._.ng_plural", "doc._.ng_tokens", "doc._.ng_entities"],
)
def make_coref(nlp: Language, name: str, kb_paths: list[str]) -> Any:
    """Pipeline component: resolve pronouns and descriptions (see module doc)."""
    kb = load_kb(tuple(kb_paths))

    def component(doc: Doc) -> Doc:
        return run_guarded(name, doc, lambda d: resolve_coreference(d, kb), _no_coreference)

    return component


def _no_coreference(doc: Doc) -> None:
    doc._.ng_coref, doc._.ng_plural = [], {}
