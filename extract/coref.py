"""Coreference inside one article: pronouns and definite descriptions -> entities.

Rules, applied after :mod:`extract.entities`:

- descriptions ("the alliance", "members of the bloc", "the head of the Pentagon", "the
  president", "the U.S. president"): see :mod:`extract.descriptions`;
- "he", "she", "his", "her": the most recent person that was a clause subject (same sentence
  first, then the two sentences before), never a person inside a quote, and for "him" or
  "her" as an object never the subject of its own clause; the subject of a verb
  of speaking ("..., he said") skips people named inside what a speaker was reported to say
  ("Smith said that Jones had left. ..., he said" is Smith);
- "it", "its": the country or organisation that reports them ("Japan said it had halted
  aid");
- "they", "their": the coordinated subject of the verb that reports them ("X and Y said they
  would ..."), else the most recent plural subject (coordinated entities, or an
  organisation's members).

Each resolved mention is added to ``doc._.ng_tokens`` with source ``coref``; the chains are kept
in ``doc._.ng_coref`` as (token index, entity key, antecedent token index).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.descriptions import (
    GENERIC_HEADS,
    HEAD_NOUNS,
    generic_target,
    has_det,
    head_of,
    members_of,
    named_group,
    post_holder,
)
from extract.entities import EntityGroup
from extract.firstnames import given_name_gender
from extract.guard import run_guarded
from extract.kb import KnowledgeBase, load_kb
from extract.quotes import DOUBLE_QUOTES, quoted_mask
from extract.spokespeople import spoken_for
from extract.triggers import AGENT_NOUNS, MEMBER_NOUNS, SPEECH_VERBS

__all__ = ["resolve_coreference"]

if not Doc.has_extension("ng_coref"):
    Doc.set_extension("ng_coref", default=None)

_SINGULAR = frozenset({"he", "she", "him", "his", "her", "hers"})
_PLURAL = frozenset({"they", "them", "their"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def resolve_coreference(doc: Doc, kb: KnowledgeBase) -> Doc:
    """Add coreferent mentions to ``doc._.ng_tokens`` and record chains in ``doc._.ng_coref``."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups: dict[str, EntityGroup] = doc._.ng_entities
    chains: list[tuple[int, str, int]] = []
    plural: dict[int, list[str]] = {}
    recent_people: list[tuple[int, str]] = []  # (token index, key) of person subjects
    mentioned: list[tuple[int, str]] = []  # (token index, key) of any person mention
    recent_plural: list[tuple[int, list[str]]] = []  # (token index, keys) of plural subjects
    reported: set[int] = set()  # person subjects inside what a speaker is reported to say
    for sent in doc.sents:
        sent_tokens = list(sent)
        quoted = quoted_mask(sent_tokens)
        here = [(t, tokens[t.i]) for n, t in enumerate(sent_tokens)
                if t.dep_ in _SUBJECT_DEPS and t.i in tokens and not quoted[n]
                and groups[tokens[t.i]].type == "PERSON"]
        for n, tok in enumerate(sent_tokens):
            if tok.i in tokens:
                if _party_member(tok, groups[tokens[tok.i]]):
                    member = _member_named(tok, tokens, groups, recent_people)
                    if member is not None:
                        _rekey(tok, tokens, groups, member[1])  # "the Ohio Republican said"
                        chains.append((tok.i, member[1], member[0]))
                    elif has_det(tok) and tok.dep_ in _SUBJECT_DEPS:
                        del tokens[tok.i]  # one member, unknown: never the party itself
                continue
            low = tok.lower_
            key: str | None = None
            if tok.pos_ in {"NOUN", "PROPN"} and low in GENERIC_HEADS and has_det(tok):
                key = generic_target(doc, tok, kb)
            elif tok.pos_ in {"NOUN", "PROPN"} and low in HEAD_NOUNS and has_det(tok):
                key = head_of(doc, tok)
            elif tok.pos_ in {"NOUN", "PROPN"} and has_det(tok):
                key = post_holder(doc, tok) or spoken_for(doc, tok)
            if key is None and low in MEMBER_NOUNS and tok.dep_ in _SUBJECT_DEPS:
                key = members_of(doc, tok, kb)
            if key is not None:
                tokens[tok.i] = key
                groups[key].spans.append((tok.i, tok.i + 1, "coref"))
                chains.append((tok.i, key, -1))
                continue
            if recent_plural and not quoted[n] and (
                    group := named_group(tok, recent_plural[-1], groups)):
                plural[tok.i] = group  # "X and Y met on Monday. The two leaders agreed ..."
                chains.extend((tok.i, k, recent_plural[-1][0]) for k in group)
                continue
            pron = tok.pos_ == "PRON" and not quoted[n]
            people = recent_people + [
                (t.i, k) for t, k in here if t.i < tok.i and t.head != tok.head
            ] if pron and low in _SINGULAR else []
            people = [(i, k) for i, k in people if _agrees(groups[k], low)]
            reporter = _reporting_person(tok, tokens, groups) if pron and low in {"he", "she"} \
                else None
            if reporter is not None and _agrees(groups[reporter[1]], low):
                people = [reporter]  # "the president has said he is willing to ..."
            if people and (bound := _clause_subjects(tok, tokens)):  # "X talked to him": not X
                people = [(i, k) for i, k in people if k not in bound]
            if not people and pron and low in _SINGULAR:  # "met Margaret Hodge. She said"
                people = [(i, k) for i, k in mentioned
                          if i < tok.i and _agrees(groups[k], low, strict=True)]
            if pron and _speaks(tok):  # '"...," he said': not someone the last speaker named
                people = [(i, k) for i, k in people if i not in reported] or people
            if people:
                ante, key = people[-1]
                if tok.i - ante < 80:
                    tokens[tok.i] = key
                    groups[key].spans.append((tok.i, tok.i + 1, "coref"))
                    chains.append((tok.i, key, ante))
            elif (low in {"it", "its"} and pron
                  and (body := _reporting_body(tok, tokens, groups))):
                tokens[tok.i] = body  # "Japan said it had halted aid"
                groups[body].spans.append((tok.i, tok.i + 1, "coref"))
                chains.append((tok.i, body, -1))
            elif low in _PLURAL and pron and (speakers := _reporting_group(tok, tokens)):
                plural[tok.i] = speakers  # "X and Y said they would oppose it"
                chains.extend((tok.i, k, -1) for k in speakers)
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
                    if _reported(tok, tokens):
                        reported.add(tok.i)
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


def _party_member(tok: Token, group: EntityGroup) -> bool:
    """Whether a party's name is a description of one of its members: "the Ohio Republican
    said", "the New York Democrat", "her fellow Democrat" (a singular noun with "the", a
    possessive or "fellow")."""
    return (tok.lower_ in {"republican", "democrat"} and group.type in {"ORG", "NORP"}
            and tok.tag_ in {"NN", "NNP"} and (has_det(tok) or any(
                c.dep_ == "poss" or c.lower_ == "fellow" for c in tok.children)))


def _member_named(
    tok: Token, tokens: dict[int, str], groups: dict[str, EntityGroup],
    recent: list[tuple[int, str]],
) -> tuple[int, str] | None:
    """The person a party word describes: one named in apposition ("the top Democrat on the
    panel, Sen. X, said"), else, for "the ..." as a subject, the last person subject of the
    last few sentences."""
    for c in tok.children:
        if c.dep_ == "appos" and c.i in tokens and groups[tokens[c.i]].type == "PERSON":
            return c.i, tokens[c.i]
    if (any(c.dep_ == "appos" for c in tok.children) or not recent
            or tok.dep_ not in _SUBJECT_DEPS or not has_det(tok)):
        return None  # "opposed her fellow Democrat": someone, not the one who opposed
    ante, key = recent[-1]
    named = any(c.dep_ in {"compound", "amod"} for c in tok.children)  # "the Ohio Republican"
    span = _unquoted(tok.doc, ante, tok.i) if named else tok.i - ante  # not "the Republican"
    return (ante, key) if span <= _MEMBER_WINDOW else None


#: How far back (in tokens outside quotations) "the Ohio Republican" may refer to the last
#: person subject: 'X said ... . "<a long quotation>," the Ohio Republican said.'
_MEMBER_WINDOW = 50


def _unquoted(doc: Doc, start: int, end: int) -> int:
    """How many tokens between ``start`` and ``end`` lie outside quotation marks."""
    words = list(doc[start:end])
    return sum(1 for tok, inside in zip(words, quoted_mask(words), strict=True)
               if not inside and tok.text not in DOUBLE_QUOTES)


def _rekey(tok: Token, tokens: dict[int, str], groups: dict[str, EntityGroup], key: str) -> None:
    """Make a mention of one entity a coreferent mention of another."""
    old = groups[tokens[tok.i]]
    old.spans = [sp for sp in old.spans if not sp[0] <= tok.i < sp[1]]
    tokens[tok.i] = key
    groups[key].spans.append((tok.i, tok.i + 1, "coref"))


def _reporting_person(pron: Token, tokens: dict[int, str], groups: dict[str, EntityGroup]
                      ) -> tuple[int, str] | None:
    """The person who reports the clause whose subject is "he" or "she": "the mayor has often
    said he is ready to work with the council"."""
    verb = pron.head
    if pron.dep_ != "nsubj" or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    for subj in verb.head.children:
        if subj.dep_ == "nsubj" and subj.i in tokens and groups[tokens[subj.i]].type == "PERSON":
            return subj.i, tokens[subj.i]
    return None


def _reporting_verb(pron: Token, deps: frozenset[str]) -> Token | None:
    """The verb before a pronoun whose clause (a reported clause, ``ccomp``, or one joined to
    it, ``conj``) holds the pronoun: "said" in "Japan said it had halted aid"."""
    tok = pron
    while tok.dep_ not in deps and tok.head.i != tok.i and tok.i - tok.head.i < 30:
        tok = tok.head
    return tok.head if tok.dep_ in deps and pron.i > tok.head.i else None


def _reporting_body(pron: Token, tokens: dict[int, str], groups: dict[str, EntityGroup]
                    ) -> str | None:
    """The country or organisation whose reported clause holds "it" or "its": "Japan said it
    had halted aid", "the company said its profits fell"."""
    verb = _reporting_verb(pron, frozenset({"ccomp"}))
    for subj in verb.children if verb is not None else ():
        if subj.dep_ == "nsubj" and subj.i in tokens and not subj.conjuncts:
            key = tokens[subj.i]
            return key if groups[key].type in {"GPE", "ORG"} else None
    return None


def _reporting_group(pron: Token, tokens: dict[int, str]) -> list[str]:
    """The coordinated subject of the verb whose reported clause holds "they": "X and Y said
    they would oppose the plan" -> X and Y; "Republican senators said ..., but they put the
    blame on Z" -> the party."""
    verb = _reporting_verb(pron, frozenset({"ccomp", "conj"}))
    for subj in verb.children if verb is not None else ():
        if subj.dep_ == "nsubj":
            keys = [tokens[t.i] for t in (subj, *subj.conjuncts) if t.i in tokens]
            if len(set(keys)) > 1:
                return list(dict.fromkeys(keys))
            named = [tokens[t.i] for a in subj.children if a.dep_ == "appos"
                     for t in a.subtree if t.i in tokens and t.dep_ in {"appos", "conj"}]
            if subj.tag_ == "NNS" and len(set(named)) > 1:  # "three senators, X, Y and Z,"
                return list(dict.fromkeys(named))
            if (subj.tag_ == "NNS" and subj.i not in tokens
                    and subj.lemma_.lower() in AGENT_NOUNS):  # "Republican senators said they"
                return [tokens[c.i] for c in subj.children
                        if c.dep_ in {"amod", "compound"} and c.i in tokens][:1]
    return []


def _clause_subjects(pron: Token, tokens: dict[int, str]) -> set[str]:
    """The people a pronoun object cannot be: the named subject of its own clause ("Carter
    talked to him", "Lavrov thanked her"); a possessive ("defended her record") may be the
    subject, and a pronoun subject is itself only a guess."""
    if pron.dep_ not in {"dobj", "pobj", "dative", "iobj"} or pron.lower_ not in {"him", "her"}:
        return set()
    verb = pron.head.head if pron.dep_ == "pobj" and pron.head.dep_ == "prep" else pron.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return set()
    return {tokens[t.i] for s in verb.children if s.dep_ in _SUBJECT_DEPS
            for t in (s, *s.conjuncts) if t.i in tokens and t.pos_ == "PROPN"}


def _reported(subj: Token, tokens: dict[int, str]) -> bool:
    """Whether a subject stands in what a named speaker says ("Smith said that Jones had
    left", "..., he said, referring to the law, which Jones hails")."""
    verb = subj.head
    while verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH_VERBS and any(
                c.dep_ == "nsubj" and c.i in tokens for c in verb.children):
            return True
    return False


def _speaks(tok: Token) -> bool:
    """Whether ``tok`` is the subject of a verb of speaking ("he said", "she told CNN")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


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
