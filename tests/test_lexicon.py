"""The lexicon: every word list in one place per language, looked up by language."""

from __future__ import annotations

import importlib
import pathlib
import re

import pytest

from newscheck import lexicon
from newscheck.lexicon import en

SRC = pathlib.Path(lexicon.__file__).resolve().parent.parent


def _lists(module) -> set[str]:
    return {n for n in vars(module) if n.isupper() and not n.startswith("_")}


def test_the_package_names_are_the_default_languages_lists():
    assert _lists(en) <= set(dir(lexicon))
    assert lexicon.SPEECH_VERBS is en.SPEECH_VERBS
    assert lexicon.for_language(lexicon.DEFAULT) is en


def test_every_language_defines_every_list_of_the_default():
    # a newcomer adding a language learns here which lists it still lacks
    for code, name in lexicon.LANGUAGES.items():
        missing = _lists(en) - _lists(importlib.import_module(name))
        assert not missing, f"lexicon {code!r} lacks {sorted(missing)}"


def test_an_unknown_language_names_the_ones_there_are():
    with pytest.raises(KeyError, match="no lexicon for language 'xx'.*en"):
        lexicon.for_language("xx")


def test_no_module_outside_the_lexicon_defines_a_stop_word_list():
    # the stop-word list used to be redefined in about ten modules
    pattern = re.compile(r"^\s*_?[A-Z_]*STOP_?WORDS\s*=", re.MULTILINE)
    offenders = [
        str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
        if "lexicon" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
