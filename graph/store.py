"""A persistent, incremental graph store: the facts of every article and an Oxigraph store.

A store folder holds:

- ``facts.jsonl``: the facts of every article in the store, one `ArticleFacts` line each,
  sorted by article id. It is the source of truth: everything else is rebuilt from it.
- ``oxigraph/``: an on-disk Oxigraph store of the graph built from all those facts, one
  named graph per article (named by the article IRI) and one graph of the merged entities
  (see `graph.export.partition`). ``newsgraph query`` and ``newsgraph serve`` open it
  read-only.
- ``store.json``: the base IRI and the digest of the ``facts.jsonl`` that ``oxigraph/`` holds.

Entity resolution is global (adding or removing an article can merge or split entities), so
each change rebuilds the graph from all facts and replaces the store's content in one bulk
load: the new store is written to ``oxigraph.new/`` and renamed into place, so a failed load
leaves the previous store as it was. The NLP runs only on articles not in ``facts.jsonl``
(see `graph.run.build` with ``store=``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from extract.atomic import atomic_write
from extract.errors import Errors, NewsgraphError
from extract.facts import loads_facts
from graph.export import partition
from graph.rdf.build import KnowledgeGraph, build_graph
from graph.rdf.namespaces import DEFAULT_BASE

__all__ = [
    "FACTS_FILE",
    "OXIGRAPH_DIR",
    "locked",
    "remove_article",
    "store_articles",
    "store_base",
    "update_store",
]

#: The facts of every article in a store folder.
FACTS_FILE = "facts.jsonl"
#: The Oxigraph store inside a store folder.
OXIGRAPH_DIR = "oxigraph"

_META = "store.json"
_PARTIAL = FACTS_FILE + ".partial"
_HELD: set[Path] = set()


@contextmanager
def locked(folder: str | Path) -> Iterator[None]:
    """Hold the store folder's lock: one process changes a store at a time.

    The lock is re-entrant within a process. The folder is created if needed.

    Raises:
        NewsgraphError: E304 when another process holds the lock.
    """
    path = Path(folder).resolve()
    if path in _HELD:
        yield
        return
    path.mkdir(parents=True, exist_ok=True)
    with open(path / ".lock", "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NewsgraphError(Errors.E304.format(where=folder)) from None
        _HELD.add(path)
        try:
            yield
        finally:
            _HELD.discard(path)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _facts_path(folder: Path) -> Path:
    path = folder / FACTS_FILE
    if not path.is_file():
        raise NewsgraphError(Errors.E302.format(where=folder))
    return path


def _line_id(line: str) -> str:
    return str(json.loads(line)["article"]["id"])


def _keep(line: str, dropped: set[str]) -> bool:
    """Whether a line of an interrupted build's facts stays (a cut last line does not)."""
    try:
        return _line_id(line) not in dropped
    except (ValueError, KeyError, TypeError):
        return False


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [line if line.endswith("\n") else line + "\n" for line in handle if line.strip()]


def _sorted_lines(path: Path) -> list[str]:
    """The lines of ``path``, one per article id, sorted by id; the file is rewritten if not."""
    lines = _lines(path)
    by_id: dict[str, str] = {}
    for line in lines:
        by_id.setdefault(_line_id(line), line)
    ordered = [by_id[key] for key in sorted(by_id)]
    if ordered != lines:
        _rewrite(path, ordered)
    return ordered


def _rewrite(path: Path, lines: Sequence[str]) -> None:
    with atomic_write(path) as out:
        out.writelines(lines)


def _meta(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / _META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def store_base(folder: str | Path) -> str:
    """The base IRI the store was built with (`DEFAULT_BASE` for a new store)."""
    return _meta(Path(folder)).get("base") or DEFAULT_BASE


def _recover(folder: Path) -> None:
    """Finish or undo a swap that was interrupted, and drop a half-written store."""
    current, old = folder / OXIGRAPH_DIR, folder / f"{OXIGRAPH_DIR}.old"
    if not current.exists() and old.exists():
        old.rename(current)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(folder / f"{OXIGRAPH_DIR}.new", ignore_errors=True)


def _fill(path: Path, quads: list[ox.Quad]) -> None:
    """Write ``quads`` to a new on-disk store at ``path`` and close it."""
    store = ox.Store(str(path))
    store.bulk_extend(quads)
    store.flush()
    del store


def _swap_in(folder: Path, quads: list[ox.Quad]) -> Path:
    current = folder / OXIGRAPH_DIR
    new, old = folder / f"{OXIGRAPH_DIR}.new", folder / f"{OXIGRAPH_DIR}.old"
    try:
        _fill(new, quads)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)
    return current


def update_store(
    folder: str | Path, kg: KnowledgeGraph | None = None, *, base: str | None = None
) -> Path:
    """Bring the store's Oxigraph store in line with its ``facts.jsonl``.

    ``facts.jsonl`` is sorted by article id (duplicates dropped), the graph is built from all
    facts (or ``kg`` is used, when the caller built it from that file already), and replaces
    the store's content in one bulk load. Nothing is loaded when the store already holds the
    graph of these facts under this base IRI.

    Args:
        folder: the store folder.
        kg: the graph built from the folder's ``facts.jsonl`` with ``base``, if already built.
        base: base IRI of the data; default: the one the store was built with.

    Returns:
        The Oxigraph store folder, ``folder/oxigraph``.

    Raises:
        NewsgraphError: E302 when ``folder`` holds no ``facts.jsonl``; E304 when another
            process is changing the store.
        OSError: when the store cannot be written (the previous one is left as it was).
    """
    path = Path(folder)
    facts = _facts_path(path)
    with locked(path):
        _recover(path)
        base = base or store_base(path)
        lines = _sorted_lines(facts)
        digest = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()
        current = path / OXIGRAPH_DIR
        stamp = {"base": base, "facts_sha256": digest}
        if _meta(path) == stamp and (current / "CURRENT").is_file():
            return current
        if kg is None:
            kg = build_graph((loads_facts(line) for line in lines), base=base)
        _swap_in(path, partition((ox.Triple(q.subject, q.predicate, q.object)
                                  for q in kg.store), kg.base))
        with atomic_write(path / _META) as out:
            json.dump(stamp, out, indent=1, sort_keys=True)
            out.write("\n")
        return current


def _article_id(text: str) -> str:
    """An article id from the id itself or the article IRI (``{base}article/{id}``)."""
    return unquote(text.rsplit("/article/", 1)[1]) if "/article/" in text else text.strip()


def remove_article(folder: str | Path, articles: Sequence[str]) -> list[tuple[str, str]]:
    """Remove articles from a store: their facts, named graphs and what only they supported.

    Args:
        folder: the store folder.
        articles: article ids (content hashes) or article IRIs.

    Returns:
        (id, title) of each removed article.

    Raises:
        NewsgraphError: E302 when ``folder`` is not a store; E303 when an article is not in
            it (nothing is removed then); E304 when another process is changing the store;
            E305 when the store cannot be written.
    """
    path = Path(folder)
    facts = _facts_path(path)
    with locked(path):
        wanted = {_article_id(a) for a in articles}
        known = dict(store_articles(path))
        missing = sorted(wanted - known.keys())
        if missing:
            raise NewsgraphError(Errors.E303.format(where=path, article=missing[0]))
        try:
            _rewrite(facts, [ln for ln in _lines(facts) if _line_id(ln) not in wanted])
            partial = path / _PARTIAL  # an interrupted build's facts must not bring them back
            if partial.exists():
                _rewrite(partial, [ln for ln in _lines(partial) if _keep(ln, wanted)])
            update_store(path)
        except OSError as err:
            where = err.filename or path
            raise NewsgraphError(Errors.E305.format(where=where, reason=err.strerror or err)
                                 ) from err
        return [(key, known[key]) for key in sorted(wanted)]


def store_articles(folder: str | Path) -> list[tuple[str, str]]:
    """(id, title) of every article in the store, sorted by id.

    Raises:
        NewsgraphError: E302 when ``folder`` is not a store.
    """
    facts = _facts_path(Path(folder))
    found: dict[str, str] = {}
    for line in _lines(facts):
        article = json.loads(line)["article"]
        found.setdefault(str(article["id"]), str(article.get("title") or ""))
    return sorted(found.items())
