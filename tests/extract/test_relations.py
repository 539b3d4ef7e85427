"""Relation rules, each checked on a short sentence of its pattern."""

from __future__ import annotations

from graph.rdf.ontology import statement_codes

from conftest import triples


def test_discussed_with_from_verb_and_noun(facts_of) -> None:
    facts = facts_of(
        "Blinken discussed the summit with Stoltenberg.\n\n"
        "Zelensky held talks with Turkish President Recep Tayyip Erdogan in Ankara."
    )
    found = triples(facts)
    assert ("Antony Blinken", "discussedWith", "Jens Stoltenberg") in found
    assert any(t[1] == "discussedWith" and "Volodymyr Zelensky" in t for t in found)


def test_naming_someone_something_is_not_a_call(facts_of) -> None:
    facts = facts_of('NATO leaders called China a "decisive enabler" of the war.')
    assert not [r for r in facts.relations if r.predicate == "discussedWith"]


def test_speaking_for_someone_is_not_a_talk(facts_of) -> None:
    facts = facts_of("Attorney General Ed Hollis spoke on Monday. Senator Harold Ruddock said "
                     "he could not speak for the President and the attorney general.")
    assert not [r for r in facts.relations if r.predicate == "discussedWith"]
    talk = facts_of("Senator Harold Ruddock spoke to Governor Amy Castell on Monday.")
    assert ("Amy Castell", "discussedWith", "Harold Ruddock") in triples(talk)


def test_named_as_threat(facts_of) -> None:
    facts = facts_of("NATO leaders named Russia the most significant threat to allied security.")
    preds = {(r.predicate, facts.entity(r.obj).name) for r in facts.relations if r.obj}
    assert ("namedAsThreat", "Russia") in preds


def test_negation_keeps_the_statement_negated(facts_of) -> None:
    facts = facts_of(
        "Austin stressed that NATO does not want to threaten Russia."
    )
    rels = [r for r in facts.relations if r.predicate == "threatened"]
    assert rels and all(r.polarity == "negated" for r in rels)
    assert ("NATO", "threatened", "Russia") not in triples(facts)


def test_capital_as_actor_is_the_country(facts_of) -> None:
    facts = facts_of("Moscow rejected Kyiv's proposal for a ceasefire.")
    assert ("Russia", "rejected", "Ukraine") in triples(facts)


def test_dateline_place_is_not_an_actor(facts_of) -> None:
    facts = facts_of(
        "WARSAW, Nov 25 - Polish Prime Minister Donald Tusk accused Belarus of pushing "
        "migrants to the border."
    )
    found = triples(facts)
    assert ("Donald Tusk", "accused", "Belarus") in found
    assert not any(t[0] in {"Poland", "Warsaw"} for t in found if t[1] != "locatedIn")


def test_object_control_gives_the_actor(facts_of) -> None:
    facts = facts_of("Zelensky urged the United States to impose sanctions on Russia.")
    sanctions = {(facts.entity(r.subject).name, facts.entity(r.obj).name)
                 for r in facts.relations if r.predicate == "sanctioned" and r.obj}
    assert sanctions == {("United States", "Russia")}


def test_holds_post_with_title_and_organisation(facts_of) -> None:
    facts = facts_of(
        "Secretary of State Antony Blinken met NATO Secretary General Jens Stoltenberg."
    )
    posts = {(facts.entity(r.subject).name, r.value, facts.entity(r.obj).name)
             for r in facts.relations if r.predicate == "holdsPost" and r.obj}
    assert ("Jens Stoltenberg", "Secretary General", "NATO") in posts
    assert ("Antony Blinken", "Secretary of State", "United States") in posts


def test_a_reported_title_is_still_a_fact(facts_of) -> None:
    facts = facts_of("Officials said US President Joe Biden would travel to Kyiv.")
    post = next(r for r in facts.relations if r.predicate == "holdsPost")
    assert post.modality == "fact" and post.attributed_to is None


def test_former_posts_are_not_current_posts(facts_of) -> None:
    facts = facts_of(
        "The meeting was chaired by Kaja Kallas, the former Estonian prime minister."
    )
    posts = [r for r in facts.relations if r.predicate == "holdsPost"]
    assert posts and all(r.ended and r.rule == "post-former" for r in posts)


def test_membership_and_location(facts_of) -> None:
    facts = facts_of(
        "Turkey, a member of NATO since 1952, hosted the talks.\n\n"
        "The alliance itself is headquartered in Brussels, while NATO leaders met at the "
        "NATO summit in Vilnius."
    )
    found = triples(facts)
    assert ("Turkey", "memberOf", "NATO") in found
    assert any(t[1] == "locatedIn" and t[2] == "Vilnius" for t in found)


def test_based_in_needs_an_entity_subject(facts_of) -> None:
    facts = facts_of(
        "The European Union listed several companies based in China and Hong Kong."
    )
    assert ("European Union", "locatedIn", "China") not in triples(facts)


def test_quotes_keep_speaker_and_text(facts_of) -> None:
    facts = facts_of('"We will not be intimidated by threats," Rutte said on Monday.')
    said = [r for r in facts.relations if r.predicate == "said"]
    assert said and said[0].value == "We will not be intimidated by threats"
    assert facts.entity(said[0].subject).name == "Mark Rutte"


def test_every_relation_has_its_sentence(facts_of) -> None:
    text = "Blinken accused Russia of sabotage. Poland supports Ukraine."
    facts = facts_of(text)
    assert {r.predicate for r in facts.relations} >= {"accused", "supports"}
    for r in facts.relations:
        assert r.sentence in text and text[r.start : r.end].strip() == r.sentence


def _codes(facts, pred: str) -> set[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(subject, object, PLOVER type) of ``pred``'s relations, the type as the ontology gives."""
    plover = "/".join(statement_codes()[pred][1]) or None
    return {(facts.entity(r.subject).name, facts.entity(r.obj).name, plover)
            for r in facts.relations if r.predicate == pred and r.obj}


def test_group_nouns_act_for_their_country(facts_of) -> None:
    facts = facts_of("The Serbian government rejected an Austrian proposal to reopen the border.")
    assert ("Serbia", "Austria", "REJECT") in _codes(facts, "rejected")


def test_target_inside_an_infinitive_clause(facts_of) -> None:
    facts = facts_of("Turkey threatened to cut diplomatic relations with Sweden.")
    assert ("Turkey", "Sweden", "THREATEN") in _codes(facts, "threatened")


def test_coordinated_subjects_of_an_agreement_are_paired(facts_of) -> None:
    facts = facts_of("Poland and Lithuania signed an agreement on border security.")
    pairs = _codes(facts, "agreedWith")
    assert ("Lithuania", "Poland", "AGREE") in pairs or ("Poland", "Lithuania", "AGREE") in pairs


def test_announced_intent_is_future(facts_of) -> None:
    facts = facts_of("Japan will support India's bid for a permanent seat.")
    rel = next(r for r in facts.relations if r.predicate == "supports")
    assert rel.modality == "future"


def test_city_in_a_country_the_article_names(facts_of) -> None:
    facts = facts_of("Leaders met in Vilnius on Tuesday. Lithuania hosted the summit.")
    rel = next(r for r in facts.relations if r.predicate == "locatedIn")
    assert (facts.entity(rel.subject).name, facts.entity(rel.obj).name) == ("Vilnius",
                                                                            "Lithuania")
    assert rel.rule == "located-kb" and "Vilnius" in rel.sentence


def test_organisation_of_a_city(facts_of) -> None:
    facts = facts_of("A spokesman for Siemens in Munich declined to comment.")
    assert ("Siemens", "locatedIn", "Munich") in triples(facts)


def test_person_of_an_organisation_is_a_member(facts_of) -> None:
    facts = facts_of("Robert Kowalski of the International Monetary Fund spoke first.")
    assert ("Robert Kowalski", "memberOf", "International Monetary Fund") in triples(facts)


def test_verbs_that_count_only_with_a_fitting_object(facts_of) -> None:
    facts = facts_of("Japan halted economic aid to Serbia. Japan halted its exports of cars.")
    assert ("Japan", "sanctioned", "Serbia") in triples(facts)
    facts = facts_of("The United States sent weapons to Ukraine. Biden sent a letter to Putin.")
    sent = {(facts.entity(r.subject).name, facts.entity(r.obj).name)
            for r in facts.relations if r.predicate == "supports" and r.obj}
    assert sent == {("United States", "Ukraine")}


def test_where_a_city_lies_is_not_negated_by_its_sentence(facts_of) -> None:
    facts = facts_of("Relations could not improve while Beijing kept ties with Moscow. "
                     "Russia and China signed a deal.")
    located = [r for r in facts.relations if r.rule == "located-kb"]
    assert located and all(r.polarity == "asserted" and r.modality == "fact" for r in located)


def test_visits_count_as_talks_only_with_hosts(facts_of) -> None:
    facts = facts_of("Indian Prime Minister Narendra Modi visited Tokyo in August. "
                     "Barack Obama visited Florida in March.")
    talks = {(facts.entity(r.subject).name, facts.entity(r.obj).name)
             for r in facts.relations if r.predicate == "discussedWith" and r.obj}
    assert any("Japan" in pair for pair in talks)
    assert not any("Florida" in pair for pair in talks)


def test_lifting_sanctions_is_not_sanctioning(facts_of) -> None:
    facts = facts_of("The European Union lifted sanctions on Belarus.")
    rels = [r for r in facts.relations if r.predicate == "sanctioned"]
    assert rels and all(r.polarity == "negated" for r in rels)


def test_telephoning_someone_is_a_talk(facts_of) -> None:
    facts = facts_of("Foreign Minister Ann Leary of Norway telephoned Jens Stoltenberg on "
                     "Tuesday.")
    assert ("Jens Stoltenberg", "discussedWith", "Ann Leary") in triples(facts)


def test_coreference_lowers_only_the_statements_it_resolved(facts_of) -> None:
    facts = facts_of("Senator Jane Halvorsen spoke on Tuesday. She said that Tom Akers would "
                     "meet Jens Stoltenberg in Oslo.")
    met = next(r for r in facts.relations if r.predicate == "discussedWith")
    said = next(r for r in facts.relations if r.predicate == "said")
    assert said.coreference and said.confidence < 0.75  # "She" = Jane Halvorsen
    assert not met.coreference and met.confidence == 0.85


def test_not_ruling_out_talks_leaves_them_possible(facts_of) -> None:
    kept_open = facts_of("Governor Ann Leary did not rule out talks with Jens Stoltenberg.")
    talks = [r for r in kept_open.relations if r.predicate == "discussedWith"]
    assert talks and all(r.polarity == "asserted" and r.modality == "hedged" for r in talks)
    refused = facts_of("Governor Ann Leary refused to rule out a meeting with Jens Stoltenberg.")
    assert not [r for r in refused.relations if r.predicate == "rejected"]
    ruled_out = facts_of("Governor Ann Leary ruled out talks with Jens Stoltenberg.")
    talks = [r for r in ruled_out.relations if r.predicate == "discussedWith"]
    assert talks and all(r.polarity == "negated" for r in talks)


def test_no_problem_is_no_negation(facts_of) -> None:
    facts = facts_of("Governor Ann Leary said she had no problem meeting Jens Stoltenberg.")
    talks = [r for r in facts.relations if r.predicate == "discussedWith"]
    assert talks and all(r.polarity == "asserted" for r in talks)
