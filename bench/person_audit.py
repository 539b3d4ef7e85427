"""Audit of PERSON nodes on a reproducible sample of a news corpus.

Usage::

    python bench/person_audit.py sample CORPUS.jsonl SAMPLE.jsonl [--size 200] [--seed 7]
                                        [--exclude ID ...]
    newsgraph build SAMPLE.jsonl -o OUT
    python bench/person_audit.py list OUT SAMPLE.jsonl [--format json|csv] [-o FILE]

``sample`` draws ``--size`` articles (lines with text) at random with a fixed ``--seed``, skipping
the corpus ids given to ``--exclude``, and writes them, in corpus order, to ``SAMPLE.jsonl``
(keep that file outside the project: the texts are third-party). ``list`` reads
``OUT/graph.ttl`` and ``OUT/facts.jsonl`` of a build of that sample and lists every
``schema:Person`` node: its label, the corpus ids of the articles that mention it, and one
sentence in which it occurs (for judging by hand; not to be copied into the project).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HELD_OUT = ("6xEbgF191xGNVO8E", "54NgzMGZPbiumxXS", "7vrJ4WwsHwn0312B", "3gv8urYQeUU5cbHQ")


def _records(corpus: Path) -> Iterator[dict[str, Any]]:
    with open(corpus, encoding="utf-8") as src:
        for line in src:
            if line.strip():
                rec = json.loads(line)
                if isinstance(rec, dict) and (rec.get("text") or "").strip():
                    yield rec


def sample(corpus: Path, dest: Path, size: int, seed: int, exclude: set[str]) -> int:
    """Write ``size`` random articles of ``corpus`` (fixed ``seed``) to ``dest``; the count."""
    records = [r for r in _records(corpus) if str(r.get("id")) not in exclude]
    picked = sorted(random.Random(seed).sample(range(len(records)), min(size, len(records))))
    with open(dest, "w", encoding="utf-8") as out:
        for i in picked:
            out.write(json.dumps(records[i], ensure_ascii=False) + "\n")
    return len(picked)


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around the characters ``start:end`` (a rough cut)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    stop = _SENTENCE_END.search(text, end)
    right = stop.end() if stop else len(text)
    return " ".join(text[left:right].split())[:400]


def _persons(graph: Path) -> dict[str, str]:
    """IRI -> label of every ``schema:Person`` node of ``graph``."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    query = """PREFIX schema: <http://schema.org/>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?p (SAMPLE(?l) AS ?label) WHERE {
      ?p a schema:Person . OPTIONAL { ?p rdfs:label|schema:name ?l } } GROUP BY ?p"""
    out: dict[str, str] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        label = row["label"]
        out[row["p"].value] = label.value if label is not None else ""
    return out


def list_persons(out_dir: Path, sample_path: Path) -> list[dict[str, Any]]:
    """Every Person node of a build of the sample: label, corpus ids, forms, one sentence."""
    from extract.articles import read_articles
    from extract.facts import Article

    corpus_ids = [str(r.get("id")) for r in _records(sample_path)]
    texts = {a.id: a.text for a in read_articles([sample_path]) if isinstance(a, Article)}
    facts: dict[str, dict[str, Any]] = {}
    with open(out_dir / "facts.jsonl", encoding="utf-8") as src:
        for line in src:
            rec = json.loads(line)
            facts[rec["article"]["id"]] = rec
    merges = {m["iri"]: m for m in json.loads((out_dir / "merges.json").read_text("utf-8"))}
    rows: list[dict[str, Any]] = []
    for iri, label in sorted(_persons(out_dir / "graph.ttl").items()):
        forms = merges.get(iri, {}).get("forms", [])
        for form in forms:
            rec = facts.get(form["article"], {})
            origin = str(rec.get("article", {}).get("origin", ""))
            line_no = int(origin.rsplit(":", 1)[1]) if ":" in origin else 0
            names = {form["form"], *form.get("also_written", [])}
            keys = {e["key"] for e in rec.get("entities", []) if e["name"] in names}
            spans = [(m["start"], m["end"]) for m in rec.get("mentions", [])
                     if m["entity"] in keys]
            text = texts.get(form["article"], "")
            rows.append({
                "iri": iri, "label": label, "form": form["form"],
                "article": corpus_ids[line_no - 1] if 0 < line_no <= len(corpus_ids) else "",
                "mentions": len(spans),
                "evidence": _sentence(text, *spans[0]) if spans and text else "",
            })
        if not forms:
            rows.append({"iri": iri, "label": label, "form": "", "article": "", "mentions": 0,
                         "evidence": ""})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="write a reproducible random sample of a corpus")
    s.add_argument("corpus", type=Path)
    s.add_argument("dest", type=Path)
    s.add_argument("--size", type=int, default=200)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--exclude", nargs="*", default=list(HELD_OUT),
                   help="corpus ids never sampled (default: the held-out articles)")
    lst = sub.add_parser("list", help="list the Person nodes of a build of the sample")
    lst.add_argument("out", type=Path, help="the build's output folder")
    lst.add_argument("sample", type=Path)
    lst.add_argument("--format", choices=("json", "csv"), default="json")
    lst.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.cmd == "sample":
        n = sample(args.corpus, args.dest, args.size, args.seed, set(args.exclude))
        print(f"{n} articles (seed {args.seed}) -> {args.dest}", file=sys.stderr)
        return 0
    rows = list_persons(args.out, args.sample)
    buf = io.StringIO(newline="")
    if args.format == "json":
        json.dump(rows, buf, ensure_ascii=False, indent=1)
        buf.write("\n")
    else:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["iri"])
        writer.writeheader()
        writer.writerows(rows)
    if args.output:
        args.output.write_text(buf.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(buf.getvalue())
    nodes = len({r["iri"] for r in rows})
    print(f"{nodes} Person nodes, {len(rows)} (node, article) rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
