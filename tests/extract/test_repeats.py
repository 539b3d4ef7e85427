"""Later mentions of a person by surname alone, where NER tags nothing or another type."""

from __future__ import annotations

from spacy.language import Language


def _people(nlp: Language, text: str) -> dict[str, list[str]]:
    """Each person's name with the tokens of all its mentions, in text order."""
    doc = nlp(text)
    out: dict[str, list[str]] = {}
    for i, key in sorted(doc._.ng_tokens.items()):
        group = doc._.ng_entities[key]
        if group.type == "PERSON":
            out.setdefault(group.name, []).append(doc[i].text)
    return out


def test_surname_at_a_paragraph_start_is_the_full_named_person(nlp: Language) -> None:
    text = ("Richard Trumka leads the union.\n\n"
            "Trumka and other labor leaders met with the president.")
    assert _people(nlp, text)["Richard Trumka"] == ["Richard", "Trumka", "Trumka"]


def test_surname_the_model_misses_before_a_coordinated_name(nlp: Language) -> None:
    text = ("Paul Manafort and his associate Rick Gates were charged on Monday.\n\n"
            "The money went to Manafort and Gates, prosecutors said.")
    assert _people(nlp, text)["Rick Gates"] == ["Rick", "Gates", "Gates"]


def test_surname_inside_a_longer_name_is_left_alone(nlp: Language) -> None:
    text = "Paul Brandt spoke first. Critics call it the Brandt Derangement Syndrome."
    assert not any(i for name, words in _people(nlp, text).items()
                   if name != "Paul Brandt" for i in words)
    doc = nlp(text)
    syndrome = next(t for t in doc if t.text == "Derangement")
    assert doc._.ng_tokens.get(syndrome.i - 1) is None or doc._.ng_entities[
        doc._.ng_tokens[syndrome.i - 1]].type != "PERSON"


def test_a_surname_two_people_share_is_not_guessed(nlp: Language) -> None:
    text = ("Paul Brandt and Anna Brandt spoke. Later, Brandt said the vote was close.")
    doc = nlp(text)
    later = [t for t in doc if t.text == "Brandt"][-1]
    key = doc._.ng_tokens.get(later.i)
    assert key is None or doc._.ng_entities[key].name not in {"Paul Brandt", "Anna Brandt"}
