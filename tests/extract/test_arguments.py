"""Which entities a token stands for, on hand-made parses."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

import extract.coref  # registers the Doc extensions
import extract.entities  # noqa: F401
from extract.arguments import args_of
from extract.merging import EntityGroup
from extract.subjects import subjects_of

from conftest import triples


def _doc(words: list[str], heads: list[int], deps: list[str], names: dict[int, str],
         **attrs: list[str]) -> Doc:
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, **attrs)
    doc._.ng_tokens = {i: f"person:{n.lower()}" for i, n in names.items()}
    doc._.ng_entities = {f"person:{n.lower()}": EntityGroup(key=f"person:{n.lower()}",
                                                            type="PERSON", name=n)
                         for n in names.values()}
    return doc


def test_list_of_people_parsed_as_apposition_stands_for_all() -> None:
    # "Harlow of Ohio, Lanford of Iowa and Darnier said": the parser hangs "Lanford" on
    # "Harlow" as an apposition and "Darnier" on "Lanford" as a conjunct.
    words = ["Harlow", "of", "Ohio", ",", "Lanford", "and", "Darnier", "said"]
    heads = [7, 0, 1, 0, 0, 4, 4, 7]
    deps = ["nsubj", "prep", "pobj", "punct", "appos", "cc", "conj", "ROOT"]
    doc = _doc(words, heads, deps, {0: "Harlow", 4: "Lanford", 6: "Darnier"})
    assert args_of(doc, doc[0]) == ["person:harlow", "person:lanford", "person:darnier"]


def test_one_person_in_apposition_is_not_a_list() -> None:
    # "Harlow, Lanford's deputy, said" keeps to Harlow: one apposition without a list
    words = ["Harlow", ",", "Lanford", "said"]
    heads = [3, 0, 0, 3]
    deps = ["nsubj", "punct", "appos", "ROOT"]
    doc = _doc(words, heads, deps, {0: "Harlow", 2: "Lanford"})
    assert args_of(doc, doc[0]) == ["person:harlow"]


def test_target_named_inside_the_object_of_a_to_clause(facts_of) -> None:
    facts = facts_of("Chile threatened on Sunday to blockade Peruvian ports along the coast.")
    assert ("Chile", "threatened", "Peru") in triples(facts)


def test_subject_of_a_passive_schedule_verb_acts_in_its_to_clause(facts_of) -> None:
    facts = facts_of("Secretary of State Tom Harlow is scheduled to meet with Foreign "
                     "Minister Paul Darnier in Rome.")
    met = {frozenset((s, o)) for s, p, o in triples(facts) if p == "discussedWith"}
    assert frozenset(("Tom Harlow", "Paul Darnier")) in met


def test_noun_of_an_infinitival_relative_clause_is_its_subject(facts_of) -> None:
    facts = facts_of("Mary Lanford, the first senator to endorse Tom Harlow, spoke on Monday.")
    assert ("Mary Lanford", "supports", "Tom Harlow") in triples(facts)


def test_a_spokesperson_for_someone_acts_for_them(facts_of) -> None:
    facts = facts_of("A spokesperson for Tom Harlow dismissed Mary Lanford's proposal on Monday.")
    assert ("Tom Harlow", "rejected", "Mary Lanford") in triples(facts)


def test_an_administration_acts_for_its_country(facts_of) -> None:
    facts = facts_of("President Tom Harlow of Chad spoke on Monday. Senator Mary Lanford "
                     "criticized the Harlow administration, and Paul Darnier criticized the "
                     "administration too.")
    found = {(s, o) for s, p, o in triples(facts) if p == "criticized"}
    assert ("Mary Lanford", "Chad") in found
    assert ("Paul Darnier", "Chad") in found
    assert not [o for s, o in found if o == "Tom Harlow"]


def test_a_wish_in_the_air_is_nobodys_act(facts_of) -> None:
    facts = facts_of("There is a real interest among a large portion of our members to attend "
                     "and support Governor Ann Leary, Senator Tom Halvorsen said.")
    assert not [r for r in facts.relations if r.predicate == "supports"]
    facts = facts_of("Senator Tom Halvorsen took the opportunity to praise Governor Ann Leary.")
    assert ("Tom Halvorsen", "supports", "Ann Leary") in triples(facts)


def test_the_teller_of_a_clause_does_not_act_in_it() -> None:
    # "Harlow said Norway is committed to working with Iceland": Norway works with Iceland
    words = ["Harlow", "said", "Norway", "is", "committed", "to", "working", "with", "Iceland"]
    heads = [1, 1, 4, 4, 1, 4, 5, 6, 7]
    deps = ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp", "prep", "pcomp", "prep", "pobj"]
    lemmas = ["Harlow", "say", "Norway", "be", "commit", "to", "work", "with", "Iceland"]
    tags = ["NNP", "VBD", "NNP", "VBZ", "VBN", "IN", "VBG", "IN", "NNP"]
    doc = _doc(words, heads, deps, {0: "Harlow", 2: "Norway", 8: "Iceland"},
               lemmas=lemmas, tags=tags)
    assert subjects_of(doc, doc[6]) == ["person:norway"]


def test_a_source_named_after_a_participle_is_not_its_actor() -> None:
    # "Lanford tried to wrap the deal, holding talks with Darnier, The Post reported", with
    # the participle and "reported" hung as the parser often hangs them
    words = ["Lanford", "tried", "to", "wrap", "the", "deal", ",", "holding", "talks", "with",
             "Darnier", ",", "The", "Post", "reported"]
    heads = [1, 1, 3, 1, 5, 3, 3, 14, 7, 8, 9, 14, 13, 14, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct", "advcl", "dobj", "prep",
            "pobj", "punct", "det", "nsubj", "conj"]
    lemmas = [w.lower() for w in words[:7]] + ["hold", "talk", "with", "Darnier", ",", "the",
                                               "Post", "report"]
    doc = _doc(words, heads, deps, {0: "Lanford", 10: "Darnier", 13: "Post"}, lemmas=lemmas)
    assert subjects_of(doc, doc[8]) == ["person:lanford"]


def test_a_subject_hung_on_an_auxiliary_is_the_verbs() -> None:
    # "Harlow said it (Canada) had frozen aid", with "it" hung on "had"
    words = ["Harlow", "said", "it", "had", "frozen", "aid"]
    heads = [1, 1, 3, 4, 1, 4]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"]
    lemmas = ["Harlow", "say", "it", "have", "freeze", "aid"]
    doc = _doc(words, heads, deps, {0: "Harlow", 2: "Canada"}, lemmas=lemmas)
    assert subjects_of(doc, doc[4]) == ["person:canada"]


def test_a_participle_before_its_speaker_is_the_speakers_act() -> None:
    # "Speaking to Darnier, Harlow said ...": Harlow spoke to Darnier
    words = ["Speaking", "to", "Darnier", ",", "Harlow", "said", "no"]
    heads = [5, 0, 1, 5, 5, 5, 5]
    deps = ["advcl", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj"]
    lemmas = ["speak", "to", "Darnier", ",", "Harlow", "say", "no"]
    doc = _doc(words, heads, deps, {2: "Darnier", 4: "Harlow"}, lemmas=lemmas)
    assert subjects_of(doc, doc[0]) == ["person:harlow"]


def test_the_subject_of_a_passive_verb_acts_in_its_to_clause(facts_of) -> None:
    facts = facts_of('"We are honoured to back Tom Halvorsen at the festival," '
                     "Ann Leary said.")
    assert ("Ann Leary", "supports", "Tom Halvorsen") in triples(facts)
