"""Pronouns and descriptions resolved within an article."""

from __future__ import annotations

from conftest import triples


def test_pronoun_in_a_later_sentence(facts_of) -> None:
    facts = facts_of("Donald Tusk visited Vilnius. He accused Belarus of sabotage.")
    assert ("Donald Tusk", "accused", "Belarus") in triples(facts)
    assert any(m.source == "coref" for m in facts.mentions)


def test_pronoun_takes_the_subject_of_its_own_sentence(facts_of) -> None:
    facts = facts_of(
        "Maria Zakharova spoke on Monday.\n\n"
        "Kremlin spokesman Dmitry Peskov said Russia had no plans, and he criticized NATO."
    )
    critics = {facts.entity(r.subject).name for r in facts.relations
               if r.predicate == "criticized"}
    assert critics == {"Dmitry Peskov"}


def test_generic_description_is_the_organisation(facts_of) -> None:
    facts = facts_of("NATO met in Madrid. The members of the alliance rejected Moscow's offer.")
    assert ("NATO", "rejected", "Russia") in triples(facts)


def test_pronoun_inside_a_quote_is_not_resolved(facts_of) -> None:
    facts = facts_of('Blinken met Stoltenberg. "He is right," a diplomat said.')
    coref = [m for m in facts.mentions if m.source == "coref"]
    assert not coref


def test_pronoun_gender_follows_a_clearly_gendered_given_name(facts_of) -> None:
    facts = facts_of("Robert Kowalski met Margaret Hodge in Brussels. She criticized NATO.")
    critics = {facts.entity(r.subject).name for r in facts.relations
               if r.predicate == "criticized"}
    assert critics == {"Margaret Hodge"}


def test_coreference_is_kept_as_provenance(facts_of) -> None:
    facts = facts_of("Donald Tusk visited Vilnius. He accused Belarus of sabotage.")
    rel = next(r for r in facts.relations if r.predicate == "accused")
    assert rel.coreference == ("He = Donald Tusk (after: Tusk)",)


def test_the_head_of_an_organisation_is_its_head(facts_of) -> None:
    facts = facts_of("US Secretary of Defense Lloyd Austin arrived in Brussels. "
                     "The head of the Pentagon criticized Russia.")
    critics = {facts.entity(r.subject).name for r in facts.relations
               if r.predicate == "criticized"}
    assert critics == {"Lloyd Austin"}


def test_the_country_president_is_the_person_holding_that_post(facts_of) -> None:
    facts = facts_of("Brazilian President Lucas Ferreira visited Lima on Monday. Speaking at a "
                     "rally, the Brazilian president said his government will build a new port.")
    speakers = {facts.entity(r.subject).name for r in facts.relations if r.predicate == "said"}
    assert speakers == {"Lucas Ferreira"}


def test_the_president_without_a_name_is_the_one_president(facts_of) -> None:
    facts = facts_of("President Lucas Ferreira met farmers in Recife. Later the president "
                     "criticized Argentina for its new export tariffs.")
    assert ("Lucas Ferreira", "criticized", "Argentina") in triples(facts)


def test_the_president_is_not_a_former_one(facts_of) -> None:
    facts = facts_of("President Lucas Ferreira met farmers in Recife with former President "
                     "Ana Prado. Later the president criticized Argentina for its tariffs.")
    assert ("Lucas Ferreira", "criticized", "Argentina") in triples(facts)
    assert ("Ana Prado", "criticized", "Argentina") not in triples(facts)


def test_the_president_is_the_one_the_story_is_about(facts_of) -> None:
    facts = facts_of("President Lucas Ferreira met farmers in Recife. Ferreira promised them "
                     "roads. Ferreira had called President Ruiz of Peru before the trip. "
                     "Later the president criticized Argentina for its tariffs.")
    assert ("Lucas Ferreira", "criticized", "Argentina") in triples(facts)
    even = facts_of("President Lucas Ferreira met President Tomas Ruiz in Recife. Later the "
                    "president criticized Argentina for its tariffs.")
    assert not [t for t in triples(even) if t[1] == "criticized"]


def test_said_pronoun_is_not_someone_the_speaker_talked_about(facts_of) -> None:
    facts = facts_of("Minister Paul Girard said that Marc Dubois was believed to have planned "
                     "the thefts. Of the four robberies, he said, Dubois had organised three.")
    speakers = {facts.entity(r.subject).name for r in facts.relations if r.predicate == "said"}
    assert "Marc Dubois" not in speakers and "Paul Girard" in speakers


def test_object_pronoun_is_not_the_named_subject_of_its_clause(facts_of) -> None:
    facts = facts_of("Paul Darnier is the county treasurer. Tom Harlow, who is a cousin of "
                     "Darnier, spoke to him about the budget on Monday.")
    met = {frozenset((s, o)) for s, p, o in triples(facts) if p == "discussedWith"}
    assert frozenset(("Tom Harlow", "Paul Darnier")) in met


def test_they_in_a_reported_clause_is_the_coordinated_speakers(facts_of) -> None:
    facts = facts_of("Tom Harlow and Mary Lanford said they would oppose the plan of Paul "
                     "Darnier.")
    rejected = {(s, o) for s, p, o in triples(facts, asserted_only=False) if p == "rejected"}
    assert {("Tom Harlow", "Paul Darnier"), ("Mary Lanford", "Paul Darnier")} <= rejected


def test_the_state_republican_is_the_last_person_who_spoke(facts_of) -> None:
    facts = facts_of("Speaker Tom Harlow said he would block the vote. \u201cThe tax must "
                     "stay as it is,\u201d the Ohio Republican said.")
    found = triples(facts)
    assert ("Tom Harlow", "memberOf", "Republican Party") in found
    assert not [o for s, p, o in found if s == "Republican Party" and p == "said"]


def test_the_state_republican_after_a_long_quotation_is_the_last_person(facts_of) -> None:
    facts = facts_of("Speaker Tom Harlow said he would block the vote.\n\n\u201cThe tax must "
                     "stay as it is, and it must stay that way until the people of the state "
                     "have had their say on every part of it. There is no new course here, "
                     "only another concession to the lobbyists who wrote the bill in the first "
                     "place,\u201d the Ohio Republican said.")
    said = {(s, o[:12]) for s, p, o in triples(facts) if p == "said"}
    assert ("Tom Harlow", "The tax must") in said
    lone = facts_of("The measure passed on Monday. The Ohio Republican said it was a mistake "
                    "to pass it in such a hurry.")
    assert not [s for s, p, o in triples(lone) if s == "Republican Party"]


def test_the_party_word_with_a_person_in_apposition_is_that_person(facts_of) -> None:
    facts = facts_of("Paul Darnier closed the office. The senior Democrat on the board, "
                     "Virginia Sen. Tom Harlow, said it was a mistake.")
    found = triples(facts)
    assert ("Tom Harlow", "memberOf", "Democratic Party") in found
    assert ("Paul Darnier", "memberOf", "Democratic Party") not in found


def test_they_after_a_group_of_party_members_is_the_party(facts_of) -> None:
    facts = facts_of("The United States Senate met on Monday. Two Republican senators said "
                     "the apology was welcome, but they put the blame for the outage firmly on "
                     "Mayor Tom Harlow.")
    accusers = {s for s, p, o in triples(facts) if p == "accused" and o == "Tom Harlow"}
    assert [s for s in accusers if s.startswith("Republican")]


def test_it_in_a_reported_clause_is_the_reporting_country(facts_of) -> None:
    facts = facts_of("Canada said on Sunday it had frozen military aid to Bolivia.")
    sanctioned = {(s, o) for s, p, o in triples(facts, asserted_only=False) if p == "sanctioned"}
    assert ("Canada", "Bolivia") in sanctioned


def test_he_in_a_reported_clause_is_its_speaker(facts_of) -> None:
    facts = facts_of("Mayor Tom Harlow visited Lyon on Monday. Spokesman Paul Darnier said the "
                     "plan was fair. Also, the mayor has often said he is ready to work with "
                     "the Council of Europe on the rail link.")
    found = {(s, o) for s, p, o in triples(facts, asserted_only=False) if p == "cooperatesWith"}
    assert found and all("Paul Darnier" not in pair for pair in found)


def test_administration_officials_speak_for_the_country(facts_of) -> None:
    facts = facts_of("Brazilian President Lucas Ferreira flew to Lima on Monday. Administration "
                     "officials said the trip would last two days.")
    speakers = {facts.entity(r.subject).name for r in facts.relations if r.predicate == "said"}
    assert speakers == {"Brazil"}
    named = facts_of("Brazilian President Lucas Ferreira flew to Lima on Monday. Ferreira "
                     "administration officials said the trip would last two days.")
    speakers = {named.entity(r.subject).name for r in named.relations if r.predicate == "said"}
    assert speakers == {"Brazil"}


def test_they_after_a_group_named_in_apposition(facts_of) -> None:
    facts = facts_of("Three senators, Tom Harlow, Ann Leary and Jim Parrish, said the plan was "
                     "bad, but they laid the blame on Governor Dana Quill.")
    found = triples(facts)
    assert {s for s, p, o in found if p == "accused" and o == "Dana Quill"} == {
        "Tom Harlow", "Ann Leary", "Jim Parrish"}


def test_the_two_leaders_are_the_pair_named_before(facts_of) -> None:
    facts = facts_of("President Lucas Ferreira and Prime Minister Dov Arieli met in Lima on "
                     "Monday. The two leaders criticized Argentina for its tariffs.")
    found = triples(facts)
    assert ("Lucas Ferreira", "criticized", "Argentina") in found
    assert ("Dov Arieli", "criticized", "Argentina") in found
    described = facts_of("President Lucas Ferreira and Prime Minister Dov Arieli met in Lima. "
                         "Brazilian officials criticized Argentina for its tariffs.")
    assert ("Dov Arieli", "criticized", "Argentina") not in triples(described)


def test_the_spokeswoman_speaks_for_the_body_named_before(facts_of) -> None:
    facts = facts_of("A spokeswoman for the Norwegian Foreign Ministry confirmed the visit on "
                     'Monday. "The talks have ended without a deal," the spokeswoman said.')
    said = {(s, o) for s, p, o in triples(facts) if p == "said"}
    assert ("Norwegian Foreign Ministry", "The talks have ended without a deal") in said


def test_a_spokeswoman_named_with_no_body_speaks_for_nobody(facts_of) -> None:
    facts = facts_of('Officials met on Monday. "The talks have ended without a deal," the '
                     "spokeswoman said.")
    assert not {t for t in triples(facts) if t[1] == "said"}
