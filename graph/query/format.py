"""Query results as text: an aligned table for people, CSV, or SPARQL 1.1 Query Results JSON.

The table (newsgraph's own) shortens IRIs with the namespace prefixes, cuts long cells and
counts the rows. CSV and JSON are written by pyoxigraph's query results serializers, the ones
the endpoint uses: CSV keeps full values; JSON keeps the RDF term types (IRIs, blank nodes,
typed and language-tagged literals, quoted triples).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError
from graph.query.engine import QueryResult, Term, term_value
from graph.rdf.namespaces import PREFIXES

__all__ = ["FORMATS", "ResultFormat", "format_result"]

#: Output formats of :func:`format_result`.
ResultFormat = Literal["table", "csv", "json"]
FORMATS: tuple[ResultFormat, ...] = ("table", "csv", "json")

_MAX_CELL = 80
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _shorten(iri: str, prefixes: Mapping[str, str]) -> str:
    best = ""
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            candidate = f"{prefix}:{iri[len(namespace) :]}"
            if not best or len(candidate) < len(best):
                best = candidate
    return best or iri


def _cell(term: Term | None, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = _shorten(term.value, prefixes)
    elif isinstance(term, ox.Triple):
        parts = (_cell(term.subject, prefixes), _cell(term.predicate, prefixes))
        text = "<< " + " ".join((*parts, _cell(term.object, prefixes))) + " >>"
    else:
        text = term_value(term) or ""
    text = _CONTROL.sub(" ", text)
    return text if len(text) <= _MAX_CELL else text[: _MAX_CELL - 1] + "…"


def _terms(result: QueryResult) -> list[tuple[Term | None, ...]]:
    """``result.terms``, or ``result.rows`` as string literals when the terms are missing."""
    if len(result.terms) == len(result.rows):
        return result.terms
    return [tuple(None if v is None else ox.Literal(v) for v in row) for row in result.rows]


def _table(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    header = list(result.variables)
    body = [[_cell(term, prefixes) for term in row] for row in _terms(result)]
    widths = [len(name) for name in header]
    for row in body:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(header, widths, strict=True)).rstrip(),
        "-+-".join("-" * w for w in widths),
    ]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    count = len(body)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)


_ROW = ox.NamedNode("urn:newsgraph:result:row")


def _solutions(result: QueryResult) -> ox.QuerySolutions | ox.QueryBoolean:
    """The result as pyoxigraph query results, for pyoxigraph's serializers.

    pyoxigraph builds query results only by running a query, so the rows are put in a scratch
    store, one node per row with its position and bound values, and selected back in order.
    """
    store = ox.Store()
    if result.kind == "ask":
        sparql = "ASK {}" if result.boolean else "ASK { FILTER(false) }"
    else:
        names = [ox.Variable(name) for name in result.variables]  # raises for an invalid name
        columns = [ox.NamedNode(f"urn:newsgraph:result:column:{i}") for i in range(len(names))]
        for position, row in enumerate(_terms(result)):
            node = ox.BlankNode()
            store.add(ox.Quad(node, _ROW, ox.Literal(str(position), datatype=_XSD_INTEGER)))
            store.extend(ox.Quad(node, column, term)
                         for column, term in zip(columns, row, strict=True) if term is not None)
        optional = " ".join(f"OPTIONAL {{ ?row {column} {name} }}"
                            for column, name in zip(columns, names, strict=True))
        projection = " ".join(str(name) for name in names)
        sparql = (f"SELECT {projection} WHERE {{ ?row {_ROW} ?position {optional} }}"
                  " ORDER BY ?position")
        if not names:  # solutions without variables: only their number counts
            sparql = f"SELECT * WHERE {{ VALUES () {{ {'() ' * len(result.rows)}}} }}"
    answer = store.query(sparql)
    assert not isinstance(answer, ox.QueryTriples)
    return answer


def _serialized(result: QueryResult, fmt: ox.QueryResultsFormat) -> str:
    data = _solutions(result).serialize(format=fmt) or b""
    return data.decode("utf-8").removesuffix("\r\n").removesuffix("\n")


def format_result(
    result: QueryResult, fmt: ResultFormat, *, prefixes: Mapping[str, str] | None = None
) -> str:
    """Render a query result as text (no trailing newline).

    Args:
        result: from :func:`run_query`.
        fmt: ``"table"`` (aligned columns for people: IRIs shortened with ``prefixes``, long
            cells cut at 80 characters, a row count), ``"csv"`` (header row, full values) or
            ``"json"`` (SPARQL 1.1 Query Results JSON; graph results as subject / predicate /
            object bindings). An ASK result is ``true`` or ``false`` in table and CSV.
        prefixes: prefix -> namespace for the table; default `graph.rdf.namespaces.PREFIXES`.

    Returns:
        The formatted text.

    Raises:
        NewsgraphError: E204 for an unknown format.

    >>> format_result(QueryResult(kind="ask", boolean=True), "json")
    '{"head":{},"boolean":true}'
    """
    if fmt not in FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(FORMATS)))
    if fmt == "json":
        return _serialized(result, ox.QueryResultsFormat.JSON)
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if fmt == "csv":
        return _serialized(result, ox.QueryResultsFormat.CSV)
    return _table(result, PREFIXES if prefixes is None else prefixes)
