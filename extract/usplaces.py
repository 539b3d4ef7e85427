"""US states as American news writes them: "Alexandria, Va.", "Sen. John Doe (R-Ariz.)".

AP style abbreviates a state after a city ("Medford, Mass.") and in a politician's party
and state ("(D-N.Y.)", "R-Ky."). NER rarely tags these abbreviations, and they are ordinary
words elsewhere ("Mass", "Miss."), so they are read only in these two places.

>>> [m.state for m in affiliations("Sen. John Doe (R-Ariz.) and Rep. Jane Roe, D-N.Y., said")]
['region:US-AZ', 'region:US-NY']
>>> [m.party for m in affiliations("John Doe (D) of Illinois")]
['org:us-democratic-party']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.doctext import doc_text
from extract.kb import KnowledgeBase

__all__ = ["PARTIES", "Affiliation", "affiliations", "state_after", "state_id"]

_AP = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI",
    "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV",
    "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND",
    "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV",
    "W. Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}
_POSTAL = frozenset({
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY",
})
#: Party letters in "(R-Ariz.)" -> knowledge-base ids.
PARTIES = {"R": "org:us-republican-party", "D": "org:us-democratic-party"}

_STATE = "|".join(re.escape(k) for k in sorted(_AP, key=len, reverse=True))
_AFFILIATION = re.compile(
    rf"(?:\(|(?<=, ))(?P<party>[RDI])\.?(?:\s?[-–]\s?(?P<state>{_STATE}|[A-Z]{{2}}(?![\w.])"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+)?))?(?=\)|,|\s[—–])"
)


def state_id(abbreviation: str) -> str | None:
    """Knowledge-base id of the state an AP or postal abbreviation stands for, or None."""
    code = _AP.get(abbreviation) or (abbreviation if abbreviation in _POSTAL else None)
    return f"region:US-{code}" if code else None


@dataclass(frozen=True, slots=True)
class Affiliation:
    """A party-and-state tag: character spans of the party letter and of the state."""

    party: str | None
    party_span: tuple[int, int]
    state: str | None
    state_span: tuple[int, int]


def affiliations(text: str, kb: KnowledgeBase | None = None) -> list[Affiliation]:
    """The "(R-Ariz.)", "(R-Texas)", "(D)" tags in ``text``, with the ids they stand for."""
    out = []
    for m in _AFFILIATION.finditer(text):
        if m.group("state") is None and not m.group(0).startswith("("):
            continue  # ", D," alone is not a tag
        state = m.group("state") or ""
        sid = state_id(state)
        if sid is None and state and kb is not None:
            entry = kb.lookup(state)
            sid = entry.id if entry is not None and entry.id.startswith("region:US-") else None
        out.append(Affiliation(PARTIES.get(m.group("party")), m.span("party"), sid,
                               m.span("state") if sid else (0, 0)))
    return out


def state_after(doc: Doc, end: int, kb: KnowledgeBase) -> str | None:
    """Id of the US state written right after a place ending at token ``end``, or None.

    "Alexandria, Va.", "Medford, Mass.", "Sterling, VA", "Durham, North Carolina".
    """
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    text = doc_text(doc)[doc[end + 1].idx : doc[end + 1].idx + 12]
    for size in (6, 5, 4, 3, 2):
        head = text[:size]
        sid = state_id(head)
        if sid and (len(text) <= size or not text[size].isalnum()):
            return sid
    entry = kb.lookup(doc[end + 1 : end + 3].text) or kb.lookup(doc[end + 1].text)
    return entry.id if entry is not None and entry.id.startswith("region:US-") else None
