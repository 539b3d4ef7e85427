"""Knowledge-base links only when the article confirms them; US places and party tags."""

from collections.abc import Callable

import pytest
from spacy.language import Language

from extract.kb import load_kb
from extract.usplaces import affiliations, state_id

Keys = Callable[[str], dict[str, str]]


@pytest.fixture(scope="module")
def keys(nlp: Language) -> Keys:
    def run(text: str) -> dict[str, str]:
        doc = nlp(text)
        return {g.name: key for key, g in doc._.ng_entities.items()}
    return run


def test_party_and_state_tags() -> None:
    kb = load_kb()
    tags = affiliations("Sen. Jane Roe (R-Texas) met Rep. John Doe, D-N.Y., on Monday.", kb)
    assert [(t.party, t.state) for t in tags] == [
        ("org:us-republican-party", "region:US-TX"), ("org:us-democratic-party", "region:US-NY")]
    assert state_id("Mass.") == "region:US-MA" and state_id("Mass") is None


def test_titled_surname_is_a_person_not_a_place(keys: Keys) -> None:
    found = keys("Sen. Kennedy said the bill would pass. Kennedy added that it was late.")
    assert not any(k.startswith("city:") for k in found.values())


def test_surname_alias_needs_the_full_name(keys: Keys) -> None:
    found = keys("White House spokesman Jay Carney spoke on Monday. Mr. Carney said no more.")
    assert "person:mark-carney" not in found.values()


def test_city_before_a_us_state_is_not_abroad(keys: Keys) -> None:
    found = keys("The meeting was held in Alexandria, Va., on Tuesday, officials said.")
    assert "region:US-VA" in found.values()
    assert not any(k.startswith("city:") for k in found.values())


def test_state_abbreviation_at_the_end_of_the_text(keys: Keys) -> None:
    found = keys("The rally was in Sterling, VA")
    assert "region:US-VA" in found.values()


def test_honorific_surname_alone_is_not_linked(keys: Keys) -> None:
    assert "person:mark-carney" not in keys("Mr. Carney said the budget was late.").values()
    assert "person:antony-blinken" in keys("Blinken discussed the summit in Rome.").values()


def test_country_named_like_a_speaker_is_the_person(keys: Keys) -> None:
    found = keys("Deputy attorney general Lisa Monaco spoke on Monday. \"We are ready,\" "
                 "Monaco added.")
    assert "country:MC" not in found.values()


def test_city_named_like_a_state_in_a_list_of_states_is_the_state(keys: Keys) -> None:
    found = keys("Governors of California, Oregon and Washington agreed on a plan.")
    assert "region:US-WA" in found.values()
    assert "city:4140963" not in found.values()


def test_washington_alone_stays_the_capital(keys: Keys) -> None:
    found = keys("Protests spread from Washington to Chicago on Monday.")
    assert "city:4140963" in found.values()
