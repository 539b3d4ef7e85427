"""Node positions for the HTML explorer, computed before the page is written.

Positions come from networkx's spring layout for components under 200 nodes and, for larger
ones, from the numpy force-directed layout of :mod:`graph.explorer.force_layout`, which from
200 nodes on is both faster and closer to the graph's distances (see
:mod:`graph.explorer.layout_quality`). Components are packed in rows. The browser then only
draws; it never simulates a large graph. Node ranking for overviews lives in
:mod:`graph.explorer.ranking`.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Collection, Hashable

import networkx as nx
import numpy as np
import numpy.typing as npt

from graph.explorer.force_layout import mesh_layout
from graph.explorer.ranking import Rank, pagerank, top_entities

__all__ = ["Rank", "layout_positions", "pagerank", "top_entities"]

_DENSE_LAYOUT_LIMIT = 200
_PIXELS_PER_UNIT = 40.0
_GAP = 1.5


def layout_positions(
    g: nx.Graph, seed: int = 7, focus: Collection[Hashable] = ()
) -> dict[Hashable, tuple[float, float]]:
    """Node positions in pixels (about 40 px per ideal edge length), deterministic per seed.

    With ``focus`` (the entities of an overview), those nodes are laid out on their own, so
    the overview reads well, and every other node keeps the offset it has, in the layout of the
    whole graph, from its nearest focus node: opened neighbourhoods appear around their entity.
    Nodes with no path to a focus node keep their whole-graph layout, beside the rest.

    Args:
        g: Any networkx graph; direction, parallel edges and self-loops are ignored.
        seed: Random seed.
        focus: Nodes to lay out first and on their own (none: one layout for all).

    Returns:
        ``{node: (x, y)}`` for every node of ``g``.
    """
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    coords = dict(zip(simple, _coordinates(simple, seed), strict=True))
    wanted = set(focus)
    chosen = [v for v in simple if v in wanted]
    if chosen and len(chosen) < len(simple):
        coords = _around_focus(simple, coords, chosen, seed)
    return {
        node: (round(float(x) * _PIXELS_PER_UNIT, 1), round(float(y) * _PIXELS_PER_UNIT, 1))
        for node, (x, y) in coords.items()
    }


def _coordinates(simple: nx.Graph, seed: int) -> npt.NDArray[np.float64]:
    """Layout of a simple graph in edge-length units, one row per node in node order.

    Each connected component is laid out on its own; the components are then packed in rows,
    largest first, so small components and lone nodes do not push the rest apart.
    """
    rows = {v: i for i, v in enumerate(simple)}
    parts = [sorted(p, key=rows.__getitem__) for p in nx.connected_components(simple)]
    parts.sort(key=lambda p: (-len(p), rows[p[0]]))
    coords = np.zeros((len(simple), 2))
    area = sum((math.sqrt(len(p)) + _GAP) ** 2 for p in parts)
    width = math.sqrt(area)
    x = y = height = 0.0
    for part in parts:
        local = _component_layout(simple, part, seed)
        local -= local.min(axis=0)
        w, h = local.max(axis=0)
        if x > 0 and x + w > width:
            x, y, height = 0.0, y + height + _GAP, 0.0
        coords[[rows[v] for v in part]] = local + np.array([x, y])
        x, height = x + w + _GAP, max(height, h)
    return coords


def _induced(simple: nx.Graph, nodes: list[Hashable]) -> nx.Graph:
    """The subgraph on ``nodes``, with nodes and edges in the order of ``nodes``.

    Not ``simple.subgraph(nodes)``: a subgraph view smaller than half the graph iterates its
    nodes in the order of a set, which changes with Python's string hash seed, and the layout
    (seeded per node order) would change with it.
    """
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from((u, v) for u in nodes for v in simple[u] if v in keep)
    return sub


def _component_layout(
    simple: nx.Graph, part: list[Hashable], seed: int
) -> npt.NDArray[np.float64]:
    """Layout of one connected component (rows follow ``part``)."""
    n = len(part)
    if n <= 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]][:n])
    sub = simple if n == len(simple) else _induced(simple, part)
    if n >= _DENSE_LAYOUT_LIMIT:
        return mesh_layout(sub, seed, 60 if n <= 10_000 else 30)
    spring = nx.spring_layout(sub, seed=seed, iterations=60)
    return np.array([spring[v] for v in part], dtype=float) * math.sqrt(n)


def _around_focus(
    simple: nx.Graph, whole: dict[Hashable, npt.NDArray[np.float64]], focus: list[Hashable],
    seed: int,
) -> dict[Hashable, npt.NDArray[np.float64]]:
    """Focus nodes laid out alone; the others placed by their offset to their nearest one."""
    sub = _induced(simple, focus)
    placed = dict(zip(sub, _coordinates(sub, seed), strict=True))
    anchor = {v: v for v in focus}
    queue = deque(focus)
    while queue:
        v = queue.popleft()
        for w in simple[v]:
            if w not in anchor:
                anchor[w] = anchor[v]
                queue.append(w)
    coords = {v: placed[a] + (whole[v] - whole[a]) for v, a in anchor.items() if v not in placed}
    coords.update(placed)
    rest = [v for v in simple if v not in anchor]
    if rest:  # beside the rest, to the right
        inner, outer = np.array(list(coords.values())), np.array([whole[v] for v in rest])
        shift = np.array([inner[:, 0].max() - outer[:, 0].min() + 2 * _GAP, 0.0])
        coords.update({v: whole[v] + shift for v in rest})
    return {v: coords[v] for v in simple}
