"""Entity extraction: title stripping, merging, linking, type correction."""

from __future__ import annotations

from conftest import names, triples


def test_titles_are_stripped_and_short_names_merged(facts_of) -> None:
    facts = facts_of(
        "Secretary of State Antony Blinken met NATO Secretary General Jens Stoltenberg in "
        "Brussels on Monday.\n\nBlinken said the allies were united. Stoltenberg agreed."
    )
    found = names(facts)
    assert found["Antony Blinken"] == "PERSON"
    assert found["Jens Stoltenberg"] == "PERSON"
    assert "Blinken" not in found and "Stoltenberg" not in found
    assert "State" not in found and "Secretary of State Antony Blinken" not in found
    blinken = next(e for e in facts.entities if e.name == "Antony Blinken")
    assert blinken.mentions >= 2


def test_title_before_a_person_is_not_an_organisation(facts_of) -> None:
    facts = facts_of("US Secretary of Defense Lloyd Austin visited Warsaw on Tuesday.")
    found = names(facts)
    assert found.get("Lloyd Austin") == "PERSON"
    assert not any("Defense" in n for n in found)


def test_spelling_variants_of_a_known_person_merge(facts_of) -> None:
    facts = facts_of(
        "Anthony Blinken arrived in Kyiv. Later, Antony Blinken met officials there."
    )
    people = [e for e in facts.entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Antony Blinken"]
    assert "Anthony Blinken" in people[0].aliases


def test_unknown_person_short_name_merges(facts_of) -> None:
    facts = facts_of(
        "Mayor Tamsin Kovalenko opened the new bridge. Kovalenko said it cost too much."
    )
    people = [e for e in facts.entities if e.type == "PERSON"]
    assert [p.name for p in people] == ["Tamsin Kovalenko"]
    assert people[0].key.startswith("~person:")


def test_mr_never_joins_a_woman_of_the_same_surname(facts_of) -> None:
    facts = facts_of(
        "Mr. Kovalenko opened the new bridge. His wife, Margaret Kovalenko, spoke first. "
        "Mr. Kovalenko said it cost too much."
    )
    people = sorted(e.name for e in facts.entities if e.type == "PERSON")
    assert people == ["Kovalenko", "Margaret Kovalenko"]
    # one "Mrs." among many mentions of the husband is no sign; "will miss" is no honorific
    facts = facts_of(
        "Peter Kovalenko opened the new bridge. Kovalenko said it cost too much. Kovalenko "
        "left early. Mrs. Kovalenko stayed. Voters will miss Kovalenko, Kovalenko said."
    )
    people = sorted(e.name for e in facts.entities if e.type == "PERSON")
    assert "Kovalenko" not in people


def test_acronym_and_alias_link_to_one_entity(facts_of) -> None:
    facts = facts_of(
        "The North Atlantic Treaty Organization met in Vilnius. NATO leaders agreed to "
        "raise spending, and the Alliance will meet again next year."
    )
    orgs = [e for e in facts.entities if e.type == "ORG"]
    assert [o.name for o in orgs] == ["NATO"]
    assert orgs[0].wikidata == "Q7184"


def test_demonyms_and_abbreviations_are_the_country(facts_of) -> None:
    facts = facts_of(
        "The U.S. and the United States Congress differ. American officials said the US "
        "would act."
    )
    countries = [e for e in facts.entities if e.key == "country:US"]
    assert len(countries) == 1
    assert countries[0].name == "United States"
    assert countries[0].wikidata == "Q30"


def test_name_particles_stay_in_the_name(facts_of) -> None:
    facts = facts_of(
        "European Commission President Ursula von der Leyen spoke in Strasbourg. "
        "Von der Leyen said Europe must act."
    )
    people = {e.name for e in facts.entities if e.type == "PERSON"}
    assert people == {"Ursula von der Leyen"}


def test_places_are_places_and_people_people(facts_of) -> None:
    facts = facts_of(
        "Blinken travelled to Kyiv, where he met Ukrainian President Volodymyr Zelensky."
    )
    found = names(facts)
    assert found.get("Kyiv") == "GPE"
    assert found.get("Volodymyr Zelensky") == "PERSON"
    assert found.get("Ukraine") == "GPE"  # from "Ukrainian"


def test_mentions_point_into_the_text(facts_of) -> None:
    text = "Poland and Lithuania signed a pact in Vilnius."
    facts = facts_of(text)
    assert facts.mentions
    for m in facts.mentions:
        assert text[m.start : m.end] == m.text


def test_organisation_names_are_not_cut_into_title_and_person(facts_of) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of("Forecasters at the National Tornado Center said the storm would grow.")
    assert all(e.type != "PERSON" for e in facts.entities)


def test_places_opening_with_a_given_name_stay_places(facts_of) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of("Demonstrators marched in Virginia Beach on Sunday.")
    assert all(e.type != "PERSON" for e in facts.entities)


def test_a_given_name_alone_is_the_one_person_of_that_name(facts_of) -> None:  # type: ignore[no-untyped-def]
    facts = facts_of("Governor Benjamin Hartwell toured the plant on Monday. Later Benjamin "
                     "told workers the plant would stay open.")
    assert [e.name for e in facts.entities if e.type == "PERSON"] == ["Benjamin Hartwell"]
    facts = facts_of("Factory owner Arthur T. Pembrook spoke first. Workers said that without "
                     "Arthur T. in charge, wages would fall.")
    assert [e.name for e in facts.entities if e.type == "PERSON"] == ["Arthur T. Pembrook"]
    found = names(facts_of("Jane Harwick and Jane Doyle spoke. Jane said the vote was close."))
    assert "Jane" in found  # two people of that given name: not merged


def test_brexit_is_an_event_not_a_person(facts_of) -> None:
    facts = facts_of("The vote went badly.\n\nThe government failed to deliver Brexit on time.")
    assert {(e.name, e.type) for e in facts.entities} >= {("Brexit", "EVENT")}


def test_a_plural_title_is_no_part_of_a_place(facts_of) -> None:
    facts = facts_of("The plan was endorsed by former Nordland Govs. Ann Leary and Tom Halvorsen "
                     "of Norway.")
    assert not [e for e in facts.entities if "Govs" in e.name]


def test_a_verb_before_a_name_is_no_part_of_it(facts_of) -> None:
    facts = facts_of("Ann Leary spoke on Monday.\n\nCiting Mara Lindqvist, the paper said the "
                     "vote was close.\n\nVia Tom Halvorsen at the Oslo Herald.")
    names = {e.name for e in facts.entities if e.type == "PERSON"}
    assert {"Mara Lindqvist", "Tom Halvorsen"} <= names
    assert not [n for n in names if n.split()[0] in {"Citing", "Via"}]


def test_an_organisation_named_short_is_its_full_name(facts_of) -> None:
    facts = facts_of("The Oslo Legal Foundation filed a brief on Monday. Oslo Legal also sued "
                     "the city.")
    orgs = {e.name for e in facts.entities if e.type == "ORG"}
    assert "Oslo Legal Foundation" in orgs and "Oslo Legal" not in orgs
    chamber = facts_of("The House Committee met on Monday in Oslo. The House voted on Tuesday "
                       "in Oslo.")
    assert len([e for e in chamber.entities if e.type == "ORG"]) == 2


def test_the_sides_of_a_court_case_are_no_actors(facts_of) -> None:
    facts = facts_of("The justices heard Leary v. Halvorsen on Monday in Oslo.")
    assert {e.name for e in facts.entities} == {"Oslo"}


def test_a_service_named_bare_in_us_news_is_the_us_service(facts_of) -> None:
    facts = facts_of("The U.S. budget was cut. The Navy says it will end deployments to the "
                     "Caribbean. The Chinese Navy sailed on.")
    names = {e.name for e in facts.entities}
    assert "U.S. Navy" in names and "Chinese Navy" not in {
        e.name for e in facts.entities if e.key == "org:us-navy"}
    said = {(s, o[:10]) for s, p, o in triples(facts) if p == "said"}
    assert ("U.S. Navy", "it will en") in said
    abroad = facts_of("The Navy says it will end deployments to the Baltic, Norway said.")
    assert "U.S. Navy" not in {e.name for e in abroad.entities}
