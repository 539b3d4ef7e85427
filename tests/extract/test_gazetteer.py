"""Mentions from news patterns: named events, known names NER misses, headline fragments."""

from spacy.language import Language

from extract.clean import clean_text


def _entities(nlp: Language, text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    doc = nlp(text)
    return {g.name: (g.type, tuple(sorted(g.surfaces))) for g in doc._.ng_entities.values()}


def test_place_named_events_are_one_event(nlp: Language) -> None:
    found = _entities(nlp, "Refugees fled the Syrian civil war. Officials said the Syria crisis "
                           "would last, and aid groups said so too.")
    events = [(n, s) for n, (t, s) in found.items() if t == "EVENT"]
    assert len(events) == 1
    assert set(events[0][1]) == {"Syrian civil war", "Syria crisis"}


def test_known_names_ner_misses(nlp: Language) -> None:
    found = _entities(nlp, "The senator wrote on Twitter that 9/11 changed the country.")
    assert found.get("Twitter", ("",))[0] == "ORG"
    assert found.get("September 11 attacks", ("",))[0] == "EVENT"


def test_title_case_headline_fragments(nlp: Language) -> None:
    text = ("Leader Of Rebels Was Killed In Raid, Officials Say\n\n"
            "The leader of the rebels was killed in a raid in Lyon, officials said.")
    assert not any("Raid" in name for name in _entities(nlp, text))


def test_editorial_brackets_are_dropped() -> None:
    assert clean_text("the defense of [South] Korea") == "the defense of South Korea"


def test_not_names(nlp: Language) -> None:
    found = _entities(nlp, "Halfway through the talks, U.S.-Cuba relations eased. The army "
                           "sent C-130s to Washington, D.C., on Monday.")
    assert not {"Halfway", "U.S.-Cuba", "C-130s"} & set(found)
    assert any("Washington, D.C." in surfaces for _t, surfaces in found.values())


def test_known_as_and_first_named_owner(nlp: Language) -> None:
    text = ("Council member Musa Hamdan Dagalo (known as Hemedti) spoke. Hemedti said the "
            "deal would hold. Kim Jong Un met envoys. Kim said talks went well. Later Kim Yo "
            "Jong spoke.")
    doc = nlp(text)
    names = {s: g.name for g in doc._.ng_entities.values() for s in g.surfaces}
    assert names.get("Hemedti") == "Musa Hamdan Dagalo"
    assert names.get("Kim") == "Kim Jong Un"


def test_pair_of_places_taken_as_one_name(nlp: Language) -> None:
    from extract.gazetteer import _split_pair
    from extract.kb import load_kb
    from extract.mentions import Candidate

    doc = nlp.make_doc("Ferries left Athens and Beirut today.")
    parts = _split_pair(doc, Candidate(2, 5, "ORG", "Athens and Beirut"), load_kb())
    assert [(p.text, p.kb.id.split(":")[0] if p.kb else None) for p in parts] == [
        ("Athens", "city"), ("Beirut", "city")]


def test_hill_is_capitol_hill_only_in_its_phrases(nlp: Language) -> None:
    found = _entities(nlp, "Hill Republicans balked at the plan, a senior aide told The Hill.")
    assert found.get("Capitol Hill", ("",))[0] == "ORG"
    assert "Capitol Hill" not in _entities(nlp, "A senior aide told The Hill on Monday.")
