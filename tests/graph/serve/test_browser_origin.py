"""A page of another origin, in a real headless Chromium, cannot make the endpoint run a query.

The endpoint allows SERVICE here, and the query calls a recording server: a query that runs
leaves a request there. The page of another origin tries a scripted POST, a form and an image;
the endpoint's own page, as a control, runs the same query. Needs the ``playwright`` package
and Debian's Chromium at /usr/bin/chromium (the tests skip without them).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote, urlencode

import pytest

from graph.rdf.build import KnowledgeGraph
from graph.run import BuildReport
from graph.serve import start

CHROMIUM = Path("/usr/bin/chromium")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)
if not CHROMIUM.exists():  # pragma: no cover - depends on the machine
    pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

ATTACK = """<!DOCTYPE html><html><body>
<form id="f" method="post" action="{sparql}" target="sink">
<input type="hidden" name="query" value="{query}"></form>
<iframe name="sink"></iframe><img src="{sparql}?{get}">
<script>
window.done = fetch("{sparql}", {{method: "POST", mode: "no-cors",
  headers: {{"Content-Type": "application/x-www-form-urlencoded"}},
  body: "query=" + encodeURIComponent({query_js})}}).catch(() => null);
document.getElementById("f").submit();
</script></body></html>"""


class _Site(BaseHTTPRequestHandler):
    """Serves ``page`` at every path and records the paths asked for."""

    page: ClassVar[bytes] = b""
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    do_POST = do_GET  # Oxigraph calls a SERVICE with POST

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


def _serve(page: bytes = b"{}") -> tuple[ThreadingHTTPServer, list[str]]:
    seen: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 type("Site", (_Site,), {"page": page, "seen": seen}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


@pytest.fixture()
def endpoint_and_target(
    example_build: tuple[BuildReport, KnowledgeGraph, Path],
) -> Iterator[tuple[str, str, list[str]]]:
    target, seen = _serve(b'{"head":{"vars":[]},"results":{"bindings":[]}}')
    query = (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target.server_port}/sparql> "
             "{ ?s ?p ?o } }")
    graph = example_build[2] / "graph.ttl"
    with start(graph, port=0, timeout=20, allow_service=True).serve_in_background() as running:
        yield running.url, query, seen
    target.shutdown()
    target.server_close()


def _wait_for(seen: list[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds  # a bound on waiting, not a check of speed
    while not seen and time.monotonic() < deadline:
        time.sleep(0.1)


def test_a_page_of_another_origin_cannot_run_a_query(
    endpoint_and_target: tuple[str, str, list[str]],
) -> None:
    url, query, seen = endpoint_and_target
    sparql = url + "sparql"
    page = ATTACK.format(sparql=sparql, query=query.replace('"', "&quot;"),
                         get=urlencode({"query": query}), query_js=repr(query))
    attacker, visited = _serve(page.encode("utf-8"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        tab = browser.new_page()
        tab.goto(f"http://localhost:{attacker.server_port}/")
        tab.evaluate("window.done")
        tab.wait_for_load_state("networkidle")
        _wait_for(seen, 3)
        attacked = list(seen)
        tab.goto(url + "sparql?format=html&query=" + quote(query))  # the control: typed in
        _wait_for(seen, 20)
        browser.close()
    attacker.shutdown()
    attacker.server_close()
    assert visited, "the attacking page was not loaded"
    assert attacked == [], "a page of another origin made the endpoint run its query"
    assert seen, "the endpoint's own request did not run the query"
