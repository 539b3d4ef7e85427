"""Sentence boundaries set before the parser: line breaks, and attributions of quotations."""

from __future__ import annotations

from spacy.language import Language

from extract.boundaries import paragraph_boundaries

from conftest import triples


def _sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_line_break_starts_a_sentence(nlp) -> None:
    text = "Talks End\nThe envoy left Oslo \n \n today and \n\n then flew home.\n"
    doc = paragraph_boundaries(nlp.make_doc(text))
    assert [t.text for t in doc if t.is_sent_start] == ["Talks", "The", "today", "then"]
    assert not any(t.is_sent_start for t in paragraph_boundaries(nlp.make_doc("One line."))
                   if t.i > 0)


def test_an_exclaimed_quotation_keeps_its_speaker(nlp) -> None:
    text = '"The harbour will be open by Friday!" Mara Lindqvist wrote. Then she left.'
    assert _sentences(nlp, text)[0].endswith("Mara Lindqvist wrote.")
    text = "“Who pays for the bridge?” asked the mayor. Nobody answered."
    assert _sentences(nlp, text)[0].endswith("asked the mayor.")


def test_a_quotation_with_its_speaker_before_it_ends_the_sentence(nlp) -> None:
    text = "Kofi Mensah asked the minister: “Who pays for the bridge?” The minister said nothing."
    assert _sentences(nlp, text)[1] == "The minister said nothing."


def test_a_verb_that_says_something_new_starts_a_sentence(nlp) -> None:
    text = "“Who pays for the bridge?” Kofi Mensah said that the council would vote today."
    assert _sentences(nlp, text)[1].startswith("Kofi Mensah said that")


def test_a_new_paragraph_is_never_joined(nlp) -> None:
    text = "“Who pays for the bridge?”\n\nThe mayor said the council would vote."
    assert _sentences(nlp, text)[-1] == "The mayor said the council would vote."


def test_the_speaker_of_an_exclaimed_quotation_said_it(facts_of) -> None:
    facts = facts_of('"The harbour will be open again by Friday!" Mara Lindqvist wrote.')
    assert any(s == "Mara Lindqvist" and "harbour will be open" in o
               for s, p, o in triples(facts) if p == "said")
