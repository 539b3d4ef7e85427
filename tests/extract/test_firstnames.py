"""Given names from the census lists."""

from __future__ import annotations

from extract.firstnames import given_name_gender, is_given_name


def test_known_names_and_genders() -> None:
    assert given_name_gender("margaret") == "f"
    assert given_name_gender("ROBERT") == "m"
    assert given_name_gender("Jordan") == "fm"


def test_places_and_organisations_are_not_names() -> None:
    assert not is_given_name("NATO")
    assert not is_given_name("Brussels")
