"""The incremental store and knowledge-base facts: one statement while some article brings the
fact in, none once the last such article is removed; removal and re-adding round-trip."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from extract.facts import Article, ArticleFacts, Entity, Relation, dumps_facts, read_facts
from graph.query import load_store
from graph.rdf.datasets import kb_graph
from graph.rdf.namespaces import DEFAULT_BASE, NG
from graph.rdf.provenance import KB_SOURCE
from graph.run import build
from graph.store import remove_article, update_store
from graph.validate import validate

KB_GRAPH = ox.NamedNode(kb_graph(DEFAULT_BASE))
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")


def _article(aid: str) -> ArticleFacts:
    ents = (Entity(key="city:593116", type="GPE", name="Vilnius", country="LT", mentions=1),
            Entity(key="country:LT", type="GPE", name="Lithuania", mentions=1))
    rel = Relation("city:593116", "locatedIn", "country:LT", f"Talks in Vilnius ({aid}).", 0, 20,
                   "Vilnius", "located-kb", confidence=0.5)
    return ArticleFacts(article=Article(id=aid, text="", title=f"Title {aid}"), entities=ents,
                        relations=(rel,))


def _write(path: Path, facts: list[ArticleFacts]) -> None:
    path.write_text("".join(dumps_facts(f) + "\n" for f in facts), encoding="utf-8")


def _store(folder: Path, *aids: str) -> Path:
    folder.mkdir()
    _write(folder / "facts.jsonl", [_article(a) for a in aids])
    update_store(folder)
    return folder


def _dataset(folder: Path) -> Dataset:
    data = Dataset()
    dump = load_store(folder / "oxigraph").dump(format=ox.RdfFormat.N_QUADS)
    data.parse(data=dump.decode("utf-8"), format="nquads")
    return data


def _kb_statements(folder: Path) -> list[ox.Quad]:
    return list(load_store(folder / "oxigraph").quads_for_pattern(
        None, DERIVED, ox.NamedNode(KB_SOURCE), None))


def _same(a: Path, b: Path) -> bool:
    one, two = _dataset(a), _dataset(b)
    names = {str(g.identifier) for g in one.graphs() if len(g)}
    if names != {str(g.identifier) for g in two.graphs() if len(g)}:
        return False
    return all(isomorphic(one.graph(URIRef(n)), two.graph(URIRef(n))) for n in names)


def test_the_fact_stays_while_an_article_brings_it_in(tmp_path: Path) -> None:
    both = _store(tmp_path / "both", "a1", "a2")
    [quad] = _kb_statements(both)
    assert quad.graph_name == KB_GRAPH
    remove_article(both, ["a1"])
    assert [q.subject for q in _kb_statements(both)] == [quad.subject]
    assert _same(both, _store(tmp_path / "only-a2", "a2"))


def test_the_fact_goes_with_the_last_article(tmp_path: Path) -> None:
    both = _store(tmp_path / "both", "a1", "a2")
    remove_article(both, ["a1", "a2"])
    assert _kb_statements(both) == []
    assert KB_GRAPH not in set(load_store(both / "oxigraph").named_graphs())


def test_removing_and_adding_an_article_again_gives_the_same_store(tmp_path: Path) -> None:
    both = _store(tmp_path / "both", "a1", "a2")
    reference = _store(tmp_path / "reference", "a1", "a2")
    remove_article(both, ["a2"])
    _write(both / "facts.jsonl", [*read_facts(both / "facts.jsonl"), _article("a2")])
    update_store(both)
    assert len(_kb_statements(both)) == 1
    assert _same(both, reference)


@pytest.mark.parametrize("removed", [False, True])
def test_a_store_built_from_text_conforms_and_drops_the_fact_with_its_article(
    tmp_path: Path, removed: bool,
) -> None:
    text = tmp_path / "in" / "vilnius.txt"
    text.parent.mkdir()
    text.write_text("Summit news\n\nLeaders met in Vilnius on Tuesday. Lithuania hosted the "
                    "summit.\n", encoding="utf-8")
    store = tmp_path / "store"
    build([text.parent], tmp_path / "out", store=store, workers=1, html=False)
    assert len(_kb_statements(store)) == 1
    report = validate(store / "oxigraph")
    assert report.conforms, "\n".join(map(str, report.violations))
    if removed:
        [article] = [a.article.id for a in read_facts(store / "facts.jsonl")]
        remove_article(store, [article])
        assert _kb_statements(store) == []
        assert not list(load_store(store / "oxigraph").quads_for_pattern(
            None, ox.NamedNode(str(NG.locatedIn)), None, None))
