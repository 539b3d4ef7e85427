"""The newsgraph ontology (``ontology.ttl``) and the facts other modules read from it.

The ontology document is the one place where predicate labels, symmetric predicates and
CAMEO / PLOVER codes are written down; the graph builder (the codes on every statement, the
order of symmetric pairs), the HTML view and the tables read them here.

>>> predicate_labels()["discussedWith"]
'discussed with'
>>> sorted(symmetric_predicates())
['agreedWith', 'cooperatesWith', 'discussedWith']
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph.rdf.namespaces import NG

__all__ = [
    "ONTOLOGY_PATH",
    "load_ontology",
    "predicate_codes",
    "predicate_labels",
    "statement_codes",
    "symmetric_predicates",
]

#: Path of the ontology document shipped with the package.
ONTOLOGY_PATH = Path(__file__).with_name("ontology.ttl")

_NS = str(NG)
_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def load_ontology() -> Graph:
    """Parse ``ontology.ttl`` into a new rdflib graph (the caller may change it).

    Returns:
        The ontology as an rdflib `Graph`, with the ``ng`` prefix bound.

    >>> (NG.Statement, RDFS.subClassOf, RDF.Statement) in load_ontology()
    True
    """
    graph = Graph()
    graph.parse(ONTOLOGY_PATH, format="turtle")
    graph.bind("ng", _NS)
    return graph


def _local(term: object) -> str | None:
    """Local name of ``term`` when it is an IRI in the newsgraph namespace, else None."""
    if isinstance(term, URIRef) and str(term).startswith(_NS) and len(term) > len(_NS):
        return str(term)[len(_NS) :]
    return None


@cache
def _ontology() -> Graph:
    """The ontology, parsed once per process (read-only by convention)."""
    return load_ontology()


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    graph = _ontology()
    found: dict[str, str] = {}
    for kind in _PROPERTY_TYPES:
        for prop in graph.subjects(RDF.type, kind):
            name = _local(prop)
            label = graph.value(prop, RDFS.label)
            if name is not None and label is not None:
                found[name] = str(label)
    return tuple(sorted(found.items()))


def predicate_labels() -> dict[str, str]:
    """Human-readable label of every newsgraph property, keyed by local name.

    Read from ``ontology.ttl`` once per process; the caller gets its own copy.

    Returns:
        A dict such as ``{"holdsPost": "holds post at", "said": "said", ...}``.

    >>> predicate_labels()["namedAsThreat"]
    'named as a threat'
    """
    return dict(_labels())


@cache
def symmetric_predicates() -> frozenset[str]:
    """Local names of the predicates declared ``owl:SymmetricProperty``.

    >>> "discussedWith" in symmetric_predicates(), "accused" in symmetric_predicates()
    (True, False)
    """
    graph = _ontology()
    names = (_local(p) for p in graph.subjects(RDF.type, OWL.SymmetricProperty))
    return frozenset(name for name in names if name is not None)


@cache
def statement_codes() -> Mapping[str, tuple[str | None, tuple[str, ...]]]:
    """CAMEO code and PLOVER types of each relation predicate, as every statement carries them.

    Returns:
        A read-only mapping local name -> ``(cameo_code, plover_types)``, PLOVER types sorted;
        predicates without codes (``holdsPost``, ``memberOf``, ``locatedIn``) are absent.

    >>> statement_codes()["namedAsThreat"]
    ('112', ('ACCUSE', 'DISAPPROVE'))
    """
    graph = _ontology()
    codes: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    for prop in set(graph.subjects(NG.cameoCode, None)) | set(graph.subjects(NG.ploverType, None)):
        name = _local(prop)
        if name is None:
            continue
        cameo = graph.value(prop, NG.cameoCode)
        plovers = tuple(sorted(str(p) for p in graph.objects(prop, NG.ploverType)))
        codes[name] = (None if cameo is None else str(cameo), plovers)
    return MappingProxyType(dict(sorted(codes.items())))


@cache
def intent_codes() -> Mapping[str, tuple[str, tuple[str, ...]]]:
    """CAMEO code and PLOVER types of the predicates whose announced intent is coded apart.

    >>> intent_codes()["supports"]
    ('033', ('AGREE',))
    """
    graph = _ontology()
    codes: dict[str, tuple[str, tuple[str, ...]]] = {}
    for prop, cameo in graph.subject_objects(NG.intentCameoCode):
        name = _local(prop)
        if name is not None:
            plovers = tuple(sorted(str(p) for p in graph.objects(prop, NG.intentPloverType)))
            codes[name] = (str(cameo), plovers)
    return MappingProxyType(dict(sorted(codes.items())))


def codes_of(predicate: str, modality: str = "fact") -> tuple[str | None, tuple[str, ...]]:
    """The CAMEO code and PLOVER types a statement of ``predicate`` carries.

    An announced intent (modality ``future``) takes the predicate's intent codes where the
    ontology gives them: "will support" is CAMEO 033, PLOVER AGREE.

    >>> codes_of("supports"), codes_of("supports", "future"), codes_of("accused", "future")
    (('05', ('SUPPORT',)), ('033', ('AGREE',)), ('112', ('ACCUSE',)))
    >>> codes_of("holdsPost")
    (None, ())
    """
    if modality == "future" and predicate in intent_codes():
        return intent_codes()[predicate]
    return statement_codes().get(predicate, (None, ()))


def predicate_codes() -> dict[str, tuple[str | None, str | None]]:
    """CAMEO code and PLOVER type annotated on each relation predicate, for display.

    Several PLOVER types are joined with ``/`` in alphabetical order.

    Returns:
        A dict local name -> ``(cameo_code, plover_type)``; predicates without codes
        (``holdsPost``, ``memberOf``, ``locatedIn``) are absent.

    >>> predicate_codes()["discussedWith"]
    ('04', 'CONSULT')
    >>> predicate_codes()["namedAsThreat"]
    ('112', 'ACCUSE/DISAPPROVE')
    """
    return {name: (cameo, "/".join(plovers) or None)
            for name, (cameo, plovers) in statement_codes().items()}
