"""Very long articles: split for spaCy wherever they allow it, every character and offset kept."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.facts import Article
from extract.pipeline import extract_facts, split_text

SENTENCE = "Polish Prime Minister Donald Tusk met Mark Rutte in Warsaw on Monday. "


def _check_pieces(text: str, limit: int) -> list[tuple[int, str]]:
    pieces = split_text(text, limit)
    assert "".join(chunk for _offset, chunk in pieces) == text
    assert all(text.startswith(chunk, offset) for offset, chunk in pieces)
    assert all(0 < len(chunk) <= limit for _offset, chunk in pieces)
    return pieces


def test_one_line_text_splits_at_sentence_ends() -> None:
    text = SENTENCE * 200
    pieces = _check_pieces(text, 1000)
    assert all(chunk.endswith("Monday. ") for _offset, chunk in pieces[:-1])


def test_text_without_sentence_ends_splits_at_spaces() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    pieces = _check_pieces(text, 1000)
    assert all(chunk.endswith(" ") for _offset, chunk in pieces[:-1])
    assert len(pieces) < 2 * len(text) / 1000 + 2  # no tiny pieces


def test_text_without_spaces_splits_hard() -> None:
    _check_pieces("x" * 2500, 1000)


def test_long_one_line_article_goes_through_a_small_pipeline(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "max_length", 2000)
    text = SENTENCE * 100  # 7,000 characters on one line, over the pipeline's max_length
    done: list[int] = []
    facts = next(extract_facts([Article(id="long", text=text)], nlp, on_chunk=done.append))
    assert sum(done) == len(text) and len(done) >= 4  # progress inside the article
    for m in facts.mentions:
        assert text[m.start : m.end] == m.text
    assert len([m for m in facts.mentions if m.text == "Donald Tusk"]) == 100
    met = [r for r in facts.relations if r.predicate == "discussedWith"]
    assert len({r.start for r in met}) == 100
    assert all(text[r.start : r.end].strip() == r.sentence for r in met)
