"""SHACL validation of a newsgraph graph against ``shapes.ttl`` (pySHACL).

>>> from rdflib import Graph
>>> report = validate(Graph())
>>> report.conforms, report.violations
(True, ())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.export import Source

__all__ = ["SHAPES_PATH", "ShaclReport", "Violation", "load_shapes", "validate"]

#: The SHACL shapes shipped with the package.
SHAPES_PATH = Path(__file__).parent / "rdf" / "shapes.ttl"


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL validation result.

    Attributes:
        focus: the node that failed (IRI, blank node label or literal text).
        path: the property path of the failing constraint; for a constraint on the subject of
            a property (a shape with ``sh:targetSubjectsOf``), that property (several joined
            by ", " when the node is the subject of more than one); else "".
        value: the offending value, or "".
        severity: ``Violation``, ``Warning`` or ``Info``.
        constraint: local name of the constraint component, e.g. ``MinCountConstraintComponent``.
        shape: the source shape (an IRI, or "" for a blank-node shape).
        message: the message the engine gives.
    """

    focus: str
    path: str
    value: str
    severity: str
    constraint: str
    shape: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value!r}" if self.value else ""
        return f"{self.severity}: <{self.focus}>{where}{value}: {self.message} ({self.constraint})"


@dataclass(frozen=True, slots=True)
class ShaclReport:
    """Whether a graph conforms to the shapes, and every validation result."""

    conforms: bool
    violations: tuple[Violation, ...]
    text: str


def load_shapes(path: str | Path | None = None) -> Graph:
    """The shapes graph: ``shapes.ttl``, or another SHACL file."""
    return Graph().parse(path or SHAPES_PATH, format="turtle")


def _data_graph(source: Source) -> Graph:
    """A plain in-memory rdflib copy of ``source`` (pySHACL reads it many times)."""
    from graph.export import serialize

    graph = Graph(bind_namespaces="none")
    graph.parse(data=serialize(source, "nt"), format="nt")
    return graph


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef | Literal):
        return str(node)
    return f"_:{node}"


def _local(node: Node | None) -> str:
    text = "" if node is None else str(node)
    return text.rsplit("#", 1)[-1]


def _subject_of(shapes: Graph, data: Graph, shape: Node | None, focus: Node | None) -> str:
    """The properties whose subjects ``shape`` targets and ``focus`` is the subject of."""
    if shape is None or focus is None:
        return ""
    targets = sorted(str(p) for p in shapes.objects(shape, SH.targetSubjectsOf)
                     if isinstance(p, URIRef) and (focus, p, None) in data)
    return ", ".join(targets)


def _results(results: Graph, shapes: Graph, data: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        focus = results.value(result, SH.focusNode)
        found.append(Violation(
            focus=_text(focus),
            path=str(path) if isinstance(path, URIRef) else _subject_of(shapes, data, shape,
                                                                       focus),
            value=_text(results.value(result, SH.value)),
            severity=_local(results.value(result, SH.resultSeverity)),
            constraint=_local(results.value(result, SH.sourceConstraintComponent)),
            shape=str(shape) if isinstance(shape, URIRef) else "",
            message=" ".join(str(m) for m in results.objects(result, SH.resultMessage)),
        ))
    return tuple(sorted(found, key=lambda v: (v.focus, v.path, v.constraint, v.value)))


def validate(source: Source, shapes: str | Path | None = None) -> ShaclReport:
    """Validate a graph with pySHACL (no inference; SHACL-SPARQL constraints on).

    Args:
        source: an rdflib `Graph`, or a graph file (Turtle, N-Triples, TriG, N-Quads ...).
        shapes: a SHACL shapes file; default `SHAPES_PATH`.

    Returns:
        A `ShaclReport` with the results sorted by focus node.

    Raises:
        NewsgraphError: E009 / E008 / E201 when ``source`` is a file that cannot be read.
    """
    from pyshacl import validate as shacl_validate

    data, shapes_graph = _data_graph(source), load_shapes(shapes)
    conforms, results, text = shacl_validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True,
    )
    graph = results if isinstance(results, Graph) else Graph()
    violations = _results(graph, shapes_graph, data)
    return ShaclReport(conforms=bool(conforms), violations=violations, text=str(text))
