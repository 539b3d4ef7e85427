"""Articles -> spaCy Docs -> `ArticleFacts`: the extraction step of a build."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.entities import EntityGroup
from extract.facts import Article, ArticleFacts, Entity, Mention, Relation
from extract.guard import failures
from extract.kb import load_kb
from extract.truecase import shouted_spans, truecase

__all__ = ["CHUNK_CHARS", "doc_to_facts", "extract_facts", "split_text"]

#: Longest text handed to spaCy in one piece (less when the pipeline's ``max_length`` is
#: less); longer articles are split at paragraphs, sentence ends or spaces.
CHUNK_CHARS = 100_000

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def _cut(window: str) -> int:
    """Where a piece of a longer text ends inside ``window``: after the last paragraph break
    in its second half, else after its last sentence end there, else after its last space
    there, else at its end (a text with no space at all)."""
    half = len(window) // 2
    para = window.rfind("\n\n", half)
    if para >= 0:
        return para + 2
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    for i in range(len(window) - 1, half - 1, -1):
        if window[i].isspace():
            return i + 1
    return len(window)


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters.

    Splits at blank lines, then at sentence ends, then at spaces, then (a run of ``limit``
    characters without a space) hard. The pieces join to ``text``: no character is lost, and
    ``offset`` is where each starts.

    >>> split_text("one.\\n\\ntwo.", limit=8)
    [(0, 'one.\\n\\n'), (6, 'two.')]
    >>> split_text("One two. Three four five six", limit=12)
    [(0, 'One two. '), (9, 'Three four '), (20, 'five six')]
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = start + _cut(text[start:end])
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def doc_to_facts(
    doc: Doc, article: Article, offset: int = 0, source: str | None = None
) -> ArticleFacts:
    """Read the newsgraph extensions of a processed Doc into `ArticleFacts`.

    Args:
        doc: the processed text (a chunk of the article starting at ``offset``).
        article: the article.
        offset: where the chunk starts in the article text.
        source: the chunk as written, when ``doc`` was made from a case-repaired copy of the
            same length (see :mod:`extract.truecase`); quoted text is taken from it.
    """
    whole = doc_text(doc)
    text = source if source is not None and len(source) == len(whole) else whole
    groups: dict[str, EntityGroup] = doc._.ng_entities
    sent_of = {}
    sentences = []
    for n, sent in enumerate(doc.sents):
        sentences.append(text[sent.start_char : sent.end_char].strip())
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    entities = []
    mentions = []
    for key in sorted(groups):
        g = groups[key]
        kb = g.kb
        entities.append(Entity(
            key=key, type=g.type, name=g.name,
            aliases=tuple(sorted(s for s in g.surfaces if s != g.name)),
            wikidata=kb.wikidata if kb else None, geonames=kb.geonames if kb else None,
            country=kb.country if kb else None, mentions=len(g.spans),
        ))
        for start, end, how in sorted(set(g.spans)):
            span = doc[start:end]
            mentions.append(Mention(
                entity=key, start=span.start_char + offset, end=span.end_char + offset,
                sentence=sent_of.get(start, 0), text=text[span.start_char : span.end_char],
                source=how,
            ))
    relations = tuple(
        replace(r, start=r.start + offset, end=r.end + offset,
                sentence=text[r.start : r.end].strip())
        for r in doc._.ng_relations
    )
    return ArticleFacts(article=article, entities=tuple(entities), mentions=tuple(mentions),
                        relations=relations, sentences=tuple(sentences), failures=failures(doc))


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """Names in capitals that stay in capitals in a case-repaired headline ("NATO", "U.S.")."""
    kb = load_kb()
    forms = {form for entry in kb for form in (entry.name, entry.acronym or "", *entry.aliases)}
    return frozenset(f for f in forms if f.isupper() and " " not in f)


def _merge_chunks(article: Article, parts: list[ArticleFacts]) -> ArticleFacts:
    if len(parts) == 1:
        return parts[0]
    entities: dict[str, Entity] = {}
    for part in parts:
        for ent in part.entities:
            old = entities.get(ent.key)
            entities[ent.key] = ent if old is None else replace(
                old, aliases=tuple(sorted(set(old.aliases) | set(ent.aliases))),
                mentions=old.mentions + ent.mentions,
            )
    mentions: list[Mention] = []
    relations: list[Relation] = []
    sentences: list[str] = []
    for part in parts:
        mentions.extend(replace(m, sentence=m.sentence + len(sentences)) for m in part.mentions)
        relations.extend(part.relations)
        sentences.extend(part.sentences)
    return ArticleFacts(article=article, entities=tuple(entities[k] for k in sorted(entities)),
                        mentions=tuple(mentions), relations=tuple(relations),
                        sentences=tuple(sentences),
                        failures=tuple(dict.fromkeys(f for p in parts for f in p.failures)))


def extract_facts(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 16,
    on_chunk: Callable[[int], None] | None = None,
) -> Iterator[ArticleFacts]:
    """Run ``nlp`` over ``articles`` (in order) and yield their facts.

    Texts longer than `CHUNK_CHARS` or the pipeline's ``max_length`` go through spaCy in
    pieces (`split_text`); ``on_chunk`` is called with the length of each piece when it is
    done, so a caller can show progress inside a very long article.
    """
    keep = _acronyms()
    limit = max(1, min(CHUNK_CHARS, nlp.max_length))

    def pieces() -> Iterator[tuple[Doc, tuple[Article, int, int, str]]]:
        for article in articles:
            chunks = split_text(article.text, limit)
            for n, (offset, chunk) in enumerate(chunks):
                doc = nlp.make_doc(truecase(chunk, keep))
                doc.user_data["ng_shouted"] = shouted_spans(chunk)
                yield doc, (article, offset, len(chunks) - n - 1, chunk)

    parts: list[ArticleFacts] = []
    for doc, (article, offset, remaining, chunk) in nlp.pipe(pieces(), as_tuples=True,
                                                             batch_size=batch_size):
        parts.append(doc_to_facts(doc, article, offset, chunk))
        if on_chunk is not None:
            on_chunk(len(chunk))
        if remaining == 0:
            yield _merge_chunks(article, parts)
            parts = []
