"""Assertion state of a relation: polarity, modality and who it is attributed to.

"NATO does not want a direct confrontation with Russia" is negated; "Moscow allegedly ..." is
hedged; "is expected to meet" is future; "Austin stressed that NATO ..." is reported and
attributed to Austin. The checks walk from the trigger word up its clause chain, stopping at
the first verb of speaking (which starts the attribution).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Token

from extract.facts import Modality, Polarity
from extract.sentences import sentence_of
from extract.triggers import HEDGE_WORDS, MODAL_HEDGES, NEGATING_VERBS, SPEECH_VERBS

__all__ = ["Assertion", "assess", "opposed"]

#: Verbs (and adjectives: "is willing to") over a clause that has not happened (yet): plans,
#: promises, offers and appeals.
_FUTURE_VERBS = frozenset({
    "expect", "plan", "intend", "schedule", "aim", "hope", "prepare", "promise", "pledge",
    "offer", "vow", "want", "seek", "urge", "ask", "call", "press", "demand", "propose", "agree",
    "decide", "try", "willing", "ready", "prepared", "poised", "eager", "determined",
})
#: How a clause hangs under a verb that makes it a plan or an appeal ("urged X to impose").
_EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"})
_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "acl", "relcl", "advcl", "prep",
                          "pobj", "dobj", "attr", "oprd", "appos", "compound", "amod",
                          "acomp"})


@dataclass(frozen=True, slots=True)
class Assertion:
    """``attributed_to`` is the token of the speaker, when the clause is reported speech."""

    polarity: Polarity = "asserted"
    modality: Modality = "fact"
    attributed_to: Token | None = None


def _chain(trigger: Token) -> tuple[list[Token], Token | None]:
    """The trigger and the heads above it inside its clause; plus the governing speech verb."""
    chain = [trigger]
    if trigger.dep_ == "amod" and (trigger.tag_ == "VBN" or "-" in trigger.text):
        return chain, None  # "did not meet the Iran-backed rebels": the backing stands
    tok = trigger
    while tok.dep_ in _CLAUSE_DEPS and tok.head is not tok:
        head = tok.head
        if head.lemma_.lower() in SPEECH_VERBS and tok.dep_ == "ccomp":
            return chain, head
        chain.append(head)
        tok = head
    return chain, None


#: Modals that make an event named as their subject only possible ("talks could help"), not
#: "aid must come with conditions" (the aid is given).
_MAYBE = frozenset({"could", "might", "may", "would"})

#: Nouns that make what they are "of" only possible: "the possibility of talks".
_POSSIBILITY_NOUNS = frozenset({"possibility", "prospect", "chance", "likelihood", "idea",
                                "hope", "hopes"})

#: Verbs that undo what their object names: "lifted sanctions", "ended its support".
_UNDOING_VERBS = frozenset({"lift", "ease", "remove", "cancel", "end", "scrap", "drop", "revoke",
                            "relax", "waive", "withdraw", "abandon", "halt", "suspend",
                            "prohibit", "ban", "block", "freeze", "stop", "bar", "withhold"})
#: Verbs that oppose what their object names: "opposed sanctions" imposes none.
_OPPOSING_VERBS = frozenset({"oppose", "resist", "reject", "veto", "fight", "defeat"})


#: Nouns that oppose what they govern: "opposition to sanctions" imposes none.
_OPPOSING_NOUNS = frozenset({"opposition", "objection", "resistance", "rejection", "veto",
                             "repeal", "lifting", "removal", "end"})


def opposed(noun: Token) -> bool:
    """Whether a stance noun is only opposed, so that it states nothing: "opposed sanctions",
    "his opposition to sanctions on Iran" (also parsed with "to" on the verb above)."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in _OPPOSING_VERBS:
        return True
    if noun.dep_ == "pobj":
        above = noun.head.head
        before = noun.doc[noun.head.i - 1] if noun.head.i else above
        return above.lemma_.lower() in _OPPOSING_NOUNS or (
            before.dep_ == "dobj" and before.lemma_.lower() in _OPPOSING_NOUNS)
    return False


def _negated(chain: list[Token]) -> bool:
    trigger = chain[0]
    if (trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "nsubjpass"}
            and trigger.head.lemma_.lower() in _UNDOING_VERBS):
        return True
    for n, tok in enumerate(chain):
        if n and chain[n - 1].dep_ == "advcl" and any(
                c.dep_ == "mark" for c in chain[n - 1].children):
            return False  # "the row isn't over, as X goes on blaming Y": a clause of its own
        if n and chain[n - 1].dep_ == "conj" and not any(
                c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in tok.children):
            continue  # "didn't budge, and then mocked Trump" (but "did not meet or call")
        if (n and tok.lemma_.lower() == "hesitate" and chain[n - 1].dep_ == "xcomp"
                and any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)):
            return False  # "will not hesitate to condemn X" condemns X
        for child in tok.children:
            if child.dep_ == "neg" or child.lower_ in {"never", "neither", "nor"} or (
                    child.lower_ == "no" and tok.lemma_.lower() not in _NO_DOUBT):
                return True
            if child.dep_ == "prep" and any(  # "at no time did we threaten", "in no way"
                    o.lemma_.lower() in {"time", "way", "point"} and any(
                        d.lower_ == "no" for d in o.children) for o in child.children):
                return True
        if n and tok.lemma_.lower() in NEGATING_VERBS and chain[n - 1].dep_ == "xcomp":
            return True
        if n and tok.lemma_.lower() in _NEGATING_NOUNS and chain[n - 1].dep_ in {"acl", "pcomp",
                                                                                "prep"}:
            return True  # "his refusal to support X", "reluctance to back X"
    return False


#: Nouns that deny what their "to" clause names: "Trump's refusal to support Ryan".
_NEGATING_NOUNS = frozenset({"refusal", "reluctance", "failure", "unwillingness"})

#: Nouns that "no" makes an assurance: "no problem speaking to him", "no doubt they met".
_NO_DOUBT = frozenset({"problem", "doubt", "question", "hesitation", "qualm", "reservation"})


#: Words that make the noun of a "to" clause one who did it: "the first senator to endorse X".
_DONE_BY = frozenset({"first", "last", "only", "second", "third", "latest", "next"})
#: Verbs that carry out the aim of their object: "took the opportunity to attack X".
_SEIZING = frozenset({"take", "use", "seize", "grab", "exploit"})


def _aim_of(clause: Token, noun: Token) -> bool:
    """Whether a "to" clause only names what a noun aims at, not what was done: "a deadline
    to reach a deal", "efforts to isolate X"; not "the first senator to endorse X" or "took the
    opportunity to attack X"."""
    return (clause.dep_ == "acl" and noun.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and not any(c.lower_ in _DONE_BY for c in noun.children)
            and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SEIZING))


def _ruling_out(tok: Token) -> bool:
    """"rule out" and "exclude", said of a possibility: not ruling it out leaves it open."""
    lemma = tok.lemma_.lower()
    return lemma == "exclude" or (lemma == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))


def _according_to(trigger: Token) -> Token | None:
    for tok in sentence_of(trigger):
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            for obj in tok.nbor(1).children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _future_in_the_past(chain: list[Token], speech: Token | None) -> bool:
    """Whether "would" reports a plan, as after a past verb of speaking ("said it would
    allow"), rather than a hedge or a condition ("would meet him if he ...")."""
    if speech is None or speech.tag_ != "VBD":
        return False
    return not any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                             for m in c.children)
                   for tok in chain for c in tok.children)


def assess(trigger: Token) -> Assertion:
    """Polarity, modality and attribution of the relation signalled by ``trigger``."""
    chain, speech = _chain(trigger)
    polarity: Polarity = "negated" if _negated(chain) else "asserted"
    hedged = future = False
    ruling = next((tok for tok in chain[1:] if _ruling_out(tok)), None)
    if ruling is not None:  # "ruled out talks": none; "did not rule out talks": possible
        kept_open = any(c.dep_ == "neg" for c in ruling.children) or (
            ruling.dep_ == "xcomp" and ruling.head.lemma_.lower() in NEGATING_VERBS)
        polarity, hedged = ("asserted", True) if kept_open else ("negated", False)
    reported_future = _future_in_the_past(chain, speech)
    for tok in chain:
        for child in tok.children:
            low = child.lower_
            adv_hedge = child.dep_ == "advmod" and low in HEDGE_WORDS
            if child.dep_ == "aux" and low == "would" and reported_future:
                future = True  # "Iraq said it would allow the inspectors back"
            elif adv_hedge or (child.dep_ == "aux" and low in MODAL_HEDGES) or (
                    child.dep_ == "mark" and low in {"if", "unless", "whether"}) or (
                    child.dep_ == "mark" and low == "for" and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                hedged = True  # "could meet", "if they agree", "time for X to attack Y"
            elif child.dep_ == "aux" and low in {"will", "shall", "'ll"}:
                future = True
    for below, tok in pairwise(chain):
        if below.dep_ in _EMBEDDING_DEPS and (tok.lemma_.lower() in _FUTURE_VERBS or (
                tok.lower_ in {"set", "slated", "due"} and below.dep_ == "xcomp")):
            future = True  # "promised to support", "urged X to impose": not a coordinated verb
            # "is set to meet", "is due to sign"
        if below.dep_ == "prep" and tok.lemma_.lower() in _POSSIBILITY_NOUNS:
            hedged = True  # "the possibility of a meeting between X and Y"
        if _aim_of(below, tok):
            future = True  # "a deadline to reach a deal", "a bid to sanction X"
    if (len(chain) == 1 and trigger.pos_ == "NOUN" and trigger.dep_ in {"nsubj", "nsubjpass"}
            and any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in trigger.head.children)):
        hedged = True  # "a meeting between X and Y could be seen as interference"
    source: Token | None = None
    if speech is not None:
        source = next((c for c in speech.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if source is None:
        source = _according_to(trigger)
    modality: Modality
    if hedged:
        modality = "hedged"
    elif future:
        modality = "future"
    elif source is not None:
        modality = "reported"
    else:
        modality = "fact"
    return Assertion(polarity, modality, source)
