"""PERSON spans that are not (only) a person's name."""

from spacy.language import Language

from extract.kb import load_kb
from extract.persons import person_span


def _fix(nlp: Language, text: str, start: int, end: int) -> tuple[str, str | None]:
    doc = nlp(text)
    a, b, label = person_span(doc, start, end, load_kb())
    return doc[a:b].text, label


def test_headline_and_possessive_tails_are_cut(nlp: Language) -> None:
    assert _fix(nlp, "Read: Donald Trump's Rhetoric on trade.", 2, 6) == ("Donald Trump", "PERSON")
    assert _fix(nlp, "A debate with Ted Cruz Cruz on stage.", 3, 6) == ("Ted Cruz", "PERSON")


def test_named_after_people_is_not_a_person(nlp: Language) -> None:
    assert _fix(nlp, "They met at the Clinton Foundation today.", 4, 6)[1] == "ORG"
    assert _fix(nlp, "They met at the Lincoln Memorial today.", 4, 6)[1] == "FAC"
    assert _fix(nlp, "They met Matt House today.", 2, 4)[1] == "PERSON"


def test_lists_links_and_handles_are_dropped(nlp: Language) -> None:
    assert _fix(nlp, "Countries: Austria Azerbaijan and more.", 2, 4)[1] is None
    assert _fix(nlp, "Follow @POTUS now.", 1, 2)[1] is None


def test_people_named_like_places_stay_people(nlp: Language) -> None:
    assert _fix(nlp, "They met Carter Page today.", 2, 4) == ("Carter Page", "PERSON")
