"""Draw stance statements of a build at random, with their evidence, for judging by hand.

Precision on unseen news is measured this way (``bench/results/stance_precision.md``): build a
slice of a corpus no rule was tuned on, draw a fixed number of stance statements with a fixed
seed, and give each to a reader with the sentence and the part of the article before it. The
reader judges each right or wrong by the annotation guidelines, without seeing any code.

Usage: python bench/stance_sample.py BUILD/facts.jsonl INPUT.jsonl [--n 90] [--seed 7]
       [-o sample.jsonl]

``INPUT.jsonl`` is the file the build read: each statement's article is found again by the
line number its origin gives, to cut the context from the article's text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from stance_diff import STANCES

from extract.facts import read_facts

#: Characters of the article given before the evidence sentence.
CONTEXT = 700


def _texts(path: Path) -> dict[int, str]:
    """Article text by 1-based line number of a JSONL file."""
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                out[number] = str(json.loads(line).get("text", ""))
            except (json.JSONDecodeError, AttributeError) as err:
                print(f"{path}:{number}: not a JSON object ({err}); its statements get no "
                      "context", file=sys.stderr)
    return out


def _context(text: str, sentence: str) -> str:
    """Up to :data:`CONTEXT` characters of ``text`` before ``sentence`` (the start of the
    text when the sentence is not found verbatim, as after cleaning)."""
    at = text.find(sentence[:80])
    if at < 0:
        return text[:CONTEXT]
    return text[max(0, at - CONTEXT):at]


def stance_sample(facts_path: Path, input_path: Path, n: int, seed: int) -> list[dict[str, object]]:
    """``n`` stance statements of a build drawn at random, each with its evidence."""
    texts = _texts(input_path)
    rows: list[dict[str, object]] = []
    for facts in read_facts(facts_path):
        names = {e.key: e.name for e in facts.entities}
        line = int(facts.article.origin.rsplit(":", 1)[-1]) if facts.article.origin else 0
        for rel in facts.relations:
            if rel.predicate not in STANCES or rel.obj is None:
                continue
            rows.append({
                "article_origin": facts.article.origin, "subject": names[rel.subject],
                "predicate": rel.predicate, "object": names[rel.obj],
                "polarity": rel.polarity, "modality": rel.modality,
                "confidence": rel.confidence, "rule": rel.rule, "sentence": rel.sentence,
                "context": _context(texts.get(line, ""), rel.sentence),
            })
    random.Random(seed).shuffle(rows)
    return rows[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("facts", type=Path)
    parser.add_argument("input", type=Path)
    parser.add_argument("--n", type=int, default=90)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    rows = stance_sample(args.facts, args.input, args.n, args.seed)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.output:
        out.close()
    print(f"{len(rows)} statements drawn", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
