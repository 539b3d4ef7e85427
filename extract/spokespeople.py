"""Whom "the spokeswoman" speaks for, when the article named her body before.

News introduces a spokesperson with the body they speak for ("a spokeswoman for the Foreign
Ministry", "the Pentagon's spokesman") and goes on with "the spokeswoman said". The bare
description stands for that body, as the full one does (:func:`extract.arguments.args_of`),
so what the spokeswoman says is the body's statement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.agents import SPOKES_NOUNS
from extract.arguments import args_of
from extract.descriptions import has_det
from extract.sentences import tokens_before

__all__ = ["spoken_for"]

#: How many sentences back the body may have been named with its spokesperson.
_REACH = 6
_OWN_BODY = frozenset({"compound", "amod", "poss", "nmod", "prep", "appos"})


def spoken_for(doc: Doc, tok: Token) -> str | None:
    """The body ``tok`` ("the spokeswoman", naming no body of its own) speaks for: the one the
    nearest earlier spokesperson of the article was named with, at most a few sentences
    back; None when that one named none or several."""
    if (tok.lower_ not in SPOKES_NOUNS or not has_det(tok)
            or any(c.dep_ in _OWN_BODY for c in tok.children)):
        return None
    for earlier in tokens_before(tok, _REACH):
        if earlier.lower_ in SPOKES_NOUNS:
            bodies = set(args_of(doc, earlier))
            return bodies.pop() if len(bodies) == 1 else None
    return None
