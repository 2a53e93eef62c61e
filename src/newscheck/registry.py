"""Swappable parts, chosen by name, and the models every run needs: where each is built.

The parts and the names that choose them (:func:`parts` lists them all):

- ``embedder`` (``[models] embedder``): :data:`EMBEDDERS`;
- ``clusterer`` (``[stories] clusterer``): :data:`CLUSTERERS`;
- ``fact judge`` (``[judges] fact``): :data:`FACT_JUDGES`;
- ``event judge`` (``[judges] event``): :data:`EVENT_JUDGES`;
- ``store`` (``--db``, chosen by the form of the URL): :data:`STORES`;
- ``renderer`` (``--format``): :data:`RENDERERS`;
- ``batch engine`` (``newscheck batch --engine``): :data:`ENGINES`.

Add an entry here to plug in another implementation; settings (or the option) name it.

Where this sits: the entry points and :class:`~newscheck.context.Context` ask the registry
for parts; the context holds them for one run and the stages take them from the context,
never from here. The registry imports each implementation only when it builds it, since
they load models and optional libraries (onnxruntime, spaCy, psycopg).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import SettingsError
from .render import RENDERERS
from .settings import JudgeSettings, ModelSettings, Settings, StorySettings


def _factory(kind: str, table: dict[str, Callable[..., Any]], name: str) -> Callable[..., Any]:
    """The factory ``table`` holds under ``name``; an unknown name is a settings error."""
    try:
        return table[name]
    except KeyError:
        raise SettingsError(
            f"unknown {kind} '{name}' (known: {', '.join(sorted(table))})"
        ) from None


# --------------------------------------------------------------------------- embedders


def _minilm(s: ModelSettings):
    from .engines.embed import MiniLMOnnx

    return MiniLMOnnx(max_tokens=s.max_tokens, threads=s.threads)


def _hashing(s: ModelSettings):
    from .engines.embed import HashingEmbedder

    return HashingEmbedder()


EMBEDDERS: dict[str, Callable[[ModelSettings], Any]] = {
    "minilm-onnx": _minilm,
    "hashing": _hashing,
}


def make_embedder(s: ModelSettings):
    """The sentence embedder ``s.embedder`` names."""
    return _factory("embedder", EMBEDDERS, s.embedder)(s)


# --------------------------------------------------------------------------- clusterers


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


# --------------------------------------------------------------------------- judges


def _fact_cross(s: JudgeSettings):
    from .engines.judges.fact import FactJudge

    return FactJudge(threads=s.threads)


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


def make_judges(s: Settings):
    """What the verdicts and the brief ask (:class:`newscheck.engines.judges.Judges`): the
    fact judge ``s.judges.fact`` names, with its thresholds and the pair judge."""
    from .engines.judges import Judges
    from .engines.pairs import PairJudge

    return Judges(make_fact_judge(s.judges), s.judges, PairJudge(s.pairs))


# --------------------------------------------------------------------------- the parser


def make_nlp(s: ModelSettings):
    """The spaCy pipeline ``s.spacy`` names (a package or a path; not swappable by name)."""
    from .extract.nlp import load_spacy

    return load_spacy(s.spacy)


# --------------------------------------------------------------------------- stores

STORES: dict[str, str] = {
    "sqlite": "a file path or sqlite:///path (the default: $NEWSCHECK_DB, else a file in "
    "the user's data folder)",
    "postgresql": "a postgresql:// or postgres:// URL (the postgres extra)",
}
"""The stores, by what chooses them: :func:`newscheck.store.open_store` reads the form of
the ``--db`` value."""


def make_store(db: str | None = None):
    """The analysis store ``db`` names (see :func:`newscheck.store.open_store`): a
    PostgreSQL URL, a SQLite file path, or None for ``$NEWSCHECK_DB`` or the default file."""
    from .store import open_store

    return open_store(db)


# --------------------------------------------------------------------------- batch engines


def _local_engine(s: Settings, address: str | None):
    from .batch.local import LocalEngine

    return LocalEngine(s)


def _ray_engine(s: Settings, address: str | None):
    from .batch.ray import RayEngine

    return RayEngine(s, address)


ENGINES: dict[str, Callable[[Settings, str | None], Any]] = {
    "local": _local_engine,
    "ray": _ray_engine,
}


def make_engine(name: str, s: Settings, address: str | None = None):
    """The batch engine ``name`` names (``newscheck batch --engine``); ``address`` is the
    Ray cluster's (None: a local one)."""
    return _factory("batch engine", ENGINES, name)(s, address)


# --------------------------------------------------------------------------- renderers

# The output formats by name (:data:`newscheck.render.RENDERERS`) live with the renderers
# and are listed with the other parts below.

# --------------------------------------------------------------------------- the listing


def parts() -> dict[str, tuple[str, ...]]:
    """Every swappable part and the names that choose it, sorted."""
    return {
        "embedder": tuple(sorted(EMBEDDERS)),
        "clusterer": tuple(sorted(CLUSTERERS)),
        "fact judge": tuple(sorted(FACT_JUDGES)),
        "event judge": tuple(sorted(EVENT_JUDGES)),
        "store": tuple(sorted(STORES)),
        "renderer": tuple(sorted(RENDERERS)),
        "batch engine": tuple(sorted(ENGINES)),
    }
