"""PERSON spans that are not (only) a person's name."""

from spacy.language import Language

from extract.kb import load_kb
from extract.persons import person_span

from conftest import names


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


def test_link_cards_run_into_the_next_headline_are_cut(nlp: Language) -> None:
    text = "It hit former Vice President Jane Moss Jane Ellen MossGOP senators balk at trial."
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Jane")
    assert _fix(nlp, text, start, start + 5) == ("Jane Moss", "PERSON")
    card = "Aide Mary Lang Mary Beth LangSources say the plan failed. Lang declined."
    doc = nlp(card)
    second = [t.i for t in doc if t.text == "Mary"][1]
    assert _fix(nlp, card, second, second + 3)[1] is None
    assert _fix(nlp, "Vote Ted Rowe Ted Rowe2020 Democrats now.", 1, 5) == ("Ted Rowe", "PERSON")


def test_camel_case_names_are_not_glued_words(nlp: Language) -> None:
    assert _fix(nlp, "They met Jim VandeHei today.", 2, 4) == ("Jim VandeHei", "PERSON")
    assert _fix(nlp, "They met Anna MacArthur today.", 2, 4) == ("Anna MacArthur", "PERSON")


def test_adjective_compounds_and_leading_verbs_are_not_names(nlp: Language) -> None:
    assert _fix(nlp, "They kept the Smith-era rules in place.", 3, 6)[1] is None
    assert _fix(nlp, "Praising Gomez's record, the senator left.", 0, 2) == ("Gomez", "PERSON")


def test_one_word_names_used_as_things_are_no_people(facts_of) -> None:  # type: ignore[no-untyped-def]
    found = names(facts_of("Fentanyl is a deadly drug, officials said. The fentanyl came by mail."))
    assert "Fentanyl" not in found
    assert "Caravan" not in names(facts_of("Voters talk about the Caravan all day."))
    assert "Pell" not in names(facts_of("They met Pell officials to discuss Pell grants."))
    found = names(facts_of("Police said the men were arrested in Dunmore on Thursday."))
    assert found.get("Dunmore") == "GPE"
    found = names(facts_of("Police raided homes in the Dunmore suburb on Thursday."))
    assert found.get("Dunmore") == "GPE"


def test_one_word_names_with_a_title_or_speech_stay_people(facts_of) -> None:  # type: ignore[no-untyped-def]
    found = names(facts_of("Mr. Pell said the grants would grow. Pell grants help students."))
    assert found.get("Pell") == "PERSON"
    assert names(facts_of("Rebels fought the Vostrik regime for years.")).get("Vostrik") == "PERSON"


def test_title_fragments_and_case_parties_are_no_names(nlp: Language) -> None:
    text = "Lawmakers want to hear from Acting White House Chief of Staff Mick Tolliver."
    assert _fix(nlp, text, 5, 7)[1] is None
    text = "If Jones resigns, U.S. Solicitor General Noel Hartfield would take over."
    assert _fix(nlp, text, 4, 6)[1] is None
    assert _fix(nlp, "Sheriff's Lance Cpl. Dana Kerrow said so.", 2, 4)[1] is None
    text = "The ruling in Harlan v. Moorcroft upheld the law."
    assert _fix(nlp, text, 3, 4)[1] is None and _fix(nlp, text, 5, 6)[1] is None
    text = "They moved to the U.S. Hartfield has said he wants change."
    assert _fix(nlp, text, 4, 6) == ("Hartfield", "PERSON")
    assert _fix(nlp, "They met D.J. Hartfield today.", 2, 4) == ("D.J. Hartfield", "PERSON")


def test_a_country_abbreviation_and_a_word_is_no_initialled_name(facts_of) -> None:  # type: ignore[no-untyped-def]
    found = names(facts_of("If Jones resigns, U.S. Solicitor General Noel Hartfield would act."))
    assert found.get("U.S. Solicitor") != "PERSON" and found.get("Noel Hartfield") == "PERSON"


def test_plurals_no_name_list_has_are_no_people(facts_of) -> None:  # type: ignore[no-untyped-def]
    found = names(facts_of("It was fine to praise the Zorvecs for their roads."))
    assert found.get("Zorvecs") != "PERSON"
    assert names(facts_of("Mr. Clinton and the Clintons left.")).get("Clinton") == "PERSON"


def test_a_currency_opening_a_line_is_no_person(facts_of) -> None:
    assert not [e for e in facts_of("Liras: 3.2 billion").entities if e.type == "PERSON"]


def test_constable_and_consul_are_titles(facts_of) -> None:
    facts = facts_of("Chief Constable Ivor Hopley said the force was ready.")
    assert "Ivor Hopley" in {e.name for e in facts.entities}
