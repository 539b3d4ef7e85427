"""The endpoint's query workers: a few processes that each hold the graph and run one query.

`WorkerPool` hands each query to an idle `QueryWorker`, so a slow query holds up one worker
while the others answer. A worker whose query runs past the timeout is killed (the client gets
503) and started again in the background. Answers come back as files in a private folder,
opened and unlinked at once, and are streamed to the client from there: neither process holds
a whole answer in memory, and a killed query leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extract.errors import NewsgraphError

__all__ = ["Answer", "Limits", "QueryWorker", "WorkerPool"]

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What one query may take: seconds, answer rows and bytes; how many run at once."""

    timeout: float = 30.0
    max_rows: int = 100_000
    max_bytes: int = 64 << 20
    workers: int = 2
    allow_service: bool = False


@dataclass
class Answer:
    """An answer: its status, media type, and body (in memory, or an open unlinked file)."""

    status: int
    media: str
    body: bytes = b""
    file: IO[bytes] | None = None

    @property
    def size(self) -> int:
        return os.fstat(self.file.fileno()).st_size if self.file else len(self.body)

    def chunks(self) -> Iterator[bytes]:
        """The body, piece by piece; closes the file at the end."""
        if self.file is None:
            yield self.body
            return
        with self.file:
            while chunk := self.file.read(_CHUNK):
                yield chunk

    def read(self) -> bytes:
        """The whole body (for small answers such as an HTML table)."""
        return b"".join(self.chunks())


class QueryWorker:
    """One worker process (`graph.serve.worker`): one query at a time, killed on timeout."""

    def __init__(self, source: str, limits: Limits, spool: Path) -> None:
        self.source, self.limits, self.spool, self.triples = source, limits, spool, 0
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.start()

    @property
    def alive(self) -> bool:
        return self._proc is not None

    def start(self) -> None:
        """Start the process and wait until it has loaded the graph."""
        settings = {"max_rows": self.limits.max_rows, "max_bytes": self.limits.max_bytes,
                    "network": self.limits.allow_service}
        code = "from graph.serve.worker import work; work()"
        proc = subprocess.Popen([sys.executable, "-c", code, self.source, json.dumps(settings)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._proc = proc
        assert proc.stdout is not None
        status, _, value = proc.stdout.readline().decode().strip().partition(" ")
        if status != "ready":
            self.stop()
            raise NewsgraphError(value or f"E008 {self.source}: cannot read (worker stopped).")
        self.triples = int(value)

    def stop(self) -> None:
        """Kill the process (it is started again by `start`, or by the next query)."""
        # Take the process first: `close` may stop a worker that another thread is starting.
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait()
            for pipe in (proc.stdin, proc.stdout):
                if pipe is not None:
                    pipe.close()

    def ask(self, request: dict[str, Any]) -> Answer:
        """Run one query (``query``, ``accept``, ``default``, ``named``) and return its answer."""
        out = self.spool / f"{uuid.uuid4().hex}.out"
        with self._lock:
            try:
                if self._proc is None:
                    self.start()
                proc = self._proc
                assert proc is not None and proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(json.dumps({**request, "out": str(out)}).encode() + b"\n")
                proc.stdin.flush()
                if not select.select([proc.stdout], [], [], self.limits.timeout)[0]:
                    self.stop()
                    timeout = f"query timed out after {self.limits.timeout:g} s"
                    return Answer(503, "text/plain", timeout.encode())
                status, media = proc.stdout.readline().decode().split(" ", 1)
                file = open(out, "rb")  # noqa: SIM115 (closed by Answer.chunks)
                return Answer(int(status), media.strip(), file=file)
            except (OSError, ValueError, NewsgraphError):
                self.stop()
                message = b"the query worker stopped; it restarts on the next query"
                return Answer(500, "text/plain", message)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    out.unlink()


class WorkerPool:
    """``limits.workers`` query workers over one graph; `ask` uses an idle one."""

    def __init__(self, source: str, limits: Limits) -> None:
        self.limits = limits
        self.spool = Path(tempfile.mkdtemp(prefix="newsgraph-serve-"))
        self.workers: list[QueryWorker] = []
        self._idle: queue.Queue[QueryWorker] = queue.Queue()
        self._closed = False
        try:
            for _ in range(max(1, limits.workers)):
                self.workers.append(QueryWorker(source, limits, self.spool))
        except NewsgraphError:
            self.close()
            raise
        for worker in self.workers:
            self._idle.put(worker)
        self.triples = self.workers[0].triples

    def ask(self, request: dict[str, Any]) -> Answer:
        """Run one query on an idle worker; 503 when none is free within the timeout."""
        try:
            worker = self._idle.get(timeout=self.limits.timeout)
        except queue.Empty:
            return Answer(503, "text/plain", b"the endpoint is busy; try again")
        try:
            return worker.ask(request)
        finally:
            if worker.alive:
                self._idle.put(worker)
            else:
                threading.Thread(target=self._revive, args=(worker,), daemon=True).start()

    def _revive(self, worker: QueryWorker) -> None:
        with contextlib.suppress(NewsgraphError), worker._lock:
            if not self._closed:
                worker.start()
        self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker and remove the answer folder."""
        self._closed = True
        for worker in self.workers:
            worker.stop()
        shutil.rmtree(self.spool, ignore_errors=True)
