"""A read-only SPARQL 1.1 endpoint over a graph file or an Oxigraph store, on 127.0.0.1.

``GET|POST /sparql`` (or ``/query``) answers queries per the SPARQL 1.1 Protocol: results as
SPARQL JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, JSON-LD or RDF/XML, or an HTML
table, chosen by a ``format`` parameter or the ``Accept`` header. ``GET /`` is a query form
that works offline (no script, no external resource) listing the bundled queries, also listed
as JSON at ``GET /queries``. Updates are refused (403), so are Graph Store writes (405),
requests from pages of other origins (403), and ``SERVICE`` (federated queries to other
endpoints) unless enabled (`graph.serve.guard`). Queries run in a few worker processes
(`graph.serve.pool`, `graph.serve.worker`), so a slow one holds up no other; a worker is
killed and restarted when its query runs past the timeout (503). Answers over the row or byte
cap are refused (422, ``E206``); the others are streamed to the client from a file.
"""

from __future__ import annotations

import contextlib
import html
import json
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, quote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from extract.errors import Errors, NewsgraphError
from graph.serve.guard import BodyError, cross_origin, normalize, read_body
from graph.serve.pool import Answer, Limits, WorkerPool
from graph.serve.worker import FORMATS

__all__ = ["DEFAULT_LIMITS", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "Endpoint", "serve", "start"]

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMITS = Limits(timeout=DEFAULT_TIMEOUT)

_E205 = Errors.E205
_MAX_BODY = 1 << 20
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_MEDIA = {media: name for name, (media, _) in FORMATS.items()} | {
    "application/json": "json", "application/xml": "xml", "text/xml": "xml",
    "application/x-turtle": "turtle", "text/plain": "nt",
}
_Extra = list[tuple[str, str]]
_PAGE_FORMATS = ("html", "json", "csv", "tsv", "xml", "turtle", "nt", "jsonld", "rdfxml")
_CSS = ("body{font:15px system-ui,sans-serif;margin:2em;max-width:90em}textarea{width:100%;"
        "font:13px monospace}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid"
        " #ccc;padding:2px 6px;text-align:left;vertical-align:top}small{color:#777}")
_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>newsgraph SPARQL
</title><style>{css}</style></head><body><h1>newsgraph SPARQL endpoint</h1><p>{about}. Read-only;
queries time out after {timeout:g} s. Protocol endpoint: <code>/sparql</code>.</p>
<form method="get" action="/sparql"><textarea name="query" rows="14">{query}</textarea>
<p><label>Results as <select name="format">{options}</select></label> <button>Run</button></p>
</form><h2>Bundled queries</h2><ul>{examples}</ul>{results}</body></html>"""


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain", message.encode("utf-8"))


_NO_UPDATE = "read-only endpoint: SPARQL Update is refused"


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

    def __init__(self, pool: WorkerPool, port: int, about: str) -> None:
        self.pool, self.limits, self.about = pool, pool.limits, about
        self.hosts = {f"{h}:{port}" for h in _LOOPBACK} | set(_LOOPBACK)
        self.origins = {f"http://{h}" for h in self.hosts}

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        answer, extra = self._route(environ)
        media = answer.media
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
        headers = [("Content-Type", media + charset), ("Content-Length", str(answer.size)),
                   ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store"),
                   ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
                    " form-action 'self'; frame-ancestors 'none'"), *extra]
        start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", headers)
        if environ["REQUEST_METHOD"] == "HEAD":
            answer.read()
            return []
        return answer.chunks()

    def _route(self, environ: dict[str, Any]) -> tuple[Answer, _Extra]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
        params = parse_qs(environ.get("QUERY_STRING", ""))
        if environ.get("HTTP_HOST", "127.0.0.1") not in self.hosts:
            return _text(403, "only loopback host names are served"), []
        protocol = path in ("/sparql", "/query", "/update")
        if protocol and cross_origin(environ, self.origins):
            return _text(403, "cross-origin requests are refused: send the query from this "
                         "endpoint's own page or from a client that is not a browser"), []
        if path == "/update" or "update" in params:
            return _text(403, _NO_UPDATE), []
        if method not in ("GET", "HEAD") and not (method == "POST" and protocol):
            allow = [("Allow", "GET, HEAD, POST" if protocol else "GET, HEAD")]
            return _text(405, "read-only endpoint: this method is refused"), allow
        if path == "/":
            name = params.get("example", [""])[0]
            return Answer(200, "text/html", self._page(_example(name), "")), []
        if path == "/queries":
            return Answer(200, "application/json", _examples_json()), []
        if not protocol:
            return _text(404, "not found: use / (form) or /sparql (protocol)"), []
        return self._query(environ, method, params), []

    def _query(self, environ: dict[str, Any], method: str, params: dict[str, list[str]]
               ) -> Answer:
        if method == "POST":
            try:
                body = read_body(environ, _MAX_BODY).decode("utf-8", "replace")
            except BodyError as err:
                return _text(err.status, str(err))
            media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                return _text(403, _NO_UPDATE)
            if media == "application/x-www-form-urlencoded":
                params = {**params, **parse_qs(body)}
                if "update" in params:
                    return _text(403, _NO_UPDATE)
            elif media == "application/sparql-query":
                params = {**params, "query": [body]}
            else:
                return _text(415, "use a form or application/sparql-query")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            if "text/html" in environ.get("HTTP_ACCEPT", ""):
                return Answer(200, "text/html", self._page("", ""))
            return _text(400, "give exactly one 'query' parameter")
        sparql = normalize(queries[0])  # the worker checks it for SERVICE, then runs it
        accept = _accept(params, environ.get("HTTP_ACCEPT", ""))
        answer = self.pool.ask({
            "query": sparql, "accept": accept, "default": params.get("default-graph-uri", []),
            "named": params.get("named-graph-uri", [])})
        if answer.media == "text/html" and answer.status == 200:
            return Answer(200, "text/html", self._page(sparql, answer.read().decode("utf-8")))
        return answer

    def _page(self, query: str, results: str) -> bytes:
        from graph.query import bundled_queries

        options = "".join(f"<option>{f}</option>" for f in _PAGE_FORMATS)
        examples = "".join(
            f'<li><a href="/?example={quote(name)}">{html.escape(name)}</a>: '
            f"{html.escape(text)}</li>" for name, text in bundled_queries().items())
        return _PAGE.format(css=_CSS, about=html.escape(self.about), timeout=self.limits.timeout,
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
    timeout = 60  # seconds a client may stay silent (a body shorter than announced, ...)

    def log_message(self, format: str, *args: Any) -> None:
        """Request lines are not printed."""


class Endpoint:
    """A started endpoint: an HTTP server on 127.0.0.1 and its query workers."""

    def __init__(self, server: _Server, pool: WorkerPool) -> None:
        self._server, self._pool = server, pool
        self.port: int = server.server_port
        self.url = f"http://127.0.0.1:{self.port}/"
        self.triples = pool.triples

    def serve_forever(self) -> None:
        """Answer requests until `close` is called (from another thread) or Ctrl-C."""
        self._server.serve_forever()

    def serve_in_background(self) -> Endpoint:
        """Answer requests in a daemon thread; returns self."""
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def close(self) -> None:
        """Stop the server and the workers."""
        self._server.shutdown()
        self._server.server_close()
        self._pool.close()

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start(source: str | Path, *, port: int = DEFAULT_PORT, timeout: float = DEFAULT_TIMEOUT,
          allow_service: bool = False, max_rows: int = DEFAULT_LIMITS.max_rows,
          max_bytes: int = DEFAULT_LIMITS.max_bytes, workers: int = DEFAULT_LIMITS.workers
          ) -> Endpoint:
    """Load ``source`` and bind the endpoint to ``127.0.0.1:port`` (0: any free port).

    Args:
        source: a graph file (any format `graph.query.load_store` reads) or an Oxigraph store
            folder (opened read-only).
        port: the TCP port.
        timeout: seconds a query may run.
        allow_service: let queries call other endpoints with SERVICE (else the check refuses
            them and the workers have no network).
        max_rows: rows (or triples) an answer may have; more is refused with E206 (422).
        max_bytes: bytes an answer may have; more is refused with E206 (422).
        workers: queries run at once, each in its own process holding the graph.

    Returns:
        The `Endpoint`, not yet answering: call `Endpoint.serve_forever`.

    Raises:
        NewsgraphError: E009 / E008 / E201 when the source cannot be read, E205 when the port
            cannot be bound.
    """
    limits = Limits(timeout=timeout, max_rows=max_rows, max_bytes=max_bytes, workers=workers,
                    allow_service=allow_service)
    pool = WorkerPool(str(source), limits)
    about = f"{Path(source).name}: {pool.triples} triples"
    try:
        server = _Server(("127.0.0.1", port), _QuietHandler)
    except OSError as exc:
        pool.close()
        raise NewsgraphError(_E205.format(where=f"127.0.0.1:{port}", reason=exc.strerror)) from exc
    server.set_app(_App(pool, server.server_port, about))
    return Endpoint(server, pool)


def serve(source: str | Path, *, echo: Callable[[str], Any] = print, **options: Any) -> None:
    """Run the endpoint until Ctrl-C (what ``newsgraph serve`` does); ``options`` as `start`."""
    with start(source, **options) as endpoint:
        echo(f"serving {source} ({endpoint.triples} triples), read-only, at {endpoint.url}"
             " (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            endpoint.serve_forever()
