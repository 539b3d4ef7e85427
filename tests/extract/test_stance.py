"""Stance words: criticism, accusation, support, alliance, and their actors."""

from __future__ import annotations

from conftest import triples


def test_condemning_is_criticism(facts_of) -> None:
    facts = facts_of("Germany condemned Belarus for the forced landing.")
    found = triples(facts)
    assert ("Germany", "criticized", "Belarus") in found
    assert ("Germany", "accused", "Belarus") not in found


def test_actor_of_a_who_clause(facts_of) -> None:
    facts = facts_of("Germany, which slammed Belarus last week, sent a note to Poland.")
    assert ("Germany", "criticized", "Belarus") in triples(facts)


def test_critical_of(facts_of) -> None:
    facts = facts_of("Poland was highly critical of Belarus during the summit.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_allies(facts_of) -> None:
    facts = facts_of("Poland has long been an ally of Lithuania.")
    assert ("Lithuania", "cooperatesWith", "Poland") in triples(facts) or (
        "Poland", "cooperatesWith", "Lithuania") in triples(facts)


def test_stop_blaming_is_no_accusation(facts_of) -> None:
    facts = facts_of("Poland urged Germany to stop blaming Belarus for the crisis.")
    assert not [t for t in triples(facts) if t[1] == "accused"]


def test_a_joint_visit_is_not_a_meeting(facts_of) -> None:
    facts = facts_of("Antony Blinken and Jens Stoltenberg visited the factory in Kazan.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_meeting_after_a_date_possessive(facts_of) -> None:
    facts = facts_of("After Tuesday's meeting with Antony Blinken, Jens Stoltenberg said nothing.")
    assert ("Antony Blinken", "discussedWith", "Jens Stoltenberg") in triples(facts)


def test_standing_with_is_support(facts_of) -> None:
    facts = facts_of("Poland stands with Ukraine against the invasion.")
    assert ("Poland", "supports", "Ukraine") in triples(facts)


def test_calling_an_action_unacceptable_is_criticism(facts_of) -> None:
    facts = facts_of("Poland called Belarus's decision unacceptable.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_senators_of_a_party_act_for_it(facts_of) -> None:
    facts = facts_of("Republican senators accused Tom Bexley of lying about the deal.")
    assert any(p == "accused" and "Republican" in s and o == "Tom Bexley"
               for s, p, o in triples(facts))


def test_opposition_forces_do_not_act_for_their_country(facts_of) -> None:
    facts = facts_of("Poland sent aid to Syrian opposition forces.")
    assert ("Poland", "supports", "Syria") not in triples(facts)


def test_agreeing_to_act_is_no_agreement_with_each_other(facts_of) -> None:
    facts = facts_of("Germany and Sweden have agreed to take in more refugees.")
    assert not [t for t in triples(facts) if t[1] == "agreedWith"]


def test_negation_stays_with_its_own_verb(facts_of) -> None:
    facts = facts_of("Poland did not budge, and then criticized Belarus.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_negation_over_or(facts_of) -> None:
    facts = facts_of("Poland did not criticize or threaten Belarus.")
    assert ("Poland", "threatened", "Belarus") not in triples(facts)


def test_pronoun_possessor_is_not_the_clause_subject(facts_of) -> None:
    facts = facts_of("Poland criticized Germany for its support of Belarus.")
    assert ("Poland", "supports", "Belarus") not in triples(facts)


def test_names_in_apposition_act(facts_of) -> None:
    facts = facts_of("Its neighbours China and Russia criticized Japan.")
    found = triples(facts)
    assert ("China", "criticized", "Japan") in found and ("Russia", "criticized", "Japan") in found


def test_blocking_a_plan_rejects_its_maker(facts_of) -> None:
    facts = facts_of("Hungary blocked Germany's plan to fund the pipeline.")
    assert ("Hungary", "rejected", "Germany") in triples(facts)


def test_blocking_a_road_rejects_nobody(facts_of) -> None:
    facts = facts_of("Protesters in Hungary blocked the road to Austria.")
    assert not [t for t in triples(facts) if t[1] == "rejected"]
