"""The HTML explorer in headless Chromium, offline: drawing, search, evidence, filters, safety.

Every page is opened from ``file://`` in an offline browser context whose router aborts any
other URL; each test checks that no such request was even attempted. Needs the ``playwright``
package and Debian's Chromium at /usr/bin/chromium (the tests skip without them).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from extract.facts import Article, ArticleFacts, Entity, Relation
from graph.explorer.page import write_html
from graph.netx import to_networkx
from graph.rdf.build import KnowledgeGraph, build_graph
from graph.run import BuildReport

CHROMIUM = Path("/usr/bin/chromium")
try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip("playwright is not installed (pip install playwright)", allow_module_level=True)
if not CHROMIUM.exists():  # pragma: no cover - depends on the machine
    pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

LOCAL = ("file:", "data:", "about:")
WATCH_CSP = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));"""
NODE_POINT = """(id) => {
  const network = window.newsgraphExplorer.network;
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("ng-network").getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}"""
DRAWN_NODES = "Object.keys(window.newsgraphExplorer.network.getPositions()).length"
LABELLED_EDGES = """Object.values(window.newsgraphExplorer.network.body.edges)
  .filter((edge) => edge.options.label).length"""
PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "</script><script>window.__pwned = 'close'</script>",
    "\"><svg onload=\"window.__pwned = 'svg'\">",
    "<iframe srcdoc=\"<script>parent.__pwned = 'frame'</script>\"></iframe>",
    "<script>alert('xss')</script>",
)
EVIL = "Evil " + "".join(PAYLOADS)


@dataclass
class Watch:
    """What a page did besides drawing: requests, dialogs, errors."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self, page: Page) -> None:
        assert self.blocked == []
        assert all(url.startswith(LOCAL) for url in self.requests), self.requests
        assert self.dialogs == [] and self.errors == []
        assert page.evaluate("window.__csp") == []
        assert page.evaluate("window.__pwned") is None


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def opener(browser: Browser) -> Iterator[Any]:
    """``opener(path) -> (page, watch)``: open a page offline and wait for its first frame."""
    context = browser.new_context(offline=True, viewport={"width": 1300, "height": 800})

    def open_page(target: Path | str, *, wait: bool = True) -> tuple[Page, Watch]:
        page = context.new_page()
        watch = Watch()

        def guard(route: Any) -> None:
            if route.request.url.startswith(LOCAL):
                route.continue_()
            else:
                watch.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.on("request", lambda request: watch.requests.append(request.url))
        page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: watch.errors.append(str(error)))
        page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
        page.add_init_script(WATCH_CSP)
        if isinstance(target, Path):
            page.goto(target.resolve().as_uri())
        else:
            page.set_content(target)
        if wait:
            _until(page, "performance.getEntriesByName('ng-first-draw').length > 0"
                   " && window.newsgraphExplorer.settled()")
        return page, watch

    yield open_page
    context.close()


def _graph(n: int = 6, extra_hub: bool = False) -> nx.MultiDiGraph:
    """Entities e0..e{n-1} in a chain of facts; e0 has the alias "Alpha One"."""
    g = nx.MultiDiGraph()
    types = ("Person", "Organization", "Place", "Event")
    for i in range(n):
        iri = f"https://example.org/id/e{i}"
        g.add_node(iri, label=f"Entity {i}", type=types[i % 4], iri=iri, mentions=n - i,
                   articles=1, aliases=["Alpha One"] if i == 0 else [], same_as=[])
    for i in range(n - 1):
        _fact(g, i, i + 1, "supports", f"Entity {i} backs entity {i + 1}.", day=1 + i % 28,
              confidence=0.5 + 0.4 * (i % 2))
    if extra_hub:
        hub = "https://example.org/id/hub"
        g.add_node(hub, label="Quiet Hub", type="Person", iri=hub, mentions=0, articles=1,
                   aliases=[], same_as=[])
        for i in range(n):
            g.add_edge(hub, f"https://example.org/id/e{i}", **_attrs("accused", "Hub blames.", 2))
    return g


def _attrs(predicate: str, sentence: str, day: int, confidence: float = 0.8) -> dict[str, Any]:
    return {
        "predicate": predicate, "label": predicate, "sentence": sentence,
        "article": f"https://example.org/article/{day}", "article_title": f"Report {day}",
        "article_date": f"2024-03-{day:02d}", "article_url": f"https://news.example.org/{day}",
        "confidence": confidence, "polarity": "asserted", "modality": "fact",
        "trigger": "backs", "post_title": "",
    }


def _fact(g: nx.MultiDiGraph, a: int, b: int, predicate: str, sentence: str, *, day: int,
          confidence: float = 0.8) -> None:
    g.add_edge(f"https://example.org/id/e{a}", f"https://example.org/id/e{b}",
               **_attrs(predicate, sentence, day, confidence))


def _until(page: Page, condition: str, timeout_s: float = 20.0) -> None:
    """Poll ``condition`` from here (the page's CSP forbids Playwright's in-page polling)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(condition):
        assert time.monotonic() < deadline, f"timed out waiting for {condition}"
        page.wait_for_timeout(50)


def _click_node(page: Page, node: int) -> None:
    x, y = page.evaluate(NODE_POINT, node)
    page.mouse.click(x, y)


def test_guard_sees_outside_requests(opener: Any) -> None:
    page, watch = opener('<img src="https://cdn.example.com/x.png">', wait=False)
    page.wait_for_timeout(200)
    assert watch.blocked == ["https://cdn.example.com/x.png"]


def test_page_draws_every_entity_offline(opener: Any, tmp_path: Path) -> None:
    g = _graph()
    page, watch = opener(write_html(g, tmp_path / "g.html"))
    assert page.evaluate(DRAWN_NODES) == g.number_of_nodes() == 6
    assert page.evaluate("window.newsgraphExplorer.visibleEdges()") == 5
    assert "Showing 6 of 6 entities, 5 connections" in page.inner_text("#ng-status")
    assert page.locator("#ng-types input").count() == 4
    watch.assert_clean(page)


def test_search_by_alias_then_evidence_in_panel(opener: Any, tmp_path: Path) -> None:
    page, watch = opener(write_html(_graph(), tmp_path / "g.html"))
    page.fill("#ng-search", "alpha one")
    hit = page.locator("#ng-results button")
    hit.first.wait_for()
    assert hit.count() == 1 and "Entity 0" in hit.first.inner_text()
    hit.first.click()
    panel = page.locator("#ng-panel")
    assert panel.locator("h2").inner_text() == "Entity 0"
    fact = panel.locator(".ng-fact").first
    assert fact.locator(".ng-sentence").inner_text() == "Entity 0 backs entity 1."
    link = fact.locator(".ng-source a")
    assert link.inner_text() == "Report 1"
    assert link.get_attribute("href") == "https://news.example.org/1"
    assert "2024-03-01" in fact.locator(".ng-source").inner_text()
    assert "confidence 0.50 · asserted · fact" in fact.locator(".ng-facts-line").inner_text()
    assert page.evaluate(LABELLED_EDGES) == 1  # the opened entity's one relation is labelled
    box = page.locator("#ng-network").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # empty canvas: selection and labels go
    _until(page, f"{LABELLED_EDGES} === 0")
    watch.assert_clean(page)


def test_big_neighbourhoods_open_in_steps(opener: Any, tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    hub = "https://example.org/id/hub"
    g.add_node(hub, label="Hub", type="Organization", iri=hub, mentions=500)
    for i in range(120):
        leaf = f"https://example.org/id/leaf{i}"
        g.add_node(leaf, label=f"Leaf {i}", type="Person", iri=leaf, mentions=1)
        g.add_edge(leaf, hub, **_attrs("memberOf", f"Leaf {i} joined the hub.", 1 + i % 28))
    page, watch = opener(write_html(g, tmp_path / "g.html", max_nodes=1, physics_limit=50))
    assert page.evaluate(DRAWN_NODES) == 1
    _click_node(page, 0)
    _until(page, f"{DRAWN_NODES} === 101")  # the hub and its 100 most mentioned neighbours
    more = page.locator("#ng-panel button.ng-action", has_text="20 more neighbours")
    more.click()
    _until(page, f"{DRAWN_NODES} === 121")
    assert page.locator("#ng-panel .ng-fact").count() == 120
    watch.assert_clean(page)


def test_click_opens_neighbourhood_in_overview(opener: Any, tmp_path: Path) -> None:
    g = _graph(40)  # above the physics limit below: precomputed positions, static view
    page, watch = opener(write_html(g, tmp_path / "g.html", max_nodes=5, physics_limit=10))
    assert page.evaluate(DRAWN_NODES) == 5  # the overview: the five most mentioned
    assert "overview" in page.inner_text("#ng-status")
    _click_node(page, 4)  # Entity 4: Entity 5 joins the view
    _until(page, f"{DRAWN_NODES} === 6")
    assert page.locator("#ng-panel h2").inner_text() == "Entity 4"
    sentences = page.locator("#ng-panel .ng-sentence").all_inner_texts()
    assert sorted(sentences) == ["Entity 3 backs entity 4.", "Entity 4 backs entity 5."]
    page.click("#ng-reset")
    _until(page, f"{DRAWN_NODES} === 5")
    watch.assert_clean(page)


def test_filters_relation_confidence_and_date(opener: Any, tmp_path: Path) -> None:
    g = _graph(6, extra_hub=True)
    page, watch = opener(write_html(g, tmp_path / "g.html"))
    edges = "window.newsgraphExplorer.visibleEdges()"
    assert page.evaluate(edges) == 11
    page.locator("#ng-predicates label", has_text="accused").locator("input").uncheck()
    assert page.evaluate(edges) == 5
    page.click("#ng-preds-all")
    page.eval_on_selector("#ng-confidence", "s => { s.value = '0.85';"
                          " s.dispatchEvent(new Event('input')); }")
    _until(page, f"{edges} === 2")  # only the 0.9 "supports" facts
    page.eval_on_selector("#ng-confidence", "s => { s.value = '0';"
                          " s.dispatchEvent(new Event('input')); }")
    _until(page, f"{edges} === 11")
    page.fill("#ng-date-from", "2024-03-03")
    page.dispatch_event("#ng-date-from", "change")
    assert page.evaluate(edges) == 3  # articles of 3, 4 and 5 March
    page.locator("#ng-types label", has_text="Person").locator("input").uncheck()
    assert page.evaluate(DRAWN_NODES) < g.number_of_nodes()
    watch.assert_clean(page)


def test_parallel_statements_are_one_edge_with_count(opener: Any, tmp_path: Path) -> None:
    g = _graph(2)
    for day in (2, 3):
        _fact(g, 0, 1, "supports", f"Entity 0 backs entity 1 again on day {day}.", day=day)
    page, watch = opener(write_html(g, tmp_path / "g.html"))
    assert page.evaluate("window.newsgraphExplorer.visibleEdges()") == 1
    (x0, y0), (x1, y1) = (page.evaluate(NODE_POINT, i) for i in (0, 1))
    page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2)
    panel = page.locator("#ng-panel")
    panel.locator(".ng-fact").first.wait_for()
    assert "3 statements" in panel.inner_text()
    assert panel.locator(".ng-sentence").count() == 3
    watch.assert_clean(page)


def _hostile_facts() -> ArticleFacts:
    article = Article(id="x" * 16, text=f"{EVIL} met NATO. {EVIL}", title=EVIL,
                      date="2024-05-01", url="javascript:window.__pwned='url'",
                      source=EVIL, authors=(EVIL,))
    sentence = f"{EVIL} discussed with NATO {EVIL}."
    return ArticleFacts(
        article=article,
        entities=(Entity("a", "PERSON", EVIL, aliases=(EVIL + " alias",), mentions=3),
                  Entity("b", "ORG", "NATO", mentions=2)),
        relations=(Relation("a", "discussedWith", "b", sentence, 0, len(sentence),
                            trigger=EVIL, rule="test", confidence=0.9),
                   Relation("a", "holdsPost", "b", sentence, 0, len(sentence),
                            trigger="chief", rule="test", value=EVIL, confidence=0.7)),
    )


def test_hostile_article_text_runs_nothing(opener: Any, tmp_path: Path) -> None:
    view = to_networkx(build_graph([_hostile_facts()]).rdf)
    page, watch = opener(write_html(view, tmp_path / "g.html", title=EVIL))
    assert page.title() == EVIL
    page.fill("#ng-search", "evil")
    page.locator("#ng-results button").first.click()
    panel = page.locator("#ng-panel")
    assert panel.locator("h2").inner_text() == EVIL  # shown as text, not markup
    assert EVIL in panel.locator(".ng-sentence").first.inner_text()
    assert panel.locator("img, svg, iframe, script").count() == 0
    assert panel.locator("a").count() == 0  # the javascript: URL is no link
    evil = next(i for i, (_, label) in enumerate(view.nodes(data="label")) if label == EVIL)
    page.wait_for_timeout(600)  # the view's move to the opened entity
    x, y = page.evaluate(NODE_POINT, evil)
    page.mouse.move(x - 2, y)
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert EVIL in tooltip.inner_text() and tooltip.locator("img, svg").count() == 0
    page.wait_for_timeout(300)
    watch.assert_clean(page)


def test_csp_blocks_injected_inline_script(opener: Any, tmp_path: Path) -> None:
    page, _ = opener(write_html(_graph(), tmp_path / "g.html"))
    page.evaluate("""() => {
      const s = document.createElement("script");
      s.textContent = "window.__pwned = 'injected'";
      document.body.appendChild(s);
    }""")
    assert page.evaluate("window.__pwned") is None
    assert any("script-src" in v for v in page.evaluate("window.__csp"))


def test_example_build_in_browser(
    opener: Any, example_build: tuple[BuildReport, KnowledgeGraph, Path]
) -> None:
    report, kg, _ = example_build
    view = to_networkx(kg.rdf)
    page, watch = opener(report.outputs["html"])
    assert page.evaluate(DRAWN_NODES) == view.number_of_nodes() > 20
    hub = max(view.nodes, key=view.degree)
    label = view.nodes[hub]["label"]
    page.fill("#ng-search", label)
    page.press("#ng-search", "Enter")
    assert page.locator("#ng-panel h2").inner_text() == label
    facts = page.locator("#ng-panel .ng-fact")
    assert facts.count() == min(view.degree(hub), 200)
    assert page.locator("#ng-panel .ng-sentence").first.inner_text().strip()
    watch.assert_clean(page)


def test_a_knowledge_base_fact_shows_its_source_not_a_sentence(
    opener: Any, tmp_path: Path,
) -> None:
    ents = (Entity("city:593116", "GPE", "Vilnius", country="LT", mentions=2),
            Entity("country:LT", "GPE", "Lithuania", mentions=1))
    rels = (Relation("city:593116", "locatedIn", "country:LT", "Leaders met in Vilnius.", 0, 23,
                     "Vilnius", "located-kb", confidence=0.5),
            Relation("city:593116", "locatedIn", "country:LT", "Vilnius, Lithuania, hosts it.",
                     24, 53, "Lithuania", "located-appos", confidence=0.9))
    facts = ArticleFacts(article=Article(id="v" * 16, text="", title="Summit", date="2024-07-01"),
                         entities=ents, relations=rels)
    page, watch = opener(write_html(to_networkx(build_graph([facts]).rdf), tmp_path / "g.html"))
    page.fill("#ng-search", "vilnius")
    page.locator("#ng-results button").first.click()
    facts_shown = page.locator("#ng-panel .ng-fact")
    assert facts_shown.count() == 2
    kb = page.locator("#ng-panel .ng-fact", has=page.locator(".ng-kb"))
    assert kb.count() == 1 and kb.locator(".ng-kb").inner_text() == "knowledge base"
    assert kb.locator(".ng-sentence").count() == 0
    assert "newsgraph knowledge base" in kb.locator(".ng-source").inner_text()
    sentences = page.locator("#ng-panel .ng-sentence").all_inner_texts()
    assert sentences == ["Vilnius, Lithuania, hosts it."]
    watch.assert_clean(page)
