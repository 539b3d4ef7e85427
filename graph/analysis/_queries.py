"""The SPARQL queries behind the entity and statement tables of `graph.analysis.tables`.

Each query opens with a ``PREFIX`` line for every prefix of `graph.rdf.namespaces.PREFIXES`.
"""

from __future__ import annotations

from graph.rdf.namespaces import PREFIXES

__all__ = ["ENTITIES_QUERY", "STATEMENTS_QUERY"]

_PREAMBLE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

#: One row per entity: label, type, mention and article counts, aliases, ``owl:sameAs`` links.
ENTITIES_QUERY = _PREAMBLE + """
SELECT ?entity ?label ?type ?mentions (COUNT(DISTINCT ?article) AS ?articles)
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="; ") AS ?aliases)
       (GROUP_CONCAT(DISTINCT STR(?same); SEPARATOR=" ") AS ?same_as)
WHERE {
  ?entity ng:entityType ?type ; rdfs:label ?label .
  OPTIONAL { ?entity ng:mentionCount ?mentions }
  OPTIONAL { ?article schema:mentions ?entity }
  OPTIONAL { ?entity skos:altLabel ?alias }
  OPTIONAL { ?entity owl:sameAs ?same }
}
GROUP BY ?entity ?label ?type ?mentions
ORDER BY DESC(?mentions) DESC(?articles) ?label ?entity"""

#: One row per statement node, with its attributes, evidence and source article.
STATEMENTS_QUERY = _PREAMBLE + """
SELECT ?statement ?subject ?subject_label ?predicate ?object ?object_label ?object_is_entity
       ?polarity ?modality ?confidence ?trigger ?rule ?post_title ?cameo ?plover
       ?attributed_to ?attributed_label ?evidence ?start_char ?end_char ?article ?headline ?date
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
  OPTIONAL { ?statement ng:cameoCode ?cameo } OPTIONAL { ?statement ng:ploverType ?plover }
  OPTIONAL { ?statement ng:evidence ?evidence }
  OPTIONAL { ?statement ng:startChar ?start_char } OPTIONAL { ?statement ng:endChar ?end_char }
  OPTIONAL {
    ?statement ng:attributedTo ?attributed_to .
    OPTIONAL { ?attributed_to rdfs:label ?attributed_label }
  }
  OPTIONAL {
    ?statement prov:wasDerivedFrom ?article .
    OPTIONAL { ?article schema:headline ?headline }
    OPTIONAL { ?article schema:datePublished ?date }
  }
}"""
