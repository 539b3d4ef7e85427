"""Definite descriptions that stand for an entity the article names.

Used by :mod:`extract.coref`:

- "the alliance", "the bloc": a generic alias in the knowledge base, resolved to the candidate
  organisation the article already names (most mentions wins);
- "members of the bloc", "NATO members": the organisation, when they act;
- "the head of the Pentagon": the one person whose post is there;
- "the president", "the U.S. president", "the Secretary General", "the prime minister of
  Britain": the one person of the article who holds that post (of that country, where one is
  named); "the former president", "the first sitting president" are not post titles and stay
  unresolved; when several hold it, the one named at least twice as often as any other;
- "the two leaders", "both sides": the last pair or group named as one subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from spacy.tokens import Doc, Token

from extract.entities import EntityGroup
from extract.kb import KnowledgeBase
from extract.post_owners import normalise_title

__all__ = ["GENERIC_HEADS", "HEAD_NOUNS", "generic_target", "has_det", "head_of", "members_of",
           "named_group", "post_holder"]

GENERIC_HEADS = frozenset({
    "alliance", "bloc", "union", "organization", "organisation", "coalition", "group",
    "pentagon", "kremlin", "commission", "council", "assembly",
})
HEAD_NOUNS = frozenset({"head", "chief", "leader", "boss", "director", "chairman", "chair"})
_STOP = frozenset({"of", "the", "for", "and", "department", "ministry", "office", "u.s.", "us"})
#: Abbreviated titles as posts record them ("Sen. X"), spelled out.
_ABBREVIATIONS = {"sen.": "senator", "rep.": "representative", "gov.": "governor",
                  "gen.": "general", "pres.": "president"}
_OWNER_TYPES = frozenset({"GPE", "ORG"})


def has_det(tok: Token) -> bool:
    """Whether ``tok`` has the definite article."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def generic_target(doc: Doc, tok: Token, kb: KnowledgeBase) -> str | None:
    """'the alliance' -> the organisation of the article the generic alias fits best."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    phrase = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "poss")
    cands = [e for e in kb.generic(phrase) if e.id in groups]
    if not cands and tok.lower_ in {"alliance", "bloc"}:
        cands = [e for e in kb.generic(f"the {tok.lower_}") if e.id in groups]
    if not cands:
        return None
    best = max(cands, key=lambda e: (sum(groups[e.id].surfaces.values()), e.id))
    return best.id


def _title_key(title: str) -> str:
    words = [_ABBREVIATIONS.get(w, w) for w in title.lower().split()]
    return normalise_title(" ".join(words)).lower()


def post_holder(doc: Doc, tok: Token) -> str | None:
    """'the (U.S.) president' -> the one person in the article with that post (there)."""
    titles = _post_titles(doc)
    if _ABBREVIATIONS.get(tok.lower_, tok.lower_) not in titles.words:
        return None  # no post of the article has this word in its title
    tokens: dict[int, str] = doc._.ng_tokens
    groups: dict[str, EntityGroup] = doc._.ng_entities
    left = [t for t in tok.subtree if t.i < tok.i]
    right = [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" and p.i > tok.i
             for t in p.subtree if t.i > p.i]
    owners = {tokens[t.i] for t in (*left, *right) if t.i in tokens}
    if len(owners) > 1 or any(groups[k].type not in _OWNER_TYPES for k in owners):
        return None

    def words(part: list[Token]) -> list[str]:
        return [t.lower_ for t in part if t.i not in tokens and not t.is_punct
                and t.tag_ != "POS" and not (t.dep_ == "det" and t.lower_ == "the")]

    after = words(right)
    title = _title_key(" ".join([*words(left), tok.lower_, *(["of", *after] if after else [])]))
    owner = owners.pop() if owners else None
    held = [(person, ended) for person, of, ended in titles.holders.get(title, ())
            if owner is None or of == owner]
    holders = {person for person, _ in held}
    if len(holders) > 1:  # "the president": not one held before ("former President X")
        holders = {person for person, ended in held if not ended} or holders
    if len(holders) > 1:
        return _dominant(holders, groups)
    return holders.pop() if holders else None


def _dominant(people: set[str], groups: dict[str, EntityGroup]) -> str | None:
    """The one of ``people`` the article names at least twice as often as any other (in a
    story about President A that also names President B, "the president" is A)."""
    counts = sorted(((len(groups[k].spans), k) for k in people), reverse=True)
    return counts[0][1] if counts[0][0] >= 2 * counts[1][0] else None


@dataclass(frozen=True, slots=True)
class _Titles:
    holders: dict[str, list[tuple[str, str | None, bool]]]
    """Title key -> (person, owner, held before) of each post with that title."""
    words: frozenset[str]
    """The words of all those title keys."""


def _post_titles(doc: Doc) -> _Titles:
    """The article's posts by title key, computed once per set of posts of ``doc``."""
    posts = doc._.ng_posts or ()
    cached = doc.user_data.get(_TITLES_KEY)
    if cached is not None and cached[0] is posts:
        return cast(_Titles, cached[1])
    holders: dict[str, list[tuple[str, str | None, bool]]] = {}
    for p in posts:
        holders.setdefault(_title_key(p.title), []).append((p.person, p.of, p.ended))
    titles = _Titles(holders, frozenset(w for t in holders for w in t.split()))
    doc.user_data[_TITLES_KEY] = (posts, titles)
    return titles


_TITLES_KEY = "ng_post_titles"


def head_of(doc: Doc, tok: Token) -> str | None:
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


def members_of(doc: Doc, tok: Token, kb: KnowledgeBase) -> str | None:
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
                if obj.dep_ == "pobj" and obj.lower_ in GENERIC_HEADS:
                    found = generic_target(doc, obj, kb)
                    if found is not None:
                        tokens[obj.i] = found
                        groups[found].spans.append((obj.i, obj.i + 1, "coref"))
                        return found
    return None


def named_group(
    tok: Token, recent: tuple[int, list[str]], groups: dict[str, EntityGroup]
) -> list[str] | None:
    """The members of the last plural subject that "the two leaders", "both sides" or "the
    senators" (a plural subject with "the", "both" or a number) stands for: people for nouns
    of people, countries or bodies for "sides" and "countries"."""
    lemma = tok.lemma_.lower()
    kinds = {"PERSON"} if lemma in _PEOPLE_GROUPS else (
        {"GPE", "ORG"} if lemma in _BODY_GROUPS else None)
    ante, keys = recent
    if (kinds is None or tok.tag_ != "NNS" or tok.dep_ not in {"nsubj", "nsubjpass"}
            or tok.i - ante > 80 or len(keys) < 2
            or not any(c.dep_ in {"det", "nummod", "predet"} and c.lower_ in _GROUP_DETS
                       for c in tok.children)
            or any(c.dep_ in {"amod", "compound", "poss"} for c in tok.children)):
        return None  # not "U.S. officials", "the Republican senators"
    return keys if all(groups[k].type in kinds for k in keys) else None


_PEOPLE_GROUPS = frozenset({"leader", "president", "senator", "lawmaker", "minister",
                            "diplomat", "candidate", "man", "woman", "rival"})
_BODY_GROUPS = frozenset({"side", "country", "nation", "government"})
_GROUP_DETS = frozenset({"the", "both", "two", "three", "these", "all"})
