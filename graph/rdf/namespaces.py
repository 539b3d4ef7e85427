"""RDF namespaces, including newsgraph's own vocabulary ``NG``.

``NG`` is a closed `DefinedNamespace`: a typo such as ``NG.discusedWith`` raises at once
instead of silently minting a new predicate. Every term here is described in ``ontology.ttl``.

>>> NG.discussedWith
rdflib.term.URIRef('https://w3id.org/newsgraph/ns#discussedWith')
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "DEFAULT_BASE", "GEONAMES", "NG", "PREFIXES", "PROV", "SCHEMA", "SPARQL_PREFIXES", "WD",
    "local_name",
]

DEFAULT_BASE = "https://w3id.org/newsgraph/id/"

SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("http://sws.geonames.org/")


class NG(DefinedNamespace):
    """The newsgraph vocabulary (classes, relation predicates, statement properties)."""

    _fail = True
    _NS = Namespace("https://w3id.org/newsgraph/ns#")

    # classes
    Statement: URIRef  # a reified relation with its evidence (subclass of rdf:Statement)
    KnowledgeBase: URIRef  # a knowledge base that statements may be derived from

    # relation predicates between entities (direct triples)
    discussedWith: URIRef
    namedAsThreat: URIRef
    threatened: URIRef
    accused: URIRef
    criticized: URIRef
    supports: URIRef
    rejected: URIRef
    agreedWith: URIRef
    cooperatesWith: URIRef
    sanctioned: URIRef
    holdsPost: URIRef
    memberOf: URIRef
    locatedIn: URIRef
    said: URIRef

    # statement properties
    evidence: URIRef
    startChar: URIRef
    endChar: URIRef
    confidence: URIRef
    polarity: URIRef
    modality: URIRef
    trigger: URIRef
    rule: URIRef
    postTitle: URIRef
    postEnded: URIRef
    attributedTo: URIRef
    coreference: URIRef
    cameoCode: URIRef
    ploverType: URIRef
    intentCameoCode: URIRef
    intentPloverType: URIRef

    # entity and article properties
    entityType: URIRef
    countryCode: URIRef
    mentionCount: URIRef
    contentHash: URIRef
    origin: URIRef


PREFIXES: dict[str, str] = {
    "ng": str(NG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "wd": str(WD),
    "geo": str(GEONAMES),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: A ``PREFIX`` line for every prefix of `PREFIXES`, to open SPARQL queries with.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def local_name(iri: object) -> str:
    """The part of a newsgraph IRI after the namespace; any other IRI or value as text.

    >>> local_name(NG.discussedWith), local_name("http://schema.org/Person")
    ('discussedWith', 'http://schema.org/Person')
    """
    text, ns = str(iri), str(NG)
    return text[len(ns) :] if text.startswith(ns) and len(text) > len(ns) else text
