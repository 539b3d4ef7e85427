"""Benchmark the explorer's force layout against igraph's layouts: time and quality.

For each size it builds sparse, news-like synthetic graphs (preferential attachment as in
``bench/explorer.py``, and planted communities), keeps the largest connected component, and
lays it out with newsgraph's ``mesh_layout`` (the iterations the explorer uses) and with
igraph's DrL and Fruchterman-Reingold layouts (the grid variant above 1,000 nodes, igraph's
default); ``--methods`` can add networkx's spring layout (60 iterations), which the explorer
uses for components under 200 nodes. The methods run alternately in one process, in a
rotating order, so that a busy machine slows all of them alike; the best time of the rounds is
reported with the quality measures of :mod:`graph.explorer.layout_quality` (edge length ratio,
stress and crowding: lower is better; neighbourhood preservation: higher is better). Prints a
Markdown table.

Usage::

    python bench/layout.py                          # 1k, 5k, 20k nodes, 2 rounds
    python bench/layout.py --sizes 1000 --rounds 3 --methods mesh,fr
    python bench/layout.py --sizes 300 --rounds 3 --methods mesh,spring,fr

Needs the ``igraph`` package for the igraph methods (``pip install igraph``).
"""

from __future__ import annotations

import sys
from pathlib import Path

# The project root, so that the packages import when run from a checkout.
_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

from bench.explorer import synthetic_graph  # noqa: E402
from graph.explorer.force_layout import mesh_layout  # noqa: E402
from graph.explorer.layout_quality import (  # noqa: E402
    Positions,
    crowding,
    edge_length_ratio,
    neighbourhood_preservation,
    normalised_stress,
)

__all__ = ["communities_graph", "layouts", "main", "news_graph"]

Layout = Callable[[nx.Graph, int], Positions]


def news_graph(nodes: int, seed: int = 1) -> nx.Graph:
    """The entity graph of ``bench/explorer.py`` as a simple undirected graph (largest part)."""
    g = nx.Graph(synthetic_graph(nodes, seed).to_undirected())
    g.remove_edges_from(nx.selfloop_edges(g))
    return nx.convert_node_labels_to_integers(_largest(g))


def communities_graph(nodes: int, seed: int = 1) -> nx.Graph:
    """Communities of about 40 nodes (mean degree 4 inside) with about one link in ten outside."""
    sizes = [40] * max(nodes // 40, 1)
    inside, outside = 4 / 39, 0.4 / max(nodes - 40, 1)
    g = nx.random_partition_graph(sizes, inside, outside, seed=seed)
    return nx.convert_node_labels_to_integers(_largest(nx.Graph(g)))


def _largest(g: nx.Graph) -> nx.Graph:
    return g.subgraph(max(nx.connected_components(g), key=len)).copy()


def _mesh(g: nx.Graph, seed: int) -> Positions:
    return mesh_layout(g, seed, 60 if len(g) <= 10_000 else 30)


def _spring(g: nx.Graph, seed: int) -> Positions:
    spring = nx.spring_layout(g, seed=seed, iterations=60)
    return np.array([spring[v] for v in g], dtype=float)


def _igraph(kind: str) -> Layout:
    def run(g: nx.Graph, seed: int) -> Positions:
        import igraph  # optional: only for these methods

        h = igraph.Graph(n=len(g), edges=list(g.edges()))
        random.seed(seed)  # igraph draws from Python's random module
        lay = h.layout_drl() if kind == "drl" else h.layout_fruchterman_reingold(grid="auto")
        return np.array(lay.coords, dtype=float)

    return run


def layouts() -> dict[str, Layout]:
    """The compared methods by name."""
    return {"mesh": _mesh, "drl": _igraph("drl"), "fr": _igraph("fr"), "spring": _spring}


_LABELS = {
    "mesh": "newsgraph mesh_layout",
    "drl": "igraph layout_drl",
    "fr": "igraph layout_fruchterman_reingold",
    "spring": "networkx spring_layout",
}


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="comma-separated node counts")
    parser.add_argument("--graphs", default="news,communities", help="news and/or communities")
    parser.add_argument("--methods", default="mesh,drl,fr", help="mesh, drl, fr and/or spring")
    parser.add_argument("--rounds", type=int, default=2, help="timed runs of each method")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    methods = [m for m in args.methods.split(",") if m]
    makers = {"news": news_graph, "communities": communities_graph}
    print("| graph | nodes | edges | layout | seconds | vs mesh | edge ratio ↓ | stress ↓ "
          "| neighbours ↑ | crowding ↓ |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        for kind in args.graphs.split(","):
            g = makers[kind](size)
            best: dict[str, float] = {}
            pos: dict[str, Positions] = {}
            for r in range(args.rounds):
                for m in methods[r % len(methods):] + methods[:r % len(methods)]:
                    t0 = time.perf_counter()
                    pos[m] = layouts()[m](g, args.seed)
                    best[m] = min(best.get(m, np.inf), time.perf_counter() - t0)
            for m in methods:
                ratio = f"{best[m] / best['mesh']:.2f}" if "mesh" in best else ""
                print(f"| {kind} | {len(g):,} | {g.number_of_edges():,} | {_LABELS[m]} "
                      f"| {best[m]:.2f} | {ratio} | {edge_length_ratio(g, pos[m]):.3f} "
                      f"| {normalised_stress(g, pos[m]):.3f} "
                      f"| {neighbourhood_preservation(g, pos[m]):.3f} "
                      f"| {crowding(pos[m]):.3f} |", flush=True)


if __name__ == "__main__":
    main()
