"""Reactions to an act named again without its actor ("the strikes", "the decision")."""

from __future__ import annotations

from conftest import triples


def _stances(facts) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {t for t in triples(facts) if t[1] not in {"said", "holdsPost", "memberOf"}}


def test_condemning_the_act_of_someone_named_before(facts_of) -> None:
    facts = facts_of("Governor Ann Leary ordered strikes on rebel camps on Sunday.\n\n"
                     "Senator Tom Halvorsen condemned the strikes on Monday.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in _stances(facts)


def test_approving_of_the_act_is_support(facts_of) -> None:
    facts = facts_of("Governor Ann Leary decided to close the border on Sunday.\n\n"
                     "Senator Tom Halvorsen said the decision was wise and overdue.")
    assert ("Tom Halvorsen", "supports", "Ann Leary") in _stances(facts)


def test_calling_the_act_a_mistake_is_criticism(facts_of) -> None:
    facts = facts_of("Belarus announced a ban on grain imports on Sunday. The ban starts in "
                     "May.\n\nSenator Tom Halvorsen called the ban a mistake.")
    assert ("Tom Halvorsen", "criticized", "Belarus") in _stances(facts)


def test_an_act_with_no_actor_named_gives_no_target(facts_of) -> None:
    facts = facts_of("Strikes hit rebel camps on Sunday.\n\n"
                     "Senator Tom Halvorsen condemned the strikes on Monday.")
    assert not _stances(facts)


def test_an_act_named_long_before_is_not_resolved(facts_of) -> None:
    filler = " ".join(f"Farmers in the valley planted crop number {n}." for n in range(8))
    facts = facts_of(f"Governor Ann Leary ordered strikes on rebel camps. {filler}\n\n"
                     "Senator Tom Halvorsen condemned the strikes on Monday.")
    assert not _stances(facts)


def test_an_indefinite_act_is_not_the_earlier_one(facts_of) -> None:
    facts = facts_of("Governor Ann Leary ordered strikes on rebel camps on Sunday.\n\n"
                     "Senator Tom Halvorsen has long condemned strikes of any kind.")
    assert not _stances(facts)


def test_the_maker_of_a_thing_named_in_the_same_sentence(facts_of) -> None:
    facts = facts_of("Ann Leary condemned the harbour tax Tom Halvorsen signed into law.")
    assert ("Ann Leary", "criticized", "Tom Halvorsen") in triples(facts)
    facts = facts_of("Ann Leary rejected the ferry plan that Tom Halvorsen announced on Monday.")
    assert ("Ann Leary", "rejected", "Tom Halvorsen") in triples(facts)
    # people are not made: whom someone met is not their act
    facts = facts_of("Ann Leary criticized the people Tom Halvorsen met in Oslo.")
    assert ("Ann Leary", "criticized", "Tom Halvorsen") not in triples(facts)
