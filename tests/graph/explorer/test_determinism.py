"""The explorer page is byte-identical whatever Python's string hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from conftest import ROOT

# A graph of a few hundred entities (over the physics limit, so positions are computed): several
# components, some smaller than half the graph, and an overview smaller than the graph.
_SCRIPT = textwrap.dedent("""
    import hashlib, sys
    import networkx as nx
    from graph.explorer.page import render_html

    g = nx.MultiDiGraph()
    iris = []
    for i in range(420):
        iri = f"http://example.org/id/person/p{i * 7919 % 1000}"
        g.add_node(iri, label=f"Person {i}", type="Person", mentions=1 + i % 9, articles=1,
                   iri=iri, aliases=[], same_as=[])
        iris.append(iri)
    for i in range(1, 420):
        if i % 60:  # several components
            parent = iris[(i - 1) // 2] if i % 5 else iris[i - 1]
            g.add_edge(iris[i], parent, predicate="discussedWith" if i % 3 else "accused",
                       label="x", sentence=f"s{i}", article="http://example.org/a/1",
                       confidence=0.5, polarity="asserted", modality="fact")
    page = render_html(g, max_nodes=int(sys.argv[1]))
    print(hashlib.sha256(page.encode("utf-8")).hexdigest())
""")


def _page_digest(seed: str, max_nodes: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(max_nodes)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_page_does_not_depend_on_the_hash_seed() -> None:
    for max_nodes in (150, 500):  # with an overview, and without one
        digests = {_page_digest(seed, max_nodes) for seed in ("0", "1", "2")}
        assert len(digests) == 1, max_nodes
