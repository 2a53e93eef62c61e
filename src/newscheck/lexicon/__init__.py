"""Every word list the engine reads, per language.

The rules import their vocabulary from here (``from newscheck.lexicon import SPEECH_VERBS``):
the names below are the default language's lists. :data:`LANGUAGES` is the table of the
languages there is a lexicon for: a module beside :mod:`.en` that defines every name
:mod:`.en` defines (:func:`missing_names` lists the ones a module still lacks), and
:func:`for_language` returns it. A report in one of those languages is analysed when a
parser for it is named too (``[models.parsers]``, see ``pipeline.split_by_language``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .en import *

#: Language code (ISO 639-1) -> module holding its word lists (the same names as :mod:`.en`).
LANGUAGES = {"en": "newscheck.lexicon.en"}
DEFAULT = "en"


def names(module: ModuleType) -> frozenset[str]:
    """The word lists a lexicon module defines: its public upper-case names."""
    return frozenset(n for n in vars(module) if n.isupper() and not n.startswith("_"))


def missing_names(module: ModuleType) -> list[str]:
    """The names of the default language's lexicon that ``module`` lacks, sorted."""
    default = importlib.import_module(LANGUAGES[DEFAULT])
    return sorted(names(default) - names(module))


def for_language(code: str) -> ModuleType:
    """The lexicon module of ``code``, an ISO 639-1 code listed in :data:`LANGUAGES`.

    Raises:
        KeyError: there is no lexicon for ``code`` (the message names the ones there are).
        LookupError: the module lacks some of the default language's names (it names them).
    """
    try:
        module = importlib.import_module(LANGUAGES[code])
    except KeyError:
        raise KeyError(f"no lexicon for language {code!r} (have: {', '.join(LANGUAGES)})") from None
    missing = missing_names(module)
    if missing:
        raise LookupError(
            f"lexicon {code!r} lacks {len(missing)} word lists of {DEFAULT!r}: {', '.join(missing)}"
        )
    return module
