"""The per-set runners of the accuracy harness: read one gold set, extract, score into tables.

Each ``run_*`` function reads its gold set from a path, runs every text through
``extract.pipeline.extract_facts`` (GUM: through the spaCy pipeline, for coreference), and
returns the set's tables; every false positive and miss is appended to ``errors``. This module
is imported by ``accuracy.py``, which puts ``bench/`` on the import path for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from _align import Offsets, chars_to_tokens, index_spans, join_tokens, match_span
from _gold import read_conll04, read_conllpp, read_dwie, read_gum, read_plover
from _reliability import Verdict
from _score import PRF, Table, bcubed, judge_events, judge_relations, tally
from spacy.language import Language
from spacy.tokens import Doc

from extract.facts import Article, ArticleFacts, Mention, Relation
from extract.pipeline import extract_facts

__all__ = ["Errors", "run_conll04", "run_conllpp", "run_dwie", "run_gum", "run_plover"]

_CONLL_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_DWIE_RELATIONS = {
    "head_of_state": "holdsPost", "head_of_gov": "holdsPost", "minister_of": "holdsPost",
    "head_of": "holdsPost", "agent_of": "holdsPost", "member_of": "memberOf",
    "in0": "locatedIn", "based_in0": "locatedIn", "is_meeting": "discussedWith",
}
#: DWIE annotates professors and fellows as members of their university (member_of), which
#: newsgraph states as a post with its title: the post is scored as a membership there.
_DWIE_ACADEMIC = {f"holdsPost={t}": "memberOf" for t in ("professor", "fellow", "lecturer")}
_CONLL04_GOLD = {"Work_For": "holdsPost|memberOf", "Located_In": "locatedIn",
                 "OrgBased_In": "locatedIn", "Live_In": "locatedIn"}
#: Work_For links a person to an organisation: a post in a country or state is not scored.
_CONLL04_OURS = {"holdsPost>ORG": "holdsPost|memberOf", "memberOf>ORG": "holdsPost|memberOf",
                 "locatedIn": "locatedIn"}
#: PLOVER 0.8 renamed DISAPPROVE to ACCUSE; the gold set (GSR 0.5) still says DISAPPROVE.
_PLOVER_ALIASES = {"ACCUSE": "DISAPPROVE"}
#: Gold entity types (DWIE, CoNLL04) a newsgraph type may stand for in a loose span match.
_COMPATIBLE = {"PERSON": {"person", "Peop"}, "ORG": {"organization", "Org"},
               "GPE": {"location", "Loc"}, "LOC": {"location", "Loc"}, "FAC": {"location", "Loc"},
               "EVENT": {"event"}}
_PRONOUNS = {"he": "he/she", "him": "he/she", "his": "he/she", "she": "he/she", "her": "he/she",
             "they": "they", "them": "they", "their": "they"}

Errors = list[dict[str, Any]]
Links = dict[str, set[Any]]
SpanIds = dict[tuple[int, int], set[Any]]


def _facts(nlp: Language, texts: Sequence[str]) -> list[ArticleFacts]:
    return list(extract_facts([Article(id=f"d{n}", text=t) for n, t in enumerate(texts)], nlp))


def _asserted(facts: ArticleFacts,
              preds: dict[str, str]) -> dict[tuple[str, str, str], tuple[str, float]]:
    """Asserted relations renamed by ``preds`` as (type, subject, object), with evidence and
    the highest confidence.

    A ``preds`` key may name the object type too ("holdsPost>ORG") or the last word of a
    post's title ("holdsPost=professor"); predicates not in ``preds`` are left out.
    """
    types = {e.key: e.type for e in facts.entities}
    out: dict[tuple[str, str, str], tuple[str, float]] = {}
    for r in facts.relations:
        if r.obj is None or r.polarity != "asserted":
            continue
        title = (r.value or "").split()[-1:]  # "Senior Fellow" -> "fellow"
        kind = preds.get(f"{r.predicate}={title[0].lower()}" if title else "") or preds.get(
            f"{r.predicate}>{types[r.obj]}", preds.get(r.predicate))
        key = (kind or "", r.subject, r.obj)
        if kind is not None and r.confidence > out.get(key, ("", -1.0))[1]:
            out[key] = (r.sentence, r.confidence)
    return out


def _align(facts: ArticleFacts, offsets: Offsets, spans: SpanIds,
           kinds: dict[tuple[int, int], str]) -> list[tuple[Mention, tuple[int, int] | None]]:
    """Each mention with the gold span it stands for; ``kinds`` holds the gold span types."""
    types = {e.key: e.type for e in facts.entities}
    loose = {t: {sp for sp, k in kinds.items() if k in ok} for t, ok in _COMPATIBLE.items()}
    out: list[tuple[Mention, tuple[int, int] | None]] = []
    for m in sorted(facts.mentions, key=lambda m: (m.start, m.end, m.entity)):
        tok = chars_to_tokens(offsets, m.start, m.end)
        eligible = loose.get(types[m.entity], set())
        out.append((m, match_span(tok, spans, loose=eligible) if tok else None))
    return out


def _links(aligned: list[tuple[Mention, tuple[int, int] | None]], spans: SpanIds) -> Links:
    """Entity key -> gold ids of the gold spans its mentions stand for."""
    out: Links = {}
    for m, hit in aligned:
        out.setdefault(m.entity, set()).update(spans[hit] if hit else ())
    return out


def _prf_rows(scores: dict[str, PRF]) -> list[tuple[object, ...]]:
    return [(k, *v.row()) for k, v in sorted(scores.items(), key=lambda x: (x[0] == "all", x))]


def _relations(gold: dict[Any, str], facts: ArticleFacts, preds: dict[str, str], links: Links,
               scores: dict[str, PRF], errors: Errors, where: str,
               verdicts: list[Verdict] | None = None) -> set[Any]:
    """Score one document's relations into ``scores``; return the gold relations found.

    ``gold`` maps each gold relation to a readable form; ``preds`` renames the predicates
    scored (others are left out).
    """
    pred = _asserted(facts, preds)
    judged, found = judge_relations(gold, pred, links, {"discussedWith"})
    for rel, ok in judged.items():
        tally(scores, rel[0], PRF(int(ok), 1))
        if verdicts is not None:
            verdicts.append((where.split(":", 1)[0], pred[rel][1], ok))
        if not ok:
            errors.append({"kind": "fp", "where": where, "sentence": pred[rel][0], "rel": [
                facts.entity(rel[1]).name, rel[0], facts.entity(rel[2]).name]})
    for g in sorted(gold, key=str):
        tally(scores, g[0], PRF(0, 0, int(g in found), 1))
        if g not in found:
            errors.append({"kind": "fn", "where": where, "gold": gold[g]})
    return found


def run_conllpp(path: str, nlp: Language, bare: Language, limit: int | None,
                errors: Errors) -> list[Table]:
    """Entity P/R/F1 by type for newsgraph and for bare spaCy NER."""
    docs = read_conllpp(path)[:limit]
    texts, offsets = zip(*(d.text() for d in docs), strict=True) if docs else ((), ())
    gold = {(i, s, e, t) for i, d in enumerate(docs) for s, e, t in d.entities if t != "MISC"}
    misc = {(i, s, e) for i, d in enumerate(docs) for s, e, t in d.entities if t == "MISC"}

    def spans(found: Iterator[tuple[int, int, int, str]]) -> set[tuple[int, int, int, str]]:
        out = set()
        for i, start, end, label in found:
            tok = chars_to_tokens(offsets[i], start, end)
            if label in _CONLL_TYPES and tok and (i, *tok) not in misc:
                out.add((i, *tok, _CONLL_TYPES[label]))
        return out

    ng = spans((i, m.start, m.end, f.entity(m.entity).type)
               for i, f in enumerate(_facts(nlp, texts)) for m in f.mentions
               if m.source != "coref")
    base = spans((i, e.start_char, e.end_char, e.label_)
                 for i, d in enumerate(bare.pipe(texts)) for e in d.ents)
    rows: list[tuple[object, ...]] = []
    for name, pred in (("spaCy", base), ("newsgraph", ng)):
        for label in ("PER", "ORG", "LOC", "all"):
            g = {x for x in gold if label in ("all", x[3])}
            p = {x for x in pred if label in ("all", x[3])}
            rows.append((name, label, *PRF(len(g & p), len(p), len(g & p), len(g)).row()))
    for kind, items in (("fp", ng - gold), ("fn", gold - ng)):
        for i, s, e, t in sorted(items):
            text = texts[i][offsets[i][s][0] : offsets[i][e - 1][1]]
            errors.append({"kind": kind, "where": f"conllpp:{i}", "span": text, "type": t})
    return [Table(f"CoNLL++ entities ({len(docs)} docs)",
                  ("system", "type", "gold", "pred", "P", "R", "F1"), rows)]


def run_dwie(path: str, nlp: Language, limit: int | None, errors: Errors,
             verdicts: list[Verdict] | None = None) -> list[Table]:
    """Clustering B-cubed, mention recall and relation P/R/F1 on DWIE."""
    docs = read_dwie(path)[:limit]
    joined = [join_tokens(d.tokens) for d in docs]
    pairs: list[tuple[Any, Any]] = []
    mentions: dict[str, PRF] = {}
    rels: dict[str, PRF] = {}
    for n, (doc, facts) in enumerate(zip(docs, _facts(nlp, [t for t, _o in joined]), strict=True)):
        spans, kinds = doc.mention_index()
        matched: dict[tuple[int, int], str] = {}
        aligned = _align(facts, joined[n][1], spans, kinds)
        for m, hit in aligned:
            if hit:
                matched.setdefault(hit, m.entity)
            if m.source != "coref":
                tally(mentions, "names", PRF(int(hit is not None), 1))
        for span, clusters in sorted(spans.items()):
            if span in matched:
                pairs.append(((n, min(clusters)), (n, matched[span])))
            if kinds[span] in ("person", "organization", "location"):
                tally(mentions, kinds[span], PRF(0, 0, int(span in matched), 1))
        gold = doc.gold_relations(_DWIE_RELATIONS, {"is_meeting"})
        ours = {p: p for p in _DWIE_RELATIONS.values()} | _DWIE_ACADEMIC
        _relations(gold, facts, ours, _links(aligned, spans), rels, errors, f"dwie:{doc.title}",
                   verdicts)
    b_p, b_r, b_f = bcubed(pairs)
    rows: list[tuple[object, ...]] = [("B-cubed clusters", len(pairs), b_p, b_r, b_f)]
    for kind in ("person", "organization", "location", "all"):
        counts = mentions.get(kind, PRF())
        precision = mentions["names"].precision if kind == "all" and "names" in mentions else ""
        rows.append((f"mentions {kind}", counts.gold, precision, counts.recall, ""))
    return [Table(f"DWIE mentions and clusters ({len(docs)} docs)",
                  ("measure", "n", "P", "R", "F1"), rows),
            Table("DWIE relations", ("predicate", "gold", "pred", "P", "R", "F1"),
                  _prf_rows(rels))]


def run_plover(path: str, nlp: Language, limit: int | None, errors: Errors,
               verdicts: list[Verdict] | None = None) -> list[Table]:
    """Precision of (source, PLOVER type, target) triples and recall of gold events, by type."""
    from graph.rdf.ontology import codes_of, intent_codes, statement_codes, symmetric_predicates

    items = read_plover(path)[:limit]
    ours = {_PLOVER_ALIASES.get(t, t) for codes in (statement_codes(), intent_codes())
            for _cameo, types in codes.values() for t in types}
    covered = ours & {i.event for i in items}

    def kinds(r: Relation) -> set[str]:
        """The PLOVER types the statement carries in the graph, if covered."""
        return {_PLOVER_ALIASES.get(t, t) for t in codes_of(r.predicate, r.modality)[1]} & covered

    scores: dict[str, PRF] = {}
    for item, facts in zip(items, _facts(nlp, [i.text for i in items]), strict=True):
        events = judge_events(facts, (item.sources, item.event, item.targets), kinds,
                              symmetric_predicates())
        confidence = {(r.subject, r.obj): r.confidence for r in sorted(
            facts.relations, key=lambda r: r.confidence) if r.polarity == "asserted"}
        for (kind, s, o), ok in events.items():
            tally(scores, kind, PRF(int(ok), 1))
            if verdicts is not None:
                conf = confidence.get((s, o), confidence.get((o, s), 0.0))
                verdicts.append(("plover", conf, ok))
            if not ok:
                errors.append({"kind": "fp", "where": item.id, "text": item.text,
                               "rel": [facts.entity(s).name, kind, facts.entity(o).name]})
        if item.event in covered:
            got = any(events.values())
            tally(scores, item.event, PRF(0, 0, int(got), 1))
            if not got:
                errors.append({"kind": "fn", "where": item.id, "text": item.text,
                               "gold": [item.sources, item.event, item.targets]})
    return [Table(f"PLOVER events ({len(items)} sentences)",
                  ("type", "gold", "pred", "P", "R", "F1"), _prf_rows(scores))]


def run_conll04(path: str, nlp: Language, limit: int | None, errors: Errors,
                verdicts: list[Verdict] | None = None) -> list[Table]:
    """Relation P/R/F1 on CoNLL04, with recall per gold relation type."""
    items = read_conll04(path)[:limit]
    joined = [join_tokens(i.tokens) for i in items]
    scores: dict[str, PRF] = {}
    by_gold: dict[str, PRF] = {}
    for n, (item, facts) in enumerate(
        zip(items, _facts(nlp, [t for t, _o in joined]), strict=True)
    ):
        spans, kinds = item.mention_index()
        gold = {(_CONLL04_GOLD[r], h, t): item.describe(r, h, t)
                for r, h, t in item.relations if r in _CONLL04_GOLD}
        links = _links(_align(facts, joined[n][1], spans, kinds), spans)
        found = _relations(gold, facts, _CONLL04_OURS, links, scores, errors, f"conll04:{n}",
                           verdicts)
        for r, h, t in item.relations:
            if r in _CONLL04_GOLD:
                tally(by_gold, r, PRF(0, 0, int((_CONLL04_GOLD[r], h, t) in found), 1))
    rows = _prf_rows(scores) + [(f"recall {k}", v.gold, "", "", v.recall, "")
                                for k, v in sorted(by_gold.items()) if k != "all"]
    return [Table(f"CoNLL04 relations ({len(items)} sentences)",
                  ("relation", "gold", "pred", "P", "R", "F1"), rows)]


def _gold_tokens(doc: Doc, offsets: Offsets, start: int, end: int) -> tuple[int, int] | None:
    """Gold tokens under the spaCy tokens ``doc[start:end]``."""
    return chars_to_tokens(offsets, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def run_gum(folder: str, nlp: Language, limit: int | None, errors: Errors) -> list[Table]:
    """Resolution of third-person pronouns whose gold chain has an earlier mention."""
    docs = read_gum(sorted(Path(folder).glob("*.conll")))[:limit]
    joined = [join_tokens(d.tokens) for d in docs]
    scores: dict[str, PRF] = {}
    for gdoc, (_text, offsets), doc in zip(docs, joined, nlp.pipe(t for t, _o in joined),
                                           strict=True):
        spans = index_spans(gdoc.mentions)
        links: Links = {}
        for key, group in doc._.ng_entities.items():
            for s, e, source in group.spans:
                tok = _gold_tokens(doc, offsets, s, e)
                hit = match_span(tok, spans, contained=True) if tok else None
                if hit and source != "coref":
                    links.setdefault(key, set()).update(spans[hit])
        guess: dict[int, set[str]] = {}
        for i, key, _antecedent in doc._.ng_coref or ():
            if (tok := _gold_tokens(doc, offsets, i, i + 1)) is not None:
                guess.setdefault(tok[0], set()).add(key)
        first = {c: s for s, _e, c in reversed(gdoc.mentions)}
        for s, e, c in gdoc.mentions:
            kind = _PRONOUNS.get(gdoc.tokens[s].lower())
            if e - s != 1 or kind is None or first[c] >= s:
                continue
            ok = any(c in links.get(k, set()) for k in guess.get(s, ()))
            tally(scores, kind, PRF(int(ok), int(s in guess), int(ok), 1))
            if not ok:
                errors.append({"kind": "fp" if s in guess else "fn", "where": gdoc.name,
                               "token": s, "gold": c, "guess": sorted(guess.get(s, ()))})
    rows = [row[:5] for row in _prf_rows(scores)]
    return [Table(f"GUM pronouns ({len(docs)} docs)",
                  ("pronouns", "gold", "resolved", "P", "accuracy"), rows)]
