"""Posts held by the people of one article: "Secretary of State Antony Blinken".

A post is a title right before a person's name (found in the text, or cut off the name by
:mod:`extract.mentions`), or a title in an apposition ("Jens Stoltenberg, NATO's secretary
general"). Its owner is the country or organisation named with the title ("NATO's"), else
the owner the knowledge base gives for that person's post ("Secretary of State" Blinken ->
United States).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from extract.kb import KnowledgeBase
from extract.merging import EntityGroup
from extract.post_owners import domestic_owner, implied_owner, kb_post_owner, normalise_title
from extract.sentences import sentence_of
from extract.titles import HEAD_TITLES, TITLE_WORDS, find_title_before, titlecase

__all__ = ["ACADEMIC_POSTS", "Post", "find_posts"]


@dataclass(frozen=True, slots=True)
class Post:
    """A post title found next to a person's name."""

    person: str
    title: str
    of: str | None
    start: int
    end: int
    sentence: int
    ended: bool = False
    """A post held before: "former Foreign Minister X", "X, the ex-president"."""


def _of_entity(
    doc: Doc, i: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> str | None:
    """Entity (country or organisation) owning a title that starts at token ``i``."""
    j = i - 1
    if j >= 0 and doc[j].tag_ == "POS":
        j -= 1
    # "Senate Minority Leader": an owner may stand before words the title did not take
    for _ in range(2):
        if j < 0 or j in tokens or doc[j].lower_ not in _TITLE_MODIFIERS:
            break
        j -= 1
    key = tokens.get(j) if j >= 0 else None
    if key and final[key].type in {"ORG", "GPE"}:
        return key
    return None


def _country_after(
    doc: Doc, end: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> str | None:
    """A country named right after the name: "President X of Chad" (not "Sen. X of Arizona",
    a state, which is the seat)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    key = tokens.get(end + 1)
    entry = final[key].kb if key is not None else None
    return key if entry is not None and entry.id.startswith("country:") else None


def _inside_title(
    doc: Doc, begin: int, end: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> str | None:
    """An owner named inside the title: "U.N. Secretary General", "Ambassador to the United
    Nations"."""
    keys = [tokens[i] for i in range(begin, end)
            if i in tokens and not _sent_to(doc, i, final[tokens[i]])]
    return next((k for k in keys if final[k].type in {"ORG", "GPE"}), None)


def _sent_to(doc: Doc, i: int, g: EntityGroup) -> bool:
    """Whether the country at token ``i`` is where an envoy is sent ("Ambassador to Japan"):
    it receives the envoy, it does not own the post. An organisation ("Ambassador to the
    United Nations") does."""
    j = i - 1
    while j >= 0 and doc[j].text[:1].isupper() and doc[j].ent_iob_ == "I":
        j -= 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return g.type == "GPE" and j >= 0 and doc[j].lower_ == "to"


#: Words between an owner and a title ("Senate Minority Leader", "House Majority Whip").
_TITLE_MODIFIERS = frozenset({"minority", "majority", "deputy", "assistant", "acting", "vice",
                              "interim", "incoming", "outgoing", "top"})


def find_posts(
    doc: Doc,
    final: dict[str, EntityGroup],
    tokens: dict[int, str],
    stripped: dict[int, str],
    kb: KnowledgeBase,
) -> list[Post]:
    """The posts of the article's people, in entity and mention order.

    Args:
        doc: The parsed document.
        final: The article's entities by key; a post owner the text does not name is added.
        tokens: Entity key of every mentioned token.
        stripped: Titles cut off the front of names, by the start token of the name.
        kb: The knowledge base, for the owners of known people's posts.

    Returns:
        One post per person mention with a title.
    """
    posts: list[Post] = []
    sent_index = {s.start: n for n, s in enumerate(doc.sents)}
    for key, g in list(final.items()):
        if g.type != "PERSON":
            continue
        for start, end, _source in g.spans:
            sent = sent_index.get(sentence_of(doc[start]).start, 0)
            owners: set[str | None] = set()
            for title, of, title_start, ended in _candidates(doc, start, end, tokens, final,
                                                             stripped):
                if of is None and not ended:
                    of = kb_post_owner(g, title, final, kb)
                of = implied_owner(title, of, final, kb)
                if owners and (of is None or of in owners):
                    continue  # a second post of the mention only with an owner of its own
                owners.add(of)
                posts.append(Post(key, normalise_title(title), of, title_start, end, sent,
                                  ended))
    return _bare_national(posts, final, kb)


def _bare_national(
    posts: list[Post], final: dict[str, EntityGroup], kb: KnowledgeBase
) -> list[Post]:
    """Owners for bare national titles ("President X"), once the article's other posts are
    known (see :func:`extract.post_owners.domestic_owner`)."""
    holders: dict[str, set[str]] = {}
    for p in posts:
        if p.of is not None:
            holders.setdefault(p.of, set()).add(p.person)
    out: list[Post] = []
    for post in posts:
        if post.of is None:
            owners = {o: len(people - {post.person}) for o, people in holders.items()}
            of = domestic_owner(post.title, final[post.person], owners, final, kb)
            post = replace(post, of=of) if of is not None else post
        out.append(post)
    return out


def _candidates(
    doc: Doc, start: int, end: int, tokens: dict[int, str], final: dict[str, EntityGroup],
    stripped: dict[int, str],
) -> list[tuple[str, str | None, int, bool]]:
    """The posts one mention names: (title, owner, first token, held before), the title
    before the name first, then the title in apposition ("General X, the Sudanese
    president")."""
    found: list[tuple[str, str | None, int, bool]] = []
    match = find_title_before(doc, start)
    title_start = match.start if match else start
    title = match.title if match else None
    if start in stripped and match is None:
        title = stripped[start]
        title_start = start - len(title.split())
    if not title:
        title, title_start = _lower_title_after_owner(doc, start, tokens, final)
    if not title:
        title, title_start = _plural_title(doc, end - 1, tokens, final)
    if title:
        ended = _past(doc, title_start, tokens)
        of = _of_entity(doc, title_start, tokens, final) or _inside_title(
            doc, title_start, start, tokens, final) or _country_after(doc, end, tokens, final)
        if of is None and match is not None:  # "White House press secretary X": the title
            longer, longer_start = _lower_title_after_owner(doc, start, tokens, final)
            if longer is not None:  # read from the name back to its owner
                title, title_start = longer, longer_start
                of = _of_entity(doc, title_start, tokens, final)
        words = title.split()
        if len(words) > 1 and words[-1].lower() in _SEAT_TITLES:
            # "Intelligence Committee Chairman Rep. X": the committee's chair and a seat
            found.append((" ".join(words[:-1]), of, title_start, ended))
            found.append((words[-1], None, start - 1, ended))
        else:
            found.append((title, of, title_start, ended))
    appos, of, appos_start, ended = _appositive_title(doc, end - 1, tokens, final)
    if appos:
        found.append((appos, of, appos_start, ended))
    return found


def _lower_title_after_owner(
    doc: Doc, start: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> tuple[str | None, int]:
    """A lower-case title between its owner and a name: "White House spokesman X", "NSC
    director X" -> ("spokesman", first token of the title)."""
    i = start - 1
    while i >= 0 and i not in tokens and doc[i].is_lower and doc[i].lower_ in TITLE_WORDS:
        i -= 1
    words = [t.text for t in doc[i + 1 : start]]
    owner = tokens.get(i) if i >= 0 else None
    if (not words or owner is None or final[owner].type not in {"ORG", "GPE"}
            or words[0].lower() in {"of", "the", "and", "for"}
            or not any(w in HEAD_TITLES for w in words)
            or (doc[i].pos_ == "ADJ" and not any(w in _STATE_TITLES for w in words))):
        return None, start  # "British director X" directs films, not Britain
    return " ".join(words), i + 1


#: Short titles of a seat held together with another title written before them.
_SEAT_TITLES = frozenset({"sen.", "rep.", "gov.", "senator", "representative"})


#: Titles a nationality owns before a name ("Chinese president X"), unlike "British director".
_STATE_TITLES = frozenset({"president", "minister", "premier", "chancellor", "ambassador",
                           "envoy", "king", "queen", "leader"})


#: Titles of several people named after them, and the title each holds.
_PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "senators": "Senator",
                  "representatives": "Representative"}


def _plural_title(
    doc: Doc, head: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> tuple[str | None, int]:
    """A title before several names holds for each: "Sens. X of Ohio, Y and Z" -> "Sen."."""
    tok = doc[head]
    for _ in range(6):
        if tok.dep_ not in {"conj", "appos"} or tok.head.i not in tokens:
            break  # "Sens. X of Ohio, Y of Iowa and Z": a list parsed as apposition too
        tok = tok.head
    key = tokens.get(tok.i)
    if key is None or final[key].type != "PERSON":
        return None, head
    i = tok.i
    while i > 0 and tokens.get(i - 1) == key:
        i -= 1
    j = i - 2 if i > 1 and doc[i - 1].text == "." else i - 1  # "Sens" "." split apart
    text = doc[j : i].text.replace(" ", "").lower() if j >= 0 else ""
    if text not in _PLURAL_TITLES or doc[j].is_lower:
        return None, head
    return _PLURAL_TITLES[text], j


def _past(doc: Doc, title_start: int, tokens: dict[int, str]) -> bool:
    """Whether a title before a name is one held before: "former President X", "ex-Sen. X",
    "former CIA director X"."""
    i = title_start - 1
    if i >= 0 and i in tokens:  # the owner before the title: "former CIA director"
        key = tokens[i]
        while i >= 0 and tokens.get(i) == key:
            i -= 1
    if i >= 0 and doc[i].text == "-":
        i -= 1
    if i >= 0 and doc[i].lower_ in _PAST_MARKERS:
        return True
    return any(t.lower_ in _PAST_MARKERS for t in doc[max(title_start, 0) : title_start + 1])


def _appositive_title(
    doc: Doc, head: int, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> tuple[str | None, str | None, int, bool]:
    """'Jens Stoltenberg, NATO's secretary general' -> ("Secretary General", NATO, start,
    False); "the former prime minister" is a post held before (True)."""
    for child in doc[head].children:
        if child.dep_ == "appos" and child.lower_ in ACADEMIC_POSTS:
            found = _academic_post(doc, child, tokens, final)
            if found is not None:
                return found
        if child.dep_ != "appos" or child.lower_ not in HEAD_TITLES:
            continue
        clause = {t.i for c in child.children if c.dep_ in {"relcl", "acl", "conj", "cc"}
                  for t in c.subtree}  # the first post only: "president of X and former Y"
        phrase = [t for t in child.subtree if t.i not in clause]
        ended = any(t.lower_ in _PAST_MARKERS for t in phrase)  # "the former prime minister"
        words = [t for t in phrase if t.lower_ in TITLE_WORDS and t.lower_ not in {
            "the", "former"}]
        owners = [tokens[t.i] for t in phrase if t.i in tokens
                  and not _sent_to(doc, t.i, final[tokens[t.i]])]
        owners = [o for o in owners if final[o].type in {"ORG", "GPE"}]
        while words and words[-1].lower_ in {"and", "of", "for", "the"}:
            words.pop()  # "ambassador to Nigeria and Colombia": not "Ambassador and"
        if words:
            title = " ".join(w.text for w in words if w.i >= words[0].i)
            return title, owners[0] if owners else None, child.left_edge.i, ended
    return None, None, head, False


_PAST_MARKERS = frozenset({"former", "ex", "then", "late"})

#: Posts at universities and research institutes, held at the organisation named with them:
#: "X, a professor of law at Y", "X, a senior fellow with Y".
ACADEMIC_POSTS = frozenset({"professor", "fellow", "lecturer", "dean", "provost"})


def _academic_post(
    doc: Doc, noun: Token, tokens: dict[int, str], final: dict[str, EntityGroup]
) -> tuple[str, str, int, bool] | None:
    """("Senior Fellow", the institute, first token, held before) for an academic post in
    apposition, or None where no organisation is named with it ("a fellow Republican")."""
    preps = [p for p in noun.subtree if p.dep_ == "prep" and (p.lower_ in {"at", "with"} or (
        p.lower_ == "of" and p.head.i == noun.i))]  # "a professor of law at X": "at" may
    for prep in preps:  # hang on "law"
        for obj in prep.children:
            key = tokens.get(obj.i)
            if obj.dep_ == "pobj" and key is not None and final[key].type == "ORG":
                mods = [t for t in noun.lefts if t.dep_ in {"amod", "compound"} and t.is_lower]
                title = " ".join([t.text for t in mods] + [noun.text])
                ended = any(t.lower_ in _PAST_MARKERS for t in noun.lefts)
                return titlecase(title), key, noun.left_edge.i, ended
    return None
