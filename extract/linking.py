"""Which knowledge-base links an article's mentions keep: a link is written only when certain.

A name alone does not make a link certain. After the candidates of an article are found,
these checks look at the rest of the article:

- a person's surname alone links to a known person unless the article names another person
  of that surname in full, or writes "Mr. Carney" without ever naming the known person in
  full or by the title of a post the person holds;
- a name after a person's title ("Sen. Kennedy") is a person, never a place;
- a city followed by a US state ("Alexandria, Va.") is not a city of another country;
- a one-word place that is the surname of a person the article names ("Rep. Jack Kingston ...
  Kingston said") is that person, unless the article is about the place's country;
- a name shared by a country and a US state ("Georgia") is the state where the article says
  "state of" or names other states, the country where it names the country's capital or
  people, and is left unlinked otherwise; a city named like a state ("Washington") listed
  with states ("California, Oregon and Washington") is the state;
- a US party ("Democrats") is linked only in an article about the United States.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.kb import KBEntry, KnowledgeBase
from extract.mentions import Candidate
from extract.names import name_words, normalise_name, short_forms
from extract.titles import find_title_before
from extract.usplaces import PARTIES, state_after

__all__ = ["PERSON_TITLES", "check_links"]

_US_PARTIES = frozenset(PARTIES.values())

#: Words before a name that make it a person's name.
PERSON_TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "sens.", "rep.", "reps.",
    "gov.", "senator", "congressman", "congresswoman", "lt.", "gen.", "col.", "sgt.", "capt.",
    "adm.", "rev.", "judge", "sir", "dame", "lord", "lady", "madam",
})


#: "Mr. Carney": news writes the full name first, so a bare honorific and surname with no
#: full name of the known person in the article is someone else.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss"})


def _titled(doc: Doc, cand: Candidate, stripped: dict[int, str]) -> bool:
    if cand.start in stripped:
        return True
    return cand.start > 0 and doc[cand.start - 1].lower_ in PERSON_TITLES


def check_links(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, stripped: dict[int, str]
) -> None:
    """Drop the links of ``cands`` that the rest of the article does not confirm (in place).

    Args:
        doc: The article.
        cands: Its candidates, linked by name.
        kb: The knowledge base.
        stripped: Titles cut off the front of names, by the token where the name starts.
    """
    linked = {c.kb.id for c in cands if c.kb is not None}
    full_linked = {c.kb.id for c in cands
                   if c.kb is not None and len(name_words(c.text)) >= 2}
    countries = {c.kb.country for c in cands
                 if c.kb is not None and c.kb.country and len(name_words(c.text)) >= 1
                 and not c.kb.id.startswith("city:")} | {
                     c.kb.country for c in cands if c.kb is not None and c.kb.capital_of}
    people = set()
    for c in cands:
        if c.label == "PERSON" and len(name_words(c.text)) >= 2:
            people |= short_forms(c.text)
        elif _titled(doc, c, stripped):
            people.add(normalise_name(c.text))  # "Sen. Kennedy ... Kennedy added"
    us_context = any(c.kb is not None and c.kb.country == "US" and not c.kb.id.startswith(
        "org:") for c in cands) or any(doc[c.start - 1].lower_ in {"sen.", "rep.", "gov."}
                                       for c in cands if c.start > 0)
    for cand in cands:
        entry = cand.kb
        one_word = len(name_words(cand.text)) == 1
        if entry is None:
            continue
        if entry.type == "PERSON":
            before = find_title_before(doc, cand.start)
            title = stripped.get(cand.start) or (before.title if before else None)
            doubt = normalise_name(cand.text) in people or (
                cand.start > 0 and doc[cand.start - 1].lower_.rstrip(".") in _HONORIFICS)
            if (one_word and entry.id not in full_linked and doubt
                    and not _post_title(entry, title)):
                cand.kb = None
            continue
        if _titled(doc, cand, stripped) and entry.type in {"GPE", "LOC", "FAC"}:
            cand.kb, cand.label = None, "PERSON"
            continue
        if entry.id.startswith("city:") and entry.country != "US" and state_after(
                doc, cand.end, kb) is not None:
            cand.kb = None
            continue
        form = normalise_name(cand.text)
        if one_word and form in people:
            other_mentions = sum(1 for c in cands if c.kb is not None and c.kb.id == entry.id
                                 and normalise_name(c.text) != form)
            if entry.id.startswith("city:") and entry.country not in countries - {None}:
                cand.kb, cand.label = None, "PERSON"
                continue
            if entry.id.startswith("country:") and not other_mentions and (
                    cand.label == "PERSON" or _speaks(doc, cand)):
                cand.kb, cand.label = None, "PERSON"  # "Lisa Monaco ... Monaco added"
                continue
        if entry.id in _US_PARTIES and not us_context:
            cand.kb = None
            continue
        _disambiguate_state(doc, cand, kb, linked)
        _state_in_a_list(doc, cand, kb)


_SPEECH = frozenset({"say", "add", "tell", "write", "argue", "note", "explain", "insist"})


def _speaks(doc: Doc, cand: Candidate) -> bool:
    """Whether the mention is the subject of a verb of speech ("Monaco added")."""
    tok = doc[cand.end - 1]
    return tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH


def _post_title(entry: KBEntry, title: str | None) -> bool:
    """Whether ``title`` ("President") names a post the known person holds or held."""
    if not title:
        return False
    words = set(normalise_name(title).split())
    return any(words & set(normalise_name(p.title).split()) - {"of", "the"}
               for p in entry.posts)


def _state_in_a_list(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> None:
    """"California, Oregon and Washington": a city named like a US state ("Washington", "New
    York") listed with states is the state."""
    if cand.kb is None or not cand.kb.id.startswith("city:") or cand.kb.country != "US":
        return
    state = next((e for e in kb.matches(f"State of {cand.text}")
                  if e.id.startswith("region:US-")), None)
    if state is None:
        return
    tok = doc[cand.end - 1]
    listed = [t for t in (*tok.conjuncts, *(c for c in tok.children if c.dep_ == "appos"))
              if any(e.id.startswith("region:US-") for e in kb.matches(t.text))]
    if listed:
        cand.kb = state


def _disambiguate_state(doc: Doc, cand: Candidate, kb: KnowledgeBase, linked: set[str]) -> None:
    """"Georgia": the US state or the country, from the rest of the article, else no link."""
    entries = kb.matches(cand.text)
    states = [e for e in entries if e.id.startswith("region:US-")]
    countries = [e for e in entries if e.id.startswith("country:")]
    if len(states) != 1 or len(countries) != 1:
        return
    state, country = states[0], countries[0]
    before = doc[max(0, cand.start - 3) : cand.start].text.lower()
    other_states = any(i.startswith("region:US-") and i != state.id for i in linked)
    country_named = (country.capital is not None and country.capital in linked) or any(
        kb.demonym(t.text) is country for t in doc if t.text[:1].isupper())
    if "state of" in before or (other_states and not country_named):
        cand.kb = state
    elif country_named and not other_states:
        cand.kb = country
    else:
        cand.kb = None
