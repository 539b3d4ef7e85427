"""Where a statement comes from: an article, or the knowledge base alone.

Most relations are read from an article's sentences; their statements are
``prov:wasDerivedFrom`` the article and carry the sentence as evidence. A few extraction rules
(`KB_RULES`) add a fact the article does not state but the bundled knowledge base gives, e.g.
``locatedIn(Vilnius, Lithuania)`` when an article names both: such a statement is
``prov:wasDerivedFrom`` `KB_SOURCE`, has no evidence, sentence or character offsets, and is one
statement however many articles brought it in. In TriG / N-Quads it sits in the knowledge-base
graph (`graph.rdf.datasets.kb_graph`), not in an article's graph.

>>> from extract.facts import Relation
>>> is_kb_fact(Relation("city:1", "locatedIn", "country:LT", "", 0, 0, "Vilnius", "located-kb"))
True
"""

from __future__ import annotations

from extract.facts import Relation

__all__ = ["KB_LABEL", "KB_RULES", "KB_SOURCE", "is_kb_fact"]

#: The knowledge-base source IRI (an ``ng:KnowledgeBase``, described in ``ontology.ttl``).
KB_SOURCE = "https://w3id.org/newsgraph/kb"
#: Its label, as ``ontology.ttl`` gives it.
KB_LABEL = "newsgraph knowledge base"
#: Extraction rules whose relations come from the knowledge base, not from the article's text
#: (``extract.events.contained``).
KB_RULES = frozenset({"located-kb"})


def is_kb_fact(rel: Relation) -> bool:
    """Whether ``rel`` is a knowledge-base fact rather than something its article states."""
    return rel.rule in KB_RULES
