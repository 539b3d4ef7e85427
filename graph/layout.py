"""Node positions and node ranking for the HTML explorer, computed before the page is written.

Positions come from networkx's spring layout for small graphs and, for large ones, from a
force-directed layout that needs only numpy: a pivot-MDS start for each big component, then
steps whose repulsion is read from an FFT over a density mesh (O(n + mesh) per step). The
browser then only draws; it never simulates a large graph.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Collection, Hashable, Sequence
from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from graph.ontology import symmetric_predicates

__all__ = ["Rank", "layout_positions", "pagerank", "top_entities"]

Rank = Literal["mentions", "pagerank"]

_DENSE_LAYOUT_LIMIT = 500
_PIXELS_PER_UNIT = 40.0
_PIVOT_MIN = 50
_GRAVITY = 0.3
_CELL_WINDOW = 8
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


def _component_layout(
    simple: nx.Graph, part: list[Hashable], seed: int
) -> npt.NDArray[np.float64]:
    """Layout of one connected component (rows follow ``part``)."""
    n = len(part)
    if n <= 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]][:n])
    sub = simple if n == len(simple) else nx.Graph(simple.subgraph(part))
    if n >= _DENSE_LAYOUT_LIMIT:
        return _mesh_layout(sub, seed, 60 if n <= 10_000 else 30)
    spring = nx.spring_layout(sub, seed=seed, iterations=60)
    return np.array([spring[v] for v in part], dtype=float) * math.sqrt(n)


def _around_focus(
    simple: nx.Graph, whole: dict[Hashable, npt.NDArray[np.float64]], focus: list[Hashable],
    seed: int,
) -> dict[Hashable, npt.NDArray[np.float64]]:
    """Focus nodes laid out alone; the others placed by their offset to their nearest one."""
    sub = nx.Graph(simple.subgraph(focus))
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


def top_entities(g: nx.MultiDiGraph, max_nodes: int, rank: Rank = "mentions") -> set[Hashable]:
    """The ``max_nodes`` most important entities: by ``rank``, then degree, then label.

    Args:
        g: Entity graph (nodes with ``mentions`` and ``label``, edges with ``predicate``).
        max_nodes: How many to keep.
        rank: ``mentions`` (the node attribute) or ``pagerank`` over the statements, with
            symmetric predicates counted in both directions.

    Returns:
        The chosen nodes (all of them when the graph is small enough).
    """
    if len(g) <= max_nodes:
        return set(g.nodes)
    if rank == "pagerank":
        index = {node: i for i, node in enumerate(g.nodes)}
        symmetric = symmetric_predicates()
        links = [(index[u], index[v]) for u, v in g.edges()]
        links += [(index[v], index[u]) for u, v, p in g.edges(data="predicate") if p in symmetric]
        scores = pagerank(len(g), [a for a, _ in links], [b for _, b in links])
        score = {node: float(scores[i]) for node, i in index.items()}
    else:
        score = {
            node: float(m) if isinstance(m, int | float) and math.isfinite(m) else 0.0
            for node, m in g.nodes(data="mentions")
        }
    degree = dict(g.degree())
    ranked = sorted(
        g.nodes(data="label"),
        key=lambda nd: (-score[nd[0]], -degree[nd[0]], str(nd[1] or "").casefold(), str(nd[0])),
    )
    return {node for node, _ in ranked[: max(max_nodes, 0)]}


def pagerank(
    n: int,
    sources: Sequence[int],
    targets: Sequence[int],
    *,
    damping: float = 0.85,
    iterations: int = 100,
    tolerance: float = 1e-10,
) -> npt.NDArray[np.float64]:
    """PageRank of nodes ``0..n-1`` over directed links, by power iteration (numpy only).

    Parallel links add weight; the rank of nodes without out-links is spread evenly.

    Args:
        n: Number of nodes.
        sources: Link start of each link.
        targets: Link end of each link.
        damping: Probability of following a link.
        iterations: Most power-iteration steps.
        tolerance: Stop when the L1 change of a step falls below this.

    Returns:
        One score per node, summing to 1 (an empty array for ``n == 0``).
    """
    if n == 0:
        return np.zeros(0)
    src = np.asarray(sources, dtype=np.intp)
    dst = np.asarray(targets, dtype=np.intp)
    out = np.bincount(src, minlength=n).astype(float)
    dangling = out == 0
    share = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        flow = np.bincount(dst, weights=rank[src] * share[src], minlength=n)
        new = (1 - damping) / n + damping * (flow + rank[dangling].sum() / n)
        done = float(np.abs(new - rank).sum()) < tolerance
        rank = new
        if done:
            break
    result: npt.NDArray[np.float64] = rank / rank.sum()
    return result


def _mesh_layout(simple: nx.Graph, seed: int, iterations: int) -> npt.NDArray[np.float64]:
    """Force-directed layout: pivot-MDS start, mesh (FFT) repulsion, edge springs, gravity."""
    rng = np.random.default_rng(seed)
    nodes = list(simple)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    pos = rng.uniform(-1.0, 1.0, (n, 2)) * math.sqrt(n)
    ends = np.array([(index[u], index[v]) for u, v in simple.edges()], dtype=np.intp)
    ends = ends.reshape(-1, 2)
    csr = _csr(ends, n)
    for part in nx.connected_components(simple):
        if len(part) >= _PIVOT_MIN:
            rows = np.array(sorted(index[v] for v in part), dtype=np.intp)
            start = _pivot_mds(csr, rows, rng, 40 if n <= 20_000 else 20)
            pos[rows] = pos[rows].mean(axis=0) + start
    pos += rng.normal(scale=0.3, size=pos.shape)
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
    csr: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]],
    rows: npt.NDArray[np.intp],
    rng: np.random.Generator,
    pivots: int,
) -> npt.NDArray[np.float64]:
    """Pivot MDS of one connected component (its node ``rows``), spanning ~2*sqrt(n)."""
    dist = np.zeros((min(pivots, len(rows)), len(rows)))
    nearest = np.full(len(rows), np.inf)
    pivot = int(rows[rng.integers(len(rows))])
    for row in dist:
        row[:] = _hops(csr, pivot)[rows]
        nearest = np.minimum(nearest, row)
        pivot = int(rows[np.argmax(nearest)])
    sq = dist.T**2
    centred = -0.5 * (sq - sq.mean(axis=0) - sq.mean(axis=1)[:, None] + sq.mean())
    left, singular, _ = np.linalg.svd(centred, full_matrices=False)
    coords = left[:, :2] * singular[:2]
    coords -= coords.mean(axis=0)
    span = max(float(np.ptp(coords, axis=0).max()), 1e-9)
    scaled: npt.NDArray[np.float64] = coords * (2 * math.sqrt(len(rows)) / span)
    return scaled


def _csr(ends: npt.NDArray[np.intp], n: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Adjacency (``indptr``, ``indices``) of an undirected edge list."""
    src = np.concatenate([ends[:, 0], ends[:, 1]])
    dst = np.concatenate([ends[:, 1], ends[:, 0]])
    indices = dst[np.argsort(src, kind="stable")]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=n))]).astype(np.intp)
    return indptr, indices


def _hops(
    csr: tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]], source: int
) -> npt.NDArray[np.intp]:
    """Breadth-first hop counts from ``source`` (-1 where unreachable), level by level."""
    indptr, indices = csr
    dist = np.full(len(indptr) - 1, -1, dtype=np.intp)
    dist[source] = 0
    frontier = np.array([source], dtype=np.intp)
    level = 0
    while frontier.size:
        level += 1
        starts = indptr[frontier]
        lengths = indptr[frontier + 1] - starts
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        found = indices[offsets + np.arange(int(lengths.sum()))]
        frontier = np.unique(found[dist[found] < 0])
        dist[frontier] = level
    return dist
