"""Credits in the text become authors and never entities."""

from extract.credits import credit_names, credit_spans


def test_photo_credits() -> None:
    text = "Talks resumed. (AP Photo/Jane Roe)\n\nJohn Doe/Getty Images"
    assert credit_names(text) == ("Jane Roe", "John Doe")
    assert [text[a:b] for a, b in credit_spans(text)] == ["AP Photo/Jane Roe",
                                                          "John Doe/Getty Images"]


def test_contributor_line() -> None:
    text = ("Talks resumed.\n\nAssociated Press writers Jung-yoon Kim in Seoul and "
            "Mari Yamaguchi in Tokyo contributed to this report.")
    assert credit_names(text) == ("Jung-yoon Kim", "Mari Yamaguchi")
    assert text[credit_spans(text)[0][0]:].startswith("Associated Press writers")


def test_outlet_contributor_and_dateline_agency() -> None:
    text = "SPRINGFIELD (AP) — Talks resumed.\n\nNewsnet's Ann Lee contributed to this report."
    assert credit_names(text) == ("Ann Lee",)
    assert "(AP)" in [text[a:b] for a, b in credit_spans(text)]


def test_prose_is_not_a_credit() -> None:
    assert credit_names("The minister said the talks would resume in Geneva.") == ()


def test_names_ending_in_s_keep_it() -> None:
    assert credit_names("(Leah Millis/Reuters)") == ("Leah Millis",)


def test_job_titles_and_dashes_are_not_part_of_names() -> None:
    text = "Talks resumed.\n\n—Senior Producer Ann Lee and Bo Day contributed to this report."
    assert credit_names(text) == ("Ann Lee", "Bo Day")
