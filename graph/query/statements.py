"""The one SPARQL reading of statement nodes, shared by the NetworkX view and the tables.

`STATEMENTS_QUERY` gives one row per statement node (asserted and negated) with its subject,
predicate, object, assertion state, evidence and source article, or, for a fact the knowledge
base alone gives, ``knowledge_base`` (the knowledge base's label) and no article or evidence.
A predicate may carry two PLOVER types, so they come from `PLOVER_QUERY`, one row per type,
joined by `plover_types`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graph.rdf.namespaces import SPARQL_PREFIXES

__all__ = ["PLOVER_QUERY", "STATEMENTS_QUERY", "plover_types"]

#: One row per statement node, with its attributes, evidence and source article.
STATEMENTS_QUERY = SPARQL_PREFIXES + """
SELECT ?statement ?subject ?subject_label ?predicate ?object ?object_label ?object_is_entity
       ?polarity ?modality ?confidence ?trigger ?rule ?post_title ?cameo
       ?attributed_to ?attributed_label ?evidence ?start_char ?end_char ?article ?headline ?date
       ?url ?publisher ?knowledge_base
WHERE {
  ?statement a ng:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ;
             rdf:object ?object .
  OPTIONAL { ?subject rdfs:label ?subject_label }
  OPTIONAL { ?object rdfs:label ?objectName }
  BIND (COALESCE(?objectName, STR(?object)) AS ?object_label)
  BIND (isIRI(?object) AS ?object_is_entity)
  OPTIONAL { ?statement ng:polarity ?polarity } OPTIONAL { ?statement ng:modality ?modality }
  OPTIONAL { ?statement ng:confidence ?confidence } OPTIONAL { ?statement ng:trigger ?trigger }
  OPTIONAL { ?statement ng:rule ?rule } OPTIONAL { ?statement ng:postTitle ?post_title }
  OPTIONAL { ?statement ng:cameoCode ?cameo }
  OPTIONAL { ?statement ng:evidence ?evidence }
  OPTIONAL { ?statement ng:startChar ?start_char } OPTIONAL { ?statement ng:endChar ?end_char }
  OPTIONAL {
    ?statement ng:attributedTo ?attributed_to .
    OPTIONAL { ?attributed_to rdfs:label ?attributed_label }
  }
  OPTIONAL {
    ?statement prov:wasDerivedFrom ?kb . ?kb a ng:KnowledgeBase .
    OPTIONAL { ?kb rdfs:label ?kbLabel }
    BIND (COALESCE(?kbLabel, STR(?kb)) AS ?knowledge_base)
  }
  OPTIONAL {
    ?statement prov:wasDerivedFrom ?article . ?article a schema:NewsArticle .
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article schema:datePublished ?date }
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:publisher ?publisher }
  }
}"""

#: One row per (statement, PLOVER type).
PLOVER_QUERY = SPARQL_PREFIXES + """
SELECT ?statement ?plover WHERE { ?statement a ng:Statement ; ng:ploverType ?plover }"""


def plover_types(rows: Iterable[tuple[Any, Any]]) -> dict[str, str]:
    """Statement IRI -> its PLOVER types joined with ``/`` in alphabetical order.

    >>> plover_types([("st1", "DISAPPROVE"), ("st1", "ACCUSE"), ("st2", "CONSULT")])
    {'st1': 'ACCUSE/DISAPPROVE', 'st2': 'CONSULT'}
    """
    found: defaultdict[str, list[str]] = defaultdict(list)
    for statement, plover in rows:
        found[str(statement)].append(str(plover))
    return {statement: "/".join(sorted(types)) for statement, types in found.items()}
