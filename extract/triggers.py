"""Trigger lexicons: which words signal which relation, and the event codes they carry.

Plain data, one entry per predicate, so a rule set can be read (and extended) without reading
the matching code in :mod:`extract.patterns`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = [
    "ACT_NOUNS",
    "ADJECTIVES",
    "AGENT_NOUNS",
    "ALLY_NOUNS",
    "BLAME_NOUNS",
    "BLAME_VERBS",
    "EPITHETS",
    "GATED",
    "HEDGE_WORDS",
    "IDIOMS",
    "MEMBER_NOUNS",
    "MODAL_HEDGES",
    "NEGATING_VERBS",
    "PLACE_NOUNS",
    "PREP_VERBS",
    "REQUEST_NOUNS",
    "SPEECH_VERBS",
    "SYMMETRIC",
    "THREAT_NOUNS",
    "TRIGGERS",
    "Trigger",
]


@dataclass(frozen=True)
class Trigger:
    """Words that signal one predicate.

    ``verbs`` take the subject as actor and the direct object (or one of ``preps``) as target;
    ``nouns`` take their ``preps`` object as target and the actor from the governing clause.
    """

    verbs: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    object_preps: frozenset[str] = field(default_factory=frozenset)


def _f(*words: str) -> frozenset[str]:
    return frozenset(words)


TRIGGERS: dict[str, Trigger] = {
    "discussedWith": Trigger(
        verbs=_f("discuss", "meet", "talk", "speak", "confer", "negotiate", "phone", "call",
                 "consult", "host", "receive", "visit", "telephone", "tell"),
        nouns=_f("talk", "talks", "conversation", "meeting", "call", "phone", "negotiation",
                 "negotiations", "discussion", "discussions", "consultation", "briefing",
                 "summit", "dialogue", "interview"),
        preps=_f("with", "to", "between", "by"),
    ),
    "namedAsThreat": Trigger(
        verbs=_f("name", "call", "describe", "label", "consider", "see", "view", "regard",
                 "identify", "list", "brand", "cite", "designate", "deem"),
        nouns=_f("threat", "threats", "danger", "challenge", "challenges", "concern", "concerns",
                 "risk", "risks"),
        preps=_f("from", "by", "of", "like", "posed"),
    ),
    "threatened": Trigger(
        verbs=_f("threaten", "warn", "menace"),
        nouns=_f("ultimatum"),  # not "confrontation": a clash, not a threat
        preps=_f("with", "against", "on", "to"),  # "issued an ultimatum to Ecuador"
    ),
    "accused": Trigger(
        verbs=_f("accuse", "blame", "charge", "indict", "implicate", "sue"),
        nouns=_f("accusation", "accusations", "allegation", "allegations", "indictment"),
        preps=_f("against", "of"),
    ),
    "criticized": Trigger(
        verbs=_f("criticize", "criticise", "slam", "rebuke", "chide", "fault", "lambast",
                 "castigate", "denounce", "condemn", "deplore", "decry", "assail", "scold",
                 "bash", "blast", "berate", "critique", "lambaste", "excoriate", "upbraid",
                 "reprimand", "censure", "ridicule", "mock", "deride", "disparage",
                 "insult", "malign", "smear", "vilify", "demonize", "demonise", "lampoon",
                 "besmirch", "badmouth"),
        nouns=_f("criticism", "condemnation", "rebuke", "denunciation", "censure"),
        preps=_f("of", "against"),
    ),
    "supports": Trigger(
        verbs=_f("support", "back", "endorse", "arm", "aid", "assist", "supply", "help",
                 "defend", "welcome", "praise", "hail", "applaud", "commend", "laud"),
        nouns=_f("support", "aid", "assistance", "backing", "solidarity", "help"),
        preps=_f("for", "to", "of", "with"),
    ),
    "rejected": Trigger(
        verbs=_f("reject", "refuse", "dismiss", "rebuff", "spurn", "veto", "decline", "oppose"),
        nouns=_f("rejection", "refusal", "opposition"),
        preps=_f("of",),
    ),
    "agreedWith": Trigger(
        verbs=_f("agree", "sign", "conclude", "approve", "accept", "ratify"),
        nouns=_f("agreement", "deal", "accord", "treaty", "pact"),
        preps=_f("with", "between"),
    ),
    "cooperatesWith": Trigger(
        verbs=_f("cooperate", "collaborate", "partner", "ally", "coordinate"),
        nouns=_f("cooperation", "partnership", "alliance", "collaboration", "coordination"),
        preps=_f("with", "between"),
    ),
    "sanctioned": Trigger(
        verbs=_f("sanction", "blacklist", "embargo", "expel", "boycott"),
        nouns=_f("sanction", "sanctions", "embargo", "restrictions", "tariffs", "ban", "levy",
                 "levies"),
        preps=_f("on", "against", "for"),
    ),
}

def _with_cameo_verbs(triggers: dict[str, Trigger]) -> dict[str, Trigger]:
    """``triggers`` plus the stance verbs of the CAMEO verb dictionary
    (``data/cameo_verbs.json``, see ``scripts/cameo_verbs.py``); a verb another predicate
    already lists stays with that one."""
    path = Path(__file__).parent / "data" / "cameo_verbs.json"
    verbs: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))["verbs"]
    listed = {v: p for p, t in triggers.items() for v in t.verbs}
    out = dict(triggers)
    for pred, words in verbs.items():
        extra = {w for w in words if listed.get(w, pred) == pred}
        out[pred] = replace(out[pred], verbs=out[pred].verbs | extra)
    return out


TRIGGERS = _with_cameo_verbs(TRIGGERS)

#: Verbs that signal a predicate only with a fitting object: (verbs, object lemmas) per
#: predicate. "gave Tanzania a grant" supports Tanzania, "gave a speech" nothing; "halted aid
#: to Serbia" sanctions Serbia, "halted its offensive" nothing.
GATED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "criticized": (  # "lodged a protest with Albania", "filed a complaint against X"
        _f("lodge", "file", "register", "deliver", "send", "submit"),
        _f("protest", "complaint", "objection", "grievance", "demarche"),
    ),
    "supports": (
        _f("give", "provide", "send", "contribute", "grant", "donate", "deliver", "offer",
           "extend", "pledge", "approve"),
        _f("aid", "assistance", "grant", "loan", "credit", "weapon", "arm", "ammunition",
           "troop", "equipment", "fund", "funding", "money", "support", "help", "supply",
           "missile", "tank", "jet", "food", "package"),
    ),
    "rejected": (
        _f("ignore", "defy", "resist", "block", "snub", "disregard", "thwart", "spurn"),
        _f("request", "proposal", "offer", "plan", "call", "appeal", "demand", "ultimatum",
           "invitation", "initiative", "bid", "order", "push", "effort", "attempt"),
    ),
    "sanctioned": (
        _f("suspend", "halt", "freeze", "cut", "cancel", "prohibit", "ban", "sever", "end",
           "reduce", "withdraw", "recall", "downgrade", "stop"),
        _f("aid", "assistance", "tie", "relation", "link", "talk", "negotiation", "cooperation",
           "trade", "import", "export", "flight", "visit", "program", "programme", "supply",
           "delivery", "funding", "loan", "credit", "contact", "ambassador", "envoy",
           "mediation", "asset"),
    ),
}

#: Stance adjectives: predicate and the prepositions of their target ("critical of Obama").
ADJECTIVES: dict[str, tuple[str, frozenset[str]]] = {
    "critical": ("criticized", _f("of")),
    "supportive": ("supports", _f("of")),
    "opposed": ("rejected", _f("to")),
    "hostile": ("criticized", _f("to", "toward", "towards")),
    "grateful": ("supports", _f("to")),
    "friendly": ("cooperatesWith", _f("to", "toward", "towards", "with")),
}

#: Verbs that signal a predicate only with one preposition: (verb, preposition) -> predicate.
#: "stood with Kyiv", "working with the administration", "sat down with the envoy".
PREP_VERBS: dict[tuple[str, str], str] = {
    ("stand", "with"): "supports", ("side", "with"): "supports",
    ("work", "with"): "cooperatesWith", ("team", "with"): "cooperatesWith",
    ("sit", "with"): "discussedWith", ("rail", "against"): "criticized",
    ("lash", "at"): "criticized", ("speak", "against"): "criticized",
    ("hit", "at"): "criticized", ("complain", "about"): "criticized",
    ("complain", "over"): "criticized", ("object", "to"): "rejected",
    ("push", "against"): "rejected", ("stand", "to"): "rejected",  # "pushed back against X",
    ("disagree", "with"): "rejected", ("engage", "with"): "discussedWith",  # "stood up to X"
}

#: Idioms of a verb, its object and a preposition before the target: "took a swipe at X",
#: "picked a fight with X", "led the charge against X" -> (predicate, preposition).
IDIOMS: dict[tuple[str, str], tuple[str, str]] = {
    ("take", "shot"): ("criticized", "at"), ("take", "swipe"): ("criticized", "at"),
    ("take", "jab"): ("criticized", "at"), ("take", "potshot"): ("criticized", "at"),
    ("take", "aim"): ("criticized", "at"), ("throw", "mud"): ("criticized", "at"),
    ("pick", "fight"): ("criticized", "with"), ("lead", "charge"): ("criticized", "against"),
    ("lead", "fight"): ("rejected", "against"), ("wage", "war"): ("criticized", "on"),
}

#: Words that, in a naming ("called Obama a liar", "called him a weak president"), disparage
#: the one named.
_INSULTS = _f(
    "liar", "hypocrite", "fraud", "disgrace", "traitor", "coward", "fascist", "charlatan",
    "demagogue", "bully", "thug", "crook", "con", "idiot", "moron", "clown", "loser", "bigot",
    "racist", "tyrant", "dictator", "warlord", "deserter", "puppet", "embarrassment",
    "failure", "joke", "weak", "dishonest", "untruthful", "incompetent", "corrupt", "crooked",
    "pathetic", "self-righteous", "flunky", "childish", "laughable", "stupid", "foolish",
    "unhinged", "nasty",
)
#: Words that, said of something an actor did, criticise the actor ("called Pyongyang's
#: action unacceptable").
EPITHETS = frozenset({
    "unacceptable", "irresponsible", "reckless", "provocative", "outrageous", "shameful",
    "disgraceful", "absurd", "ridiculous", "appalling", "deplorable", "illegal", "unlawful",
    "inexcusable", "unjustified", "hypocritical", "despicable", "abhorrent", "misguided",
    "unrealistic", "counterproductive", "irrational", "shortsighted", "dangerous",
    "wrong", "incorrect", "false", "untrue", "disastrous", "disaster", "mistake", "catastrophe",
    "catastrophic", "terrible", "horrible", "awful", "unconstitutional", "unfit", "unqualified",
    "sham", "hoax", "travesty", "farce", "nonsense", "baloney", "inept", "incapable",
    "shameless", "unfair", "unjust", "deranged", "insane", "crazy",
}) | _INSULTS

#: Words that, said of someone or of what they did, praise them ("X has been terrific",
#: "X is doing a great job", "a good man").
PRAISES = _f(
    "great", "good", "terrific", "fantastic", "excellent", "tremendous", "wonderful",
    "outstanding", "phenomenal", "amazing", "superb", "admirable", "courageous", "brave",
    "heroic", "hero", "patriot", "honorable", "honourable", "decent", "brilliant",
)
#: Nouns that, praised, praise their holder: "a great leader", "a decent man".
#: Not "friend": "X is good friends with Y" tells of a friendship, not of a stance.
PRAISED_ROLES = _f("man", "woman", "leader", "president", "guy", "person", "patriot", "hero",
                   "job", "senator", "governor", "partner", "ally", "servant")

#: Verbs that put blame on someone ("placed the blame on X"), and the nouns for the blame.
BLAME_VERBS = _f("put", "place", "lay", "cast", "pin", "heap", "pile", "peg", "shift")
BLAME_NOUNS = _f("blame", "responsibility", "onus")

#: Nouns for what an actor does or says, named with the actor as a modifier ("the U.S.
#: action", "Israeli policies", "Trump handling"): criticising or backing it is a stance
#: towards the actor. Not "intervention", "invasion", "strikes": their modifier may be the
#: place ("the Libya intervention").
ACT_NOUNS = _f(
    "policy", "decision", "move", "action", "presence", "aggression", "stance", "position",
    "response", "handling", "approach", "conduct", "behavior", "behaviour", "rhetoric",
    "remark", "comment", "statement", "treatment", "crackdown", "provocation", "meddling",
    "interference",
)

#: Nouns that give their subject a stance towards their owner: "the Kurds were US allies"
#: (cooperatesWith), "X, a longtime critic of Y" (criticized), "an early supporter of Y".
#: Not "opponent" or "rival": an election's candidates are rivals without a stance.
ALLY_NOUNS: dict[str, str] = {
    "ally": "cooperatesWith", "partner": "cooperatesWith", "critic": "criticized",
    "detractor": "criticized", "supporter": "supports", "backer": "supports",
    "defender": "supports", "admirer": "supports",
}

#: Group nouns that act for the entity that modifies them ("the Sudanese government").
AGENT_NOUNS = frozenset({
    "government", "official", "authority", "leader", "leadership", "ministry", "minister",
    "force", "troop", "army", "military", "police", "parliament", "lawmaker", "legislature",
    "delegation", "diplomat", "envoy", "negotiator", "rebel", "militant", "administration",
    "regime", "cabinet", "side", "embassy", "navy", "spokesman", "spokeswoman", "spokesperson",
    "president", "prime", "representative", "state", "counterpart", "senator", "congressman",
    "congresswoman", "legislator", "ruler",
})

#: Nouns for what one side puts to another: their maker is the target of a reply to them.
REQUEST_NOUNS = frozenset({
    "request", "proposal", "offer", "plan", "call", "appeal", "demand", "ultimatum",
    "invitation", "initiative", "resolution", "bid", "suggestion", "change", "condition",
    "mediation",
})

#: Predicates whose direction carries no meaning (written once, in sorted order).
SYMMETRIC = frozenset({"discussedWith", "agreedWith", "cooperatesWith"})

#: Nouns that make a naming verb ("named X among the main threats") a threat statement.
THREAT_NOUNS = frozenset({
    "threat", "threats", "danger", "dangers", "adversary", "adversaries", "enemy", "enemies",
    "concern", "concerns", "challenge", "challenges", "menace", "risk", "risks", "rival",
    "rivals", "aggressor", "foe", "foes",
})

#: Verbs of speaking: their subject is the source of a quote or a reported clause.
SPEECH_VERBS = frozenset({
    "say", "tell", "stress", "add", "state", "note", "warn", "claim", "insist", "argue",
    "announce", "declare", "emphasize", "emphasise", "underline", "underscore", "explain",
    "write", "report", "reiterate", "assert", "confirm", "highlight", "point", "remark",
    "acknowledge", "allege", "suggest", "tweet", "urge", "vow", "pledge", "promise",
    "reckon", "recall", "observe", "complain", "reply", "respond", "testify", "contend",
    "maintain", "predict", "concede", "admit", "caution", "clarify", "recount", "estimate",
    "indicate", "lament", "boast", "counter", "retort",
})

#: Verbs whose complement is not asserted: "refused to meet" means no meeting.
NEGATING_VERBS = frozenset({"refuse", "decline", "deny", "fail", "avoid", "reject", "stop",
                            "cease", "quit"})

#: Adverbs that mark a statement as hedged.
HEDGE_WORDS = frozenset({
    "allegedly", "reportedly", "apparently", "possibly", "perhaps", "purportedly",
    "supposedly", "likely", "probably", "seemingly", "maybe",
})

#: Modal auxiliaries that mark a statement as hedged.
MODAL_HEDGES = frozenset({"may", "might", "could", "would", "should", "must"})

#: Nouns for groups whose members stand for the organisation ("members of the bloc").
MEMBER_NOUNS = frozenset({
    "member", "members", "ally", "allies", "representative", "representatives", "leader",
    "leaders", "state", "states", "country", "countries", "government", "governments",
    "minister", "ministers", "delegation", "delegations",
})

#: Event nouns that can be located ("the summit in Madrid").
PLACE_NOUNS = frozenset({
    "summit", "conference", "meeting", "talks", "forum", "congress", "session", "briefing",
    "ceremony", "visit", "rally", "exercise", "exercises", "election", "elections", "war",
    "headquarters", "embassy", "office", "base",
})
