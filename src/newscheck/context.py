"""The run context: the settings and the parts one run uses, each built once, on first use.

Created at an entry point (CLI, server, a Ray worker) and handed to the stages; the
package keeps no module-level state. The context holds the parts and the registry
(:mod:`newscheck.registry`) builds them: the stages take their parts from the context and
never ask the registry themselves, so the registry and the implementations it names sit
below the stages, and nothing the context imports imports the context back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import registry
from .settings import Settings


@dataclass(slots=True)
class Context:
    settings: Settings = field(default_factory=Settings)
    progress: Callable[[str, int, int], None] | None = None
    """Called as ``progress(stage, done, total)`` on long stages (the CLI draws a bar)."""
    _nlp: Any = None
    _embedder: Any = None
    _clusterer: Any = None
    _judges: Any = None
    _event_judge: Any = None
    _loaded_event_judge: bool = False
    _parsers: dict[str, Any] = field(default_factory=dict)
    """Every spaCy pipeline loaded so far, by name: shared with :meth:`with_parser` copies."""

    @property
    def nlp(self):
        """The spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            name = self.settings.models.spacy
            if name not in self._parsers:
                self._parsers[name] = registry.make_nlp(self.settings.models)
            self._nlp = self._parsers[name]
        return self._nlp

    def with_parser(self, name: str) -> Context:
        """This context with the spaCy pipeline ``name`` as its parser (a report's language
        may need its own). The other parts are shared, so every report's vectors come
        from one embedder, and each pipeline loads once however often this is called."""
        if name == self.settings.models.spacy:
            return self
        models = dataclasses.replace(self.settings.models, spacy=name)
        settings = dataclasses.replace(self.settings, models=models)
        return dataclasses.replace(self, settings=settings, _nlp=None, _embedder=self.embedder)

    @property
    def embedder(self):
        """The sentence embedder named in the settings (loaded on first use)."""
        if self._embedder is None:
            self._embedder = registry.make_embedder(self.settings.models)
        return self._embedder

    @property
    def clusterer(self):
        """The story clusterer named in the settings (handed to ``stories.group_stories``)."""
        if self._clusterer is None:
            self._clusterer = registry.make_clusterer(self.settings.stories)
        return self._clusterer

    @property
    def judges(self):
        """The fact judge with its thresholds (:class:`newscheck.engines.judges.Judges`), loaded on
        first use: what the verdicts and the brief ask."""
        if self._judges is None:
            self._judges = registry.make_judges(self.settings)
        return self._judges

    @property
    def event_judge(self):
        """The same-event judge the settings name (None for ``none``), loaded on first use."""
        if not self._loaded_event_judge:
            self._event_judge = registry.make_event_judge(self.settings.judges)
            self._loaded_event_judge = True
        return self._event_judge

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)
