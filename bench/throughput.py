"""Throughput of a full newsgraph build against bare spaCy on the same texts.

Usage::

    python bench/throughput.py CORPUS.jsonl [--limit 500] [--workers 1,2] [--rounds 2]
                               [--baseline DIR] [--profile] [--markdown]

Each measurement runs in its own child process (so peak memory is that run's own), and bare
and full runs alternate round by round, so that a noisy, shared machine slows both alike:

- ``bare``: ``spacy.load(model)`` and ``nlp.pipe`` over the article texts, nothing else;
- ``full``: ``newsgraph build`` (read, clean, extract, merge, write Turtle, GraphML, HTML)
  with ``--workers N`` for each N given;
- ``baseline``: with ``--baseline DIR``, the same 1-worker build with the code of another
  checkout ``DIR`` (an earlier release, say), so that its ratio to bare spaCy comes from the
  same rounds as the others.

Each child imports newsgraph from its own checkout (this one, or ``DIR``).

Printed: words/s, ratio of the full build to bare spaCy (1-worker), speed-up per worker count,
peak RSS, and whether every full build wrote byte-identical Turtle. For the runs in one process
(bare spaCy and 1-worker builds) also their CPU seconds and its ratio, which other processes on
a busy machine disturb much less than wall-clock time. ``--profile`` adds the
top functions of a 1-worker build by own time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _subset(corpus: Path, limit: int, dest: Path) -> tuple[int, int]:
    """First ``limit`` articles of ``corpus`` into ``dest``; (articles, words)."""
    n = words = 0
    with open(corpus, encoding="utf-8") as src, open(dest, "w", encoding="utf-8") as out:
        for line in src:
            if n >= limit:
                break
            if not line.strip():
                continue
            text = json.loads(line).get("text") or ""
            words += len(text.split())
            out.write(line)
            n += 1
    return n, words


def _child_bare(path: Path) -> dict[str, float]:
    import spacy

    from extract.articles import read_articles
    from extract.facts import Article
    from extract.nlp import resolve_model

    texts = [a.text for a in read_articles([path]) if isinstance(a, Article)]
    nlp = spacy.load(resolve_model(None))
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def _child_full(path: Path, workers: int, out: Path) -> dict[str, float | str]:
    from graph.run import build

    start, cpu = time.perf_counter(), time.process_time()
    report, _kg = build([path], out, workers=workers)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    digest = hashlib.sha256((out / "graph.ttl").read_bytes()).hexdigest()
    return {"seconds": seconds, "cpu": cpu, "turtle": digest, "articles": report.articles}


def _child(argv: list[str]) -> None:
    kind, path = argv[0], Path(argv[1])
    if kind == "bare":
        result: dict[str, object] = dict(_child_bare(path))
    else:
        result = dict(_child_full(path, int(argv[2]), Path(argv[3])))
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["peak_rss_mb"] = max(self_kb, kids_kb) / 1024
    print(json.dumps(result))


def _run(*args: str, tree: Path = ROOT) -> dict[str, object]:
    """Run a child measurement with the newsgraph code of ``tree`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(tree), os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True,
                          text=True, check=True, cwd=tree, env=env)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _profile(path: Path, top: int = 20) -> str:
    import cProfile
    import io
    import pstats

    from graph.run import build

    with tempfile.TemporaryDirectory() as tmp:
        prof = cProfile.Profile()
        prof.enable()
        build([path], tmp, workers=1)
        prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).sort_stats("tottime")
    stats.print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "--child":
        _child(args[1:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSON Lines corpus (id, title, text, ...)")
    parser.add_argument("--limit", type=int, default=500, help="articles to use")
    parser.add_argument("--workers", default="1,2", help="worker counts for the full build")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another checkout whose 1-worker build is measured alongside")
    parser.add_argument("--profile", action="store_true", help="profile a 1-worker build")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    opts = parser.parse_args(args)
    sys.path.insert(0, str(ROOT))
    counts = [int(w) for w in opts.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "corpus.jsonl"
        n, words = _subset(opts.corpus, opts.limit, subset)
        times: dict[str, list[float]] = {"bare": [], **{f"full-{w}": [] for w in counts}}
        if opts.baseline is not None:
            times["baseline-1"] = []
        baseline_digests: set[str] = set()
        rss: dict[str, float] = {}
        cpu: dict[str, list[float]] = {name: [] for name in times}
        digests: set[str] = set()
        for r in range(opts.rounds):
            for name in times:
                if name == "bare":
                    res = _run("bare", str(subset))
                elif name == "baseline-1":
                    res = _run("full", str(subset), "1", f"{tmp}/out-{name}-{r}",
                               tree=opts.baseline.resolve())
                    baseline_digests.add(str(res["turtle"]))
                else:
                    res = _run("full", str(subset), name.split("-")[1], f"{tmp}/out-{name}-{r}")
                    digests.add(str(res["turtle"]))
                times[name].append(float(str(res["seconds"])))
                cpu[name].append(float(str(res["cpu"])))
                rss[name] = max(rss.get(name, 0.0), float(str(res["peak_rss_mb"])))
                print(f"round {r + 1} {name}: {times[name][-1]:.1f} s", file=sys.stderr)
        best = {k: min(v) for k, v in times.items()}
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{n} articles, {words} words, {opts.rounds} rounds (best of rounds)")
        rows = [("run", "seconds", "words/s", "vs bare spaCy", "speed-up", "peak RSS MB",
                 "CPU s (vs bare)")]
        best_cpu = {k: min(v) for k, v in cpu.items()}
        for name in times:
            ratio = best["bare"] / best[name]
            speed = best[f"full-{counts[0]}"] / best[name] if name != "bare" else float("nan")
            one_process = name in ("bare", "full-1", "baseline-1")
            rows.append((name, f"{best[name]:.1f} (median {med[name]:.1f})",
                         f"{words / best[name]:.0f}", f"{ratio:.2f}",
                         "" if name in ("bare", "baseline-1") else f"{speed:.2f}x",
                         f"{rss[name]:.0f}",
                         f"{best_cpu[name]:.1f} ({best_cpu['bare'] / best_cpu[name]:.2f})"
                         if one_process else ""))
        if opts.markdown:
            print("| " + " | ".join(rows[0]) + " |")
            print("|" + "---|" * len(rows[0]))
            for row in rows[1:]:
                print("| " + " | ".join(row) + " |")
        else:
            for row in rows:
                print("  ".join(f"{c:<24}" for c in row))
        print(f"byte-identical Turtle across full builds: {len(digests) == 1}")
        if opts.baseline is not None:
            print(f"baseline: {opts.baseline}; its Turtle identical to the full builds': "
                  f"{baseline_digests == digests and len(digests) == 1}")
        if opts.profile:
            print(_profile(subset))
    return 0


if __name__ == "__main__":
    sys.exit(main())
