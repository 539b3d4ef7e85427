"""Who said what: quotations and reported speech, each with its speaker.

Rules, each tagged with the id that ends up in the graph:

- ``quote``: a quotation in a sentence with a verb of speaking and its speaker ("Sharpton
  said, 'The climate ...'"), or a quotation followed by any verb and a named speaker
  ("'Nobody knows,' sniffs Said Shareef"); whole quotations that follow in the same paragraph
  with no speaker of their own go on with it ('"A," Hood said. "B."' is one statement);
- ``reported``: a verb of speaking with its clause, no quotation marks needed ("Cazeneuve
  added that he has called for a meeting", "The agency erred, he says", "Trump, who said it
  would save lives"); the clause, as written, is the statement's value;
- ``according``: "According to Fox News, thousands gathered in the square.";
- ``finding``: what a court, poll or study finds or rules ("The court ruled that the ban was
  lawful", "A Gallup poll found that most voters ..."): the body it is of or by speaks.

A speaker is the verb's subject, the noun a "who" clause hangs on, or the subject of the verb
a conjoined or "saying ..." verb depends on; it must be a person, organisation or country.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from extract.arguments import args_of, children
from extract.findings import FINDING_VERBS, finders, states_that
from extract.quotes import (
    DOUBLE_QUOTES,
    MAX_CHARS,
    OPENERS,
    QUOTES,
    following,
    preceding,
    quoted,
    quoted_mask,
    title_case,
)
from extract.reported import MIN_WORDS, reported_clause
from extract.titles import TITLE_WORDS
from extract.triggers import SPEECH_VERBS

__all__ = ["speech_relations", "supposed"]

Found = tuple[str, str, str | None, Token, str, float, str | None]

_RELATIVE = frozenset({"who", "that", "which"})


def speech_relations(doc: Doc, sent: Any, tokens: list[Token]) -> Iterator[Found]:
    """The said statements of one sentence (see module doc)."""
    if title_case(tokens):
        return  # a headline: "Architect Of Attacks Killed, Authorities Say"
    quote = quoted(sent.text, following(doc, sent), preceding(doc, sent))
    if quote is not None and (len(quote.split()) < 3 or title_case(quote.split())):
        quote = None  # a name or a title in quotes: "The Peninsula Question"
    spoken = False
    inside = quoted_mask(tokens)
    for n, tok in enumerate(tokens):
        lemma = tok.lemma_.lower()
        finding = lemma in FINDING_VERBS and states_that(tok)
        if (tok.pos_ != "VERB" or supposed(tok)
                or (lemma not in SPEECH_VERBS and not finding
                    and not (lemma in _NAMING_VERBS and _quotes_inside(tok, quote)))
                or (inside[n] and any(t.text in DOUBLE_QUOTES for t in tokens[n:]))
                or (lemma in _THING_SENSE and _about_a_thing(tok, quote))):
            continue  # 'a statement: "As the president announced, ..."': quoted words;
            # "maintains ownership", "added pictures": no speaking
        speakers = finders(doc, tok, _subject) if finding else _speakers(doc, tok)
        if not speakers:
            continue
        if quote is not None:
            clause = reported_clause(tok)  # a quoted phrase inside a reported clause: the clause
            value = clause if clause is not None and quote in clause else quote
            value, more = _continued(doc, sent, value)
            for key in speakers:
                yield (key, "said", None, tok, "quote", 0.8, value)
                for first, part in more:
                    yield (key, "said", None, first, "quote-continued", 0.75, part)
            return
        clause = reported_clause(tok)
        if clause is not None:
            spoken = True
            rule, confidence = ("finding", 0.7) if finding else ("reported", 0.75)
            for key in speakers:
                yield (key, "said", None, tok, rule, confidence, clause)
    if quote is not None:
        found = list(_after_quote(doc, sent, quote)) or list(_carried(doc, sent, quote))
        yield from found
    elif not spoken:
        yield from _according(doc, tokens)


#: Verbs that put a quotation on what they name: 'Lee called the strikes "an act of war"'.
_NAMING_VERBS = frozenset({"call", "describe", "characterize", "characterise", "label", "dub",
                           "term", "frame", "brand"})


def _quotes_inside(verb: Token, quote: str | None) -> bool:
    """Whether the quotation stands in the verb's own phrase (its object or complement)."""
    if quote is None:
        return False
    phrase = verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text
    return quote in phrase and phrase.find(quote) > phrase.find(verb.text)


#: Verbs of speaking that are about things when they take a noun object.
_THING_SENSE = frozenset({"maintain", "add", "point", "highlight", "counter", "note",
                          "estimate", "report"})


def _about_a_thing(verb: Token, quote: str | None) -> bool:
    """Whether a verb that may speak has a thing for object and nothing said follows: "X
    maintains ownership", "added pictures" (not 'added a comment: "..."', 'noted Y's "...")."""
    if not any(o.pos_ in {"NOUN", "PROPN"} for o in children(verb, "dobj")):
        return False
    after = verb.doc[verb.i : verb.sent.end]
    return ":" not in after.text and not (quote is not None and _quotes_inside(verb, quote))


def supposed(verb: Token) -> bool:
    """Whether speaking is only supposed: "If Rice had said that ...", "would say"."""
    tok = verb
    for _ in range(3):
        if any((c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"})
               or (c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "should"})
               for c in tok.children):
            return True
        if tok.dep_ not in {"conj", "advcl"}:
            return False
        tok = tok.head
    return False


def _continued(doc: Doc, sent: Any, value: str) -> tuple[str, list[tuple[Token, str]]]:
    """'"A," Hood said. "B."': whole quotations that follow in the same paragraph with no
    speaker of their own go on with the quotation, and so do the sentences of a quotation
    still open ('"B. C. D."'); the value is the parts, joined, as long as they fit in
    ``MAX_CHARS``. The parts after that come back apart, each with its sentence's first
    token, to be statements of their own (at most ``_MORE``)."""
    parts = [value]
    more: list[tuple[Token, str]] = []
    cur, inside = sent, False
    while "\n" not in cur.text_with_ws and cur.end < len(doc) and len(more) < _MORE:
        nxt = doc[cur.end].sent
        text = nxt.text.strip()
        if sum(1 for t in nxt if t.is_alpha) < 2 or "\n" in text:
            break  # a stray quotation mark the parser made a sentence of
        if inside:  # a sentence of a quotation opened before: up to its closing mark
            close = min((k for k in (text.find(c) for c in _DOUBLE_CLOSERS) if k >= 0),
                        default=-1)
            part, inside = (text[:close] if close >= 0 else text).strip(" ,."), close < 0
        else:
            if text[0] not in OPENERS or any(t.lemma_.lower() in SPEECH_VERBS for t in nxt):
                break
            part = quoted(text, following(doc, nxt))
            if part is None and not any(t.text in QUOTES.values() for t in nxt[1:]):
                part, inside = text[1:].strip(" ,."), True  # still open: it runs on
        if not part:
            break
        if part in value:
            cur = nxt
            continue  # already taken in with the quotation's first sentence
        if len(" ".join(parts)) < MAX_CHARS:
            parts.append(part)
        else:
            more.append((nxt[0], part[:MAX_CHARS]))
        cur = nxt
    return " … ".join(parts), more


#: Most sentences of one quotation that become statements of their own.
_MORE = 4
#: Marks that close a double quotation ("’" closes single ones, and ends "don’t").
_DOUBLE_CLOSERS = frozenset(QUOTES.values()) - {"’"}


def _carried(doc: Doc, sent: Any, quote: str) -> Iterator[Found]:
    """A quotation with no speaker of its own continues the speaker just before it: one who
    introduces it ('Amash echoed the remarks: "Airstrikes are ..."') or who speaks (quoted or
    reported) in the last sentence of the paragraph before a paragraph that is all quotation
    ('The speaker said he would block it.' then '"The tax must stay."')."""
    text = sent.text.strip()
    if (sent.start == 0 or not text or text[0] not in OPENERS
            or text.rstrip(".")[-1:] not in {*QUOTES.values(), "'"}
            or any(t.lemma_.lower() in SPEECH_VERBS for t in sent) or _attributed_after(sent)):
        return  # not a whole quotation, or one with a speaker of its own ('"Who?" she said.')
    j = sent.start - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    prev_sent = doc[_sentence_start(doc, j) : j + 1]
    prev_text = prev_sent.text.strip()
    new_paragraph = "\n" in doc[j : sent.start].text_with_ws
    introduced = prev_text.endswith(":")
    ends_speech = prev_text[-1:] in {*QUOTES.values(), "."} and new_paragraph
    if not (introduced or ends_speech):
        return
    confidence = 0.7 if introduced or quoted(prev_text) is not None else 0.65
    for tok in prev_sent:
        if (tok.pos_ == "VERB" and (introduced or tok.lemma_.lower() in SPEECH_VERBS)
                and not supposed(tok) and (speakers := _speakers(doc, tok))):
            for key in speakers:
                yield (key, "said", None, sent[0], "quote-carried", confidence, quote)
            return


def _attributed_after(sent: Any) -> bool:
    """Whether the paragraph goes on to name the quotation's own speaker: a verb of speaking
    ('"Who?" she said.'), or a name and a verb right after it ('"Who?" Tom Harlow asked.')."""
    doc = sent.doc
    rest: list[Token] = []
    for tok in doc[sent.end : min(len(doc), sent.end + 60)]:
        if "\n" in tok.text:
            break
        rest.append(tok)
    head = rest[:5]
    return any(t.lemma_.lower() in SPEECH_VERBS for t in rest) or (
        any(t.i in doc._.ng_tokens for t in head) and any(t.pos_ == "VERB" for t in head))


def _sentence_start(doc: Doc, i: int) -> int:
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return i


def _speakers(doc: Doc, verb: Token) -> list[str]:
    tok = verb
    for _ in range(2):
        subj = children(tok, "nsubj")
        if subj:
            if subj[0].lower_ in _RELATIVE and tok.dep_ == "relcl":
                return args_of(doc, tok.head)  # "Trump, who said ..."
            return _subject(doc, subj[0])
        # "arrived and said", "urged ..., saying that", "went on to say": the subject of the
        # verb above (not "declined to say": nothing said)
        if tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG") or (
                tok.dep_ in {"xcomp", "advcl"} and tok.head.lemma_.lower() in _GOING_ON
                and tok.head.tag_ != "VBG"):  # not "he is going to say": not yet said
            tok = tok.head
        else:
            break
    return []


#: Verbs after which a verb of speaking is still said: "went on to say", "continued to argue".
_GOING_ON = frozenset({"go", "continue", "proceed"})


def _subject(doc: Doc, subj: Token) -> list[str]:
    """The speakers a subject names: the person after a title ("Senate Minority Leader X,
    D-N.Y., said" parsed with the title as subject) or named in apposition to a noun ("a
    Kurdish official, X, declared"), else the entity it stands for, else the
    one person of the article whose surname it is ("Hood said", with "Hood" left untagged)."""
    groups = doc._.ng_entities
    if subj.lower_ in TITLE_WORDS or (subj.pos_ == "NOUN" and subj.i not in doc._.ng_tokens):
        # "Senate Minority Leader X said"; "one Kurdish official, X, declared"
        named = [k for c in subj.children if c.dep_ == "appos" for k in args_of(doc, c)
                 if groups[k].type == "PERSON"]
        if named:
            return named
    keys = args_of(doc, subj)
    if keys or subj.i in doc._.ng_tokens or subj.tag_ != "NNP" or not subj.is_title:
        return keys
    if any(c.dep_ in {"compound", "det", "amod", "poss"} for c in subj.children):
        return keys
    owners = [k for k, g in groups.items()
              if g.type == "PERSON" and len(g.name.split()) > 1
              and g.name.split()[-1] == subj.text]
    return owners if len(owners) == 1 else []


def _after_quote(doc: Doc, sent: Any, quote: str) -> Iterator[Found]:
    """'"...," sniffs Said Shareef': a verb and a named speaker right after the quotation."""
    tokens: dict[int, str] = doc._.ng_tokens
    groups = doc._.ng_entities
    closers = [t for t in sent if t.text in QUOTES.values() and t.i > sent.start]
    if not closers:
        return
    after = [t for t in doc[closers[-1].i + 1 : sent.end] if not t.is_punct]
    if len(after) < 2:
        return
    first, second = after[0], after[1]
    for verb, name in ((first, second), (second, first)):
        key = tokens.get(name.i)
        if (key is not None and groups[key].type == "PERSON" and verb.is_lower
                and (verb.pos_ == "VERB" or verb.tag_ in {"VBZ", "VBD", "NNS"})):
            yield (key, "said", None, verb, "quote", 0.75, quote)
            return


def _according(doc: Doc, tokens: list[Token]) -> Iterator[Found]:
    """"According to Fox News, thousands gathered": the source and the rest of the clause."""
    for tok in tokens:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        sources = [k for o in children(doc[tok.i + 1], "pobj") for k in args_of(doc, o)]
        head = tok.head if tok.dep_ == "prep" else None
        if not sources or head is None or head.pos_ not in {"VERB", "AUX"}:
            return
        inner = {t.i for t in tok.subtree}
        words = [t for t in head.subtree if t.i not in inner and not t.is_punct]
        if len(words) < MIN_WORDS:
            return
        text = doc[words[0].i : words[-1].i + 1].text.strip(" ,.;:")[:MAX_CHARS]
        for key in sources:
            yield (key, "said", None, tok, "according", 0.7, text)
        return


