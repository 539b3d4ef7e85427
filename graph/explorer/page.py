"""Self-contained interactive HTML explorer for the entity graph.

The page inlines vis-network (JavaScript and CSS) from the installed pyvis package, so it
works from ``file://`` with no network. The graph is embedded once as JSON; the page's own
script (``graph/assets/explorer.js``) builds the view, search, filters and evidence panel from
it with DOM calls only. Everything that comes from article text is treated as untrusted: it is
escaped for its place in the page, and the Content-Security-Policy allows only the page's own
two scripts (by hash), so injected markup could not run even if it reached the page.

Built for large graphs: positions are computed here (`graph.explorer.layout`) and the browser's
physics simulation runs only for small graphs; the first view shows the top entities only.
"""

from __future__ import annotations

import base64
import hashlib
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

from extract.atomic import atomic_write
from graph.explorer.layout import Rank, layout_positions, top_entities
from graph.rdf.ontology import predicate_codes, symmetric_predicates

__all__ = ["render_html", "write_html"]

_VIS_DIR = ("lib", "vis-9.1.2")
_ARTICLE_FIELDS = {"title": "article_title", "date": "article_date", "source": "article_source"}
_STATEMENT_FIELDS = {
    "sentence": "sentence",
    "polarity": "polarity",
    "modality": "modality",
    "trigger": "trigger",
    "post": "post_title",
    "cameo": "cameo",
    "plover": "plover",
    "coref": "coreference",
    "kb": "knowledge_base",
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
    max_nodes: int = 500,
    rank: Rank = "mentions",
    physics_limit: int = 300,
    seed: int = 7,
) -> str:
    """Render the graph as one self-contained interactive HTML page.

    Args:
        g: Entity graph: one node per entity IRI, one edge per statement (the attributes
            `graph.netx.to_networkx` writes).
        title: Page title (escaped; may be any text).
        max_nodes: Most entities in the first view (the overview); all entities stay
            searchable and appear when a neighbour is opened.
        rank: How the overview picks its entities: most ``mentions`` or highest ``pagerank``.
        physics_limit: Up to this many entities the browser lays the graph out itself;
            above it, positions are computed here and the view is static.
        seed: Random seed for the layout, so the same graph gives the same page.

    Returns:
        The HTML document as a string.

    Raises:
        ValueError: For an unknown ``rank``.
    """
    if rank not in ("mentions", "pagerank"):
        raise ValueError(f"rank must be 'mentions' or 'pagerank', not {rank!r}")
    data = _payload(g, max_nodes=max_nodes, rank=rank, physics_limit=physics_limit, seed=seed)
    summary = data["summary"]
    vis_js, vis_css = _vis_library()
    scripts = [_inline(vis_js, "script"), _inline(_asset("explorer.js"), "script")]
    values = {
        "TITLE": html.escape(title).translate(_HTML_ESCAPES),
        "SUMMARY": html.escape(
            f"{summary['entities']} entities, {summary['relations']} relations, "
            f"{summary['articles']} articles"
        ),
        "SCRIPT_HASHES": " ".join(_script_hash(code) for code in scripts),
        "VIS_CSS": _inline(vis_css, "style"),
        "CSS": _inline(_asset("explorer.css"), "style"),
        "DATA": _script_json(data),
        "VIS_JS": scripts[0],
        "JS": scripts[1],
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
    g: nx.MultiDiGraph, *, max_nodes: int, rank: Rank, physics_limit: int, seed: int
) -> dict[str, Any]:
    """Build the JSON document the page script reads."""
    index = {node: i for i, node in enumerate(g.nodes)}
    top = top_entities(g, max_nodes, rank)
    physics = len(g) <= physics_limit
    positions = {} if physics else layout_positions(g, seed, top)
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
            "hideEdgesOnDrag": not physics,
            "overview": len(top) < len(g),
            "rank": rank,
            "seed": seed,
        },
        "summary": {"entities": len(g), "relations": len(statements), "articles": len(articles)},
    }


def _aggregate(
    g: nx.MultiDiGraph, index: dict[Hashable, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Merge statements with the same endpoints, predicate and polarity into one edge each."""
    groups: dict[tuple[int, int, str, bool], list[int]] = {}
    statements: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    article_index: dict[str, int] = {}
    labels: dict[str, str] = {}
    symmetric = symmetric_predicates()
    for u, v, attrs in g.edges(data=True):
        predicate = _text(attrs.get("predicate")) or "relatedTo"
        labels.setdefault(predicate, _text(attrs.get("label")) or _readable(predicate))
        a, b = index[u], index[v]
        if predicate in symmetric:
            a, b = min(a, b), max(a, b)
        statement: dict[str, Any] = {
            k: text for k, src in _STATEMENT_FIELDS.items() if (text := _text(attrs.get(src)))
        }
        if attrs.get("post_ended") and "post" in statement:
            statement["post"] = f"{statement['post']} (held before)"
        article = _text(attrs.get("article"))
        if "kb" not in statement:  # a knowledge-base fact has no article
            if article not in article_index:
                article_index[article] = len(articles)
                url = _link(attrs.get("article_url"))
                record = {name: _text(attrs.get(src)) for name, src in _ARTICLE_FIELDS.items()}
                articles.append({"iri": article, **record, "url": url["text"],
                                 "href": url["href"]})
            statement["article"] = article_index[article]
        statement["confidence"] = round(min(max(_number(attrs.get("confidence"), 0), 0), 1), 3)
        source = attrs.get("attributed_to")
        if source in index:
            statement["by"] = index[source]
        negated = statement.get("polarity") == "negated"
        groups.setdefault((a, b, predicate, negated), []).append(len(statements))
        statements.append(statement)
    edges: list[dict[str, Any]] = []
    pair_count: dict[tuple[int, int], int] = {}
    for (a, b, predicate, negated), members in groups.items():
        members.sort(key=lambda s: articles[statements[s]["article"]]["date"]
                     if "article" in statements[s] else "", reverse=True)
        pair = (min(a, b), max(a, b))
        curve = pair_count[pair] = pair_count.get(pair, -1) + 1
        edge = {"id": len(edges), "from": a, "to": b, "predicate": predicate,
                "statements": members, "curve": curve}
        if negated:
            edge["negated"] = True
        edges.append(edge)
    counts = Counter(e["predicate"] for e in edges for _ in e["statements"])
    codes = predicate_codes()
    predicates = {
        p: {
            "label": labels[p],
            "color": _predicate_colour(p, _styles()),
            "symmetric": p in symmetric,
            "codes": " ".join(c for c in codes.get(p, ()) if c),
            "count": n,
        }
        for p, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    }
    return edges, statements, articles, predicates


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
    return resources.files("graph.explorer").joinpath("assets", name).read_text(encoding="utf-8")


def _inline(code: str, tag: str) -> str:
    """Make code safe to place between ``<tag>`` and ``</tag>``."""
    return re.sub(rf"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)


def _script_hash(code: str) -> str:
    """CSP source for the inline script whose body is ``code`` on its own lines."""
    digest = hashlib.sha256(f"\n{code}\n".encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


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
