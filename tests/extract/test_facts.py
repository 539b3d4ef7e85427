"""The records between extraction and graph: JSON round trips."""

from __future__ import annotations

import json
from pathlib import Path

from extract.facts import (
    Article,
    ArticleFacts,
    Entity,
    Mention,
    Relation,
    dumps_facts,
    loads_facts,
    read_facts,
)


def _facts() -> ArticleFacts:
    return ArticleFacts(
        article=Article(id="a1", text="Tusk met Rutte.", title="T", authors=("A. Writer",)),
        entities=(Entity(key="~person:tusk", type="PERSON", name="Donald Tusk",
                         aliases=("Tusk",), mentions=1),),
        mentions=(Mention(entity="~person:tusk", start=0, end=4, sentence=0, text="Tusk"),),
        relations=(Relation(subject="~person:tusk", predicate="said", obj=None,
                            sentence='He said "no".', start=0, end=13, trigger="said",
                            rule="quote", value="no", coreference=("He = Donald Tusk",)),),
    )


def test_round_trip_keeps_every_field_but_the_text() -> None:
    back = loads_facts(dumps_facts(_facts()))
    assert back.entities == _facts().entities and back.relations == _facts().relations
    assert back.article.text == "" and back.article.authors == ("A. Writer",)


def test_unknown_fields_are_ignored(tmp_path: Path) -> None:
    data = json.loads(dumps_facts(_facts()))
    data["relations"][0]["from_a_newer_version"] = 1
    assert loads_facts(json.dumps(data)).relations == _facts().relations


def test_write_and_read_many(tmp_path: Path) -> None:
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(dumps_facts(f) + "\n" for f in (_facts(), _facts())))
    assert [f.article.id for f in read_facts(path)] == ["a1", "a1"]
