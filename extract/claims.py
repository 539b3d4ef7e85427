"""Accusations made by reporting what someone did wrong.

News often accuses without the word "accuse": "officials said the junta used chemical
weapons", "investigators concluded that Russia interfered in the election", "the
minister said X was responsible for the attacks". The speaker (or the one who concludes)
accuses the subject of the reported clause when that clause states a wrongdoing:

- a verb of wrongdoing: interfered, meddled, lied, violated, orchestrated, masterminded,
  hacked, plotted;
- a verb with a wrongdoing object: used chemical weapons, committed war crimes, carried out the
  attack;
- being responsible for, guilty of or behind something ("was behind the attack"), also
  "was believed to be responsible for".

Rule id ``reported-blame``. A reported clause that calls its subject, or what its subject
did, something disparaging ("said Chile's demand was unrealistic") is criticism (rule
``reported-epithet``). A hedge in the clause ("probably used") is read by
:mod:`extract.assertion` like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.acts import ACTS, act_owner
from extract.arguments import args_of, children, through
from extract.speech import supposed
from extract.stance_rules import Found, each
from extract.subjects import subjects_of
from extract.triggers import ACT_NOUNS, EPITHETS, PRAISED_ROLES, PRAISES, REQUEST_NOUNS

__all__ = ["JUDGEMENT_KINDS", "judgement", "reported_blame_rule"]

#: Verbs that report a claim or a finding about someone.
_CLAIM_VERBS = frozenset({
    "say", "claim", "allege", "charge", "insist", "conclude", "believe", "assert", "state",
    "find", "determine", "assess", "argue", "contend", "suspect", "tell", "add", "write",
    "tweet", "suggest", "think",
})
#: Verbs that are a wrongdoing by themselves.
_WRONG_VERBS = frozenset({
    "interfere", "meddle", "lie", "violate", "orchestrate", "mastermind", "hack", "plot",
    "cheat", "bribe", "torture", "massacre", "sabotage", "embezzle", "defraud", "collude",
    "deceive", "mislead", "obstruct", "rig", "steal", "conspire", "betray",
})
#: Verbs that are a wrongdoing with one of these objects ("used chemical weapons").
_WRONG_OBJECTS = {
    "use": frozenset({"weapon", "gas", "agent", "sarin", "chlorine", "bomb"}),
    "commit": frozenset({"crime", "atrocity", "genocide", "fraud", "perjury", "murder",
                         "abuse", "violation", "treason", "act"}),
    "carry": frozenset({"attack", "bombing", "strike", "assassination", "massacre", "raid"}),
    "launch": frozenset({"attack", "cyberattack", "strike"}),
    "abuse": frozenset({"power", "office", "authority", "position"}),
}
#: Adjectives of blame and the preposition of what is blamed ("responsible for").
_BLAME_ADJECTIVES = {"responsible": "for", "guilty": "of", "culpable": "for"}


def _wrongdoing(clause: Token) -> bool:
    """Whether a reported clause states a wrongdoing of its subject."""
    lemma = clause.lemma_.lower()
    if any(t.dep_ == "neg" for t in (clause, *children(clause, "xcomp", "acomp"))
           for t in t.children):
        return False  # "was not behind the attack": a denial, not an accusation
    if lemma in _WRONG_VERBS:
        return True
    objects = _WRONG_OBJECTS.get(lemma)
    if objects and any(o.lemma_.lower() in objects for o in children(clause, "dobj")):
        return True
    for tok in (clause, *children(clause, "xcomp")):  # "was believed to be responsible"
        for adj in children(tok, "acomp"):
            prep = _BLAME_ADJECTIVES.get(adj.lower_)
            if prep and any(p.lower_ == prep for p in children(adj, "prep")):
                return True
        if any(p.lower_ == "behind" for p in children(tok, "prep")) and tok.lemma_ == "be":
            return True
    return False


def reported_blame_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """Accusation by a claim verb and its reported clause (see module doc)."""
    if verb.lemma_.lower() not in _CLAIM_VERBS or verb.pos_ != "VERB" or supposed(verb):
        return  # not "If Rice had said that X was behind it"
    for clause in children(verb, "ccomp"):
        judged = judgement(doc, clause)
        if judged is not None:
            pred, targets = judged
            rule = f"reported-{JUDGEMENT_KINDS[pred]}"
            yield from each(subjects_of(doc, verb), pred, targets, verb, rule, 0.7)


#: The kind of judgement behind each predicate, the end of its rule ids ("reported-blame").
JUDGEMENT_KINDS = {"accused": "blame", "criticized": "epithet", "supports": "praise"}


def judgement(doc: Doc, clause: Token) -> tuple[str, list[str]] | None:
    """What a clause says of its subject: ("accused", keys) for a wrongdoing ("X lied"),
    ("criticized", keys) for a disparaging description ("X's plan is reckless", "X is doing a
    terrible job"), ("supports", keys) for praise ("X has been terrific", "X is doing a great
    job", "X is a good man"), else None."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None  # "was not reckless", "is not doing a good job": no clear stance
    if _wrongdoing(clause):
        return "accused", [k for s in children(clause, "nsubj", "nsubjpass")
                           for k in args_of(doc, s)]
    subjects = children(clause, "nsubj")
    if _disparaged(clause) or _job(clause, _POOR):
        return "criticized", [k for s in subjects for k in args_of(doc, s) or _actor(doc, s)]
    if _praised(clause) or _job(clause, PRAISES):
        return "supports", [k for s in subjects for k in args_of(doc, s)]
    if _approved(clause):  # "the raids were justified": support for who ordered them
        return "supports", [k for s in subjects if s.lemma_.lower() in ACTS
                            for k in _actor(doc, s)]
    return None


def _actor(doc: Doc, noun: Token) -> list[str]:
    """Whose act a judged noun is: "Chile's demand", or "the demand" named before."""
    if noun.lemma_.lower() not in _JUDGED_NOUNS | ACTS:
        return []
    return through(doc, noun) or act_owner(doc, noun)


#: Words that approve of an act ("the raids were necessary and wise").
_APPROVALS = frozenset({"appropriate", "right", "correct", "justified", "necessary", "wise",
                        "smart", "proportionate", "just", "measured", "overdue", "welcome"})


def _said_to_be(clause: Token) -> list[Token]:
    """What a copular clause says its subject is ("reckless and weak", "a hero"); [] for
    any other clause."""
    if clause.lemma_ != "be":
        return []
    return [t for c in children(clause, "acomp", "attr") for t in (c, *c.conjuncts)]


def _approved(clause: Token) -> bool:
    """"The decision was right", "the raids were necessary and wise"."""
    return any(t.lower_ in _APPROVALS | PRAISES for t in _said_to_be(clause))


#: What makes a job done a poor one ("is doing a terrible job").
_POOR = frozenset({"terrible", "lousy", "poor", "bad", "horrible", "awful", "miserable"})


def _job(clause: Token, words: frozenset[str]) -> bool:
    """"X is doing a great job": the verb "do" with a job so described."""
    return clause.lemma_ == "do" and any(
        o.lemma_ == "job" and any(a.lower_ in words for a in children(o, "amod"))
        for o in children(clause, "dobj"))


def _praised(clause: Token) -> bool:
    """"X has been terrific", "X is a great leader", "X is a hero"."""
    for tok in _said_to_be(clause):
        if tok.dep_ == "acomp" and tok.lower_ in PRAISES and not children(tok, "prep", "xcomp"):
            return True  # not "great at golf", "good to see"
        if tok.pos_ == "NOUN" and (tok.lemma_.lower() in {"hero", "patriot"} or (
                tok.lemma_.lower() in PRAISED_ROLES
                and any(a.lower_ in PRAISES for a in children(tok, "amod")))):
            return True
    return False


#: Nouns for what someone did or said, judged as theirs ("Chile's demand was unrealistic").
_JUDGED_NOUNS = ACT_NOUNS | REQUEST_NOUNS | frozenset({
    "insistence", "speech", "address", "idea", "claim", "argument", "strategy", "leadership",
    "tactic", "record", "agenda", "budget", "bill", "law", "order", "deal",
})


def _disparaged(clause: Token) -> bool:
    """Whether a clause calls its subject something disparaging: "X was reckless", "Y's plan
    is a disgrace" (a denied one, "was not reckless", never reaches here: see
    :func:`judgement`)."""
    return any(t.lower_ in EPITHETS for t in _said_to_be(clause))
