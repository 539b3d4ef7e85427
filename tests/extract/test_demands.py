"""Demands that someone leave office are criticism of them."""

from __future__ import annotations

from conftest import triples


def test_call_for_resignation(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen called for the resignation of Governor Ann Leary.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts)


def test_demanded_possessive_ouster(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen demanded Governor Ann Leary's ouster on Friday.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts)


def test_urged_to_step_down(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen urged Governor Ann Leary to step down.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts)
    stay = facts_of("Senator Tom Halvorsen urged Governor Ann Leary to step up.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") not in triples(stay)


def test_called_on_to_resign(facts_of) -> None:
    facts = facts_of("Speaker Nadia Perlman called on Attorney General Hugh Pellman to resign.")
    assert ("Nadia Perlman", "criticized", "Hugh Pellman") in triples(facts)


def test_declining_to_call_for_removal_is_negated(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen declined to call for the impeachment of Governor "
                     "Ann Leary.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") not in triples(facts)
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts, asserted_only=False)


def test_a_resignation_announced_is_no_demand(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen announced the resignation of Governor Ann Leary.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") not in triples(facts)
