"""What makes "threaten" and "warn" a threat to someone.

"Threatened to strike Israel" threatens Israel; "the scandal threatens to overshadow the
summit" names a risk, no threat made to anyone; "threatened to stop the talks if the United
States goes ahead" is put to the United States. A warning is a threat only when it promises an
act ("warned that missiles will be coming", "warned of retaliation", or a bare "X warned Y"),
not advice ("warned X not to get cocky", "warned X against new sanctions") or a danger
("warns the spread could get very bad").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children

__all__ = ["condition_subjects", "only_a_risk"]


#: Verbs after "threatens to" that name a risk, not a threat made to someone: "the scandal
#: threatens to overshadow the party", "X threatens to derail the talks".
_RISK_VERBS = frozenset({
    "overshadow", "derail", "undermine", "upend", "overwhelm", "eclipse", "become", "sink",
    "shake", "disrupt", "impair", "depress", "unravel", "erode", "complicate", "dominate",
    "swamp", "spill", "spiral", "drag", "reverse", "delay", "stall", "jeopardize",
    "jeopardise", "cloud", "overtake", "hamper", "hinder", "weaken", "dampen", "torpedo",
})


def condition_subjects(doc: Doc, verb: Token) -> list[str]:
    """Who a threat's condition is put to: "threatened to stop the talks if the United States
    goes ahead", "threatened a strike unless Israel rescinded the law"."""
    for clause in verb.subtree:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"if", "unless"}
                                          for c in clause.children):
            return [k for s in children(clause, "nsubj") for k in args_of(doc, s)]
    return []


def only_a_risk(verb: Token) -> bool:
    """Whether the "to" clause of ``verb`` names a risk ("threatens to overshadow"), or a
    warning names no act of the warner: advice ("warned X not to get cocky", "warned X
    against new sanctions") or a danger ("warns the spread could get very bad")."""
    if verb.lemma_.lower() == "warn":
        return not _warned_of_an_act(verb)
    return any(c.lemma_.lower() in _RISK_VERBS for c in children(verb, "xcomp"))


#: What a warning can promise: "warned of retaliation", "warned of consequences".
_RETALIATION = frozenset({"retaliation", "consequence", "action", "strike", "attack", "war",
                          "response", "sanction", "reprisal", "punishment", "force"})


def _warned_of_an_act(verb: Token) -> bool:
    """Whether a warning promises something: "warned that missiles will be coming", "warned
    of retaliation", or a bare "X warned Y" (a headline's threat)."""
    if children(verb, "xcomp"):
        return False  # "warned X not to ...", "warned X to stay away"
    for prep in children(verb, "prep") + [p for o in children(verb, "dobj")
                                          for p in children(o, "prep")]:
        if prep.lower_ in {"against", "about", "over"}:
            return False
        if prep.lower_ == "of":
            return any(o.lemma_.lower() in _RETALIATION for o in children(prep, "pobj"))
    clauses = children(verb, "ccomp")
    return not clauses or any(a.dep_ == "aux" and a.lower_ in {"will", "would", "'ll"}
                              for c in clauses for a in c.children)
