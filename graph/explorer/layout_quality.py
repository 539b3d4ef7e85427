"""Quality measures of a graph layout, for tests and benchmarks of the explorer's positions.

Three measures, each computed on a sample so that they stay cheap on large graphs:

- :func:`edge_length_ratio`: mean edge length over the mean distance between random pairs of
  non-adjacent nodes. Near 1 for random positions; a readable layout keeps edges much shorter
  than the typical distance (lower is better).
- :func:`normalised_stress`: how far layout distances are from a multiple of the graph's
  shortest-path distances (0 is exact; lower is better), with weights ``1/d**2`` and the best
  scale factor, so it does not depend on the layout's units.
- :func:`neighbourhood_preservation`: for each node of degree k, the share of its k nearest
  nodes in the layout that are its neighbours in the graph (higher is better; random positions
  give about k/n).
- :func:`crowding`: the share of nodes drawn almost on top of another one when the whole
  layout is in view (lower is better; random positions give about 3%).

Positions are an array with one row of (x, y) per node, in the graph's node order;
:func:`as_array` converts a ``{node: (x, y)}`` dict and :func:`random_like` gives the random
baseline in the same bounding box.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

import networkx as nx
import numpy as np
import numpy.typing as npt

__all__ = [
    "as_array",
    "crowding",
    "edge_length_ratio",
    "neighbourhood_preservation",
    "normalised_stress",
    "random_like",
]

Positions = npt.NDArray[np.float64]


def as_array(g: nx.Graph, positions: Mapping[Hashable, Sequence[float]]) -> Positions:
    """Positions as an array, one row per node of ``g`` in node order.

    >>> as_array(nx.path_graph(2), {1: (3.0, 4.0), 0: (0.0, 0.5)}).tolist()
    [[0.0, 0.5], [3.0, 4.0]]
    """
    return np.array([positions[v] for v in g], dtype=float).reshape(-1, 2)


def random_like(pos: Positions, seed: int = 0) -> Positions:
    """Uniformly random positions in the bounding box of ``pos`` (the baseline to beat).

    >>> r = random_like(np.array([[0.0, 0.0], [10.0, 2.0], [5.0, 1.0]]), seed=1)
    >>> bool((r.min(axis=0) >= [0, 0]).all() and (r.max(axis=0) <= [10, 2]).all())
    True
    """
    low, high = pos.min(axis=0), pos.max(axis=0)
    out: Positions = np.random.default_rng(seed).uniform(low, high, size=pos.shape)
    return out


def edge_length_ratio(g: nx.Graph, pos: Positions, pairs: int = 5000, seed: int = 0) -> float:
    """Mean edge length over the mean distance of random non-adjacent node pairs.

    Args:
        g: A graph (self-loops ignored).
        pos: One row per node of ``g``, in node order.
        pairs: Number of random pairs sampled.
        seed: Random seed of the sample.

    >>> g = nx.path_graph(10)
    >>> line = np.array([[float(i), 0.0] for i in range(10)])
    >>> round(edge_length_ratio(g, line, pairs=20000), 2)  # 1 over the mean gap of 2+ hops, 4.33
    0.23
    """
    index = {v: i for i, v in enumerate(g)}
    ends = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.intp)
    if len(ends) == 0 or len(index) < 3:
        return float("nan")
    edge = float(np.linalg.norm(pos[ends[:, 0]] - pos[ends[:, 1]], axis=1).mean())
    rng = np.random.default_rng(seed)
    a, b = rng.integers(len(index), size=(2, pairs))
    keys = set(map(tuple, np.sort(ends, axis=1).tolist()))
    keep = [i for i, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True))
            if x != y and (min(x, y), max(x, y)) not in keys]
    if not keep:
        return float("nan")
    typical = float(np.linalg.norm(pos[a[keep]] - pos[b[keep]], axis=1).mean())
    return edge / max(typical, 1e-12)


def normalised_stress(g: nx.Graph, pos: Positions, sources: int = 30, seed: int = 0) -> float:
    """Weighted stress against shortest-path distances, at the best scale, per pair.

    With r = layout distance / hop distance over the sampled pairs, the stress
    ``mean((s*r - 1)**2)`` at its best scale ``s`` is ``1 - mean(r)**2 / mean(r**2)``:
    0 when layout distances are proportional to hop distances, towards 1 when they vary freely.
    Pairs are all nodes reachable from ``sources`` random nodes.

    Args:
        g: A graph.
        pos: One row per node of ``g``, in node order.
        sources: Number of breadth-first searches.
        seed: Random seed of the sources.

    >>> g = nx.path_graph(10)
    >>> line = np.array([[float(i), 0.0] for i in range(10)])
    >>> normalised_stress(g, line * 3.0)
    0.0
    >>> folded = np.array([[float(min(i, 9 - i)), float(i > 4)] for i in range(10)])
    >>> round(normalised_stress(g, folded, sources=10), 3)
    0.17
    """
    nodes = list(g)
    if len(nodes) < 2:
        return 0.0
    index = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(nodes), size=min(sources, len(nodes)), replace=False)
    ratios = []
    for s in sorted(chosen.tolist()):
        hops = nx.single_source_shortest_path_length(g, nodes[s])
        rows = np.array([index[v] for v, d in hops.items() if d > 0], dtype=np.intp)
        if rows.size == 0:
            continue
        d = np.array([hops[nodes[r]] for r in rows], dtype=float)
        ratios.append(np.linalg.norm(pos[rows] - pos[s], axis=1) / d)
    if not ratios:
        return 0.0
    r = np.concatenate(ratios)
    square = float(np.mean(r * r))
    if square == 0.0:
        return 1.0
    return max(0.0, 1.0 - float(np.mean(r)) ** 2 / square)


def neighbourhood_preservation(
    g: nx.Graph, pos: Positions, sample: int = 1000, seed: int = 0
) -> float:
    """Mean share of a node's k nearest layout neighbours that are graph neighbours (k: degree).

    Args:
        g: A graph (self-loops ignored).
        pos: One row per node of ``g``, in node order.
        sample: Number of nodes (with at least one neighbour) averaged over.
        seed: Random seed of the sample.

    >>> g = nx.cycle_graph(12)
    >>> angles = np.arange(12) * 2 * np.pi / 12
    >>> ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    >>> neighbourhood_preservation(g, ring)
    1.0
    >>> round(neighbourhood_preservation(g, ring[[0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11]]), 2)
    0.08
    """
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    linked = [i for i, v in enumerate(nodes) if any(w != v for w in g[v])]
    if not linked:
        return float("nan")
    rng = np.random.default_rng(seed)
    picked = rng.choice(linked, size=min(sample, len(linked)), replace=False)
    shares = []
    for i in sorted(picked.tolist()):
        near = {index[w] for w in g[nodes[i]] if w != nodes[i]}
        dist = np.einsum("ij,ij->i", pos - pos[i], pos - pos[i])
        dist[i] = np.inf
        k = len(near)
        closest = np.argpartition(dist, k - 1)[:k] if k < len(nodes) - 1 else np.arange(len(dist))
        shares.append(len(near.intersection(closest.tolist())) / k)
    return float(np.mean(shares))


def crowding(pos: Positions, sample: int = 2000, seed: int = 0) -> float:
    """Share of nodes with another node closer than a tenth of the even spacing.

    The even spacing is ``sqrt(area / n)`` over the bounding box: what each node would have if
    the nodes were spread evenly over the view that shows them all. Random positions give about
    3%; layouts that draw nodes on top of each other give more (lower is better).

    Args:
        pos: One row per node.
        sample: Number of nodes averaged over.
        seed: Random seed of the sample.

    >>> crowding(np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0], [9.9, 10.0]]))
    0.4
    >>> round(crowding(random_like(np.array([[0.0, 0.0], [100.0, 100.0]]).repeat(2000, 0))), 2)
    0.03
    """
    n = len(pos)
    if n < 2:
        return 0.0
    spacing = math.sqrt(float(np.prod(np.ptp(pos, axis=0))) / n)
    rng = np.random.default_rng(seed)
    picked = rng.choice(n, size=min(sample, n), replace=False)
    crowded = 0
    for i in picked.tolist():
        dist = np.einsum("ij,ij->i", pos - pos[i], pos - pos[i])
        dist[i] = np.inf
        crowded += bool(dist.min() < (0.1 * spacing) ** 2)
    return crowded / len(picked)
