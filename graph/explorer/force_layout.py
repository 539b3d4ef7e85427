"""Force-directed layout of large graphs with numpy only.

A pivot-MDS start for each big component, then steps whose repulsion is read from an FFT over a
density mesh (O(n + mesh) per step), with the 1/r repulsion between nodes of one mesh cell
added directly, edge springs and a pull towards the centre.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import numpy.typing as npt

__all__ = ["mesh_layout"]

_PIVOT_MIN = 50
_GRAVITY = 0.3
_CELL_WINDOW = 8


def mesh_layout(simple: nx.Graph, seed: int, iterations: int) -> npt.NDArray[np.float64]:
    """Force-directed layout: pivot-MDS start, mesh (FFT) repulsion, edge springs, gravity.

    Args:
        simple: A simple undirected graph.
        seed: Random seed.
        iterations: Layout steps.

    Returns:
        One row of (x, y), in edge-length units, per node in node order.
    """
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
    grid = min(256, 32 * math.ceil(math.sqrt(n) / 16))  # ~2*sqrt(n) a side, not the next power of 2
    kernel = _kernel(grid)
    temperature = 0.1 * math.sqrt(n)
    for _ in range(iterations):
        low = pos.min(axis=0)
        cell = max(float((pos.max(axis=0) - low).max()), 1e-9) * 1.0001 / grid
        at = np.minimum(((pos - low) / cell).astype(np.intp), grid - 1)
        cells = at[:, 0] * grid + at[:, 1]
        density = np.bincount(cells, minlength=grid * grid).reshape(grid, grid).astype(float)
        force = _mesh_field(density, kernel, cell)[:, at[:, 0], at[:, 1]].T
        _repel_within_cells(pos, cells, force)
        spring = pos[ends[:, 0]] - pos[ends[:, 1]]
        pull = spring * np.linalg.norm(spring, axis=1)[:, None]
        _add_rows(force, ends.T.ravel(), np.concatenate([-pull, pull]))
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
    rows, pushes = [], []
    for offset in range(1, _CELL_WINDOW + 1):
        a, b = order[:-offset], order[offset:]
        same = cells[a] == cells[b]
        a, b = a[same], b[same]
        delta = pos[a] - pos[b]
        push = delta / np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-4)[:, None]
        rows += [a, b]
        pushes += [push, -push]
    _add_rows(force, np.concatenate(rows), np.concatenate(pushes))


def _add_rows(
    force: npt.NDArray[np.float64], rows: npt.NDArray[np.intp], values: npt.NDArray[np.float64]
) -> None:
    """``force[rows] += values`` with repeated rows summed (as ``np.add.at``, but faster)."""
    for axis in (0, 1):
        force[:, axis] += np.bincount(rows, values[:, axis], minlength=len(force))


def _kernel(grid: int) -> npt.NDArray[np.complex128]:
    """Spectra (x and y) of the 1/r force on a mesh of 2*grid cells a side, in cell units."""
    size = 2 * grid
    offsets = np.where(np.arange(size) < grid, np.arange(size), np.arange(size) - size)
    dx, dy = np.meshgrid(offsets.astype(float), offsets.astype(float), indexing="ij")
    r2 = np.maximum(dx * dx + dy * dy, 0.25)
    spectra: npt.NDArray[np.complex128] = np.fft.rfft2(np.stack([dx / r2, dy / r2]))
    return spectra


def _mesh_field(
    density: npt.NDArray[np.float64], kernel: npt.NDArray[np.complex128], cell: float
) -> npt.NDArray[np.float64]:
    """Repulsive field (x and y) of a density grid under a 1/r force, by FFT convolution.

    The force at offset ``d`` cells is ``d / |d|**2 / cell``, so one kernel serves every cell
    size.
    """
    grid = density.shape[0]
    size = 2 * grid
    spectrum = np.fft.rfft2(density, s=(size, size))
    field = np.fft.irfft2(spectrum * kernel, s=(size, size))
    scaled: npt.NDArray[np.float64] = field[:, :grid, :grid] / cell
    return scaled


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
    # The top eigenvectors of the small pivots x pivots matrix, not an SVD of the n x pivots
    # one: the same coordinates, and LAPACK's threaded SVD stalls on a busy machine.
    _, vectors = np.linalg.eigh(np.einsum("ij,ik->jk", centred, centred))
    coords = np.einsum("ij,jk->ik", centred, vectors[:, :-3:-1])
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
