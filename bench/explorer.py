"""Benchmark the HTML explorer on synthetic entity graphs, in headless Chromium.

For each size it builds a synthetic graph, renders the page (Python build time, file size),
opens it in Chromium with the network blocked and measures the time to the first drawn frame
and the time per redraw of the canvas. Prints a Markdown table.

Usage::

    python bench/explorer.py                       # 1k, 5k, 20k entities
    python bench/explorer.py --sizes 20000 --max-nodes 20000
    python bench/explorer.py --sizes 0 --examples examples --screenshot output/explorer.png

Needs the ``playwright`` package and Chromium at ``--chromium`` (default /usr/bin/chromium).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The project root, so that the packages import when run from a checkout.
_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import networkx as nx  # noqa: E402

from graph.explorer.page import write_html  # noqa: E402

__all__ = ["main", "measure_page", "synthetic_graph"]

_TYPES = ("Person", "Organization", "Place", "Event")
_PREDICATES = (
    "discussedWith",
    "accused",
    "supports",
    "holdsPost",
    "memberOf",
    "criticized",
    "namedAsThreat",
    "locatedIn",
    "cooperatesWith",
    "rejected",
)
_WORDS = (
    "minister", "talks", "summit", "border", "sanctions", "alliance", "security", "agreement",
    "troops", "council", "election", "government", "ceasefire", "envoy", "trade", "energy",
)
_ALLOWED = ("file:", "data:", "about:")
_MEASURE_JS = """async (count) => {
  const explorer = window.newsgraphExplorer;
  const network = explorer.network;
  const first = performance.getEntriesByName("ng-first-draw")[0].startTime;
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await new Promise((done) => {
      network.once("afterDrawing", () => done());
      network.moveTo({ scale: network.getScale() * (i % 2 ? 1.25 : 0.8) });
    });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { first: first, redraw: times[Math.floor(times.length / 2)],
           nodes: explorer.visibleNodes(), edges: explorer.visibleEdges() };
}"""


def synthetic_graph(entities: int, seed: int = 1) -> nx.MultiDiGraph:
    """A news-like entity graph: preferential attachment, two to three statements per entity.

    Args:
        entities: Number of entities.
        seed: Random seed.

    Returns:
        A graph with the node and edge attributes of `graph.netx.to_networkx`.
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    articles = max(entities // 8, 1)
    for i in range(entities):
        iri = f"https://example.org/id/e{i}"
        name = f"{rng.choice(_WORDS).title()} {rng.choice(_WORDS).title()} {i}"
        g.add_node(iri, label=name, type=_TYPES[i % 7 % 4], aliases=[f"E{i}"],
                   mentions=1, articles=1, iri=iri, same_as=[])
    targets: list[int] = [0]
    for i in range(1, entities):
        for _ in range(1 + (rng.random() < 0.4) + (rng.random() < 0.2)):
            j = rng.choice(targets)
            if j == i:
                continue
            targets.extend((i, j))
            a = rng.randrange(articles)
            day = 1 + a % 28
            month = 1 + a // 28 % 12
            sentence = " ".join(rng.choice(_WORDS) for _ in range(18)).capitalize() + "."
            g.add_edge(f"https://example.org/id/e{i}", f"https://example.org/id/e{j}",
                       predicate=rng.choice(_PREDICATES), sentence=sentence,
                       article=f"https://example.org/article/{a}",
                       article_title=f"Article {a} on {rng.choice(_WORDS)}",
                       article_date=f"2024-{month:02d}-{day:02d}",
                       article_url=f"https://news.example.org/{a}",
                       confidence=round(rng.uniform(0.4, 1.0), 2), polarity="asserted",
                       modality="fact", trigger=rng.choice(_WORDS), post_title="")
        targets.append(i)
    for node, degree in g.degree():
        g.nodes[node]["mentions"] = degree + int(rng.paretovariate(1.5))
    return g


def measure_page(
    path: Path,
    chromium: str,
    *,
    redraws: int = 9,
    screenshot: Path | None = None,
    open_node: int | None = None,
) -> dict[str, Any]:
    """Open ``path`` in headless Chromium, offline, and time its drawing.

    Args:
        path: The HTML file.
        chromium: Chromium executable.
        redraws: Number of zoom redraws to time (the median is reported).
        screenshot: Where to save a PNG of the page, if given.
        open_node: Entity (index in the page's data) to open before the screenshot.

    Returns:
        ``first`` (ms from navigation to the first drawn frame), ``redraw`` (median ms per
        redraw), ``nodes`` and ``edges`` drawn, ``requests`` blocked (must be 0).
    """
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})

        def guard(route: Any) -> None:
            if route.request.url.startswith(_ALLOWED):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
        _wait(page, "performance.getEntriesByName('ng-first-draw').length > 0"
              " && window.newsgraphExplorer.settled()")
        result: dict[str, Any] = page.evaluate(_MEASURE_JS, redraws)
        if screenshot is not None:
            if open_node is not None:
                page.evaluate("(id) => window.newsgraphExplorer.open(id)", open_node)
            page.wait_for_timeout(1000)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
        browser.close()
    result["requests"] = len(blocked)
    return result


def _wait(page: Any, condition: str, timeout_s: float = 120.0) -> None:
    """Poll ``condition`` from here: the page's CSP forbids Playwright's in-page polling."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(condition):
        if time.monotonic() > deadline:
            raise TimeoutError(condition)
        page.wait_for_timeout(20)


def _example_graph(folder: Path, out: Path) -> nx.MultiDiGraph:
    """Build ``folder`` with the real pipeline and return its entity graph."""
    from graph.netx import to_networkx
    from graph.run import build

    _, kg = build([folder], out, workers=1)
    if kg is None:
        raise SystemExit(f"no articles could be built from {folder}")
    return to_networkx(kg.rdf)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--max-nodes", type=int, default=None, help="overview size")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--redraws", type=int, default=9)
    parser.add_argument("--examples", type=Path, help="also build this folder of articles")
    parser.add_argument("--screenshot", type=Path, help="PNG of the --examples page")
    args = parser.parse_args(argv)
    options = {} if args.max_nodes is None else {"max_nodes": args.max_nodes}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        graphs = [(f"{size:,}", synthetic_graph(size)) for size in args.sizes if size > 0]
        if args.examples is not None:
            graphs.append((str(args.examples), _example_graph(args.examples, Path(tmp) / "ex")))
        for name, g in graphs:
            start = time.perf_counter()
            path = write_html(g, Path(tmp) / "graph.html", **options)
            build_s = time.perf_counter() - start
            shot = args.screenshot if name == str(args.examples) else None
            hub = max(range(len(g)), key=list(dict(g.degree()).values()).__getitem__, default=None)
            timing = measure_page(path, args.chromium, redraws=args.redraws, screenshot=shot,
                                  open_node=hub)
            rows.append((name, g.number_of_edges(), path.stat().st_size, build_s, timing))
    print("| entities | statements | HTML size | Python build | first draw | redraw "
          "| drawn nodes / edges | requests |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, statements, size, build_s, t in rows:
        print(f"| {name} | {statements:,} | {size / 1e6:.1f} MB | {build_s:.2f} s "
              f"| {t['first'] / 1000:.2f} s | {t['redraw']:.0f} ms "
              f"| {t['nodes']:,} / {t['edges']:,} | {t['requests']} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
