"""Swappable parts, chosen by name: embedders and story clusterers.

Add an entry here to plug in another implementation; settings name it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import SettingsError
from .settings import ModelSettings, StorySettings


def _minilm(s: ModelSettings):
    from .embed import MiniLMOnnx

    return MiniLMOnnx(batch_size=s.batch_size, max_tokens=s.max_tokens)


def _hashing(s: ModelSettings):
    from .embed import HashingEmbedder

    return HashingEmbedder()


EMBEDDERS: dict[str, Callable[[ModelSettings], Any]] = {
    "minilm-onnx": _minilm,
    "hashing": _hashing,
}


def make_embedder(s: ModelSettings):
    try:
        factory = EMBEDDERS[s.embedder]
    except KeyError:
        raise SettingsError(
            f"unknown embedder '{s.embedder}' (known: {', '.join(sorted(EMBEDDERS))})"
        ) from None
    return factory(s)


def _agglomerative(s: StorySettings):
    from .stories import AverageLinkage

    return AverageLinkage()


def _components(s: StorySettings):
    from .stories import ConnectedComponents

    return ConnectedComponents()


CLUSTERERS: dict[str, Callable[[StorySettings], Any]] = {
    "agglomerative": _agglomerative,
    "components": _components,
}


def make_clusterer(s: StorySettings):
    try:
        factory = CLUSTERERS[s.clusterer]
    except KeyError:
        raise SettingsError(
            f"unknown clusterer '{s.clusterer}' (known: {', '.join(sorted(CLUSTERERS))})"
        ) from None
    return factory(s)
