"""Tests for the accuracy harness: gold readers (bench/_gold.py), scoring (bench/_score.py), CLI."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from extract.facts import Article, ArticleFacts, Entity, Mention, Relation

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    """Import a bench script by path, without putting bench/ on sys.path."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_load("_align")  # imported by _gold and _score
gold = _load("_gold")
score = _load("_score")


# --- alignment -------------------------------------------------------------------------------


def test_join_tokens_lines_and_offsets() -> None:
    text, offsets = gold.join_tokens(["A", "b", "\n", "C", "d"], line_starts={4})
    assert text == "A b\nC\nd"
    assert offsets == [(0, 1), (2, 3), (3, 3), (4, 5), (6, 7)]


def test_join_tokens_glues_a_hyphen_inside_a_word() -> None:
    text, offsets = gold.join_tokens(["Frank", "-", "Walter", "Steinmeier", "-", "."])
    assert text == "Frank-Walter Steinmeier - ."
    assert [text[a:b] for a, b in offsets] == ["Frank", "-", "Walter", "Steinmeier", "-", "."]


def test_chars_to_tokens() -> None:
    _text, offsets = gold.join_tokens(["New", "York", "City", "\n", "is"])
    assert gold.chars_to_tokens(offsets, 0, 8) == (0, 2)
    assert gold.chars_to_tokens(offsets, 4, 6) == (1, 2)  # inside a token
    assert gold.chars_to_tokens(offsets, 14, 16) == (4, 5)
    assert gold.chars_to_tokens(offsets, 13, 14) is None  # the line break only


# --- readers ---------------------------------------------------------------------------------


def test_read_conllpp(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "-DOCSTART- -X- -X- O\n\n"
        "Jens NNP B-NP B-PER\nStoltenberg NNP I-NP I-PER\nmet VBD B-VP O\n"
        "NATO NNP B-NP B-ORG\nallies NNS I-NP O\n\n"
        "In IN B-PP O\nNew NNP B-NP B-LOC\nYork NNP I-NP I-LOC\nParis NNP I-NP B-LOC\n\n"
        "-DOCSTART- -X- -X- O\n\nGerman JJ B-NP B-MISC\n",
        encoding="utf-8",
    )
    first, second = gold.read_conllpp(path)
    assert first.sentences == (("Jens", "Stoltenberg", "met", "NATO", "allies"),
                               ("In", "New", "York", "Paris"))
    assert first.entities == {(0, 2, "PER"), (3, 4, "ORG"), (6, 8, "LOC"), (8, 9, "LOC")}
    text, offsets = first.text()
    assert text.split("\n") == ["Jens Stoltenberg met NATO allies", "In New York Paris"]
    assert text[offsets[6][0] : offsets[7][1]] == "New York"
    assert second.entities == {(0, 1, "MISC")}


def test_read_dwie_merges_demonyms(tmp_path: Path) -> None:
    doc = {
        "title": "t",
        "sents": [["German", "troops", "left", "Germany", "\n", "Berlin"]],
        "vertexSet": [
            [{"name": "German", "pos": [0, 1], "type": "type::other"}],
            [{"name": "Germany", "pos": [3, 4], "type": "type::location"}],
            [{"name": "Berlin", "pos": [5, 6], "type": "type::location"}],
        ],
        "labels": [{"r": "gpe0", "h": 0, "t": 1}, {"r": "in0", "h": 2, "t": 1}],
    }
    path = tmp_path / "d.json"
    path.write_text(json.dumps([doc]), encoding="utf-8")
    (parsed,) = gold.read_dwie(path)
    assert parsed.clusters[2] == ((5, 6, "location"),)
    assert parsed.relations == (("gpe0", 0, 1), ("in0", 2, 1))
    merged = parsed.merged()
    assert merged[0] == merged[1] != merged[2]


def test_read_plover_trailing_commas(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        '[{"id": "DOC", "event": "DOCUMENT",},\n'
        ' {"id": "E1", "event": "THREATEN", "text": "Iran threatened Iraq.",\n'
        '  "source": [{"actorText": "Iran", "code": "IRN"},],\n'
        '  "target": "",},\n]',
        encoding="utf-8",
    )
    (item,) = gold.read_plover(path)
    assert (item.id, item.event, item.sources, item.targets) == ("E1", "THREATEN", ("Iran",), ())


def test_read_conll04(tmp_path: Path) -> None:
    rec = {"tokens": ["Smith", "works", "for", "IBM"],
           "entities": [{"type": "Peop", "start": 0, "end": 1},
                        {"type": "Org", "start": 3, "end": 4}],
           "relations": [{"type": "Work_For", "head": 0, "tail": 1}]}
    path = tmp_path / "c.json"
    path.write_text(json.dumps([rec]), encoding="utf-8")
    (item,) = gold.read_conll04(path)
    assert item.entities == (("Peop", 0, 1), ("Org", 3, 4))
    assert item.relations == (("Work_For", 0, 1),)


def test_read_gum_brackets(tmp_path: Path) -> None:
    path = tmp_path / "doc.conll"
    rows = [
        ("President", "(person-1-Donald_Trump"),
        ("Trump", "person-1-Donald_Trump)"),
        ("of", "_"),
        ("the", "(place-2-United_States(abstract-3"),
        ("U.S.", "abstract-3)place-2-United_States)"),
        ("said", "_"),
        ("he", "(person-1)"),
    ]
    body = "\n".join(f"{i}\t{tok}\t{tag}" for i, (tok, tag) in enumerate(rows))
    path.write_text(f"# begin document doc\n{body}\n# end document\n", encoding="utf-8")
    (doc,) = gold.read_gum([path])
    assert doc.name == "doc" and doc.tokens[6] == "he"
    assert doc.mentions == ((0, 2, "person-1"), (3, 5, "abstract-3"), (3, 5, "place-2"),
                            (6, 7, "person-1"))


# --- scoring ---------------------------------------------------------------------------------


def test_prf_and_tally() -> None:
    scores: dict[str, object] = {}
    score.tally(scores, "ORG", score.score_sets({1, 2, 3, 4}, {3, 4, 5}))
    score.tally(scores, "PER", score.PRF(hit_pred=1, pred=1, hit_gold=0, gold=2))
    org, total = scores["ORG"], scores["all"]
    assert (org.precision, org.recall) == (2 / 3, 0.5)
    assert org.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert total.row() == (6, 4, 0.75, 2 / 6, pytest.approx(2 * 0.75 * (1 / 3) / (0.75 + 1 / 3)))
    assert score.PRF().row() == (0, 0, 0.0, 0.0, 0.0)


def test_bcubed() -> None:
    # gold {a1 a2 a3} {b1}; predicted {a1 a2} {a3 b1}
    prec, rec, _f1 = score.bcubed([("a", 1), ("a", 1), ("a", 2), ("b", 2)])
    assert prec == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert rec == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert score.bcubed([]) == (0.0, 0.0, 0.0)


def test_match_span() -> None:
    spans = [(0, 3), (1, 3), (5, 6), (4, 8)]
    assert score.match_span((1, 3), spans) == (1, 3)
    assert score.match_span((2, 3), spans) == (1, 3)  # same last token, nearest length
    assert score.match_span((5, 7), spans) is None
    assert score.match_span((5, 7), spans, contained=True) == (4, 8)


def test_actor_matching() -> None:
    assert score.actor_matches({"United States", "U.S."}, "the U.S. State Department")
    assert score.actor_matches({"Laurent Fabius"}, "Fabius")
    assert not score.actor_matches({"Iran"}, "Iraqi police")
    assert score.actors_match(["Iran"], [], {"Iran"}, {"Iraq"})
    assert not score.actors_match(["Iran"], ["Iraq"], {"Iraq"}, {"Iran"})
    assert score.actors_match(["Iran", "Iraq"], [], {"Iraq"}, {"Iran"}, symmetric=True)


def test_judge_relations_symmetric() -> None:
    links = {"a": {1}, "b": {2}, "c": set()}
    verdicts, found = score.judge_relations(
        {("met", 1, 2), ("in", 1, 2)},
        {("met", "b", "a"), ("in", "b", "a"), ("in", "a", "c")},
        links, symmetric={"met"})
    assert verdicts == {("in", "a", "c"): False, ("in", "b", "a"): False,
                        ("met", "b", "a"): True}
    assert found == {("met", 1, 2)}


def _facts() -> ArticleFacts:
    text = "Iran threatened Iraq and met Syria."
    ents = (Entity("country:IR", "GPE", "Iran"), Entity("country:IQ", "GPE", "Iraq"),
            Entity("country:SY", "GPE", "Syria"))
    mentions = (Mention("country:IR", 0, 4, 0, "Iran"), Mention("country:IQ", 16, 20, 0, "Iraq"),
                Mention("country:SY", 29, 34, 0, "Syria"))

    def rel(s: str, p: str, o: str, polarity: str = "asserted") -> Relation:
        return Relation(s, p, o, text, 0, len(text), "t", "verb", polarity=polarity)  # type: ignore[arg-type]

    rels = (rel("country:IR", "threatened", "country:IQ"),
            rel("country:IR", "discussedWith", "country:SY"),
            rel("country:SY", "discussedWith", "country:IR"),
            rel("country:IQ", "rejected", "country:IR", "negated"))
    return ArticleFacts(Article("a", text), ents, mentions, rels)


def test_judge_events() -> None:
    types = {"threatened": {"THREATEN"}, "discussedWith": {"CONSULT"}, "rejected": {"REJECT"}}
    verdicts = score.judge_events(_facts(), (["Iranian"], "THREATEN", ["Iraq"]),
                                  lambda r: types[r.predicate], symmetric={"discussedWith"})
    assert verdicts == {("THREATEN", "country:IR", "country:IQ"): True,
                        ("CONSULT", "country:IR", "country:SY"): False}


def test_table_forms() -> None:
    table = score.Table("T", ("type", "F1"), [("PER", 0.5), ("all", 1)])
    assert table.plain().splitlines() == ["T", "-", "type     F1", "----  -----",
                                          "PER   0.500", "all       1"]
    assert table.markdown().splitlines()[2:] == ["| type | F1 |", "|---|---:|",
                                                 "| PER | 0.500 |", "| all | 1 |"]


# --- command line ----------------------------------------------------------------------------


def test_cli_scores_a_tiny_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.json"
    recs = [{"tokens": ["Jens", "Stoltenberg", "works", "for", "NATO", "in", "Brussels", "."],
             "entities": [{"type": "Peop", "start": 0, "end": 2},
                          {"type": "Org", "start": 4, "end": 5},
                          {"type": "Loc", "start": 6, "end": 7}],
             "relations": [{"type": "Work_For", "head": 0, "tail": 1},
                           {"type": "OrgBased_In", "head": 1, "tail": 2},
                           {"type": "Kill", "head": 0, "tail": 1}]}]
    path.write_text(json.dumps(recs), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    accuracy = _load("accuracy")
    assert accuracy.main(["--conll04", str(path), "--markdown", "--errors", str(errors)]) == 0
    out = capsys.readouterr().out
    assert "CoNLL04 relations (1 sentences)" in out and "**CoNLL04 relations" in out
    rows = {" ".join(line.split()[:2]) if line.startswith("recall") else line.split()[0]:
            line.split() for line in out.splitlines() if line.strip()}
    assert rows["all"][1] == "2"  # Kill is not scored
    assert rows["recall Work_For"][2] == "1" and rows["recall OrgBased_In"][2] == "1"
    assert all(json.loads(line)["kind"] in ("fp", "fn") for line in errors.read_text().splitlines())


def test_cli_needs_a_set() -> None:
    with pytest.raises(SystemExit):
        _load("accuracy").main([])


def test_asserted_filters_by_object_type() -> None:
    facts = _facts()
    post = Relation("country:IR", "holdsPost", "country:IQ", "s", 0, 1, "t", "post")
    facts = ArticleFacts(facts.article, facts.entities, facts.mentions, (*facts.relations, post))
    sets = _load("_sets")
    assert sets._asserted(facts, {"holdsPost>ORG": "work"}) == {}
    assert set(sets._asserted(facts, {"holdsPost>GPE": "work", "rejected": "no"})) == {
        ("work", "country:IR", "country:IQ")}  # the negated rejection is left out


def test_asserted_renames_by_the_last_word_of_a_post_title() -> None:
    facts = _facts()
    post = Relation("country:IR", "holdsPost", "country:IQ", "s", 0, 1, "t", "post",
                    value="Senior Fellow")
    facts = ArticleFacts(facts.article, facts.entities, facts.mentions, (*facts.relations, post))
    sets = _load("_sets")
    got = sets._asserted(facts, {"holdsPost": "post", "holdsPost=fellow": "member"})
    assert set(got) == {("member", "country:IR", "country:IQ")}


def test_reliability_rows_count_and_precision_per_bin() -> None:
    rel = _load("_reliability")
    rows = rel.reliability_rows([("a", 0.95, True), ("a", 0.85, False), ("a", 0.82, True),
                                 ("a", 0.5, False), ("b", 0.9, True)])
    got = {(r["set"], r["bin"]): (r["n"], r["precision"]) for r in rows}
    assert got[("a", "[0.9, 1.0]")] == (1, 1.0)
    assert got[("a", "[0.8, 0.9)")] == (2, 0.5)
    assert got[("a", "[0.7, 0.8)")] == (0, None)
    assert got[("a", ">= 0.8")] == (3, 2 / 3)
    assert got[("b", ">= 0.8")] == (1, 1.0)


def test_cli_writes_the_reliability_of_relations(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.json"
    recs = [{"tokens": ["NATO", "Secretary", "General", "Jens", "Stoltenberg", "spoke", "."],
             "entities": [{"type": "Org", "start": 0, "end": 1},
                          {"type": "Peop", "start": 3, "end": 5}],
             "relations": [{"type": "Work_For", "head": 1, "tail": 0}]}]
    path.write_text(json.dumps(recs), encoding="utf-8")
    out = tmp_path / "reliability.json"
    assert _load("accuracy").main(["--conll04", str(path), "--reliability", str(out)]) == 0
    assert "Reliability of confidence" in capsys.readouterr().out
    rows = [r for r in json.loads(out.read_text()) if r["n"]]
    assert rows and {r["set"] for r in rows} == {"conll04"}
    assert sum(r["n"] for r in rows if r["bin"] != ">= 0.8") >= 1


# --- stance diff -------------------------------------------------------------------------------


def test_stance_diff_lists_what_each_build_alone_has(tmp_path: Path) -> None:
    from extract.facts import dumps_facts

    diff = _load("stance_diff")
    people = (Entity(key="a", type="PERSON", name="Ann Leary"),
              Entity(key="b", type="PERSON", name="Tom Akers"))

    def build(name: str, *rels: tuple[str, str]) -> Path:
        relations = tuple(Relation(subject="a", predicate=p, obj="b", sentence="s", start=0,
                                   end=1, trigger="t", rule=r) for p, r in rels)
        facts = ArticleFacts(article=Article(id="x", text="s"), entities=people,
                             relations=relations)
        path = tmp_path / f"{name}.jsonl"
        path.write_text(dumps_facts(facts) + "\n", encoding="utf-8")
        return path

    old = build("old", ("criticized", "verb"), ("holdsPost", "post-title"))
    new = build("new", ("supports", "quote-praise"), ("holdsPost", "post-title"))
    removed, added = diff.stance_diff(old, new)
    assert removed == ["Ann Leary criticized Tom Akers (asserted) | verb | s"]
    assert added == ["Ann Leary supports Tom Akers (asserted) | quote-praise | s"]


def test_said_diff_compares_what_was_said(tmp_path: Path) -> None:
    from extract.facts import dumps_facts

    diff = _load("stance_diff")
    people = (Entity(key="a", type="PERSON", name="Ann Leary"),)

    def build(name: str, value: str) -> Path:
        rel = Relation(subject="a", predicate="said", obj=None, value=value, sentence="s",
                       start=0, end=1, trigger="t", rule="quote")
        facts = ArticleFacts(article=Article(id="x", text="s"), entities=people,
                             relations=(rel,))
        path = tmp_path / f"{name}.jsonl"
        path.write_text(dumps_facts(facts) + "\n", encoding="utf-8")
        return path

    old, new = build("old", "The port stays open"), build("new", "The ferries run")
    assert diff.stance_diff(old, new) == ([], [])
    removed, added = diff.stance_diff(old, new, frozenset({"said"}))
    assert removed == ["Ann Leary said The port stays open (asserted) | quote | s"]
    assert added == ["Ann Leary said The ferries run (asserted) | quote | s"]
