"""Reliability table: how often statements at each confidence are right.

Joins a build's graph (``ng:confidence``, ``ng:rule`` of each statement) with the JSON report
of a scorer that marks each statement right or wrong (``--json`` of the real-news scorer:
``articles -> {graph_article, statements: [{p, evidence, strict}]}``), and prints, per
confidence bin, the number of statements and their precision, then precision per rule.

Usage: python bench/realnews_reliability.py GRAPH.ttl SCORES.json

The bins are those of the accuracy harness (``_reliability.py``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _reliability import reliability_table

NG = "https://w3id.org/newsgraph/ns#"
QUERY = f"""PREFIX ng: <{NG}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?a ?p ?ev ?c ?r WHERE {{
  ?s rdf:predicate ?p ; prov:wasDerivedFrom ?a ; ng:evidence ?ev ; ng:confidence ?c ;
     ng:rule ?r }}"""


def rows(graph: str, scores: str) -> list[tuple[float, str, str, bool]]:
    """(confidence, rule, predicate, right) per scored statement found in the graph."""
    store = ox.Store()
    store.bulk_load(path=graph, format=ox.RdfFormat.TURTLE)
    conf: dict[tuple[str, str, str], list[tuple[float, str]]] = defaultdict(list)
    result: Any = store.query(QUERY, use_default_graph_as_union=True)
    for a, p, ev, c, r in result:
        conf[(a.value, p.value.rsplit("#", 1)[-1], ev.value)].append((float(c.value), r.value))
    out = []
    for art in json.loads(Path(scores).read_text(encoding="utf-8"))["articles"].values():
        for st in art.get("statements", []):
            found = conf.get((art["graph_article"], st["p"], st["evidence"]))
            if found:
                c, r = max(found)
                out.append((c, r, st["p"], bool(st["strict"])))
    return out


def main(argv: list[str]) -> int:
    table = rows(argv[1], argv[2])
    print(reliability_table(("realnews", c, ok) for c, _r, _p, ok in table).plain())
    by_rule: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for _c, rule, pred, ok in table:
        by_rule[(rule, pred)].append(ok)
    for (rule, pred), oks in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"  {rule:16} {pred:15} {len(oks):4d} {sum(oks) / len(oks):5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
