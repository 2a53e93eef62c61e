"""The run context: parts built once, a parser per language loaded once and shared."""

from __future__ import annotations

from newscheck import registry
from newscheck.context import Context


def test_a_parser_of_another_language_loads_once_and_the_embedder_is_shared(monkeypatch):
    loaded = []
    monkeypatch.setattr(registry, "make_nlp", lambda models: loaded.append(models.spacy) or object())
    monkeypatch.setattr(registry, "make_embedder", lambda models: "the embedder")
    ctx = Context()
    assert ctx.with_parser(ctx.settings.models.spacy) is ctx
    first, second = ctx.with_parser("xx_parser"), ctx.with_parser("xx_parser")
    assert first.nlp is second.nlp
    assert loaded == ["xx_parser"]
    assert first.embedder == ctx.embedder == "the embedder"
    assert ctx.settings.models.spacy != "xx_parser"  # the original context keeps its parser
    assert ctx.nlp is not first.nlp
    assert loaded == ["xx_parser", ctx.settings.models.spacy]
