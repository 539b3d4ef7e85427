"""The ``newsgraph`` command line: a thin Typer layer over plain functions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from extract.errors import InputProblem, NewsgraphError

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles into an RDF knowledge graph.")

#: Exit codes of ``build``: all input built / some input failed / nothing built.
EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING = 0, 1, 2
#: Exit code after Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: Seconds between progress lines on stderr during a build.
PROGRESS_SECONDS = 30.0


@contextmanager
def _user_errors() -> Iterator[None]:
    """Print a `NewsgraphError` on one line and exit with code 2, without a traceback."""
    try:
        yield
    except NewsgraphError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_NOTHING) from None


def _print_merges(path: Path) -> None:
    """One block per entity that was written in more than one way."""
    for entity in json.loads(path.read_text(encoding="utf-8")):
        forms = entity["forms"]
        names = {f["form"] for f in forms} | {a for f in forms for a in f["also_written"]}
        if len(names) < 2:
            continue
        typer.echo(f"{entity['name']} <{entity['iri']}>")
        for f in forms:
            also = f" (also {', '.join(f['also_written'])})" if f["also_written"] else ""
            typer.echo(f"  {f['form']}{also} in {f['article']}: {f['reason']}")


def _problem(problem: InputProblem) -> None:
    prefix = "warning" if problem.warning else "error"
    typer.echo(f"{prefix}: {problem}", err=True)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")] = Path(
        "output"
    ),
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name.")] = None,
    base_iri: Annotated[str | None, typer.Option(
        help="Base IRI for entities (default: the store's, else "
             "https://w3id.org/newsgraph/id/).")] = None,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base JSON file.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: all cores).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://HOST:PORT): run the NLP on that cluster.")] = None,
    resume: Annotated[bool, typer.Option(
        help="Keep the facts already in OUTPUT (an interrupted or earlier build).")] = False,
    explain_merges: Annotated[bool, typer.Option(
        help="Print which names were merged into which entity, and why "
             "(always written to OUTPUT/merges.json).")] = False,
    store: Annotated[Path | None, typer.Option(
        help="Store folder kept between builds: only articles not yet in it are read by the "
             "NLP; its Oxigraph store (STORE/oxigraph) holds the graph of all its articles.")]
    = None,
    max_file_size: Annotated[float, typer.Option(
        help="Largest input file read, in MB; a larger one is reported (E016) and skipped.")]
    = 256.0,
) -> None:
    """Build the graph from INPUTS: graph.ttl, graph.html, graph.graphml, facts.jsonl."""
    from graph.progress import Progress
    from graph.run import build as run_build

    progress = Progress(lambda line: typer.echo(line, err=True), every=PROGRESS_SECONDS)
    try:
        with _user_errors():
            report, _kg = run_build(inputs, output, model=model, base=base_iri,
                                    kb=[str(p) for p in kb or []], workers=workers,
                                    scheduler=scheduler, resume=resume, store=store,
                                    on_problem=_problem, progress=progress,
                                    max_bytes=int(max_file_size * 1024 * 1024))
    except KeyboardInterrupt:
        kept = store if store is not None else output
        typer.echo(f"\ninterrupted: the {progress.articles} article(s) extracted so far are kept "
                   f"in {kept / 'facts.jsonl.partial'}; run the same command with --resume "
                   "to continue the build.", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if not report.outputs:
        typer.echo(f"error: no article could be read from {len(inputs)} input(s).", err=True)
        raise typer.Exit(EXIT_NOTHING)
    resumed = f" ({report.resumed} kept from before)" if report.resumed else ""
    typer.echo(f"articles: {report.articles} read{resumed}, "
               f"{report.failed_inputs} input(s) failed")
    ents = ", ".join(f"{t} {n}" for t, n in sorted(report.entities.items()))
    typer.echo(f"entities: {sum(report.entities.values())} ({ents})")
    rels = ", ".join(f"{p} {n}" for p, n in sorted(report.relations.items()))
    typer.echo(f"relations: {sum(report.relations.values())} ({rels}); "
               f"negated statements: {report.negated}")
    for name, path in report.outputs.items():
        typer.echo(f"wrote {name}: {path}")
    if explain_merges and "merges" in report.outputs:
        _print_merges(report.outputs["merges"])
    if store is not None:
        from graph.store import store_articles

        typer.echo(f"store: {len(store_articles(store))} article(s) in {store}")
    if report.failed_inputs:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def remove(
    store: Annotated[Path, typer.Option(help="Store folder (made by build --store).")],
    article: Annotated[list[str] | None, typer.Option(
        help="Article id (content hash) or IRI; repeat for more. Without it, the store's "
             "articles are listed.")] = None,
) -> None:
    """Remove articles from a store: their graphs and every fact only they supported."""
    from graph.store import OXIGRAPH_DIR, remove_article, store_articles

    with _user_errors():
        if not article:
            for key, title in store_articles(store):
                typer.echo(f"{key}  {title}")
            return
        removed = remove_article(store, article)
        left = len(store_articles(store))
    for key, title in removed:
        typer.echo(f"removed {key}  {title}")
    typer.echo(f"store: {left} article(s) left in {store / OXIGRAPH_DIR}")


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(
        help="Graph file (.ttl, .nt, .trig, .nq) or Oxigraph store folder.")],
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text or a bundled query name.")]
    = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Query file (.rq).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL query (text, -f FILE, or a bundled name such as 'threats')."""
    from graph.query import bundled_queries, format_result, load_store, resolve_query, run_query

    with _user_errors():
        if file is None and sparql is None:
            names = "\n".join(f"  {k}: {v}" for k, v in sorted(bundled_queries().items()))
            typer.echo(f"bundled queries:\n{names}")
            return
        text = resolve_query(str(file) if file is not None else str(sparql))
        result = run_query(load_store(graph), text)
        typer.echo(format_result(result, fmt))  # type: ignore[arg-type]


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="Graph file (or Oxigraph store folder).")],
    fmt: Annotated[str, typer.Option(
        "--format", help="turtle, nt, trig, nq, xml, jsonld, graphml, gexf or csv.")],
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
) -> None:
    """Convert a graph: TriG / N-Quads get one named graph per article."""
    from graph.export import EXTENSIONS
    from graph.export import export as run_export

    with _user_errors():
        target = output or graph.with_suffix(EXTENSIONS.get(fmt, "." + fmt))
        run_export(graph, target, fmt)
    typer.echo(f"wrote {target}")


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="Graph file or Oxigraph store folder.")],
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
    allow_service: Annotated[bool, typer.Option(
        help="Allow SERVICE calls to remote endpoints.")] = False,
    max_rows: Annotated[int, typer.Option(
        min=1, help="Rows (or triples) an answer may have; more is refused (422, E206).")
    ] = 100_000,
    max_bytes: Annotated[int, typer.Option(
        min=1, help="Bytes an answer may have; more is refused (422, E206).")] = 64 << 20,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Queries run at once (one process each, each holding the graph).")
    ] = 2,
) -> None:
    """Serve GRAPH read-only over SPARQL 1.1 on 127.0.0.1, with a query page."""
    from graph.serve import serve as run_serve

    with _user_errors():
        run_serve(graph, port=port, timeout=timeout, allow_service=allow_service,
                  max_rows=max_rows, max_bytes=max_bytes, workers=workers, echo=typer.echo)


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="Graph file to check.")],
    shapes: Annotated[Path | None, typer.Option(help="SHACL shapes (default: bundled).")] = None,
) -> None:
    """Check GRAPH against newsgraph's SHACL shapes; exit 1 when it does not conform."""
    from graph.validate import validate as run_validate

    with _user_errors():
        report = run_validate(graph, shapes)
    for violation in report.violations:
        typer.echo(str(violation))
    typer.echo("conforms" if report.conforms else f"{len(report.violations)} violation(s)")
    if not report.conforms:
        raise typer.Exit(EXIT_SOME_FAILED)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="newsgraph")


if __name__ == "__main__":
    main()
