"""The model's attribute ruler and lemmatizer, applied by table lookup.

A trained English pipeline maps fine-grained tags to parts of speech and morphology with an
attribute ruler (about 180 token patterns run by spaCy's ``Matcher`` over every token) and
then lemmatizes every token by rules. Both depend on very few token attributes, so their
results can be kept per distinct input and reused:

- ``newsgraph_attributes`` replaces the model's ``attribute_ruler``. A pattern of one token
  depends only on the token's tag, lower-case form, dependency label and whether it is a
  space; what all such patterns set is worked out once per distinct combination. Patterns of
  several tokens (and any pattern using other attributes) still go through a ``Matcher``.
  Where patterns overlap, the later one wins, as in the ruler.
- ``newsgraph_lemmas`` wraps the model's ``lemmatizer``: a token's rule lemma depends only on
  its form, part of speech and morphology, so each combination is lemmatized once.

The annotations are the same as the model's own components give (see the tests); only the
time differs. :func:`use_tables` puts both in place of the model's components.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

from extract.errors import Errors, NewsgraphError

__all__ = ["use_tables"]

#: Token attributes a one-token pattern may test to be read from the table.
_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
#: Most distinct inputs whose results are kept (then the table starts again).
_MAX_KEPT = 400_000
#: Attributes the ruler may set that are written as columns.
_COLUMNS = (TAG, POS, MORPH, LEMMA)

Test = Callable[[tuple[str, str, str, bool]], bool]


def _value_test(slot: int, value: Any) -> Callable[[tuple[str, str, str, bool]], bool] | None:
    if isinstance(value, (str, bool)):
        return lambda sig: sig[slot] == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda sig: sig[slot] in allowed
        if op == "NOT_IN":
            barred = frozenset(arg)
            return lambda sig: sig[slot] not in barred
        if op == "REGEX":
            regex = re.compile(arg)
            return lambda sig: bool(regex.search(str(sig[slot])))
    return None


def _token_test(spec: dict[str, Any]) -> Test | None:
    """A test of one token pattern on a signature, or None if it needs the Matcher."""
    tests = []
    for key, value in spec.items():
        if key not in _KEYS:
            return None
        test = _value_test(_KEYS[key], value)
        if test is None:
            return None
        tests.append(test)
    return lambda sig: all(t(sig) for t in tests)


class _TableRuler:
    """The attribute ruler of a model, by table lookup (see module doc)."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        # one-token patterns, indexed by the form or tag they require (else tried on all)
        self.by_lower: dict[str, list[tuple[int, Test]]] = {}
        self.by_tag: dict[str, list[tuple[int, Test]]] = {}
        self.general: list[tuple[int, Test]] = []
        self.matcher = Matcher(self.vocab, validate=False)
        for attr_id in range(len(self.attrs)):
            _on_match, patterns = ruler.matcher.get(str(attr_id))
            tests = [_token_test(p[0]) if len(p) == 1 else None for p in patterns]
            if any(t is None for t in tests):
                self.matcher.add(str(attr_id), patterns)
                continue
            for spec, test in zip(patterns, tests, strict=True):
                assert test is not None
                lower, tag = spec[0].get("LOWER"), spec[0].get("TAG")
                if isinstance(lower, str):
                    self.by_lower.setdefault(lower, []).append((attr_id, test))
                elif isinstance(tag, str):
                    self.by_tag.setdefault(tag, []).append((attr_id, test))
                else:
                    self.general.append((attr_id, test))
        # what the one-token patterns set, per signature (tag, form, label, space)
        self._effects: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}

    def _rules_for(self, key: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The one-token patterns (attribute ids, in order) that match a token's signature."""
        strings = self.vocab.strings
        sig = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        candidates = (*self.by_lower.get(sig[1], ()), *self.by_tag.get(sig[0], ()),
                      *self.general)
        return tuple(sorted({a for a, test in candidates if test(sig)}))

    def _effects_of(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """What the patterns ``rules`` set, applied in order: (column, value) pairs, the
        later winning; column -1 is the dependency label."""
        final: dict[int, int] = {}
        for attr_id in rules:
            for attr, value in self.attrs[attr_id].items():
                if attr == DEP:
                    final[-1] = value
                elif attr in _COLUMNS:
                    final[_COLUMNS.index(attr)] = value
        return tuple(final.items())

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        inputs = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        out = doc.to_array(list(_COLUMNS))
        extra: dict[int, list[int]] = {}
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                attr_id = int(self.vocab.strings[match_id])
                index = self.indices[attr_id]
                i = start + index if index >= 0 else end + index
                if start <= i < end:
                    extra.setdefault(i, []).append(attr_id)
        deps: dict[int, int] = {}
        columns = out.T.tolist()
        for i, row in enumerate(inputs.tolist()):
            key = (row[0], row[1], row[2], row[3])
            effects = self._effects.get(key)
            if effects is None or i in extra:
                rules = self._rules_for(key)
                if i in extra:
                    rules = tuple(sorted((*rules, *extra[i])))
                effects = self._effects_of(rules)
                if i not in extra:
                    if len(self._effects) >= _MAX_KEPT:
                        self._effects.clear()
                    self._effects[key] = effects
            for col, value in effects:
                if col < 0:
                    deps[i] = value
                else:
                    columns[col][i] = value
        values = numpy.array(columns, dtype=numpy.uint64).T
        doc.from_array(list(_COLUMNS), cast(Ints2d, values))
        for i, value in deps.items():
            doc[i].dep = value
        return doc


class _TableLemmatizer:
    """The rule lemmatizer of a model, each (form, part of speech, morphology) once."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._lemmas: dict[tuple[int, int, int], int] = {}
        # spaCy's own rule lemmatizer returns early, without its rule tables, for a part of
        # speech that has none: then only "is it a base form" (per part of speech and
        # morphology) and the form itself decide the lemma
        self._early = type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize and (
            lemmatizer.lemmatize == lemmatizer.rule_lemmatize)
        self._tabled: dict[int, bool] = {}
        self._base: dict[tuple[int, int], bool] = {}
        if "lemma_index" in lemmatizer.lookups:  # word lists the rules look words up in
            index = lemmatizer.lookups.get_table("lemma_index")
            for key, words in list(index.items()):
                index[key] = frozenset(words)  # the same words, found without a scan

    def _lemma(self, token: Token, pos: int, morph: int) -> str:
        """``token``'s lemma as the model's lemmatizer gives it (see ``__init__``)."""
        univ = token.pos_.lower()
        if not self._early or univ in {"", "eol", "space"}:
            return str(self.lemmatizer.lemmatize(token)[0])
        tabled = self._tabled.get(pos)
        if tabled is None:
            lookups = self.lemmatizer.lookups
            tabled = self._tabled[pos] = any(
                lookups.get_table(name, {}).get(univ)
                for name in ("lemma_index", "lemma_exc", "lemma_rules"))
        if tabled:
            return str(self.lemmatizer.lemmatize(token)[0])
        base = self._base.get((pos, morph))
        if base is None:
            base = self._base[(pos, morph)] = bool(self.lemmatizer.is_base_form(token))
        text: str = token.text
        return text if univ == "propn" and not base else text.lower()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = self.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0 and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = strings.add(self._lemma(doc[i], pos, morph))
                if len(self._lemmas) >= _MAX_KEPT:
                    self._lemmas.clear()
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Ints2d, lemmas.reshape(-1, 1).astype(numpy.uint64)))
        return doc


_MODEL_PARTS: dict[str, Any] = {}


def _model_part(part: str, name: str) -> Any:
    if part not in _MODEL_PARTS:
        raise NewsgraphError(Errors.E106.format(name=name, part=part))
    return _MODEL_PARTS.pop(part)


@Language.factory("newsgraph_attributes")
def make_attributes(nlp: Language, name: str) -> _TableRuler:
    """Pipeline component: the model's attribute ruler by table lookup (see module doc)."""
    return _TableRuler(_model_part("attribute_ruler", name))


@Language.factory("newsgraph_lemmas")
def make_lemmas(nlp: Language, name: str) -> _TableLemmatizer:
    """Pipeline component: the model's lemmatizer, once per distinct token (see module doc)."""
    return _TableLemmatizer(_model_part("lemmatizer", name))


def use_tables(nlp: Language) -> Language:
    """Put ``newsgraph_attributes`` and ``newsgraph_lemmas`` in place of the model's
    ``attribute_ruler`` and rule ``lemmatizer``; a pipeline without them is left as it is."""
    names = nlp.pipe_names
    for part, table in (("attribute_ruler", "newsgraph_attributes"),
                        ("lemmatizer", "newsgraph_lemmas")):
        if part not in names:
            continue
        component = nlp.get_pipe(part)
        if part == "lemmatizer" and getattr(component, "mode", "") != "rule":
            continue
        _MODEL_PARTS[part] = component
        nlp.add_pipe(table, name=f"{part}_table", after=part)
        nlp.remove_pipe(part)
    return nlp
