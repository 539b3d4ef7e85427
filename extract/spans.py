"""The edges of a name the model found: what to cut off, what to put back.

A NER span is trimmed of a leading "the" and of punctuation, of scores after a name ("Afridi
88"), of a lower-case word after it ("Syrian Observatory for Human Rights war"), of a plural
title ("Oregon Govs."), of a role word or an honorific before it ("Defender Hassan Abbas",
"Mr Bashir") and, for a person, of a verb or preposition before it ("Citing Kael", "Via Tom
Doe"); a person's name cut before its particles or at a hyphen is made whole again ("Ursula
von der Leyen", "Moon Jae-in").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["trim_span"]


def trim_span(span: Span) -> Span:
    """``span`` without what the model read into the name around it (see module doc)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "'s", "’s"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or not any(c.isalpha() for c in doc[end - 1].text)):
        end -= 1  # "Afridi 88", "Vaughan 9-1-55-1": scores are not part of a name
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 2].text[:1].isupper():
        end -= 1  # "Syrian Observatory for Human Rights war (monitor)"
    while end - start > 1 and doc[end - 1].lower_.rstrip(".") in _PLURAL_TITLES:
        end -= 1  # "former Oregon Govs. Jane Roe and Tom Doe": the state, then the governors
    while end - start > 1 and doc[start].lower_ in _ROLE_WORDS:
        start += 1  # "Defender Hassan Abbas"
    while end - start > 1 and doc[start].lower_.rstrip(".") in _HONORIFICS:
        start += 1  # "Mr Bashir"
    if span.label_ == "PERSON":
        while end - start > 1 and doc[start].lower_ in _LEAD_WORDS:
            start += 1  # "Citing Kael", "Follow Jane Roe", "Via Tom Doe": not in the name
        end = _extend_particles(doc, start, end)
        end = _extend_hyphen(doc, end)
    return doc[start:end]


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mx", "messrs"})
#: Verbs and prepositions the model reads into a name at the start of a line or sentence:
#: "Follow Jane Roe on Twitter", "Via Tom Doe", "Citing Roe, ...", "Cue Tom Doe".
_LEAD_WORDS = frozenset({
    "follow", "add", "read", "watch", "via", "citing", "taking", "asking", "believe", "cue",
    "contact", "email", "subscribe", "listen", "share", "between", "without", "from", "by",
    "thanks", "meet", "join", "quoting", "featuring", "starring", "ask", "tell",
})
#: Titles of several people, abbreviated: "Sens. Roe and Doe".
_PLURAL_TITLES = frozenset({"govs", "sens", "reps", "gens", "adms", "cols", "lts", "profs",
                            "drs", "justices"})


def _extend_hyphen(doc: Doc, end: int) -> int:
    """End of a name cut at a hyphen: "Moon Jae" + "-in"."""
    if (end + 1 < len(doc) and doc[end].text in {"-", "‑"} and not doc[end - 1].whitespace_
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and len(doc[end + 1]) <= 4):
        return end + 2
    return end


#: Role nouns that NER takes into a name when they stand before it, capitalised.
_ROLE_WORDS = frozenset({
    "defender", "striker", "midfielder", "goalkeeper", "forward", "coach", "captain",
    "manager", "skipper", "keeper", "winger", "veteran", "rookie", "champion", "batsman",
    "bowler", "pitcher", "quarterback", "jockey", "driver", "rider", "spokesman",
    "spokeswoman", "spokesperson", "analyst", "economist", "lawyer", "attorney", "judge",
    "officer", "sergeant", "colonel", "lieutenant", "detective", "inspector", "professor",
})


_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "du", "da", "di", "bin",
                        "al", "ter", "zu"})


def _extend_particles(doc: Doc, start: int, end: int) -> int:
    """End of a name cut before its particles: "Ursula von" + "der Leyen"."""
    while end > start + 1 and doc[end - 1].lower_ in _PARTICLES:
        end -= 1
    j = end
    while j < len(doc) and doc[j].lower_ in _PARTICLES:
        j += 1
    if j > end and j < len(doc) and doc[j].is_title and doc[j].is_alpha:
        return j + 1
    return end
