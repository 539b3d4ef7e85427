"""Stance in descriptions, adjectives and less common verbs: "a longtime critic of X",
"grateful to X", "told X that", "attacked X"."""

from __future__ import annotations

from conftest import triples


def test_critic_in_apposition(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen, a longtime critic of President Obama, spoke.")
    assert ("Tom Halvorsen", "criticized", "Barack Obama") in triples(facts)


def test_supporter_after_a_copula(facts_of) -> None:
    facts = facts_of("Ann Leary is a staunch supporter of Israel.")
    assert ("Ann Leary", "supports", "Israel") in triples(facts)


def test_supporter_of_an_act_backs_the_act(facts_of) -> None:
    facts = facts_of("Rep. Ann Leary, a supporter of NATO adding new members, spoke.")
    assert ("Ann Leary", "supports", "NATO") not in triples(facts)


def test_telling_another_side(facts_of) -> None:
    facts = facts_of("Prime Minister Dov Arieli told President Obama that the border plan had "
                     "stalled.")
    assert ("Barack Obama", "discussedWith", "Dov Arieli") in triples(facts)


def test_telling_a_news_outlet_is_no_talk(facts_of) -> None:
    facts = facts_of('"The deal is bad," Senator Tom Halvorsen told CNN on Sunday. '
                     "Senator Ann Leary told Fox News host Jim Brannock that it was good.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_telling_a_committee_is_a_talk(facts_of) -> None:
    facts = facts_of("Ann Leary told the Senate Harbour Committee that the ferries would run.")
    assert ("Senate Harbour Committee", "discussedWith", "Ann Leary") in triples(facts)


def test_a_person_attacks_with_words(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen attacked Governor Ann Leary's investigation.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts)


def test_a_country_attacks_with_arms(facts_of) -> None:
    facts = facts_of("Israel attacked Hamas in Gaza on Tuesday.")
    assert ("Israel", "criticized", "Hamas") not in triples(facts)


def test_attacking_someone_s_city_official(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen attacked San Juan's mayor on Monday.")
    assert not [t for t in triples(facts) if t[1] == "criticized"]


def test_grateful_to(facts_of) -> None:
    facts = facts_of("Prime Minister Dov Arieli said he would always be grateful to President "
                     "Barack Obama.")
    assert ("Dov Arieli", "supports", "Barack Obama") in triples(facts)


def test_objected_to(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen objected to Governor Ann Leary on Monday.")
    assert ("Tom Halvorsen", "rejected", "Ann Leary") in triples(facts)


def test_opposition_to_but_not_refusal_to(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen led the opposition to President Obama.")
    assert ("Tom Halvorsen", "rejected", "Barack Obama") in triples(facts)
    refusal = facts_of("Senator Tom Halvorsen explained his refusal to impeach President Obama.")
    assert ("Tom Halvorsen", "rejected", "Barack Obama") not in triples(refusal)


def test_more_verbs_of_disparagement(facts_of) -> None:
    facts = facts_of("Governor Ann Leary tried to vilify Senator Tom Halvorsen.\n\n"
                     "President Obama insulted Governor Ann Leary on Monday.")
    found = triples(facts)
    assert ("Ann Leary", "criticized", "Tom Halvorsen") in found
    assert ("Barack Obama", "criticized", "Ann Leary") in found


def test_childish_is_an_epithet(facts_of) -> None:
    facts = facts_of("Iranian Foreign Minister Omid Rahnama branded Israel's remarks childish "
                     "and silly.")
    assert ("Omid Rahnama", "criticized", "Israel") in triples(facts)


def test_a_state_lawmaker_is_not_the_state(facts_of) -> None:
    facts = facts_of("The Idaho lawmaker told reporters the vote tally was off.")
    assert not [t for t in triples(facts) if t[0] == "Idaho"]


def test_a_party_member_in_apposition(facts_of) -> None:
    facts = facts_of("Senator Jane Roark opposed her fellow Democrat, Senator Mary Landers.")
    assert ("Jane Roark", "rejected", "Mary Landers") in triples(facts)
    assert not [t for t in triples(facts) if t[1] == "rejected" and t[2] != "Mary Landers"]


def test_a_base_of_support_with_voters_backs_no_one(facts_of) -> None:
    facts = facts_of("The new levy may shrink Governor Ann Leary's base of support with rural "
                     "Idaho.")
    assert not [t for t in triples(facts) if t[1] == "supports"]


def test_reaction_drawn_from_someone(facts_of) -> None:
    facts = facts_of("President Obama's remarks drew condemnation from Mexico.\n\n"
                     "Senator Tom Halvorsen came under fire from Governor Ann Leary on Monday.")
    found = triples(facts)
    assert ("Mexico", "criticized", "Barack Obama") in found
    assert ("Ann Leary", "criticized", "Tom Halvorsen") in found


def test_praise_drawn_from_someone(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen won praise from Governor Ann Leary for the bill.")
    assert ("Ann Leary", "supports", "Tom Halvorsen") in triples(facts)


def test_a_deal_wanted_or_talked_about_is_no_agreement(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen wanted a broader budget agreement with Canada.\n\n"
                     "Governor Ann Leary warned about a potential deal with Mexico.")
    assert not [t for t in triples(facts) if t[1] == "agreedWith"]
    made = facts_of("Governor Ann Leary struck a trade deal with Mexico on Monday.")
    assert ("Mexico", "agreedWith", "Ann Leary") in triples(made)


def test_a_person_s_envoy_is_not_the_person(facts_of) -> None:
    facts = facts_of("President Lucas Ferreira's envoy met Prime Minister Dov Arieli in Lima.")
    assert ("Dov Arieli", "discussedWith", "Lucas Ferreira") not in triples(facts)
    assert ("Lucas Ferreira", "discussedWith", "Dov Arieli") not in triples(facts)


def test_a_visit_to_a_school_meets_no_one(facts_of) -> None:
    facts = facts_of("Prime Minister Dov Arieli visited Maple Ridge College in Sydney.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_telling_a_one_word_name_is_no_talk(facts_of) -> None:
    facts = facts_of("Chancellor Gerd Lindner told Zeitblatt that banks must lend more.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_telling_a_pronoun_is_left_open(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen spoke on Monday. Prime Minister Dov Arieli later "
                     "told him that the plan had failed.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_a_person_s_attacks_on_someone(facts_of) -> None:
    facts = facts_of("Governor Ann Leary's attacks on Senator Tom Halvorsen grew sharper.\n\n"
                     "Israel's attacks on Hamas continued.\n\n"
                     "Senator Dana Quill's attacks on Twitter went on all week.")
    found = triples(facts)
    assert ("Ann Leary", "criticized", "Tom Halvorsen") in found
    assert ("Israel", "criticized", "Hamas") not in found
    assert not [t for t in found if t[2] == "Twitter"]


def test_speaking_to_an_audience_is_no_talk(facts_of) -> None:
    facts = facts_of("Prime Minister Dov Arieli spoke to a session of the Andean Parliament "
                     "on Tuesday.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_a_meeting_that_could_be_or_is_possible_is_no_fact(facts_of) -> None:
    facts = facts_of("Aides warn that a meeting between Prime Minister Dov Arieli and "
                     "President Lucas Ferreira could hurt the talks.\n\n"
                     "Foreign Minister Ana Prado welcomed the prospect of a meeting with "
                     "President Tomas Ruiz.")
    met = [r for r in facts.relations if r.predicate == "discussedWith"]
    assert len(met) == 2 and all(r.modality == "hedged" for r in met)
    held = facts_of("A meeting between Prime Minister Dov Arieli and President Lucas Ferreira "
                    "took place in Lima.")
    assert [r.modality for r in held.relations if r.predicate == "discussedWith"] == ["fact"]


def test_stance_idioms(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen took a swipe at Governor Ann Leary on Monday.\n\n"
                     "Rep. Dana Quill picked a fight with President Lucas Ferreira.")
    found = triples(facts)
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in found
    assert ("Dana Quill", "criticized", "Lucas Ferreira") in found


def test_pushing_back_and_disagreeing(facts_of) -> None:
    facts = facts_of("Governor Ann Leary pushed back against Senator Tom Halvorsen's plan.\n\n"
                     "Rep. Dana Quill disagrees with Senator Tom Halvorsen on the budget.")
    found = triples(facts)
    assert ("Ann Leary", "rejected", "Tom Halvorsen") in found
    assert ("Dana Quill", "rejected", "Tom Halvorsen") in found


def test_concerns_voiced_about_someone(facts_of) -> None:
    facts = facts_of("Senator Tom Halvorsen expressed concerns about Governor Ann Leary's plan.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in triples(facts)
    shared = facts_of("Senator Tom Halvorsen shared a photo with Governor Ann Leary.")
    assert not [t for t in triples(shared) if t[1] == "criticized"]


def test_a_ban_on_a_country(facts_of) -> None:
    facts = facts_of("The United States imposed a travel ban on Iran.")
    assert ("United States", "sanctioned", "Iran") in triples(facts)


def test_attacks_by_a_pronoun_are_left_open(facts_of) -> None:
    facts = facts_of("Rep. Dana Quill criticized Governor Ann Leary for his attacks on Senator "
                     "Tom Halvorsen.")
    assert ("Dana Quill", "criticized", "Tom Halvorsen") not in triples(facts)


def test_doubt_cast_on_what_is_someones_criticizes_them(facts_of) -> None:
    facts = facts_of("Ann Leary questioned Tom Halvorsen's judgment in the case.")
    assert ("Ann Leary", "criticized", "Tom Halvorsen") in triples(facts)
    for text in ("Ann Leary questioned Tom Halvorsen's defenders on Monday.",
                 "Senators questioned Tom Halvorsen for hours on Monday."):
        assert not [t for t in triples(facts_of(text)) if t[1] == "criticized"]


def test_telling_a_senator_with_a_party_tag_is_a_talk(facts_of) -> None:
    facts = facts_of('"It was fine," Judge Ann Leary told Sen. Tom Halvorsen (R-Ohio).')
    talks = {frozenset((s, o)) for s, p, o in triples(facts) if p == "discussedWith"}
    assert frozenset(("Ann Leary", "Tom Halvorsen")) in talks
