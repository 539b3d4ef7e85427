"""One rule for when two forms of a person's name are the same person."""

from extract.names import first_name_close, given_forms, short_forms, spelling_variants, surname


def test_spelling_variants_ignore_case_and_accents() -> None:
    assert spelling_variants("Sergei Lavrov", "Sergey LAVROV")
    assert spelling_variants("Recep Erdoğan", "Recep Erdogan")
    assert not spelling_variants("Jay Carney", "Mark Carney")
    assert not spelling_variants("Carney", "Mark Carney")


def test_first_names_close() -> None:
    assert first_name_close("Anthony", "antony")
    assert not first_name_close("Robert", "Rupert Murdoch")


def test_short_forms_of_long_names() -> None:
    assert {"javad zarif", "zarif"} <= short_forms("Mohammad Javad Zarif")
    assert {"bin laden", "laden"} <= short_forms("Osama bin Laden")
    assert "bashir" in short_forms("Omar al-Bashir")
    assert "king" in short_forms("Martin Luther King Jr.")
    assert "al" not in short_forms("Omar al-Bashir")


def test_family_name_first() -> None:
    assert "kim" in short_forms("Kim Jong Un")
    assert "wang" in short_forms("Wang Yi")
    assert "kim" not in short_forms("Kim Wilson")


def test_surname() -> None:
    assert surname("Antony Blinken") == surname("BLINKEN") == "blinken"


def test_given_forms_are_the_heads_of_a_name() -> None:
    assert given_forms("Jane Q. Roe") == {"jane", "jane q"}
    assert given_forms("Omar al-Bashir") == {"omar"}
    assert given_forms("Roe") == set()
    assert given_forms("Jane Roe Talks") == {"jane"}  # a full name is no head of a longer one
