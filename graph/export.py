"""Writing the graph: Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML, GraphML, GEXF, CSV.

Every output is deterministic (the same graph gives byte-identical files: triples are sorted
before they are written) and atomic (a temporary file beside the target is renamed over it only
when complete). RDF is serialised by Oxigraph, JSON-LD by rdflib with the shipped
``context.jsonld``.

Turtle and TriG use a prefix only where every IRI under it has a plain local name (ASCII
letters, digits, ``_ - .``): backslash escapes such as ``id:person\\/x`` or ``\\%C5`` are valid
Turtle, but Virtuoso 7 keeps the backslash in the IRI. TriG and N-Quads hold one named graph
per article (named by the article IRI), one graph of the merged entities and one of the facts
the knowledge base alone gives (:func:`partition`, from `graph.rdf.datasets`).
The noncharacters U+FFFE and U+FFFF in literals are written as U+FFFD in every format.

>>> from rdflib import Graph
>>> graph = Graph().parse(data="<http://x.org/a/b> <http://x.org/p> 1 .", format="turtle")
>>> print(serialize(graph, "nt").strip())
<http://x.org/a/b> <http://x.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeAlias, cast

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from extract.atomic import atomic_write
from extract.errors import Errors, NewsgraphError
from graph.graphml import write_graphml, xml_safe
from graph.rdf.build import KnowledgeGraph
from graph.rdf.datasets import (
    data_base,
    entities_graph,
    kb_graph,
    partition,
    portable_prefixes,
    triple_key,
)

__all__ = [
    "CONTEXT_PATH",
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "RDF_FORMATS",
    "Source",
    "entities_graph",
    "export",
    "kb_graph",
    "partition",
    "portable_prefixes",
    "serialize",
    "write_graphml",
    "write_rdf",
]

#: A graph to export: a built `KnowledgeGraph` (its store and base IRI are used as they are),
#: an rdflib `Graph`, or the path of a graph file (any `load_store` format).
Source: TypeAlias = KnowledgeGraph | Graph | str | Path

#: The JSON-LD context of the JSON-LD export (embedded in every JSON-LD file written).
CONTEXT_PATH = Path(__file__).parent / "rdf" / "context.jsonld"

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "xml": ox.RdfFormat.RDF_XML,
}
#: RDF export formats (TriG and N-Quads partitioned into named graphs).
RDF_FORMATS: tuple[str, ...] = (*_OX_FORMATS, "jsonld")
#: Every export format: RDF, plus the entity network for Gephi and spreadsheets.
EXPORT_FORMATS: tuple[str, ...] = (*RDF_FORMATS, "graphml", "gexf", "csv")
#: File extension per export format.
EXTENSIONS = {"turtle": ".ttl", "ttl": ".ttl", "nt": ".nt", "trig": ".trig", "nq": ".nq",
              "xml": ".rdf", "jsonld": ".jsonld", "graphml": ".graphml", "gexf": ".gexf",
              "csv": ".csv"}

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = _RDF + "langString"
_NONCHARACTER = re.compile("[\ufffe\uffff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')
_CSV_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight", "predicate",
                "source_label", "target_label", "polarity", "modality", "trigger", "post_title",
                "article", "article_title", "article_date", "sentence")


def _to_rdflib(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype in (_XSD_STRING, _LANG_STRING):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype), normalize=False)


def _sane(term: Any) -> Any:
    """``term``, or the literal with U+FFFE / U+FFFF replaced (Raptor refuses them escaped)."""
    if isinstance(term, ox.Literal) and _NONCHARACTER.search(term.value):
        value = _NONCHARACTER.sub("\ufffd", term.value)
        if term.language:
            return ox.Literal(value, language=term.language)
        return ox.Literal(value, datatype=term.datatype)
    return term


_HAS_NONCHARACTER = """ASK { ?s ?p ?o
  FILTER (isLiteral(?o) && (CONTAINS(STR(?o), "\\uFFFE") || CONTAINS(STR(?o), "\\uFFFF"))) }"""


def _triples(source: Source) -> list[ox.Triple]:
    """The triples of ``source`` (named graphs merged), sorted."""
    if isinstance(source, KnowledgeGraph):
        store = source.store
    elif isinstance(source, Graph):
        store = ox.Store()
        data = source.serialize(format="ox-ntriples", encoding="utf-8")
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    else:
        from graph.query import load_store

        store = load_store(source)
    if store.query(_HAS_NONCHARACTER, use_default_graph_as_union=True):
        triples = {ox.Triple(q.subject, q.predicate, _sane(q.object)) for q in store}
    else:  # the common case, without a Python term per triple
        triples = {q.triple for q in store}
    return sorted(triples, key=triple_key)


def _iris(items: Iterable[ox.Triple | ox.Quad]) -> set[str]:
    found: set[str] = set()
    for item in items:
        for term in item:
            if isinstance(term, ox.NamedNode):
                found.add(term.value)
            elif isinstance(term, ox.Literal):
                found.add(term.datatype.value)
    return found


def _jsonld(triples: Sequence[ox.Triple]) -> str:
    graph = Graph(bind_namespaces="none")
    for t in triples:
        graph.add((_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)))
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    document = json.loads(graph.serialize(format="json-ld", context=context))
    nodes = document.get("@graph", [] if len(graph) == 0 else [document])
    for node in nodes:
        node.pop("@context", None)
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    nodes.sort(key=lambda node: (str(node.get("@id", "")), json.dumps(node, sort_keys=True)))
    out = {"@context": context, "@graph": nodes}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def serialize(source: Source | Sequence[ox.Triple], fmt: str, base: str | None = None) -> str:
    """The graph as text in an RDF format of `RDF_FORMATS`.

    Args:
        source: a `KnowledgeGraph`, an rdflib `Graph`, a graph file, or triples.
        fmt: ``turtle`` (or ``ttl``), ``nt``, ``trig``, ``nq``, ``xml`` or ``jsonld``.
        base: base IRI of the data IRIs; default: the knowledge graph's, else read from the
            article IRIs.

    Raises:
        NewsgraphError: E204 for another format; E009 / E008 / E201 when a file cannot be read.
    """
    if fmt not in RDF_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(RDF_FORMATS)))
    if isinstance(source, list | tuple):
        triples = sorted({ox.Triple(t.subject, t.predicate, _sane(t.object)) for t in source},
                         key=triple_key)
    else:
        triples = _triples(cast(Source, source))
    return _serialize_sorted(triples, fmt, base or _base(source, triples))


def _serialize_sorted(triples: Sequence[ox.Triple], fmt: str, base: str) -> str:
    """`serialize` for triples already without duplicates, sane and sorted (`_triples`)."""
    if fmt == "jsonld":
        return _jsonld(triples)
    rdf_format = _OX_FORMATS[fmt]
    items: list[Any] = partition(triples) if rdf_format.supports_datasets else list(triples)
    prefixes = portable_prefixes(_iris(items), base) if fmt not in ("nt", "nq") else None
    data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    return (data or b"").decode("utf-8")


def _base(source: object, triples: Sequence[ox.Triple]) -> str:
    """The base IRI the knowledge graph was built with, or the one its article IRIs show."""
    return source.base if isinstance(source, KnowledgeGraph) else data_base(triples)


def _safe_view(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``view`` with lists joined by ``; ``, XML-safe text and Gephi weights."""
    safe: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        safe.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in data.items()})
    for u, v, key, data in view.edges(keys=True, data=True):
        safe.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(key),
                      **{k: xml_safe(x) for k, x in data.items()})
    return safe


def _gexf(view: nx.MultiDiGraph) -> str:
    safe = _safe_view(view)
    for _u, _v, key, data in safe.edges(keys=True, data=True):
        data.update(id=key, weight=data.get("confidence", 1.0))
    text = "\n".join(nx.generate_gexf(safe))
    return _GEXF_DATE.sub("", text, count=1) + "\n"


def _csv(view: nx.MultiDiGraph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for u, v, key, data in sorted(view.edges(keys=True, data=True), key=lambda e: e[:3]):
        writer.writerow([u, v, "Directed", key, data.get("label", ""),
                         data.get("confidence", ""), data.get("predicate", ""),
                         view.nodes[u].get("label", ""), view.nodes[v].get("label", ""),
                         *(data.get(name, "") for name in _CSV_COLUMNS[9:])])
    return out.getvalue()


def _network(source: Source, fmt: str, path: Path) -> None:
    from graph.netx import to_networkx

    graph: Graph | ox.Store
    if isinstance(source, KnowledgeGraph | Graph):
        graph = source.store if isinstance(source, KnowledgeGraph) else source
    else:  # a file: its named graphs merged into the default graph
        graph = ox.Store()
        graph.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in _triples(source))
    view = to_networkx(graph)
    if fmt == "graphml":
        write_graphml(view, path)
        return
    with atomic_write(path) as out:
        out.write(_gexf(view) if fmt == "gexf" else _csv(view))


def export(source: Source, out_path: str | Path, fmt: str) -> Path:
    """Write ``source`` to ``out_path`` in ``fmt`` (one of `EXPORT_FORMATS`).

    ``graphml``, ``gexf`` (Gephi) and ``csv`` (an edge list with Gephi's column names) hold
    the entity network of `graph.netx.to_networkx`: entities, and the statements between them
    as edges with their evidence (negated ones too: filter on ``polarity``).

    Args:
        source: an rdflib `Graph`, or the path of a graph file (Turtle, N-Triples, TriG ...).
        out_path: the file to write (written atomically; may be ``source`` itself).
        fmt: the format name.

    Returns:
        ``out_path`` as a `Path`.

    Raises:
        NewsgraphError: E204 for an unknown format; E009 / E008 / E201 when ``source`` is a
            file that cannot be read.
    """
    if fmt not in EXPORT_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(EXPORT_FORMATS)))
    path = Path(out_path)
    if fmt in ("graphml", "gexf", "csv"):
        _network(source, fmt, path)
        return path
    triples = _triples(source)
    text = _serialize_sorted(triples, fmt, _base(source, triples))
    with atomic_write(path) as out:
        out.write(text)
    return path


def write_rdf(graph: KnowledgeGraph | Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` in an RDF format of `RDF_FORMATS`."""
    if fmt not in RDF_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(RDF_FORMATS)))
    return export(graph, path, fmt)
