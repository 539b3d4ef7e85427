"""Deterministic, percent-safe IRIs for entities, articles and statements.

The same input always gives the same IRIs, so graphs built at different times line up.

>>> entity_iri("https://w3id.org/newsgraph/id/", "PERSON", "Antony Blinken")
'https://w3id.org/newsgraph/id/person/antony-blinken'
>>> entity_iri("https://w3id.org/newsgraph/id/", "GPE", "Côte d’Ivoire")
'https://w3id.org/newsgraph/id/place/cote-d-ivoire'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

__all__ = [
    "ENTITY_KINDS", "TYPE_PATHS", "article_iri", "entity_iri", "schema_class", "slugify",
    "statement_iri",
]

#: Per entity type: the IRI path segment of its entities and its schema.org class.
ENTITY_KINDS: dict[str, tuple[str, str]] = {
    "PERSON": ("person", "Person"), "ORG": ("org", "Organization"), "GPE": ("place", "Place"),
    "LOC": ("place", "Place"), "FAC": ("place", "Place"), "EVENT": ("event", "Event"),
}
#: IRI path segment per entity type.
TYPE_PATHS = {etype: path for etype, (path, _) in ENTITY_KINDS.items()}


def schema_class(etype: str) -> str:
    """Local name of the schema.org class of an entity type (a place where unknown).

    >>> schema_class("ORG"), schema_class("NORP")
    ('Organization', 'Place')
    """
    return ENTITY_KINDS.get(etype, ("thing", "Place"))[1]


def slugify(name: str) -> str:
    """Lower-case ASCII slug of ``name``; non-Latin names are kept, percent-encoded.

    >>> slugify("U.S. Department of State")
    'us-department-of-state'
    >>> slugify("Владимир Путин")
    '%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-%D0%BF%D1%83%D1%82%D0%B8%D0%BD'
    """
    text = unicodedata.normalize("NFKD", name)
    ascii_text = "".join(c for c in text if not unicodedata.combining(c))
    ascii_text = ascii_text.replace(".", "").replace("'", "").replace("’", "-").lower()
    slug = re.sub(r"[^\w]+", "-", ascii_text, flags=re.UNICODE).strip("-_")
    if not slug:
        return "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return quote(slug[:120], safe="-_")


def entity_iri(base: str, etype: str, name: str) -> str:
    """IRI of an entity of type ``etype`` named ``name``."""
    return f"{base}{TYPE_PATHS.get(etype, 'thing')}/{slugify(name)}"


def article_iri(base: str, article_id: str) -> str:
    """IRI of an article from its content hash."""
    return f"{base}article/{quote(article_id, safe='')}"


def statement_iri(base: str, *parts: object) -> str:
    """IRI of a statement node: a hash of what identifies it."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]
    return f"{base}statement/{digest}"
