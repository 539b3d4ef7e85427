"""Oxigraph as the SPARQL engine: a graph file loaded into a store, a query run, its result read.

:func:`load_store` reads any RDF file format by its extension (or opens an on-disk Oxigraph
store); :func:`run_query` runs SPARQL 1.1 over it and reads the whole result into a
:class:`QueryResult`, with terms as plain strings for tables and as RDF terms for typed output.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError

__all__ = [
    "GRAPH_FORMATS",
    "QueryResult",
    "Term",
    "load_store",
    "one_line",
    "run_query",
    "term_value",
]

#: An RDF term in a query result.
Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: Graph file extensions :func:`load_store` reads, and their RDF formats.
GRAPH_FORMATS: Mapping[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

_TRIPLE_VARIABLES = ("subject", "predicate", "object")


@dataclass(slots=True)
class QueryResult:
    """The result of one SPARQL query, fully read.

    Attributes:
        kind: ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT and DESCRIBE).
        variables: column names; ``("subject", "predicate", "object")`` for graph results.
        rows: one tuple per solution (or triple): IRIs as plain strings, literals as their
            lexical value, blank nodes as ``_:id``, unbound variables as None.
        boolean: the answer of an ASK query, else None.
        terms: the RDF terms behind ``rows``, same shape (for typed output such as JSON).
    """

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: list[tuple[str | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    terms: list[tuple[Term | None, ...]] = field(default_factory=list, repr=False, compare=False)


def one_line(exc: BaseException) -> str:
    """The message of ``exc`` on one line (its type name when it has none), for an error."""
    return " ".join(str(exc).split()) or type(exc).__name__


def load_store(path: str | Path) -> ox.Store:
    """Load a graph file into a new in-memory Oxigraph store, or open an Oxigraph store folder.

    The format follows the extension (see `GRAPH_FORMATS`); TriG and N-Quads keep their named
    graphs, which :func:`run_query` queries as one union default graph. A folder holding an
    on-disk Oxigraph store (``pyoxigraph.Store(path)``) is opened read-only.

    Args:
        path: the graph file or store folder.

    Returns:
        The loaded store.

    Raises:
        NewsgraphError: E009 when the file does not exist, E008 when it cannot be read,
            E201 when the extension is unknown or the content does not parse.

    >>> load_store("missing.ttl")
    Traceback (most recent call last):
    ...
    extract.errors.NewsgraphError: E009 missing.ttl: no such file or folder.
    """
    file = Path(path)
    if not file.exists():
        raise NewsgraphError(Errors.E009.format(where=file))
    if file.is_dir() and (file / "CURRENT").is_file():
        try:
            return ox.Store.read_only(str(file))
        except OSError as exc:
            raise NewsgraphError(Errors.E008.format(where=file, reason=one_line(exc))) from exc
    if not file.is_file():
        reason = "a folder, not a graph file or an Oxigraph store"
        raise NewsgraphError(Errors.E008.format(where=file, reason=reason))
    fmt = GRAPH_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(GRAPH_FORMATS)
        reason = f"unknown extension {file.suffix!r}; use one of {known}"
        raise NewsgraphError(Errors.E201.format(where=file, reason=reason))
    store = ox.Store()
    try:
        store.load(path=file, format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise NewsgraphError(Errors.E201.format(where=file, reason=one_line(exc))) from exc
    except OSError as exc:
        raise NewsgraphError(Errors.E008.format(where=file, reason=one_line(exc))) from exc
    return store


def term_value(term: Term | None) -> str | None:
    """Plain-string form of a result term: an IRI or literal value, ``_:id``, ``<< s p o >>``."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        parts = (term_value(term.subject), term_value(term.predicate), term_value(term.object))
        return "<< " + " ".join(p or "" for p in parts) + " >>"
    return term.value


def _result(
    kind: Literal["select", "graph"], variables: Sequence[str], terms: Iterable[tuple[Any, ...]]
) -> QueryResult:
    rows_terms = [tuple(row) for row in terms]
    rows = [tuple(term_value(t) for t in row) for row in rows_terms]
    return QueryResult(kind=kind, variables=tuple(variables), rows=rows, terms=rows_terms)


def run_query(store: ox.Store, sparql: str) -> QueryResult:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) and read all its results.

    Named graphs (TriG / N-Quads input) are queried together as the default graph.

    Args:
        store: the store, e.g. from :func:`load_store`.
        sparql: the query text.

    Returns:
        A `QueryResult`.

    Raises:
        NewsgraphError: E203 when the query does not parse or fails.

    >>> import pyoxigraph as ox
    >>> run_query(ox.Store(), "ASK { ?s ?p ?o }").boolean
    False
    """
    try:
        answer = store.query(sparql, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples = ((t.subject, t.predicate, t.object) for t in answer)
            return _result("graph", _TRIPLE_VARIABLES, triples)
        names = [variable.value for variable in answer.variables]
        return _result("select", names, (tuple(solution) for solution in answer))
    except (SyntaxError, ValueError, OSError) as exc:
        raise NewsgraphError(Errors.E203.format(reason=one_line(exc))) from exc
