"""Finding the files that inputs name, and the problems met on the way.

An input is a file or a folder. Folders are walked recursively in sorted name order; hidden
entries and folder documentation (README, LICENSE, CHANGELOG, CONTRIBUTING) are skipped with a
warning (E017), and so are files with other extensions and symlink loops. Only regular files
are read (after resolving links: a FIFO or a device is an error, E015), and only up to a size
limit (E016). Problems are `InputProblem` objects with one-line messages, yielded in place of
what could not be read.
"""

from __future__ import annotations

import os
import re
import stat as stat_mode
from collections.abc import Iterator
from pathlib import Path

from extract.errors import Errors, InputProblem

__all__ = [
    "MAX_FILE_BYTES", "SUPPORTED_EXTENSIONS", "input_files", "input_problem", "os_problem",
    "read_input",
]

#: File extensions read by `extract.articles.read_articles` (compared case-insensitively).
SUPPORTED_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})

#: Largest input file read, in bytes (``newsgraph build --max-file-size`` sets it in MB).
MAX_FILE_BYTES = 256 * 1024 * 1024

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
    return InputProblem(message, where, warning=warning, code=template.split(" ", 1)[0])


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
        if entry.name.startswith("."):
            yield input_problem(Errors.E017, str(child), warning=True, reason="hidden")
            continue
        if _DOC_FILES.fullmatch(entry.name):
            reason = "folder documentation, not an article"
            yield input_problem(Errors.E017, str(child), warning=True, reason=reason)
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


_KINDS = (
    (stat_mode.S_ISDIR, "a folder"), (stat_mode.S_ISFIFO, "a FIFO"),
    (stat_mode.S_ISCHR, "a character device"), (stat_mode.S_ISBLK, "a block device"),
    (stat_mode.S_ISSOCK, "a socket"),
)


def read_input(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes | InputProblem:
    """The bytes of a regular file (links resolved) of at most ``max_bytes``, or the problem.

    The file is opened without blocking and checked before anything is read, so a FIFO or a
    device (``/dev/zero``) is refused (E015) instead of hanging or filling memory, and a file
    over the limit is refused (E016) even when it grows while being read.
    """
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return os_problem(exc, where)
    try:
        info = os.fstat(fd)
        if not stat_mode.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a file")
            return input_problem(Errors.E015, where, kind=kind)
        if info.st_size > max_bytes:
            return input_problem(Errors.E016, where, size=info.st_size, limit=max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            return input_problem(Errors.E016, where, size=f"over {max_bytes}", limit=max_bytes)
        return data
    except OSError as exc:
        return os_problem(exc, where)
    finally:
        os.close(fd)
