"""Relations between entities: trigger lexicons + dependency patterns over the parse.

One rule family per pattern, each rule tagged with an id that ends up in the graph:

- ``verb``: a trigger verb with its subject as actor and its object (or a prepositional
  object) as target: "Russia threatened Ukraine", "Blinken discussed ... with Stoltenberg";
- ``verb-pair``: coordinated subjects of a symmetric verb: "Blinken and Stoltenberg discussed";
- ``verb-threat``: a naming verb plus a threat noun: "They named Russia and China among the
  main causes of their concerns";
- ``noun``: a trigger noun with its prepositional target and the actor of its clause:
  "a telephone conversation with Stoltenberg", "support for Ukraine";
- ``post-title`` / ``post-appos``: holdsPost from titles (see :mod:`extract.entities`);
- ``member``: "Poland is a member of NATO", "Finland joined the alliance";
- ``located``: "the summit in Madrid", "headquartered in Brussels", "Vilnius, Lithuania";
- ``quote``: a quotation with a verb of speaking and its speaker.

Arguments are expanded over coordination ("Russia and China"); the assertion state of each
relation comes from :func:`extract.assertion.assess`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.assertion import assess
from extract.entities import EntityGroup
from extract.events import contained, locate, membership
from extract.facts import Relation
from extract.kb import KnowledgeBase, load_kb
from extract.triggers import (
    AGENT_NOUNS,
    CODES,
    REQUEST_NOUNS,
    SPEECH_VERBS,
    SYMMETRIC,
    THREAT_NOUNS,
    TRIGGERS,
)

__all__ = ["Found", "args_of", "extract_relations"]

if not Doc.has_extension("ng_relations"):
    Doc.set_extension("ng_relations", default=None)

Found = tuple[str, str, str | None, Token, str, float, str | None]
"""(subject key, predicate, object key, trigger token, rule id, confidence, value)."""

_PARTNER_VERBS = frozenset({"meet", "host", "receive", "phone", "call", "consult", "visit"})
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_QUOTES = {'"': '"', "“": "”", "«": "»"}
#: CAMEO codes of an announced intent ("will support", "promised to meet"), PLOVER AGREE.
_INTENT_CODES = {"supports": "033", "discussedWith": "036", "cooperatesWith": "030",
                 "agreedWith": "030"}
#: Predicates whose arguments are places, posts or memberships, not actors of an event.
_NON_ACTOR = frozenset({"locatedIn", "holdsPost", "memberOf"})


def args_of(doc: Doc, tok: Token | None, *, actor: bool = True) -> list[str]:
    """Entity keys a token stands for, expanded over coordination and plural pronouns."""
    if tok is None:
        return []
    tokens: dict[int, str] = doc._.ng_tokens
    plural: dict[int, list[str]] = doc._.ng_plural or {}
    keys: list[str] = []
    for t in [tok, *tok.conjuncts]:
        if _is_dateline(t):
            continue
        if t.i in tokens:
            keys.append(tokens[t.i])
        elif t.i in plural:
            keys.extend(plural[t.i])
        elif t.lemma_.lower() in AGENT_NOUNS:
            keys.extend(_agent_of(doc, t))
    groups = doc._.ng_entities
    if actor:
        keys = [k for k in keys if groups[k].type in _ACTOR_TYPES]
    return list(dict.fromkeys(keys))


def _agent_of(doc: Doc, noun: Token) -> list[str]:
    """Who a group noun stands for: "the Sudanese government", "U.S. officials", "officials
    of Hungary and Romania", "Moscow's negotiators"."""
    tokens: dict[int, str] = doc._.ng_tokens
    keys: list[str] = []
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and child.i in tokens:
            keys.extend(tokens[t.i] for t in [child, *child.conjuncts] if t.i in tokens)
        elif child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            for obj in _children(child, "pobj"):
                keys.extend(tokens[t.i] for t in [obj, *obj.conjuncts] if t.i in tokens)
    return keys


def _is_dateline(tok: Token) -> bool:
    """The place of a dateline ("BRUSSELS, July 2 - ..."): where it was filed, not an actor."""
    doc = tok.doc
    shouted = tok.is_upper or any(
        s <= tok.idx < e for s, e in doc.user_data.get("ng_shouted", ()))
    return (tok.i - tok.sent.start < 3 and shouted and len(tok) > 2
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _subjects(doc: Doc, verb: Token) -> list[str]:
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        subj = _children(tok, "nsubj")
        if subj:
            return args_of(doc, subj[0])
        agent = [p for p in _children(tok, "agent") for p in _children(p, "pobj")]
        if agent:
            return args_of(doc, agent[0])
        poss = _children(tok, "poss")
        if tok.pos_ == "NOUN" and poss:
            return args_of(doc, poss[0])
        controller = _controller(tok)
        if controller is not None:
            return args_of(doc, controller)
        tok = tok.head if tok.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep", "pobj",
                                       "dobj", "acl", "attr", "ccomp"} else None
    return []


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
    objects = _children(main, "dobj")
    return objects[0] if objects else None


def _prep_objects(doc: Doc, tok: Token, preps: frozenset[str]) -> list[str]:
    out: list[str] = []
    for prep in _children(tok, "prep", "agent", "dative"):
        if prep.lower_ in preps or prep.dep_ == "dative":
            for obj in _children(prep, "pobj") or ([prep] if prep.dep_ == "dative" else []):
                out.extend(args_of(doc, obj) or _through(doc, obj))
    return out


def _through(doc: Doc, noun: Token, extra: frozenset[str] = frozenset()) -> list[str]:
    """Entity behind a noun: its possessor ("Kyiv's proposal"), who made a request ("a U.S.
    request", "calls by Annan"), or what it points at ("action against Russia", "states like
    China")."""
    tokens: dict[int, str] = doc._.ng_tokens
    if noun.lemma_.lower() in REQUEST_NOUNS:
        makers = [tokens[c.i] for c in noun.children
                  if c.dep_ in {"amod", "compound", "nmod"} and c.i in tokens]
        if makers:
            return makers
    for child in noun.children:
        if child.dep_ == "poss":  # a named possessor, not a pronoun ("their response")
            return [] if child.pos_ == "PRON" else args_of(doc, child)
        if child.dep_ == "prep" and (child.lower_ in _THROUGH_PREPS or child.lower_ in extra):
            for obj in _children(child, "pobj"):
                return args_of(doc, obj)
    return []


_THROUGH_PREPS = frozenset({"like", "of", "including", "from", "to", "for", "by", "against",
                            "on"})


def _verb_rule(doc: Doc, verb: Token, pred: str) -> Iterator[Found]:
    trig = TRIGGERS[pred]
    subjects = _subjects(doc, verb)
    objects: list[str] = []
    passive = _children(verb, "nsubjpass")
    rule = "verb"
    if pred == "namedAsThreat":
        if not any(t.lower_ in THREAT_NOUNS for t in verb.subtree if t.i != verb.i):
            return
        targets = _children(verb, "dobj") + [c for x in _children(verb, "ccomp", "oprd")
                                              for c in _children(x, "nsubj")]
        objects = [k for t in targets for k in args_of(doc, t)]
        rule = "verb-threat"
    elif passive:
        objects = args_of(doc, passive[0])
        agents = [o for a in _children(verb, "agent") for o in _children(a, "pobj")]
        subjects = args_of(doc, agents[0]) if agents else []
    else:
        lemma = verb.lemma_.lower()
        dobj = _children(verb, "dobj")
        if pred == "discussedWith" and _children(verb, "oprd", "ccomp", "xcomp", "attr"):
            return  # "called China a decisive enabler": naming, not a call

        if dobj and (pred != "discussedWith" or lemma in _PARTNER_VERBS):
            objects = args_of(doc, dobj[0]) or (
                _through(doc, dobj[0]) if pred != "discussedWith" else []
            )
        objects += _prep_objects(doc, verb, trig.preps - {"by", "of"})
        if not objects and pred not in {"discussedWith", "namedAsThreat"}:
            objects = _complement_targets(doc, verb)  # "threatened to strike Israel"
        if pred in SYMMETRIC and not objects and len(subjects) > 1:
            yield from _pairs(subjects, pred, verb, "verb-pair", 0.85)
            return
    for s in subjects:
        for o in objects:
            if s != o:
                yield (s, pred, o, verb, rule, 0.85, None)


def _complement_targets(doc: Doc, verb: Token) -> list[str]:
    """Targets inside a "to" clause: "refused to recognise Kosovo", "agreed to help Kyiv"."""
    out: list[str] = []
    for comp in _children(verb, "xcomp"):
        if comp.pos_ != "VERB":
            continue
        for obj in _children(comp, "dobj"):  # "to break relations with Russia"
            out.extend(args_of(doc, obj) or _through(doc, obj, frozenset({"with"})))
        out.extend(_prep_objects(doc, comp, frozenset({"to", "with", "against", "on", "in"})))
    return out


def _pairs(keys: list[str], pred: str, trig: Token, rule: str, conf: float) -> Iterator[Found]:
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a != b:
                yield (a, pred, b, trig, rule, conf, None)


def _noun_rule(doc: Doc, noun: Token, pred: str) -> Iterator[Found]:
    trig = TRIGGERS[pred]
    if pred == "discussedWith":
        joint = _prep_objects(doc, noun, frozenset({"between", "by"}))
        if len(joint) > 1:
            yield from _pairs(joint, pred, noun, "noun-pair", 0.75)
            return
    objects = _prep_objects(doc, noun, trig.preps - {"by", "between"})
    if not objects and noun.dep_ == "dobj":  # "impose sanctions on Russia"
        objects = _prep_objects(doc, noun.head, trig.preps - {"by", "between", "with"})
    if pred == "namedAsThreat":
        posed = [c for c in noun.children if c.dep_ == "acl" and c.lemma_ == "pose"]
        for acl in posed:
            objects += _prep_objects(doc, acl, frozenset({"by"}))
    if not objects:
        return
    poss = _children(noun, "poss")
    subjects = args_of(doc, poss[0]) if poss else _subjects(doc, noun.head)
    for s in subjects:
        for o in objects:
            if s != o:
                yield (s, pred, o, noun, "noun", 0.7, None)


def _quote_rule(doc: Doc, sent: Any, tokens: list[Token]) -> Iterator[Found]:
    text = doc.text[sent.start_char : sent.end_char]
    quote = _quoted(text)
    if quote is None or len(quote.split()) < 3:
        return
    for tok in tokens:
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            subj = _children(tok, "nsubj")
            for key in args_of(doc, subj[0] if subj else None):
                yield (key, "said", None, tok, "quote", 0.8, quote)
            if subj:
                return


def _quoted(text: str) -> str | None:
    for open_, close in _QUOTES.items():
        start = text.find(open_)
        end = text.rfind(close) if open_ != close else text.find(close, start + 1)
        if start != -1 and end > start + 1:
            return text[start + 1 : end].strip(" ,.")
    return None


def _post_relations(doc: Doc) -> Iterator[Found]:
    for post in doc._.ng_posts or ():
        if post.of is not None:
            rule = "post-title" if post.start < post.end else "post-appos"
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


def extract_relations(doc: Doc, kb: KnowledgeBase) -> list[Relation]:
    """All relations of ``doc`` (entities and coreference must already be resolved)."""
    found: list[Found] = list(_post_relations(doc))
    for sent in doc.sents:
        tokens = list(sent)
        for tok in tokens:
            for pred, is_verb in _triggers_for(tok):
                rule = _verb_rule if is_verb else _noun_rule
                found.extend(rule(doc, tok, pred))
        found.extend(_quote_rule(doc, sent, tokens))
        found.extend(membership(doc, tokens))
        found.extend(locate(doc, tokens, kb))
    found.extend(contained(doc, kb))
    return _to_relations(doc, found, kb)


def _actor(doc: Doc, key: str | None, kb: KnowledgeBase) -> str | None:
    """The country a capital stands for as an actor ("Moscow rejected" -> Russia)."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    group = groups.get(key) if key is not None else None
    if group is None or group.kb is None or group.kb.type != "GPE":
        return key
    stands_for = group.kb.metonym_of or group.kb.capital_of
    country = kb.by_id(stands_for) if stands_for else None
    if country is None:
        return key
    if country.id not in groups:
        groups[country.id] = EntityGroup(key=country.id, type=country.type, name=country.name,
                                         kb=country)
    return country.id


def _coref_notes(doc: Doc, sent: Any, keys: set[str | None]) -> tuple[str, ...]:
    """How coreference tied mentions of this sentence to the relation's arguments."""
    groups: dict[str, EntityGroup] = doc._.ng_entities
    notes: list[str] = []
    for i, key, ante in doc._.ng_coref or ():
        if sent.start <= i < sent.end and key in keys:
            after = f" (after: {doc[ante].text})" if ante >= 0 else ""
            notes.append(f"{doc[i].text} = {groups[key].name}{after}")
    return tuple(dict.fromkeys(notes))


def _to_relations(doc: Doc, found: list[Found], kb: KnowledgeBase) -> list[Relation]:
    tokens: dict[int, str] = doc._.ng_tokens
    coref_tokens = {i for i, _k, _a in doc._.ng_coref or ()} | set(doc._.ng_plural or {})
    out: dict[tuple[Any, ...], Relation] = {}
    for subj, pred, obj, trig, rule, conf, value in found:
        if pred not in _NON_ACTOR:
            subj, obj = _actor(doc, subj, kb) or subj, _actor(doc, obj, kb)
            if subj == obj:
                continue
        if pred in SYMMETRIC and obj is not None and obj < subj:
            subj, obj = obj, subj
        sent = trig.sent
        state = assess(trig)
        if pred == "holdsPost":  # a title states a fact about its holder, whoever reports it
            state = replace(state, polarity="asserted", modality="fact", attributed_to=None)
        src = tokens.get(state.attributed_to.i) if state.attributed_to is not None else None
        uses_coref = any(t.i in coref_tokens for t in sent)
        cameo, plover = CODES.get(pred, (None, None))
        if state.modality == "future" and pred in _INTENT_CODES:
            cameo, plover = _INTENT_CODES[pred], "AGREE"  # CAMEO 03x: intent to cooperate
        rel = Relation(
            subject=subj, predicate=pred, obj=obj, value=value,
            sentence=doc.text[sent.start_char : sent.end_char].strip(),
            start=sent.start_char, end=sent.end_char,
            trigger=trig.text, rule=rule,
            confidence=round(conf * (0.9 if uses_coref else 1.0)
                             * (0.85 if state.modality == "hedged" else 1.0), 2),
            polarity=state.polarity,  # type: ignore[arg-type]
            modality=state.modality,  # type: ignore[arg-type]
            attributed_to=src if src != subj else None,
            cameo=cameo, plover=plover,
        )
        rel = replace(rel, coreference=_coref_notes(doc, sent, {subj, obj}))
        key = (subj, pred, obj, value, rel.start, rel.polarity)
        if key not in out or out[key].confidence < rel.confidence:
            out[key] = rel
    return sorted(out.values(), key=lambda r: (r.start, r.predicate, r.subject, r.obj or ""))


@Language.factory(
    "newsgraph_relations",
    default_config={"kb_paths": []},
    requires=["doc._.ng_entities"],
    assigns=["doc._.ng_relations"],
)
def make_relations(nlp: Language, name: str, kb_paths: list[str]) -> Any:
    """Pipeline component: fill ``doc._.ng_relations`` (see module doc)."""
    kb = load_kb(tuple(kb_paths))

    def component(doc: Doc) -> Doc:
        doc._.ng_relations = extract_relations(doc, kb)
        return doc

    return component
