"""Tests for the self-contained HTML explorer (graph/html.py)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from graph.explorer.layout import layout_positions, pagerank
from graph.explorer.page import render_html, write_html

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"',
    "\\",
    "]]>",
    "\u2028",
    "\u202e",
    "</script><script>alert(3)</script>",
    "<!--",
]
EVIL = "".join(HOSTILE)


def _entity(g: nx.MultiDiGraph, key: str, **attrs: Any) -> str:
    iri = f"http://example.org/id/{key}"
    node: dict[str, Any] = {
        "label": key,
        "type": "Person",
        "aliases": [],
        "mentions": 1,
        "articles": 1,
        "iri": iri,
        "same_as": [],
    }
    node.update(attrs)
    g.add_node(iri, **node)
    return iri


def _fact(g: nx.MultiDiGraph, u: str, v: str, predicate: str = "accused", **attrs: Any) -> None:
    edge: dict[str, Any] = {
        "predicate": predicate,
        "label": re.sub(r"(?<=[a-z])(?=[A-Z])", " ", predicate).lower(),
        "sentence": f"{u} {predicate} {v}.",
        "article": "http://example.org/article/1",
        "article_title": "Article one",
        "article_date": "2024-03-01",
        "article_url": "https://news.example.com/1",
        "confidence": 0.9,
        "polarity": "asserted",
        "modality": "fact",
        "trigger": "said",
        "post_title": "",
    }
    edge.update(attrs)
    g.add_edge(u, v, **edge)


def _small_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    types = ["Person", "Organization", "Place", "Event"]
    nodes = [_entity(g, f"e{i}", type=types[i % 4], mentions=i + 1) for i in range(10)]
    for i in range(9):
        _fact(g, nodes[i], nodes[i + 1], "discussedWith" if i % 2 else "supports")
    return g


def _data(page: str) -> dict[str, Any]:
    blocks = re.findall(r'<script type="application/json" id="ng-data">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    data: dict[str, Any] = json.loads(blocks[0])
    return data


def test_page_is_self_contained() -> None:
    page = render_html(_small_graph())
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]*\ssrc\s*=", page, re.I)
    assert "<script src" not in page.lower()
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*https?://""", page, re.I)
    assert "<link" not in page.lower()
    vis_js = resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js")
    vis_code = vis_js.read_text(encoding="utf-8")
    assert vis_code[-2000:] in page  # the library is inlined
    assert "vis-network" in page and "new vis.Network(" in page
    assert "bootstrap" not in page.lower()


def test_counts_match_graph() -> None:
    g = _small_graph()
    data = _data(render_html(g))
    assert len(data["nodes"]) == g.number_of_nodes() == 10
    assert len(data["statements"]) == g.number_of_edges() == 9
    assert sum(len(e["statements"]) for e in data["edges"]) == 9
    assert data["summary"] == {"entities": 10, "relations": 9, "articles": 1}
    assert set(data["types"]) == {"Person", "Organization", "Place", "Event"}
    assert set(data["predicates"]) == {"discussedWith", "supports"}
    assert data["predicates"]["discussedWith"]["label"] == "discussed with"
    page = render_html(g)
    assert "10 entities, 9 relations, 1 articles" in page


def test_hostile_strings_are_never_raw() -> None:
    g = nx.MultiDiGraph()
    a = _entity(g, "a", label=EVIL, aliases=[EVIL], same_as=[EVIL])
    b = _entity(g, "b", label="plain")
    _fact(
        g,
        a,
        b,
        sentence=EVIL,
        article_title=EVIL,
        article_url=EVIL,
        article_source=EVIL,
        trigger=EVIL,
        post_title=EVIL,
        modality=EVIL,
    )
    page = render_html(g, title=EVIL)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<!--" not in page
    assert "\u2028" not in page and "\u202e" not in page
    # exactly the page's own script elements, nothing injected
    assert page.count("</script>") == 3
    data = _data(page)
    node = data["nodes"][0]
    assert node["label"] == EVIL and node["aliases"] == [EVIL]
    assert node["sameAs"] == [{"text": EVIL, "href": ""}]
    statement = data["statements"][0]
    assert statement["sentence"] == EVIL
    assert statement["trigger"] == EVIL and statement["post"] == EVIL
    article = data["articles"][0]
    assert article["title"] == EVIL and article["source"] == EVIL
    assert article["url"] == EVIL.strip() and article["href"] == ""


def test_script_builds_no_markup_from_strings() -> None:
    script = resources.files("graph.explorer").joinpath("assets", "explorer.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    assert "JSON.parse(" in script and "textContent" in script


def test_only_web_urls_become_links() -> None:
    g = nx.MultiDiGraph()
    a = _entity(g, "a", same_as=["https://www.wikidata.org/wiki/Q1", "javascript:alert(1)"])
    b = _entity(g, "b")
    _fact(g, a, b, article="http://example.org/article/1", article_url="javascript:alert(1)")
    _fact(g, a, b, article="http://example.org/article/2", article_url=" JaVaScRiPt:x")
    _fact(g, a, b, article="http://example.org/article/3", article_url="data:text/html,hi")
    _fact(g, a, b, article="http://example.org/article/4", article_url="HTTPS://ok.example/x")
    data = _data(render_html(g))
    hrefs = [article["href"] for article in data["articles"]]
    assert hrefs == ["", "", "", "HTTPS://ok.example/x"]
    assert data["articles"][0]["url"] == "javascript:alert(1)"  # still shown, as text
    assert [link["href"] for link in data["nodes"][0]["sameAs"]] == [
        "https://www.wikidata.org/wiki/Q1",
        "",
    ]


def test_parallel_statements_are_aggregated() -> None:
    g = nx.MultiDiGraph()
    a, b, c = (_entity(g, k) for k in "abc")
    for day in ("2024-01-01", "2024-03-01", "2024-02-01"):
        _fact(g, a, b, "accused", article=f"http://example.org/{day}", article_date=day)
    _fact(g, a, b, "criticized")
    _fact(g, b, a, "accused")
    _fact(g, a, c, "discussedWith")
    _fact(g, c, a, "discussedWith")  # symmetric: same visual edge as a -> c
    data = _data(render_html(g))
    assert len(data["statements"]) == 7
    by_key = {(e["from"], e["to"], e["predicate"]): e for e in data["edges"]}
    assert set(by_key) == {
        (0, 1, "accused"),
        (0, 1, "criticized"),
        (1, 0, "accused"),
        (0, 2, "discussedWith"),
    }
    accused = by_key[(0, 1, "accused")]
    assert len(accused["statements"]) == 3
    dates = [
        data["articles"][data["statements"][s]["article"]]["date"] for s in accused["statements"]
    ]
    assert dates == ["2024-03-01", "2024-02-01", "2024-01-01"]  # newest first
    assert len(by_key[(0, 2, "discussedWith")]["statements"]) == 2
    assert data["predicates"]["discussedWith"]["symmetric"] is True
    assert data["predicates"]["accused"]["count"] == 4
    # edges between the same pair are drawn with different curvature
    curves = sorted(e["curve"] for e in data["edges"] if {e["from"], e["to"]} == {0, 1})
    assert curves == [0, 1, 2]


def test_overview_keeps_top_entities_and_all_data() -> None:
    g = nx.MultiDiGraph()
    nodes = [_entity(g, f"n{i:02d}", mentions=i) for i in range(20)]
    hub = _entity(g, "zz-hub", mentions=5)  # ties with n05 on mentions, wins on degree
    for other in nodes[:3]:
        _fact(g, hub, other)
    _entity(g, "aa-tie", mentions=5)  # ties with n05 on mentions and degree, wins on label
    data = _data(render_html(g, max_nodes=16))
    assert len(data["nodes"]) == 22  # everything stays embedded and searchable
    top = {n["label"] for n in data["nodes"] if n["top"]}
    assert top == {f"n{i:02d}" for i in range(6, 20)} | {"zz-hub", "aa-tie"}
    assert data["options"]["overview"] is True
    small = _data(render_html(g, max_nodes=1500))
    assert all(n["top"] for n in small["nodes"]) and small["options"]["overview"] is False


def test_physics_for_small_graphs_positions_for_large() -> None:
    g = _small_graph()
    small = _data(render_html(g))
    assert small["options"]["physics"] is True
    assert small["options"]["hideEdgesOnDrag"] is False
    assert all("x" not in n for n in small["nodes"])
    large = _data(render_html(g, physics_limit=5))
    assert large["options"]["physics"] is False
    assert large["options"]["hideEdgesOnDrag"] is True
    points = {(n["x"], n["y"]) for n in large["nodes"]}
    assert len(points) == 10  # every node placed, none on top of another
    again = _data(render_html(g, physics_limit=5))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in large["nodes"]]


def test_large_layout_places_every_node() -> None:
    g = nx.MultiDiGraph()
    nodes = [_entity(g, f"n{i}") for i in range(700)]
    for i in range(1, 600):
        _fact(g, nodes[i], nodes[(i - 1) // 3])  # a tree; the last 100 are isolated
    data = _data(render_html(g, physics_limit=100))
    xs = [n["x"] for n in data["nodes"]]
    ys = [n["y"] for n in data["nodes"]]
    assert all(isinstance(v, float) for v in xs + ys)
    assert len(set(zip(xs, ys, strict=True))) == 700
    assert max(xs) - min(xs) > 500 and max(ys) - min(ys) > 500


def test_no_permanent_edge_labels() -> None:
    data = _data(render_html(_small_graph()))
    assert "edgeLabels" not in data["options"]
    assert all("label" not in e for e in data["edges"])
    script = resources.files("graph.explorer").joinpath("assets", "explorer.js").read_text("utf-8")
    assert "label: labelled.has(e.id)" in script  # only the selection's edges get labels


def test_physics_only_below_the_limit() -> None:
    g = nx.MultiDiGraph()
    for i in range(301):
        _entity(g, f"n{i}")
    assert _data(render_html(g))["options"]["physics"] is False
    g.remove_node("http://example.org/id/n0")
    assert _data(render_html(g))["options"]["physics"] is True


def test_csp_allows_exactly_the_page_scripts() -> None:
    page = render_html(_small_graph())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    script_src = re.search(r"script-src ([^;]*);", policy.group(1))
    assert script_src is not None and "unsafe" not in script_src.group(1)
    assert "default-src 'none'" in policy.group(1)
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(bodies) == 2
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in bodies
    }
    assert set(script_src.group(1).split()) == hashes


def test_overview_by_pagerank() -> None:
    g = nx.MultiDiGraph()
    hub = _entity(g, "hub", mentions=1)
    spokes = [_entity(g, f"s{i}", mentions=1) for i in range(6)]
    loud = _entity(g, "loud", mentions=50)  # most mentioned, but nothing points to it
    for spoke in spokes:
        _fact(g, spoke, hub)
    _fact(g, loud, spokes[0])
    by_rank = _data(render_html(g, max_nodes=2, rank="pagerank"))
    assert {n["label"] for n in by_rank["nodes"] if n["top"]} == {"hub", "s0"}
    assert by_rank["options"]["rank"] == "pagerank"
    by_mentions = _data(render_html(g, max_nodes=2))
    assert {n["label"] for n in by_mentions["nodes"] if n["top"]} == {"loud", "hub"}
    with pytest.raises(ValueError, match="rank"):
        render_html(g, rank="degree")  # type: ignore[arg-type]


def test_pagerank_matches_networkx_definition() -> None:
    scores = pagerank(3, [0, 1, 2], [1, 2, 0])  # a cycle: all equal
    assert np.allclose(scores, 1 / 3)
    star = pagerank(4, [1, 2, 3], [0, 0, 0])  # node 0 dangles; its rank is spread evenly
    assert star.sum() == pytest.approx(1.0)
    assert star[0] > 3 * star[1] and star[1] == pytest.approx(star[3])
    assert pagerank(0, [], []).size == 0


def test_layout_positions_are_deterministic_and_spread() -> None:
    g = nx.path_graph(30)
    first = layout_positions(g, seed=3)
    assert first == layout_positions(g, seed=3)
    assert first != layout_positions(g, seed=4)
    assert len(set(first.values())) == 30
    assert layout_positions(nx.Graph()) == {}


def test_layout_around_an_overview() -> None:
    g = nx.star_graph(30)  # hub 0 with leaves 1..30
    nx.add_path(g, ["p0", "p1", "p2", "p3"])  # a component the overview does not reach
    g.add_node("lone")
    pos = layout_positions(g, seed=1, focus={0, 1})
    assert len(pos) == 36 and len(set(pos.values())) == 36
    hub = np.array(pos[0])
    leaves = [np.linalg.norm(np.array(pos[i]) - hub) for i in range(1, 31)]
    assert max(leaves) < 6 * 40  # opened neighbours appear around their entity
    star_right = max(pos[i][0] for i in range(31))
    assert all(pos[v][0] > star_right for v in ("p0", "p1", "p2", "p3"))


def test_negated_and_attributed_statements() -> None:
    g = nx.MultiDiGraph()
    a, b, c = (_entity(g, k) for k in "abc")
    _fact(g, a, b, "supports")
    _fact(g, a, b, "supports", polarity="negated", cameo="057", plover="SUPPORT")
    _fact(g, a, b, "supports", attributed_to=c)
    _fact(g, a, b, "supports", attributed_to="http://example.org/id/unknown")
    data = _data(render_html(g))
    edges = sorted((len(e["statements"]), e.get("negated", False)) for e in data["edges"])
    assert edges == [(1, True), (3, False)]  # negated facts are a separate (dashed) edge
    statements = data["statements"]
    assert statements[1]["polarity"] == "negated" and statements[1]["cameo"] == "057"
    assert statements[2]["by"] == 2 and "by" not in statements[3]
    assert "post" not in statements[0]  # empty fields are left out
    assert data["predicates"]["supports"]["codes"] == "05 SUPPORT"


def test_empty_graph_renders() -> None:
    data = _data(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == []
    assert data["summary"] == {"entities": 0, "relations": 0, "articles": 0}


def test_write_html_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.html"
    written = write_html(_small_graph(), target, title="Demo")
    assert written == target
    first = target.read_text(encoding="utf-8")
    assert "<title>Demo</title>" in first
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]
    write_html(_small_graph(), str(target), title="Again")
    assert "<title>Again</title>" in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


def test_coreference_reaches_the_evidence_panel(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from extract.facts import Article, ArticleFacts, Entity, Relation
    from graph.netx import to_networkx
    from graph.rdf.build import build_graph

    ents = (Entity(key="~person:ann", type="PERSON", name="Ann Example", mentions=2),
            Entity(key="country:RU", type="GPE", name="Russia", mentions=1))
    rel = Relation(subject="~person:ann", predicate="accused", obj="country:RU",
                   sentence="She accused Russia.", start=0, end=19, trigger="accused",
                   rule="verb", coreference=("She = Ann Example (after: Example)",))
    kg = build_graph([ArticleFacts(article=Article(id="a", text=""), entities=ents,
                                   relations=(rel,))])
    view = to_networkx(kg.rdf)
    [(_u, _v, attrs)] = list(view.edges(data=True))
    assert attrs["coreference"] == "She = Ann Example (after: Example)"
    page = render_html(view, title="t")
    assert "She = Ann Example (after: Example)" in page
