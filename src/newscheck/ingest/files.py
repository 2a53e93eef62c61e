"""Files, folders, globs and stdin: where local inputs are read from.

A folder is read recursively (hidden files left out, link loops named), a glob is
expanded in sorted order, and a file is read only when it is a regular file within the
size limit: a FIFO or a device is named and never opened.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Iterator
from typing import TextIO

from ..model import Document, Skipped
from ..settings import IngestSettings
from .decode import EXTENSIONS, Unreadable, sniff, to_text
from .feeds import read_feed
from .formats import parse

_GLOB_CHARS = re.compile(r"[*?\[]")


_SPECIAL_FILES = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _os_reason(exc: OSError, path: str) -> str:
    """The one-line reason an operating-system error gives for a path."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return f"broken symbolic link (to {os.readlink(path)})"
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _read_bytes(path: str, settings: IngestSettings) -> bytes | str:
    """A regular file's bytes (at most ``max_bytes``), or the reason they cannot be had.

    The file's kind is checked before it is opened: opening a FIFO would block until some
    other process writes to it, and a device may never end.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        return _os_reason(exc, path)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _SPECIAL_FILES if test(info.st_mode)), "not a file")
        return f"special file ({kind}), not a document: not opened"
    if info.st_size > settings.max_bytes:
        return f"too large ({info.st_size:,} bytes; the limit is {settings.max_bytes:,})"
    try:
        # O_NONBLOCK: should the path have become a FIFO since the check, never wait on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            data = fh.read(settings.max_bytes + 1)
    except OSError as exc:
        return _os_reason(exc, path)
    if len(data) > settings.max_bytes:
        return f"too large (over {settings.max_bytes:,} bytes, the limit)"
    return data


def _read_file(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    data = _read_bytes(path, settings)
    if isinstance(data, str):
        yield Skipped(input=path, reason=data)
        return
    yield from documents_from_bytes(data, path, settings)


def documents_from_bytes(
    data: bytes, name: str, settings: IngestSettings, kind: str | None = None
) -> Iterator[Document | Skipped]:
    """The documents of a file's bytes, read exactly as the same file on disk is read.

    For bytes that arrive without a path (an upload, a pasted report): the kind comes from
    ``name``'s extension, else from the content, as for a file.

    Args:
        data: The file's content.
        name: Its file name; it becomes each document's ``input``.
        settings: Size limit (``max_bytes``) and the listing-page thresholds.
        kind: The format when the caller knows it (``"jsonl"`` for a corpus line), else
            from the name's extension or the content.

    Yields:
        A :class:`Document` per report, or a :class:`Skipped` with the reason.
    """
    if len(data) > settings.max_bytes:
        yield Skipped(
            input=name, reason=f"too large ({len(data):,} bytes; the limit is {settings.max_bytes:,})"
        )
        return
    if not data.strip():
        yield Skipped(input=name, reason="empty")
        return
    try:
        text = to_text(data)
    except Unreadable as exc:
        yield Skipped(input=name, reason=str(exc))
        return
    kind = kind or EXTENSIONS.get(os.path.splitext(name)[1].lower()) or sniff(text)
    if kind == "txt" and sniff(text) == "feed":
        # A feed saved as text is still a feed: its markup must not become report text.
        kind = "feed"
    if kind == "feed":
        yield from read_feed(name, data, fetch=None, settings=settings)
        return
    yield from parse(text, kind, name, kind, settings=settings)


def _walk(directory: str) -> list[tuple[str, str | None]]:
    """Files under a directory, sorted by path, each with None or the reason it is skipped.

    Hidden files and folders are left out. A folder that cannot be listed, and a link to
    a folder already read on the way down (a loop), is named with its reason; links to
    other folders are followed.
    """
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()

    def visit(folder: str) -> None:
        real = os.path.realpath(folder)
        if real in seen:
            found.append((folder, "symlink loop (a link to a folder already read)"))
            return
        seen.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((folder, _os_reason(exc, folder)))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                visit(entry.path)
            else:
                found.append((entry.path, None))

    visit(directory)
    return sorted(found, key=lambda item: os.path.relpath(item[0], directory))


def read_path(path: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    if os.path.isdir(path):
        files = _walk(path)
        if not files:
            yield Skipped(input=path, reason="directory holds no files")
        for f, reason in files:
            if reason is not None:
                yield Skipped(input=f, reason=reason)
            else:
                yield from _read_file(f, settings)
    else:
        yield from _read_file(path, settings)


def is_glob(raw: str) -> bool:
    """Whether an input that names no file is a pattern ("reports/*.txt")."""
    return bool(_GLOB_CHARS.search(raw))


def read_glob(pattern: str, settings: IngestSettings) -> Iterator[Document | Skipped]:
    """Every path a glob matches, in sorted order (``**`` recurses)."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Skipped(input=pattern, reason="no files match this pattern")
    for match in matches:
        yield from read_path(match, settings)


def read_stdin(stream: TextIO, settings: IngestSettings) -> Iterator[Document | Skipped]:
    """The report(s) of a stream (input ``-``), its kind sniffed.

    Bounded: a stream that never ends is cut at the limit and refused.
    """
    text = stream.read(settings.max_bytes + 1)
    if len(text.encode("utf-8", errors="replace")) > settings.max_bytes:
        yield Skipped(input="-", reason=f"too large (the limit is {settings.max_bytes:,} bytes)")
        return
    yield from parse(text, sniff(text), "-", "stdin", settings=settings)
