"""Site furniture: the boilerplate that scrapers leave around an article, and its removal.

Furniture is what a site wraps around every article: promo link blocks ("Read on <Brand> ..."),
"Leave a Reply" forms, subscribe and share prompts, tag and related-story lists, cookie banners,
copyright footers. Phrases that never occur in prose are cut wherever they are, so a real
sentence glued to them survives; other furniture is recognised as a whole short line.

>>> remove_furniture_lines("Share this:\\nTalks resumed in Geneva.")
'Talks resumed in Geneva.'
"""

from __future__ import annotations

import re

__all__ = [
    "is_furniture_line",
    "remove_boilerplate",
    "remove_furniture_lines",
    "remove_name_cards",
    "remove_promo_blocks",
]

#: Lines longer than this are prose, never furniture (a lead alone does not condemn them).
_MAX_FURNITURE_LINE = 200
#: Longest gap, in characters, between two items of one promo block.
_MAX_PROMO_ITEM = 250

# Boilerplate phrases that never occur in prose: removed wherever they are, so a real sentence
# glued to them ("...are marked *Representatives of ...") survives.
_INLINE_FURNITURE: tuple[re.Pattern[str], ...] = (
    # comment form of blog engines
    re.compile(r"Your email address will not be published\.?"),
    re.compile(r"Required fields are marked\s*\*?"),
    re.compile(r"\bLeave a (?:Reply|Comment)\b(?:\s*Cancel reply\b)?"),
    re.compile(r"\bCancel reply\b"),
    # UI labels run together by a scraper
    re.compile(r"\bArticle content(?:\s+(?:Authors?|Tags|Share|Comments))+\b"),
    # photo widgets and newsletter prompts of news sites
    re.compile(r"\bEnlarge this image\b"),
    re.compile(r"\btoggle caption\b"),
    re.compile(r"\bSlideshow \(\d+ [Ii]mages?\)"),
    re.compile(r"\bGet (?:the|our) [\w ]{0,30}?(?:[Ss]tories|newsletter)\b[^.\n]{0,60}?"
               r"\b(?:to|in) your inbox\b\.?"),
    re.compile(r"\bBy signing up, you agree to our Privacy Policy\b\.?"),
    re.compile(r"\bGet our (?:daily |free |weekly )?newsletter\b\.?"),
    re.compile(r"\bEmail Sign Up\b"),
    # follow widgets: "Interested in X? Add X as an interest to stay up to date on the
    # latest X news, video, and analysis from ABC News."
    re.compile(r"\bInterested in [^?\n]{1,80}\? Add [^\n]{1,80}? as an interest to stay up "
               r"to date on the latest [^\n]{1,80}? news, video,? and analysis from "
               r"[A-Z][^.\n]{0,30}\.?"),
    # share-button rows and summary-box labels of news sites
    re.compile(r"\bFacebook Twitter Pinterest\b"),
    re.compile(r"\bStory Highlights\b"),
    re.compile(r"\bUpgrade your inbox and get our [^.\n]{0,60}\.?"),
    # country pickers of edition menus: "Choose your country United States of America ..."
    re.compile(r"\bChoose your (?:country|region|edition)\b[^\n]*"),
    # video widgets: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:47"
    # (the title is kept once)
    re.compile(r"\bJUST WATCHED\s+"),
    re.compile(r"\s*\bReplay More Videos\b[^\n]{0,200}?\bMUST WATCH\b[^\n]{0,200}?"
               r"\d{1,2}:\d\d\b"),
)
_INLINE_RE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _INLINE_FURNITURE))

# Lines that are nothing but a furniture label (matched against the whole stripped line).
# Labels that introduce a list (related stories, tags) also drop the list items under them.
_LIST_LABELS = re.compile(
    r"(?i:related(?: (?:articles|stories|news|content|posts|topics))?|read (?:more|also|next)"
    r"|also read|more (?:on this(?: story)?|stories|from \w+)|most (?:read|popular|viewed)"
    r"|tags|topics|filed under|see also|recommended)\s*:?"
)
_LABEL_LINES: tuple[re.Pattern[str], ...] = (
    _LIST_LABELS,
    # single-word widgets
    re.compile(
        r"(?i:share|print|comments?|advertisement|authors?|menu|search|close|article content)\s*:?"
    ),
)

# Leads that make a short line furniture (matched at the start of the stripped line).
# Case-sensitive on purpose: "Few countries subscribe to the treaty." is prose.
_FURNITURE_LEADS: tuple[re.Pattern[str], ...] = (
    # calls to action
    re.compile(r"(?:Subscribe|Sign up) (?:to|for|now)\b"),
    re.compile(r"Follow (?:us|\w+) on\b"),
    re.compile(r"Click here\b"),
    re.compile(r"Get (?:the latest |all the )?news (?:faster|first|on)\b"),
    re.compile(r"Download (?:our|the) app\b"),
    # live-update stamps: "Updated at 10:30 a.m. ET"
    re.compile(r"Updated? (?:at )?\d{1,2}(?::\d\d)? ?[ap]\.m\.(?: [A-Z]{2,4}\b)?"),
    # share bars: "Share this:", "Share on Facebook Twitter Email"
    re.compile(r"(?:Share|SHARE) (?:this|on|via)\b"),
    # a related story in brackets: "( Also on POLITICO: X calls out Y)", "(RELATED: ...)"
    re.compile(r"\(\s*(?:Also on (?:[A-Z][\w.]*\s?){1,3}|See also|RELATED|Related|READ MORE"
               r"|WATCH)\s*:[^)]*\)\s*$"),
    # labelled lists on one line: "Tags: NATO, Russia"
    re.compile(r"(?i:related|read (?:more|also|next)|also read|tags|topics|filed under)\s*:"),
    # cookie banners
    re.compile(r".*\b(?:[Ww]e|(?:[Tt]his|[Oo]ur) (?:web)?site) uses? cookies\b"),
    re.compile(r"(?:Accept|Reject|Allow|Manage)(?: all)? cookies\b"),
    re.compile(r"By (?:continuing to (?:use|browse)|using|clicking)\b.*\b(?:site|cookies)\b"),
    # copyright footers
    re.compile(r"(?:Copyright\s*)?©|Copyright \d{4}\b|.*\bAll rights reserved\b"),
)

# Promo blocks: "Read on <Brand> <Marker> <item> <Category> <Marker> <item> ..." up to the end of
# the sentence holding the last marker. The marker is the word repeated after every item; items
# are short and rarely end in a full stop, which tells a block from prose.
_PROMO_LEAD = re.compile(r"(?:^|(?<=[.!?”\"] ))Read (?:more |also )?(?:on|at|in) ")
_PROMO_NOT_MARKERS = frozenset({"A", "An", "And", "At", "For", "In", "Of", "On", "The", "To"})
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?…]+[\"'”’»)\]]*(?=\s|$)")
_CAP_WORD = re.compile(r"[A-Z][\w&'-]*")


def remove_boilerplate(text: str) -> str:
    """Remove boilerplate phrases that never occur in prose, wherever they are.

    >>> remove_boilerplate("Required fields are marked *Ministers met on Monday.")
    'Ministers met on Monday.'
    """
    return _INLINE_RE.sub("", text)


# Hover cards of a news site, flattened by a scraper after a linked name: the full name, the
# titles of three related stories run into it, and "MORE". "Sen. Jane Roe Jane Mary RoeSenate
# passes bill Roe says ... MORE (D-Ore.) said" -> "Sen. Jane Roe (D-Ore.) said".
_NAME_CARD = re.compile(
    r"\b(?P<last>[A-Z][\w'’-]+) (?P<card>(?:[A-Z][\w'’.-]*(?: \([A-Z][\w'’.-]*\))? ){1,4}"
    r"(?P=last)(?![a-z])[^\n]{0,900}?\bMORE\b)"
)


def remove_name_cards(text: str) -> str:
    """Remove the hover cards a scraper flattened after linked names, keeping the names.

    >>> remove_name_cards("Sen. Jane Roe Jane Mary RoeBill passes Roe wins MORE (D-Ore.) said")
    'Sen. Jane Roe (D-Ore.) said'
    """
    if "MORE" not in text:
        return text
    out: list[str] = []
    pos = 0
    while (hit := _NAME_CARD.search(text, pos)) is not None:
        # "Jane Roe Jane Mary Roe...": the linked name ends at the last word the card repeats
        while (later := _NAME_CARD.match(text, hit.end("last") + 1)) and later.end() == hit.end():
            hit = later
        out.append(text[pos : hit.end("last")])
        pos = hit.end()
    out.append(text[pos:])
    return "".join(out)


def _promo_chain(rest: str, marker: str) -> list[int]:
    """End offsets of ``marker`` in ``rest``, while items stay short."""
    ends: list[int] = []
    for hit in re.finditer(rf"\b{re.escape(marker)}\b", rest):
        if hit.start() - (ends[-1] if ends else 0) > _MAX_PROMO_ITEM:
            break
        ends.append(hit.end())
    return ends


def _promo_end(rest: str) -> int | None:
    """Where the promo block at the start of ``rest`` ends, or None if it is not one."""
    heads = dict.fromkeys(_CAP_WORD.findall(rest[:80])[:4]).keys() - _PROMO_NOT_MARKERS
    best = max((_promo_chain(rest, word) for word in sorted(heads)), key=len, default=[])
    if len(best) < 4 or len(_SENTENCE_END.findall(rest, 0, best[-1])) > len(best) // 3:
        return None
    stop = _SENTENCE_END.search(rest, best[-1])
    return stop.end() if stop else len(rest)


def _remove_promo(line: str) -> str:
    for lead in _PROMO_LEAD.finditer(line):
        end = _promo_end(line[lead.end() :])
        if end is not None:
            after = _remove_promo(line[lead.end() + end :])
            return f"{line[: lead.start()].rstrip()} {after.lstrip()}".strip()
    return line


def remove_promo_blocks(text: str) -> str:
    """Remove "Read on <Brand> ..." promo link blocks up to the end of their last sentence.

    >>> remove_promo_blocks("Read on Acme Plus Plus Tips Guides Plus Tricks Guides Plus "
    ...     "Deals in store. Ministers met on Monday.")
    'Ministers met on Monday.'
    """
    if "Read " not in text:
        return text
    return "\n".join(_remove_promo(line) for line in text.split("\n"))


def is_furniture_line(line: str) -> bool:
    """Whether a whole line is site furniture (a label, a prompt, a banner), not prose.

    >>> is_furniture_line("Subscribe to our newsletter")
    True
    >>> is_furniture_line("Few countries subscribe to the treaty.")
    False
    """
    line = line.strip()
    if any(pattern.fullmatch(line) for pattern in _LABEL_LINES):
        return True
    if len(line) > _MAX_FURNITURE_LINE:
        return False
    if any(pattern.match(line) for pattern in _FURNITURE_LEADS):
        return True
    return bool(line) and not _INLINE_RE.sub("", line).strip()


def _is_list_item(line: str) -> bool:
    return 0 < len(line) <= 150 and not _SENTENCE_END.search(line[-3:])


def remove_furniture_lines(text: str) -> str:
    """Drop furniture lines, and the short items listed under a "Related:" or "Tags:" label.

    >>> remove_furniture_lines("Talks resumed.\\nRelated:\\nTalks stall again\\n\\nStay tuned.")
    'Talks resumed.\\n\\nStay tuned.'
    """
    kept: list[str] = []
    in_list = False
    for line in text.split("\n"):
        stripped = line.strip()
        if in_list and _is_list_item(stripped):
            continue
        in_list = bool(_LIST_LABELS.fullmatch(stripped))
        if not is_furniture_line(stripped):
            kept.append(line)
    return "\n".join(kept)
