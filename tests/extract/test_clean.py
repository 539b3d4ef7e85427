"""Tests for extract.clean: normalisation and removal of site furniture."""

from __future__ import annotations

import pytest

from extract.clean import (
    clean_text,
    collapse_spaces,
    is_furniture_line,
    normalize_newlines,
    normalize_paragraphs,
    normalize_unicode,
    remove_boilerplate,
    remove_control_chars,
    remove_promo_blocks,
    strip_html,
    strip_markdown,
)

PROMO = (
    "Read on Acme Plus Plus Which engineers are most wanted this spring – “Hire Desk” Articles "
    "Plus Ten shifts in a row. How to open a bakery in Lisbon Guides Plus Slow meetings: why "
    "firms cut them Articles Plus What next for chip stocks Articles Plus Tax traps: how to keep "
    "a small shop safe Webinar Plus The quiet cost of delayed invoices Guides Plus Humour as "
    "therapy: how a cereal maker survived the 1970s downturn in skipping routine checks. "
    "Chancellor Lena Brandt, in a speech on March 3, said that the budget would be balanced."
)


def test_line_endings_unicode_and_control_chars() -> None:
    assert normalize_newlines("a\r\nb\rc") == "a\nb\nc"
    assert normalize_unicode("Zu\u0308rich\u00a0talks") == "Zürich talks"
    assert remove_control_chars("a\x00b\x07c\u200bd\ufeff\n") == "abcd\n"
    assert collapse_spaces("one   two\t \nthree  ") == "one two\nthree"


def test_clean_text_keeps_paragraph_breaks() -> None:
    text = "First  paragraph.\r\n\r\n\r\n\r\nSecond paragraph,\nsame paragraph.\n\n"
    assert clean_text(text) == "First paragraph.\n\nSecond paragraph,\nsame paragraph."


def test_normalize_paragraphs_drops_blank_runs() -> None:
    assert normalize_paragraphs("\n\n  A.\n \n\n B.  \n") == "A.\n\nB."


def test_promo_block_removed_through_its_last_sentence() -> None:
    cleaned = clean_text(f"Markets were calm.\n\n{PROMO}\n\nMinisters met again.")
    assert cleaned == (
        "Markets were calm.\n\n"
        "Chancellor Lena Brandt, in a speech on March 3, said that the budget would be balanced."
        "\n\nMinisters met again."
    )


def test_promo_block_at_end_of_text() -> None:
    block = PROMO.split(" Chancellor")[0]
    assert remove_promo_blocks(f"{block}") == ""


def test_prose_starting_like_a_promo_lead_is_kept() -> None:
    text = (
        "Read more on The Times website. The Times said The Times would publish The Times "
        "archive. The Times has done so before. The Times is old."
    )
    assert remove_promo_blocks(text) == text


def test_glued_comment_form_keeps_the_next_sentence() -> None:
    text = (
        "Leave a Reply\n\nYour email address will not be published. Required fields are marked "
        "*Delegates of all 12 member states gathered in Vienna on Friday."
    )
    assert clean_text(text) == "Delegates of all 12 member states gathered in Vienna on Friday."
    assert remove_boilerplate("marked *Delegates met.") == "marked *Delegates met."


def test_scraped_label_run_is_furniture() -> None:
    text = (
        "The vote passed.\n\nArticle content Authors Tags Subscribe to TG Daily Get news faster "
        "than anyone else\n\nThe vote failed."
    )
    assert clean_text(text) == "The vote passed.\n\nThe vote failed."


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter",
        "Sign up for Daily Briefings",
        "Follow us on Mastodon and Bluesky",
        "Share this:",
        "Share on Facebook Twitter Email",
        "Related:",
        "Read more: Ministers clash over budget",
        "READ MORE:",
        "Tags: Austria, budget, elections",
        "We use cookies to improve your experience on our site.",
        "This website uses cookies. Accept all",
        "Accept all cookies",
        "By continuing to use this site you agree to our use of cookies",
        "Copyright © 2024 Example Media. All rights reserved.",
        "Advertisement",
        "Leave a Reply",
        "( Also on The Herald: Leary calls out the council on fishing)",
        "(RELATED: Ministers clash over budget)",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)
    assert clean_text(f"Talks ended.\n\n{line}\n\nTalks resumed.") == (
        "Talks ended.\n\nTalks resumed."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Few countries subscribe to the treaty.",
        "Stay tuned as the council continues to follow the negotiations.",
        "Share prices fell in Frankfurt after the announcement.",
        "Related talks will continue in Geneva next week.",
        "Readers who subscribe to the paper get a weekly digest, the editor said.",
        "Copyright law was reformed by the European Parliament in 2019.",
        "Article content must be approved by the editors, the ministry said.",
        "(Also on Monday, the minister met the council.)",
        "Subscribe to " + "the view that the treaty still matters, " * 6 + "the minister said.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert not is_furniture_line(line)
    assert clean_text(line) == line


def test_related_list_items_are_dropped_with_their_label() -> None:
    text = "Talks ended.\nRelated:\nBudget row deepens\nMinisters clash again\n\nTalks resumed."
    assert clean_text(text) == "Talks ended.\n\nTalks resumed."


def test_html_remnants_are_stripped() -> None:
    text = "Ministers agreed on a plan with Brandt” />\n\nTalks ended.<br>They left &amp; rested."
    assert clean_text(text) == (
        "Ministers agreed on a plan with Brandt\n\nTalks ended.\nThey left & rested."
    )
    assert strip_html("<p>The <b>Council</b>'s vote</p><!-- ad -->") == "\nThe Council's vote\n"
    assert strip_html("<script>track()</script>Kept") == "Kept"
    assert strip_html("Inflation fell 3 < 4 percent") == "Inflation fell 3 < 4 percent"


def test_strip_markdown() -> None:
    text = "# Vote in Vienna #\n\n> **Austria** voted [today](https://example.org).\n\n- item\n"
    assert strip_markdown(text) == "Vote in Vienna\n\nAustria voted today.\n\nitem\n"
    assert strip_markdown("Required fields are marked *") == "Required fields are marked *"


def test_clean_text_is_idempotent() -> None:
    text = f"Title line\n\n{PROMO}\n\nShare this:\n\nStay tuned for more."
    once = clean_text(text)
    assert clean_text(once) == once


def test_country_picker_menu_removed() -> None:
    text = "Choose your country Andorra Angola Jan Mayen Tonga Trinidad\nTalks resumed in Geneva."
    assert remove_boilerplate(text) == "\nTalks resumed in Geneva."
