"""Progress lines for long builds: articles and characters extracted so far, and the time.

A line is given to ``echo`` when ``every`` seconds have passed since the last one (``every=0``:
after every article and every piece of a long article). Nothing is printed for builds that end
sooner.

>>> lines = []
>>> progress = Progress(lines.append, every=0)
>>> progress.chunk(1200); progress.article()
>>> lines[-1].startswith("progress: 1 article(s) extracted, 1,200 characters")
True
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["Progress"]


class Progress:
    """Counts articles and characters extracted, and says so every ``every`` seconds."""

    def __init__(self, echo: Callable[[str], None], every: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.echo = echo
        self.every = every
        self.clock = clock
        self.articles = 0
        self.chars = 0
        self.started = self.last = clock()

    def chunk(self, chars: int) -> None:
        """A piece of an article (``chars`` characters) went through the NLP."""
        self.chars += chars
        self._maybe()

    def article(self, chars: int = 0) -> None:
        """An article is done (``chars``: its characters not yet counted by `chunk`)."""
        self.articles += 1
        self.chars += chars
        self._maybe()

    def _maybe(self) -> None:
        now = self.clock()
        if now - self.last < self.every:
            return
        self.last = now
        elapsed = int(now - self.started)
        self.echo(f"progress: {self.articles} article(s) extracted, {self.chars:,} characters, "
                  f"{elapsed // 60}m{elapsed % 60:02d}s")
