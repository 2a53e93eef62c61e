"""The registry lists every swappable part: adding or removing one is a conscious change."""

from __future__ import annotations

import dataclasses

import pytest

from newscheck import registry
from newscheck.context import Context
from newscheck.errors import SettingsError
from newscheck.settings import JudgeSettings, ModelSettings, Settings, StorySettings

# The snapshot: change it together with the registry, and say so in docs and settings.
PARTS = {
    "embedder": ("hashing", "minilm-onnx"),
    "clusterer": ("agglomerative", "components"),
    "fact judge": ("minilm-cross", "none"),
    "event judge": ("minilm-event", "none"),
    "store": ("postgresql", "sqlite"),
    "renderer": ("html", "json", "markdown", "text"),
    "batch engine": ("local", "ray"),
}


def test_the_registry_lists_every_swappable_part_by_name():
    assert registry.parts() == PARTS


def test_the_default_settings_name_registered_parts():
    s = Settings()
    assert s.models.embedder in PARTS["embedder"]
    assert s.stories.clusterer in PARTS["clusterer"]
    assert s.judges.fact in PARTS["fact judge"]
    assert s.judges.event in PARTS["event judge"]


@pytest.mark.parametrize(
    ("make", "settings", "kind"),
    [
        (registry.make_embedder, ModelSettings(embedder="nope"), "embedder"),
        (registry.make_clusterer, StorySettings(clusterer="nope"), "clusterer"),
        (registry.make_fact_judge, JudgeSettings(fact="nope"), "fact judge"),
        (registry.make_event_judge, JudgeSettings(event="nope"), "event judge"),
    ],
)
def test_an_unknown_name_is_a_settings_error_listing_the_known(make, settings, kind):
    with pytest.raises(SettingsError, match=f"unknown {kind} 'nope' \\(known: "):
        make(settings)


def test_the_context_holds_what_the_registry_builds_once():
    """Model-free parts: the context asks the registry the first time, then keeps them."""
    settings = Settings()
    settings = dataclasses.replace(
        settings, models=dataclasses.replace(settings.models, embedder="hashing"),
        judges=dataclasses.replace(settings.judges, fact="none", event="none"),
    )
    ctx = Context(settings=settings)
    assert type(ctx.embedder).__name__ == "HashingEmbedder"
    assert ctx.embedder is ctx.embedder
    assert ctx.clusterer is ctx.clusterer
    assert type(ctx.clusterer).__name__ == "AverageLinkage"
    assert ctx.event_judge is None
    assert ctx.judges.fact is None and ctx.judges is ctx.judges
