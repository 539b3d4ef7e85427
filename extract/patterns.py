"""Dependency patterns that find candidate relations around trigger words.

Each pattern yields :data:`Found` tuples tagged with the rule id that ends up in the graph:

- ``verb``: a trigger verb with its subject as actor and its object (or a prepositional
  object) as target: "Russia threatened Ukraine", "Blinken discussed ... with Stoltenberg";
- ``verb-pair``: coordinated subjects of a symmetric verb: "Blinken and Stoltenberg discussed";
- ``verb-threat``: a naming verb plus a threat noun: "They named Russia and China among the
  main causes of their concerns";
- ``noun`` / ``noun-pair``: a trigger noun with its prepositional target and the actor of its
  clause: "a telephone conversation with Stoltenberg", "support for Ukraine", "talks between
  Blinken and Lavrov" (:mod:`extract.nouns`);
- ``post-title`` / ``post-appos``: holdsPost from the posts of :mod:`extract.posts`;
- ``quote``, ``reported``, ``according``: who said what (:mod:`extract.speech`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from extract.acts import act_owner, made_by
from extract.arguments import (
    args_of,
    children,
    complement_targets,
    prep_objects,
    stance_noun,
    through,
)
from extract.claims import reported_blame_rule
from extract.demands import REMOVAL_NOUNS, removal_rule, resign_rule
from extract.nouns import POSITIVE, noun_rule, opposed_inside, pairs
from extract.partners import hosts, told_in_person
from extract.reactions import REACTION_NOUNS, concern_rule, doubt_rule, reaction_rule
from extract.speech import speech_relations
from extract.stance_rules import (
    Found,
    adjective_rule,
    ally_rule,
    attack_rule,
    backed_rule,
    blame_rule,
    contact_rule,
    echo_rule,
    epithet_rule,
    gated_rule,
    idiom_rule,
    prep_verb_rule,
    reciprocal_targets,
)
from extract.subjects import subjects_of
from extract.threats import condition_subjects, only_a_risk
from extract.triggers import (
    ADJECTIVES,
    ALLY_NOUNS,
    SYMMETRIC,
    THREAT_NOUNS,
    TRIGGERS,
)

__all__ = ["Found", "post_relations", "sentence_relations"]

#: Verbs whose coordinated subjects act together: "Blinken and Lavrov met" (not "visit").
_PAIR_VERBS = frozenset({"meet", "talk", "discuss", "confer", "negotiate", "consult", "agree",
                         "sign", "cooperate", "collaborate", "partner", "ally", "coordinate"})
_PARTNER_VERBS = frozenset({"meet", "host", "receive", "phone", "telephone", "call", "consult",
                            "visit", "tell"})


def _verb_rule(doc: Doc, verb: Token, pred: str) -> Iterator[Found]:
    trig = TRIGGERS[pred]
    subjects = subjects_of(doc, verb)
    objects: list[str] = []
    passive = children(verb, "nsubjpass")
    rule = "verb"
    if pred == "namedAsThreat":
        if not _threat_named(verb):
            return
        targets = children(verb, "dobj") + [c for x in children(verb, "ccomp", "oprd")
                                             for c in children(x, "nsubj")]
        objects = [k for t in targets for k in args_of(doc, t) or through(doc, t)
                   or _named_inside(doc, t)]
        rule = "verb-threat"
    elif passive and verb.lemma_.lower() == "oppose" and not children(verb, "agent"):
        subjects = args_of(doc, passive[0])  # "Egypt is opposed to Qatari mediation"
        objects = prep_objects(doc, verb, frozenset({"to"}))
    elif passive:
        objects = args_of(doc, passive[0])
        agents = [o for a in children(verb, "agent") for o in children(a, "pobj")]
        subjects = args_of(doc, agents[0]) if agents else []
    else:
        lemma = verb.lemma_.lower()
        dobj = children(verb, "dobj")
        if (pred == "discussedWith" and lemma != "tell"
                and children(verb, "oprd", "ccomp", "xcomp", "attr")):
            return  # "called China a decisive enabler": naming, not a call
        mutual = reciprocal_targets(doc, verb, subjects)
        if mutual is not None:  # "Kyiv and Moscow accused each other": both ways
            for s in subjects:
                for o in mutual:
                    if s != o and (pred not in SYMMETRIC or s < o):
                        yield (s, pred, o, verb, "verb-mutual", 0.8, None)
            return

        if lemma == "tell" and not told_in_person(doc, verb, dobj):
            return
        if dobj and (pred != "discussedWith" or lemma in _PARTNER_VERBS):
            ties = frozenset({"with"}) if pred == "sanctioned" else frozenset()
            stance = stance_noun(dobj[0])
            objects = args_of(doc, dobj[0]) or (  # "boycott all contact with X"
                through(doc, dobj[0], ties) if pred != "discussedWith" and not stance else []
            )  # not "opposed sanctions on Russia": the sanctions' target is not opposed
            if pred in POSITIVE:  # "support the fight against X" backs no X
                objects = [o for o in objects if not opposed_inside(doc, dobj[0], o)]
            if not objects and stance and pred in _JUDGING:
                objects = [k for c in dobj[0].children if c.dep_ in {"poss", "compound", "amod"}
                           for k in args_of(doc, c)]  # "condemned the U.S. sanctions"
            if not objects and pred in _JUDGING and verb.dep_ != "acl":
                # "Leary ordered raids. X condemned the raids": the raids are Leary's
                # (not in "a bill to reject the plan": that is the bill's, not its voters')
                objects = made_by(doc, dobj[0]) or act_owner(doc, dobj[0])
                rule = "verb-act" if objects else rule
        objects += prep_objects(doc, verb, trig.preps - {"by", "of"})
        if lemma == "visit":  # a visit to a country or its capital is diplomacy; to Florida, not
            objects = [o for o in objects if hosts(doc, o)]
        if pred == "threatened" and lemma == "warn" and only_a_risk(verb):
            return  # "warned X not to get cocky": advice, no threat
        if not objects and pred not in {"discussedWith", "namedAsThreat"} and not (
                pred == "threatened" and only_a_risk(verb)) and lemma != "sue" and not (
                pred == "rejected" and _stance_inside(verb)):
            objects = complement_targets(doc, verb)  # "threatened to strike Israel"
        if not objects and lemma == "threaten" and not only_a_risk(verb):
            objects = condition_subjects(doc, verb)  # "threatened to act unless Iraq ..."
        if (pred in SYMMETRIC and not objects and len(subjects) > 1 and lemma in _PAIR_VERBS
                and not children(verb, "xcomp")  # "A and B agreed to take in refugees"
                and not any(p.lower_ == "with" for p in children(verb, "prep"))):
            # not "A and B met with officials": they met someone else, together
            yield from pairs(subjects, pred, verb, "verb-pair", 0.85)
            return
    for s in subjects:
        for o in objects:
            if o not in subjects:  # "Ann and I visited our troops": no visit to each other
                yield (s, pred, o, verb, rule, 0.75 if rule == "verb-act" else 0.85, None)


def _threat_named(verb: Token) -> bool:
    """Whether a naming verb names something a threat in its own clause: "named Russia the
    main threat", "sees China as a challenge", "said Iran is a danger"; not a threat noun deep
    in a clause of its own ("describes how X ... in a book which details growing threats")."""
    for part in verb.children:
        if part.dep_ not in {"dobj", "oprd", "attr", "prep", "ccomp", "xcomp"} or any(
                w.tag_ in {"WRB", "WP"} for w in part.children):
            continue
        for tok in part.subtree:
            if tok.lower_ in THREAT_NOUNS and not _in_clause_of_its_own(tok, part):
                return True
    return False


def _in_clause_of_its_own(tok: Token, top: Token) -> bool:
    """Whether a relative or adverbial clause lies between ``tok`` and ``top``."""
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in {"relcl", "acl", "advcl"}:
            return True
        tok = tok.head
    return False


#: Predicates that judge what they are about: the maker of a judged act is the target.
_JUDGING = frozenset({"criticized", "rejected", "supports", "accused"})


def _stance_inside(verb: Token) -> bool:
    """Whether the "to" clause of ``verb`` is a stance of its own: "refused to condemn X" is a
    criticism not made, not a rejection of X (but "refused to meet X" rejects X); "refused to
    rule out talks with X" leaves talks possible, it rejects nobody."""
    return any(set(_VERB_INDEX.get(c.lemma_.lower(), ())) - SYMMETRIC
               or c.lemma_.lower() in {"rule", "exclude"}
               for c in children(verb, "xcomp"))


def _named_inside(doc: Doc, noun: Token) -> list[str]:
    """The first actor named inside a noun phrase: "the fleet of U.S. bombers" -> U.S."""
    for tok in noun.subtree:
        if tok.dep_ in {"compound", "amod", "nmod", "poss"} and (keys := args_of(doc, tok)):
            return keys[:1]
    return []


def post_relations(doc: Doc) -> Iterator[Found]:
    """holdsPost for every post of ``doc._.ng_posts`` whose owner is known."""
    for post in doc._.ng_posts or ():
        if post.of is not None:
            rule = "post-title" if post.start < post.end else "post-appos"
            if post.ended:  # "former Foreign Minister X": held before (Relation.ended)
                yield (post.person, "holdsPost", post.of, doc[post.start], "post-former", 0.85,
                       post.title)
                continue
            yield (post.person, "holdsPost", post.of, doc[post.start], rule, 0.9, post.title)


def _index(words: str) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for pred, trig in TRIGGERS.items():
        for word in getattr(trig, words):
            index.setdefault(word, []).append(pred)
    return {w: tuple(preds) for w, preds in index.items()}


_VERB_INDEX = _index("verbs")
_NOUN_INDEX = _index("nouns")


def _triggers_for(tok: Token) -> Iterator[tuple[str, bool]]:
    pos = tok.pos_
    if pos == "VERB":
        for pred in _VERB_INDEX.get(tok.lemma_.lower(), ()):
            yield pred, True
    elif pos in {"NOUN", "PROPN"}:
        low, lemma = tok.lower_, tok.lemma_.lower()
        preds = dict.fromkeys((*_NOUN_INDEX.get(low, ()), *_NOUN_INDEX.get(lemma, ())))
        for pred in preds:
            yield pred, False


def sentence_relations(doc: Doc, sent: Any, tokens: list[Token]) -> Iterator[Found]:
    """The verb, noun and quote patterns of one sentence, in token order, quotes last.

    Args:
        doc: The document, its entities and coreference resolved.
        sent: The sentence span.
        tokens: The tokens of ``sent``.

    Yields:
        Candidate relations.
    """
    for tok in tokens:
        if tok.dep_ == "amod":  # "Iran-backed rebels": not a verb of its own clause
            yield from backed_rule(doc, tok)
            if tok.lower_ in {"backed", "supported", "armed", "funded"}:
                continue
        for pred, is_verb in _triggers_for(tok):
            rule = _verb_rule if is_verb else noun_rule
            yield from rule(doc, tok, pred)
        if tok.pos_ == "VERB":
            yield from resign_rule(doc, tok)
            yield from attack_rule(doc, tok)
            yield from gated_rule(doc, tok)
            yield from prep_verb_rule(doc, tok)
            yield from idiom_rule(doc, tok)
            yield from concern_rule(doc, tok)
            yield from doubt_rule(doc, tok)
            yield from epithet_rule(doc, tok)
            yield from blame_rule(doc, tok)
            yield from echo_rule(doc, tok)
            yield from reported_blame_rule(doc, tok)
        elif tok.pos_ == "ADJ" and tok.lower_ in ADJECTIVES:
            yield from adjective_rule(doc, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in ALLY_NOUNS:
            yield from ally_rule(doc, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() == "contact":
            yield from contact_rule(doc, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in REMOVAL_NOUNS:
            yield from removal_rule(doc, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in REACTION_NOUNS:
            yield from reaction_rule(doc, tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() == "attack":
            yield from attack_rule(doc, tok)
    yield from speech_relations(doc, sent, tokens)
