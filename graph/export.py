"""Writing the graph: Turtle, TriG, N-Triples, JSON-LD (through Oxigraph) and GraphML.

All writers are atomic: a temporary file beside the target is renamed over it only when
complete, so an interrupted build never leaves a half-written graph.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from extract.atomic import atomic_write
from extract.errors import Errors, NewsgraphError

__all__ = ["RDF_FORMATS", "write_graphml", "write_rdf"]

#: rdflib serializer name per export format (``ox-*`` go through Oxigraph).
RDF_FORMATS = {"turtle": "ox-turtle", "ttl": "ox-turtle", "nt": "ox-ntriples",
               "trig": "ox-trig", "nq": "ox-nquads", "jsonld": "json-ld", "xml": "ox-xml"}

# Characters XML 1.0 cannot carry, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_rdf(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` in ``fmt`` (see `RDF_FORMATS`)."""
    if fmt not in RDF_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(RDF_FORMATS)))
    data = graph.serialize(format=RDF_FORMATS[fmt])
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    with atomic_write(path) as out:
        out.write(text)
    return Path(path)


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_INVALID.sub("\ufffd", value)
    if isinstance(value, (list, tuple, set)):
        return _XML_INVALID.sub("\ufffd", "; ".join(map(str, value)))
    return value


def write_graphml(view: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the NetworkX view as GraphML (lists joined with ``; ``, XML-safe text)."""
    safe: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        safe.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for u, v, key, data in view.edges(keys=True, data=True):
        safe.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key),
                      **{k: _xml_safe(x) for k, x in data.items()})
    with atomic_write(path) as out:
        out.write("\n".join(nx.generate_graphml(safe)) + "\n")
    return Path(path)
