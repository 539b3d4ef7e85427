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


def test_capital_in_apposition(facts_of) -> None:
    facts = facts_of("The delegates gathered in Kisumu, Kenya's third city, last spring.")
    assert ("Kisumu", "Kenya") in _located(facts)


def test_nationality_and_kind_noun_with_of(facts_of) -> None:
    facts = facts_of("Floods reached the Chilean port city of Puerto Varda on Sunday.")
    assert ("Puerto Varda", "Chile") in _located(facts)


def test_town_of_a_name_typed_otherwise_is_a_place(facts_of) -> None:
    facts = facts_of("Farmers of the town of el-Maraq in eastern Chad's Ouaddai region "
                     "protested.")
    located = _located(facts)
    assert ("el-Maraq", "Ouaddai") in located
    assert ("Ouaddai", "Chad") in located


def test_suburbs_of_a_city_are_not_inside_the_state(facts_of) -> None:
    facts = facts_of("The wedding took place in the Virginia suburbs of Washington last June.")
    assert ("Washington", "Virginia") not in _located(facts)


def test_possessive_building_is_not_located_in_a_capital(facts_of) -> None:
    facts = facts_of("She took a post at Paris's Rome Embassy after two years.")
    assert not [o for s, o in _located(facts) if s == "Rome Embassy"]


def test_a_city_named_with_an_ocean_is_not_in_it(facts_of) -> None:
    facts = facts_of("The firm will build a plant near the Atlantic city of Lagos.")
    assert not [o for s, o in _located(facts) if s == "Lagos"]
