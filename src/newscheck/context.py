"""The run context: settings plus the models, loaded once and lazily.

Created at an entry point (CLI, server, a Ray worker) and handed to the stages; the
package keeps no module-level state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .settings import Settings


@dataclass(slots=True)
class Context:
    settings: Settings = field(default_factory=Settings)
    progress: Callable[[str, int, int], None] | None = None
    """Called as ``progress(stage, done, total)`` on long stages (the CLI draws a bar)."""
    _nlp: Any = None
    _embedder: Any = None
    _judges: Any = None
    _event_judge: Any = None
    _loaded_event_judge: bool = False

    @property
    def nlp(self):
        """The spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            from .extract.nlp import load_spacy

            self._nlp = load_spacy(self.settings.models.spacy)
        return self._nlp

    @property
    def embedder(self):
        """The sentence embedder named in the settings (loaded on first use)."""
        if self._embedder is None:
            from .registry import make_embedder

            self._embedder = make_embedder(self.settings.models)
        return self._embedder

    @property
    def judges(self):
        """The fact judge with its thresholds (:class:`newscheck.engines.judges.Judges`), loaded on
        first use: what the verdicts and the brief ask."""
        if self._judges is None:
            from .engines.judges import Judges
            from .engines.pairs import PairJudge
            from .registry import make_fact_judge

            self._judges = Judges(
                make_fact_judge(self.settings.judges), self.settings.judges,
                PairJudge(self.settings.pairs),
            )
        return self._judges

    @property
    def event_judge(self):
        """The same-event judge the settings name (None for ``none``), loaded on first use."""
        if not self._loaded_event_judge:
            from .registry import make_event_judge

            self._event_judge = make_event_judge(self.settings.judges)
            self._loaded_event_judge = True
        return self._event_judge

    def report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)
