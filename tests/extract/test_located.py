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
    facts = facts_of("The two sides met in Malakal, South Sudan's second city, in October.")
    assert ("Malakal", "South Sudan") in _located(facts)


def test_nationality_and_kind_noun_with_of(facts_of) -> None:
    facts = facts_of("Smoke rose above the Syrian border city of Tal Hamra on Friday.")
    assert ("Tal Hamra", "Syria") in _located(facts)


def test_town_of_a_name_typed_otherwise_is_a_place(facts_of) -> None:
    facts = facts_of("Residents of the town of el-Kureib in western Sudan's Darfur region fled.")
    located = _located(facts)
    assert ("el-Kureib", "Darfur") in located
    assert ("Darfur", "Sudan") in located


def test_suburbs_of_a_city_are_not_inside_the_state(facts_of) -> None:
    facts = facts_of("The party was held in the Maryland suburbs of Washington in 1982.")
    assert ("Washington", "Maryland") not in _located(facts)


def test_possessive_building_is_not_located_in_a_capital(facts_of) -> None:
    facts = facts_of("He got the third job in Beijing's Tokyo Embassy within ten years.")
    assert not [o for s, o in _located(facts) if s == "Tokyo Embassy"]


def test_a_city_named_with_an_ocean_is_not_in_it(facts_of) -> None:
    facts = facts_of("Gazprom will process gas near the Pacific city of Vladivostok.")
    assert not [o for s, o in _located(facts) if s == "Vladivostok"]
