"""Error and warning messages with codes, in one place.

Each message says what went wrong and what to do about it. Codes are stable so scripts can match
on them: ``E0xx`` input problems, ``E1xx`` model, pipeline and option problems, ``E2xx`` graph
and query problems, ``E3xx`` output and store problems.
"""

from __future__ import annotations

import re

__all__ = ["Errors", "InputProblem", "NewsgraphError"]


class Errors:
    """Message templates, formatted with ``str.format``."""

    E001 = "E001 {where}: file is empty; nothing to read."
    E002 = "E002 {where}: file is binary ({kind}), not text; convert it to .txt, .html or .jsonl."
    E003 = "E003 {where}: not valid UTF-8 (byte {pos}); re-save the file as UTF-8."
    E004 = (
        "E004 {where}: unsupported extension {ext!r}; "
        "use .txt, .md, .html, .htm, .json or .jsonl."
    )
    E005 = "E005 {where}: invalid JSON ({reason}); fix or remove this line."
    E006 = "E006 {where}: JSON record has no usable 'text' field (a non-empty string is required)."
    E007 = "E007 {where}: no article text found in the HTML page."
    E008 = "E008 {where}: cannot read ({reason})."
    E009 = "E009 {where}: no such file or folder."
    E010 = "E010 {where}: duplicate of article {other}; counted once."
    E011 = "E011 {where}: JSON value must be an object (an article) or a list of objects."
    E012 = "E012 {where}: field {field!r} has the wrong type ({kind}); expected {expected}."
    E013 = "E013 {where}: not valid {encoding} (byte {pos}); re-save the file as UTF-8."
    E014 = (
        "E014 {where}: field {field!r} holds a lone surrogate ({escape}), which is not text; "
        "fix or remove this record."
    )
    E015 = "E015 {where}: not a regular file ({kind}); only regular files are read."
    E016 = (
        "E016 {where}: file is {size} bytes, over the limit of {limit}; split it, or raise "
        "the limit with --max-file-size."
    )
    E017 = "E017 {where}: skipped ({reason}); name the file itself to read it."
    E018 = "E018 {where}: field 'url' {value!r} is not an http(s) URL; dropped."
    E019 = "E019 {where}: date {value!r} is not a valid calendar date; kept as plain text."
    E020 = (
        "E020 {where}: the step {step} failed on this article ({reason}); its facts from that "
        "step on are missing, the rest of the build is complete. Please report this article."
    )
    E101 = (
        "E101 spaCy pipeline {name!r} is not installed. Run `make setup`, or install a pipeline "
        "package and pass its name with --model."
    )
    E102 = "E102 --kb {where}: cannot read the knowledge-base file ({reason})."
    E103 = "E103 --kb {where}: not a knowledge-base file ({reason}); see extract/kb.py."
    E104 = (
        "E104 --base-iri {where!r}: {reason}; give an absolute http(s) IRI ending in '/' or "
        "'#', e.g. https://example.org/id/."
    )
    E105 = "E105 {option} {where!r}: {reason}."
    E106 = (
        "E106 component {name!r} only replaces the {part} of a loaded model; add it with "
        "extract.tables.use_tables(nlp), not from a saved pipeline's config."
    )
    E201 = "E201 {where}: cannot parse the graph ({reason})."
    E205 = "E205 cannot listen on {where} ({reason}); choose another --port."
    E206 = (
        "E206 the answer is over {limit}; add LIMIT or narrow the query, or start "
        "`newsgraph serve` with a higher {option}."
    )
    E301 = (
        "E301 {where}: cannot write output ({reason}); check free space and permissions, "
        "or choose another folder with -o. Earlier outputs there are unchanged."
    )
    E302 = (
        "E302 {where}: not a newsgraph store (no facts.jsonl); create one with "
        "`newsgraph build INPUT... --store {where}`."
    )
    E303 = (
        "E303 {where}: no article {article!r} in this store; "
        "`newsgraph remove --store {where}` lists its articles."
    )
    E304 = (
        "E304 {where}: another newsgraph process is writing to this folder; "
        "try again when it is done."
    )
    E305 = (
        "E305 {where}: cannot write the store ({reason}); check free space and permissions, "
        "then run the command again. The store's previous graph is still readable."
    )
    E306 = (
        "E306 {where}: not a facts record ({reason}); its article is extracted again."
    )
    E202 = (
        "E202 query {name!r} is neither a bundled query ({known}) "
        "nor SPARQL text nor a .rq file."
    )
    E203 = "E203 SPARQL error: {reason}"
    E204 = "E204 unsupported format {fmt!r}; choose one of {known}."


class NewsgraphError(Exception):
    """An error meant for the user: its message is printed on one line, without a traceback.

    ``code`` is the error code (``"E301"``): given, or the one the message starts with, as
    every `Errors` template does.

    >>> NewsgraphError(Errors.E009.format(where="in/a.txt")).code
    'E009'
    """

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code is None:
            head = message.split(" ", 1)[0]
            code = head if re.fullmatch(r"E\d{3}", head) else ""
        self.code: str = code


class InputProblem(NewsgraphError):
    """One unreadable input (a file, or a line of a JSONL file); the rest of the input goes on.

    ``warning`` problems (duplicates) do not make the build fail.
    """

    def __init__(self, message: str, where: str, warning: bool = False,
                 code: str | None = None) -> None:
        super().__init__(message, code)
        self.where = where
        self.warning = warning
