"""Cross-article entity resolution: article-local entities -> one node per real-world entity.

Two local entities are the same node when

1. they are linked to the same knowledge-base entry (``key`` without a leading ``~``), or
2. they have the same type and normalised name, or
3. one is a person known only by a surname ("Blinken") and exactly one full-named person in
   the corpus has that surname, or two full names share a surname and have close first names
   ("Anthony Blinken" / "Antony Blinken"); the rule is :mod:`extract.names`, the same one
   that merges the forms of a name inside an article.

Every merge is recorded with its reason, so ``--explain-merges`` can show why.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.facts import ArticleFacts, Entity
from extract.names import name_words, normalise_name, spelling_variants, surname
from graph.rdf.iris import entity_iri

__all__ = ["Node", "Resolution", "explain_merges", "resolve"]


@dataclass
class Node:
    """One entity of the merged graph."""

    iri: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    geonames: str | None = None
    country: str | None = None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    merged: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)
    """(name in the article, why it joined this entity, article id, other forms there)."""


@dataclass
class Resolution:
    """``nodes`` by IRI, and the IRI of every (article id, local key)."""

    nodes: dict[str, Node]
    index: dict[tuple[str, str], str]


def _identity(ent: Entity) -> str:
    if not ent.key.startswith("~"):
        return ent.key
    return f"~{ent.type}:{normalise_name(ent.name)}"


def _union_find(ids: Iterable[str]) -> dict[str, str]:
    return {i: i for i in ids}


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def resolve(facts: Iterable[ArticleFacts], base: str) -> Resolution:
    """Merge the entities of many articles into graph nodes with stable IRIs."""
    members: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for item in facts:
        for ent in item.entities:
            members[_identity(ent)].append((item.article.id, ent))
    parent = _union_find(members)
    reasons: dict[str, str] = {i: ("knowledge base" if not i.startswith("~") else "same name")
                               for i in members}
    _merge_people(members, parent, reasons)

    clusters: dict[str, list[str]] = defaultdict(list)
    for ident in sorted(members):
        clusters[_find(parent, ident)].append(ident)
    nodes: dict[str, Node] = {}
    index: dict[tuple[str, str], str] = {}
    for root in sorted(clusters):
        idents = clusters[root]
        ents = [e for i in idents for _a, e in members[i]]
        linked = [e for e in ents if not e.key.startswith("~")]
        if linked:  # the most used name, whatever order the articles come in
            used = Counter(e.name for e in linked)
            ref = min(linked, key=lambda e: (-used[e.name], e.name))
        else:
            ref = max(ents, key=lambda e: (len(e.name.split()), e.mentions, e.name))
        types = Counter(e.type for e in ents)
        etype = ref.type if linked else max(types, key=lambda t: (types[t], t))
        iri = entity_iri(base, etype, ref.name)
        if iri in nodes:  # a different entity with the same name and type path
            iri = f"{iri}--{_short(root)}"
        node = Node(iri=iri, type=etype, name=ref.name, wikidata=ref.wikidata,
                    geonames=ref.geonames, country=ref.country)
        for ident in idents:
            for article_id, ent in members[ident]:
                node.aliases.update({ent.name, *ent.aliases})
                node.mentions += ent.mentions
                node.articles.add(article_id)
                index[(article_id, ent.key)] = iri
                node.merged.append((ent.name, reasons[ident], article_id, ent.aliases))
        node.aliases.discard(node.name)
        nodes[iri] = node
    return Resolution(nodes=nodes, index=index)


def _short(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _merge_people(
    members: dict[str, list[tuple[str, Entity]]], parent: dict[str, str], reasons: dict[str, str]
) -> None:
    people = {i: m[0][1] for i, m in members.items() if m[0][1].type == "PERSON"}
    full = sorted((i for i, e in people.items() if len(name_words(e.name)) >= 2),
                  key=lambda i: (i.startswith("~"), i))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for ident in full:
        by_surname[surname(people[ident].name)].append(ident)
    # spelling variants of full names
    for group in by_surname.values():
        for n, a in enumerate(group):
            for b in group[n + 1 :]:
                if b.startswith("~") and spelling_variants(people[a].name, people[b].name):
                    parent[_find(parent, b)] = _find(parent, a)
                    reasons[b] = f"spelling variant of {people[a].name}"
    # surnames alone
    for ident, ent in people.items():
        if not ident.startswith("~") or len(name_words(ent.name)) != 1:
            continue
        owners = {_find(parent, o) for o in by_surname.get(surname(ent.name), [])}
        if len(owners) == 1:
            parent[_find(parent, ident)] = owners.pop()
            reasons[ident] = "surname of the only person with that name"


def explain_merges(resolution: Resolution) -> list[dict[str, object]]:
    """Which surface forms became which entity, and why: the audit trail of entity merging.

    Each entity lists, per article, the name it had there, the reason it joined the entity
    ("knowledge base", "same name", "surname of the only person with that name", "spelling
    variant of ...") and the other forms the article used for it (titles stripped, short names,
    acronyms, nationality adjectives and pronoun-free descriptions merged inside the article).
    """
    out: list[dict[str, object]] = []
    for iri in sorted(resolution.nodes):
        node = resolution.nodes[iri]
        out.append({
            "iri": iri, "name": node.name, "type": node.type,
            "wikidata": node.wikidata, "geonames": node.geonames,
            "forms": [{"form": form, "reason": reason, "article": article,
                       "also_written": list(aliases)}
                      for form, reason, article, aliases in sorted(node.merged)],
        })
    return out
