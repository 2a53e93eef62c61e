"""The lexicon: every word list in one place per language, looked up by language."""

from __future__ import annotations

import ast
import importlib
import pathlib
import re
import sys
import types

import pytest

from newscheck import lexicon, pipeline
from newscheck.context import Context
from newscheck.errors import SettingsError
from newscheck.lexicon import en
from newscheck.model import Article
from newscheck.settings import ModelSettings, load_settings

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
        missing = lexicon.missing_names(importlib.import_module(name))
        assert not missing, f"lexicon {code!r} lacks {missing}"


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


def test_no_module_outside_the_lexicon_reads_a_stop_word_list_of_spacy():
    # spaCy's English list was read in two places; the lexicon holds a copy (BROAD_STOP_WORDS)
    offenders = [
        str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
        if "lexicon" not in p.parts and "stop_words" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_page_furniture_words_match_what_cleaning_removes():
    assert en.TIMESTAMP_TOKEN.match("Sept.") and en.TIMESTAMP_TOKEN.match("Thurs")
    assert not en.TIMESTAMP_TOKEN.match("council")
    assert en.PAGE_FOOT_MARKER.match("More from Local")
    assert not en.PAGE_FOOT_MARKER.match("More than 200 people came")
    assert "opinion" in en.SECTION_LABELS and "print" in en.PAGE_TOOL_WORDS


# --------------------------------------------------------------------------- a new language
# What a newcomer adds: a module with every name of en.py, listed in LANGUAGES, and a
# parser named in the settings. "xx" is a toy language built here, never shipped.

TOY = "newscheck_toy_lexicon_xx"


def _toy_lexicon(monkeypatch, *, without: str | None = None) -> types.ModuleType:
    module = types.ModuleType(TOY)
    for name in _lists(en) - {without}:
        setattr(module, name, getattr(en, name))
    monkeypatch.setitem(sys.modules, TOY, module)
    monkeypatch.setitem(lexicon.LANGUAGES, "xx", TOY)
    return module


def _article(language: str | None, id: str = "a1") -> Article:
    text = ("The city council of Oslo approved the harbour budget on Monday. Mayor Ana Lind "
            "said the vote in Norway was close.")
    return Article(id=id, input=f"{id}.txt", text=text, title=None, outlet=None,
                   published=None, body_start=0, words=len(text.split()), language=language)


def test_a_complete_language_module_is_found_by_its_code(monkeypatch):
    module = _toy_lexicon(monkeypatch)
    assert lexicon.missing_names(module) == []
    assert lexicon.for_language("xx") is module


def test_a_language_module_missing_a_name_is_refused_and_the_name_given(monkeypatch):
    module = _toy_lexicon(monkeypatch, without="SPEECH_VERBS")
    assert lexicon.missing_names(module) == ["SPEECH_VERBS"]
    with pytest.raises(LookupError, match="lexicon 'xx' lacks 1 word lists of 'en': SPEECH_VERBS"):
        lexicon.for_language("xx")


def test_a_language_with_a_lexicon_and_an_installed_parser_is_analysed(monkeypatch, tmp_path):
    _toy_lexicon(monkeypatch)
    models = ModelSettings(parsers={"xx": str(tmp_path)})  # a folder holds a pipeline
    reports = [_article("xx", "a1"), _article(None, "a2"), _article("en", "a3")]
    ours, other = pipeline.split_by_language(reports, models)
    assert [a.id for a in ours] == ["a1", "a2", "a3"] and other == []


@pytest.mark.parametrize(
    ("language", "parsers", "lacking"),
    [
        ("xx", {}, 'a spaCy pipeline named for it in the settings ([models.parsers] xx = "...")'),
        ("xx", {"xx": "no_such_pipeline_xx"},
         "its spaCy pipeline 'no_such_pipeline_xx', which is not installed"),
        ("de", {"de": "de_core_news_sm"}, "a lexicon for it (there is one for: en, xx)"),
    ],
)
def test_a_language_the_run_cannot_analyse_stands_alone_saying_what_it_lacks(
    monkeypatch, language, parsers, lacking
):
    _toy_lexicon(monkeypatch)
    models = ModelSettings(parsers=parsers)
    report = _article(language)
    ours, other = pipeline.split_by_language([report, _article("en", "a2")], models)
    assert [a.id for a in ours] == ["a2"] and other == [report]
    note = pipeline.standalone_story("s1", report, models).note
    assert note.startswith(f"report in language '{language}': read, cleaned and checked")
    assert lacking in note


def test_a_parser_for_the_default_language_is_named_once():
    models = ModelSettings(parsers={"en": "en_core_web_lg"})
    with pytest.raises(SettingsError, match="models.parsers.en.*models.spacy"):
        pipeline.split_by_language([_article("en")], models)


@pytest.mark.slow
def test_each_language_is_parsed_by_its_own_pipeline(monkeypatch, tmp_path, nlp):
    # The toy language's pipeline has no entity recogniser: its report comes back without
    # entities, while the same text in English, parsed by the English pipeline, has some.
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "xx_pipeline")
    _toy_lexicon(monkeypatch)
    settings = load_settings(None, **{"models.embedder": "hashing",
                                      "models.parsers": {"xx": str(tmp_path / "xx_pipeline")}})
    ctx = Context(settings=settings)
    ctx._nlp = nlp
    reports = [_article("xx", "a1"), _article("en", "a2"), _article("xx", "a3")]
    analyses = pipeline.extract_by_language(reports, ctx, skipped=[])
    assert [a.article.id for a in analyses] == ["a1", "a2", "a3"]
    assert [bool(a.entities) for a in analyses] == [False, True, False]


def test_each_word_list_is_defined_once():
    # a list written twice drifts apart: RELATIVE_PRONOUNS stood in two sections
    tree = ast.parse(pathlib.Path(en.__file__).read_text(encoding="utf-8"))
    names = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
             if isinstance(t, ast.Name) and t.id.isupper()]
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
    # and no two names hold the same words: one list, read where it is needed
    held: dict[frozenset, list[str]] = {}
    for name in sorted(_lists(en)):
        value = getattr(en, name)
        if isinstance(value, (frozenset, set, tuple, dict)):
            held.setdefault(frozenset(value.items() if isinstance(value, dict) else value),
                            []).append(name)
    assert [same for same in held.values() if len(same) > 1] == []
