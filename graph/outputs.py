"""All outputs of a build or none: written into a staging folder, then moved in together.

The staging folder is a hidden folder inside the output folder (so on the same filesystem, and
each move is one rename). Nothing in the output folder changes until every file is written;
then each file is renamed over its old version. A build that fails while writing (a full disk)
leaves the earlier outputs as they were, and a staging folder left by a killed build is removed
by the next build into that folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["STAGING_PREFIX", "staging"]

#: Name prefix of staging folders (hidden, so never read as input or listed as output).
STAGING_PREFIX = ".newsgraph-staging-"


class Staging:
    """A staging folder: `path` gives where to write a file; `commit` moves them all in."""

    def __init__(self, folder: Path, out: Path) -> None:
        self.folder = folder
        self.out = out
        self.names: list[str] = []

    def path(self, name: str) -> Path:
        """Where to write the output ``name`` (moved to ``out/name`` by `commit`)."""
        if name not in self.names:
            self.names.append(name)
        return self.folder / name

    def final(self, path: str | os.PathLike[str]) -> Path:
        """The output path a staged path stands for (for messages)."""
        path = Path(path)
        return self.out / path.name if path.parent == self.folder else path

    def commit(self) -> None:
        """Rename every staged file over its output, in the order they were first named."""
        for name in self.names:
            staged = self.folder / name
            if staged.exists():
                os.replace(staged, self.out / name)


def _remove_stale(out: Path) -> None:
    for stale in out.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Staging]:
    """A fresh staging folder in ``out`` (made if needed), removed when the block ends.

    The caller holds ``out``'s build lock, so stale staging folders there are removed first.
    """
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    try:
        yield Staging(folder, out)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
