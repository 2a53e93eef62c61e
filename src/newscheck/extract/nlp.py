"""spaCy: loading the pipeline once, and parsing cleaned articles.

Sentences never cross a paragraph break: a component placed before the parser marks the
first token after a blank line (or any newline) as a sentence start.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ModelError

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)
"""spaCy entity labels kept as named entities (dates, numbers and the like are slots)."""


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
