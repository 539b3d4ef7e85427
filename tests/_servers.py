"""Throwaway triple stores for interoperability tests.

`virtuoso` starts Virtuoso 7 (Debian ``virtuoso-opensource-7-bin``) on a fresh database in a
temporary folder, listening on loopback ports only, and stops it after. `rapper_count` parses a
file with Raptor's ``rapper`` (Debian ``raptor2-utils``).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ISQL", "RAPPER", "VIRTUOSO", "Virtuoso", "free_port", "rapper_count", "virtuoso"]

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
RAPPER = shutil.which("rapper")

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 4
CheckpointInterval = 0
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 30
"""

#: Parser names of ``rapper -i`` per file extension.
RAPPER_SYNTAX = {".ttl": "turtle", ".nt": "ntriples", ".trig": "trig", ".nq": "nquads",
                 ".rdf": "rdfxml"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def rapper_count(path: Path) -> int:
    """Triples (or quads) Raptor parses from ``path``; raises AssertionError on any error."""
    assert RAPPER is not None
    done = subprocess.run([RAPPER, "-i", RAPPER_SYNTAX[path.suffix], "-c", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr and "Warning" not in done.stderr, done.stderr
    return int(done.stderr.rsplit("returned", 1)[1].split()[0])


@dataclass
class Virtuoso:
    """A running Virtuoso: its folder (the only one it may read files from) and ports."""

    dir: Path
    port: int
    http_port: int
    process: subprocess.Popen[bytes]

    def isql(self, sql: str) -> str:
        """Run SQL through isql; raises AssertionError when Virtuoso reports an error."""
        assert ISQL is not None
        done = subprocess.run([ISQL, f"127.0.0.1:{self.port}", "dba", "dba", f"exec={sql}"],
                              capture_output=True, text=True, timeout=60, check=False)
        output = done.stdout + done.stderr
        assert done.returncode == 0 and "*** Error" not in output, output
        return output

    def load(self, path: Path, graph: str) -> None:
        """Load a Turtle, TriG or N-Quads file (TriG / N-Quads keep their own graph names)."""
        flags = {".trig": 256, ".nq": 512}.get(path.suffix, 0)
        target = self.dir / path.name
        shutil.copyfile(path, target)
        self.isql(f"DB.DBA.TTLP_MT(file_to_string_output('{target}'), '', '{graph}', {flags});")

    def sparql(self, query: str, graph: str | None = None) -> dict[str, Any]:
        """SPARQL 1.1 Protocol GET; the SPARQL JSON results."""
        params = {"query": query} | ({"default-graph-uri": graph} if graph else {})
        url = f"http://127.0.0.1:{self.http_port}/sparql?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            data: dict[str, Any] = json.load(response)
        return data


def _wait(server: Virtuoso, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        with contextlib.suppress(AssertionError, subprocess.TimeoutExpired):
            server.isql("select 1;")
            with socket.create_connection(("127.0.0.1", server.http_port), timeout=1):
                return
        time.sleep(0.3)
    log = (server.dir / "virtuoso.log").read_text(errors="replace")[-2000:]
    raise RuntimeError(f"Virtuoso did not start:\n{log}")


@contextlib.contextmanager
def virtuoso(folder: Path, start_timeout: float = 40.0) -> Iterator[Virtuoso]:
    """Start Virtuoso on a new database in ``folder``; stop it when the block ends."""
    assert VIRTUOSO is not None and ISQL is not None
    folder.mkdir(parents=True, exist_ok=True)
    port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(dir=folder, port=port, http_port=http_port), encoding="utf-8")
    with open(folder / "stdout.log", "wb") as log:
        process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)],
                                   cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    server = Virtuoso(folder, port, http_port, process)
    try:
        _wait(server, time.monotonic() + start_timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
