"""The endpoint under hostile or careless clients: hidden SERVICE calls, cross-origin pages,
lying or missing body lengths, huge results, and one slow query among quick ones."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from graph.rdf.build import KnowledgeGraph
from graph.run import BuildReport
from graph.serve import Endpoint, start

Response = tuple[int, dict[str, str], bytes]
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 3000000"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def example(example_build: tuple[BuildReport, KnowledgeGraph, Path]) -> Path:
    return example_build[2] / "graph.ttl"


@pytest.fixture(scope="module")
def endpoint(example: Path) -> Iterator[Endpoint]:
    with start(example, port=0, timeout=20).serve_in_background() as running:
        yield running


@pytest.fixture(scope="module")
def capped(example: Path) -> Iterator[Endpoint]:
    with start(example, port=0, timeout=20, max_rows=500,
               max_bytes=200_000).serve_in_background() as running:
        yield running


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        body = b'{"head":{"vars":["leak"]},"results":{"bindings":[]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture()
def remote() -> Iterator[tuple[str, list[str]]]:
    """A SPARQL-like server on 127.0.0.1 that records every request it gets."""
    seen: list[str] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql", seen
    finally:
        server.shutdown()
        server.server_close()


def _get(endpoint: Endpoint, sparql: str, accept: str = "application/sparql-results+json",
         headers: dict[str, str] | None = None) -> Response:
    url = endpoint.url + "sparql?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": accept, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _raw(endpoint: Endpoint, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send a hand-made request; the status and body of the answer."""
    with socket.create_connection(("127.0.0.1", endpoint.port), timeout=30) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        sock.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status_line, _, rest = data.partition(b"\r\n")
    return int(status_line.split()[1]), rest.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ #\rSERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ #\rSERVICE <{url}> {{ ?s ?p ?o }}\n }}",
    "SELECT * WHERE {{ ?x ?y ?z # a comment\r\n SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z FILTER EXISTS {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    "ASK {{ {{ SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
])
def test_service_hidden_anywhere_is_refused(
    endpoint: Endpoint, remote: tuple[str, list[str]], template: str
) -> None:
    url, seen = remote
    status, _, body = _get(endpoint, template.format(url=url))
    assert status in (400, 403), body
    assert b"leak" not in body
    assert seen == []


def test_the_query_engine_cannot_reach_the_network(remote: tuple[str, list[str]]) -> None:
    """Even a SERVICE call that got past the check fails in a worker: it has no network."""
    url, seen = remote
    code = f"""
import pyoxigraph as ox
from graph.serve.sandbox import deny_network
assert deny_network()
try:
    print(list(ox.Store().query("SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")))
except OSError as exc:
    print("refused:", exc)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused:") and "leak" not in done.stdout
    assert seen == []


def test_a_query_slow_to_parse_is_stopped_by_the_timeout(example: Path) -> None:
    huge = "SELECT * WHERE { VALUES ?x { " + " ".join(map(str, range(150_000))) + " } }"
    with start(example, port=0, timeout=2, workers=1).serve_in_background() as running:
        request = urllib.request.Request(running.url + "sparql", data=huge.encode(),
                                         headers={"Content-Type": "application/sparql-query"})
        with pytest.raises(urllib.error.HTTPError) as slow:
            urllib.request.urlopen(request, timeout=120)
        assert slow.value.code == 503
        assert _get(running, "ASK { ?s ?p ?o }")[0] == 200


def test_cross_origin_requests_are_refused(endpoint: Endpoint) -> None:
    ask = "ASK { ?s ?p ?o }"
    for headers in ({"Origin": "http://attacker.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Origin": "null"}, {"Sec-Fetch-Site": "same-site"}):
        status, found, body = _get(endpoint, ask, headers=headers)
        assert status == 403 and b"cross-origin" in body, headers
        assert "Access-Control-Allow-Origin" not in found
    same = {"Origin": endpoint.url.rstrip("/"), "Sec-Fetch-Site": "same-origin"}
    assert _get(endpoint, ask, headers=same)[0] == 200
    assert _get(endpoint, ask, headers={"Sec-Fetch-Site": "none"})[0] == 200
    preflight = urllib.request.Request(endpoint.url + "sparql", method="OPTIONS",
                                       headers={"Origin": "http://attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(preflight, timeout=30)
    assert refused.value.code in (403, 405)
    assert "Access-Control-Allow-Origin" not in refused.value.headers


def test_body_lengths_that_lie_are_refused(endpoint: Endpoint) -> None:
    ask = b"ASK { ?s ?p ?o }"
    head = ("POST /sparql HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/sparql-query\n"
            "Content-Length: {length}\n")
    for length in ("-1", "+5", "1e3", "0x10", "5, 5", "٣"):
        status, body = _raw(endpoint, head.format(length=length), ask + b"x" * 1000)
        assert status == 400 and b"Content-Length" in body, length
    status, body = _raw(endpoint, head.format(length=str(len(ask))), ask)
    assert status == 200 and b"true" in body
    status, body = _raw(endpoint, head.format(length=str(3 << 20)), ask)
    assert status == 413


def test_chunked_bodies_get_length_required(endpoint: Endpoint) -> None:
    ask = b"ASK { ?s ?p ?o }"
    head = ("POST /sparql HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/sparql-query\n"
            "Transfer-Encoding: chunked\n")
    status, body = _raw(endpoint, head, b"%x\r\n%s\r\n0\r\n\r\n" % (len(ask), ask))
    assert status == 411 and b"Content-Length" in body
    no_length = head.replace("Transfer-Encoding: chunked\n", "")
    status, body = _raw(endpoint, no_length, ask)
    assert status == 411 and b"Content-Length" in body


@pytest.mark.parametrize("accept", ["text/csv", "application/sparql-results+json",
                                    "application/sparql-results+xml",
                                    "text/tab-separated-values"])
def test_results_over_the_row_cap_are_refused(capped: Endpoint, accept: str) -> None:
    ones = "SELECT (1 AS ?x) WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 1000"
    status, _, body = _get(capped, ones, accept=accept)
    assert status == 422 and body.startswith(b"E206") and b"500 rows" in body
    status, _, body = _get(capped, CARTESIAN, accept=accept)
    assert status == 422 and body.startswith(b"E206")


def test_results_over_the_byte_cap_are_refused(capped: Endpoint) -> None:
    wide = f"SELECT ?s (CONCAT({', '.join(['STR(?s)'] * 10)}) AS ?long) WHERE {{ ?s ?p ?o }}"
    status, _, body = _get(capped, wide + " LIMIT 490", accept="text/csv")
    assert status == 422 and body.startswith(b"E206") and b"200000 bytes" in body
    graph = "CONSTRUCT WHERE { ?s ?p ?o }"
    status, _, body = _get(capped, graph, accept="application/n-triples")
    assert status == 422 and body.startswith(b"E206")


def test_results_under_the_caps_are_whole(capped: Endpoint) -> None:
    status, headers, body = _get(capped, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 500")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 500
    assert int(headers["Content-Length"]) == len(body)
    status, _, body = _get(capped, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 200", accept="text/csv")
    assert status == 200 and len(body.splitlines()) == 201


def test_a_slow_query_does_not_hold_up_the_others(example: Path) -> None:
    with start(example, port=0, timeout=30).serve_in_background() as running:
        slow: list[int] = []
        thread = threading.Thread(target=lambda: slow.append(_get(running, SLOW)[0]))
        thread.start()
        answers = [_get(running, "ASK { ?s ?p ?o }")[0] for _ in range(3)]
        still_running = thread.is_alive()
        running.close()
        thread.join(timeout=60)
    assert answers == [200, 200, 200]
    assert still_running, "the quick queries waited for the slow one"
