"""Armed services named bare: "the Navy said", "the Air Force warned".

The model seldom tags "the Navy" or "the Army" as an organisation, and the words alone do not
say whose they are. In news about the United States they are its services: a capitalised
service name right after "the" (not "the Chinese Navy", "the Royal Navy") is a mention of the
US service when the article names the United States. The knowledge base holds the services
with "the Navy" as a generic alias.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.kb import KnowledgeBase
from extract.mentions import Candidate

__all__ = ["bare_services"]

#: Service names as written after "the", those of two words first.
_SERVICES = ("Marine Corps", "Coast Guard", "Air Force", "Navy", "Army")


def bare_services(
    doc: Doc, taken: set[int], cands: list[Candidate], kb: KnowledgeBase
) -> list[Candidate]:
    """Mentions of the US armed services written "the Navy", "the Air Force"; none when the
    article names no United States."""
    if not any(c.kb is not None and (c.kb.id == "country:US" or c.kb.country == "US")
               for c in cands):
        return []
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != "the" or tok.i + 1 in taken:
            continue
        for name in _SERVICES:
            n = len(name.split())
            span = doc[tok.i + 1 : tok.i + 1 + n]
            if span.text != name or taken & set(range(span.start, span.end)):
                continue
            entries = kb.generic(f"the {name}")
            if len(entries) == 1:
                out.append(Candidate(span.start, span.end, "ORG", span.text, "gazetteer",
                                     entries[0]))
            break
    return out
