"""Where a query's SPARQL text comes from: a bundled query name, a query file, or the text itself.

The bundled queries are the ``NAME.rq`` files of ``graph/queries/``; the first comment line of
each describes it.
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.errors import Errors, NewsgraphError
from graph.query.engine import one_line

__all__ = ["QUERIES_DIR", "bundled_queries", "resolve_query"]

#: Folder of the bundled queries (``NAME.rq``).
QUERIES_DIR = Path(__file__).with_name("queries")

_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_QUERY_SUFFIXES = (".rq", ".sparql")


def _bundled_paths() -> dict[str, Path]:
    return {path.stem: path for path in sorted(QUERIES_DIR.glob("*.rq"))}


def _description(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip()
    return ""


def bundled_queries() -> dict[str, str]:
    """Names of the bundled queries and their one-line descriptions, sorted by name.

    >>> bundled_queries()["threats"]
    'Who named whom as a threat, with the evidence sentence, its article and date.'
    """
    return {
        name: _description(path.read_text(encoding="utf-8"))
        for name, path in _bundled_paths().items()
    }


def _read_query_file(file: Path) -> str:
    if not file.is_file():
        raise NewsgraphError(Errors.E009.format(where=file))
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise NewsgraphError(Errors.E003.format(where=file, pos=exc.start)) from exc
    except OSError as exc:
        raise NewsgraphError(Errors.E008.format(where=file, reason=one_line(exc))) from exc


def _looks_like_sparql(text: str) -> bool:
    """True when ``text`` names a query form and is more than one bare word."""
    has_form = _QUERY_FORM.search(text) is not None
    return has_form and ("{" in text or len(text.split()) > 1)


def resolve_query(text_or_name: str) -> str:
    """Turn a bundled query name, a ``.rq`` path or SPARQL text into SPARQL text.

    Args:
        text_or_name: ``"who-discussed-with"`` (a bundled query), ``"my.rq"`` or
            ``"my.sparql"`` (a file) or the query itself.

    Returns:
        The SPARQL text.

    Raises:
        NewsgraphError: E202 when it is none of these, E009 when the query file is missing.

    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> resolve_query("entities").startswith("PREFIX")
    True
    """
    key = text_or_name.strip()
    bundled = _bundled_paths()
    if key in bundled:
        return bundled[key].read_text(encoding="utf-8")
    if key.lower().endswith(_QUERY_SUFFIXES) and "\n" not in key:
        return _read_query_file(Path(key))
    if _looks_like_sparql(key):
        return text_or_name
    shown = key if len(key) <= 60 else key[:57] + "..."
    raise NewsgraphError(Errors.E202.format(name=shown, known=", ".join(bundled)))
