"""Shared fixtures: the spaCy pipeline and a build of the bundled example articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extract.facts import Article, ArticleFacts
from extract.nlp import load_nlp
from extract.pipeline import extract_facts
from graph.rdf.build import KnowledgeGraph
from graph.run import BuildReport, build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def facts_of(nlp: Language):  # type: ignore[no-untyped-def]
    """Extract facts from a text: ``facts_of("Blinken met Stoltenberg.")``."""

    def run(text: str, title: str | None = None) -> ArticleFacts:
        return next(extract_facts([Article(id="t", text=text, title=title)], nlp))

    return run


@pytest.fixture(scope="session")
def example_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[BuildReport, KnowledgeGraph, Path]:
    out = tmp_path_factory.mktemp("example-build")
    report, kg = build([EXAMPLES], out, workers=1)
    assert kg is not None
    return report, kg, out


def names(facts: ArticleFacts) -> dict[str, str]:
    """Entity name -> type."""
    return {e.name: e.type for e in facts.entities}


def triples(facts: ArticleFacts, *, asserted_only: bool = True) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name or value) of the relations."""
    key_name = {e.key: e.name for e in facts.entities}
    return {
        (key_name[r.subject], r.predicate, key_name[r.obj] if r.obj else r.value or "")
        for r in facts.relations
        if r.polarity == "asserted" or not asserted_only
    }
