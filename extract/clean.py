"""Text cleaners: plain ``str -> str`` functions, composed by :func:`clean_text`.

Cleaning normalises the text (line endings, Unicode NFC, control characters, spaces) and removes
site furniture that scrapers leave behind: promo link blocks, "Leave a Reply" forms, subscribe
and share prompts, tag lists, cookie banners, HTML tag remnants. Real sentences glued to the
furniture are kept. Paragraphs come out separated by one blank line.

The furniture cleaners live in :mod:`extract.furniture`; this module holds the normalisers and
the Markdown stripper, and composes them all.

>>> clean_text("Share this:\\n\\nTalks  resumed in Geneva.\\r\\nLeave a Reply")
'Talks resumed in Geneva.'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from extract.furniture import (
    is_furniture_line,
    remove_boilerplate,
    remove_furniture_lines,
    remove_name_cards,
    remove_promo_blocks,
)

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
    "remove_name_cards",
    "remove_promo_blocks",
    "strip_html",
    "strip_markdown",
    "unbracket_insertions",
]

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


_EDITORIAL = re.compile(r"\[((?:the |newly |[A-Z])[^\[\]\n/|]{0,60}?)\](?!\()")


def unbracket_insertions(text: str) -> str:
    """Editors' insertions in quotes lose their brackets, so names read whole.

    >>> unbracket_insertions("the defense of [South] Korea and [the Islamic State]")
    'the defense of South Korea and the Islamic State'
    """
    return _EDITORIAL.sub(r"\1", text)


_CLEANERS: tuple[Callable[[str], str], ...] = (
    normalize_newlines,
    normalize_unicode,
    remove_control_chars,
    strip_html,
    collapse_spaces,
    remove_boilerplate,
    remove_name_cards,
    remove_promo_blocks,
    remove_furniture_lines,
    unbracket_insertions,
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
