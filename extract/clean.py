"""Text cleaners: plain ``str -> str`` functions, composed by :func:`clean_text`.

Cleaning normalises the text (line endings, Unicode NFC, control characters, spaces) and removes
site furniture that scrapers leave behind: promo link blocks, "Leave a Reply" forms, subscribe
and share prompts, tag lists, cookie banners, HTML tag remnants. Real sentences glued to the
furniture are kept. Paragraphs come out separated by one blank line.

>>> clean_text("Share this:\\n\\nTalks  resumed in Geneva.\\r\\nLeave a Reply")
'Talks resumed in Geneva.'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

__all__ = [
    "clean_text",
    "collapse_spaces",
    "is_furniture_line",
    "normalize_newlines",
    "normalize_paragraphs",
    "normalize_unicode",
    "remove_boilerplate",
    "remove_control_chars",
    "remove_furniture_lines",
    "remove_promo_blocks",
    "strip_html",
    "strip_markdown",
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
    # share bars: "Share this:", "Share on Facebook Twitter Email"
    re.compile(r"(?:Share|SHARE) (?:this|on|via)\b"),
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

# HTML left in scraped text: script/style bodies, comments, tags, dangling ends such as `” />`.
_HTML_CODE = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|form"
    r"|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|th|thead|tr|ul)\b[^<>]*>",
    re.I,
)
_HTML_INLINE_TAG = re.compile(
    r"<!--.*?-->|</?(?:a|abbr|b|button|cite|code|del|em|font|i|iframe|img|input|ins|label|link"
    r"|meta|picture|q|s|small|source|span|strong|sub|sup|time|u|video)\b[^<>]*>",
    re.I | re.S,
)
_HTML_REMNANT = re.compile(r"[\"'”’]?\s*/>")
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")

# Unicode spaces become " "; control and invisible format characters go (joiners stay: they
# shape some scripts and emoji).
_UNICODE_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b\u200e"
    "\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001-\U000e007f]"
)
_SPACES = re.compile(r"[^\S\n]+")


def normalize_newlines(text: str) -> str:
    r"""Turn ``\r\n``, ``\r`` and Unicode line/paragraph separators into ``\n``.

    >>> normalize_newlines("a\r\nb\rc\u2029d")
    'a\nb\nc\n\nd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n")


def normalize_unicode(text: str) -> str:
    """Compose to NFC and map tabs and Unicode spaces (no-break, thin, ...) to a plain space.

    >>> normalize_unicode("Cafe\\u0301\\u00a0Paris")
    'Café Paris'
    """
    return _UNICODE_SPACE.sub(" ", unicodedata.normalize("NFC", text))


def remove_control_chars(text: str) -> str:
    """Drop control characters (but ``\\n``) and invisible format characters.

    >>> remove_control_chars("a\\x00b\\u200bc\\n")
    'abc\\n'
    """
    return _INVISIBLE.sub("", text)


def strip_html(text: str) -> str:
    """Remove HTML tags, comments and dangling tag ends; decode character references.

    Block tags (``<p>``, ``<br>``, ...) become line breaks, inline tags vanish.

    >>> strip_html("Talks ended.<br><b>Oslo</b>'s allies” /> agreed &amp; left.")
    "Talks ended.\\nOslo's allies agreed & left."
    """
    if "&" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()), text)
    if "<" in text:
        text = _HTML_BLOCK_TAG.sub("\n", _HTML_CODE.sub("", text))
        text = _HTML_INLINE_TAG.sub("", text)
    return _HTML_REMNANT.sub("", text) if "/>" in text else text


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces and strip them at line ends; newlines are kept.

    >>> collapse_spaces("a   b \\n  c")
    'a b\\nc'
    """
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def remove_boilerplate(text: str) -> str:
    """Remove boilerplate phrases that never occur in prose, wherever they are.

    >>> remove_boilerplate("Required fields are marked *Ministers met on Monday.")
    'Ministers met on Monday.'
    """
    return _INLINE_RE.sub("", text)


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


def normalize_paragraphs(text: str) -> str:
    """Strip lines, collapse spaces, separate paragraphs by exactly one blank line.

    >>> normalize_paragraphs("  One.\\n\\n\\n\\nTwo  a.\\nTwo b.\\n")
    'One.\\n\\nTwo a.\\nTwo b.'
    """
    paragraphs = re.split(r"\n\s*\n", collapse_spaces(text))
    return "\n\n".join(p.strip("\n") for p in paragraphs if p.strip())


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # horizontal rules
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$", re.M), ""),  # setext heading underlines
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M), ""),  # list bullets
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong emphasis
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)


def strip_markdown(text: str) -> str:
    """Reduce Markdown to plain text: headings, emphasis, links, quotes and bullets.

    >>> strip_markdown("# Talks in Oslo\\n\\n**Norway** met [Finland](https://x.org).")
    'Talks in Oslo\\n\\nNorway met Finland.'
    """
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


_CLEANERS: tuple[Callable[[str], str], ...] = (
    normalize_newlines,
    normalize_unicode,
    remove_control_chars,
    strip_html,
    collapse_spaces,
    remove_boilerplate,
    remove_promo_blocks,
    remove_furniture_lines,
    normalize_paragraphs,
)


def clean_text(text: str) -> str:
    """Apply every cleaner in order: normalise, strip HTML, remove furniture, tidy paragraphs.

    >>> clean_text("Leave a Reply\\nYour email address will not be published. Required fields "
    ...     "are marked *Allies met in Rome.")
    'Allies met in Rome.'
    """
    for cleaner in _CLEANERS:
        text = cleaner(text)
    return text
