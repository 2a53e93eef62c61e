"""Every word list the engine reads, per language.

The rules import their vocabulary from here (``from newscheck.lexicon import SPEECH_VERBS``):
the names below are the default language's lists. :func:`for_language` returns the lexicon
module of another language; adding one is a module beside :mod:`.en` with the same names,
listed in :data:`LANGUAGES`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .en import *

#: Language code -> module holding its word lists (the same names as :mod:`.en`).
LANGUAGES = {"en": "newscheck.lexicon.en"}
DEFAULT = "en"


def for_language(code: str) -> ModuleType:
    """The lexicon module of ``code`` (an ISO 639-1 code); KeyError names the ones there are."""
    try:
        return importlib.import_module(LANGUAGES[code])
    except KeyError:
        raise KeyError(f"no lexicon for language {code!r} (have: {', '.join(LANGUAGES)})") from None
