"""Cross-article entity resolution."""

from __future__ import annotations

from extract.facts import Article, ArticleFacts, Entity
from graph.rdf.resolve import resolve

BASE = "https://example.org/id/"


def _article(aid: str, *entities: Entity) -> ArticleFacts:
    return ArticleFacts(article=Article(id=aid, text=""), entities=entities)


def _person(name: str, key: str | None = None) -> Entity:
    return Entity(key=key or f"~person:{name.lower()}", type="PERSON", name=name, mentions=1)


def test_surname_alone_joins_the_only_full_name() -> None:
    res = resolve([_article("a", _person("Tamsin Kovalenko")), _article("b", _person("Kovalenko"))],
                  BASE)
    assert len(res.nodes) == 1
    node = next(iter(res.nodes.values()))
    assert node.name == "Tamsin Kovalenko" and "Kovalenko" in node.aliases
    assert any("surname" in reason for _form, reason, _article, _also in node.merged)


def test_ambiguous_surname_stays_apart() -> None:
    res = resolve([_article("a", _person("Anna Novak"), _person("Petr Novak")),
                   _article("b", _person("Novak"))], BASE)
    assert len(res.nodes) == 3


def test_spelling_variant_of_first_name_merges() -> None:
    res = resolve([_article("a", _person("Volodymyr Zelenskyy")),
                   _article("b", _person("Volodymir Zelenskyy"))], BASE)
    assert len(res.nodes) == 1


def test_different_first_names_do_not_merge() -> None:
    res = resolve([_article("a", _person("Hunter Biden")), _article("b", _person("Joe Biden"))],
                  BASE)
    assert len(res.nodes) == 2


def test_linked_entities_merge_by_key_and_iris_are_stable() -> None:
    ru = Entity(key="country:RU", type="GPE", name="Russia", wikidata="Q159", mentions=1)
    ru2 = Entity(key="country:RU", type="GPE", name="Russian Federation", wikidata="Q159",
                 mentions=1)
    one = resolve([_article("a", ru), _article("b", ru2)], BASE)
    two = resolve([_article("b", ru2), _article("a", ru)], BASE)
    assert list(one.nodes) == list(two.nodes) == [f"{BASE}place/russia"]
    assert one.index[("b", "country:RU")] == f"{BASE}place/russia"


def test_explain_merges_lists_forms_and_reasons() -> None:
    from graph.rdf.resolve import explain_merges

    res = resolve([_article("a", _person("Tamsin Kovalenko")), _article("b", _person("Kovalenko"))],
                  BASE)
    [entity] = explain_merges(res)
    forms = {(f["form"], f["article"]): f["reason"] for f in entity["forms"]}  # type: ignore[union-attr]
    assert forms[("Kovalenko", "b")] == "surname of the only person with that name"
    assert forms[("Tamsin Kovalenko", "a")] == "same name"
