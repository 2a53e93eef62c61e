"""Ingest: inputs in, clean :class:`~newscheck.model.Article` objects out.

* :mod:`.read` - the entry point: every input (files, folders, globs, stdin, URLs,
  RSS/Atom feeds) into documents, each input sent to its reader:

  * :mod:`.files` - paths, folders, globs and stdin;
  * :mod:`.web` - URLs, fetched within the size and time limits;
  * :mod:`.feeds` - RSS and Atom feeds, one report per entry;
  * :mod:`.formats` - text, Markdown, JSON and JSON Lines, and the dispatch by kind;
  * :mod:`.pages` - HTML pages, homepages and listings refused;
  * :mod:`.decode` - bytes to text, binary files refused, the kind of content sniffed;
  * :mod:`.metadata` - dates, and outlets named by a URL;

* :mod:`.clean` - page debris out, one article per document;
* :mod:`.copies` - syndicated copies found, so that they count as one source.
"""
