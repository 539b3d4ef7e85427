"""The build job as a plain function: inputs in, output files and a report out.

`build` is what ``newsgraph build`` runs; it returns a `BuildReport` (data), and the CLI only
prints it. Facts are written to ``facts.jsonl.partial`` as each article is done; the finished
file is renamed to ``facts.jsonl`` and the graph is built from it. A build that was interrupted
resumes from the partial file with ``resume=True`` (articles already there are not re-read by
the NLP), and a finished build can be extended the same way with new input.

With ``store=DIR`` the facts live in the store folder instead (see `graph.store`): only
articles not already in ``DIR/facts.jsonl`` go through the NLP, the graph is built from the
facts of every article in the store, written to ``out_dir`` as usual, and bulk-loaded into the
store's Oxigraph store ``DIR/oxigraph``.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from extract.articles import read_articles
from extract.atomic import atomic_write
from extract.errors import Errors, InputProblem, NewsgraphError
from extract.facts import Article, dumps_facts, loads_facts, read_facts
from extract.workers import extract_all
from graph.export import write_graphml, write_rdf
from graph.netx import to_networkx
from graph.rdf.build import KnowledgeGraph, build_graph
from graph.rdf.namespaces import DEFAULT_BASE
from graph.rdf.resolve import explain_merges
from graph.store import locked, store_base, update_store

__all__ = ["BuildReport", "build", "extract_all", "write_report"]


@dataclass
class BuildReport:
    """What a build read, skipped, found and wrote."""

    articles: int = 0
    resumed: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    negated: int = 0
    outputs: dict[str, Path] = field(default_factory=dict)

    @property
    def failed_inputs(self) -> int:
        """Inputs that could not be read (warnings such as duplicates do not count)."""
        return sum(not p.warning for p in self.problems)

    def to_dict(self) -> dict[str, object]:
        """Plain-JSON form, as written to ``report.json``."""
        return {
            "articles": self.articles,
            "resumed": self.resumed,
            "failed_inputs": self.failed_inputs,
            "problems": [
                {"code": str(p).split(" ", 1)[0], "where": p.where, "warning": p.warning,
                 "message": str(p)}
                for p in self.problems
            ],
            "entities": dict(sorted(self.entities.items())),
            "relations": dict(sorted(self.relations.items())),
            "negated": self.negated,
            "outputs": {k: str(v) for k, v in self.outputs.items()},
        }


def write_report(report: BuildReport, path: str | Path) -> Path:
    """Write ``report`` as JSON (atomically)."""
    with atomic_write(path) as out:
        json.dump(report.to_dict(), out, indent=2, ensure_ascii=False)
        out.write("\n")
    return Path(path)


def _done_ids(out: Path, resume: bool) -> set[str]:
    """Ids of articles already extracted; keeps only whole lines of the partial file."""
    partial, final = out / "facts.jsonl.partial", out / "facts.jsonl"
    if not resume:
        partial.unlink(missing_ok=True)
        return set()
    if not partial.exists() and final.exists():
        partial.write_bytes(final.read_bytes())
    if not partial.exists():
        return set()
    ids: list[str] = []
    good: list[str] = []
    with open(partial, encoding="utf-8") as handle:
        for line in handle:
            try:  # the last line of a killed build may be cut short
                facts = loads_facts(line) if line.endswith("\n") else None
            except ValueError:
                facts = None
            if facts is not None:
                ids.append(facts.article.id)
                good.append(line)
    with open(partial, "w", encoding="utf-8") as handle:
        handle.writelines(good)
    return set(ids)


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path = "output",
    *,
    model: str | None = None,
    base: str | None = None,
    kb: Sequence[str] = (),
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    store: str | Path | None = None,
    html: bool = True,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> tuple[BuildReport, KnowledgeGraph | None]:
    """Read ``inputs``, extract facts, build the graph and write it to ``out_dir``.

    Args:
        inputs: files and folders of articles.
        out_dir: where graph.ttl, graph.html, graph.graphml and facts.jsonl are written.
        model: spaCy pipeline name.
        base: base IRI of the entities, articles and statements (default:
            `graph.rdf.namespaces.DEFAULT_BASE`, or the one ``store`` was built with).
        kb: extra knowledge-base files.
        workers: local processes for the NLP (default: all cores).
        scheduler: Dask scheduler address; the NLP runs on that cluster instead.
        resume: keep the facts of an earlier (interrupted or finished) build in ``out_dir``.
        store: a store folder (`graph.store`) that keeps the facts instead of ``out_dir``:
            its articles are kept (``resume`` is implied), and its Oxigraph store is updated.
        html: also write the HTML explorer.
        on_problem: called with each bad input as it is found.

    Returns:
        The report, and the graph (None when no article could be read).

    Raises:
        NewsgraphError: E301 when an output cannot be written (the earlier outputs in
            ``out_dir`` and the previous graph of ``store`` are left as they were); E304 when
            another process is writing to ``out_dir`` or ``store``.
    """
    report = BuildReport()
    out = Path(out_dir)
    facts_dir = Path(store) if store is not None else out
    if base is None:
        base = store_base(facts_dir) if store is not None else DEFAULT_BASE
    try:
        with ExitStack() as guard:  # one build per output folder and per store at a time
            guard.enter_context(locked(out))
            if store is not None:
                guard.enter_context(locked(facts_dir))
            return _build(inputs, out, report, model=model, base=base, kb=kb, workers=workers,
                          scheduler=scheduler, resume=resume or store is not None,
                          facts_dir=facts_dir, html=html, on_problem=on_problem,
                          store=store is not None)
    except OSError as err:
        where = err.filename or out
        raise NewsgraphError(Errors.E301.format(where=where, reason=err.strerror or err)) from err


def _build(
    inputs: Sequence[str | Path], out: Path, report: BuildReport, *, model: str | None,
    base: str, kb: Sequence[str], workers: int | None, scheduler: str | None, resume: bool,
    facts_dir: Path, html: bool, on_problem: Callable[[InputProblem], None] | None, store: bool,
) -> tuple[BuildReport, KnowledgeGraph | None]:
    from graph.explorer.page import write_html

    out.mkdir(parents=True, exist_ok=True)
    facts_dir.mkdir(parents=True, exist_ok=True)
    done = _done_ids(facts_dir, resume)

    def new_articles() -> Iterator[Article]:
        for item in read_articles(inputs):
            if isinstance(item, InputProblem):
                report.problems.append(item)
                if on_problem is not None:
                    on_problem(item)
            elif item.id in done:
                report.articles += 1
                report.resumed += 1
            else:
                report.articles += 1
                yield item

    n = workers if workers is not None else (os.cpu_count() or 1)
    partial = facts_dir / "facts.jsonl.partial"
    with open(partial, "a", encoding="utf-8") as handle:
        for facts in extract_all(new_articles(), model=model, kb=kb, workers=n,
                                 scheduler=scheduler):
            handle.write(dumps_facts(facts) + "\n")
            handle.flush()
    if partial.stat().st_size == 0:
        partial.unlink()
        write_report(report, out / "report.json")
        return report, None
    os.replace(partial, facts_dir / "facts.jsonl")
    report.outputs["facts"] = facts_dir / "facts.jsonl"
    kg = build_graph(read_facts(report.outputs["facts"]), base=base)
    report.outputs["turtle"] = write_rdf(kg, out / "graph.ttl", "turtle")
    view = to_networkx(kg.rdf)
    report.outputs["graphml"] = write_graphml(view, out / "graph.graphml")
    if html:
        report.outputs["html"] = write_html(view, out / "graph.html", title="newsgraph")
    report.entities = Counter(node.type for node in kg.resolution.nodes.values())
    report.relations = kg.relations
    report.negated = kg.negated
    if store:
        report.outputs["store"] = update_store(facts_dir, kg, base=base)
    report.outputs["merges"] = out / "merges.json"
    with atomic_write(report.outputs["merges"]) as merges:
        json.dump(explain_merges(kg.resolution), merges, indent=1, ensure_ascii=False)
        merges.write("\n")
    report.outputs["report"] = out / "report.json"
    write_report(report, report.outputs["report"])
    return report, kg
