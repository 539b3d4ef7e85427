"""Self-contained interactive HTML explorer for the entity graph.

The page inlines vis-network (JavaScript and CSS) from the installed pyvis package, so it
works from ``file://`` with no network. The graph is embedded once as JSON; the page's own
script (``graph/assets/explorer.js``) builds the view, search, filters and evidence panel from
it with DOM calls only. Everything that comes from article text is treated as untrusted.
"""

from __future__ import annotations

import html
import json
import math
import re
import zlib
from collections import Counter
from collections.abc import Hashable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt

from extract.atomic import atomic_write

__all__ = ["render_html", "write_html"]

_VIS_DIR = ("lib", "vis-9.1.2")
_SYMMETRIC = frozenset({"discussedWith"})
_EDGE_LABEL_LIMIT = 300
_DENSE_LAYOUT_LIMIT = 500
_PIXELS_PER_UNIT = 40.0
_PIVOT_MIN = 50
_GRAVITY = 0.3
_CELL_WINDOW = 8
_ARTICLE_FIELDS = {"title": "article_title", "date": "article_date"}
_STATEMENT_FIELDS = {
    "sentence": "sentence",
    "modality": "modality",
    "polarity": "polarity",
    "trigger": "trigger",
    "post": "post_title",
}
_WEB_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
_INVISIBLE = (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"} | {
    c: f"\\u{c:04x}" for c in _INVISIBLE
}
_HTML_ESCAPES = {c: f"&#x{c:x};" for c in _INVISIBLE}


def render_html(
    g: nx.MultiDiGraph,
    *,
    title: str = "newsgraph",
    max_nodes: int = 1500,
    physics_limit: int = 1000,
    seed: int = 7,
) -> str:
    """Render the graph as one self-contained interactive HTML page.

    Args:
        g: Entity graph: one node per entity IRI, one edge per asserted statement.
        title: Page title (escaped; may be any text).
        max_nodes: Above this many entities the initial view shows only the most mentioned
            ones; all entities stay searchable.
        physics_limit: Above this many entities positions are computed here and physics is off.
        seed: Random seed for the layout, so the same graph gives the same page.

    Returns:
        The HTML document as a string.
    """
    data = _payload(g, max_nodes=max_nodes, physics_limit=physics_limit, seed=seed)
    summary = data["summary"]
    vis_js, vis_css = _vis_library()
    values = {
        "TITLE": html.escape(title).translate(_HTML_ESCAPES),
        "SUMMARY": html.escape(
            f"{summary['entities']} entities, {summary['relations']} relations, "
            f"{summary['articles']} articles"
        ),
        "VIS_CSS": _inline(vis_css, "style"),
        "CSS": _inline(_asset("explorer.css"), "style"),
        "DATA": _script_json(data),
        "VIS_JS": _inline(vis_js, "script"),
        "JS": _inline(_asset("explorer.js"), "script"),
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("explorer.html"))


def write_html(g: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    """Render the graph and write the page atomically (temporary file, then rename).

    Args:
        g: Entity graph, as for `render_html`.
        path: Target file.
        **kwargs: Passed on to `render_html`.

    Returns:
        The path written.
    """
    page = render_html(g, **kwargs)
    target = Path(path)
    with atomic_write(target) as handle:
        handle.write(page)
    return target


def _payload(
    g: nx.MultiDiGraph, *, max_nodes: int, physics_limit: int, seed: int
) -> dict[str, Any]:
    """Build the JSON document the page script reads."""
    index = {node: i for i, node in enumerate(g.nodes)}
    top = _overview(g, max_nodes)
    physics = len(g) <= physics_limit
    positions = {} if physics else _layout(g, seed)
    styles = _styles()
    nodes = []
    types: dict[str, Any] = {}
    for node, attrs in g.nodes(data=True):
        kind = _text(attrs.get("type")) or "Other"
        types.setdefault(kind, styles["types"].get(kind, styles["other_type"]))
        item: dict[str, Any] = {
            "id": index[node],
            "iri": _text(attrs.get("iri")) or _text(node),
            "label": _text(attrs.get("label")) or _text(node),
            "type": kind,
            "aliases": [_text(a) for a in attrs.get("aliases") or ()],
            "mentions": int(_number(attrs.get("mentions"), 0)),
            "articles": int(_number(attrs.get("articles"), 0)),
            "sameAs": [_link(s) for s in attrs.get("same_as") or ()],
            "top": node in top,
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    edges, statements, articles, predicates = _aggregate(g, index)
    return {
        "nodes": nodes,
        "edges": edges,
        "statements": statements,
        "articles": articles,
        "types": dict(sorted(types.items(), key=lambda kv: (kv[0] not in styles["types"], kv[0]))),
        "predicates": predicates,
        "options": {
            "physics": physics,
            "edgeLabels": len(edges) <= _EDGE_LABEL_LIMIT,
            "hideEdgesOnDrag": not physics,
            "overview": len(top) < len(g),
            "seed": seed,
        },
        "summary": {"entities": len(g), "relations": len(statements), "articles": len(articles)},
    }


def _aggregate(
    g: nx.MultiDiGraph, index: dict[Hashable, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Merge statements with the same endpoints and predicate into one visual edge each."""
    groups: dict[tuple[int, int, str], list[int]] = {}
    statements: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    article_index: dict[str, int] = {}
    labels: dict[str, str] = {}
    for u, v, attrs in g.edges(data=True):
        predicate = _text(attrs.get("predicate")) or "relatedTo"
        labels.setdefault(predicate, _text(attrs.get("label")) or _readable(predicate))
        a, b = index[u], index[v]
        key = (min(a, b), max(a, b), predicate) if predicate in _SYMMETRIC else (a, b, predicate)
        article = _text(attrs.get("article"))
        if article not in article_index:
            article_index[article] = len(articles)
            url = _link(attrs.get("article_url"))
            record = {name: _text(attrs.get(src)) for name, src in _ARTICLE_FIELDS.items()}
            articles.append({"iri": article, **record, "url": url["text"], "href": url["href"]})
        groups.setdefault(key, []).append(len(statements))
        statement: dict[str, Any] = {
            k: _text(attrs.get(src)) for k, src in _STATEMENT_FIELDS.items()
        }
        statement["article"] = article_index[article]
        statement["confidence"] = round(min(max(_number(attrs.get("confidence"), 0), 0), 1), 3)
        statements.append(statement)
    edges: list[dict[str, Any]] = []
    pair_count: dict[tuple[int, int], int] = {}
    for (a, b, predicate), members in groups.items():
        members.sort(key=lambda s: articles[statements[s]["article"]]["date"], reverse=True)
        pair = (min(a, b), max(a, b))
        curve = pair_count[pair] = pair_count.get(pair, -1) + 1
        edges.append(
            {
                "id": len(edges),
                "from": a,
                "to": b,
                "predicate": predicate,
                "statements": members,
                "curve": curve,
            }
        )
    counts = Counter(e["predicate"] for e in edges for _ in e["statements"])
    predicates = {
        p: {
            "label": labels[p],
            "color": _predicate_colour(p, _styles()),
            "symmetric": p in _SYMMETRIC,
            "count": n,
        }
        for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    }
    return edges, statements, articles, predicates


def _overview(g: nx.MultiDiGraph, max_nodes: int) -> set[Hashable]:
    """The entities in the initial view: the top ``max_nodes`` by mentions, degree, label."""
    if len(g) <= max_nodes:
        return set(g.nodes)
    degree = dict(g.degree())
    ranked = sorted(
        g.nodes(data=True),
        key=lambda nd: (
            -_number(nd[1].get("mentions"), 0),
            -degree[nd[0]],
            _text(nd[1].get("label")).casefold(),
            _text(nd[0]),
        ),
    )
    return {node for node, _ in ranked[: max(max_nodes, 0)]}


def _layout(g: nx.MultiDiGraph, seed: int) -> dict[Hashable, tuple[float, float]]:
    """Node positions in pixels, with the ideal edge length as the unit before scaling.

    Small graphs use networkx's spring layout. Larger ones start from a pivot-MDS embedding of
    each big component and run force-directed steps whose repulsion comes from an FFT over a
    density mesh, which needs only numpy and is O(n + mesh) per step.
    """
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    n = len(simple)
    if n < _DENSE_LAYOUT_LIMIT:
        spring = nx.spring_layout(simple, seed=seed, iterations=60)
        coords = np.array([spring[v] for v in simple], dtype=float).reshape(-1, 2) * math.sqrt(n)
    else:
        coords = _mesh_layout(simple, seed, iterations=60 if n <= 10_000 else 30)
    return {
        node: (round(float(x) * _PIXELS_PER_UNIT, 1), round(float(y) * _PIXELS_PER_UNIT, 1))
        for node, (x, y) in zip(simple, coords, strict=True)
    }


def _mesh_layout(simple: nx.Graph, seed: int, iterations: int) -> npt.NDArray[np.float64]:
    """Force-directed layout: pivot-MDS start, mesh (FFT) repulsion, edge springs, gravity."""
    rng = np.random.default_rng(seed)
    nodes = list(simple)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * math.sqrt(n)
    for part in nx.connected_components(simple):
        if len(part) >= _PIVOT_MIN:
            rows = sorted(index[v] for v in part)
            start = _pivot_mds(simple, [nodes[i] for i in rows], rng, 40 if n <= 20_000 else 20)
            pos[rows] = pos[rows].mean(axis=0) + start
    pos += rng.normal(scale=0.3, size=pos.shape)
    ends = np.array([(index[u], index[v]) for u, v in simple.edges()], dtype=np.intp)
    ends = ends.reshape(-1, 2)
    grid = min(256, max(32, 2 ** math.ceil(math.log2(2 * math.sqrt(n)))))
    temperature = 0.1 * math.sqrt(n)
    for _ in range(iterations):
        low = pos.min(axis=0)
        cell = max(float((pos.max(axis=0) - low).max()), 1e-9) * 1.0001 / grid
        at = np.minimum(((pos - low) / cell).astype(np.intp), grid - 1)
        cells = at[:, 0] * grid + at[:, 1]
        density = np.bincount(cells, minlength=grid * grid).reshape(grid, grid).astype(float)
        force = _mesh_field(density, cell)[:, at[:, 0], at[:, 1]].T
        _repel_within_cells(pos, cells, force)
        spring = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull = spring * np.linalg.norm(spring, axis=1)[:, None]
        np.add.at(force, ends[:, 0], -pull)
        np.add.at(force, ends[:, 1], pull)
        force -= (pos - pos.mean(axis=0)) * _GRAVITY
        length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(temperature * 0.95, 0.02)
    return pos


def _repel_within_cells(
    pos: npt.NDArray[np.float64], cells: npt.NDArray[np.intp], force: npt.NDArray[np.float64]
) -> None:
    """Add the 1/r repulsion the mesh misses: between nodes of one cell, near in cell order."""
    order = np.argsort(cells, kind="stable")
    for offset in range(1, _CELL_WINDOW + 1):
        a, b = order[:-offset], order[offset:]
        same = cells[a] == cells[b]
        a, b = a[same], b[same]
        delta = pos[a] - pos[b]
        push = delta / np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-4)[:, None]
        np.add.at(force, a, push)
        np.add.at(force, b, -push)


def _mesh_field(density: npt.NDArray[np.float64], cell: float) -> npt.NDArray[np.float64]:
    """Repulsive field (x and y) of a density grid under a 1/r force, by FFT convolution."""
    grid = density.shape[0]
    size = 2 * grid
    offsets = np.where(np.arange(size) < grid, np.arange(size), np.arange(size) - size) * cell
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = np.maximum(dx * dx + dy * dy, 0.25 * cell * cell)
    spectrum = np.fft.rfft2(density, s=(size, size))
    field = [np.fft.irfft2(spectrum * np.fft.rfft2(d / r2), s=(size, size)) for d in (dx, dy)]
    return np.stack([f[:grid, :grid] for f in field])


def _pivot_mds(
    g: nx.Graph, nodes: list[Hashable], rng: np.random.Generator, pivots: int
) -> npt.NDArray[np.float64]:
    """Pivot MDS of one connected component (rows follow ``nodes``), spanning ~2*sqrt(n)."""
    index = {node: i for i, node in enumerate(nodes)}
    dist = np.zeros((min(pivots, len(nodes)), len(nodes)))
    nearest = np.full(len(nodes), np.inf)
    pivot = int(rng.integers(len(nodes)))
    for row in dist:
        for node, hops in nx.single_source_shortest_path_length(g, nodes[pivot]).items():
            row[index[node]] = hops
        nearest = np.minimum(nearest, row)
        pivot = int(np.argmax(nearest))
    sq = dist.T**2
    centred = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1)[:, None] + sq.mean())
    left, singular, _ = np.linalg.svd(centred, full_matrices=False)
    coords = left[:, :2] * singular[:2]
    coords -= coords.mean(axis=0)
    span = max(float(np.ptp(coords, axis=0).max()), 1e-9)
    scaled: npt.NDArray[np.float64] = coords * (2 * math.sqrt(len(nodes)) / span)
    return scaled


@cache
def _vis_library() -> tuple[str, str]:
    """The vis-network JavaScript and CSS shipped inside the installed pyvis package."""
    folder = resources.files("pyvis").joinpath(*_VIS_DIR)
    js = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    return js, css


@cache
def _styles() -> dict[str, Any]:
    """Colours and shapes from ``graph/assets/styles.json``."""
    styles: dict[str, Any] = json.loads(_asset("styles.json"))
    return styles


@cache
def _asset(name: str) -> str:
    """A file from ``graph/assets``."""
    return resources.files("graph").joinpath("assets", name).read_text(encoding="utf-8")


def _inline(code: str, tag: str) -> str:
    """Make code safe to place between ``<tag>`` and ``</tag>``."""
    return re.sub(rf"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)


def _script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no markup, no line breaks)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def _link(value: Any) -> dict[str, str]:
    """An untrusted URL: its text, and the same as ``href`` only for http(s) URLs."""
    text = _text(value).strip()
    return {"text": text, "href": text if _WEB_URL.match(text) else ""}


def _text(value: Any) -> str:
    """Untrusted attribute as a string ("" for None)."""
    return "" if value is None else str(value)


def _number(value: Any, default: float) -> float:
    """Untrusted attribute as a finite float, else ``default``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _readable(predicate: str) -> str:
    """``namedAsThreat`` -> ``named as threat``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", predicate).lower()


def _predicate_colour(predicate: str, styles: dict[str, Any]) -> str:
    """Fixed colour for known predicates, a stable palette colour for others."""
    palette: list[str] = styles["palette"]
    fallback = palette[zlib.crc32(predicate.encode("utf-8")) % len(palette)]
    colour: str = styles["predicates"].get(predicate, fallback)
    return colour
