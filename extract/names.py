"""How names compare: the matching form of a name and the index key of a name or acronym.

Names compare without case, accents, a leading "the", a possessive, dots or hyphens;
all-capital acronyms compare as written ("U.S." and "US" are one key, "us" is another).
Person names also have the one rule for when two forms are the same person: a spelling
variant of the full name, or a short form (a tail of the name, or a family name written first).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extract.firstnames import is_given_name

__all__ = [
    "bare_acronym", "first_name_close", "given_forms", "name_words", "normalise_name",
    "short_forms", "spelling_variants", "surface_key", "surname",
]

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+]{1,9}")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_ARTICLE = re.compile(r"^the\s+")
_SEPARATORS = re.compile(r"[-‐‑‒–—,/()]")
# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD = str.maketrans(
    dict(zip("łŁøØđĐðı’‘ʼʻ`´", "lLoOdDdi" + "'" * 6, strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th"}
)


@lru_cache(maxsize=1 << 16)
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


# --- person names: when a short or variant form is the same person -------------------------

#: Family names written first in Chinese and Korean names ("Kim Jong Un", "Wang Yi").
_SURNAME_FIRST = frozenset({
    "kim", "park", "choi", "moon", "yoon", "jung", "chung", "kang", "cho", "shin", "ahn", "han",
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "zhou", "xu", "sun", "zhu",
    "hu", "guo", "lin", "xi", "wen", "jiang", "deng", "mao", "qin", "cai", "ri", "choe",
})
#: Lower-case particles that belong to a surname ("bin Laden", "von der Leyen").
_SURNAME_PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "von", "van", "der", "den", "de", "la", "le", "du", "da", "di",
    "dos", "ter", "zu",
})


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _without_suffix(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return words


def name_words(name: str) -> list[str]:
    """Words of a person's name as compared: normalised, hyphenated parts apart.

    >>> name_words("Omar al-Bashir"), name_words("Moon Jae-in")
    (['omar', 'al', 'bashir'], ['moon', 'jae', 'in'])
    """
    return normalise_name(name).split()


def short_forms(name: str) -> set[str]:
    """Shorter forms that refer to the person named ``name`` in the same text.

    Every proper tail of the name that does not start with a particle alone ("Mohammad
    Javad Zarif" -> "javad zarif", "zarif"; "Osama bin Laden" -> "bin laden", "laden";
    "Omar al-Bashir" -> "al bashir", "bashir"), and the family name of a Chinese or Korean name
    written first ("Kim Jong Un" -> "kim") unless the next word is a common English given name
    ("Kim Wilson").

    >>> sorted(short_forms("Osama bin Laden"))
    ['bin laden', 'laden']
    >>> sorted(short_forms("Kim Jong Un"))
    ['jong un', 'kim', 'un']
    """
    words = _without_suffix(name_words(name))
    if len(words) < 2:
        return set()
    out = {" ".join(words[i:]) for i in range(1, len(words))}
    out = {form for form in out if form.split()[0] not in _SURNAME_PARTICLES or " " in form}
    if words[0] in _SURNAME_FIRST and len(words) <= 4 and not is_given_name(words[1]):
        out.add(words[0])
    return out


def given_forms(name: str) -> set[str]:
    """Heads of the name ``name`` that refer to the person in the same text, as a first name.

    The given name alone ("Jane Roe" -> "jane") or with the initials that follow it ("Jane Q.
    Roe" -> "jane", "jane q"); never two full words ("Jane Roe Said" gives "jane" only, not
    "jane roe"). Only a PERSON mention of such a form is the person, and only when one person
    of the text has it.

    >>> sorted(given_forms("Jane Q. Roe")), sorted(given_forms("Omar al-Bashir"))
    (['jane', 'jane q'], ['omar'])
    """
    words = _without_suffix(name_words(name))
    if len(words) < 2 or words[0] in _SURNAME_PARTICLES:
        return set()
    out = {words[0]}
    for i in range(1, len(words) - 1):
        if len(words[i]) > 1:
            break
        out.add(" ".join(words[: i + 1]))
    return out


def surname(name: str) -> str:
    """The last word of a person's name, compared without case or accents.

    >>> surname("Antony Blinken") == surname("BLINKEN")
    True
    """
    words = _without_suffix(name_words(name))
    return words[-1] if words else ""


def first_name_close(a: str, b: str) -> bool:
    """Whether two first names are the same or spelling variants (case is ignored).

    >>> first_name_close("Anthony", "antony"), first_name_close("Sergei", "Sergey")
    (True, True)
    >>> first_name_close("Jay", "Mark")
    False
    """
    a, b = normalise_name(a), normalise_name(b)
    if a == b or a[:1] != b[:1]:
        return a == b
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def spelling_variants(a: str, b: str) -> bool:
    """Whether two full names are the same person written two ways.

    Same surname (without case or accents) and close first names: "Anthony Blinken" /
    "Antony Blinken", "Sergei Lavrov" / "Sergey LAVROV". "Jay Carney" / "Mark Carney" are not.

    >>> spelling_variants("Anthony Blinken", "Antony Blinken")
    True
    >>> spelling_variants("Jay Carney", "Mark Carney")
    False
    """
    wa, wb = _without_suffix(name_words(a)), _without_suffix(name_words(b))
    return (len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1]
            and first_name_close(wa[0], wb[0]))
