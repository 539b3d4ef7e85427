"""The SPARQL query behind the entity table of `graph.analysis.tables` (the statement table
reads `graph.query.statements`)."""

from __future__ import annotations

from graph.rdf.namespaces import SPARQL_PREFIXES

__all__ = ["ENTITIES_QUERY"]

#: One row per entity: label, type, mention and article counts, aliases, ``owl:sameAs`` links.
ENTITIES_QUERY = SPARQL_PREFIXES + """
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
