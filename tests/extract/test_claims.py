"""Accusations made by reporting a wrongdoing: "officials said X used chemical weapons"."""

from __future__ import annotations

from conftest import triples


def _accused(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "accused"}


def test_reported_use_of_chemical_weapons(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow said on Friday that Belarus used chemical weapons "
                     "near the border.")
    assert ("Tom Harlow", "Belarus") in _accused(facts)


def test_reported_responsibility(facts_of) -> None:
    facts = facts_of("Interior Minister Paul Darnier said that Mary Lanford was responsible "
                     "for the thefts at the port.")
    assert ("Paul Darnier", "Mary Lanford") in _accused(facts)


def test_denied_wrongdoing_is_no_accusation(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow said that Russia was not behind the attack.")
    assert not _accused(facts)


def test_a_plain_report_is_no_accusation(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow said that Russia used its veto in the council.")
    assert not _accused(facts)


def test_a_supposed_claim_is_no_accusation(facts_of) -> None:
    facts = facts_of("If Senator Tom Harlow had said that Russia was behind the attack, he "
                     "would have been criticized.")
    assert not _accused(facts)


def test_deceiving_and_abusing_power_are_wrongdoing(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen said that Governor Ann Leary misled the voters.\n\n"
                     "Rep. Dana Quill suggested Governor Ann Leary abused her power.")
    found = triples(facts)
    assert ("Tom Halvorsen", "accused", "Ann Leary") in found
    assert ("Dana Quill", "accused", "Ann Leary") in found


def test_a_reported_epithet_is_criticism(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen said that Chile's demand for the port was "
                     "unrealistic. He said Governor Ann Leary was not reckless.")
    found = triples(facts)
    assert ("Tom Halvorsen", "criticized", "Chile") in found
    assert ("Tom Halvorsen", "criticized", "Ann Leary") not in found


def test_reported_praise_is_support(facts_of) -> None:
    facts = facts_of("Governor Ann Leary said Senator Tom Halvorsen had been terrific. Mayor "
                     "Dana Quill said that Governor Ann Leary is doing a great job.")
    found = triples(facts)
    assert ("Ann Leary", "supports", "Tom Halvorsen") in found
    assert ("Dana Quill", "supports", "Ann Leary") in found


def test_praise_needs_the_person_praised(facts_of) -> None:
    facts = facts_of("Governor Ann Leary said the weather had been terrific and that Senator "
                     "Tom Halvorsen is not doing a great job.")
    assert not {t for t in triples(facts) if t[1] == "supports"}


def test_calling_someone_wrong_is_criticism(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen said Governor Ann Leary was wrong. Mayor Dana Quill "
                     "said that Governor Ann Leary is doing a terrible job.")
    found = triples(facts)
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in found
    assert ("Dana Quill", "criticized", "Ann Leary") in found


def test_good_friends_is_no_praise(facts_of) -> None:
    facts = facts_of("Governor Ann Leary said Senator Tom Halvorsen is good friends with Mayor "
                     "Dana Quill.")
    assert not {t for t in triples(facts) if t[1] == "supports"}
