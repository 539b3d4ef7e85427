"""Finding the files that inputs name, and the problems met on the way.

An input is a file or a folder. Folders are walked recursively in sorted name order; hidden
entries and folder documentation (README, LICENSE, CHANGELOG, CONTRIBUTING) are skipped, and
files with other extensions and symlink loops are reported as warnings. Problems are
`InputProblem` objects with one-line messages, yielded in place of what could not be read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from extract.errors import Errors, InputProblem

__all__ = ["SUPPORTED_EXTENSIONS", "input_files", "input_problem", "os_problem"]

#: File extensions read by `extract.articles.read_articles` (compared case-insensitively).
SUPPORTED_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})

# Folder documentation that is not an article (skipped in folder walks, read if named).
_DOC_FILES = re.compile(r"(?:readme|licen[cs]e|changelog|contributing)(?:\.\w+)?", re.I)


def input_problem(template: str, where: str, warning: bool = False,
                  **values: object) -> InputProblem:
    """An `InputProblem` whose message is one line, whatever the path or reason holds.

    >>> str(input_problem("E009 {where}: no such file or folder.", "a\\nb"))
    'E009 a\\\\nb: no such file or folder.'
    """
    message = template.format(where=where, **values)
    message = message.replace("\r", "\\r").replace("\n", "\\n")
    return InputProblem(message, where, warning=warning)


def os_problem(exc: OSError, where: str) -> InputProblem:
    """The problem for a file or folder the system would not read (E009 or E008)."""
    if isinstance(exc, FileNotFoundError):
        return input_problem(Errors.E009, where)
    reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
    return input_problem(Errors.E008, where, reason=reason)


def input_files(path: Path) -> Iterator[Path | InputProblem]:
    """The readable files named by one input: the file itself, or a folder's files.

    A file named explicitly with an unsupported extension is an error (E004); inside a folder
    it is a warning.
    """
    if not os.path.lexists(path):
        yield input_problem(Errors.E009, str(path))
    elif path.is_dir():
        yield from _walk(path, frozenset())
    elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        yield input_problem(Errors.E004, str(path), ext=path.suffix)
    else:
        yield path


def _walk(folder: Path, parents: frozenset[tuple[int, int]]) -> Iterator[Path | InputProblem]:
    try:
        stat = folder.stat()
        key = (stat.st_dev, stat.st_ino)
        if key in parents:
            reason = "symlink loop back to a parent folder; skipped"
            yield input_problem(Errors.E008, str(folder), warning=True, reason=reason)
            return
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield os_problem(exc, str(folder))
        return
    for entry in entries:
        child = folder / entry.name
        if entry.name.startswith(".") or _DOC_FILES.fullmatch(entry.name):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(child, parents | {key})
        elif child.suffix.lower() in SUPPORTED_EXTENSIONS:
            yield child
        else:
            yield input_problem(Errors.E004, str(child), warning=True, ext=child.suffix)
