"""Candidate mentions grouped into the entities of one article.

Mentions with the same knowledge-base entry or the same normalised name form one group; groups
are then merged: spelling variants of a full name ("Anthony Blinken" -> Antony Blinken), short
names into the one person whose surname they are ("Blinken"), acronyms into the name they
abbreviate ("NATO" = "North Atlantic Treaty Organization"). Each unlinked entity's type is voted
over its mentions ("Blinken" is a person if "Antony Blinken" is) and its name is its most
frequent longest form.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extract.kb import KBEntry, normalise_name
from extract.mentions import Candidate

__all__ = ["EntityGroup", "add_kb_entity", "entity_table", "first_name_close"]

_TYPE_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "EVENT": 5}


@dataclass
class EntityGroup:
    """An entity of one article while it is being assembled."""

    key: str
    type: str
    name: str
    kb: KBEntry | None = None
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def add_kb_entity(groups: dict[str, EntityGroup], entry: KBEntry) -> str:
    """Key of ``entry`` among an article's entities, adding it when the text does not name it
    (the country a capital stands for, the owner of a known person's post)."""
    if entry.id not in groups:
        groups[entry.id] = EntityGroup(key=entry.id, type=entry.type, name=entry.name, kb=entry)
    return entry.id


def first_name_close(a: str, b: str) -> bool:
    """Whether two lower-case first names are the same or spelling variants.

    Args:
        a: A first name.
        b: Another first name.

    Returns:
        True for equal names, or names with the same initial, lengths within 2 and an edit
        distance of at most 2 ("anthony" / "antony", "sergei" / "sergey").
    """
    if a == b or a[:1] != b[:1]:
        return a == b
    if abs(len(a) - len(b)) > 2:
        return False
    # edit distance <= 2 on short first names (Anthony / Antony, Sergei / Sergey)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def _group(cands: list[Candidate]) -> tuple[dict[str, EntityGroup], list[tuple[Candidate, str]]]:
    groups: dict[str, EntityGroup] = {}
    placed: list[tuple[Candidate, str]] = []
    for c in cands:
        if c.kb is not None:
            key, name, typ = c.kb.id, c.kb.name, c.kb.type
        else:
            key, name, typ = f"_:{normalise_name(c.text)}", c.text, c.label
        group = groups.setdefault(key, EntityGroup(key=key, type=typ, name=name, kb=c.kb))
        group.surfaces[c.text] += 1
        group.labels[c.label] += 1
        placed.append((c, key))
    return groups, placed


def _merge_into(groups: dict[str, EntityGroup], src: str, dst: str, remap: dict[str, str]) -> None:
    a, b = groups.pop(src), groups[dst]
    b.surfaces.update(a.surfaces)
    b.labels.update(a.labels)
    remap[src] = dst
    for k, v in list(remap.items()):
        if v == src:
            remap[k] = dst


def _is_person_like(g: EntityGroup) -> bool:
    return (g.kb is not None and g.kb.type == "PERSON") or (g.kb is None and "PERSON" in g.labels)


def _merge_people(groups: dict[str, EntityGroup], remap: dict[str, str]) -> None:
    full = {k: g for k, g in groups.items() if _is_person_like(g) and len(g.name.split()) >= 2}
    # spelling variants of the same full name: same surname, close first names
    keys = sorted(full, key=lambda k: (groups[k].kb is None, -sum(groups[k].surfaces.values())))
    for i, ka in enumerate(keys):
        if ka not in groups:
            continue
        a = groups[ka].name.split()
        for kb_ in keys[i + 1 :]:
            if kb_ not in groups or groups[kb_].kb is not None:
                continue
            b = groups[kb_].name.split()
            if a[-1] == b[-1] and first_name_close(a[0].lower(), b[0].lower()):
                _merge_into(groups, kb_, ka, remap)
    # short names: "Blinken" -> the one person whose surname it is
    surnames: dict[str, set[str]] = {}
    for k, g in groups.items():
        if _is_person_like(g) and len(g.name.split()) >= 2:
            for form in [g.name, *g.surfaces]:
                surnames.setdefault(form.split()[-1], set()).add(k)
    for k, g in list(groups.items()):
        if len(g.name.split()) != 1 or (g.kb is not None and g.kb.type != "PERSON"):
            continue
        owners = surnames.get(g.name, set()) - {k}
        if len(owners) == 1:
            _merge_into(groups, k, owners.pop(), remap)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def _merge_acronyms(groups: dict[str, EntityGroup], remap: dict[str, str]) -> None:
    acronyms = {k: g for k, g in groups.items() if g.kb is None and g.name.isupper()}
    for k, g in list(groups.items()):
        if k not in groups or len(g.name.split()) < 2 or g.type not in {"ORG", "GPE", "FAC"}:
            continue
        init = _initials(g.name)
        for ak, ag in acronyms.items():
            if ak in groups and ak != k and len(init) >= 2 and ag.name.replace(".", "") == init:
                _merge_into(groups, ak, k, remap)


def _vote(groups: dict[str, EntityGroup]) -> None:
    for g in groups.values():
        if g.kb is not None:
            continue
        if any(len(s.split()) >= 2 for s in g.surfaces) and g.labels["PERSON"]:
            g.type = "PERSON"
        else:
            g.type = min(g.labels, key=lambda lab: (-g.labels[lab], _TYPE_PRIORITY.get(lab, 9)))
        if g.type == "NORP":
            g.type = "GPE"
        # canonical name: most frequent of the longest forms
        longest = max(len(s.split()) for s in g.surfaces)
        forms = [s for s in g.surfaces if len(s.split()) == longest]
        g.name = max(forms, key=lambda s: (g.surfaces[s], -forms.index(s)))


def _local_key(g: EntityGroup) -> str:
    if g.kb is not None:
        return g.kb.id
    return f"~{g.type.lower()}:{normalise_name(g.name)}"


def entity_table(cands: list[Candidate]) -> tuple[dict[str, EntityGroup], dict[int, str]]:
    """Group, merge and type the candidates of one article.

    Args:
        cands: The article's candidate mentions, linked where possible.

    Returns:
        The entities by key (a knowledge-base id, or ``~type:name``), each with the spans of
        its mentions, and the key of the entity every mentioned token belongs to.
    """
    groups, placed = _group(cands)
    remap: dict[str, str] = {}
    _merge_people(groups, remap)
    _merge_acronyms(groups, remap)
    _vote(groups)
    final: dict[str, EntityGroup] = {}
    rename: dict[str, str] = {}
    for k, g in groups.items():
        new = _local_key(g)
        rename[k] = new
        if new in final:  # two groups voted into the same key
            final[new].surfaces.update(g.surfaces)
            final[new].labels.update(g.labels)
        else:
            g.key = new
            final[new] = g
    tokens: dict[int, str] = {}
    for cand, key in placed:
        gkey = rename[remap.get(key, key)]
        final[gkey].spans.append((cand.start, cand.end, cand.source))
        for i in range(cand.start, cand.end):
            tokens[i] = gkey
    return final, tokens
