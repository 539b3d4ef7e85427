"""Quality of the explorer's layout on structured graphs, against random positions.

Each graph is large enough for the force-directed mesh layout (components of 200 nodes or
more). A layout passes when its edges are short compared with typical distances, its distances
follow the graph's shortest paths (stress) and nodes sit next to their neighbours; random
positions in the same bounding box, and the layout's own points shuffled among the nodes, must
fail all three. Nodes must also stay apart (crowding), which random positions do about as well.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import networkx as nx
import numpy as np
import pytest

from graph.explorer.layout import layout_positions
from graph.explorer.layout_quality import (
    Positions,
    as_array,
    crowding,
    edge_length_ratio,
    neighbourhood_preservation,
    normalised_stress,
    random_like,
)


class Limits(NamedTuple):
    """Worst accepted values: edge length ratio, stress (both at most), neighbours (at least)."""

    ratio: float
    stress: float
    neighbours: float


# Measured with seed 7 (ratio / stress / neighbours): grid 0.07 / 0.02 / 0.97, ring of cliques
# 0.04 / 0.05 / 1.00, tree 0.10 / 0.14 / 0.20, blocks 0.07 / 0.05 / 0.29. Random positions:
# 0.98-1.02 / 0.35-0.81 / 0.00-0.02.
_LIMITS = {
    "grid": Limits(0.2, 0.1, 0.8),
    "ring of cliques": Limits(0.2, 0.2, 0.8),
    "tree": Limits(0.2, 0.25, 0.08),
    "blocks": Limits(0.2, 0.2, 0.15),
}


def _blocks() -> nx.Graph:
    """Twelve communities of 40 on a path of communities, fixed seed (a stochastic block model)."""
    sizes = [40] * 12
    p = [[0.15 if i == j else 0.004 if abs(i - j) == 1 else 0.0 for j in range(12)]
         for i in range(12)]
    g = nx.stochastic_block_model(sizes, p, seed=3)
    return g.subgraph(max(nx.connected_components(g), key=len)).copy()


@functools.cache
def _graph(name: str) -> nx.Graph:
    builders = {
        "grid": lambda: nx.grid_2d_graph(25, 25),
        "ring of cliques": lambda: nx.ring_of_cliques(50, 8),
        "tree": lambda: nx.balanced_tree(3, 5),
        "blocks": _blocks,
    }
    g: nx.Graph = builders[name]()
    return g


@functools.cache
def _layout(name: str) -> Positions:
    g = _graph(name)
    return as_array(g, layout_positions(g, seed=7))


def _failures(g: nx.Graph, pos: Positions, limits: Limits) -> list[str]:
    """The measures ``pos`` misses."""
    ratio = edge_length_ratio(g, pos)
    stress = normalised_stress(g, pos)
    neighbours = neighbourhood_preservation(g, pos, sample=400)
    return [
        *([f"edge length ratio {ratio:.3f} > {limits.ratio}"] if ratio > limits.ratio else []),
        *([f"stress {stress:.3f} > {limits.stress}"] if stress > limits.stress else []),
        *([f"neighbours {neighbours:.3f} < {limits.neighbours}"]
          if neighbours < limits.neighbours else []),
    ]


@pytest.mark.parametrize("name", list(_LIMITS))
def test_layout_meets_the_quality_limits(name: str) -> None:
    g = _graph(name)
    assert nx.is_connected(g) and len(g) >= 200  # one component, laid out by the mesh layout
    assert _failures(g, _layout(name), _LIMITS[name]) == []


@pytest.mark.parametrize("name", list(_LIMITS))
def test_random_positions_fail_every_limit(name: str) -> None:
    g, pos = _graph(name), _layout(name)
    shuffled = pos[np.random.default_rng(5).permutation(len(pos))]
    for baseline in (random_like(pos, seed=5), shuffled):
        assert len(_failures(g, baseline, _LIMITS[name])) == 3


@pytest.mark.parametrize("name", list(_LIMITS))
def test_layout_keeps_nodes_apart(name: str) -> None:
    """Few nodes sit almost on top of another (measured: 0 to 0.045; random positions: 0.03)."""
    assert crowding(_layout(name)) < 0.1


def test_small_graphs_keep_their_structure() -> None:
    """Below the mesh layout's size, the spring layout still beats random positions."""
    g = nx.grid_2d_graph(8, 8)
    pos = as_array(g, layout_positions(g, seed=7))
    assert edge_length_ratio(g, pos) < 0.35 < edge_length_ratio(g, random_like(pos, seed=1))
    assert normalised_stress(g, pos) < 0.1 < normalised_stress(g, random_like(pos, seed=1))
