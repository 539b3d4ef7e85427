"""Context and edges that show a PERSON span names no person, or only in part."""

from spacy.language import Language
from spacy.tokens import Doc

from extract.furniture import remove_name_cards
from extract.kb import load_kb
from extract.name_edges import trim_name_edges
from extract.person_cues import cue_labels, kind_cue, title_line_fragments
from extract.persons import person_evidence


def _span(doc: Doc, words: str) -> tuple[int, int]:
    parts = words.split()
    for i in range(len(doc)):
        if [t.text for t in doc[i : i + len(parts)]] == parts:
            return i, i + len(parts)
    raise AssertionError(words)


def _cue(nlp: Language, text: str, name: str) -> str | None:
    doc = nlp(text)
    return kind_cue(doc, *_span(doc, name))


def test_kind_nouns_around_a_name_say_what_it_is(nlp: Language) -> None:
    assert _cue(nlp, "Halvorsen Brandt, a consulting firm, found costs rose.",
                "Halvorsen Brandt") == "ORG"
    assert _cue(nlp, "The video service Quibbly opened a channel.", "Quibbly") == "ORG"
    assert _cue(nlp, "A shell hit the northern city of Zarbala.", "Zarbala") == "GPE"
    assert _cue(nlp, "A shell hit Dovrat, a small Israeli town near the border.",
                "Dovrat") == "GPE"


def test_kind_nouns_of_other_words_say_nothing(nlp: Language) -> None:
    assert _cue(nlp, "Bob Hargrove, a former company CEO, spent his own money.",
                "Bob Hargrove") is None
    assert _cue(nlp, "Mara Quill, the group's lawyer, said no.", "Mara Quill") is None
    assert _cue(nlp, "Mara Quill met voters on Monday.", "Mara Quill") is None


def test_cues_spare_named_people_and_list_places(nlp: Language) -> None:
    doc = nlp("Men were held in Leeds, Wigbury and Hanbrook. Lena Quist of the firm Quist spoke.")
    persons = [_span(doc, "Wigbury"), _span(doc, "Hanbrook"), _span(doc, "Lena Quist"),
               (len(doc) - 3, len(doc) - 2)]
    places = set(range(*_span(doc, "Leeds")))
    labels = cue_labels(doc, persons, set(), person_evidence, places)
    assert labels.get(0) == "GPE" and labels.get(1) == "GPE"
    assert 2 not in labels and 3 not in labels  # "Quist": a word of "Lena Quist"
    doc = nlp("She was envoy to Libya, J. Orrin Vale, when he was killed.")
    places = set(range(*_span(doc, "Libya")))
    assert cue_labels(doc, [_span(doc, "J. Orrin Vale")], set(), person_evidence, places) == {}


def test_names_on_title_case_lines_keep_what_the_prose_names(nlp: Language) -> None:
    doc = nlp("Should Hanna Run Again In November?\nMayor Orrin Vale Talks Budget Plans Today\n"
              "The council met. Orrin Vale said the budget was late.")
    persons = [_span(doc, "Hanna Run"), _span(doc, "Orrin Vale Talks"),
               (len(doc) - 8, len(doc) - 6)]
    fixes = title_line_fragments(doc, persons, [])
    assert fixes[0] is None
    assert fixes[1] == _span(doc, "Orrin Vale")
    assert 2 not in fixes


def test_credit_lines_are_no_headlines(nlp: Language) -> None:
    doc = nlp("Photo Credit Line: Jorun Falkvik/Getty Images\nThe council met.")
    assert title_line_fragments(doc, [_span(doc, "Jorun Falkvik")], []) == {}


def _edges(nlp: Language, text: str, name: str) -> str | None:
    doc = nlp(text)
    cut = trim_name_edges(doc, *_span(doc, name), load_kb())
    return None if cut is None else doc[cut[0] : cut[1]].text


def test_words_around_a_name_are_cut(nlp: Language) -> None:
    assert _edges(nlp, "Mayor Vale Saturday signed it.", "Vale Saturday") == "Vale"
    assert _edges(nlp, "They look like Vale Democrats now.", "Vale Democrats") == "Vale"
    assert _edges(nlp, "Oh, Orrin Vale - fine.", "Orrin Vale - fine") == "Orrin Vale"
    assert _edges(nlp, "Without Orrin T. at helm, it fails.", "Orrin T. at helm") == "Orrin T."
    assert _edges(nlp, "She told CNN Vale was calm.", "CNN Vale") == "Vale"
    assert _edges(nlp, "President of Bolivia Evo Quispe spoke.", "Bolivia Evo Quispe") == (
        "Evo Quispe")
    assert _edges(nlp, "We met Ban Ki-moon there.", "Ban Ki - moon") == "Ban Ki-moon"
    assert _edges(nlp, "Here are Orrin Vale and I. Orrin, hello.", "I. Orrin") == "Orrin"


def test_nationalities_and_list_letters_are_no_names(nlp: Language) -> None:
    assert _edges(nlp, "Greeks voted on Sunday.", "Greeks") is None
    assert _edges(nlp, "A wealthy Sri Lankan paid.", "Sri Lankan") is None
    assert _edges(nlp, "b. Defendants lied.", "b. Defendants") is None


def test_hover_cards_after_linked_names_are_removed() -> None:
    text = ("Sen. Jane Roe Jane Mary RoeSenate passes bill Roe says no MORE (D-Ore.) said so. "
            "President Doe Jon (Jack) Q. DoeDoe signs law MORE’s plan.")
    assert remove_name_cards(text) == "Sen. Jane Roe (D-Ore.) said so. President Doe’s plan."
    assert remove_name_cards("Less is MORE, Roe said.") == "Less is MORE, Roe said."


def test_kin_words_coined_words_and_name_pairs_are_no_names(nlp: Language) -> None:
    assert _edges(nlp, "She showed Mom the grade.", "Mom") is None
    assert _edges(nlp, "They voted to repeal Roecare today.", "Roecare") is None
    assert _edges(nlp, "The Jane Roe-John Doe debate ran late.", "Jane Roe - John Doe") is None
    assert _edges(nlp, "We met Jean-Luc Vale there.", "Jean - Luc Vale") == "Jean-Luc Vale"


def test_place_heads_and_longer_names_are_not_people(nlp: Language) -> None:
    from extract.persons import person_span

    doc = nlp("They drove to Beverly Hills and the Orrin Vale Journalism Institute.")
    kb = load_kb()
    assert person_span(doc, *_span(doc, "Beverly Hills"), kb)[2] == "FAC"
    assert person_span(doc, *_span(doc, "Orrin Vale"), kb)[2] is None


def test_share_rows_and_summary_labels_are_furniture() -> None:
    from extract.clean import clean_text

    text = "Facebook Twitter Pinterest Talks resumed. Story Highlights Rates rose."
    assert clean_text(text) == "Talks resumed. Rates rose."
    # a follow widget names the person it follows: no mention of them
    text = ("Talks resumed.\n\nInterested in Orrin Vale? Add Orrin Vale as an interest to stay up "
            "to date on the latest Orrin Vale news, video, and analysis from Harbour News.\n\n"
            "Rates rose.")
    assert "Orrin Vale" not in clean_text(text)


def test_storms_events_roles_and_pairs_are_no_people(nlp: Language) -> None:
    assert _edges(nlp, "Tropical Storm Orrin hit the coast.", "Storm Orrin") is None
    assert _edges(nlp, "She won the Zorvia Olympics gold.", "Zorvia Olympics") is None
    assert _edges(nlp, "He was an Innovation Fellow there.", "Innovation Fellow") is None
    assert _edges(nlp, "Jane Roe & Jon Doe met.", "Jane Roe & Jon Doe") is None


def test_photo_credits_with_a_newspaper_are_credits() -> None:
    from extract.credits import credit_names, credit_spans

    text = "Talks began. (Jon Vale/Daily Bugle via AP) Rates rose."
    assert [text[a:b] for a, b in credit_spans(text)] == ["Jon Vale/Daily Bugle"]
    assert credit_names(text) == ("Jon Vale",)
    assert credit_spans("Talks with Jane Roe/Doe (a pair).") == []


def test_capitalised_word_lists_and_unnamed_places(nlp: Language) -> None:
    doc = nlp("The book is called Truth, Zorvex, and Leadership. A rocket hit near Bet Qorlan.")
    persons = [_span(doc, "Zorvex"), _span(doc, "Bet Qorlan")]
    named = set(range(*_span(doc, "Bet Qorlan"))) | set(range(*_span(doc, "Zorvex")))
    labels = cue_labels(doc, persons, set(), person_evidence, set(), named)
    assert labels == {0: "", 1: "GPE"}
    doc = nlp("Jane Roe, Democrat of Ohio, spoke.")
    assert cue_labels(doc, [_span(doc, "Jane Roe")], set(), person_evidence, set(), set()) == {}


def test_staff_at_a_name_and_names_found_as_organisations(nlp: Language) -> None:
    assert _cue(nlp, "Professors at Qorlab say rates rose.", "Qorlab") == "ORG"
    doc = nlp("A reporter at Vexlo wrote it. Then Vexlo ran it.")
    persons = [(len(doc) - 4, len(doc) - 3)]
    assert cue_labels(doc, persons, set(), person_evidence, set(), set(), {"vexlo": "ORG"}) == (
        {0: "ORG"})
    doc = nlp("Then Mateo ran it.")
    assert cue_labels(doc, [_span(doc, "Mateo")], set(), person_evidence, set(), set(),
                      {"mateo": "ORG"}) == {}
