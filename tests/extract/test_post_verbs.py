"""Posts stated by a verb of leading: "X, who heads the agency", "the council, led by X"."""

from __future__ import annotations

from conftest import triples


def _posts(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "holdsPost"}


def test_who_heads_an_organisation(facts_of) -> None:
    facts = facts_of("Tom Harlow, who heads the National Iranian American Council, spoke.")
    assert ("Tom Harlow", "National Iranian American Council") in _posts(facts)


def test_an_organisation_led_by_a_person(facts_of) -> None:
    facts = facts_of("The Transitional Council, now led by Colonel Tom Harlow, met on Friday.")
    assert ("Tom Harlow", "Transitional Council") in _posts(facts)


def test_the_unit_of_an_organisation(facts_of) -> None:
    facts = facts_of("Tom Harlow, who heads the UN's mission in Haiti, said the roads were open.")
    assert ("Tom Harlow", "United Nations") in _posts(facts)


def test_a_led_country_in_sport_or_a_led_rival_is_no_post(facts_of) -> None:
    facts = facts_of("Tom Harlow led Argentina to victory. Mary Lanford leads Paul Darnier in "
                     "the polls.")
    assert not _posts(facts)


def test_leading_some_members_of_a_party_is_no_post(facts_of) -> None:
    facts = facts_of("Tom Harlow led some twenty House Democrats on a tour of the shipyard.")
    assert not _posts(facts)
