"""The build job as a plain function: inputs in, output files and a report out.

`build` is what ``newsgraph build`` runs; it returns a `BuildReport` (data), and the CLI only
prints it. Options are checked first (`graph.options`), before any output is touched. Facts
are written to ``facts.jsonl.partial`` as each article is done, and the graph is built from
that file; every output is written into a staging folder and moved into the output folder only
when all are written (`graph.outputs`), ``facts.jsonl`` last. A build that was interrupted
resumes from the partial file with ``resume=True`` (articles already there are not re-read by
the NLP; a line that is not a facts record is reported, E306, and its article extracted
again), and a finished build can be extended the same way with new input.

With ``store=DIR`` the facts live in the store folder instead (see `graph.store`): only
articles not already in ``DIR/facts.jsonl`` go through the NLP, the graph is built from the
facts of every article in the store, written to ``out_dir`` as usual, and bulk-loaded into the
store's Oxigraph store ``DIR/oxigraph``.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from extract.articles import read_articles
from extract.atomic import atomic_write
from extract.errors import Errors, InputProblem, NewsgraphError
from extract.facts import Article, dumps_facts, read_facts
from extract.facts_check import parse_facts_line
from extract.inputs import MAX_FILE_BYTES, input_problem
from extract.workers import extract_all
from graph.export import write_graphml, write_rdf
from graph.netx import to_networkx
from graph.options import check_options
from graph.outputs import STAGING_PREFIX, Staging, staging
from graph.progress import Progress
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
                {"code": p.code, "where": p.where, "warning": p.warning,
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


def _done_ids(out: Path, resume: bool, problems: list[InputProblem]) -> set[str]:
    """Ids of articles already extracted; keeps only the whole facts lines of the partial file.

    A line cut short (the last line of a killed build) is dropped; any other line that is not
    a facts record is dropped with a problem (E306) naming the file and line, so its article
    is extracted again.
    """
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
    source = final if final.exists() else partial  # what the user knows by name
    with open(partial, encoding="utf-8", errors="surrogateescape") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith("\n") or not line.strip():
                continue
            try:
                facts = parse_facts_line(line)
            except ValueError as err:
                problems.append(input_problem(Errors.E306, f"{source}:{number}", warning=True,
                                              reason=str(err)[:200]))
                continue
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
    max_bytes: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
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
        max_bytes: largest input file read (a larger one is an E016 error).
        progress: told of each article and each piece of a long article extracted.

    Returns:
        The report, and the graph (None when no article could be read).

    Raises:
        NewsgraphError: E101-E105 for a bad option (before anything is written); E301 when an
            output cannot be written (the earlier outputs in ``out_dir`` and the previous
            graph of ``store`` are left as they were); E304 when another process is writing
            to ``out_dir`` or ``store``.
    """
    check_options(model=model, base=base, kb=kb, workers=workers, scheduler=scheduler,
                  max_bytes=max_bytes)
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
                          store=store is not None, max_bytes=max_bytes, progress=progress)
    except OSError as err:
        where = _output_name(err.filename, out)
        raise NewsgraphError(Errors.E301.format(where=where, reason=err.strerror or err)) from err


def _output_name(filename: object, out: Path) -> str:
    """The output a failed write was for: ``out/graph.ttl``, not its staged temporary copy."""
    if not isinstance(filename, str | os.PathLike):
        return str(out)
    path = Path(filename)
    if not any(part.startswith(STAGING_PREFIX) for part in path.parts):
        return str(path)
    match = re.fullmatch(r"\.(.+)\.[^.]+\.tmp", path.name)  # extract.atomic's temporary file
    return str(out / (match.group(1) if match else path.name))


def _build(
    inputs: Sequence[str | Path], out: Path, report: BuildReport, *, model: str | None,
    base: str, kb: Sequence[str], workers: int | None, scheduler: str | None, resume: bool,
    facts_dir: Path, html: bool, on_problem: Callable[[InputProblem], None] | None, store: bool,
    max_bytes: int, progress: Progress | None,
) -> tuple[BuildReport, KnowledgeGraph | None]:
    out.mkdir(parents=True, exist_ok=True)
    facts_dir.mkdir(parents=True, exist_ok=True)
    done = _done_ids(facts_dir, resume, report.problems)
    if on_problem is not None:
        for problem in report.problems:
            on_problem(problem)

    def new_articles() -> Iterator[Article]:
        for item in read_articles(inputs, max_bytes):
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
    on_chunk = progress.chunk if progress is not None else None
    with open(partial, "a", encoding="utf-8") as handle:
        for facts in extract_all(new_articles(), model=model, kb=kb, workers=n,
                                 scheduler=scheduler, on_chunk=on_chunk):
            handle.write(dumps_facts(facts) + "\n")
            handle.flush()
            for failure in facts.failures:
                step, _, reason = failure.partition(": ")
                item = input_problem(Errors.E020, facts.article.origin or facts.article.id,
                                     warning=True, step=step, reason=reason)
                report.problems.append(item)
                if on_problem is not None:
                    on_problem(item)
            if progress is not None:
                progress.article(0 if n <= 1 and scheduler is None else len(facts.article.text))
    if partial.stat().st_size == 0:
        partial.unlink()
        write_report(report, out / "report.json")
        return report, None
    with staging(out) as stage:
        kg = _write_outputs(report, stage, partial, base=base, html=html)
        if store:  # the store keeps its own facts.jsonl, replaced before its graph is loaded
            os.replace(partial, facts_dir / "facts.jsonl")
            report.outputs["store"] = update_store(facts_dir, kg, base=base)
        write_report(report, stage.path("report.json"))
        stage.commit()
    if not store:
        os.replace(partial, facts_dir / "facts.jsonl")
    return report, kg


def _write_outputs(
    report: BuildReport, stage: Staging, partial: Path, *, base: str, html: bool
) -> KnowledgeGraph:
    """Build the graph from the facts in ``partial`` and write every output into ``stage``."""
    from graph.explorer.page import write_html

    out = stage.out
    report.outputs["facts"] = partial.parent / "facts.jsonl"
    kg = build_graph(read_facts(partial), base=base)
    write_rdf(kg, stage.path("graph.ttl"), "turtle")
    report.outputs["turtle"] = out / "graph.ttl"
    view = to_networkx(kg.store)
    write_graphml(view, stage.path("graph.graphml"))
    report.outputs["graphml"] = out / "graph.graphml"
    if html:
        write_html(view, stage.path("graph.html"), title="newsgraph")
        report.outputs["html"] = out / "graph.html"
    report.entities = Counter(node.type for node in kg.resolution.nodes.values())
    report.relations = kg.relations
    report.negated = kg.negated
    with atomic_write(stage.path("merges.json")) as merges:
        json.dump(explain_merges(kg.resolution), merges, indent=1, ensure_ascii=False)
        merges.write("\n")
    report.outputs["merges"] = out / "merges.json"
    report.outputs["report"] = out / "report.json"
    return kg
