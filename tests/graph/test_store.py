"""The persistent store: incremental builds, article removal, queries on the on-disk store."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.run
import graph.store
from extract.errors import NewsgraphError
from extract.facts import Article, ArticleFacts, Entity, Relation, dumps_facts
from graph.cli import app
from graph.export import entities_graph, export, kb_graph
from graph.query import load_store, resolve_query, run_query
from graph.rdf.iris import article_iri
from graph.rdf.namespaces import DEFAULT_BASE, NG
from graph.run import BuildReport, build
from graph.store import remove_article, store_articles, update_store

from conftest import EXAMPLES

FILES = ("poland_eastern_flank.txt", "g7_apulia_summit.txt", "istanbul_peace_talks.txt")
ANN, BOB = f"{DEFAULT_BASE}person/ann-lee", f"{DEFAULT_BASE}person/bob-stone"


def _inputs(root: Path, name: str, files: Iterable[str]) -> Path:
    folder = root / name
    folder.mkdir()
    for file in files:
        shutil.copy(EXAMPLES / file, folder / file)
    return folder


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Stores of three example articles: built in two halves, in one go, and without one."""
    root = tmp_path_factory.mktemp("stores")
    first = _inputs(root, "first", FILES[:1])
    rest = _inputs(root, "rest", FILES[1:])
    pair = [first, rest / FILES[1]]  # the same paths: an article's origin is in the graph
    build([first], root / "out-halves", store=root / "halves", workers=1, html=False)
    again, _ = build([first, rest], root / "out-halves", store=root / "halves", workers=1,
                     html=False)
    build([first, rest], root / "out-whole", store=root / "whole", workers=1, html=False)
    build(pair, root / "out-pair", store=root / "pair", workers=1, html=False)
    return {"root": root, "inputs": [first, rest], "second_half": again}


def _quads(store: Path) -> list[str]:
    return sorted(str(q) for q in load_store(store / "oxigraph"))


def _triples_of(quads: Iterable[ox.Quad]) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def test_store_built_in_two_halves_equals_one_build(stores: dict[str, Any]) -> None:
    root = stores["root"]
    second: BuildReport = stores["second_half"]
    assert (second.articles, second.resumed) == (3, 1)
    assert second.outputs["store"] == root / "halves" / "oxigraph"
    assert len(_quads(root / "whole")) > 100
    assert _quads(root / "halves") == _quads(root / "whole")
    facts = (root / "halves" / "facts.jsonl").read_bytes()
    assert facts == (root / "whole" / "facts.jsonl").read_bytes()
    turtle = (root / "out-halves" / "graph.ttl").read_bytes()
    assert turtle == (root / "out-whole" / "graph.ttl").read_bytes()


def test_store_has_a_graph_per_article_and_holds_the_built_graph(
    stores: dict[str, Any],
) -> None:
    root = stores["root"]
    store = load_store(root / "whole" / "oxigraph")
    articles = {ox.NamedNode(article_iri(DEFAULT_BASE, key))
                for key, _title in store_articles(root / "whole")}
    assert len(articles) == 3
    graphs = {ox.NamedNode(entities_graph()), ox.NamedNode(kb_graph())}  # a city in its country
    assert set(store.named_graphs()) == articles | graphs
    built = ox.parse(path=root / "out-whole" / "graph.ttl", format=ox.RdfFormat.TURTLE)
    assert _triples_of(store) == _triples_of(built)


def test_same_input_gives_byte_identical_exports(stores: dict[str, Any], tmp_path: Path) -> None:
    root = stores["root"]
    for fmt in ("trig", "nq", "turtle"):
        one = export(root / "halves" / "oxigraph", tmp_path / f"halves.{fmt}", fmt)
        two = export(root / "whole" / "oxigraph", tmp_path / f"whole.{fmt}", fmt)
        assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "whole.turtle").read_bytes() == (root / "out-whole" / "graph.ttl"
                                                        ).read_bytes()


def test_known_articles_skip_the_nlp_and_leave_the_store_alone(
    stores: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = tmp_path / "store"
    shutil.copytree(stores["root"] / "whole", store)
    inode = (store / "oxigraph").stat().st_ino
    seen: list[Article] = []
    real = graph.run.extract_all

    def spy(articles: Iterable[Article], **kwargs: Any) -> Iterator[ArticleFacts]:
        items = list(articles)
        seen.extend(items)
        return real(iter(items), **kwargs)

    monkeypatch.setattr(graph.run, "extract_all", spy)
    report, _ = build(stores["inputs"], tmp_path / "out", store=store, workers=1, html=False)
    assert seen == []
    assert (report.articles, report.resumed) == (3, 3)
    assert (store / "oxigraph").stat().st_ino == inode
    assert _quads(store) == _quads(stores["root"] / "whole")


def test_removing_an_article_equals_building_without_it(
    stores: dict[str, Any], tmp_path: Path,
) -> None:
    root = stores["root"]
    store = tmp_path / "store"
    shutil.copytree(root / "whole", store)
    kept = dict(store_articles(root / "pair"))
    [(gone, title)] = [a for a in store_articles(store) if a[0] not in kept]
    assert remove_article(store, [article_iri(DEFAULT_BASE, gone)]) == [(gone, title)]
    assert dict(store_articles(store)) == kept
    assert _quads(store) == _quads(root / "pair")
    assert (store / "facts.jsonl").read_bytes() == (root / "pair" / "facts.jsonl").read_bytes()


def _discussion(aid: str) -> ArticleFacts:
    ents = (Entity(key="~ann", type="PERSON", name="Ann Lee", mentions=1),
            Entity(key="~bob", type="PERSON", name="Bob Stone", mentions=1))
    rel = Relation(subject="~ann", predicate="discussedWith", obj="~bob",
                   sentence=f"Ann Lee met Bob Stone ({aid}).", start=0, end=20, trigger="met",
                   rule="test")
    return ArticleFacts(article=Article(id=aid, text="", title=f"Title {aid}"), entities=ents,
                        relations=(rel,))


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    """A store of two hand-made articles that both support Ann Lee discussedWith Bob Stone."""
    store = tmp_path / "small"
    store.mkdir()
    lines = [dumps_facts(_discussion(aid)) + "\n" for aid in ("a2", "a1")]
    (store / "facts.jsonl").write_text("".join(lines), encoding="utf-8")
    update_store(store)
    return store


def _graphs_with(store: Path, s: str, p: str, o: str) -> set[str]:
    quads = load_store(store / "oxigraph").quads_for_pattern(
        ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), None)
    return {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}


def test_a_fact_supported_by_two_articles_survives_removing_one(small: Path) -> None:
    fact = (ANN, str(NG.discussedWith), BOB)
    a1, a2 = article_iri(DEFAULT_BASE, "a1"), article_iri(DEFAULT_BASE, "a2")
    assert _graphs_with(small, *fact) == {a1, a2}
    assert remove_article(small, ["a1"]) == [("a1", "Title a1")]
    assert _graphs_with(small, *fact) == {a2}
    store = load_store(small / "oxigraph")
    assert ox.NamedNode(a1) not in set(store.named_graphs())
    derived = run_query(store, f"ASK {{ ?st <http://www.w3.org/ns/prov#wasDerivedFrom> <{a1}> }}")
    assert derived.boolean is False
    remove_article(small, ["a2"])
    assert _graphs_with(small, *fact) == set()
    assert len(load_store(small / "oxigraph")) == 0
    assert store_articles(small) == []


def test_facts_file_is_kept_sorted_by_article(small: Path) -> None:
    assert [key for key, _ in store_articles(small)] == ["a1", "a2"]
    lines = (small / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    assert ['"id": "a1"' in lines[0], '"id": "a2"' in lines[1]] == [True, True]


def test_querying_the_store(stores: dict[str, Any]) -> None:
    root = stores["root"]
    on_disk = load_store(root / "whole" / "oxigraph")
    from_file = load_store(root / "out-whole" / "graph.ttl")
    for name in ("entities", "relations", "threats"):
        text = resolve_query(name)
        assert run_query(on_disk, text).rows == run_query(from_file, text).rows
    count = run_query(on_disk, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <http://schema.org/"
                               "NewsArticle> }")
    assert count.rows == [("3",)]


def test_a_failed_load_leaves_the_previous_store_readable(
    small: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _quads(small)

    def broken(path: Path, quads: list[ox.Quad]) -> None:
        ox.Store(str(path)).bulk_extend(quads[:3])
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(graph.store, "_fill", broken)
    with pytest.raises(NewsgraphError, match="E305"):
        remove_article(small, ["a1"])
    assert _quads(small) == before
    assert not (small / "oxigraph.new").exists()
    monkeypatch.undo()
    update_store(small)
    assert _quads(small) != before
    assert _graphs_with(small, ANN, str(NG.discussedWith), BOB) == {
        article_iri(DEFAULT_BASE, "a2")}


def test_an_interrupted_swap_is_undone(small: Path) -> None:
    before = _quads(small)
    (small / "oxigraph").rename(small / "oxigraph.old")
    (small / "oxigraph.new").mkdir()
    update_store(small)
    assert _quads(small) == before
    assert not (small / "oxigraph.old").exists() and not (small / "oxigraph.new").exists()


def test_a_store_in_use_is_refused(small: Path) -> None:
    with open(small / ".lock", "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(NewsgraphError, match="E304"):
            remove_article(small, ["a1"])
    assert len(store_articles(small)) == 2


def test_a_folder_without_facts_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="E302"):
        remove_article(tmp_path / "missing", ["a1"])
    assert not (tmp_path / "missing").exists()


def test_cli_build_query_and_remove(stores: dict[str, Any], tmp_path: Path) -> None:
    runner = CliRunner()
    store, out = tmp_path / "store", tmp_path / "out"
    first = stores["inputs"][0]
    done = runner.invoke(app, ["build", str(first), "--store", str(store), "-o", str(out),
                               "--workers", "1"])
    assert done.exit_code == 0, done.output
    assert f"wrote store: {store / 'oxigraph'}" in done.output
    query = runner.invoke(app, ["query", str(store / "oxigraph"), "entities", "--format", "csv"])
    assert query.exit_code == 0 and len(query.output.splitlines()) > 5
    [(key, title)] = store_articles(store)
    listed = runner.invoke(app, ["remove", "--store", str(store)])
    assert listed.exit_code == 0 and listed.output == f"{key}  {title}\n"
    wrong = runner.invoke(app, ["remove", "--store", str(store), "--article", "nope"])
    assert wrong.exit_code == 2 and "E303" in wrong.output
    gone = runner.invoke(app, ["remove", "--store", str(store), "--article", key])
    assert gone.exit_code == 0 and "0 article(s) left" in gone.output
    assert len(load_store(store / "oxigraph")) == 0


def test_removed_articles_do_not_come_back_from_an_interrupted_build(small: Path) -> None:
    lines = (small / "facts.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (small / "facts.jsonl.partial").write_text("".join(lines) + lines[0][:30], encoding="utf-8")
    remove_article(small, ["a1"])
    assert (small / "facts.jsonl.partial").read_text(encoding="utf-8") == lines[1]
