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

The steps live in :mod:`extract.mentions` (candidate spans, 1-3), :mod:`extract.gazetteer`
(mentions from patterns NER misses, headline fragments dropped), :mod:`extract.linking`
(links the rest of the article does not confirm are dropped), :mod:`extract.merging`
(groups, 4-6) and :mod:`extract.posts` (posts); this module runs them in order.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.gazetteer import add_pattern_mentions, drop_headline_fragments
from extract.guard import run_guarded
from extract.kb import KnowledgeBase, load_kb
from extract.linking import check_links
from extract.mentions import Candidate, find_candidates, link_generics
from extract.merging import EntityGroup, entity_table
from extract.person_cues import title_line_fragments
from extract.posts import Post, find_posts
from extract.repeats import add_surname_repeats

__all__ = ["EntityGroup", "Post", "resolve_entities"]


def _register_extensions() -> None:
    for name, default in (("ng_entities", None), ("ng_tokens", None), ("ng_posts", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_register_extensions()


def resolve_entities(doc: Doc, kb: KnowledgeBase) -> Doc:
    """Fill ``doc._.ng_entities``, ``doc._.ng_tokens`` and ``doc._.ng_posts``."""
    cands, stripped = find_candidates(doc, kb)
    cands = drop_headline_fragments(doc, add_pattern_mentions(doc, cands, kb))
    cands = _cut_title_lines(doc, cands)
    cands = add_surname_repeats(doc, cands)
    check_links(doc, cands, kb, dict(stripped))
    link_generics(cands, kb)
    final, tokens = entity_table(cands, _honorifics(doc, cands))
    doc._.ng_entities = final
    doc._.ng_tokens = tokens
    doc._.ng_posts = find_posts(doc, final, tokens, dict(stripped), kb)
    return doc


#: Honorifics that tell a person's gender.
_GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _honorifics(doc: Doc, cands: list[Candidate]) -> dict[int, str]:
    """The gender of the honorific right before each person mention that has one."""
    out: dict[int, str] = {}
    for c in cands:
        if c.label == "PERSON" and c.start > 0 and doc[c.start - 1].is_title:
            gender = _GENDERED.get(doc[c.start - 1].lower_.rstrip("."))  # not "will miss Roe"
            if gender is not None:
                out[c.start] = gender
    return out


def _cut_title_lines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the PERSON mentions of title-case lines cut to the words the prose names,
    or dropped (:func:`extract.person_cues.title_line_fragments`)."""
    persons = [c for c in cands if c.label == "PERSON" and c.kb is None]
    others = [(c.start, c.end) for c in cands if not (c.label == "PERSON" and c.kb is None)]
    fixes = title_line_fragments(doc, [(c.start, c.end) for c in persons], others)
    gone: set[int] = set()
    for k, span in fixes.items():
        cand = persons[k]
        if span is None:
            gone.add(id(cand))
        else:
            cand.start, cand.end = span
            cand.text = doc[cand.start : cand.end].text
    return [c for c in cands if id(c) not in gone]


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
        return run_guarded(name, doc, lambda d: resolve_entities(d, kb), _no_entities)

    return component


def _no_entities(doc: Doc) -> None:
    doc._.ng_entities, doc._.ng_tokens, doc._.ng_posts = {}, {}, []
