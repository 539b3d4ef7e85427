"""Stance words: criticism, accusation, support, alliance, and their actors."""

from __future__ import annotations

from conftest import triples


def test_condemning_is_criticism(facts_of) -> None:
    facts = facts_of("Germany condemned Belarus for the forced landing.")
    found = triples(facts)
    assert ("Germany", "criticized", "Belarus") in found
    assert ("Germany", "accused", "Belarus") not in found


def test_actor_of_a_who_clause(facts_of) -> None:
    facts = facts_of("Germany, which slammed Belarus last week, sent a note to Poland.")
    assert ("Germany", "criticized", "Belarus") in triples(facts)


def test_critical_of(facts_of) -> None:
    facts = facts_of("Poland was highly critical of Belarus during the summit.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_allies(facts_of) -> None:
    facts = facts_of("Poland has long been an ally of Lithuania.")
    assert ("Lithuania", "cooperatesWith", "Poland") in triples(facts) or (
        "Poland", "cooperatesWith", "Lithuania") in triples(facts)


def test_stop_blaming_is_no_accusation(facts_of) -> None:
    facts = facts_of("Poland urged Germany to stop blaming Belarus for the crisis.")
    assert not [t for t in triples(facts) if t[1] == "accused"]


def test_a_joint_visit_is_not_a_meeting(facts_of) -> None:
    facts = facts_of("Antony Blinken and Jens Stoltenberg visited the factory in Kazan.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_meeting_after_a_date_possessive(facts_of) -> None:
    facts = facts_of("After Tuesday's meeting with Antony Blinken, Jens Stoltenberg said nothing.")
    assert ("Antony Blinken", "discussedWith", "Jens Stoltenberg") in triples(facts)


def test_standing_with_is_support(facts_of) -> None:
    facts = facts_of("Poland stands with Ukraine against the invasion.")
    assert ("Poland", "supports", "Ukraine") in triples(facts)


def test_calling_an_action_unacceptable_is_criticism(facts_of) -> None:
    facts = facts_of("Poland called Belarus's decision unacceptable.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_senators_of_a_party_act_for_it(facts_of) -> None:
    facts = facts_of("Republican senators accused Tom Bexley of lying about the deal.")
    assert any(p == "accused" and "Republican" in s and o == "Tom Bexley"
               for s, p, o in triples(facts))


def test_opposition_forces_do_not_act_for_their_country(facts_of) -> None:
    facts = facts_of("Poland sent aid to Syrian opposition forces.")
    assert ("Poland", "supports", "Syria") not in triples(facts)


def test_agreeing_to_act_is_no_agreement_with_each_other(facts_of) -> None:
    facts = facts_of("Germany and Sweden have agreed to take in more refugees.")
    assert not [t for t in triples(facts) if t[1] == "agreedWith"]


def test_negation_stays_with_its_own_verb(facts_of) -> None:
    facts = facts_of("Poland did not budge, and then criticized Belarus.")
    assert ("Poland", "criticized", "Belarus") in triples(facts)


def test_negation_over_or(facts_of) -> None:
    facts = facts_of("Poland did not criticize or threaten Belarus.")
    assert ("Poland", "threatened", "Belarus") not in triples(facts)


def test_pronoun_possessor_is_not_the_clause_subject(facts_of) -> None:
    facts = facts_of("Poland criticized Germany for its support of Belarus.")
    assert ("Poland", "supports", "Belarus") not in triples(facts)


def test_names_in_apposition_act(facts_of) -> None:
    facts = facts_of("Its neighbours China and Russia criticized Japan.")
    found = triples(facts)
    assert ("China", "criticized", "Japan") in found and ("Russia", "criticized", "Japan") in found


def test_blocking_a_plan_rejects_its_maker(facts_of) -> None:
    facts = facts_of("Hungary blocked Germany's plan to fund the pipeline.")
    assert ("Hungary", "rejected", "Germany") in triples(facts)


def test_blocking_a_road_rejects_nobody(facts_of) -> None:
    facts = facts_of("Protesters in Hungary blocked the road to Austria.")
    assert not [t for t in triples(facts) if t[1] == "rejected"]


def test_putting_the_blame_on_is_an_accusation(facts_of) -> None:
    facts = facts_of("Poland put the blame for the shortages squarely on Belarus.")
    assert ("Poland", "accused", "Belarus") in triples(facts)


def test_taking_the_blame_is_no_accusation(facts_of) -> None:
    facts = facts_of("Poland took the blame for the shortages in Belarus.")
    assert not [t for t in triples(facts) if t[1] == "accused"]


def test_accusing_each_other_goes_both_ways(facts_of) -> None:
    found = triples(facts_of("Poland and Belarus accused each other of provocations."))
    assert ("Poland", "accused", "Belarus") in found
    assert ("Belarus", "accused", "Poland") in found


def test_not_blaming_one_another_is_negated(facts_of) -> None:
    facts = facts_of("Poland and Belarus did not blame one another for the crisis.")
    rels = [r for r in facts.relations if r.predicate == "accused"]
    assert rels and all(r.polarity == "negated" for r in rels)


def test_calling_someone_a_liar_is_criticism(facts_of) -> None:
    facts = facts_of("Senator Tom Bexley called Anna Kowalczyk a liar on Tuesday.")
    assert ("Tom Bexley", "criticized", "Anna Kowalczyk") in triples(facts)


def test_criticising_a_country_s_policy_criticises_the_country(facts_of) -> None:
    facts = facts_of("Germany condemned the Belarusian crackdown on protesters.")
    assert ("Germany", "criticized", "Belarus") in triples(facts)


def test_being_in_contact_with_is_discussion(facts_of) -> None:
    found = triples(facts_of("Poland has been in close contact with Lithuania since Monday."))
    assert ("Lithuania", "discussedWith", "Poland") in found or (
        "Poland", "discussedWith", "Lithuania") in found


def test_coming_into_contact_is_no_discussion(facts_of) -> None:
    facts = facts_of("Two Polish nurses came into contact with Anna Kowalczyk in Warsaw.")
    assert not [t for t in triples(facts) if t[1] == "discussedWith"]


def test_a_backer_in_a_compound_supports(facts_of) -> None:
    facts = facts_of("The Iran-backed Houthi rebels seized the port on Friday.")
    rels = [r for r in facts.relations if r.predicate == "supports"]
    assert any(r.subject == "country:IR" and r.polarity == "asserted" for r in rels)


def test_a_backer_in_one_token_supports_under_a_negation(facts_of) -> None:
    facts = facts_of("Turkey did not attack the U.S.-backed Syrian Democratic Forces.")
    rels = [r for r in facts.relations if r.predicate == "supports"]
    assert any(r.subject == "country:US" and r.polarity == "asserted" for r in rels)


def test_threatens_to_with_a_risk_verb_is_no_threat(facts_of) -> None:
    facts = facts_of("Senator Jane Roe threatens to overshadow Democrats in Iowa this week.")
    assert not [t for t in triples(facts) if t[1] == "threatened"]
    facts = facts_of("Turkey threatened to expel diplomats from Sweden on Monday.")
    assert ("Turkey", "threatened", "Sweden") in triples(facts)


def test_negation_of_the_main_clause_stays_out_of_an_as_clause(facts_of) -> None:
    facts = facts_of("The row is not likely to end soon, especially as Donald Trump continues "
                     "to blame Hillary Clinton for starting it.")
    rels = [r for r in facts.relations if r.predicate == "accused"]
    assert rels and all(r.polarity == "asserted" for r in rels)
    facts = facts_of("Donald Trump did not blame Hillary Clinton for the attack.")
    assert [r.polarity for r in facts.relations if r.predicate == "accused"] == ["negated"]


def test_allies_named_by_their_nation(facts_of) -> None:
    facts = facts_of("Poland has pledged to defend its Japanese ally against any attack.")
    assert ("Poland", "supports", "Japan") in triples(facts)


def test_american_allies_are_not_america(facts_of) -> None:
    facts = facts_of("Poland rejected the complaints of American allies about the deal.")
    assert ("Poland", "rejected", "United States") not in triples(facts)


def test_a_confrontation_is_no_threat(facts_of) -> None:
    facts = facts_of("Poland wants to avoid a military confrontation with Belarus.")
    assert not [t for t in triples(facts, asserted_only=False) if t[1] == "threatened"]


def test_echoing_someones_words_is_agreement(facts_of) -> None:
    facts = facts_of("Poland echoed Germany's warnings about the pipeline on Monday.")
    assert ("Germany", "agreedWith", "Poland") in triples(facts) or (
        "Poland", "agreedWith", "Germany") in triples(facts)


def test_echoing_on_a_channel_is_no_agreement(facts_of) -> None:
    facts = facts_of("Poland echoed those sentiments on Germany's public radio.")
    assert not [t for t in triples(facts) if t[1] == "agreedWith"]


def test_someones_named_ally(facts_of) -> None:
    facts = facts_of("Lithuania's closest ally, Poland, did not join the talks in Vienna.")
    assert ("Lithuania", "cooperatesWith", "Poland") in triples(facts)


def test_criticized_what_belongs_to_each_other(facts_of) -> None:
    facts = facts_of("Governor Tom Harlow and Mayor Mary Lanford both openly criticized "
                     "each other's plans for the harbour.")
    found = {(s, o) for s, p, o in triples(facts) if p == "criticized"}
    assert {("Tom Harlow", "Mary Lanford"), ("Mary Lanford", "Tom Harlow")} <= found


def test_is_opposed_to_is_a_rejection(facts_of) -> None:
    facts = facts_of("Egypt is opposed to Qatari mediation in the conflict with Sudan.")
    assert ("Egypt", "rejected", "Qatar") in triples(facts)


def test_prohibited_aid_is_no_support(facts_of) -> None:
    facts = facts_of("Canada announced on Friday it would ban all aid to Bolivian militias "
                     "in the highlands.")
    assert not [o for s, p, o in triples(facts) if p == "supports"]


def test_won_the_backing_of_someone_is_their_support(facts_of) -> None:
    facts = facts_of("Tom Harlow changed the bill to secure the backing of Senator Mary Lanford.")
    found = {(s, o) for s, p, o in triples(facts) if p == "supports"}
    assert ("Mary Lanford", "Tom Harlow") in found
    assert ("Tom Harlow", "Mary Lanford") not in found


def test_willing_to_help_is_a_plan(facts_of) -> None:
    facts = facts_of("Portugal is willing to send ships to help protect Ireland.")
    plans = {(r.subject, r.obj, r.modality) for r in facts.relations if r.predicate == "supports"}
    assert ("country:PT", "country:IE", "future") in plans


def test_an_amount_of_aid_for_a_country(facts_of) -> None:
    facts = facts_of("Trade ministers of the African Union agreed on Sunday to provide 40 "
                     "million dollars of aid for Malawi and Zambia.")
    backed = {o for s, p, o in triples(facts, asserted_only=False) if p == "supports"}
    assert {"Malawi", "Zambia"} <= backed


def test_a_forum_named_with_its_organisation_acts_for_it(facts_of) -> None:
    facts = facts_of("The Nordic Council forum has agreed to open a climate institute in "
                     "Oslo.")
    assert [s for s, p, o in triples(facts) if p == "agreedWith"]


def test_a_threat_made_to_the_subject_of_its_condition(facts_of) -> None:
    facts = facts_of("Chile threatened on Sunday to close the border unless Bolivia withdrew "
                     "its troops.")
    assert ("Chile", "threatened", "Bolivia") in triples(facts)


def test_an_ultimatum_to_someone_is_a_threat(facts_of) -> None:
    facts = facts_of("Kenya has delivered an ultimatum to Somalia over the border raids.")
    assert ("Kenya", "threatened", "Somalia") in triples(facts)


def test_a_lodged_protest_is_criticism(facts_of) -> None:
    facts = facts_of("Hungary filed a formal complaint with Austria over the dam.")
    assert ("Hungary", "criticized", "Austria") in triples(facts)


def test_announced_boycott_of_contact_with_someone(facts_of) -> None:
    facts = facts_of("Greek officials said they would boycott all trade contact with "
                     "Turkey.")
    found = {(s, o, m) for s, p, o, m in (
        (f.entity(r.subject).name, r.predicate, f.entity(r.obj).name if r.obj else "",
         r.modality) for f in [facts] for r in f.relations) if p == "sanctioned"}
    assert [x for x in found if x[1] == "Turkey" and x[2] != "fact"]


def test_coordinated_subjects_holding_talks_met(facts_of) -> None:
    facts = facts_of("Peru and Chile resumed negotiations on Thursday.")
    met = {frozenset((s, o)) for s, p, o in triples(facts) if p == "discussedWith"}
    assert frozenset(("Peru", "Chile")) in met


def test_would_after_a_past_verb_of_speaking_is_a_plan(facts_of) -> None:
    facts = facts_of("Iran said on Monday that it would support Syria in the talks.")
    plans = {(r.subject, r.obj, r.modality) for r in facts.relations if r.predicate == "supports"}
    assert ("country:IR", "country:SY", "future") in plans


def test_would_with_a_condition_stays_hedged(facts_of) -> None:
    facts = facts_of("Iran said on Monday that it would support Syria if the talks failed.")
    modes = {r.modality for r in facts.relations if r.predicate == "supports"}
    assert modes and "future" not in modes


def test_refusing_to_condemn_is_no_rejection(facts_of) -> None:
    facts = facts_of("Mary Lanford refused to condemn Tom Harlow on Monday.")
    found = triples(facts, asserted_only=False)
    assert ("Mary Lanford", "rejected", "Tom Harlow") not in found
    assert ("Mary Lanford", "criticized", "Tom Harlow") in found
    assert ("Mary Lanford", "criticized", "Tom Harlow") not in triples(facts)


def test_refusing_to_meet_is_a_rejection(facts_of) -> None:
    facts = facts_of("Mary Lanford has refused to meet Tom Harlow in Geneva.")
    assert ("Mary Lanford", "rejected", "Tom Harlow") in triples(facts)


def test_opposition_to_sanctions_imposes_none(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow explained his opposition to sanctions on Iran.")
    found = triples(facts, asserted_only=False)
    assert not [o for s, p, o in found if p in {"sanctioned", "supports"} and o == "Iran"]


def test_opposing_sanctions_on_a_country_is_no_rejection_of_it(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow opposed sanctions on Russia.")
    assert ("Tom Harlow", "rejected", "Russia") not in triples(facts)


def test_condemning_sanctions_criticises_their_maker(facts_of) -> None:
    facts = facts_of("China condemned the U.S. sanctions on Huawei.")
    found = triples(facts)
    assert ("China", "criticized", "United States") in found
    assert ("China", "sanctioned", "Huawei") not in found


def test_helping_with_a_country_s_response_is_no_support_of_it(facts_of) -> None:
    facts = facts_of("Mary Lanford helped organise the French reaction to the floods.")
    assert not [o for s, p, o in triples(facts) if p == "supports"]


def test_support_for_a_fight_against_someone_is_no_support_of_them(facts_of) -> None:
    facts = facts_of("US support for the campaign against Tom Harlow remains small.")
    assert ("United States", "supports", "Tom Harlow") not in triples(facts)


def test_a_trigger_word_inside_a_name_is_no_trigger(facts_of) -> None:
    facts = facts_of("Tom Harlow is revising the Central European Free Trade Agreement with "
                     "Austria and Slovenia.")
    assert not [s for s, p, o in triples(facts) if p == "agreedWith"]


def test_having_the_backing_of_someone_is_their_support(facts_of) -> None:
    facts = facts_of("Senator Tom Harlow has the open backing of Mary Lanford.")
    found = {(s, o) for s, p, o in triples(facts) if p == "supports"}
    assert ("Mary Lanford", "Tom Harlow") in found


def test_parties_that_reach_a_deal_together_agree(facts_of) -> None:
    facts = facts_of("Norway and Iceland reached an agreement on fishing quotas on Monday.")
    assert {(s, o) for s, p, o in triples(facts) if p == "agreedWith"} <= {
        ("Norway", "Iceland"), ("Iceland", "Norway")}
    assert [t for t in triples(facts) if t[1] == "agreedWith"]
    came = facts_of("Norway and Iceland came to an agreement on fishing quotas.")
    assert [t for t in triples(came) if t[1] == "agreedWith"]


def test_a_wanted_deal_is_no_agreement_of_the_pair(facts_of) -> None:
    facts = facts_of("Norway and Iceland want a potential deal on fishing quotas.")
    assert not [t for t in triples(facts, asserted_only=False) if t[1] == "agreedWith"]
    tried = facts_of("Ann Leary and Tom Halvorsen met on Monday. Later, officials met as they "
                     "tried to reach a deal.")
    assert not [t for t in triples(tried, asserted_only=False) if t[1] == "agreedWith"]
    endorsed = facts_of("Norway and Iceland endorsed Sweden's fishing deal on Tuesday.")
    assert ("Norway", "Iceland") not in {(s, o) for s, p, o in triples(endorsed)
                                         if p == "agreedWith"}
    assert ("Iceland", "Norway") not in {(s, o) for s, p, o in triples(endorsed)
                                         if p == "agreedWith"}
