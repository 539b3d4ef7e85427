"""Query results as text: an aligned table for people, CSV, or SPARQL 1.1 Query Results JSON.

The table shortens IRIs with the namespace prefixes, cuts long cells and counts the rows; CSV
keeps full values; JSON keeps the RDF term types (IRIs, blank nodes, typed and language-tagged
literals, quoted triples).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from typing import Any, Literal

import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError
from graph.query.engine import QueryResult, Term, term_value
from graph.rdf.namespaces import PREFIXES

__all__ = ["FORMATS", "ResultFormat", "format_result"]

#: Output formats of :func:`format_result`.
ResultFormat = Literal["table", "csv", "json"]
FORMATS: tuple[ResultFormat, ...] = ("table", "csv", "json")

_MAX_CELL = 80
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
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


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(["" if cell is None else cell for cell in row] for row in result.rows)
    return out.getvalue().removesuffix("\n")


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        value = {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        }
        return {"type": "triple", "value": value}
    data: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
        data["datatype"] = term.datatype.value
    return data


def _json(result: QueryResult) -> str:
    document: dict[str, Any]
    if result.kind == "ask":
        document = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in _terms(result)
        ]
        document = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False)


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
    '{"head": {}, "boolean": true}'
    """
    if fmt not in FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(FORMATS)))
    if fmt == "json":
        return _json(result)
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if fmt == "csv":
        return _csv(result)
    return _table(result, PREFIXES if prefixes is None else prefixes)
