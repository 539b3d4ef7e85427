"""A built graph as pandas tables: entities, relations, statements, centrality, accuracy.

For notebooks and ad-hoc analysis. The tables are read from the RDF by SPARQL (Oxigraph), so
they show exactly what ``graph.ttl`` holds; any function taking a graph accepts a loaded
``pyoxigraph.Store`` or the path of a graph file.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> entities(store).empty
True
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeAlias

import networkx as nx
import pandas as pd
import pyoxigraph as ox

from extract.errors import Errors, NewsgraphError
from graph.analysis._queries import ENTITIES_QUERY
from graph.explorer.layout import pagerank
from graph.query import QueryResult, Term, load_store, resolve_query, run_query
from graph.query.statements import PLOVER_QUERY, STATEMENTS_QUERY, plover_types
from graph.rdf.namespaces import PREFIXES, local_name
from graph.rdf.ontology import symmetric_predicates

__all__ = [
    "ACCURACY_COLUMNS",
    "GraphSource",
    "accuracy_table",
    "centrality",
    "entities",
    "pairs_over_time",
    "query_frame",
    "relations",
    "result_frame",
    "statements",
]

#: A loaded store, or the path of a graph file (``.ttl``, ``.trig``, ``.nt`` ...).
GraphSource: TypeAlias = ox.Store | str | Path

#: Columns of :func:`accuracy_table`.
ACCURACY_COLUMNS = ("set", "type", "p", "r", "f1", "tp", "fp", "fn")

_XSD = PREFIXES["xsd"]
_INTEGERS = {f"{_XSD}{name}" for name in ("integer", "int", "long", "short", "nonNegativeInteger")}
_FLOATS = {f"{_XSD}{name}" for name in ("decimal", "double", "float")}
_RELATION_KEYS = ["subject", "subject_label", "predicate", "object", "object_label"]


def _store(source: GraphSource) -> ox.Store:
    return source if isinstance(source, ox.Store) else load_store(source)


def _python(term: Term | None) -> Any:
    """A result term as a Python value: numbers and booleans typed, IRIs and text as str."""
    if isinstance(term, ox.Literal):
        kind = term.datatype.value
        with suppress(ValueError):
            if kind in _INTEGERS:
                return int(term.value)
            if kind in _FLOATS:
                return float(term.value)
        return term.value in ("true", "1") if kind == f"{_XSD}boolean" else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    return None if term is None else str(term)


def result_frame(result: QueryResult) -> pd.DataFrame:
    """A query result as a DataFrame: one column per variable, numbers as numbers.

    An ASK result becomes one column ``boolean`` with one row.

    >>> result_frame(QueryResult(kind="ask", boolean=True))["boolean"].tolist()
    [True]
    """
    if result.kind == "ask":
        return pd.DataFrame({"boolean": [bool(result.boolean)]})
    if len(result.terms) == len(result.rows):
        rows = [[_python(term) for term in row] for row in result.terms]
    else:
        rows = [list(row) for row in result.rows]
    return pd.DataFrame(rows, columns=list(result.variables))


def query_frame(source: GraphSource, query: str) -> pd.DataFrame:
    """Run a bundled query (by name), a ``.rq`` file or SPARQL text; the result as a DataFrame.

    Raises:
        NewsgraphError: as `graph.query.resolve_query` and `graph.query.run_query` do.
    """
    return result_frame(run_query(_store(source), resolve_query(query)))


def entities(source: GraphSource) -> pd.DataFrame:
    """One row per entity, most mentioned first.

    Columns: ``entity`` (IRI), ``label``, ``type`` (PERSON, ORG, GPE ...), ``mentions``,
    ``articles`` (how many articles mention it), ``aliases`` and ``same_as`` (joined text).
    """
    frame = query_frame(source, ENTITIES_QUERY)
    frame["mentions"] = frame["mentions"].fillna(0).astype(int)
    frame = frame.fillna({"aliases": "", "same_as": ""})
    frame["aliases"] = frame["aliases"].map(lambda text: _sorted_join(text, "; "))
    frame["same_as"] = frame["same_as"].map(lambda text: _sorted_join(text, " "))
    return frame.reset_index(drop=True)


def _sorted_join(text: str, separator: str) -> str:
    return separator.join(sorted(part for part in text.split(separator) if part))


def statements(source: GraphSource) -> pd.DataFrame:
    """One row per statement node (asserted and negated), by date, article and position.

    ``predicate`` is the local name for the newsgraph vocabulary (``discussedWith``);
    ``object_label`` is the object's label or, for a literal object (a quote or post), its
    text; ``date`` is a pandas datetime (NaT when the article has none).
    """
    store = _store(source)
    frame = query_frame(store, STATEMENTS_QUERY)
    frame = frame.drop(columns=["url", "publisher"])
    plovers = plover_types((st, pt) for st, pt in run_query(store, PLOVER_QUERY).rows)
    frame.insert(frame.columns.get_loc("cameo") + 1, "plover", frame["statement"].map(plovers))
    frame["predicate"] = frame["predicate"].map(local_name)
    frame["object_is_entity"] = frame["object_is_entity"].fillna(False).astype(bool)
    frame["confidence"] = pd.to_numeric(frame["confidence"], errors="coerce").astype(float)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    order = ["date", "headline", "start_char", "statement"]
    return frame.sort_values(order, na_position="last", kind="stable").reset_index(drop=True)


def _ordered_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Symmetric relations with subject and object in label order, so A-B and B-A are one."""
    symmetric = frame["predicate"].isin(symmetric_predicates())
    swap = symmetric & (frame["subject_label"].astype(str) > frame["object_label"].astype(str))
    out = frame.copy()
    for a, b in (("subject", "object"), ("subject_label", "object_label")):
        out.loc[swap, [a, b]] = frame.loc[swap, [b, a]].to_numpy()
    return out


def relations(source: GraphSource | pd.DataFrame) -> pd.DataFrame:
    """Asserted relations between entities, one row per (subject, predicate, object).

    Symmetric relations (``discussedWith``) are counted once per pair. Columns: the keys,
    ``statements``, ``articles``, ``max_confidence``, most statements first.

    Args:
        source: a graph, or a table from :func:`statements` (saves reading it again).
    """
    frame = source if isinstance(source, pd.DataFrame) else statements(source)
    asserted = frame[(frame["polarity"] == "asserted") & frame["object_is_entity"]]
    grouped = _ordered_pairs(asserted).groupby(_RELATION_KEYS, dropna=False)
    table = grouped.agg(statements=("statement", "nunique"), articles=("article", "nunique"),
                        max_confidence=("confidence", "max")).reset_index()
    order = ["statements", "articles", "subject_label", "predicate", "object_label"]
    ascending = [False, False, True, True, True]
    return table.sort_values(order, ascending=ascending).reset_index(drop=True)


def pairs_over_time(frame: pd.DataFrame, predicate: str = "discussedWith") -> pd.DataFrame:
    """Asserted ``predicate`` statements per pair and article date, for a timeline.

    Args:
        frame: a table from :func:`statements`.
        predicate: the relation to follow.

    Returns:
        Columns ``date``, ``pair`` ("A – B"), ``entity1``, ``entity2``, ``statements``,
        ``articles``; undated statements are left out.
    """
    chosen = frame[(frame["predicate"] == predicate) & (frame["polarity"] == "asserted")
                   & frame["object_is_entity"] & frame["date"].notna()]
    ordered = _ordered_pairs(chosen).rename(
        columns={"subject_label": "entity1", "object_label": "entity2"})
    ordered["pair"] = ordered["entity1"].astype(str) + " – " + ordered["entity2"].astype(str)
    table = ordered.groupby(["date", "pair", "entity1", "entity2"]).agg(
        statements=("statement", "nunique"), articles=("article", "nunique")).reset_index()
    return table.sort_values(["date", "pair"]).reset_index(drop=True)


def centrality(view: nx.MultiDiGraph, *, seed: int = 7) -> pd.DataFrame:
    """Degree, PageRank and community of every entity of the NetworkX view.

    Relations are taken undirected (each statement one link, both ways); communities are
    Louvain communities of that graph (deterministic for a ``seed``), numbered by size.

    Args:
        view: from `graph.netx.to_networkx`.
        seed: random seed of the community detection.

    Returns:
        Indexed by entity IRI; columns ``label``, ``type``, ``degree`` (distinct
        neighbours), ``statements`` (links), ``pagerank``, ``community``; highest PageRank
        first.
    """
    nodes: list[Hashable] = list(view.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    links = [(u, v) for u, v, polarity in view.edges(data="polarity", default="asserted")
             if u != v and polarity != "negated"]
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    for u, v in links:
        simple.add_edge(u, v, weight=simple.get_edge_data(u, v, {"weight": 0})["weight"] + 1)
    ends = [index[u] for u, _ in links], [index[v] for _, v in links]
    ranks = pagerank(len(nodes), ends[0] + ends[1], ends[1] + ends[0])
    groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda group: (-len(group), min(str(n) for n in group)))
    community = {node: number for number, group in enumerate(groups) for node in group}
    table = pd.DataFrame({
        "entity": nodes,
        "label": [view.nodes[n].get("label", str(n)) for n in nodes],
        "type": [view.nodes[n].get("type", "") for n in nodes],
        "degree": [simple.degree(n) for n in nodes],
        "statements": [view.degree(n) for n in nodes],
        "pagerank": [float(r) for r in ranks],
        "community": [community.get(n, -1) for n in nodes],
    })
    table = table.sort_values(["pagerank", "label"], ascending=[False, True])
    return table.set_index("entity")


def _accuracy_error(path: Path, reason: str) -> NewsgraphError:
    return NewsgraphError(Errors.E008.format(where=path, reason=reason))


def accuracy_table(path: str | Path) -> pd.DataFrame | None:
    """Accuracy results as a long table, or None when the file does not exist.

    The file is JSON: ``{"set name": {"TYPE": {"p": .., "r": .., "f1": .., "tp": ..,
    "fp": .., "fn": ..}}}``.

    Returns:
        One row per set and type with the columns `ACCURACY_COLUMNS`.

    Raises:
        NewsgraphError: E008 when the file cannot be read or is not in that format.

    >>> accuracy_table("no-such-results.json") is None
    True
    """
    file = Path(path)
    if not file.is_file():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _accuracy_error(file, " ".join(str(exc).split())) from exc
    if not isinstance(data, dict):
        raise _accuracy_error(file, "expected an object of sets")
    rows: list[dict[str, Any]] = []
    for name, types in data.items():
        if not isinstance(types, dict):
            raise _accuracy_error(file, f"set {name!r} is not an object of types")
        for kind, score in types.items():
            try:
                rows.append({"set": str(name), "type": str(kind),
                             **{k: float(score[k]) for k in ("p", "r", "f1")},
                             **{k: int(score[k]) for k in ("tp", "fp", "fn")}})
            except (KeyError, TypeError, ValueError) as exc:
                reason = f"set {name!r}, type {kind!r}: bad or missing score ({exc})"
                raise _accuracy_error(file, reason) from exc
    return pd.DataFrame(rows, columns=list(ACCURACY_COLUMNS))
