"""Accuracy of newsgraph's extraction layer on public gold sets.

    python bench/accuracy.py --conllpp conllpp_test.txt --dwie dwie_dev.json \
        --plover plover_gsr_cameo.json --conll04 conll04_test.json [--gum DIR] \
        [--limit N] [--model NAME] [--markdown] [--errors FILE]

Every gold text goes through ``extract.pipeline.extract_facts``; one table per set is printed
(also as Markdown with ``--markdown``); ``--errors`` writes each false positive and miss as a
JSON line. CoNLL++: PER / ORG / LOC mentions, exact token spans, against bare spaCy NER (spans
equal to a gold MISC span are not counted: "American" is a country mention to newsgraph).
DWIE: B-cubed of the entity clusters over the gold mentions found, mention recall, relations
(demonyms merged with their country through ``gpe0``). PLOVER: per event type, precision of
(source, type, target) triples and recall of gold events, actors matched by name words.
CoNLL04: Work_For, Located_In, OrgBased_In, Live_In as newsgraph relations. GUM: resolution
of third-person pronouns.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reliability import Verdict, reliability_rows, reliability_table
from _score import Table
from _sets import Errors, run_conll04, run_conllpp, run_dwie, run_gum, run_plover
from spacy.language import Language

__all__ = ["main", "results"]

RelationRunner = Callable[[str, Language, "int | None", Errors, "list[Verdict]"], list[Table]]


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Accuracy of newsgraph on gold sets.")
    for name, what in (("conllpp", "CoNLL++ test file"), ("dwie", "DWIE DocRED-style JSON"),
                       ("plover", "PLOVER gold JSON"), ("conll04", "CoNLL04 test JSON"),
                       ("gum", "folder of GUM .conll coreference files")):
        parser.add_argument(f"--{name}", help=what)
    parser.add_argument("--limit", type=int, default=None, help="first N documents per set")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: en_core_web_sm)")
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    parser.add_argument("--errors", help="write false positives and misses here (JSON Lines)")
    parser.add_argument("--json", help="write the scores here (read by notebooks/03_quality)")
    parser.add_argument("--reliability", help="write precision per confidence bin here (JSON; "
                        "read by notebooks/03_quality)")
    args = parser.parse_args(argv)
    if not any((args.conllpp, args.dwie, args.plover, args.conll04, args.gum)):
        parser.error("name at least one gold set")
    return args


def results(tables: Sequence[Table]) -> dict[str, dict[str, dict[str, float]]]:
    """Scores of the tables with gold, pred, P, R and F1 columns, by table and row label."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for table in tables:
        cols = {name: i for i, name in enumerate(table.header)}
        if not {"gold", "pred", "P", "R", "F1"} <= set(cols):
            continue
        for row in table.rows:
            label = " ".join(str(v) for i, v in enumerate(row) if i < cols["gold"])
            num = {k: float(str(row[i] or 0)) for k, i in cols.items()
                   if k in {"gold", "pred", "P", "R", "F1"}}
            gold, pred = int(num["gold"]), int(num["pred"])
            tp = round(num["R"] * gold)
            out.setdefault(table.title, {})[label] = {
                "p": num["P"], "r": num["R"], "f1": num["F1"], "tp": tp,
                "fp": max(pred - tp, 0), "fn": gold - tp,
            }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Score the gold sets named on the command line and print the tables."""
    import spacy

    from extract.nlp import load_nlp, resolve_model

    args = _parse(argv)
    nlp = load_nlp(args.model)
    errors: Errors = []
    verdicts: list[Verdict] = []
    runs: list[tuple[str, Callable[[], list[Table]]]] = []
    if args.conllpp:
        bare = spacy.load(resolve_model(args.model))
        runs.append(("CoNLL++", lambda: run_conllpp(args.conllpp, nlp, bare, args.limit, errors)))
    sets: list[tuple[str, str | None, RelationRunner]] = [
        ("DWIE", args.dwie, run_dwie), ("PLOVER", args.plover, run_plover),
        ("CoNLL04", args.conll04, run_conll04)]
    runs += [(name, partial(run, path, nlp, args.limit, errors, verdicts))
             for name, path, run in sets if path]
    if args.gum:
        runs.append(("GUM", partial(run_gum, args.gum, nlp, args.limit, errors)))
    tables: list[Table] = []
    for name, run_set in runs:
        began = time.perf_counter()
        found = run_set()
        for table in found:
            print(table.plain(), end="\n\n", flush=True)
        print(f"{name}: {time.perf_counter() - began:.1f} s", file=sys.stderr)
        tables.extend(found)
    if verdicts:
        tables.append(reliability_table(verdicts))
        print(tables[-1].plain(), end="\n\n")
    if args.markdown:
        print("\n\n".join(t.markdown() for t in tables), end="\n\n")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results(tables), indent=1) + "\n",
                                   encoding="utf-8")
    if args.reliability:
        Path(args.reliability).parent.mkdir(parents=True, exist_ok=True)
        Path(args.reliability).write_text(
            json.dumps(reliability_rows(verdicts), indent=1) + "\n", encoding="utf-8")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
