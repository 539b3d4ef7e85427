"""Where places are: only what the text says, not what the knowledge base knows."""

from __future__ import annotations

from conftest import triples


def _located(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "locatedIn"}


def test_city_and_country_named_apart_are_not_located(facts_of) -> None:
    facts = facts_of("Beijing refused the offer on Monday. Trade with the rest of the world, "
                     "officials said, was a matter for later, and China would wait.")
    assert ("Beijing", "China") not in _located(facts)


def test_city_and_state(facts_of) -> None:
    facts = facts_of("The plane left Austin, Texas, on Monday.")
    assert ("Austin", "Texas") in _located(facts)


def test_list_is_not_an_apposition(facts_of) -> None:
    facts = facts_of("Targets included Washington, D.C.; Hawaii; and Alaska.")
    assert ("Washington", "Hawaii") not in _located(facts)
