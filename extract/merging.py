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
from collections.abc import Callable
from dataclasses import dataclass, field

from extract.facts import MentionSource
from extract.firstnames import given_name_gender
from extract.kb import KBEntry
from extract.mentions import Candidate
from extract.names import given_forms, name_words, normalise_name, short_forms, spelling_variants

__all__ = ["EntityGroup", "add_kb_entity", "entity_table"]

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
    spans: list[tuple[int, int, MentionSource]] = field(default_factory=list)


def add_kb_entity(groups: dict[str, EntityGroup], entry: KBEntry) -> str:
    """Key of ``entry`` among an article's entities, adding it when the text does not name it
    (the country a capital stands for, the owner of a known person's post)."""
    if entry.id not in groups:
        groups[entry.id] = EntityGroup(key=entry.id, type=entry.type, name=entry.name, kb=entry)
    return entry.id


def _group(cands: list[Candidate]) -> tuple[dict[str, EntityGroup], list[tuple[Candidate, str]]]:
    groups: dict[str, EntityGroup] = {}
    placed: list[tuple[Candidate, str]] = []
    for c in cands:
        if c.kb is not None:
            key, name, typ = c.kb.id, c.kb.name, c.kb.type
        else:
            key, name, typ = f"_:{c.group or normalise_name(c.text)}", c.text, c.label
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


def _merge_same_name(groups: dict[str, EntityGroup], remap: dict[str, str]) -> None:
    """An unlinked name into the linked entity of the same name ("MELBOURNE" -> Melbourne,
    "Benghazi" typed ORG -> the city) and "NKNews" into "NKNews.org"."""
    linked: dict[str, set[str]] = {}
    for k, g in groups.items():
        if g.kb is not None:
            for form in (g.name, *g.surfaces):
                linked.setdefault(_site_free(form), set()).add(k)
    for k, g in list(groups.items()):
        if g.kb is None:
            owners = linked.get(_site_free(g.name), set())
            if len(owners) == 1 and not (g.labels["PERSON"]
                                         and groups[next(iter(owners))].type != "PERSON"):
                _merge_into(groups, k, next(iter(owners)), remap)
    sites = {_site_free(g.name): k for k, g in groups.items()
             if g.kb is None and _SITE.search(g.name)}
    for k, g in list(groups.items()):
        target = sites.get(normalise_name(g.name))
        if g.kb is None and target is not None and target != k and target in groups:
            _merge_into(groups, k, target, remap)


_SITE = re.compile(r"\.(?:com|org|net|co\.uk)$", re.I)


def _site_free(name: str) -> str:
    return normalise_name(_SITE.sub("", name))


def _merge_people(
    groups: dict[str, EntityGroup], remap: dict[str, str], first: dict[str, int],
    honoured: dict[str, set[str]],
) -> None:
    """Spelling variants into one full name, then short forms into the one person they name;
    never "Mr. Roe" into "Jane Roe" (``honoured``: the genders of the honorifics a group's
    mentions follow, by key)."""
    full = [k for k, g in groups.items() if _is_person_like(g) and len(name_words(g.name)) >= 2]
    keys = sorted(full, key=lambda k: (groups[k].kb is None, -sum(groups[k].surfaces.values())))
    for i, ka in enumerate(keys):
        if ka not in groups:
            continue
        for kb_ in keys[i + 1 :]:
            if (kb_ in groups and groups[kb_].kb is None
                    and spelling_variants(groups[ka].name, groups[kb_].name)):
                _merge_into(groups, kb_, ka, remap)
    # short forms, longest first: "Javad Zarif" joins "Mohammad Javad Zarif" before "Zarif"
    shorts = sorted((k for k, g in groups.items() if g.kb is None or g.kb.type == "PERSON"),
                    key=lambda k: (-len(name_words(groups[k].name)), k))
    for k in shorts:
        if k not in groups:
            continue
        form = " ".join(name_words(groups[k].name))
        named = groups[k].kb is None and groups[k].labels["PERSON"] > 0
        owners = sorted((o for o, g in groups.items()
                         if o != k and _is_person_like(g) and (form in _forms(g) or (
                             named and form in _forms(g, given_forms)))
                         and not _other_gender(honoured.get(k, set()), g)),
                        key=lambda o: first.get(o, 0))
        if len(owners) == 1 or (len(owners) > 1 and first.get(owners[0], 0) < first.get(k, 0)
                                < first.get(owners[1], 0)):
            # of several owners, the one named first while still the only one: news names
            # a second person of that surname in full
            _merge_into(groups, k, owners[0], remap)
            first[owners[0]] = min(first.get(owners[0], 0), first.get(k, 0))


def _honoured(
    placed: list[tuple[Candidate, str]], remap: dict[str, str], honorifics: dict[int, str]
) -> dict[str, set[str]]:
    """The genders of the honorifics each group's mentions follow, for the groups that have
    one in at least a third of their mentions ("Mrs. Bush" once among 27 "Bush" of her
    husband is no sign)."""
    honoured: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    with_honorific: Counter[str] = Counter()
    for cand, key in placed:
        key = remap.get(key, key)
        mentions[key] += 1
        if (gender := honorifics.get(cand.start)) is not None:
            honoured.setdefault(key, set()).add(gender)
            with_honorific[key] += 1
    return {k: g for k, g in honoured.items() if 3 * with_honorific[k] >= mentions[k]}


def _other_gender(honoured: set[str], owner: EntityGroup) -> bool:
    """Whether a short name always written "Mr." (or always "Mrs."/"Ms.") when it has an
    honorific (``honoured``, from :func:`_honoured`) cannot be a person whose given name is
    clearly of the other gender ("Mr. Roe" is not "Jane Roe")."""
    if len(honoured) != 1:
        return False
    words = name_words(owner.name)
    gender = given_name_gender(words[0]) if len(words) >= 2 else None
    return gender in {"m", "f"} and gender not in honoured


def _forms(g: EntityGroup, forms: Callable[[str], set[str]] = short_forms) -> set[str]:
    """Short forms of a full-named person group, from its name and every way it is written
    (tails such as the surname, or with ``given_forms`` heads such as the given name)."""
    out: set[str] = set()
    for name in (g.name, *g.surfaces):
        out |= forms(name)
    return out


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


#: Head words an organisation's full name adds to the short form news also uses ("Landmark
#: Legal" for the Landmark Legal Foundation, "the 9th Circuit" for the 9th Circuit Court).
_ORG_TAILS = frozenset({"foundation", "committee", "court", "institute", "center", "centre",
                        "council", "commission", "association", "corporation", "corp.", "inc.",
                        "company", "agency", "fund", "society", "federal", "group", "network"})


_CHAMBERS = frozenset({"house", "senate", "congress", "parliament", "assembly", "council"})


def _merge_org_forms(groups: dict[str, EntityGroup], remap: dict[str, str]) -> None:
    """Merge an organisation named short into its full name in the same article: the name
    with one head word more ("Senate Judiciary" -> "Senate Judiciary Committee") or after
    "Department of" ("Health and Human Services")."""
    full = {g.name.lower().removeprefix("the "): k for k, g in groups.items()
            if g.type == "ORG" and len(g.name.split()) > 1}
    for k, g in list(groups.items()):
        short = g.name.lower().removeprefix("the ")
        if (k not in groups or g.type != "ORG" or g.kb is not None or g.labels["PERSON"]
                or short in _CHAMBERS):
            continue  # "the House" is no "House Committee"
        longer = [full[n] for n in (*(f"{short} {t}" for t in _ORG_TAILS),
                                    f"department of {short}") if n in full]
        if longer and longer[0] in groups and longer[0] != k:
            _merge_into(groups, k, longer[0], remap)


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


def entity_table(
    cands: list[Candidate], honorifics: dict[int, str] | None = None
) -> tuple[dict[str, EntityGroup], dict[int, str]]:
    """Group, merge and type the candidates of one article.

    Args:
        cands: The article's candidate mentions, linked where possible.
        honorifics: The gender ("m" or "f") of the honorific a mention follows ("Mr. Roe"),
            by the mention's first token.

    Returns:
        The entities by key (a knowledge-base id, or ``~type:name``), each with the spans of
        its mentions, and the key of the entity every mentioned token belongs to.
    """
    groups, placed = _group(cands)
    first: dict[str, int] = {}
    for cand, key in placed:
        first.setdefault(key, cand.start)
    remap: dict[str, str] = {}
    _merge_same_name(groups, remap)
    _merge_people(groups, remap, {remap.get(k, k): v for k, v in sorted(
        first.items(), key=lambda kv: -kv[1])}, _honoured(placed, remap, honorifics or {}))
    _merge_acronyms(groups, remap)
    _merge_org_forms(groups, remap)
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
