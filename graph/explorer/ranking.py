"""Node ranking: which entities an overview of a large graph shows first.

Entities rank by their mention count or by PageRank over the statements (numpy power iteration,
symmetric predicates counted in both directions), then by degree and label.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from typing import Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

from graph.rdf.ontology import symmetric_predicates

__all__ = ["Rank", "pagerank", "top_entities"]

Rank = Literal["mentions", "pagerank"]


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
