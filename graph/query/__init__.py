"""SPARQL over a newsgraph graph file: load it, resolve a query, run it, format the result.

Oxigraph is the engine (:mod:`graph.query.engine`: loading and running). Queries are read from the
command line, from a ``.rq`` file, or by name from the bundled ``queries/`` folder
(:mod:`graph.query.text`), and results are printed as an aligned table, CSV or SPARQL 1.1
Query Results JSON (:mod:`graph.query.format`). This module gathers that public interface.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/newsgraph/ns#x"),
...                   ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("X")))
>>> result = run_query(store, "SELECT ?s ?label WHERE { ?s ?p ?label }")
>>> result.rows
[('https://w3id.org/newsgraph/ns#x', 'X')]
>>> print(format_result(result, "table"))
s    | label
-----+------
ng:x | X
(1 row)
"""

from __future__ import annotations

from graph.query.engine import GRAPH_FORMATS, QueryResult, Term, load_store, run_query
from graph.query.format import FORMATS, ResultFormat, format_result
from graph.query.text import QUERIES_DIR, bundled_queries, resolve_query

__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "QUERIES_DIR",
    "QueryResult",
    "ResultFormat",
    "Term",
    "bundled_queries",
    "format_result",
    "load_store",
    "resolve_query",
    "run_query",
]
