"""Entities of one article: NER spans fixed, linked to the knowledge base and merged.

The ``newsgraph_entities`` pipeline component turns ``doc.ents`` into a table of article-local
entities (``doc._.ng_entities``), with a map from every mentioned token to its entity
(``doc._.ng_tokens``). Fixes applied, in order:

1. titles stripped from names ("Defense Lloyd Austin" -> person "Lloyd Austin"), the title
   kept as a post (``doc._.ng_posts``);
2. nationality adjectives folded into their country ("American" -> United States);
3. knowledge-base linking (canonical name, type, Wikidata / GeoNames ids);
4. short-name and spelling-variant merging ("Blinken", "Anthony Blinken" -> Antony Blinken);
5. acronym merging ("North Atlantic Treaty Organization" = "NATO");
6. document-level type voting ("Blinken" is a person if "Antony Blinken" is).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.firstnames import is_given_name
from extract.kb import KBEntry, KnowledgeBase, load_kb, normalise_name
from extract.titles import HEAD_TITLES, TITLE_WORDS, find_title_before, strip_title

__all__ = ["EntityGroup", "Post", "entity_at", "resolve_entities"]

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_TYPE_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "EVENT": 5}
_INITIAL_NAME = re.compile(r"^(?:[A-Z]\.\s?){1,2}[A-Z][a-z]+(?:[-'][A-Za-z]+)*$")
_NAME_RE = re.compile(r"^[A-Z][\w'’.\-]*$")


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


@dataclass(frozen=True, slots=True)
class Post:
    """A post title found next to a person's name."""

    person: str
    title: str
    of: str | None
    start: int
    end: int
    sentence: int


def _register_extensions() -> None:
    for name, default in (("ng_entities", None), ("ng_tokens", None), ("ng_posts", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_register_extensions()


def entity_at(doc: Doc, i: int) -> str | None:
    """Key of the entity that token ``i`` belongs to, or None."""
    tokens: dict[int, str] | None = doc._.ng_tokens
    return None if tokens is None else tokens.get(i)


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or not any(c.isalpha() for c in doc[end - 1].text)):
        end -= 1  # "Afridi 88", "Vaughan 9-1-55-1": scores are not part of a name
    while end - start > 1 and doc[start].lower_ in _ROLE_WORDS:
        start += 1  # "Defender Hassan Abbas"
    if span.label_ == "PERSON":
        end = _extend_particles(doc, start, end)
    return doc[start:end]


#: Role nouns that NER takes into a name when they stand before it, capitalised.
_ROLE_WORDS = frozenset({
    "defender", "striker", "midfielder", "goalkeeper", "forward", "coach", "captain",
    "manager", "skipper", "keeper", "winger", "veteran", "rookie", "champion", "batsman",
    "bowler", "pitcher", "quarterback", "jockey", "driver", "rider", "spokesman",
    "spokeswoman", "spokesperson", "analyst", "economist", "lawyer", "attorney", "judge",
    "officer", "sergeant", "colonel", "lieutenant", "detective", "inspector", "professor",
})


_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "bin",
                        "al", "ter", "zu"})


def _extend_particles(doc: Doc, start: int, end: int) -> int:
    """End of a name cut before its particles: "Ursula von" + "der Leyen"."""
    while end > start + 1 and doc[end - 1].lower_ in _PARTICLES:
        end -= 1
    j = end
    while j < len(doc) and doc[j].lower_ in _PARTICLES:
        j += 1
    if j > end and j < len(doc) and doc[j].is_title and doc[j].is_alpha:
        return j + 1
    return end


def _is_title_part(span: Span) -> bool:
    """'State' in 'Secretary of State': a title word NER took for a name."""
    return all(t.lower_ in TITLE_WORDS for t in span) and span.text.lower() not in _NOT_TITLES


_NOT_TITLES = frozenset({"un", "u.n."})


#: Last words of organisation names ("Security Council"): never the rest of a person's name.
ORG_HEADS = frozenset({
    "council", "ministry", "community", "union", "bank", "party", "agency", "committee",
    "commission", "court", "office", "department", "organization", "organisation",
    "association", "group", "club", "institute", "university", "alliance", "assembly",
    "parliament", "government", "army", "force", "forces", "service", "services", "fund",
    "board", "corporation", "corp", "company", "inc", "ltd", "federation", "authority",
    "administration", "senate", "congress", "cabinet", "secretariat", "summit",
})


_PLACE_HEADS = frozenset({
    "river", "sea", "ocean", "lake", "bay", "gulf", "island", "islands", "mountains", "valley",
    "coast", "city", "county", "state", "province", "region", "street", "square", "airport",
    "port", "strait", "desert", "peninsula", "park", "bridge", "hall", "stadium",
})


def _person_shaped(span: Span) -> bool:
    """An initial and a surname, or a common given name and one or two capitalised words."""
    if _INITIAL_NAME.match(span.text):
        return True
    words = [t.text for t in span]
    return (2 <= len(words) <= 3 and is_given_name(words[0]) and len(words[0]) > 2
            and all(_NAME_RE.match(w) for w in words)
            and not any(w.lower() in ORG_HEADS or w.lower() in _PLACE_HEADS for w in words))


def _has_head_title(words: list[str]) -> bool:
    return any(w.lower() in HEAD_TITLES for w in words)


def _looks_like_name(tokens: list[str]) -> bool:
    return bool(tokens) and all(_NAME_RE.match(t) for t in tokens)


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    text: str
    source: str = "ner"
    kb: KBEntry | None = None


def _candidates(doc: Doc, kb: KnowledgeBase) -> tuple[list[_Candidate], list[tuple[int, str]]]:
    """NER spans, trimmed and title-stripped; also (person start, stripped title) pairs."""
    out: list[_Candidate] = []
    stripped_titles: list[tuple[int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        span = _trim(ent)
        if not len(span) or not any(c.isalpha() for c in span.text) or _is_title_part(span):
            continue
        label = ent.label_
        if label == "NORP":
            entry = kb.demonym(span.text)
            if entry is not None:
                out.append(_Candidate(span.start, span.end, entry.type, span.text, "ner", entry))
            continue
        entry = kb.lookup(span.text)
        if (entry is not None and label == "ORG" and entry.id.startswith("city:")
                and entry.capital_of is None):
            entry = None  # "Liverpool beat Leeds": a club named after its city
        if label in {"ORG", "GPE", "LOC"} and entry is None and _person_shaped(span):
            label = "PERSON"  # "B. Young", "Margaret Hodge"
        if entry is None and label in {"GPE", "ORG"} and kb.demonym(span.text) is not None:
            entry = kb.demonym(span.text)
            label = entry.type if entry is not None else label
        if entry is None and label in {"PERSON", "ORG", "GPE", "NORP"}:
            words = [t.text for t in span]
            title, rest = strip_title(words)
            continues = span.start > 0 and doc[span.start - 1].lower_ in TITLE_WORDS
            if title and not (_has_head_title(title) or continues):
                title = []  # "Security Council", "Foreign Ministry": a name, not a title
            if title and rest and rest[-1].lower() in ORG_HEADS:
                title = []
            if (title and _looks_like_name(rest) and kb.lookup(" ".join(rest)) is None) or (
                title and kb.lookup(" ".join(rest)) is not None
            ):
                cut = span.start + len(title)
                span = doc[cut : span.end]
                stripped_titles.append((cut, " ".join(title)))
                entry = kb.lookup(span.text)
                label = "PERSON" if entry is None else entry.type
        out.append(_Candidate(span.start, span.end, label, span.text, "ner", entry))
    return out, stripped_titles


def _link_generics(cands: list[_Candidate], kb: KnowledgeBase) -> None:
    """Link names such as "the Alliance" to the one matching entity named in the same text."""
    present = {c.kb.id for c in cands if c.kb is not None}
    for cand in cands:
        if cand.kb is not None:
            continue
        found = {e.id: e for e in (*kb.generic(cand.text), *kb.generic(f"the {cand.text}"))}
        matches = [e for key, e in sorted(found.items()) if key in present]
        if len(matches) == 1:
            cand.kb, cand.label = matches[0], matches[0].type


def _first_name_close(a: str, b: str) -> bool:
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


def _group(cands: list[_Candidate]) -> tuple[dict[str, EntityGroup], list[tuple[_Candidate, str]]]:
    groups: dict[str, EntityGroup] = {}
    placed: list[tuple[_Candidate, str]] = []
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
            if a[-1] == b[-1] and _first_name_close(a[0].lower(), b[0].lower()):
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


def resolve_entities(doc: Doc, kb: KnowledgeBase) -> Doc:
    """Fill ``doc._.ng_entities``, ``doc._.ng_tokens`` and ``doc._.ng_posts``."""
    cands, stripped = _candidates(doc, kb)
    _link_generics(cands, kb)
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
    doc._.ng_entities = final
    doc._.ng_tokens = tokens
    doc._.ng_posts = _posts(doc, final, tokens, dict(stripped), kb)
    return doc


def _of_entity(
    doc: Doc, i: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> str | None:
    """Entity (country or organisation) owning a title that starts at token ``i``."""
    j = i - 1
    if j >= 0 and doc[j].tag_ == "POS":
        j -= 1
    key = tokens.get(j) if j >= 0 else None
    if key and final[key].type in {"ORG", "GPE"}:
        return key
    return None


def _posts(
    doc: Doc,
    final: dict[str, EntityGroup],
    tokens: dict[int, str],
    stripped: dict[int, str],
    kb: KnowledgeBase,
) -> list[Post]:
    posts: list[Post] = []
    sent_index = {s.start: n for n, s in enumerate(doc.sents)}
    for key, g in list(final.items()):
        if g.type != "PERSON":
            continue
        for start, end, _source in g.spans:
            match = find_title_before(doc, start)
            title_start = match.start if match else start
            title = match.title if match else None
            if start in stripped and match is None:
                title = stripped[start]
                title_start = start - len(title.split())
            if not title:
                title, of, title_start = _appositive_title(doc, end - 1, tokens, final)
            else:
                of = _of_entity(doc, title_start, tokens, final)
            if not title:
                continue
            if of is None:
                of = _kb_post_owner(g, title, final, kb)
            sent = sent_index.get(doc[start].sent.start, 0)
            posts.append(Post(key, _normalise_title(title), of, title_start, end, sent))
    return posts


def _appositive_title(
    doc: Doc, head: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> tuple[str | None, str | None, int]:
    """'Jens Stoltenberg, NATO's secretary general' -> ("Secretary General", NATO)."""
    from extract.titles import HEAD_TITLES, TITLE_WORDS

    for child in doc[head].children:
        if child.dep_ != "appos" or child.lower_ not in HEAD_TITLES:
            continue
        clause = {t.i for c in child.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        phrase = [t for t in child.subtree if t.i not in clause]
        if any(t.lower_ in _PAST_MARKERS for t in phrase):
            continue  # "the former prime minister": not a post held now
        words = [t for t in phrase if t.lower_ in TITLE_WORDS and t.lower_ != "the"]
        owners = [tokens[t.i] for t in phrase if t.i in tokens]
        owners = [o for o in owners if final[o].type in {"ORG", "GPE"}]
        if words:
            title = " ".join(w.text for w in words if w.i >= words[0].i)
            return title, owners[0] if owners else None, child.left_edge.i
    return None, None, head


_PAST_MARKERS = frozenset({"former", "ex", "then", "late"})


def _kb_post_owner(
    g: EntityGroup, title: str, final: dict[str, EntityGroup], kb: KnowledgeBase
) -> str | None:
    """Owner of a known person's post ("Secretary of State" Blinken -> United States).

    The owner becomes an entity of the article even when the text does not name it.
    """
    if g.kb is None:
        return None
    want = _normalise_title(title).lower()
    for post in g.kb.posts:
        owner = kb.by_id(post.of) if post.of and post.title.lower() == want else None
        if owner is not None:
            if owner.id not in final:
                final[owner.id] = EntityGroup(key=owner.id, type=owner.type, name=owner.name,
                                              kb=owner)
            return owner.id
    return None


def _normalise_title(title: str) -> str:
    from extract.titles import _titlecase

    words = [w for w in title.split() if w.lower() not in {"u.s.", "us", "nato", "eu", "un"}]
    return _titlecase(" ".join(words)).replace("Defence", "Defense") if words else title


@Language.factory(
    "newsgraph_entities",
    default_config={"kb_paths": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.ng_entities", "doc._.ng_tokens", "doc._.ng_posts"],
)
def make_entities(nlp: Language, name: str, kb_paths: list[str]) -> Any:
    """Pipeline component: resolve ``doc.ents`` into article entities (see module doc)."""
    kb = load_kb(tuple(kb_paths))

    def component(doc: Doc) -> Doc:
        return resolve_entities(doc, kb)

    return component
