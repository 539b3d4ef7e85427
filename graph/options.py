"""Checks of a build's options, made before any output is touched or the NLP starts.

Each bad option is a `NewsgraphError` with its own code and a one-line message:

- E101: the spaCy pipeline is not installed;
- E102: a ``--kb`` file is missing or cannot be read (a folder, a FIFO, no permission);
- E103: a ``--kb`` file is not a knowledge-base file (not UTF-8, not JSON, wrong fields);
- E104: ``--base-iri`` is not an absolute http(s) IRI ending in ``/`` or ``#``;
- E105: ``--workers``, ``--max-file-size`` or ``--scheduler`` out of range.

>>> check_base_iri("https://example.org/id/")
>>> try:
...     check_base_iri("example.org/id/")
... except NewsgraphError as err:
...     err.code
'E104'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from extract.errors import Errors, InputProblem, NewsgraphError

__all__ = ["check_base_iri", "check_kb_files", "check_options"]

#: Characters an IRI may not hold (RFC 3987), besides controls.
_NOT_IN_IRI = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f]")
_KB_MAX_BYTES = 64 * 1024 * 1024


def check_base_iri(base: str) -> None:
    """Raise E104 unless ``base`` can start every data IRI of the graph."""
    reason = None
    bad = _NOT_IN_IRI.search(base)
    try:
        parts = urlsplit(base)
    except ValueError as err:
        parts, reason = None, str(err)
    if bad is not None:
        reason = f"holds {bad.group()!r}, which an IRI may not hold"
    elif parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        reason = reason or "not an absolute http(s) IRI"
    elif not base.endswith(("/", "#")):
        reason = "does not end in '/' or '#'"
    if reason is not None:
        raise NewsgraphError(Errors.E104.format(where=base, reason=reason))


def check_kb_files(paths: Sequence[str | Path]) -> None:
    """Raise E102 or E103 unless every file is a readable knowledge-base file."""
    from extract.inputs import read_input
    from extract.kb import parse_kb

    for path in paths:
        data = read_input(Path(path), _KB_MAX_BYTES)
        if isinstance(data, InputProblem):  # E008, E009, E015 or E016: say why, as E102
            reason = str(data).split(": ", 1)[-1].rstrip(".")
            raise NewsgraphError(Errors.E102.format(where=path, reason=reason))
        try:
            parse_kb(data.decode("utf-8"), str(path))
        except UnicodeDecodeError as err:
            reason = f"not UTF-8 at byte {err.start}"
            raise NewsgraphError(Errors.E103.format(where=path, reason=reason)) from None
        except ValueError as err:
            reason = str(err).removeprefix(f"{path}: ").replace("\n", " ")
            raise NewsgraphError(Errors.E103.format(where=path, reason=reason)) from None


def check_options(
    *, model: str | None, base: str | None, kb: Sequence[str | Path], workers: int | None,
    scheduler: str | None, max_bytes: int,
) -> None:
    """Raise the error of the first bad option (see the module doc); return if all are good."""
    if workers is not None and workers < 1:
        raise NewsgraphError(Errors.E105.format(
            option="--workers", where=str(workers), reason="give 1 or more processes"))
    if max_bytes < 1:
        raise NewsgraphError(Errors.E105.format(
            option="--max-file-size", where=str(max_bytes), reason="give a positive size"))
    if scheduler is not None and not re.fullmatch(r"(?:tcp|tls|inproc)://\S+", scheduler):
        raise NewsgraphError(Errors.E105.format(
            option="--scheduler", where=scheduler, reason="give an address tcp://HOST:PORT"))
    if base is not None:
        check_base_iri(base)
    check_kb_files(kb)
    if scheduler is None:  # on a cluster the workers have the model, not this machine
        from extract.nlp import resolve_model

        resolve_model(model)
