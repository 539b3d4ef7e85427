"""Where places are: "City, State", and lists that are not appositions."""

from __future__ import annotations

from conftest import triples


def _located(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "locatedIn"}


def test_city_and_state(facts_of) -> None:
    facts = facts_of("The plane left Austin, Texas, on Monday.")
    assert ("Austin", "Texas") in _located(facts)


def test_list_is_not_an_apposition(facts_of) -> None:
    facts = facts_of("Targets included Washington, D.C.; Hawaii; and Alaska.")
    assert ("Washington", "Hawaii") not in _located(facts)
