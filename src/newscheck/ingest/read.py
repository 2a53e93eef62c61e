"""Read inputs into :class:`~newscheck.model.Document` objects.

An input is a file, a directory (read recursively), a glob, ``-`` for stdin, or an
http(s) URL (an HTML page or an RSS/Atom feed). Every input is accounted for: it yields
one or more documents, or a :class:`~newscheck.model.Skipped` with a one-line reason.

Formats: plain text and Markdown (with an optional ``Title:``/``Outlet:``/``Published:``/
``URL:`` header or YAML front matter), HTML (main text and metadata by trafilatura), JSON
(one article object or a list) and JSON Lines (one article per line). A file with another
extension is sniffed.

The reading is done by the modules named after what they read: :mod:`.files` (paths,
folders, globs, stdin), :mod:`.web` (URLs), :mod:`.feeds` (RSS/Atom), :mod:`.formats`
(text, Markdown, JSON, JSON Lines), :mod:`.pages` (HTML), :mod:`.decode` (bytes to text)
and :mod:`.metadata` (dates and outlets). This module is the entry point: it sends each
input to its reader, and names what the rest of newscheck uses.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import httpx

from ..model import Document, Skipped
from ..settings import IngestSettings
from .files import documents_from_bytes, is_glob, read_glob, read_path, read_stdin
from .metadata import URL, domain_outlet, parse_date, url_date
from .web import USER_AGENT, new_client, read_url


def iter_documents(
    inputs: Sequence[str],
    settings: IngestSettings,
    *,
    stdin: TextIO | None = None,
    client: httpx.Client | None = None,
) -> Iterator[Document | Skipped]:
    """Read every input, in order, into documents.

    Args:
        inputs: Files, directories (recursive), globs, ``-`` for stdin, or http(s) URLs.
        settings: Size limit and network timeout.
        stdin: Stream read for ``-`` (default ``sys.stdin``).
        client: HTTP client for URLs (default: one made here and closed at the end).

    Yields:
        A :class:`Document` per report found, or a :class:`Skipped` with the reason for
        each input (or part of one: a file in a folder, a line of a JSON Lines file) that
        cannot be read. No input goes unaccounted for.
    """
    own_client: httpx.Client | None = None
    try:
        for raw in inputs:
            if raw == "-":
                yield from read_stdin(stdin if stdin is not None else sys.stdin, settings)
            elif URL.match(raw):
                if client is None and own_client is None:
                    own_client = new_client(settings)
                yield from read_url(raw, settings, client or own_client)
            elif os.path.lexists(raw):
                yield from read_path(raw, settings)
            elif is_glob(raw):
                yield from read_glob(raw, settings)
            else:
                yield Skipped(input=raw, reason="no such file or directory")
    finally:
        if own_client is not None:
            own_client.close()


def read_documents(
    inputs: Sequence[str],
    settings: IngestSettings,
    *,
    stdin: TextIO | None = None,
    client: httpx.Client | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """All documents and all skipped inputs of :func:`iter_documents`, in input order."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in iter_documents(inputs, settings, stdin=stdin, client=client):
        (docs if isinstance(item, Document) else skipped).append(item)
    return docs, skipped


__all__ = [
    "USER_AGENT",
    "documents_from_bytes",
    "domain_outlet",
    "iter_documents",
    "parse_date",
    "read_documents",
    "url_date",
]
