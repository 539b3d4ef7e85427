"""Post titles before names: "U.S. Secretary of State Antony Blinken" -> title + person.

NER often folds a title into the name ("Defense Lloyd Austin" as an organisation) or leaves
it outside. These helpers find the title words around a name so the entity layer can strip
them from the name and record the post (``holdsPost``) they describe.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = [
    "HEAD_TITLES", "TITLE_WORDS", "TitleMatch", "find_title_before", "strip_title", "titlecase",
]

#: Words that head a post title: a title must contain at least one.
HEAD_TITLES = frozenset({
    "secretary", "secretary-general", "minister", "president", "chancellor", "premier",
    "ambassador", "spokesperson", "spokesman", "spokeswoman", "commissioner", "director",
    "chairman", "chairwoman", "chair", "chief", "head", "leader", "king", "queen", "prince",
    "senator", "governor", "mayor", "envoy", "representative", "adviser", "advisor",
    "commander", "general", "admiral", "pope", "emperor", "sheikh", "speaker", "lawmaker",
    "rep.", "sen.", "gov.", "gen.", "pres.", "prime", "prosecutor", "whip", "constable",
    "consul",
})

#: Words that may appear inside a title ("Secretary of State", "Deputy Foreign Minister").
TITLE_WORDS = HEAD_TITLES | frozenset({
    "of", "state", "defense", "defence", "foreign", "affairs", "vice", "deputy", "first",
    "prime", "interior", "finance", "economy", "trade", "justice", "energy", "security",
    "national", "high", "special", "permanent", "acting", "former", "general", "joint",
    "staff", "the", "for", "and", "home", "external", "army", "navy", "air", "force", "armed",
    "forces", "intelligence", "executive", "supreme", "allied", "european", "policy",
    "presidential", "press", "senior", "top", "chief", "u.n.", "un", "health", "agriculture",
    "education", "culture", "economic", "development", "international", "relations",
    "surgeon", "attorney",
})

#: Words of a department's name inside a title ("Secretary of Homeland Security", "HHS
#: Secretary"): part of a title before a name, never a title on their own, so the model's
#: department entity ("Homeland Security") stays an entity.
_DEPARTMENT_WORDS = frozenset({
    "homeland", "labor", "commerce", "transportation", "treasury", "veterans", "housing",
    "urban", "human", "services", "hhs", "hud",
})

_LEADING_JUNK = frozenset({"the", "of", "and", "for", "former", "acting"})


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title found before a name: ``tokens`` are doc indices ``[start, end)``."""

    start: int
    end: int
    title: str


def _is_title_token(text: str) -> bool:
    return text.lower() in TITLE_WORDS


def _has_head(words: list[str]) -> bool:
    return any(w.lower() in HEAD_TITLES for w in words)


def _tidy(words: list[str]) -> list[str]:
    while words and words[0].lower() in _LEADING_JUNK:
        words = words[1:]
    while words and words[-1].lower() in {"of", "the", "and", "for"}:
        words = words[:-1]
    return words


def find_title_before(doc: Doc, start: int) -> TitleMatch | None:
    """Return the title directly left of token ``start`` (a name), if there is one.

    Titles are capitalised phrases of title words ("Secretary of State", "Secretary General").
    Lower-case title words count only right after a possessive ("NATO's secretary general").
    """
    i = start - 1
    while i >= 0:
        tok = doc[i]
        if tok.lower_ == "to" and i > 0 and doc[i - 1].lower_ in _ENVOYS:
            i -= 1  # "Ambassador to the U.N. X"
            continue
        if not _is_title_token(tok.text) and tok.lower_ not in _DEPARTMENT_WORDS:
            envoy = _destination_start(doc, i)
            if envoy is None:
                break
            i = envoy  # "Ambassador to the United Nations X": the title goes on before "to"
            continue
        if tok.is_lower and tok.lower_ not in {"of", "the", "and", "for"}:
            prev = doc[i - 1] if i > 0 else None
            if not (prev is not None and (prev.tag_ == "POS" or _is_title_token(prev.text))):
                break
        i -= 1
    words = [t.text for t in doc[i + 1 : start]]
    tidy = _tidy(words)
    if not tidy or not _has_head(tidy):
        return None
    offset = words.index(tidy[0])
    begin = i + 1 + offset
    return TitleMatch(begin, begin + len(tidy), titlecase(" ".join(tidy)))


def _destination_start(doc: Doc, i: int) -> int | None:
    """Where "to [the] Name" ends at token ``i`` after an envoy's title ("Ambassador to
    the United Nations", "Special Envoy to Syria"): the index of the title word before "to"."""
    k = i
    while k > max(i - 4, 0) and doc[k].text[:1].isupper():
        k -= 1
    if k == i:
        return None
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "to" or doc[k - 1].lower_ not in _ENVOYS:
        return None
    return k - 1


#: Titles of people sent to a country or organisation.
_ENVOYS = frozenset({"ambassador", "envoy", "representative", "emissary", "delegate"})


def strip_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title words off a name: ``["Defense", "Lloyd", "Austin"]`` -> title, name.

    >>> strip_title(["Secretary", "Blinken"])
    (['Secretary'], ['Blinken'])
    >>> strip_title(["Lloyd", "Austin"])
    ([], ['Lloyd', 'Austin'])
    """
    k = 0
    while k < len(words) - 1 and _is_title_token(words[k]) and words[k][:1].isupper():
        k += 1
    return words[:k], words[k:]


def titlecase(title: str) -> str:
    """A post title as written in running text.

    >>> titlecase("secretary of state")
    'Secretary of State'
    """
    small = {"of", "and", "for", "the"}
    out = []
    for n, word in enumerate(title.split()):
        low = word.lower()
        if n and low in small:
            out.append(low)
        elif word.isupper() or "." in word:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)
