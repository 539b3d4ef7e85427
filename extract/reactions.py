"""Reactions one side draws from another: "X drew criticism from Y", "X won praise from Y".

News often names the one judged as the subject and the judge after "from":

- criticism: "the plan drew sharp criticism from Germany", "Obama faced a backlash from
  Democrats", "the senator came under fire from the White House" (Y criticized X);
- praise: "the deal won praise from NATO", "her speech drew applause from Republicans" (Y
  supports X).

The one judged is the subject of the verb, or the actor behind it ("Trump's remarks drew
criticism from X" judges Trump). Rule id ``reaction-from``. A worry voiced about someone
("raised concerns about X's plan") is mild criticism of them (``verb-concern``), and so is
doubt cast on what is theirs ("questioned X's judgment", ``verb-doubt``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children, prep_objects, through
from extract.stance_rules import Found, each
from extract.subjects import subjects_of
from extract.triggers import AGENT_NOUNS

__all__ = ["REACTION_NOUNS", "concern_rule", "doubt_rule", "reaction_rule"]

#: Nouns of a reaction and the stance of the one who reacts.
REACTION_NOUNS = {
    "criticism": "criticized", "condemnation": "criticized", "rebuke": "criticized",
    "backlash": "criticized", "pushback": "criticized", "outrage": "criticized",
    "ire": "criticized", "flak": "criticized", "fire": "criticized", "scorn": "criticized",
    "praise": "supports", "applause": "supports", "plaudit": "supports",
    "accolade": "supports",
}
#: Verbs whose subject draws a reaction: "drew criticism", "faced a backlash".
_DRAWING = frozenset({"draw", "face", "receive", "attract", "get", "earn", "win", "spark",
                     "provoke", "prompt", "trigger", "garner", "meet", "invite", "elicit",
                     "generate", "court", "incur"})


def _drawing_verb(noun: Token) -> Token | None:
    """The verb whose subject drew ``noun``: "drew [criticism]", "came under [fire]",
    "was met with [criticism]"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _DRAWING:
        return head
    if noun.dep_ == "pobj" and head.lower_ in {"under", "with"}:
        verb = head.head  # "came under fire", "was met with criticism"
        if head.lower_ == "under" and noun.lemma_.lower() in {"fire", "criticism", "attack"}:
            return verb
        if head.lower_ == "with" and verb.lemma_.lower() == "meet":
            return verb
    return None


#: Verbs that voice a worry, and the worries: "raised concerns about X".
_VOICING = frozenset({"express", "raise", "voice", "air", "register", "share"})
_WORRIES = frozenset({"concern", "reservation", "doubt", "misgiving", "objection"})


def concern_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"X raised concerns about Y('s plan)": X criticized Y (rule ``verb-concern``)."""
    if verb.lemma_.lower() not in _VOICING:
        return
    about = frozenset({"about", "over", "regarding", "with"})
    for worry in children(verb, "dobj"):
        if worry.lemma_.lower() not in _WORRIES:
            continue
        targets = [k for prep in children(worry, "prep") + children(verb, "prep")
                   if prep.lower_ in about for o in children(prep, "pobj")
                   for k in args_of(doc, o) or through(doc, o)]
        yield from each(subjects_of(doc, verb), "criticized", targets, verb, "verb-concern", 0.7)


#: Verbs that cast doubt on what their object names: "questioned Obama's judgment".
_DOUBTING = frozenset({"question", "challenge", "doubt"})


def doubt_rule(doc: Doc, verb: Token) -> Iterator[Found]:
    """"X questioned (challenged, doubted) Y's judgment": X criticized Y (rule
    ``verb-doubt``); only a thing of Y's, not a person ("questioned Y's aides", "questioned
    Y" at a hearing) or a pronoun owner."""
    if verb.lemma_.lower() not in _DOUBTING:
        return
    for thing in children(verb, "dobj"):
        owners = [p for p in children(thing, "poss") if p.pos_ != "PRON"]
        if not owners or thing.ent_type_ or thing.lemma_.lower() in AGENT_NOUNS | _PERSONS:
            continue
        targets = [k for o in owners for k in args_of(doc, o)]
        yield from each(subjects_of(doc, verb), "criticized", targets, verb, "verb-doubt", 0.7)


#: Nouns of people someone has: "questioned Y's defenders" doubts them, not Y.
_PERSONS = frozenset({"defender", "supporter", "aide", "adviser", "advisor", "ally", "critic",
                      "nominee", "pick", "lawyer", "attorney", "witness", "son", "daughter",
                      "wife", "husband", "family", "friend", "staff", "team"})


def reaction_rule(doc: Doc, noun: Token) -> Iterator[Found]:
    """Y criticized (or supports) X for "X drew criticism (praise) from Y"."""
    pred = REACTION_NOUNS.get(noun.lemma_.lower())
    verb = _drawing_verb(noun) if pred is not None else None
    if pred is None or verb is None:
        return
    from_ = frozenset({"from"})  # on the noun, or on the verb as the parser often has it
    judges = prep_objects(doc, noun, from_) or prep_objects(doc, verb, from_)
    if not judges:
        return
    judged = subjects_of(doc, verb) or [
        k for s in children(verb, "nsubj", "nsubjpass") for k in through(doc, s)]
    yield from each(judges, pred, judged, noun, "reaction-from", 0.75)
