"""What courts, polls and studies find: "The court ruled that ...", "A poll found that ...".

Such findings are statements of the body that makes them; :mod:`extract.speech` reads them
as ``said`` with the rule ``finding``.

>>> states_that.__name__, sorted(FINDING_VERBS)
('states_that', ['conclude', 'determine', 'find', 'rule'])
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from extract.arguments import children

__all__ = ["FINDING_VERBS", "finders", "states_that"]

#: Verbs by which courts, polls and studies state something: "the court ruled that ...".
FINDING_VERBS = frozenset({"find", "rule", "conclude", "determine"})
#: What finds: 'a Gallup poll found that ...', 'the judge ruled that ...'.
_FINDERS = frozenset({"poll", "survey", "study", "report", "analysis", "review", "audit",
                      "investigation", "inquiry", "court", "judge", "justice", "panel",
                      "ruling", "census", "research"})


def states_that(verb: Token) -> bool:
    """Whether a verb has a "that" clause: "found that ..." (not "found the keys")."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                         for m in c.children) for c in verb.children)


def finders(
    doc: Doc, verb: Token, subject_keys: Callable[[Doc, Token], list[str]]
) -> list[str]:
    """Who states a finding: an organisation ("the Supreme Court found that"), the body a
    poll or study is of or by ("a Gallup poll", "a study by Yale"), a judge by name ("a
    federal judge, Jane Roe, ruled that"); a person only for "ruled" (people "find" things).
    ``subject_keys`` gives the entities a subject names (a speaker's, in :mod:`extract.speech`).
    """
    subj = children(verb, "nsubj")
    if not subj:
        return []
    groups = doc._.ng_entities
    if subj[0].lemma_.lower() in _FINDERS and subj[0].i not in doc._.ng_tokens:
        owners = [t for c in subj[0].children if c.dep_ in {"compound", "poss", "nmod"}
                  for t in c.subtree]
        owners += [o for p in children(subj[0], "prep") if p.lower_ in {"by", "from"}
                   for o in children(p, "pobj")]
        keys = [k for t in owners if (k := doc._.ng_tokens.get(t.i)) is not None
                and groups[k].type in {"ORG", "GPE", "PERSON"}]
        return list(dict.fromkeys(keys)) or subject_keys(doc, subj[0])
    keys = subject_keys(doc, subj[0])
    if verb.lemma_.lower() == "rule":
        return keys
    return [k for k in keys if groups[k].type in {"ORG", "GPE"}]
