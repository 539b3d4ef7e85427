"""Stance statements a reader would not make: undoing, officials, roles and conditions."""

from __future__ import annotations

from conftest import triples


def _stances(facts) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {t for t in triples(facts) if t[1] not in {"said", "holdsPost", "memberOf",
                                                      "locatedIn"}}


def test_backing_the_end_of_a_ban_is_not_backing_its_maker(facts_of) -> None:
    facts = facts_of("Ann Leary said she supports lifting the Norwegian ban on whaling.")
    assert ("Ann Leary", "supports", "Norway") not in _stances(facts)
    facts = facts_of("Norway threatened to cut diplomatic relations with Iceland.")
    assert ("Norway", "threatened", "Iceland") in _stances(facts)
    facts = facts_of("Norway is refusing to lift the fishing ban on Iceland.")
    assert ("Norway", "rejected", "Iceland") in _stances(facts)


def test_concern_about_cuts_to_a_programme_is_no_criticism_of_it(facts_of) -> None:
    facts = facts_of("Ann Leary expressed concerns about cuts to the Harbour Authority.")
    assert not _stances(facts)


def test_a_persons_officials_are_not_the_person(facts_of) -> None:
    facts = facts_of("Tom Halvorsen officials have been meeting with Ann Leary.")
    assert ("Ann Leary", "discussedWith", "Tom Halvorsen") not in _stances(facts)


def test_roles_and_rivals_are_no_alliance(facts_of) -> None:
    facts = facts_of("Tom Halvorsen, a Baker & Lowe LLP partner, represented the town.")
    assert not _stances(facts)
    facts = facts_of("Norway's allies and adversaries, Iceland and Russia, face the same "
                     "problems.")
    assert not _stances(facts)
    facts = facts_of("Iceland, a close partner of Norway, objected to the quota.")
    assert ("Iceland", "cooperatesWith", "Norway") in _stances(facts)


def test_a_meeting_on_a_condition_is_not_stated_as_fact(facts_of) -> None:
    facts = facts_of("If Ann Leary and Tom Halvorsen are able to agree on a budget deal, "
                     "economists expect that growth will pick up.")
    agreed = [r for r in facts.relations if r.predicate == "agreedWith"]
    assert agreed and all(r.modality != "fact" for r in agreed)


def test_an_attack_that_is_only_allowed_or_wanted(facts_of) -> None:
    facts = facts_of("Mara Lindqvist said Tom Halvorsen has the authority to attack Ann "
                     "Leary's policy without a vote.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") not in _stances(facts)
    facts = facts_of("Tom Halvorsen wrote a book attacking Ann Leary.")
    assert ("Tom Halvorsen", "criticized", "Ann Leary") in _stances(facts)
    facts = facts_of("When it came time for Tom Halvorsen to attack Ann Leary, he praised "
                     "Mara Lindqvist.")
    attacks = [r for r in facts.relations if r.predicate == "criticized"]
    assert all(r.modality != "fact" for r in attacks)


def test_one_member_is_not_the_party(facts_of) -> None:
    facts = facts_of("A Democrat who opposed Ann Leary spoke first. Republicans backed Ann Leary.")
    assert not [t for t in _stances(facts) if t[1] == "rejected"]
    assert [t for t in _stances(facts) if t[1:] == ("supports", "Ann Leary")]


def test_two_who_met_someone_else_did_not_meet_each_other(facts_of) -> None:
    facts = facts_of("Ann Leary and Tom Halvorsen also met with harbour officials on Tuesday.")
    assert ("Ann Leary", "discussedWith", "Tom Halvorsen") not in _stances(facts)
    facts = facts_of("Ann Leary and Tom Halvorsen met on Tuesday.")
    assert ("Ann Leary", "discussedWith", "Tom Halvorsen") in _stances(facts)


def test_at_no_time_is_a_denial(facts_of) -> None:
    facts = facts_of("At no time did Ann Leary threaten Tom Halvorsen, the company said.")
    threats = [r for r in facts.relations if r.predicate == "threatened"]
    assert threats and all(r.polarity == "negated" for r in threats)


def test_not_hesitating_to_condemn_is_condemning(facts_of) -> None:
    facts = facts_of("Ann Leary said she would not hesitate to condemn Tom Halvorsen.")
    condemned = [r for r in facts.relations if r.predicate == "criticized"]
    assert condemned and all(r.polarity == "asserted" for r in condemned)


def test_the_subjects_of_a_verb_are_not_its_objects(facts_of) -> None:
    facts = facts_of('"Ann and I were proud to visit our troops at the base in Iceland," '
                     "Tom Halvorsen said.")
    assert not [t for t in _stances(facts) if t[1] == "discussedWith"]


def test_a_deal_secured_from_someone_is_not_made_between_its_winners(facts_of) -> None:
    facts = facts_of("Ann Leary and Tom Halvorsen secured a lucrative deal from the "
                     "Norwegian government.")
    assert ("Ann Leary", "agreedWith", "Tom Halvorsen") not in _stances(facts)
    assert ("Tom Halvorsen", "agreedWith", "Ann Leary") not in _stances(facts)


def test_what_a_deadline_or_a_bid_aims_at_has_not_happened(facts_of) -> None:
    facts = facts_of("Norway has a cut-off date to strike an accord with Iceland over fishing "
                     "quotas.")
    found = [r for r in facts.relations if r.predicate == "agreedWith"]
    assert found and all(r.modality != "fact" for r in found)
    for text in ("Ann Leary is set to meet with Tom Halvorsen in Oslo.",
                 "Ann Leary is due to meet Tom Halvorsen in Oslo."):
        met = [r for r in facts_of(text).relations if r.predicate == "discussedWith"]
        assert met and all(r.modality == "future" for r in met)
    done = facts_of("Ann Leary, the first senator to endorse Tom Halvorsen, spoke on Monday.")
    assert [r for r in done.relations if r.predicate == "supports" and r.modality == "fact"]


def test_people_from_a_country_are_not_the_country(facts_of) -> None:
    facts = facts_of("Norway backed refugees from Iceland.")
    assert ("Norway", "supports", "Iceland") not in _stances(facts)
    facts = facts_of("Norway backed calls from Iceland for a ceasefire.")
    assert ("Norway", "supports", "Iceland") in _stances(facts)


def test_thanks_refusals_withheld_aid_and_visits_ended(facts_of) -> None:
    facts = facts_of("Ann Leary thanked Tom Halvorsen for his help on Monday.")
    assert not [t for t in _stances(facts) if t[1] == "supports"]
    facts = facts_of("Tom Halvorsen's refusal to support Ann Leary comes one week before the "
                     "primary.")
    assert ("Tom Halvorsen", "supports", "Ann Leary") not in _stances(facts)
    facts = facts_of("Tom Halvorsen withheld security aid for Norway.")
    assert ("Tom Halvorsen", "supports", "Norway") not in _stances(facts)
    facts = facts_of("Tom Halvorsen ended a two-day visit to Norway on Monday.")
    assert not [t for t in _stances(facts) if t[1] == "sanctioned"]
    facts = facts_of("Norway's reluctance to support the fight against Iceland is clear.")
    assert not [t for t in triples(facts, asserted_only=False) if t[1] == "supports"]


def test_a_party_tag_and_urged_talks_name_no_partner(facts_of) -> None:
    facts = facts_of("Tom Halvorsen spoke before his talks with Senator Ann Leary, D-N.Y., and "
                     "Senator Mara Lindqvist, D-Calif.")
    partners = {o for s, p, o in _stances(facts) if p == "discussedWith"} | {
        s for s, p, o in _stances(facts) if p == "discussedWith"}
    assert "Ann Leary" in partners and "New York State" not in partners
    facts = facts_of("Sixty Democratic lawmakers sent Secretary Ann Leary a letter urging "
                     "direct talks with the Norwegian government.")
    assert not [t for t in triples(facts, asserted_only=False) if t[1] == "discussedWith"]


def test_a_threat_noun_deep_in_a_clause_of_its_own_names_no_threat(facts_of) -> None:
    facts = facts_of("Ann Leary describes how Tom Halvorsen decided to speed up attacks on "
                     "Norway in his new book, which details how he addresses growing threats "
                     "around the world.")
    assert not [t for t in triples(facts, asserted_only=False) if t[1] == "namedAsThreat"]
    facts = facts_of("Tom Halvorsen sees Norway as a challenge.")
    assert ("Tom Halvorsen", "namedAsThreat", "Norway") in _stances(facts)


def test_members_picked_by_a_relative_clause_are_not_the_party(facts_of) -> None:
    facts = facts_of("Several Republicans who were critical of Tom Halvorsen voted for the "
                     "harbour bill.")
    assert not [t for t in _stances(facts) if t[1] == "criticized"]
    facts = facts_of("Democrats, who control the House, criticized Tom Halvorsen.")
    assert [t for t in _stances(facts) if t[1] == "criticized"]


def test_a_warning_threatens_only_with_an_act(facts_of) -> None:
    facts = facts_of("Tom Halvorsen warned Norway that missiles will be coming.")
    assert ("Tom Halvorsen", "threatened", "Norway") in _stances(facts)
    for text in ("Ann Leary warned Tom Halvorsen not to get too cocky.",
                 "Ann Leary warned Norway against scuttling the pact.",
                 "Ann Leary warned Norway of the dangers of repeal."):
        assert not [t for t in _stances(facts_of(text)) if t[1] == "threatened"]
