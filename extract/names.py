"""How names compare: the matching form of a name and the index key of a name or acronym.

Names compare without case, accents, a leading "the", a possessive, dots or hyphens;
all-capital acronyms compare as written ("U.S." and "US" are one key, "us" is another).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["bare_acronym", "normalise_name", "surface_key"]

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+]{1,9}")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_ARTICLE = re.compile(r"^the\s+")
_SEPARATORS = re.compile(r"[-‐‑‒–—,/()]")
# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD = str.maketrans(
    dict(zip("łŁøØđĐðı’‘ʼʻ`´", "lLoOdDdi" + "'" * 6, strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th"}
)


def normalise_name(text: str) -> str:
    """Matching form of a name: no case, accents, leading "the", possessive, dots or hyphens.

    Args:
        text: A name as written ("the U.S.'s", "Erdoğan", "Kim Jong-un").

    Returns:
        The form names are compared by; "" for text with no name in it.

    >>> normalise_name("the U.S.'s")
    'us'
    >>> normalise_name("Erdoğan"), normalise_name("Kim  Jong-un")
    ('erdogan', 'kim jong un')
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(text.split())
    text = _ARTICLE.sub("", _POSSESSIVE.sub("", text))
    text = _SEPARATORS.sub(" ", text.replace(".", "").replace("'", ""))
    return " ".join(text.split())


def bare_acronym(text: str) -> str | None:
    """The acronym ``text`` writes, without dots, "the" or a possessive; None if it is none.

    >>> bare_acronym("the U.S.'s"), bare_acronym("Nato")
    ('US', None)
    """
    text = _POSSESSIVE.sub("", text.strip().translate(_FOLD))
    text = re.sub(r"^(?:the|The|THE)\s+", "", text).replace(".", "")
    return text if _ACRONYM.fullmatch(text) else None


def surface_key(text: str) -> str:
    """Index key of a name: the bare acronym for acronyms, else :func:`normalise_name`.

    >>> surface_key("the U.S."), surface_key("Nato"), surface_key("us")
    ('US', 'nato', 'us')
    """
    return bare_acronym(text) or normalise_name(text)
