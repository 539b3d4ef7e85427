"""The ``newsgraph`` command line: a thin Typer layer over plain functions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.errors import InputProblem, NewsgraphError
from graph.namespaces import DEFAULT_BASE

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Turn news articles into an RDF knowledge graph.")

#: Exit codes of ``build``: all input built / some input failed / nothing built.
EXIT_OK, EXIT_SOME_FAILED, EXIT_NOTHING = 0, 1, 2


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
    base_iri: Annotated[str, typer.Option(help="Base IRI for entities.")] = DEFAULT_BASE,
    kb: Annotated[list[Path] | None, typer.Option(help="Extra knowledge-base JSON file.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: all cores).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (tcp://HOST:PORT): run the NLP on that cluster.")] = None,
    resume: Annotated[bool, typer.Option(
        help="Keep the facts already in OUTPUT (an interrupted or earlier build).")] = False,
) -> None:
    """Build the graph from INPUTS: graph.ttl, graph.html, graph.graphml, facts.jsonl."""
    from graph.run import build as run_build

    try:
        report, _kg = run_build(inputs, output, model=model, base=base_iri,
                                kb=[str(p) for p in kb or []], workers=workers,
                                scheduler=scheduler, resume=resume,
                                on_problem=_problem)
    except NewsgraphError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_NOTHING) from None
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
    if report.failed_inputs:
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .trig, .nq).")],
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text or a bundled query name.")]
    = None,
    file: Annotated[Path | None, typer.Option("-f", "--file", help="Query file (.rq).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL query (text, -f FILE, or a bundled name such as 'threats')."""
    from graph.query import bundled_queries, format_result, load_store, resolve_query, run_query

    try:
        if file is None and sparql is None:
            names = "\n".join(f"  {k}: {v}" for k, v in sorted(bundled_queries().items()))
            typer.echo(f"bundled queries:\n{names}")
            return
        text = resolve_query(str(file) if file is not None else str(sparql))
        result = run_query(load_store(graph), text)
        typer.echo(format_result(result, fmt))  # type: ignore[arg-type]
    except NewsgraphError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_NOTHING) from None


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="Graph file to convert.")],
    fmt: Annotated[str, typer.Option("--format", help="trig, nt, nq, jsonld or graphml.")],
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
) -> None:
    """Convert a graph file to another format."""
    from rdflib import Graph

    from graph.build import new_graph
    from graph.export import write_graphml, write_rdf
    from graph.netx import to_networkx

    target = output or graph.with_suffix("." + fmt)
    try:
        data: Graph = new_graph()
        data.parse(graph, format="ox-turtle" if graph.suffix == ".ttl" else None)
        if fmt == "graphml":
            write_graphml(to_networkx(data), target)
        else:
            write_rdf(data, target, fmt)
    except NewsgraphError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_NOTHING) from None
    typer.echo(f"wrote {target}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="newsgraph")


if __name__ == "__main__":
    main()
