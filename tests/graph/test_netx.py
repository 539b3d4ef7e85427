"""The NetworkX view holds what the statement query reads, from any graph it is given."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from graph.export import serialize
from graph.netx import to_networkx
from graph.query.statements import STATEMENTS_QUERY
from graph.rdf.build import KnowledgeGraph


def _dump(view: nx.MultiDiGraph) -> tuple[list[Any], list[Any]]:
    return list(view.nodes(data=True)), list(view.edges(keys=True, data=True))


def _value(term: Any) -> str:
    return "" if term is None else str(term.value)


def test_edges_carry_the_statement_query_rows(example_build: Any) -> None:
    kg: KnowledgeGraph = example_build[1]
    view = to_networkx(kg.store)
    assert view.number_of_edges() > 20
    rows = kg.store.query(STATEMENTS_QUERY)
    assert isinstance(rows, ox.QuerySolutions)
    names = [v.value for v in rows.variables]
    seen = 0
    for solution in rows:
        row = {name: _value(solution[name]) for name in names}
        if row["subject"] not in view or row["object"] not in view:
            continue
        edge = view.edges[row["subject"], row["object"], row["statement"]]
        assert (edge["sentence"], edge["article"], edge["article_title"], edge["polarity"],
                edge["modality"], edge["trigger"], edge["cameo"], edge["attributed_to"]) == (
            row["evidence"], row["article"], row["headline"], row["polarity"], row["modality"],
            row["trigger"], row["cameo"], row["attributed_to"])
        assert edge["confidence"] == float(row["confidence"] or 0)
        assert edge.get("knowledge_base", "") == row["knowledge_base"]
        seen += 1
    assert seen == view.number_of_edges()


def test_same_view_from_any_rdflib_graph(example_build: Any) -> None:
    kg: KnowledgeGraph = example_build[1]
    expected = _dump(to_networkx(kg.store))
    plain = Graph().parse(data=serialize(kg, "nt"), format="nt")
    named = Graph(store="Oxigraph")  # its triples sit in a named graph of the Oxigraph store
    named += plain
    for graph in (kg.rdf, plain, named):
        assert _dump(to_networkx(graph)) == expected
