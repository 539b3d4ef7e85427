"""Checks the endpoint makes before a query runs: the request body, its origin, SERVICE.

``SERVICE`` is found by parsing the query with rdflib's SPARQL parser and walking the parse
tree, never by searching the text. Line ends are made ``\\n`` first (`normalize`), and the
worker runs that same text, so both parsers read the same comments.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

__all__ = ["BodyError", "cross_origin", "normalize", "read_body", "uses_service"]

#: ``Sec-Fetch-Site`` values of requests made by this endpoint's own pages or typed by a user.
_SAME_SITE = ("same-origin", "none")


class BodyError(Exception):
    """A request body the endpoint does not read: ``status`` and ``message`` say why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def normalize(sparql: str) -> str:
    r"""The query with every line end (``\r\n``, ``\r``) as ``\n``.

    SPARQL ends a comment at either; parsers that stop only at ``\n`` would read a comment
    ended by ``\r`` as hiding the rest of its line.

    >>> normalize("ASK {#\rSERVICE}\r\n")
    'ASK {#\nSERVICE}\n'
    """
    return sparql.replace("\r\n", "\n").replace("\r", "\n")


def _has_service(node: Any) -> bool:
    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_has_service(item) for item in node)
    return False  # a term, a name or a value


def uses_service(sparql: str) -> bool:
    """True when the query has a SERVICE clause anywhere (in a subquery, EXISTS, ...).

    Raises:
        ValueError: when the query does not parse, so it cannot be checked.

    >>> uses_service('SELECT * { ?s ?p ?o FILTER EXISTS { service ?s { ?s ?p ?o } } }')
    True
    >>> uses_service('SELECT ?service { ?service ?p "SERVICE" } # SERVICE <x> {}')
    False
    """
    try:
        tree = parseQuery(sparql)
    except Exception as exc:  # pyparsing raises its own exception types
        raise ValueError(" ".join(str(exc).split()) or type(exc).__name__) from exc
    return _has_service(tree)


def cross_origin(environ: dict[str, Any], origins: Collection[str]) -> bool:
    """True when a browser sent the request from a page of another origin.

    Browsers name the page's origin in ``Origin`` (POST, and scripted GET) and say how the
    request relates to the page in ``Sec-Fetch-Site``; clients such as curl send neither.
    """
    origin = environ.get("HTTP_ORIGIN")
    if origin is not None and origin not in origins:
        return True
    return environ.get("HTTP_SEC_FETCH_SITE", "none") not in _SAME_SITE


def read_body(environ: dict[str, Any], cap: int) -> bytes:
    """The request body, read only when its ``Content-Length`` is a plain number up to ``cap``.

    Raises:
        BodyError: 411 for a chunked body or none declared, 400 for a length that is not a
            decimal number, 413 for one over ``cap``.
    """
    if environ.get("HTTP_TRANSFER_ENCODING"):
        raise BodyError(411, "send the body with a Content-Length (chunked bodies are not read)")
    declared = (environ.get("CONTENT_LENGTH") or "").strip()
    if not declared:
        raise BodyError(411, "Content-Length is required for a POST body")
    if not (declared.isascii() and declared.isdecimal()):
        raise BodyError(400, f"Content-Length {declared[:40]!r} is not a byte count")
    size = int(declared)
    if size > cap:
        raise BodyError(413, f"request body over {cap} bytes (Content-Length {size})")
    body: bytes = environ["wsgi.input"].read(size)
    return body
