"""A failing rule costs one article's facts, not the build.

newsgraph's pipeline components run their rules through `run_guarded`. When a rule raises on a
text, the step's outputs are reset to empty, the later newsgraph steps are skipped for that
Doc, and the failure is recorded in ``doc.user_data["ng_failures"]``; the build reports it as a
warning (E020) naming the article and keeps everything else.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

__all__ = ["FAILURES", "failures", "run_guarded"]

#: ``doc.user_data`` key of the failures: ``"step: ErrorType: message"``.
FAILURES = "ng_failures"


def failures(doc: Doc) -> tuple[str, ...]:
    """The steps that failed on ``doc``, in order."""
    return tuple(doc.user_data.get(FAILURES, ()))


def run_guarded(step: str, doc: Doc, rules: Callable[[Doc], Doc],
                reset: Callable[[Doc], None]) -> Doc:
    """``rules(doc)``, unless an earlier step failed; on an exception, ``reset(doc)``.

    >>> import spacy
    >>> doc = spacy.blank("en")("Some text.")
    >>> def broken(doc): raise IndexError("string index out of range")
    >>> _ = run_guarded("rules", doc, broken, lambda d: None)
    >>> failures(doc)
    ('rules: IndexError: string index out of range',)
    """
    if failures(doc):
        reset(doc)
        return doc
    try:
        return rules(doc)
    except Exception as exc:  # any rule bug: keep the build going, and say so
        reset(doc)
        message = " ".join(str(exc).split())[:300]
        doc.user_data.setdefault(FAILURES, []).append(f"{step}: {type(exc).__name__}: {message}")
        return doc
