"""Convert the PETRARCH2 CAMEO verb dictionary into newsgraph's stance verb lists.

Reads ``CAMEO.2.0.txt`` (openeventdata/petrarch2, MIT licence) and writes
``extract/data/cameo_verbs.json``: for each predicate, the single-word verbs whose CAMEO code
(the code written on the verb, else its block's code) falls under that predicate's codes.
Phrase patterns and multi-word verbs are not used: newsgraph finds arguments from the parse.
Verbs in ``SKIP`` are too ambiguous in news to signal the predicate alone ("charge" a
battery, "lecture" at a university).

Usage: python scripts/cameo_verbs.py PATH/TO/CAMEO.2.0.txt [OUT.json]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: CAMEO code prefixes per newsgraph predicate (first match wins, longest prefix first).
PREDICATES: dict[str, tuple[str, ...]] = {
    "criticized": ("111",),
    "accused": ("112",),
    "supports": ("051", "052"),
    "rejected": ("12",),
    "threatened": ("13",),
}
#: Verbs too ambiguous to signal a stance on their own.
SKIP = frozenset({
    "charge", "lecture", "cane", "flog", "convict", "indict", "hold", "turn", "keep", "drop",
    "stand", "say", "call", "give", "take", "make", "put", "set", "go", "get", "come", "see",
    "run", "play", "work", "help", "join", "share", "pool", "exchange", "back", "support",
    "block", "stop", "halt", "resist", "fight", "attack", "strike", "kill", "arrest",
    "release", "free", "ask", "urge", "demand", "claim", "warn", "protest", "march",
    "question", "doubt", "decline", "deny", "refuse", "return", "leave", "walk", "shun",
    "limit", "restrict", "cut", "end", "close", "shut", "freeze", "suspend", "ban",
    # naming, delaying and plain feelings are not the stance itself
    "brand", "breach", "defect", "defer", "delay", "fail", "forestall", "hamper", "hinder",
    "impede", "inhibit", "object", "postpone", "prevent", "procrastinate", "remit", "retard",
    "shelve", "stall", "stymie", "table", "override", "value", "prefer", "celebrate",
    "commemorate", "bless", "cheer", "clap", "toast", "greet", "honor", "honour", "recognise",
    "recognize", "reassert", "affirm", "respect", "spur", "inspire", "rouse", "encourage",
    "prize", "reward", "admire", "appreciate", "embolden", "enliven", "esteem", "exalt",
    "galvanize", "glorify", "invigorate", "legitimise", "legitimize", "revitalize",
    "sanctify", "favor", "favour", "felicitate", "caution", "endanger", "risk", "abhor",
    "crucify", "savage", "jeer", "scoff", "scorn", "reprobate", "chasten", "malign", "thank",
})
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_VERB = re.compile(r"^([A-Z][A-Z]+)\b[^\[]*(?:\[([0-9:]+|---)\])?")


def _predicate(code: str) -> str | None:
    code = code.split(":")[-1]
    for pred, prefixes in PREDICATES.items():
        if any(code.startswith(p) for p in prefixes):
            return pred
    return None


def convert(text: str) -> dict[str, list[str]]:
    """Predicate -> sorted lower-case verbs."""
    out: dict[str, set[str]] = {p: set() for p in PREDICATES}
    block_code = "---"
    in_verbs = False
    for line in text.splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        block = _BLOCK.match(line)
        if block:
            block_code = block.group(2).strip()
            continue
        verb = _VERB.match(line)
        if verb is None:
            continue
        code = verb.group(2) or block_code
        lemma = verb.group(1).lower()
        pred = _predicate(code) if code != "---" else None
        if pred is not None and lemma not in SKIP:
            out[pred].add(lemma)
    return {p: sorted(v) for p, v in out.items()}


def main(argv: list[str]) -> int:
    source = Path(argv[1])
    target = Path(argv[2]) if len(argv) > 2 else (
        Path(__file__).resolve().parent.parent / "extract" / "data" / "cameo_verbs.json")
    data = {
        "about": "Single-word stance verbs per predicate, converted by scripts/cameo_verbs.py "
                 "from the PETRARCH2 CAMEO verb dictionary (openeventdata/petrarch2, CAMEO.2.0."
                 "txt, MIT licence).",
        "verbs": convert(source.read_text(encoding="utf-8", errors="replace")),
    }
    target.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
