"""The build job as a plain function: inputs in, output files and a report out.

`build` is what ``newsgraph build`` runs; it returns a `BuildReport` (data), and the CLI only
prints it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from extract.articles import read_articles
from extract.errors import InputProblem
from extract.facts import Article, ArticleFacts, write_facts
from graph.build import KnowledgeGraph, build_graph
from graph.export import write_graphml, write_rdf
from graph.namespaces import DEFAULT_BASE
from graph.netx import to_networkx

__all__ = ["BuildReport", "build", "extract_all"]

_BATCH = 32


@dataclass
class BuildReport:
    """What a build read, skipped, found and wrote."""

    articles: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    negated: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def failed_inputs(self) -> int:
        """Inputs that could not be read (warnings such as duplicates do not count)."""
        return sum(not p.warning for p in self.problems)


_worker_nlp: object = None


def _init_worker(model: str | None, kb: tuple[str, ...]) -> None:
    global _worker_nlp
    from extract.nlp import load_nlp

    _worker_nlp = load_nlp(model, kb)


def _extract_batch(batch: list[Article]) -> list[ArticleFacts]:
    from extract.pipeline import extract_facts

    return list(extract_facts(batch, _worker_nlp))  # type: ignore[arg-type]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_all(
    articles: Iterable[Article], *, model: str | None = None, kb: Sequence[str] = (),
    workers: int = 1,
) -> Iterator[ArticleFacts]:
    """Facts for every article, in input order, using ``workers`` processes."""
    if workers <= 1:
        from extract.nlp import load_nlp
        from extract.pipeline import extract_facts

        yield from extract_facts(articles, load_nlp(model, tuple(kb)))
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker,
                             initargs=(model, tuple(kb))) as pool:
        for facts in pool.map(_extract_batch, _batches(articles, _BATCH)):
            yield from facts


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path = "output",
    *,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    kb: Sequence[str] = (),
    workers: int | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> tuple[BuildReport, KnowledgeGraph | None]:
    """Read ``inputs``, extract facts, build the graph and write it to ``out_dir``."""
    from graph.html import write_html

    report = BuildReport()
    out = Path(out_dir)

    def good_articles() -> Iterator[Article]:
        for item in read_articles(inputs):
            if isinstance(item, InputProblem):
                report.problems.append(item)
                if on_problem is not None:
                    on_problem(item)
            else:
                report.articles += 1
                yield item

    n = workers if workers is not None else (os.cpu_count() or 1)
    facts = list(extract_all(good_articles(), model=model, kb=kb, workers=n))
    if not facts:
        return report, None
    report.outputs["facts"] = out / "facts.jsonl"
    write_facts(report.outputs["facts"], facts)
    kg = build_graph(facts, base=base)
    report.outputs["turtle"] = write_rdf(kg.rdf, out / "graph.ttl", "turtle")
    view = to_networkx(kg.rdf)
    report.outputs["graphml"] = write_graphml(view, out / "graph.graphml")
    report.outputs["html"] = write_html(view, out / "graph.html", title="newsgraph")
    report.entities = Counter(node.type for node in kg.resolution.nodes.values())
    report.relations = kg.relations
    report.negated = kg.negated
    return report, kg
