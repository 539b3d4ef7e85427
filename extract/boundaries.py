"""Sentence boundaries set before the parser: where paragraphs start, and where they do not.

Two pipeline components, both run before the parser, which keeps the boundaries they set:

- ``newsgraph_paragraphs`` starts a sentence after every line break, so that headlines and
  paragraphs never run together;
- ``newsgraph_attributions`` keeps an attribution with the quotation it closes: after a
  quotation that ends in "!" or "?" the parser tends to start a new sentence, which leaves
  the quotation with no speaker and the speaker with nothing said
  ('"We will win!" Lee said.' read as two sentences).

>>> from spacy.lang.en import English
>>> doc = paragraph_boundaries(English().make_doc("Talks End\\nThe envoy left."))
>>> [t.text for t in doc if t.is_sent_start]
['Talks', 'The']
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.doctext import doc_text
from extract.triggers import SPEECH_VERBS

__all__ = ["attribution_boundaries", "paragraph_boundaries", "speaking_forms"]

_BREAK = re.compile("\n")
#: A quotation closed right after "!" or "?": '... win!"' or '... win?”'.
_EXCLAIMED = re.compile(r"[!?][\"”’']")
#: Verbs that attribute a quotation besides the verbs of speaking: '"Why?" she asked.'
_ATTRIBUTING = frozenset({"ask", "wonder", "continue", "exclaim", "shout", "yell", "quip",
                          "joke", "chant", "scream", "cry", "plead", "demand", "post", "write",
                          "tweet", "reply", "respond"})
#: Irregular forms of those verbs.
_IRREGULAR = {"say": ("said", "says"), "tell": ("told", "tells"), "write": ("wrote", "writes"),
              "cry": ("cried", "cries")}
#: Words that may stand between the quotation and its verb: the speaker and a title.
_SPEAKER_TAGS = frozenset({"NNP", "NNPS", "PRP", "DT", "NN", "NNS", "JJ", "POS", "CC", ",",
                           "HYPH"})
_REACH = 6
#: How far back the opening mark of a quotation is looked for, in tokens.
_QUOTE_REACH = 120
_OPENERS = frozenset({'"', "“", "‘", "'"})


def speaking_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Past and third-person forms of verbs: ``{"say"}`` -> ``{"said", "says"}``.

    >>> sorted(speaking_forms(frozenset({"add", "note", "say"})))
    ['added', 'adds', 'noted', 'notes', 'said', 'says']
    """
    forms: set[str] = set()
    for lemma in lemmas:
        if lemma in _IRREGULAR:
            forms.update(_IRREGULAR[lemma])
            continue
        forms.add(lemma + ("es" if lemma.endswith(("sh", "ch", "s", "x")) else "s"))
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
            forms.add(lemma[:-1] + "ied")
        elif lemma in {"quip", "plead"}:
            forms.add({"quip": "quipped", "plead": "pleaded"}[lemma])
        else:
            forms.add(lemma + "ed")
    return frozenset(forms)


_VERB_FORMS = speaking_forms(SPEECH_VERBS | _ATTRIBUTING)


def _token_indices(doc: Doc, offsets: list[int]) -> list[int]:
    """Index of the token holding each character offset."""
    starts = doc.to_array([IDX]).ravel()
    return [int(k) for k in numpy.searchsorted(starts, offsets, side="right") - 1]


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run together.

    A token right after one whose text holds a line break starts a sentence, unless it is
    space itself. Only the tokens around line breaks are visited.
    """
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    for k in sorted(set(_token_indices(doc, [m.start() for m in _BREAK.finditer(text)]))):
        if 0 <= k < len(doc) - 1 and not doc[k + 1].is_space:
            doc[k + 1].is_sent_start = True
    return doc


@Language.component("newsgraph_attributions")
def attribution_boundaries(doc: Doc) -> Doc:
    """Keep '"We will win!" Lee said.' one sentence: the token after a quotation closed on
    "!" or "?" starts no sentence when a verb of speaking follows within a few words that
    can only name the speaker ('"Why?" asked the senator.', '"No!" the mayor wrote.').

    Reads the tagger's fine-grained tags (the coarse ones come after the parser); the parser
    then keeps the boundary.
    """
    text = doc_text(doc)
    if "!" not in text and "?" not in text:
        return doc
    matches = [m.end() - 1 for m in _EXCLAIMED.finditer(text)]
    for k in _token_indices(doc, matches) if matches else ():
        if (0 <= k < len(doc) - 1 and "\n" not in doc[k].whitespace_
                and _attributes(doc[k + 1]) and not _introduced(doc[k])):
            doc[k + 1].is_sent_start = False
    return doc


def _attributes(first: Token) -> bool:
    """Whether a verb of speaking comes within reach, after words that may name a speaker,
    and ends the attribution: not '... responded that ...' or '... replied, "..."', which
    say something new."""
    doc = first.doc
    for tok in doc[first.i : min(len(doc), first.i + _REACH)]:
        if tok.lower_ in _VERB_FORMS and tok.tag_ in {"VBD", "VBZ", "VBP", "VBN"}:
            after = [t.text for t in doc[tok.i + 1 : tok.i + 3]] + ["", ""]
            return not (after[0].lower() == "that" or after[0] in _OPENERS
                        or (after[0] in {",", ":"} and after[1] in _OPENERS))
        if tok.tag_ not in _SPEAKER_TAGS or "\n" in tok.whitespace_:
            return False
    return False


def _introduced(closer: Token) -> bool:
    """Whether the quotation a closing mark ends was introduced by a speaker already
    ('Lee said, "Why?"' or 'Lee asked: "Why?"'): what follows it is then a new sentence."""
    doc = closer.doc
    for tok in reversed(doc[max(0, closer.i - _QUOTE_REACH) : closer.i - 1]):
        if tok.text in _OPENERS:
            before = doc[max(0, tok.i - 2) : tok.i]
            return bool(before) and (before[-1].text == ":" or any(
                t.lower_ in _VERB_FORMS for t in before))
        if "\n" in tok.whitespace_:
            return False
    return False
