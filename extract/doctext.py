"""A Doc's text, built once: ``doc.text`` joins every token on each access.

Reading ``doc.text`` once per mention makes a component quadratic in the length of the text;
`doc_text` keeps the string in ``doc.user_data`` (a Doc's text never changes).

>>> from spacy.lang.en import English
>>> doc = English()("Tusk met Rutte.")
>>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
True
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "ng_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on the first call for ``doc`` only."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_KEY] = doc.text
    return text
