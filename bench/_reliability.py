"""Reliability of confidence: how often the statements in each confidence bin are right.

A verdict is ``(set name, confidence, right)`` for one scored prediction. The table has one row
per set and bin (count and precision) and, per set, the row ``>= 0.8`` that the confidence
promise is about: statements at 0.8 or more should be right at least nine times in ten.

>>> rows = reliability_rows([("X", 0.95, True), ("X", 0.85, False), ("X", 0.5, True)])
>>> [(r["set"], r["bin"], r["n"], r["precision"]) for r in rows if r["n"]]
[('X', '[0.9, 1.0]', 1, 1.0), ('X', '[0.8, 0.9)', 1, 0.0), ('X', '[0.0, 0.6)', 1, 1.0), \
('X', '>= 0.8', 2, 0.5)]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from _score import Table

__all__ = ["BINS", "Verdict", "reliability_rows", "reliability_table"]

Verdict = tuple[str, float, bool]

#: Confidence bins, highest first: (label, low, high), low inclusive, high exclusive.
BINS = (("[0.9, 1.0]", 0.9, 1.01), ("[0.8, 0.9)", 0.8, 0.9), ("[0.7, 0.8)", 0.7, 0.8),
        ("[0.6, 0.7)", 0.6, 0.7), ("[0.0, 0.6)", 0.0, 0.6), (">= 0.8", 0.8, 1.01))


def reliability_rows(verdicts: Iterable[Verdict]) -> list[dict[str, Any]]:
    """One row per set (in first-seen order) and bin: ``set, bin, n, precision``."""
    by_set: dict[str, list[tuple[float, bool]]] = {}
    for name, confidence, right in verdicts:
        by_set.setdefault(name, []).append((confidence, right))
    rows: list[dict[str, Any]] = []
    for name, scored in by_set.items():
        for label, low, high in BINS:
            inside = [right for conf, right in scored if low <= conf < high]
            precision = sum(inside) / len(inside) if inside else None
            rows.append({"set": name, "bin": label, "n": len(inside), "precision": precision})
    return rows


def reliability_table(verdicts: Iterable[Verdict]) -> Table:
    """The rows of `reliability_rows` as a printable table (empty bins left out)."""
    rows = [(r["set"], r["bin"], r["n"], r["precision"])
            for r in reliability_rows(verdicts) if r["n"]]
    return Table("Reliability of confidence (relations)", ("set", "confidence", "n", "P"), rows)
