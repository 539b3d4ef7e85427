"""A read-only SPARQL 1.1 endpoint over a graph file or an Oxigraph store, on 127.0.0.1.

``GET|POST /sparql`` (or ``/query``) answers queries per the SPARQL 1.1 Protocol: results as
SPARQL JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, JSON-LD or RDF/XML, or an HTML
table, chosen by a ``format`` parameter or the ``Accept`` header. ``GET /`` is a query form
that works offline (no script, no external resource) listing the bundled queries, also listed
as JSON at ``GET /queries``. Updates are refused (403), so are Graph Store writes (405), and
``SERVICE`` (federated queries to other endpoints) unless enabled. Each query runs in a worker
process (`graph.serve.worker`), killed and restarted when the query runs past the timeout (503).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, quote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from extract.errors import Errors, NewsgraphError
from graph.serve.worker import FORMATS, QueryWorker

__all__ = ["DEFAULT_PORT", "DEFAULT_TIMEOUT", "Endpoint", "serve", "start"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0

_E205 = Errors.E205
_MAX_BODY = 1 << 20
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_MEDIA = {media: name for name, (media, _) in FORMATS.items()} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
    "application/x-turtle": "turtle", "text/plain": "nt",
}
_Response = tuple[int, str, bytes, list[tuple[str, str]]]
_NO_UPDATE: _Response = (403, "text/plain", b"read-only endpoint: SPARQL Update is refused", [])
_PAGE_FORMATS = ("html", "json", "csv", "tsv", "xml", "turtle", "nt", "jsonld", "rdfxml")
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


def _accept(params: dict[str, list[str]], header: str) -> list[str]:
    """Format names the client accepts, best first (``format`` parameter first)."""
    wanted = [f for f in params.get("format", []) if f in FORMATS]
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

    def __init__(self, worker: QueryWorker, port: int, allow_service: bool, about: str) -> None:
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

    def __init__(self, server: _Server, worker: QueryWorker) -> None:
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
    worker = QueryWorker(str(source), timeout)
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
