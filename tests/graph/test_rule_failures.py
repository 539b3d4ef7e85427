"""A rule that raises on one article costs that article's facts of the step, not the build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import extract.coref
import extract.relations
from extract.facts import dumps_facts, loads_facts
from graph.run import build


def _articles(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"text": "Poland and Lithuania held talks in Vilnius."}) + "\n"
        + json.dumps({"text": "Jane Roe of NATO said Estonia supports Latvia."})
        + "\n", encoding="utf-8")
    return src


def _explode_on(word: str, real: Any) -> Any:
    def rules(doc: Any, kb: Any) -> Any:
        if word in doc.text:
            raise IndexError("string index out of range")
        return real(doc, kb)
    return rules


def test_failing_relation_rules_keep_the_build_and_the_entities(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract.relations, "extract_relations",
                        _explode_on("Estonia", extract.relations.extract_relations))
    report, kg = build([_articles(tmp_path)], tmp_path / "out", workers=1)
    assert kg is not None and report.articles == 2 and report.failed_inputs == 0
    problems = json.loads((tmp_path / "out" / "report.json").read_text())["problems"]
    assert [(p["code"], p["warning"]) for p in problems] == [("E020", True)]
    assert "in.jsonl:2" in problems[0]["where"]
    assert "newsgraph_relations" in problems[0]["message"]
    assert "IndexError" in problems[0]["message"]
    facts = {f.article.origin.rsplit(":", 1)[1]: f for f in map(
        loads_facts, (tmp_path / "out" / "facts.jsonl").read_text().splitlines())}
    assert facts["1"].relations and not facts["1"].failures
    assert {e.name for e in facts["2"].entities} >= {"Jane Roe", "Estonia"}
    assert not facts["2"].relations and facts["2"].failures


def test_failing_coreference_skips_the_later_steps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract.coref, "resolve_coreference",
                        _explode_on("Estonia", extract.coref.resolve_coreference))
    report, kg = build([_articles(tmp_path)], tmp_path / "out", workers=1)
    assert kg is not None and report.articles == 2
    messages = [str(p) for p in report.problems]
    assert len(messages) == 1 and "newsgraph_coref" in messages[0]


def test_failures_survive_the_facts_line() -> None:
    from extract.facts import Article, ArticleFacts

    facts = ArticleFacts(article=Article(id="a", text=""), failures=("step: E: why",))
    assert loads_facts(dumps_facts(facts)).failures == ("step: E: why",)
    assert "failures" not in dumps_facts(ArticleFacts(article=Article(id="a", text="")))
