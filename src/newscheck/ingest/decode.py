"""Bytes to text: binary files refused, the encoding found, the kind of content sniffed.

A file's bytes become text only when they are text: UTF-8, Windows-1252, UTF-16 or
UTF-32; anything else (a PDF, an image, an archive) is :class:`Unreadable` with the
reason. :func:`sniff` names the kind of content a file of unknown extension holds, and
:func:`load_json` is the one reader of JSON a user gave (a file, a line of JSON Lines, a
posted body): whatever is wrong with it, it ends in :class:`Unreadable` with the reason.
"""

from __future__ import annotations

import json
import re
from typing import Any

EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}  # fmt: skip
MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "gzip"), (b"\xd0\xcf\x11\xe0", "MS Office"),
    (b"{\\rtf", "RTF"), (b"\x7fELF", "executable"), (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"7z\xbc\xaf", "7z"), (b"Rar!", "RAR"),
    (b"SQLite format 3", "SQLite"), (b"wOFF", "font"),
)  # fmt: skip


class Unreadable(Exception):
    """An input that is not a document; the message is the reason."""


def load_json(text: str | bytes, max_depth: int, what: str = "JSON") -> Any:
    """The value of JSON text, or :class:`Unreadable` with the reason.

    Nesting deeper than ``max_depth`` arrays and objects is refused as well as malformed
    text: Python's JSON reader raises RecursionError about 1,000 levels down, and a value
    just short of that would sink the next reader that recurses (a copy, a re-encoding).

    Args:
        text: The JSON (bytes are decoded as JSON allows: UTF-8, -16 or -32).
        max_depth: The deepest nesting taken (setting ``ingest.max_json_depth``).
        what: How the reason names the input ("JSON on line 3").
    """
    too_deep = (
        f"{what} nested more than {max_depth} levels deep (setting ingest.max_json_depth)"
    )
    try:
        value = json.loads(text)
    except RecursionError:
        raise Unreadable(too_deep) from None
    except ValueError as exc:  # JSONDecodeError, and UnicodeDecodeError for bytes
        raise Unreadable(f"invalid {what}: {exc}") from None
    if json_depth(value) > max_depth:
        raise Unreadable(too_deep)
    return value


def json_type(value: Any) -> str:
    """A JSON value's type as a reason names it: "an object", "a list", "a number"..."""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")  # fmt: skip


def json_depth(value: Any) -> int:
    """How many arrays and objects deep a JSON value nests, measured without recursion."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in item)
    return deepest


def to_text(data: bytes) -> str:
    """Text of a file's bytes, or :class:`Unreadable` with the reason."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({name}), not a text, HTML or JSON document")
    wide = wide_encoding(data)
    if wide is not None:
        # UTF-16 or UTF-32 (Windows "Unicode" text): NUL bytes are expected
        try:
            data = data.decode(wide).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError:
            raise Unreadable(f"looks like {wide.upper()} text but does not decode") from None
    head = data[:8192]
    if b"\x00" in head:
        raise Unreadable("binary file, not a text, HTML or JSON document")
    text: str | None = None
    for encoding in ("utf-8-sig",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
    if text is None:
        from .pages import page_charset

        # An HTML page's own charset declaration (<meta charset>), as a browser reads it.
        charset = page_charset(data, None)
        if charset is not None:
            try:
                text = data.decode(charset)
            except UnicodeDecodeError:
                pass
    if text is None:
        try:
            candidate = data.decode("cp1252")
            # Only when it round-trips: cp1252 maps almost every byte, so check nothing was
            # lost.
            if candidate.encode("cp1252") == data:
                text = candidate
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
    if text is None:
        raise Unreadable("not UTF-8 or Windows-1252 text, nor HTML or JSON")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > max(2, len(sample) // 100):
        raise Unreadable("binary file, not a text, HTML or JSON document")
    return text


def wide_encoding(data: bytes) -> str | None:
    """``utf-32``/``utf-16`` (with their byte order) when the bytes are such text, else None.

    A byte-order mark decides; without one, the pattern of NUL bytes does: text in the
    Latin, Greek or Cyrillic scripts stored as UTF-16 has a NUL in (nearly) every other
    byte, and as UTF-32 in two or three of every four, on the side of the byte order.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    n = len(sample) // 4 * 4
    if n < 8 or b"\x00" not in sample:
        return None

    def nul_share(offset: int, step: int) -> float:
        positions = range(offset, n, step)
        return sum(1 for i in positions if sample[i] == 0) / len(positions)

    if nul_share(2, 4) > 0.95 and nul_share(3, 4) > 0.95 and nul_share(0, 4) < 0.05:
        return "utf-32-le"
    if nul_share(0, 4) > 0.95 and nul_share(1, 4) > 0.95 and nul_share(3, 4) < 0.05:
        return "utf-32-be"
    if nul_share(1, 2) > 0.6 and nul_share(0, 2) < 0.05:
        return "utf-16-le"
    if nul_share(0, 2) > 0.6 and nul_share(1, 2) < 0.05:
        return "utf-16-be"
    return None


def sniff(text: str) -> str:
    """``html``, ``feed``, ``json``, ``jsonl`` or ``txt`` for content of unknown kind."""
    head = text.lstrip()[:4096].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf:rdf")) and re.search(
        r"<(?:rss|feed|rdf:rdf)[\s>]", head
    ):
        return "feed"
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|p)[\s>]", head):
        return "html"
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except RecursionError:
            return "json"  # JSON too deep to read: its reader names the reason
        except ValueError:
            pass
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines:
            try:
                if isinstance(json.loads(lines[0]), dict):
                    return "jsonl"
            except (ValueError, RecursionError):
                pass
    return "txt"
