"""The model's attribute ruler and lemmatizer by table lookup give the model's annotations."""

from __future__ import annotations

import spacy

from extract.nlp import resolve_model
from extract.tables import use_tables

_TEXT = (
    "There are people who ain't gonna wait, y'all.  Let's go!\n\n"
    "The senators got the bills passed; she gets better results than they did.\n"
    "Ministers were meeting in Oslo, where the talks had been going on for weeks. "
    "I'm not sure it'll work - c'mon, gotta try.\t It is what it is. In 2019, 1,200 "
    "Norwegians and Ann Leary's 3 aides flew to Tromsø; the Kurds' allies were fighting."
)


def _annotations(nlp: spacy.Language, text: str) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in nlp(text)]


def test_tables_give_the_models_annotations() -> None:
    stock = spacy.load(resolve_model())
    tables = use_tables(spacy.load(resolve_model()))
    assert "attribute_ruler" not in tables.pipe_names
    assert "lemmatizer" not in tables.pipe_names
    for text in (_TEXT, _TEXT.lower(), _TEXT.upper(), ""):
        assert _annotations(tables, text) == _annotations(stock, text)
    # a second pass reads the kept results: still the same
    assert _annotations(tables, _TEXT) == _annotations(stock, _TEXT)


def test_a_pipeline_without_the_parts_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert use_tables(nlp).pipe_names == []


def test_the_tables_need_a_loaded_model() -> None:
    import pytest

    from extract.errors import NewsgraphError

    with pytest.raises(NewsgraphError, match="E106"):
        spacy.blank("en").add_pipe("newsgraph_lemmas")
