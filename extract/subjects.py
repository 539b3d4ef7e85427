"""Who acts in a clause: the actor of a verb or a noun, followed up through the parse.

A verb's actor is its subject, its passive agent or, for a noun, its possessor; a verb without
one takes the object of the verb that controls it ("urged the US to impose sanctions"), the
patient of a passive verb above it ("X is scheduled to meet Y", "X is committed to working with
Y") or the actor of the clause it hangs on, up to five steps up ("Norway is willing to send
arms to help defend X"). The teller of a clause said is not its actor ("X said Norway is
committed to ..."), nor is a source named after a participle ("holding talks with Y, The Post
reported").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children
from extract.triggers import SPEECH_VERBS

__all__ = ["subjects_of"]

_RELATIVE = frozenset({"who", "that", "which"})


def subjects_of(doc: Doc, verb: Token) -> list[str]:
    """Actors of a verb or noun: its subject, passive agent or possessor, else its controller's
    object, else those of the verb it depends on (up to five steps up: "Norway is willing to
    send arms to help defend X")."""
    tok: Token | None = verb
    for _ in range(5):
        if tok is None:
            break
        subj = children(tok, "nsubj") or [  # "it had frozen": a subject hung on "had"
            c for a in children(tok, "aux") for c in children(a, "nsubj")]
        if subj and subj[0].lower_ in _RELATIVE and tok.dep_ == "relcl":
            return args_of(doc, tok.head)  # "Rubio, who slammed Obama"
        if subj:
            return args_of(doc, subj[0])
        agent = [p for p in children(tok, "agent") for p in children(p, "pobj")]
        if agent:
            return args_of(doc, agent[0])
        poss = children(tok, "poss")
        if tok.pos_ == "NOUN" and poss and (owners := args_of(doc, poss[0])):
            return owners  # not "Tuesday's meeting with Rice": the clause's subject then
        controller = _controller(tok)
        if controller is not None:
            return args_of(doc, controller)
        if (tok.dep_ in {"acl", "relcl"} and tok.head.pos_ == "NOUN"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            noun = tok.head  # "Sessions, the first senator to endorse Trump"
            named = args_of(doc, noun) or (args_of(doc, noun.head) if noun.dep_ == "appos"
                                           else [])
            if named:
                return named
            if noun.lemma_.lower() in _NOT_OWNED and noun.dep_ != "dobj":
                return []  # "there was interest among members to support X": nobody's act
                # (but "took the opportunity to attack X" is the taker's)
        patient = children(tok.head, "nsubjpass")
        if patient and (tok.dep_ == "xcomp" or (
                tok.dep_ == "prep" and tok.head.tag_ == "VBN" and tok.lemma_.lower() == "to"
                and children(tok, "pcomp"))):  # not "is opposed to French mediation"
            keys = args_of(doc, patient[0]) or [  # "X is scheduled to meet Y", "X is
                k for p in children(patient[0], "poss") for k in args_of(doc, p)]
            if keys:  # committed to working with Y", "its drill was meant to warn Y"
                return keys
        tok = _up(tok)
    return []


def _up(tok: Token) -> Token | None:
    """The token whose subject a subjectless ``tok`` shares, if any. Not the teller of a
    clause said ("X said Norway is committed to ..."), nor the source named after a
    participle ("holding talks with Y, The Post reported"): the event's actor is neither."""
    head = tok.head
    if tok.dep_ not in {"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acl",
                        "attr", "ccomp", "acomp"}:
        return None
    if head.lemma_.lower() not in SPEECH_VERBS:
        return head
    if tok.dep_ == "ccomp":  # but "X said the fleet was sent to ...": sent by X, maybe
        return head if children(tok, "nsubjpass") and not children(tok, "agent") else None
    if tok.dep_ == "advcl" and tok.i < head.i and head.dep_ == "conj":
        return head.head  # but "Speaking to X, Trump said": the speaker speaks
    return head


#: Nouns whose "to" clause is nobody's act in particular unless someone has or takes them
#: (their object): "there was interest among members to support X", "a vote on a bill to
#: sanction X" name no actor; "took the opportunity to", "introduced a bill to" do.
_NOT_OWNED = frozenset({"interest", "need", "time", "way", "reason", "chance", "opportunity",
                        "pressure", "appetite", "support", "desire", "room", "resolution",
                        "bill", "measure", "legislation", "amendment", "motion", "petition"})


def _controller(verb: Token) -> Token | None:
    """The object that is the understood subject of a subjectless verb.

    "urged the US to impose sanctions" (xcomp) and "accused Brussels of waging a war" (pcomp
    under "of") both make the main verb's direct object the actor of the embedded verb.
    """
    if verb.dep_ == "xcomp":
        main = verb.head
    elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in {"of", "for"}:
        main = verb.head.head
    else:
        return None
    objects = children(main, "dobj")
    return objects[0] if objects else None
