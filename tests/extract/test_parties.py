"""Party membership marks of US politicians."""

from __future__ import annotations

from conftest import triples


def _members(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "memberOf"}


def test_letter_after_the_name(facts_of) -> None:
    facts = facts_of("Sen. Mary Lanford (R-Ariz.) said the plan failed. "
                     "Tom Bexley, D-N.Y., agreed with her.")
    members = _members(facts)
    assert ("Mary Lanford", "Republican Party") in members
    assert ("Tom Bexley", "Democratic Party") in members


def test_party_word_before_the_title(facts_of) -> None:
    facts = facts_of("Democratic Rep. Tom Bexley opposed the bill.")
    assert ("Tom Bexley", "Democratic Party") in _members(facts)


def test_no_mark_no_party(facts_of) -> None:
    facts = facts_of("Rep. Tom Bexley (pictured) opposed the bill in Washington.")
    assert not _members(facts)


def test_expert_at_an_organisation_is_a_member(facts_of) -> None:
    facts = facts_of("The plan will fail, says Tom Bexley, an expert in trade law at "
                     "Harvard University.")
    assert ("Tom Bexley", "Harvard University") in _members(facts)


def test_supporter_of_is_no_member(facts_of) -> None:
    facts = facts_of("Tom Bexley, a loud supporter of NATO, spoke on Monday.")
    assert ("Tom Bexley", "NATO") not in _members(facts)
