"""Posts from titles around a name: before it, in apposition, held now or before."""

from __future__ import annotations

from conftest import triples


def _posts(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Posts held now."""
    key = {e.key: e.name for e in facts.entities}
    return {(key[r.subject], key[r.obj]) for r in facts.relations
            if r.predicate == "holdsPost" and not r.ended}


def _ended(facts) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Posts held before ("former X")."""
    key = {e.key: e.name for e in facts.entities}
    return {(key[r.subject], key[r.obj]) for r in facts.relations
            if r.predicate == "holdsPost" and r.ended}


def test_former_title_is_a_post_held_before(facts_of) -> None:
    facts = facts_of("Former Sen. Mary Lanford criticized the plan on Tuesday.")
    assert not [o for s, o in _posts(facts) if s == "Mary Lanford"]
    assert ("Mary Lanford", "United States") in _ended(facts)


def test_ex_title_is_a_post_held_before(facts_of) -> None:
    facts = facts_of("On Monday ex-Sen. Mary Lanford criticized the plan.")
    assert not [o for s, o in _posts(facts) if s == "Mary Lanford"]
    assert ("Mary Lanford", "United States") in _ended(facts)


def test_lower_case_title_after_its_owner(facts_of) -> None:
    facts = facts_of("NATO spokesman Piet Verhagen said the exercise would start in May.")
    assert ("Piet Verhagen", "NATO") in _posts(facts)


def test_former_owner_and_lower_case_title(facts_of) -> None:
    facts = facts_of("Former NATO spokesman Piet Verhagen said the exercise would start in May.")
    assert not [o for s, o in _posts(facts) if s == "Piet Verhagen"]
    assert ("Piet Verhagen", "NATO") in _ended(facts)


def test_former_post_in_apposition(facts_of) -> None:
    facts = facts_of("The talks stalled, says Paul Darnier, a former Chadian envoy to Ghana "
                     "and Togo.")
    assert ("Paul Darnier", "Chad") in _ended(facts)
    assert not [o for s, o in _posts(facts) if s == "Paul Darnier"]


def test_rank_before_the_name_and_post_in_apposition(facts_of) -> None:
    facts = facts_of("Crowds cheered the fall of General Karim Odeh, the Chadian president, "
                     "in the capital.")
    assert ("Karim Odeh", "Chad") in _posts(facts)


def test_plural_title_before_several_names(facts_of) -> None:
    facts = facts_of("The plan was criticized by Sens. Mary Lanford and Tom Berring on Monday.")
    posts = _posts(facts)
    assert ("Mary Lanford", "United States") in posts
    assert ("Tom Berring", "United States") in posts


def test_nationality_before_a_lower_case_director_is_no_owner(facts_of) -> None:
    facts = facts_of("The film was the work of British director Colin Marsh.")
    assert not [o for s, o in _posts(facts) if s == "Colin Marsh"]


def test_nations_of_the_united_kingdom_own_their_posts(facts_of) -> None:
    facts = facts_of("Scottish First Minister Jane Roe said the plan would fail.")
    assert ("Jane Roe", "holdsPost", "Scotland") in triples(facts)
    assert ("Jane Roe", "holdsPost", "United Kingdom") not in triples(facts)


def test_ambassador_to_an_organisation_holds_a_post_there(facts_of) -> None:
    facts = facts_of("Ambassador to the United Nations Carla Dentley spoke on Monday.")
    assert ("Carla Dentley", "United Nations") in _posts(facts)


def test_ambassador_to_a_country_is_not_its_officeholder(facts_of) -> None:
    facts = facts_of("U.S. Ambassador to Chile Dan Fromer spoke on Monday.")
    assert _posts(facts) == {("Dan Fromer", "United States")}
    assert "Chile" in {e.name for e in facts.entities}
    bare = facts_of("Ambassador to Chile Dan Fromer spoke on Monday.")
    assert not [o for s, o in _posts(bare) if s == "Dan Fromer"]


def test_appositive_ambassador_to_a_country(facts_of) -> None:
    facts = facts_of("Tom Leland, ambassador to Japan, spoke at the gala.")
    assert ("Tom Leland", "Japan") not in _posts(facts)


def test_cabinet_titles_with_department_words(facts_of) -> None:
    facts = facts_of("Secretary of Education Mark Ellison spoke at the school.")
    assert ("Mark Ellison", "United States") in _posts(facts)
    dept = facts_of("Homeland Security Secretary Paul Granger spoke at the border.")
    assert ("Paul Granger", "Homeland Security") in _posts(dept)


def test_state_offices_are_held_in_the_state(facts_of) -> None:
    facts = facts_of("Vermont Secretary of State Lena Marsh said the count was over. "
                     "Oregon Attorney General Ruth Callan said so too.")
    assert ("Lena Marsh", "Vermont") in _posts(facts)
    assert ("Ruth Callan", "Oregon") in _posts(facts)
    assert not [s for s, o in _posts(facts) if o == "United States"]


def test_city_prosecutor(facts_of) -> None:
    facts = facts_of("Boston Prosecutor Jane Doerr said the suspect was arrested.")
    assert ("Jane Doerr", "Boston") in _posts(facts)


def test_academic_post_in_apposition(facts_of) -> None:
    facts = facts_of("Tom Veckley, a professor of history at the University of Toronto, "
                     "said the plan was weak.")
    assert ("Tom Veckley", "University of Toronto") in _posts(facts)
    assert "memberOf" not in {p for _, p, _ in triples(facts)}
    fellow = facts_of("Jim Halebury, a fellow Republican, said so.")
    assert not _posts(fellow)


def test_academic_post_with_the_field_between(facts_of) -> None:
    facts = facts_of("“She is careful,” says Tom Veckley, a professor of economic history "
                     "at the University of Ottawa in Ontario.")
    assert ("Tom Veckley", "University of Ottawa") in _posts(facts)


def test_a_nations_leader_holds_a_post_in_it(facts_of) -> None:
    facts = facts_of("Norwegian leader Tom Halvorsen met Ann Leary in Oslo.")
    assert ("Tom Halvorsen", "Norway") in _posts(facts)
    facts = facts_of("British director Tom Halvorsen met Ann Leary in Oslo.")
    assert not [p for p in _posts(facts) if p[0] == "Tom Halvorsen"]


def test_a_title_of_several_words_after_its_owner(facts_of) -> None:
    facts = facts_of("White House press secretary Tom Halvorsen met Ann Leary on Monday.")
    assert ("Tom Halvorsen", "White House") in _posts(facts)
