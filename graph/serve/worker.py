"""The query worker of the SPARQL endpoint: a child process that holds the graph and answers.

The endpoint (`graph.serve`) sends each query to the worker as one JSON line; the worker runs
it on its Oxigraph store and writes the answer in the media type the client accepts (SPARQL
results, an RDF graph, or an HTML table). `QueryWorker` starts the process, runs one query at
a time, and kills and restarts the process when a query runs past the timeout.
"""

from __future__ import annotations

import contextlib
import html
import json
import select
import subprocess
import sys
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from extract.errors import NewsgraphError

__all__ = ["FORMATS", "QueryWorker", "work"]

#: Format parameter -> (media type, pyoxigraph format name).
FORMATS = {
    "json": ("application/sparql-results+json", "JSON"), "xml": ("application/sparql-results+xml",
    "XML"), "csv": ("text/csv", "CSV"), "tsv": ("text/tab-separated-values", "TSV"),
    "turtle": ("text/turtle", "TURTLE"), "nt": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"), "rdfxml": ("application/rdf+xml", "RDF_XML"),
    "html": ("text/html", ""),
}

_HTML_ROWS = 1000
_SOLUTIONS = ("json", "xml", "csv", "tsv", "html")
_GRAPHS = ("turtle", "nt", "jsonld", "rdfxml", "html")


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
        media, name = FORMATS[fmt]
        kind = ox.RdfFormat if fmt in _GRAPHS else ox.QueryResultsFormat
        return 200, media, answer.serialize(format=getattr(kind, name)) or b""
    except (SyntaxError, ValueError) as exc:
        return 400, "text/plain", f"bad query: {exc}".encode()
    except OSError as exc:
        return 500, "text/plain", f"query failed: {exc}".encode()


def work() -> None:
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


class QueryWorker:
    """The query worker process: one query at a time, killed on timeout."""

    def __init__(self, source: str, timeout: float) -> None:
        self.source, self.timeout, self.triples = source, timeout, 0
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        with self._lock:
            self._start()

    def _start(self) -> None:
        code = "from graph.serve.worker import work; work()"
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
