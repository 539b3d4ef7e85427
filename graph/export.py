"""Writing the graph: Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML, GraphML, GEXF, CSV.

Every output is deterministic (the same graph gives byte-identical files: triples are sorted
before they are written) and atomic (a temporary file beside the target is renamed over it only
when complete). RDF is serialised by Oxigraph, JSON-LD by rdflib with the shipped
``context.jsonld``.

Turtle and TriG use a prefix only where every IRI under it has a plain local name (ASCII
letters, digits, ``_ - .``): backslash escapes such as ``id:person\\/x`` or ``\\%C5`` are valid
Turtle, but Virtuoso 7 keeps the backslash in the IRI. TriG and N-Quads hold one named graph
per article (named by the article IRI) and one graph of the merged entities (:func:`partition`).
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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeAlias, cast

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from extract.atomic import atomic_write
from extract.errors import Errors, NewsgraphError
from graph.iris import TYPE_PATHS
from graph.namespaces import DEFAULT_BASE, NG, PREFIXES, PROV, SCHEMA

__all__ = [
    "CONTEXT_PATH",
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "RDF_FORMATS",
    "Source",
    "entities_graph",
    "export",
    "partition",
    "portable_prefixes",
    "serialize",
    "write_graphml",
    "write_rdf",
]

#: A graph to export: an rdflib `Graph`, or the path of a graph file (any `load_store` format).
Source: TypeAlias = Graph | str | Path

#: The JSON-LD context of the JSON-LD export (embedded in every JSON-LD file written).
CONTEXT_PATH = Path(__file__).with_name("context.jsonld")

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

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = _RDF + "langString"
_STATEMENT, _ARTICLE = ox.NamedNode(str(NG.Statement)), ox.NamedNode(str(SCHEMA.NewsArticle))
_DERIVED, _POLARITY = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(NG.polarity))
_REIFIED = tuple(ox.NamedNode(_RDF + name) for name in ("subject", "predicate", "object"))
_NEGATED = ox.Literal("negated")
# A Turtle local name that Oxigraph writes without backslash escapes (it escapes ``%`` too).
_PLAIN_LOCAL = re.compile(r"(?:\w(?:[\w.-]*[\w-])?)?", re.ASCII)
_NONCHARACTER = re.compile("[\ufffe\uffff]")
# Characters XML 1.0 cannot carry, even escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')
_CSV_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight", "predicate",
                "source_label", "target_label", "polarity", "modality", "trigger", "post_title",
                "article", "article_title", "article_date", "sentence")

_Subject: TypeAlias = ox.NamedNode | ox.BlankNode


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


def _key(triple: ox.Triple | ox.Quad) -> tuple[str, bool, str, str]:
    return (str(triple.subject), triple.predicate != _RDF_TYPE, str(triple.predicate),
            str(triple.object))


def _sane(term: Any) -> Any:
    """``term``, or the literal with U+FFFE / U+FFFF replaced (Raptor refuses them escaped)."""
    if isinstance(term, ox.Literal) and _NONCHARACTER.search(term.value):
        value = _NONCHARACTER.sub("\ufffd", term.value)
        if term.language:
            return ox.Literal(value, language=term.language)
        return ox.Literal(value, datatype=term.datatype)
    return term


def _triples(source: Source) -> list[ox.Triple]:
    """The triples of ``source`` (named graphs merged), sorted."""
    if isinstance(source, Graph):
        data = source.serialize(format="ox-ntriples", encoding="utf-8")
        quads: Iterable[Any] = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
    else:
        from graph.query import load_store

        quads = load_store(source)
    return sorted({ox.Triple(q.subject, q.predicate, _sane(q.object)) for q in quads}, key=_key)


def _base(triples: Sequence[ox.Triple]) -> str:
    """The data base IRI, read from the article IRIs (``{base}article/{hash}``)."""
    bases = {t.subject.value.rsplit("article/", 1)[0] for t in triples
             if t.predicate == _RDF_TYPE and t.object == _ARTICLE
             and isinstance(t.subject, ox.NamedNode) and "article/" in t.subject.value}
    return min(bases) if bases else DEFAULT_BASE


def entities_graph(base: str = DEFAULT_BASE) -> str:
    """IRI of the named graph that holds the merged entities (and anything not from one article).

    >>> entities_graph()
    'https://w3id.org/newsgraph/id/graph/entities'
    """
    return f"{base}graph/entities"


def partition(triples: Iterable[ox.Triple], base: str | None = None) -> list[ox.Quad]:
    """Place each triple in the named graph of the article it comes from.

    - a statement node's triples go in the graph of its ``prov:wasDerivedFrom`` article(s);
    - an article's own triples (headline, date, mentions ...) go in the article's graph;
    - a direct relation triple goes in the graph of every article with an asserted (not
      negated) statement for it, either way round for symmetric predicates;
    - everything else (entity types, labels, aliases, links, mention counts) goes in the
      entities graph, :func:`entities_graph`.

    Each article graph is named by the article IRI, so dropping an article from a store is
    dropping its graph.

    Args:
        triples: the graph.
        base: data base IRI for the entities graph; default: read from the article IRIs.

    Returns:
        Quads sorted by graph (the entities graph first) and then by triple.
    """
    from graph.ontology import symmetric_predicates

    items = list(triples)
    home = ox.NamedNode(entities_graph(base or _base(items)))
    by_subject: dict[Any, list[ox.Triple]] = defaultdict(list)
    for t in items:
        by_subject[t.subject].append(t)
    symmetric = {ox.NamedNode(str(NG) + name) for name in symmetric_predicates()}
    statements: dict[Any, list[_Subject]] = {}
    support: dict[tuple[Any, Any, Any], set[_Subject]] = defaultdict(set)
    for subject, own in by_subject.items():
        if not any(t.predicate == _RDF_TYPE and t.object == _STATEMENT for t in own):
            continue
        derived: list[_Subject] = [t.object for t in own if t.predicate == _DERIVED
                                   and isinstance(t.object, ox.NamedNode | ox.BlankNode)]
        statements[subject] = derived
        parts = [next((t.object for t in own if t.predicate == p), None) for p in _REIFIED]
        if None in parts or any(t.predicate == _POLARITY and t.object == _NEGATED for t in own):
            continue
        s, p, o = parts
        support[(s, p, o)].update(derived)
        if p in symmetric:
            support[(o, p, s)].update(derived)
    articles = {t.subject for t in items if t.predicate == _RDF_TYPE and t.object == _ARTICLE}
    quads = []
    for t in items:
        if t.subject in statements:
            graphs: Iterable[_Subject] = statements[t.subject] or [home]
        elif t.subject in articles:
            graphs = [cast(_Subject, t.subject)]
        else:
            graphs = support.get((t.subject, t.predicate, t.object)) or [home]
        quads += [ox.Quad(t.subject, t.predicate, t.object, g) for g in graphs]
    return sorted(quads, key=lambda q: (q.graph_name != home, str(q.graph_name), *_key(q)))


def portable_prefixes(iris: Iterable[str], base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes to write: those under which every IRI has a plain local name.

    Candidates are newsgraph's `PREFIXES` and one per data IRI kind under ``base``
    (``person:``, ``org:``, ``place:``, ``event:``, ``article:``, ``statement:`` ...).

    >>> portable_prefixes(["https://w3id.org/newsgraph/id/person/ann", "http://sws.geonames.org/1/"])
    {'person': 'https://w3id.org/newsgraph/id/person/'}
    """
    kinds = {*TYPE_PATHS.values(), "thing", "article", "statement", "graph"}
    candidates = {**{kind: f"{base}{kind}/" for kind in sorted(kinds)}, **PREFIXES}
    used: set[str] = set()
    spoiled: set[str] = set()
    for iri in set(iris):
        for name, namespace in candidates.items():
            if iri.startswith(namespace):
                plain = _PLAIN_LOCAL.fullmatch(iri[len(namespace) :]) is not None
                (used if plain else spoiled).add(name)
    return {name: candidates[name] for name in sorted(used - spoiled)}


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


def serialize(source: Source | Sequence[ox.Triple], fmt: str) -> str:
    """The graph as text in an RDF format of `RDF_FORMATS`.

    Args:
        source: an rdflib `Graph`, a graph file, or triples.
        fmt: ``turtle`` (or ``ttl``), ``nt``, ``trig``, ``nq``, ``xml`` or ``jsonld``.

    Raises:
        NewsgraphError: E204 for another format; E009 / E008 / E201 when a file cannot be read.
    """
    if fmt not in RDF_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(RDF_FORMATS)))
    if isinstance(source, list | tuple):
        triples = sorted({ox.Triple(t.subject, t.predicate, _sane(t.object)) for t in source},
                         key=_key)
    else:
        triples = _triples(cast(Source, source))
    if fmt == "jsonld":
        return _jsonld(triples)
    rdf_format = _OX_FORMATS[fmt]
    items: list[Any] = partition(triples) if rdf_format.supports_datasets else triples
    base = _base(triples)
    prefixes = portable_prefixes(_iris(items), base) if fmt not in ("nt", "nq") else None
    data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
    return (data or b"").decode("utf-8")


def _xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return _XML_INVALID.sub("\ufffd", value)
    if isinstance(value, list | tuple | set):
        return _XML_INVALID.sub("\ufffd", "; ".join(map(str, value)))
    return value


def _safe_view(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``view`` with lists joined by ``; ``, XML-safe text and Gephi weights."""
    safe: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        safe.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for u, v, key, data in view.edges(keys=True, data=True):
        safe.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(key),
                      **{k: _xml_safe(x) for k, x in data.items()})
    return safe


def write_graphml(view: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the NetworkX view as GraphML (lists joined with ``; ``, XML-safe text)."""
    with atomic_write(path) as out:
        out.write("\n".join(nx.generate_graphml(_safe_view(view))) + "\n")
    return Path(path)


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


def _network(triples: Sequence[ox.Triple], fmt: str, path: Path) -> None:
    from graph.build import new_graph
    from graph.netx import to_networkx

    graph = new_graph(_base(triples))
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"",
                format="ox-ntriples")
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
    triples = _triples(source)
    path = Path(out_path)
    if fmt in ("graphml", "gexf", "csv"):
        _network(triples, fmt, path)
        return path
    text = serialize(triples, fmt)
    with atomic_write(path) as out:
        out.write(text)
    return path


def write_rdf(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise ``graph`` to ``path`` in an RDF format of `RDF_FORMATS`."""
    if fmt not in RDF_FORMATS:
        raise NewsgraphError(Errors.E204.format(fmt=fmt, known=", ".join(RDF_FORMATS)))
    return export(graph, path, fmt)
