"""Posts whose owner the text leaves implied."""

from __future__ import annotations

from conftest import triples


def _posts(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(s, o) for s, p, o in triples(facts) if p == "holdsPost"}


def test_senator_holds_a_post_in_the_united_states(facts_of) -> None:
    facts = facts_of("Sen. Mary Lanford criticized the plan on Tuesday.")
    assert ("Mary Lanford", "United States") in _posts(facts)


def test_state_before_the_title_is_the_seat_not_the_owner(facts_of) -> None:
    facts = facts_of("Arizona Sen. Mary Lanford criticized the plan on Tuesday.")
    posts = _posts(facts)
    assert ("Mary Lanford", "United States") in posts
    assert ("Mary Lanford", "Arizona") not in posts


def test_named_chamber_is_the_owner(facts_of) -> None:
    facts = facts_of("The Senate voted on Tuesday. Sen. Mary Lanford opposed the plan.")
    assert ("Mary Lanford", "Senate") in _posts(facts)


def test_generic_title_without_a_main_country_gets_no_owner(facts_of) -> None:
    facts = facts_of("Interior Minister Paul Darnier met officials from Chad and Niger.")
    assert not [o for s, o in _posts(facts) if s == "Paul Darnier"]


def test_owner_before_minority_leader(facts_of) -> None:
    facts = facts_of("The Senate voted. Senate Minority Leader Mary Lanford opposed the plan.")
    assert ("Mary Lanford", "Senate") in _posts(facts) or (
        "Mary Lanford", "US Senate") in _posts(facts)


def test_first_of_two_appositive_posts(facts_of) -> None:
    facts = facts_of("The plan failed, said Tom Bexley, president of the Crisis Committee and "
                     "former British foreign minister.")
    assert ("Tom Bexley", "Crisis Committee") in _posts(facts)


def test_owner_named_inside_the_title(facts_of) -> None:
    facts = facts_of("U.N. Secretary General Paul Darnier warned of famine in the region.")
    assert any(s == "Paul Darnier" and "United Nations" in o for s, o in _posts(facts))


def test_bare_president_in_an_article_with_other_us_officeholders(facts_of) -> None:
    facts = facts_of("Sen. Mary Lanford praised the plan. Vice President Tom Harlow flew to "
                     "Ankara on Monday to discuss it.")
    assert ("Tom Harlow", "United States") in _posts(facts)


def test_bare_president_without_any_country_cue_gets_no_owner(facts_of) -> None:
    facts = facts_of("Vice President Tom Harlow flew to Ankara and Cairo on Monday.")
    assert not [o for s, o in _posts(facts) if s == "Tom Harlow"]


def test_bare_president_of_the_main_country(facts_of) -> None:
    facts = facts_of("France voted on Monday. Paris said France would act. In France, "
                     "President Paul Darnier asked deputies to approve the new budget.")
    assert ("Paul Darnier", "France") in _posts(facts)


def test_committee_chair_and_seat_are_two_posts(facts_of) -> None:
    facts = facts_of("House Ethics Committee Chairman Rep. Tom Harlow said the audit was "
                     "late.")
    posts = _posts(facts)
    assert ("Tom Harlow", "United States") in posts
    assert ("Tom Harlow", "House Ethics Committee") in posts


def test_bare_president_of_a_dominant_country_before_other_officeholders(facts_of) -> None:
    facts = facts_of("Afghanistan votes on Monday. Afghanistan has two candidates and "
                     "Afghanistan waits. Sen. Mary Lanford visited Kabul, where President Tom "
                     "Harlow met her.")
    posts = _posts(facts)
    assert ("Tom Harlow", "Afghanistan") in posts
    assert ("Tom Harlow", "United States") not in posts


def test_bare_president_in_a_foreign_story_told_with_several_us_officeholders(facts_of) -> None:
    facts = facts_of("Cuba waits. Cuba votes and Cuba talks. Sen. Mary Lanford and Rep. Paul "
                     "Darnier spoke on Monday. The tariffs on Cuba were first set by President "
                     "Tom Harlow long ago.")
    posts = _posts(facts)
    assert ("Tom Harlow", "United States") in posts
    assert ("Tom Harlow", "Cuba") not in posts


def test_country_named_after_the_name_owns_the_title(facts_of) -> None:
    facts = facts_of("Sen. Mary Lanford spoke. President Tom Harlow of Chad arrived on Monday.")
    posts = _posts(facts)
    assert ("Tom Harlow", "Chad") in posts
    assert ("Tom Harlow", "United States") not in posts


def test_a_chief_justice_holds_a_post_at_the_court_the_article_names(facts_of) -> None:
    facts = facts_of("Chief Justice Mara Lindqvist wrote the opinion for the Supreme Court.")
    assert ("Mara Lindqvist", "holdsPost", "Supreme Court") in triples(facts)
    alone = facts_of("Chief Justice Mara Lindqvist opened the session in Oslo.")
    assert not [t for t in triples(alone) if t[1] == "holdsPost"]
