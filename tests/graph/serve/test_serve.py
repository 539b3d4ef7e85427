"""The read-only SPARQL endpoint, started on a free loopback port."""

from __future__ import annotations

import csv
import doctest
import io
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.serve.guard
from extract.errors import NewsgraphError
from graph.query import bundled_queries, load_store, resolve_query, run_query
from graph.rdf.build import KnowledgeGraph
from graph.run import BuildReport
from graph.serve import Endpoint, start

HOSTILE = '<script>alert("x")</script> ]]> \u202e'
Response = tuple[int, dict[str, str], bytes]


@pytest.fixture(scope="module")
def example(example_build: tuple[BuildReport, KnowledgeGraph, Path]) -> Path:
    return example_build[2] / "graph.ttl"


@pytest.fixture(scope="module")
def endpoint(example: Path) -> Iterator[Endpoint]:
    with start(example, port=0, timeout=1.5).serve_in_background() as running:
        yield running


def _call(endpoint: Endpoint, path: str, *, data: bytes | None = None, method: str | None = None,
          headers: dict[str, str] | None = None) -> Response:
    request = urllib.request.Request(endpoint.url.rstrip("/") + path, data=data, method=method,
                                     headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _get(endpoint: Endpoint, sparql: str, accept: str = "application/sparql-results+json",
         **params: str) -> Response:
    query = urllib.parse.urlencode({"query": sparql, **params})
    return _call(endpoint, f"/sparql?{query}", headers={"Accept": accept})


def _rows(body: bytes) -> set[tuple[str | None, ...]]:
    data = json.loads(body)
    names = data["head"]["vars"]
    return {tuple(b[n]["value"] if n in b else None for n in names)
            for b in data["results"]["bindings"]}


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_match_the_query_function(
    endpoint: Endpoint, example: Path, name: str
) -> None:
    sparql = resolve_query(name)
    status, headers, body = _get(endpoint, sparql)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert _rows(body) == set(run_query(load_store(example), sparql).rows)


def test_post_forms_and_result_formats(endpoint: Endpoint) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    form = urllib.parse.urlencode({"query": count}).encode()
    posted = _call(endpoint, "/sparql", data=form,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = _call(endpoint, "/query", data=count.encode(),
                   headers={"Content-Type": "application/sparql-query"})
    assert posted[0] == direct[0] == 200 and posted[2] == direct[2]
    assert _rows(posted[2]) == {(str(endpoint.triples),)}
    status, headers, body = _get(endpoint, count, accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body.decode()))) == [["n"], [str(endpoint.triples)]]
    assert _get(endpoint, count, format="tsv")[2].decode().splitlines()[0] == "?n"
    assert b"<sparql" in _get(endpoint, count, accept="application/sparql-results+xml")[2]
    assert json.loads(_get(endpoint, "ASK { ?s ?p ?o }")[2])["boolean"] is True


def test_construct_returns_rdf(endpoint: Endpoint) -> None:
    sparql = "CONSTRUCT WHERE { ?s a <http://schema.org/NewsArticle> }"
    status, headers, body = _get(endpoint, sparql, accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) > 5
    nt = _get(endpoint, sparql, accept="application/n-triples")[2]
    assert len(list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))) == len(
        list(ox.parse(body, format=ox.RdfFormat.TURTLE)))


def test_writes_are_refused(endpoint: Endpoint) -> None:
    update = "INSERT DATA { <http://x.org/a> <http://x.org/b> <http://x.org/c> }"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    attempts = [
        _call(endpoint, "/sparql", data=urllib.parse.urlencode({"update": update}).encode(),
              headers=form),
        _call(endpoint, "/sparql", data=update.encode(),
              headers={"Content-Type": "application/sparql-update"}),
        _call(endpoint, "/update", data=update.encode(),
              headers={"Content-Type": "application/sparql-update"}),
    ]
    assert [a[0] for a in attempts] == [403, 403, 403]
    for method in ("PUT", "DELETE", "PATCH"):
        status, headers, _ = _call(endpoint, "/store?default", data=b"<a:b> <a:c> <a:d> .",
                                   method=method, headers={"Content-Type": "text/turtle"})
        assert status == 405 and "POST" not in headers["Allow"]
    assert _call(endpoint, "/sparql", method="DELETE")[0] == 405
    assert _get(endpoint, update)[0] == 400
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert _rows(_get(endpoint, count)[2]) == {(str(endpoint.triples),)}


def test_service_is_refused_unless_allowed(endpoint: Endpoint, example: Path) -> None:
    remote = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    status, _, body = _get(endpoint, remote)
    assert status == 403 and b"SERVICE" in body
    assert _get(endpoint, 'SELECT ?service WHERE { ?service ?p "SERVICE" } LIMIT 1')[0] == 200
    with start(example, port=0, allow_service=True).serve_in_background() as open_endpoint:
        assert _get(open_endpoint, remote)[0] not in (200, 403)


def test_slow_query_times_out_and_the_endpoint_recovers(endpoint: Endpoint) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    began = time.monotonic()
    status, _, body = _get(endpoint, slow)
    assert status == 503 and b"timed out" in body
    assert time.monotonic() - began < 10
    assert _get(endpoint, "ASK { ?s ?p ?o }")[0] == 200


def test_bad_requests(endpoint: Endpoint) -> None:
    status, _, body = _get(endpoint, "SELECT ?x WHERE { ?x ")
    assert status == 400 and body.startswith(b"bad query")
    assert _call(endpoint, "/sparql")[0] == 400
    assert _call(endpoint, "/nowhere")[0] == 404
    assert _call(endpoint, "/sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415
    evil = {"Host": "attacker.example"}
    assert _call(endpoint, "/", headers=evil)[0] == 403


def test_form_page_is_offline_and_lists_the_queries(endpoint: Endpoint) -> None:
    status, headers, body = _call(endpoint, "/?example=threats",
                                  headers={"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    for name in bundled_queries():
        assert f'href="/?example={name}"' in page
    assert "&lt;https://w3id.org/newsgraph/ns#&gt;" in page
    listed = json.loads(_call(endpoint, "/queries")[2])
    assert {q["name"] for q in listed} == set(bundled_queries())
    assert all(q["query"].startswith("PREFIX") for q in listed)


def test_html_results_escape_the_data(tmp_path: Path) -> None:
    path = tmp_path / "hostile.nt"
    literal = json.dumps(HOSTILE)
    path.write_text(f"<http://x.org/a> <http://www.w3.org/2000/01/rdf-schema#label> {literal} .\n",
                    encoding="utf-8")
    with start(path, port=0).serve_in_background() as running:
        status, _, body = _get(running, "SELECT ?s ?label WHERE { ?s ?p ?label }",
                               accept="text/html,*/*;q=0.8")
    page = body.decode("utf-8")
    assert status == 200 and "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "1 row." in page


def test_store_folder_port_in_use_and_unreadable_graph(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = ox.Store(str(folder))
    store.add(ox.Quad(ox.NamedNode("http://x.org/a"), ox.NamedNode("http://x.org/b"),
                      ox.Literal("c")))
    store.flush()
    del store
    with start(folder, port=0).serve_in_background() as running:
        assert running.triples == 1
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            with pytest.raises(NewsgraphError, match=r"^E205 cannot listen on 127\.0\.0\.1:"):
                start(folder, port=busy.getsockname()[1])
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(NewsgraphError, match=r"^E201 "):
        start(bad, port=0)


def test_doctests() -> None:
    result = doctest.testmod(graph.serve.guard)
    assert result.attempted > 0 and result.failed == 0


def test_listens_on_loopback_only(endpoint: Endpoint) -> None:
    host = endpoint._server.server_address[0]
    assert host == "127.0.0.1"
