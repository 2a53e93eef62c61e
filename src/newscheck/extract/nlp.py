"""spaCy: which pipeline parses a report's language, loading it once, and parsing.

The default language's reports (and those of unknown language) are parsed by the pipeline
``[models] spacy`` names; a report in another language by the one ``[models.parsers]``
names for its code, when one is named and installed (:func:`parser_name`,
:func:`installed`). Sentences never cross a paragraph break: a component placed before the
parser marks the first token after a blank line (or any newline) as a sentence start.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import lexicon
from ..errors import ModelError, SettingsError
from ..settings import ModelSettings

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)
"""spaCy entity labels kept as named entities (dates, numbers and the like are slots)."""


def parser_name(models: ModelSettings, language: str | None) -> str | None:
    """The spaCy pipeline (package or path) that parses reports in ``language``.

    ``models.spacy`` for the default language and for reports whose language is unknown;
    ``models.parsers[language]`` for another language, None when it names none.

    Raises:
        SettingsError: ``models.parsers`` names the default language, whose parser is
            ``models.spacy`` (two names for one parser would disagree).
    """
    if lexicon.DEFAULT in models.parsers:
        raise SettingsError(
            f"setting 'models.parsers.{lexicon.DEFAULT}': the parser of the default language "
            f"is 'models.spacy'; set that one instead"
        )
    if language is None or language == lexicon.DEFAULT:
        return models.spacy
    return models.parsers.get(language)


def installed(name: str) -> bool:
    """Whether the spaCy pipeline ``name`` can be loaded: a folder, or an importable package
    (checked without importing it)."""
    if not name.strip():
        return False
    if Path(name).exists():
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" with no package "a"
        return False


def load_spacy(name: str):
    """Load a spaCy pipeline by package name or path, with paragraph-aware sentences."""
    import spacy
    from spacy.language import Language

    if "newscheck_paragraphs" not in Language.factories:

        @Language.component("newscheck_paragraphs")
        def _paragraphs(doc):
            for i, tok in enumerate(doc[:-1]):
                if "\n" in tok.text or "\n" in tok.whitespace_:
                    doc[i + 1].is_sent_start = True
            return doc

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{name}' is not installed ({exc.__class__.__name__}); run `make setup`"
        ) from None
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("newscheck_paragraphs", before=before)
    else:
        nlp.add_pipe("newscheck_paragraphs", first=True)
    return nlp


def parse(nlp, texts: Iterable[str], batch_size: int = 16) -> Iterator:
    """Parse texts with ``nlp.pipe`` (one Doc per text, in order)."""
    yield from nlp.pipe(texts, batch_size=batch_size)


_ENTS = "newscheck.ents"


def entities(doc_or_span) -> tuple:
    """The named entities of a ``Doc``, or those wholly inside a ``Span`` (as ``Span.ents``
    gives them), read from the document once.

    spaCy builds every entity ``Span`` of the document anew on each ``.ents`` access, so a
    loop over sentences that asks each sentence for its entities costs the square of the
    document's length; the document's entities are kept in its ``user_data`` instead.
    """
    doc = doc_or_span.doc  # a Span's document; a Doc's .doc is itself
    held = doc.user_data.get(_ENTS)
    if held is None:
        ents = tuple(doc.ents)
        held = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    ents, starts = held
    if doc_or_span is doc:
        return ents
    out = []
    for ent in ents[bisect_left(starts, doc_or_span.start):]:
        if ent.end > doc_or_span.end:
            break
        out.append(ent)
    return tuple(out)
