"""Who owns a post the text names without its owner.

A known person's post gives its owner from the knowledge base ("Secretary of State" Blinken ->
United States); news leaves other owners implied (``data/implied_posts.json``): "Sen. X" holds
a post in the United States, "Minister of the Interior X" in the country the article is about,
and a party before the title ("Republican Sen. X") is not the owner.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.kb import KnowledgeBase
from extract.merging import EntityGroup, add_kb_entity
from extract.titles import titlecase

__all__ = ["domestic_owner", "implied_owner", "kb_post_owner", "normalise_title"]


def kb_post_owner(
    g: EntityGroup, title: str, final: dict[str, EntityGroup], kb: KnowledgeBase
) -> str | None:
    """Owner of a known person's post ("Secretary of State" Blinken -> United States).

    The owner becomes an entity of the article even when the text does not name it.
    """
    if g.kb is None:
        return None
    want = normalise_title(title).lower()
    for post in g.kb.posts:
        owner = kb.by_id(post.of) if post.of and post.title.lower() == want else None
        if owner is not None:
            return add_kb_entity(final, owner)
    return None


_IMPLIED = Path(__file__).parent / "data" / "implied_posts.json"
_PARTIES = Path(__file__).parent / "data" / "parties.json"


@lru_cache(maxsize=1)
def _implied_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_IMPLIED.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _implied_table() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """Title (lower case) -> the one country that uses it; titles of any national government;
    title -> the chamber it is held in."""
    data = _implied_data()
    own = {t.lower(): country for country, titles in data["own"].items() for t in titles}
    chambers = {t.lower(): c for c, titles in data["chambers"].items() for t in titles}
    return own, frozenset(t.lower() for t in data["national"]), chambers


@lru_cache(maxsize=1)
def _domestic_table() -> dict[str, frozenset[str]]:
    """Country id -> the titles its own officeholders carry bare ("President X")."""
    data = _implied_data()
    return {c: frozenset(t.lower() for t in titles) for c, titles in data["domestic"].items()}


def domestic_owner(
    title: str, g: EntityGroup, owners: dict[str, int], final: dict[str, EntityGroup],
    kb: KnowledgeBase,
) -> str | None:
    """The owner of a bare national title ("President X", "Ambassador X") the text and the
    knowledge base leave open, or None.

    A person the knowledge base knows holds it in their own country. Otherwise a country whose
    officeholders carry the title bare owns it when ``owners`` (the owners of the article's
    other posts, with how many other people hold them) give that country two or more:
    "Vice President X" in an article with "Sen. Y" and President Trump. Else the article's
    main country, if one dominates its mentions, and else that country with one officeholder.
    """
    want = normalise_title(title).lower()
    _own, national, _chambers = _implied_table()
    if want not in national:
        return None
    if g.kb is not None and g.kb.country:
        owner = kb.by_id(f"country:{g.kb.country}")
        return add_kb_entity(final, owner) if owner is not None else None
    domestic = [c for c, titles in sorted(_domestic_table().items())
                if want in titles and owners.get(c, 0) > 0]
    if domestic and owners[domestic[0]] >= 2:
        return domestic[0]
    main = _main_country(final)
    if main is not None:
        return main
    return domestic[0] if domestic else None


def implied_owner(
    title: str, of: str | None, final: dict[str, EntityGroup], kb: KnowledgeBase
) -> str | None:
    """The owner news leaves implied (see ``data/implied_posts.json``), else ``of``.

    "Sen. John McCain" and "Arizona Sen. John McCain" hold a post in the United States;
    "Minister of the Interior Bernard Cazeneuve" one in the country the article is about.
    """
    own, _national, chambers = _implied_table()
    want = normalise_title(title).lower()
    owner_entry = final[of].kb if of is not None else None
    if owner_entry is not None and owner_entry.id in _party_ids():
        of = None  # "Republican Sen. Lindsey Graham": a party, not the post's owner
    country = own.get(want) or own.get(title.lower())
    chamber = chambers.get(want) or chambers.get(title.lower())
    named = [k for k, g in final.items() if g.type == "ORG" and chamber is not None
             and g.name.lower().removeprefix("the ").removeprefix("u.s. ")
             .removeprefix("us ").removeprefix("united states ").removesuffix(
                 " of representatives") == chamber.lower()]
    if named and (of is None or final[of].type == "GPE"):
        return named[0]  # "Sen. Graham" in an article that names the Senate
    if of is not None and want in _state_offices() and _is_state(final[of]):
        return of  # "California Attorney General X" holds a post of California
    if country is not None:
        inside = of is not None and (entry := final[of].kb) is not None and (
            not entry.id.startswith("country:") and entry.type == "GPE"
            and f"country:{entry.country}" == country)
        if of is None or inside:
            owner = kb.by_id(country)
            return add_kb_entity(final, owner) if owner is not None else of
        return of
    return of


@lru_cache(maxsize=1)
def _state_offices() -> frozenset[str]:
    return frozenset(normalise_title(t).lower() for t in _implied_data()["state_offices"])


def _is_state(g: EntityGroup) -> bool:
    """A state or province of a country (not a country, not a city)."""
    return g.type == "GPE" and g.kb is not None and not g.kb.id.startswith(("country:", "city:"))


@lru_cache(maxsize=1)
def _party_ids() -> frozenset[str]:
    data: dict[str, Any] = json.loads(_PARTIES.read_text(encoding="utf-8"))
    return frozenset(p["id"] for p in data["parties"])


def _main_country(final: dict[str, EntityGroup]) -> str | None:
    """The country an article is about: named at least 3 times and twice as often as any other."""
    counts = sorted(((len(g.spans), k) for k, g in final.items()
                     if g.kb is not None and g.kb.id.startswith("country:")), reverse=True)
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    return counts[0][1]


def normalise_title(title: str) -> str:
    words = [w for w in title.split() if w.lower() not in {"u.s.", "us", "nato", "eu", "un"}]
    return titlecase(" ".join(words)).replace("Defence", "Defense") if words else title
