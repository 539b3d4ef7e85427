"""A read-only SPARQL 1.1 endpoint over a graph file or an Oxigraph store, on 127.0.0.1.

``GET|POST /sparql`` (or ``/query``) answers queries per the SPARQL 1.1 Protocol: results as
SPARQL JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, JSON-LD or RDF/XML, or an HTML
table, chosen by a ``format`` parameter or the ``Accept`` header. ``GET /`` is a query form
that works offline (no script, no external resource) listing the bundled queries, also listed
as JSON at ``GET /queries``. Updates are refused (403), so are Graph Store writes (405), and
``SERVICE`` (federated queries to other endpoints) unless enabled. Each query runs in a worker
process, killed and restarted when the query runs past the timeout (503).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import select
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, quote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError

__all__ = ["DEFAULT_PORT", "DEFAULT_TIMEOUT", "Endpoint", "serve", "start"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0

_E205 = Errors.E205
_MAX_BODY = 1 << 20
_HTML_ROWS = 1000
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_FORMATS = {  # format parameter -> (media type, pyoxigraph format name)
    "json": ("application/sparql-results+json", "JSON"), "xml": ("application/sparql-results+xml",
    "XML"), "csv": ("text/csv", "CSV"), "tsv": ("text/tab-separated-values", "TSV"),
    "turtle": ("text/turtle", "TURTLE"), "nt": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"), "rdfxml": ("application/rdf+xml", "RDF_XML"),
    "html": ("text/html", ""),
}
_MEDIA = {media: name for name, (media, _) in _FORMATS.items()} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
    "application/x-turtle": "turtle", "text/plain": "nt",
}
_Response = tuple[int, str, bytes, list[tuple[str, str]]]
_NO_UPDATE: _Response = (403, "text/plain", b"read-only endpoint: SPARQL Update is refused", [])
_PAGE_FORMATS = ("html", "json", "csv", "tsv", "xml", "turtle", "nt", "jsonld", "rdfxml")
_SOLUTIONS = ("json", "xml", "csv", "tsv", "html")
_GRAPHS = ("turtle", "nt", "jsonld", "rdfxml", "html")
# Tokens of a SPARQL text: strings, IRIs, comments, variables and prefixed names, or a word.
_TOKEN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>'
                    r'|#[^\n]*|[?$]\w+|[\w.-]*:[\w.:%-]*|(\w+)')
_CSS = ("body{font:15px system-ui,sans-serif;margin:2em;max-width:90em}textarea{width:100%;"
        "font:13px monospace}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid"
        " #ccc;padding:2px 6px;text-align:left;vertical-align:top}small{color:#777}")
_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>newsgraph SPARQL
</title><style>{css}</style></head><body><h1>newsgraph SPARQL endpoint</h1><p>{about}. Read-only;
queries time out after {timeout:g} s. Protocol endpoint: <code>/sparql</code>.</p>
<form method="get" action="/sparql"><textarea name="query" rows="14">{query}</textarea>
<p><label>Results as <select name="format">{options}</select></label> <button>Run</button></p>
</form><h2>Bundled queries</h2><ul>{examples}</ul>{results}</body></html>"""


def _uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause (words inside strings, IRIs, comments ignored).

    >>> _uses_service('SELECT * { SERVICE <http://x> { ?s ?p ?o } }')
    True
    >>> _uses_service('SELECT ?service { ?service ?p "SERVICE" } # SERVICE')
    False
    """
    return any(m.group(1) and m.group(1).upper() == "SERVICE" for m in _TOKEN.finditer(sparql))


def _cell(term: Any) -> str:
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
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    body, count = [], 0
    for count, row in enumerate(rows, 1):
        if count > _HTML_ROWS:
            break
        body.append("<tr>" + "".join(f"<td>{_cell(t)}</td>" for t in row) + "</tr>")
    more = f"<p>First {_HTML_ROWS} rows shown.</p>" if count > _HTML_ROWS else ""
    shown = f"<p>{len(body)} row{'' if len(body) == 1 else 's'}.</p>"
    return f"<h2>Results</h2>{shown}{more}<table><tr>{head}</tr>{''.join(body)}</table>"


def _answer(store: Any, request: dict[str, Any]) -> tuple[int, str, bytes]:
    """Run one query in the worker: (HTTP status, media type, body)."""
    graphs: dict[str, Any] = {"use_default_graph_as_union": True}
    if request["default"]:
        graphs = {"default_graph": [ox.NamedNode(i) for i in request["default"]]}
    named = [ox.NamedNode(i) for i in request["named"]] or None
    try:
        answer = store.query(request["query"], named_graphs=named, **graphs)
        kinds = _GRAPHS if isinstance(answer, ox.QueryTriples) else _SOLUTIONS
        fmt = next((f for f in request["accept"] if f in kinds), kinds[0])
        if fmt == "html" and isinstance(answer, ox.QueryBoolean):
            return 200, "text/html", f"<h2>Result</h2><p>{bool(answer)}</p>".encode()
        if fmt == "html" and isinstance(answer, ox.QueryTriples):
            rows = ((t.subject, t.predicate, t.object) for t in answer)
            return 200, "text/html", _table(("subject", "predicate", "object"), rows).encode()
        if fmt == "html":
            names = [v.value for v in answer.variables]
            return 200, "text/html", _table(names, answer).encode()
        media, name = _FORMATS[fmt]
        kind = ox.RdfFormat if fmt in _GRAPHS else ox.QueryResultsFormat
        return 200, media, answer.serialize(format=getattr(kind, name)) or b""
    except (SyntaxError, ValueError) as exc:
        return 400, "text/plain", f"bad query: {exc}".encode()
    except OSError as exc:
        return 500, "text/plain", f"query failed: {exc}".encode()


def _work() -> None:
    """Worker process: open the graph named in argv, then answer queries read from stdin.

    Each request is one JSON line; each answer is a line ``STATUS LENGTH MEDIA`` and the body.
    """
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
        status, media, body = _answer(store, json.loads(line))
        out.write(f"{status} {len(body)} {media}\n".encode() + body)
        out.flush()


class _Worker:
    """The query worker process: one query at a time, killed on timeout."""

    def __init__(self, source: str, timeout: float) -> None:
        self.source, self.timeout, self.triples = source, timeout, 0
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        with self._lock:
            self._start()

    def _start(self) -> None:
        code = "from graph.serve import _work; _work()"
        self._proc = subprocess.Popen([sys.executable, "-c", code, self.source],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._proc.stdout is not None
        status, _, value = self._proc.stdout.readline().decode().strip().partition(" ")
        if status != "ready":
            self._stop()
            raise NewsgraphError(value or f"E008 {self.source}: cannot read (worker stopped).")
        self.triples = int(value)

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
            for pipe in (self._proc.stdin, self._proc.stdout):
                if pipe is not None:
                    pipe.close()
        self._proc = None

    def ask(self, request: dict[str, Any]) -> tuple[int, str, bytes]:
        """Run one query; (status, media type, body)."""
        if not self._lock.acquire(timeout=self.timeout):
            return 503, "text/plain", b"the endpoint is busy; try again"
        try:
            if self._proc is None:
                self._start()
            proc = self._proc
            assert proc is not None and proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(json.dumps(request).encode() + b"\n")
            proc.stdin.flush()
            if not select.select([proc.stdout], [], [], self.timeout)[0]:
                self._stop()
                threading.Thread(target=self._restart, daemon=True).start()
                return 503, "text/plain", f"query timed out after {self.timeout:g} s".encode()
            status, size, media = proc.stdout.readline().decode().split(" ", 2)
            return int(status), media.strip(), proc.stdout.read(int(size))
        except (OSError, ValueError, NewsgraphError):
            self._stop()
            return 500, "text/plain", b"the query worker stopped; it restarts on the next query"
        finally:
            self._lock.release()

    def _restart(self) -> None:
        with self._lock, contextlib.suppress(NewsgraphError):
            if self._proc is None:
                self._start()

    def close(self) -> None:
        """Stop the worker process."""
        with self._lock:
            self._stop()


def _accept(params: dict[str, list[str]], header: str) -> list[str]:
    """Format names the client accepts, best first (``format`` parameter first)."""
    wanted = [f for f in params.get("format", []) if f in _FORMATS]
    ranked = []
    for position, item in enumerate(header.split(",")):
        media, *options = (part.strip() for part in item.split(";"))
        q = next((o[2:] for o in options if o.startswith("q=")), "1")
        try:
            ranked.append((-float(q), position, media.lower()))
        except ValueError:
            continue
    return wanted + [_MEDIA[m] for _, _, m in sorted(ranked) if m in _MEDIA]


class _App:
    """The WSGI application."""

    def __init__(self, worker: _Worker, port: int, allow_service: bool, about: str) -> None:
        self.worker, self.allow_service, self.about = worker, allow_service, about
        self.hosts = {f"{h}:{port}" for h in _LOOPBACK} | set(_LOOPBACK)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        status, media, body, extra = self._route(environ)
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
        headers = [("Content-Type", media + charset), ("Content-Length", str(len(body))),
                   ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
                   ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
                    " form-action 'self'; frame-ancestors 'none'"), *extra]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def _route(self, environ: dict[str, Any]) -> _Response:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
        params = parse_qs(environ.get("QUERY_STRING", ""))
        if environ.get("HTTP_HOST", "127.0.0.1") not in self.hosts:
            return 403, "text/plain", b"only loopback host names are served", []
        if path == "/update" or "update" in params:
            return _NO_UPDATE
        protocol = path in ("/sparql", "/query")
        if method not in ("GET", "HEAD") and not (method == "POST" and protocol):
            allow = [("Allow", "GET, HEAD, POST" if protocol else "GET, HEAD")]
            return 405, "text/plain", b"read-only endpoint: this method is refused", allow
        if path == "/":
            name = params.get("example", [""])[0]
            return 200, "text/html", self._page(_example(name), ""), []
        if path == "/queries":
            return 200, "application/json", _examples_json(), []
        if not protocol:
            return 404, "text/plain", b"not found: use / (form) or /sparql (protocol)", []
        return self._query(environ, method, params)

    def _query(self, environ: dict[str, Any], method: str, params: dict[str, list[str]]
               ) -> _Response:
        if method == "POST":
            size = int(environ.get("CONTENT_LENGTH") or 0)
            if size > _MAX_BODY:
                return 413, "text/plain", b"request body over 1 MiB", []
            body = environ["wsgi.input"].read(size).decode("utf-8", "replace")
            media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                return _NO_UPDATE
            if media == "application/x-www-form-urlencoded":
                params = {**params, **parse_qs(body)}
                if "update" in params:
                    return _NO_UPDATE
            elif media == "application/sparql-query":
                params = {**params, "query": [body]}
            else:
                return 415, "text/plain", b"use a form or application/sparql-query", []
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            if "text/html" in environ.get("HTTP_ACCEPT", ""):
                return 200, "text/html", self._page("", ""), []
            return 400, "text/plain", b"give exactly one 'query' parameter", []
        if not self.allow_service and _uses_service(queries[0]):
            return 403, "text/plain", b"SERVICE (federated query) is disabled here", []
        accept = _accept(params, environ.get("HTTP_ACCEPT", ""))
        status, media, body = self.worker.ask({
            "query": queries[0], "accept": accept, "default": params.get("default-graph-uri",
            []), "named": params.get("named-graph-uri", [])})
        if media == "text/html" and status == 200:
            body = self._page(queries[0], body.decode("utf-8"))
        return status, media, body, []

    def _page(self, query: str, results: str) -> bytes:
        from graph.query import bundled_queries

        options = "".join(f"<option>{f}</option>" for f in _PAGE_FORMATS)
        examples = "".join(
            f'<li><a href="/?example={quote(name)}">{html.escape(name)}</a>: '
            f"{html.escape(text)}</li>" for name, text in bundled_queries().items())
        return _PAGE.format(css=_CSS, about=html.escape(self.about), timeout=self.worker.timeout,
                            query=html.escape(query), options=options, examples=examples,
                            results=results).encode("utf-8")


def _example(name: str) -> str:
    from graph.query import QUERIES_DIR, bundled_queries

    return (QUERIES_DIR / f"{name}.rq").read_text("utf-8") if name in bundled_queries() else ""


def _examples_json() -> bytes:
    from graph.query import bundled_queries

    data = [{"name": name, "description": text, "query": _example(name)}
            for name, text in bundled_queries().items()]
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Request lines are not printed."""


class Endpoint:
    """A started endpoint: an HTTP server on 127.0.0.1 and its query worker."""

    def __init__(self, server: _Server, worker: _Worker) -> None:
        self._server, self._worker = server, worker
        self.port: int = server.server_port
        self.url = f"http://127.0.0.1:{self.port}/"
        self.triples = worker.triples

    def serve_forever(self) -> None:
        """Answer requests until `close` is called (from another thread) or Ctrl-C."""
        self._server.serve_forever()

    def serve_in_background(self) -> Endpoint:
        """Answer requests in a daemon thread; returns self."""
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def close(self) -> None:
        """Stop the server and the worker."""
        self._server.shutdown()
        self._server.server_close()
        self._worker.close()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(source: str | Path, *, port: int = DEFAULT_PORT, timeout: float = DEFAULT_TIMEOUT,
          allow_service: bool = False) -> Endpoint:
    """Load ``source`` and bind the endpoint to ``127.0.0.1:port`` (0: any free port).

    Args:
        source: a graph file (any format `graph.query.load_store` reads) or an Oxigraph store
            folder (opened read-only).
        port: the TCP port.
        timeout: seconds a query may run.
        allow_service: let queries call other endpoints with SERVICE.

    Returns:
        The `Endpoint`, not yet answering: call `Endpoint.serve_forever`.

    Raises:
        NewsgraphError: E009 / E008 / E201 when the source cannot be read, E205 when the port
            cannot be bound.
    """
    worker = _Worker(str(source), timeout)
    about = f"{Path(source).name}: {worker.triples} triples"
    try:
        server = _Server(("127.0.0.1", port), _QuietHandler)
    except OSError as exc:
        worker.close()
        raise NewsgraphError(_E205.format(where=f"127.0.0.1:{port}", reason=exc.strerror)) from exc
    server.set_app(_App(worker, server.server_port, allow_service, about))
    return Endpoint(server, worker)


def serve(source: str | Path, *, port: int = DEFAULT_PORT, timeout: float = DEFAULT_TIMEOUT,
          allow_service: bool = False, echo: Callable[[str], Any] = print) -> None:
    """Run the endpoint until Ctrl-C (what ``newsgraph serve`` does)."""
    with start(source, port=port, timeout=timeout, allow_service=allow_service) as endpoint:
        echo(f"serving {source} ({endpoint.triples} triples), read-only, at {endpoint.url}"
             " (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            endpoint.serve_forever()
