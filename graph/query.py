"""SPARQL over a newsgraph graph file: load it, resolve a query, run it, format the result.

Oxigraph is the engine. Queries are read from the command line, from a ``.rq`` file, or by name
from the bundled ``queries/`` folder, and results are printed as an aligned table, CSV or
SPARQL 1.1 Query Results JSON.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/newsgraph/ns#x"),
...                   ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("X")))
>>> result = run_query(store, "SELECT ?s ?label WHERE { ?s ?p ?label }")
>>> result.rows
[('https://w3id.org/newsgraph/ns#x', 'X')]
>>> print(format_result(result, "table"))
s    | label
-----+------
ng:x | X
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError
from graph.namespaces import PREFIXES

__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "QUERIES_DIR",
    "QueryResult",
    "ResultFormat",
    "Term",
    "bundled_queries",
    "format_result",
    "load_store",
    "resolve_query",
    "run_query",
]

#: An RDF term in a query result.
Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: Output formats of :func:`format_result`.
ResultFormat = Literal["table", "csv", "json"]
FORMATS: tuple[ResultFormat, ...] = ("table", "csv", "json")

#: Folder of the bundled queries (``NAME.rq``).
QUERIES_DIR = Path(__file__).with_name("queries")

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

_MAX_CELL = 80
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TRIPLE_VARIABLES = ("subject", "predicate", "object")
_QUERY_SUFFIXES = (".rq", ".sparql")


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


def _error(template: str, **fields: object) -> NewsgraphError:
    return NewsgraphError(template.format(**fields))


def _one_line(exc: BaseException) -> str:
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
        raise _error(Errors.E009, where=file)
    if file.is_dir() and (file / "CURRENT").is_file():
        try:
            return ox.Store.read_only(str(file))
        except OSError as exc:
            raise _error(Errors.E008, where=file, reason=_one_line(exc)) from exc
    if not file.is_file():
        reason = "a folder, not a graph file or an Oxigraph store"
        raise _error(Errors.E008, where=file, reason=reason)
    fmt = GRAPH_FORMATS.get(file.suffix.lower())
    if fmt is None:
        known = ", ".join(GRAPH_FORMATS)
        reason = f"unknown extension {file.suffix!r}; use one of {known}"
        raise _error(Errors.E201, where=file, reason=reason)
    store = ox.Store()
    try:
        store.load(path=file, format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise _error(Errors.E201, where=file, reason=_one_line(exc)) from exc
    except OSError as exc:
        raise _error(Errors.E008, where=file, reason=_one_line(exc)) from exc
    return store


def _bundled_paths() -> dict[str, Path]:
    return {path.stem: path for path in sorted(QUERIES_DIR.glob("*.rq"))}


def _description(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip()
    return ""


def bundled_queries() -> dict[str, str]:
    """Names of the bundled queries and their one-line descriptions, sorted by name.

    >>> bundled_queries()["threats"]
    'Who named whom as a threat, with the evidence sentence, its article and date.'
    """
    return {
        name: _description(path.read_text(encoding="utf-8"))
        for name, path in _bundled_paths().items()
    }


def _read_query_file(file: Path) -> str:
    if not file.is_file():
        raise _error(Errors.E009, where=file)
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _error(Errors.E003, where=file, pos=exc.start) from exc
    except OSError as exc:
        raise _error(Errors.E008, where=file, reason=_one_line(exc)) from exc


def _looks_like_sparql(text: str) -> bool:
    """True when ``text`` names a query form and is more than one bare word."""
    has_form = _QUERY_FORM.search(text) is not None
    return has_form and ("{" in text or len(text.split()) > 1)


def resolve_query(text_or_name: str) -> str:
    """Turn a bundled query name, a ``.rq`` path or SPARQL text into SPARQL text.

    Args:
        text_or_name: ``"who-discussed-with"`` (a bundled query), ``"my.rq"`` or
            ``"my.sparql"`` (a file) or the query itself.

    Returns:
        The SPARQL text.

    Raises:
        NewsgraphError: E202 when it is none of these, E009 when the query file is missing.

    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> resolve_query("entities").startswith("PREFIX")
    True
    """
    key = text_or_name.strip()
    bundled = _bundled_paths()
    if key in bundled:
        return bundled[key].read_text(encoding="utf-8")
    if key.lower().endswith(_QUERY_SUFFIXES) and "\n" not in key:
        return _read_query_file(Path(key))
    if _looks_like_sparql(key):
        return text_or_name
    shown = key if len(key) <= 60 else key[:57] + "..."
    raise _error(Errors.E202, name=shown, known=", ".join(bundled))


def _value(term: Term | None) -> str | None:
    """Plain-string form of a result term."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        parts = (_value(term.subject), _value(term.predicate), _value(term.object))
        return "<< " + " ".join(p or "" for p in parts) + " >>"
    return term.value


def _result(
    kind: Literal["select", "graph"], variables: Sequence[str], terms: Iterable[tuple[Any, ...]]
) -> QueryResult:
    rows_terms = [tuple(row) for row in terms]
    rows = [tuple(_value(t) for t in row) for row in rows_terms]
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
        raise _error(Errors.E203, reason=_one_line(exc)) from exc


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
        text = _value(term) or ""
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
        prefixes: prefix -> namespace for the table; default `graph.namespaces.PREFIXES`.

    Returns:
        The formatted text.

    Raises:
        NewsgraphError: E204 for an unknown format.

    >>> format_result(QueryResult(kind="ask", boolean=True), "json")
    '{"head": {}, "boolean": true}'
    """
    if fmt not in FORMATS:
        raise _error(Errors.E204, fmt=fmt, known=", ".join(FORMATS))
    if fmt == "json":
        return _json(result)
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if fmt == "csv":
        return _csv(result)
    return _table(result, PREFIXES if prefixes is None else prefixes)
