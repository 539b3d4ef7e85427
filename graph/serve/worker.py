"""The query worker process of the SPARQL endpoint: it holds the graph and answers queries.

The endpoint (`graph.serve.pool`) starts it with the graph, the result caps and whether it may
use the network, and sends each query as one JSON line naming a file to write the answer to.
Without network, the worker first refuses a query with a SERVICE clause (`graph.serve.guard`;
here, so that a query slow to parse is stopped by the timeout too). It runs the query on its
Oxigraph store and streams the answer, in the media type the client accepts, through
pyoxigraph's serializers into that file, stopping as soon as the answer goes over the byte cap;
it then answers with one line ``STATUS MEDIA``. Results over the row or byte cap are refused
with ``E206`` (status 422) instead.
"""

from __future__ import annotations

import csv
import html
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any, cast
from urllib.parse import quote

__all__ = ["FORMATS", "OVER_CAP", "work"]

#: Format parameter -> (media type, pyoxigraph format name).
FORMATS = {
    "json": ("application/sparql-results+json", "JSON"), "xml": ("application/sparql-results+xml",
    "XML"), "csv": ("text/csv", "CSV"), "tsv": ("text/tab-separated-values", "TSV"),
    "turtle": ("text/turtle", "TURTLE"), "nt": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"), "rdfxml": ("application/rdf+xml", "RDF_XML"),
    "html": ("text/html", ""),
}
#: HTTP status of an answer over the row or byte cap.
OVER_CAP = 422

_HTML_ROWS = 1000
_SOLUTIONS = ("json", "xml", "csv", "tsv", "html")
_GRAPHS = ("turtle", "nt", "jsonld", "rdfxml", "html")
_Answer = tuple[int, str]


class _OverCap(OSError):
    """The answer went over a cap: ``limit`` names it, ``option`` the serve option that sets it."""

    def __init__(self, limit: str, option: str) -> None:
        super().__init__(f"answer over {limit}")
        self.limit, self.option = limit, option


class _Meter(io.RawIOBase):
    """A binary file that refuses to grow past ``cap`` bytes."""

    def __init__(self, out: IO[bytes], cap: int) -> None:
        super().__init__()
        self.out, self.cap, self.size = out, cap, 0
        self.over: _OverCap | None = None

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        if self.size + size > self.cap:
            self.over = _OverCap(f"{self.cap} bytes", "--max-bytes")
            raise self.over
        self.size += size
        return self.out.write(data)


def _cell(term: Any) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    text = html.escape(term.value)
    if isinstance(term, ox.NamedNode):
        href = "/sparql?format=html&query=" + quote(f"DESCRIBE <{term.value}>", safe="")
        return f'<a href="{html.escape(href)}">{text}</a>'
    if isinstance(term, ox.Literal) and term.language:
        return f"{text} <small>@{html.escape(term.language)}</small>"
    if isinstance(term, ox.Literal) and not term.datatype.value.endswith("#string"):
        return f"{text} <small>{html.escape(term.datatype.value.rsplit('#', 1)[-1])}</small>"
    return text


def _table(names: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """An HTML table of the first rows (the page is for people; the other formats are whole)."""
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body, count = [], 0
    for count, row in enumerate(rows, 1):
        if count > _HTML_ROWS:
            break
        body.append("<tr>" + "".join(f"<td>{_cell(t)}</td>" for t in row) + "</tr>")
    more = f"<p>First {_HTML_ROWS} rows shown.</p>" if count > _HTML_ROWS else ""
    shown = f"<p>{len(body)} row{'' if len(body) == 1 else 's'}.</p>"
    return f"<h2>Results</h2>{shown}{more}<table><tr>{head}</tr>{''.join(body)}</table>"


def _rows(path: str, name: str) -> int:
    """Solutions in a serialized SELECT result, read back from its file."""
    import pyoxigraph as ox

    if name == "CSV":
        with open(path, encoding="utf-8", newline="") as text:
            return sum(1 for _ in csv.reader(text)) - 1
    solutions: Any = ox.parse_query_results(path=path,
                                            format=getattr(ox.QueryResultsFormat, name))
    return sum(1 for _ in solutions)


def _counted(items: Iterable[Any], cap: int) -> Iterator[Any]:
    for count, item in enumerate(items, 1):
        if count > cap:
            raise _OverCap(f"{cap} rows", "--max-rows")
        yield item


def _write(answer: Any, fmt: str, meter: _Meter, max_rows: int, path: str) -> _Answer:
    """Serialize ``answer`` as ``fmt`` through ``meter``; (status, media type)."""
    import pyoxigraph as ox

    graph = isinstance(answer, ox.QueryTriples)
    if fmt == "html":
        if isinstance(answer, ox.QueryBoolean):
            page = f"<h2>Result</h2><p>{bool(answer)}</p>"
        elif graph:
            rows = ((t.subject, t.predicate, t.object) for t in answer)
            page = _table(("subject", "predicate", "object"), rows)
        else:
            page = _table([v.value for v in answer.variables], answer)
        meter.write(page.encode("utf-8"))
        return 200, "text/html"
    media, name = FORMATS[fmt]
    if graph:
        ox.serialize(_counted(answer, max_rows), cast(IO[bytes], meter),
                     getattr(ox.RdfFormat, name))
        return 200, media
    answer.serialize(cast(IO[bytes], meter), getattr(ox.QueryResultsFormat, name))
    if not isinstance(answer, ox.QueryBoolean) and meter.size > max_rows:
        meter.out.flush()  # a solution takes one byte at least: fewer bytes, fewer rows
        if _rows(path, name) > max_rows:
            raise _OverCap(f"{max_rows} rows", "--max-rows")
    return 200, media


def _refused(request: dict[str, Any]) -> tuple[int, str] | None:
    """(status, message) when the query has a SERVICE clause (403) or cannot be checked (400).

    Parsing a long query can take long: the worker does it, under the query's timeout.
    """
    from graph.serve.guard import uses_service

    try:
        if uses_service(request["query"]):
            return 403, "SERVICE (federated query) is disabled here"
    except ValueError as exc:
        return 400, f"bad query: {exc}"
    return None


def _answer(store: Any, request: dict[str, Any], settings: dict[str, Any]) -> _Answer:
    """Run one query, its answer written to ``request["out"]``: (HTTP status, media type)."""
    import pyoxigraph as ox

    from extract.errors import Errors

    max_rows, max_bytes = settings["max_rows"], settings["max_bytes"]
    refused = None if settings["network"] else _refused(request)
    if refused is not None:
        with open(request["out"], "wb") as out:
            out.write(refused[1].encode("utf-8"))
        return refused[0], "text/plain"

    graphs: dict[str, Any] = {"use_default_graph_as_union": True}
    if request["default"]:
        graphs = {"default_graph": [ox.NamedNode(i) for i in request["default"]]}
    named = [ox.NamedNode(i) for i in request["named"]] or None
    with open(request["out"], "wb") as out:
        meter = _Meter(out, max_bytes)
        try:
            answer = store.query(request["query"], named_graphs=named, **graphs)
            kinds = _GRAPHS if isinstance(answer, ox.QueryTriples) else _SOLUTIONS
            fmt = next((f for f in request["accept"] if f in kinds), kinds[0])
            return _write(answer, fmt, meter, max_rows, request["out"])
        except (SyntaxError, ValueError, OSError) as exc:
            over = exc if isinstance(exc, _OverCap) else meter.over
            message, status = f"bad query: {exc}", 400
            if over is not None:
                message, status = Errors.E206.format(limit=over.limit, option=over.option), OVER_CAP
            elif isinstance(exc, OSError):
                message, status = f"query failed: {exc}", 500
            out.seek(0)
            out.truncate()
            out.write(message.encode("utf-8"))
            return status, "text/plain"


def work() -> None:
    """Worker process: argv is the graph and a JSON object of settings (``max_rows``,
    ``max_bytes``, ``network``). Answers queries read from stdin, one JSON line each."""
    settings = json.loads(sys.argv[2])
    if not settings["network"]:
        from graph.serve.sandbox import deny_network

        deny_network()  # first, before any other thread starts
        import graph.serve.guard  # noqa: F401 (rdflib's parser loaded once, not per query)
    from extract.errors import NewsgraphError
    from graph.query import load_store

    out = sys.stdout.buffer
    try:
        store = load_store(sys.argv[1])
    except NewsgraphError as err:
        out.write(f"error {' '.join(str(err).split())}\n".encode())
        out.flush()
        return
    out.write(f"ready {len(store)}\n".encode())
    out.flush()
    for line in sys.stdin.buffer:
        status, media = _answer(store, json.loads(line), settings)
        out.write(f"{status} {media}\n".encode())
        out.flush()
