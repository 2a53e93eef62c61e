"""Ingest: inputs in, clean :class:`~newscheck.model.Article` objects out.

* :mod:`.read` - files, folders, globs, stdin, URLs and RSS/Atom feeds into documents;
* :mod:`.clean` - page debris out, one article per document;
* :mod:`.copies` - syndicated copies found, so that they count as one source.
"""
