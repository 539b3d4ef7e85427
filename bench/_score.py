"""Scoring for the accuracy harness: counts, P/R/F1, B-cubed, actor matching, tables.

Span matching (:func:`match_span`) lives in ``_align`` and is importable from here too.

>>> s = PRF(hit_pred=3, pred=4, hit_gold=3, gold=6)
>>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 2)
(0.75, 0.5, 0.6)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from _align import match_span

from extract.facts import ArticleFacts, Relation
from extract.kb import load_kb, normalise_name

__all__ = [
    "PRF",
    "Table",
    "actor_matches",
    "actors_match",
    "bcubed",
    "entity_names",
    "judge_events",
    "judge_relations",
    "match_span",
    "name_words",
    "score_sets",
    "tally",
]

GoldRelation = tuple[str, Hashable, Hashable]
Triple = tuple[str, str, str]


@dataclass
class PRF:
    """Counts behind precision and recall.

    ``hit_pred`` of the ``pred`` predicted items are correct; ``hit_gold`` of the ``gold`` gold
    items were found. The two hit counts differ when one prediction can cover several gold
    items (or the reverse).
    """

    hit_pred: int = 0
    pred: int = 0
    hit_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are correct; 0.0 when nothing was predicted."""
        return self.hit_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found; 0.0 when there is no gold item."""
        return self.hit_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        """Add ``other``'s counts to these."""
        self.hit_pred += other.hit_pred
        self.pred += other.pred
        self.hit_gold += other.hit_gold
        self.gold += other.gold

    def row(self) -> tuple[int, int, float, float, float]:
        """``(gold, predicted, precision, recall, F1)`` for a table."""
        return self.gold, self.pred, self.precision, self.recall, self.f1


def score_sets(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """Exact-match counts of two sets of items.

    >>> score_sets({1, 2, 3}, {2, 3, 4, 5})
    PRF(hit_pred=2, pred=4, hit_gold=2, gold=3)
    """
    g, p = set(gold), set(predicted)
    return PRF(len(g & p), len(p), len(g & p), len(g))


def tally(scores: dict[str, PRF], key: str, counts: PRF) -> None:
    """Add ``counts`` to ``scores[key]`` and to ``scores["all"]``.

    >>> scores: dict[str, PRF] = {}
    >>> tally(scores, "x", PRF(1, 2, 0, 1)); scores["all"]
    PRF(hit_pred=1, pred=2, hit_gold=0, gold=1)
    """
    for name in (key, "all"):
        scores.setdefault(name, PRF()).add(counts)


def judge_relations(
    gold: Iterable[GoldRelation],
    predicted: Iterable[Triple],
    links: Mapping[str, set[Any]],
    symmetric: Container[str] = (),
) -> tuple[dict[Triple, bool], set[GoldRelation]]:
    """Match predicted relations to gold relations through the gold entities of their arguments.

    Args:
        gold: ``(type, head id, tail id)`` gold relations.
        predicted: ``(type, subject key, object key)`` predicted relations.
        links: Predicted entity key -> the gold ids its mentions stand for.
        symmetric: Types whose arguments may come in either order.

    Returns:
        Each predicted relation with whether it is correct, and the gold relations found.

    >>> judge_relations({("in", 1, 2)}, {("in", "a", "b"), ("in", "b", "a")}, {"a": {1}, "b": {2}})
    ({('in', 'a', 'b'): True, ('in', 'b', 'a'): False}, {('in', 1, 2)})
    """
    gold = set(gold)
    verdicts: dict[Triple, bool] = {}
    found: set[GoldRelation] = set()
    for kind, subj, obj in sorted(set(predicted)):
        a, b = links.get(subj, set()), links.get(obj, set())
        hits = {g for g in gold if g[0] == kind and (
            (g[1] in a and g[2] in b) or (kind in symmetric and g[1] in b and g[2] in a))}
        verdicts[(kind, subj, obj)] = bool(hits)
        found |= hits
    return verdicts, found


def bcubed(pairs: Sequence[tuple[Hashable, Hashable]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of mentions given as ``(gold cluster, predicted cluster)``.

    Each pair is one mention; the clusters are any hashable ids (make them unique per document).

    >>> bcubed([("a", 1), ("a", 1), ("b", 2)])
    (1.0, 1.0, 1.0)
    >>> [round(x, 3) for x in bcubed([("a", 1), ("a", 2)])]
    [1.0, 0.5, 0.667]
    """
    if not pairs:
        return 0.0, 0.0, 0.0
    both = Counter(pairs)
    gold = Counter(g for g, _p in pairs)
    pred = Counter(p for _g, p in pairs)
    prec = sum(both[(g, p)] / pred[p] for g, p in pairs) / len(pairs)
    rec = sum(both[(g, p)] / gold[g] for g, p in pairs) / len(pairs)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


_POSSESSIVE = re.compile(r"['’]s\b")


def name_words(text: str) -> tuple[str, ...]:
    """Words of a name or actor description in matching form.

    >>> name_words("Romania's new government"), name_words("the U.S.")
    (('romania', 'new', 'government'), ('us',))
    """
    return tuple(normalise_name(_POSSESSIVE.sub("", text)).split())


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def actor_matches(names: Iterable[str], actor: str) -> bool:
    """True when one of an entity's names appears, word for word, in a gold actor text.

    The names are the entity's canonical name, surface forms and knowledge-base aliases;
    the actor text may also appear inside one of the names ("Fabius" in "Laurent Fabius").

    >>> actor_matches(["Hungary", "Hungarian"], "Senior Hungarian officials")
    True
    >>> actor_matches(["Laurent Fabius"], "Fabius"), actor_matches(["Iran"], "Iraqi police")
    (True, False)
    """
    gold = name_words(actor)
    for name in names:
        words = name_words(name)
        if _contains(gold, words) or _contains(words, gold):
            return True
    return False


def actors_match(
    sources: Sequence[str], targets: Sequence[str], subj: Iterable[str], obj: Iterable[str],
    *, symmetric: bool = False,
) -> bool:
    """True when a predicted (subject, object) pair fits the gold source and target actors.

    A side without gold actors is not judged. With ``symmetric``, subject and object may be any
    two different gold participants.

    >>> actors_match(["Iran"], ["Iraq"], ["Iraq"], ["Iran"]), actors_match(
    ...     ["Iran"], ["Iraq"], ["Iraq"], ["Iran"], symmetric=True)
    (False, True)
    """
    subj, obj = list(subj), list(obj)
    src = not sources or any(actor_matches(subj, a) for a in sources)
    tgt = not targets or any(actor_matches(obj, a) for a in targets)
    if src and tgt:
        return True
    parties = [*sources, *targets]
    return symmetric and any(
        actor_matches(subj, a) and actor_matches(obj, b)
        for i, a in enumerate(parties) for j, b in enumerate(parties) if i != j)


def entity_names(facts: ArticleFacts, key: str) -> set[str]:
    """Names an entity answers to: name, surface forms, KB aliases and demonyms (no pronouns),
    and for a country its capital, which news uses for its government."""
    ent = facts.entity(key)
    names = {ent.name, *ent.aliases,
             *(m.text for m in facts.mentions if m.entity == key and m.source != "coref")}
    kb = load_kb()
    entry = kb.by_id(key)
    if entry is not None:
        names.update((*entry.aliases, *entry.demonyms, entry.acronym or ""))
        capital = kb.by_id(entry.capital) if entry.capital else None
        if capital is not None:  # "Beirut rejected": the capital acting for its country
            names.update((capital.name, *capital.aliases))
    return {n for n in names if n}


def judge_events(
    facts: ArticleFacts,
    gold: tuple[Sequence[str], str, Sequence[str]],
    types: Callable[[Relation], set[str]],
    symmetric: Container[str] = (),
) -> dict[Triple, bool]:
    """Each distinct predicted event ``(type, subject, object)`` and whether it fits the gold.

    Args:
        facts: The facts of one gold sentence.
        gold: ``(source actors, event type, target actors)`` of its gold event.
        types: The event types a relation stands for (none: the relation is not scored).
        symmetric: Predicates whose arguments may come in either order.
    """
    sources, event, targets = gold
    out: dict[Triple, bool] = {}
    for r in facts.relations:
        if r.obj is None or r.polarity != "asserted":
            continue
        s, o, sym = r.subject, r.obj, r.predicate in symmetric
        for kind in sorted(types(r)):
            if (kind, s, o) in out or (sym and (kind, o, s) in out):
                continue
            out[(kind, s, o)] = kind == event and actors_match(
                sources, targets, entity_names(facts, s), entity_names(facts, o), symmetric=sym)
    return out


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


@dataclass
class Table:
    """A titled table of rows; floats print with three decimals."""

    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]

    def plain(self) -> str:
        """Fixed-width text form."""
        cells = [list(self.header)] + [[_fmt(v) for v in row] for row in self.rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(self.header))]
        lines = [self.title, "-" * len(self.title)]
        for n, row in enumerate(cells):
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                   for i, (c, w) in enumerate(zip(row, widths, strict=True))))
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def markdown(self) -> str:
        """GitHub Markdown form, with the title as a bold line above."""
        head = "| " + " | ".join(self.header) + " |"
        rule = "|" + "|".join("---" if i == 0 else "---:" for i in range(len(self.header))) + "|"
        body = ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in self.rows]
        return "\n".join([f"**{self.title}**", "", head, rule, *body])
