"""Swappable parts, chosen by name: embedders, story clusterers, judges and stores.

Add an entry here to plug in another implementation; settings name it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import SettingsError
from .settings import JudgeSettings, ModelSettings, StorySettings


def _minilm(s: ModelSettings):
    from .engines.embed import MiniLMOnnx

    return MiniLMOnnx(batch_size=s.batch_size, max_tokens=s.max_tokens)


def _hashing(s: ModelSettings):
    from .engines.embed import HashingEmbedder

    return HashingEmbedder()


EMBEDDERS: dict[str, Callable[[ModelSettings], Any]] = {
    "minilm-onnx": _minilm,
    "hashing": _hashing,
}


def _factory(kind: str, table: dict[str, Callable[..., Any]], name: str) -> Callable[..., Any]:
    """The factory ``table`` holds under ``name``; an unknown name is a settings error."""
    try:
        return table[name]
    except KeyError:
        raise SettingsError(
            f"unknown {kind} '{name}' (known: {', '.join(sorted(table))})"
        ) from None


def make_embedder(s: ModelSettings):
    """The sentence embedder ``s.embedder`` names."""
    return _factory("embedder", EMBEDDERS, s.embedder)(s)


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
    """The story clusterer ``s.clusterer`` names (handed to ``stories.group_stories``)."""
    return _factory("clusterer", CLUSTERERS, s.clusterer)(s)


def _fact_cross(s: JudgeSettings):
    from .engines.judges.fact import FactJudge

    return FactJudge()


def _event_minilm(s: JudgeSettings):
    from .engines.judges.event import EventJudge

    return EventJudge()


def _no_judge(s: JudgeSettings):
    return None


FACT_JUDGES: dict[str, Callable[[JudgeSettings], Any]] = {
    "minilm-cross": _fact_cross,
    "none": _no_judge,
}

EVENT_JUDGES: dict[str, Callable[[JudgeSettings], Any]] = {
    "minilm-event": _event_minilm,
    "none": _no_judge,
}


def make_fact_judge(s: JudgeSettings):
    """The fact judge ``s.fact`` names (None for ``none``)."""
    return _factory("fact judge", FACT_JUDGES, s.fact)(s)


def make_event_judge(s: JudgeSettings):
    """The same-event judge ``s.event`` names (None for ``none``)."""
    return _factory("event judge", EVENT_JUDGES, s.event)(s)


def make_store(db: str | None = None):
    """The analysis store ``db`` names (see :func:`newscheck.store.open_store`): a
    PostgreSQL URL, a SQLite file path, or None for ``$NEWSCHECK_DB`` or the default file."""
    from .store import open_store

    return open_store(db)
