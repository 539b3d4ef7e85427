"""Stance statements that one build has and another has not: what a change adds or removes.

Compares two builds' ``facts.jsonl`` statement by statement (article, subject, predicate,
object, polarity), stance predicates only, and prints each statement only one build has,
with its rule and evidence sentence, for judging by hand (``bench/results/stance_check.md``
was made this way). With ``--said`` it compares the said statements instead, by their
speaker and the first 60 characters of what was said (``bench/results/said_check.md``).

Usage: python bench/stance_diff.py [--said] OLD/facts.jsonl NEW/facts.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

from extract.facts import read_facts

#: The predicates the real-news scorer counts as stances.
STANCES = frozenset({"discussedWith", "namedAsThreat", "threatened", "accused", "criticized",
                     "supports", "rejected", "agreedWith", "cooperatesWith", "sanctioned"})

Key = tuple[str, str, str, str, str]


def stance_statements(
    path: str | Path, predicates: frozenset[str] = STANCES
) -> dict[Key, tuple[str, str]]:
    """(article, subject, predicate, object, polarity) -> (rule, sentence) of a build; the
    object of a said statement is the start of what was said."""
    out: dict[Key, tuple[str, str]] = {}
    for facts in read_facts(path):
        names = {e.key: e.name for e in facts.entities}
        for rel in facts.relations:
            if rel.predicate not in predicates:
                continue
            obj = names[rel.obj] if rel.obj is not None else (rel.value or "")[:60]
            if obj:
                key = (facts.article.id, names[rel.subject], rel.predicate, obj, rel.polarity)
                out[key] = (rel.rule, rel.sentence)
    return out


def stance_diff(
    old: str | Path, new: str | Path, predicates: frozenset[str] = STANCES
) -> tuple[list[str], list[str]]:
    """Lines for the statements of ``predicates`` only ``old`` has, and those only ``new``
    has."""
    before, after = stance_statements(old, predicates), stance_statements(new, predicates)

    def lines(only: set[Key], source: dict[Key, tuple[str, str]]) -> list[str]:
        return [f"{k[1]} {k[2]} {k[3]} ({k[4]}) | {source[k][0]} | {source[k][1][:240]}"
                for k in sorted(only)]

    return lines(set(before) - set(after), before), lines(set(after) - set(before), after)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    predicates = frozenset({"said"}) if "--said" in args else STANCES
    args = [a for a in args if a != "--said"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    removed, added = stance_diff(args[0], args[1], predicates)
    for line in removed:
        print("-", line)
    for line in added:
        print("+", line)
    print(f"{len(removed)} removed, {len(added)} added")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
