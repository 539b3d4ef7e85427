"""Stances speakers state in their own words: first person and judged clauses in quotations."""

from __future__ import annotations

from extract.quotes import quotations

from conftest import triples


def _stances(facts) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {t for t in triples(facts) if t[1] not in {"said", "holdsPost"}}


def test_i_in_a_quotation_is_its_speaker(facts_of) -> None:
    facts = facts_of('"I oppose Governor Ann Leary on this," Senator Tom Halvorsen said.')
    assert ("Tom Halvorsen", "rejected", "Ann Leary") in _stances(facts)
    rel = next(r for r in facts.relations if r.predicate == "rejected")
    assert rel.modality == "fact"  # the speaker's own words are the stance itself
    assert any(note.startswith("I = Tom Halvorsen") for note in rel.coreference)


def test_a_quotation_over_two_sentences_keeps_its_speaker(facts_of) -> None:
    facts = facts_of('Senator Tom Halvorsen spoke to reporters on Monday. "We talked for an hour. '
                     'I support Governor Ann Leary," Halvorsen said.')
    assert ("Tom Halvorsen", "supports", "Ann Leary") in _stances(facts)


def test_we_stands_for_the_speaker(facts_of) -> None:
    facts = facts_of('"We condemn the attack by Belarus," the Foreign Ministry of Norway said.')
    assert ("Foreign Ministry of Norway", "criticized", "Belarus") in _stances(facts)
    facts = facts_of('"We praise Governor Ann Leary for her work," Senator Tom Halvorsen said.')
    assert ("Tom Halvorsen", "supports", "Ann Leary") in _stances(facts)
    post = next(r for r in facts.relations if r.predicate == "holdsPost")
    assert post.confidence == 0.9  # "We" is no argument of the senator's post


def test_an_organisation_is_never_i(facts_of) -> None:
    facts = facts_of('"I condemn the attack by Belarus," the Foreign Ministry of Norway said.')
    assert not _stances(facts)


def test_first_person_outside_a_quotation_stays_unresolved(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen spoke on Monday. I oppose Governor Ann Leary.")
    assert not _stances(facts)


def test_a_quoted_clause_that_judges_someone(facts_of) -> None:
    facts = facts_of('Senator Tom Halvorsen spoke on Monday. "Governor Ann Leary lied to the '
                     'voters. It is a sad day," she said.')
    assert ("Tom Halvorsen", "accused", "Ann Leary") not in _stances(facts)  # "she" is not Tom
    facts = facts_of('Senator Jane Halvorsen spoke on Monday. "Governor Ann Leary lied to the '
                     'voters. It is a sad day," she said.')
    assert ("Jane Halvorsen", "accused", "Ann Leary") in _stances(facts)


def test_a_quoted_question_judges_nobody(facts_of) -> None:
    facts = facts_of('Senator Jane Halvorsen spoke on Monday. "Did Governor Ann Leary lie to the '
                     'voters? We will see," she said.')
    assert not _stances(facts)


def test_quotations_are_token_ranges_without_their_marks(nlp) -> None:
    doc = nlp.make_doc('He said "we will go" and left.\n\n"It is over," she said.')
    spans = [doc[s:e].text for s, e in quotations(doc)]
    assert spans == ["we will go", "It is over,"]


def test_the_speakers_i_does_not_lower_the_saying(facts_of) -> None:
    facts = facts_of('"I oppose Governor Ann Leary on this," Senator Tom Halvorsen said.')
    said = next(r for r in facts.relations if r.predicate == "said")
    assert said.confidence == 0.8


def test_he_in_a_quotation_said_of_someone_is_that_someone(facts_of) -> None:
    facts = facts_of('"She lied to the voters," Senator Tom Halvorsen said of Governor Ann '
                     'Leary.')
    assert ("Tom Halvorsen", "accused", "Ann Leary") in _stances(facts)
    facts = facts_of('"She lied to the voters," Senator Tom Halvorsen said on Monday.')
    assert not _stances(facts)
