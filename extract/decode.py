"""Decoding the bytes of an input file into text, or saying why they are not text.

UTF-8 is the default; a byte order mark selects UTF-8, UTF-16 or UTF-32, the NUL pattern of
BOM-less UTF-16 selects UTF-16, and an HTML page that is not UTF-8 may declare a legacy charset
in a ``<meta>`` tag. Binary files (PDF, images, archives, Office documents ...) are recognised
by their magic numbers or NUL bytes.

>>> decode_text("Oslo".encode("utf-16"))
'Oslo'
>>> try:
...     decode_text(b"%PDF-1.7 ...")
... except Undecodable as err:
...     err.values
{'kind': 'PDF document'}
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from extract.errors import Errors

__all__ = ["Undecodable", "decode_text"]

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary formats people put next to their articles.
_MAGIC = (
    (b"%PDF-", "PDF document"), (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .epub"), (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"), (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
)
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.I)


class Undecodable(Exception):
    """The bytes are not readable text.

    Attributes:
        template: the message template, one of `Errors` (E001, E002, E003 or E013).
        values: the values of its fields other than ``where``.
    """

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template)
        self.template = template
        self.values: dict[str, Any] = values


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return "contains NUL bytes" if b"\x00" in data else None


def _encoding(data: bytes) -> str | None:
    """The encoding shown by a byte order mark, or by the NUL pattern of BOM-less UTF-16."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:1024]
    if len(head) >= 4 and len(head) % 2 == 0:
        if not any(head[1::2]) and all(head[0::2]):
            return "utf-16-le"
        if not any(head[0::2]) and all(head[1::2]):
            return "utf-16-be"
    return None


def decode_text(data: bytes, *, html: bool = False) -> str:
    """Decode a file's bytes.

    Args:
        data: the file's bytes.
        html: the file is an HTML page (a ``<meta>`` charset is honoured).

    Raises:
        Undecodable: E001 when there is no text, E002 for a binary file, E003 when the bytes
            are not UTF-8, E013 when they are not in the encoding found.
    """
    if not data.strip():
        raise Undecodable(Errors.E001)
    encoding = _encoding(data)
    if encoding is None:
        kind = _binary_kind(data)
        if kind is not None:
            raise Undecodable(Errors.E002, kind=kind)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        # an HTML page may declare a legacy charset in a <meta> tag
        declared = _HTML_CHARSET.search(data[:4096]) if html and encoding is None else None
        if declared is None:
            template = Errors.E003 if encoding is None else Errors.E013
            raise Undecodable(template, pos=exc.start, encoding=encoding) from exc
        encoding = declared.group(1).decode("ascii")
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as legacy:
            pos = legacy.start if isinstance(legacy, UnicodeDecodeError) else 0
            raise Undecodable(Errors.E013, encoding=encoding, pos=pos) from legacy
    if not text.strip():
        raise Undecodable(Errors.E001)
    return text
