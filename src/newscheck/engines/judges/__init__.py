"""The trained judges: the questions of meaning every stage asks, answered in one place.

* :mod:`~newscheck.engines.judges.event`: do two event mentions (a verb in its sentence, from two
  reports) describe the same real-world event? Trained on ECB+ cross-document event
  coreference; numpy over MiniLM token states.
* :mod:`~newscheck.engines.judges.fact`: does one sentence entail, contradict or neither the other,
  and do the two say the same thing? A MiniLM cross-encoder trained on SNLI, MultiNLI,
  FEVER-NLI, Breaking NLI, MRPC and STS-B; int8 ONNX on onnxruntime.

Both are trained here from ``../shared/data`` by ``python -m benchmarks.train_judges``
(seeded) and described, with their held-out figures, in ``docs/judges.md``. The registry
names each (``judges.fact`` and ``judges.event`` in the settings); the run
:class:`~newscheck.context.Context` loads them once; :class:`Judges` bundles them with the
thresholds so that the verdicts and the brief ask the same decider.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ...model import Analysis, Claim
    from ...settings import JudgeSettings
    from ..pairs import PairJudge
    from .fact import FactScores


class FactJudgeLike(Protocol):
    """What the verdicts need of a fact judge (see :class:`~newscheck.engines.judges.fact.FactJudge`)."""

    def score(self, pairs: Sequence[tuple[str, str]]) -> FactScores: ...


class Judges:
    """The fact judge with the thresholds that turn its scores into answers.

    Args:
        fact: The fact judge (None: every question of meaning is answered "no", which
            leaves only the rules' own evidence; the ``none`` judge in the registry).
        settings: The judges' thresholds.
    """

    def __init__(
        self, fact: FactJudgeLike | None, settings: JudgeSettings, pairs: PairJudge | None = None
    ) -> None:
        self.fact = fact
        self.settings = settings
        self.pairs = pairs

    @staticmethod
    def _ordered(a: str, b: str) -> tuple[str, str]:
        # One model call per pair: the longer text as the premise (a premise states the
        # shorter one's fact and more, as in the NLI data), ties broken by the text itself.
        return (a, b) if (len(a), a) >= (len(b), b) else (b, a)

    def prefetch(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Score many pairs in one batch; later questions are answered from the judge's
        cache."""
        if self.fact is not None and pairs:
            self.fact.score([self._ordered(a, b) for a, b in pairs])

    def scores(self, a: str, b: str) -> tuple[float, float, float]:
        """(same meaning, entailment of the shorter by the longer, contradiction) of two
        texts, symmetric in ``a`` and ``b``."""
        if self.fact is None:
            return 0.0, 0.0, 0.0
        s = self.fact.score([self._ordered(a, b)])
        return float(s.same[0]), float(s.nli[0, 0]), float(s.nli[0, 2])

    def worth_asking(self, a: str, b: str, cosine: float) -> bool:
        """Whether a pair is close enough for the fact judge to be asked: the cheap pair
        judge (:mod:`newscheck.engines.pairs`) gives it at least ``JudgeSettings.prefilter``. A
        cascade: the cross-encoder reads only the pairs a cheap model finds plausible."""
        if self.pairs is None:
            return True
        return self.pairs.probability(a, b, cosine) >= self.settings.prefilter

    def contradiction(self, a: str, b: str) -> float:
        """The probability that one of two statements contradicts the other."""
        return self.scores(a, b)[2]

    def fact_verdict(self, a: str, b: str, cosine: float, *, ask: bool = False) -> bool | None:
        """What the fact judge decides of two statements on its own: False when it reads a
        contradiction (probability at least ``contradiction``), True when it reads the same
        fact (same meaning, or the longer entailing the shorter, at least ``same_fact``),
        None when it is unsure or is not asked (no judge, or the pair is not worth asking
        and ``ask`` is false)."""
        if self.fact is None or not (ask or self.worth_asking(a, b, cosine)):
            return None
        same, entail, contra = self.scores(a, b)
        if contra >= self.settings.contradiction:
            return False
        if max(same, entail) >= self.settings.same_fact:
            return True
        return None

    def same_fact(self, a: str, b: str, cosine: float, *, ask: bool = False) -> bool:
        """Whether two statements state the same fact: the one decider of this question
        for sentences (the brief; the verdicts add their rules about claims around it).

        The fact judge decides when it is sure (:meth:`fact_verdict`); otherwise the cheap
        pair judge's probability must reach its threshold.
        """
        verdict = self.fact_verdict(a, b, cosine, ask=ask)
        if verdict is not None:
            return verdict
        if self.pairs is None:
            return False
        return self.pairs.probability(a, b, cosine) >= self.pairs.settings.threshold


class EventScorer:
    """The same-event judge over claims: builds each claim's event mention (its verb in its
    sentence) in one embedder run, then answers for pairs of claims.

    Args:
        judge: The same-event judge (:class:`~newscheck.engines.judges.event.EventJudge`), or None.
        embedder: An embedder with ``embed_with_tokens`` (the context's MiniLM).
        settings: The judges' thresholds.
    """

    def __init__(self, judge: Any, embedder: Any, settings: JudgeSettings) -> None:
        self.judge = judge
        self.embedder = embedder
        self.settings = settings
        self._mentions: dict[str, Any] = {}
        self._cache: dict[tuple[str, str], float] = {}

    @property
    def active(self) -> bool:
        return self.judge is not None and hasattr(self.embedder, "embed_with_tokens")

    def prepare(self, claims: Sequence[tuple[Claim, Analysis]]) -> None:
        """Build the mentions of ``claims`` not yet built, in one embedder run."""
        if not self.active:
            return
        from .event import build_mentions

        todo = [(c, a) for c, a in dict.fromkeys(
            (c, a) for c, a in claims if c.id not in self._mentions)]
        items = [trigger_of(c, a) for c, a in todo]
        for (c, _), m in zip(todo, build_mentions(items, self.embedder)):
            self._mentions[c.id] = m

    def probability(self, a: Claim, b: Claim) -> float | None:
        """Same-event probability of two prepared claims (None when the judge is off or a
        claim was not prepared)."""
        if not self.active:
            return None
        ma, mb = self._mentions.get(a.id), self._mentions.get(b.id)
        if ma is None or mb is None:
            return None
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        if key not in self._cache:
            self._cache[key] = self.judge.probability(ma, mb)
        return self._cache[key]

    def same(self, a: Claim, b: Claim) -> bool:
        """Whether the judge calls two prepared claims one event."""
        p = self.probability(a, b)
        return p is not None and p >= self.settings.same_event


def trigger_of(claim: Claim, analysis: Analysis) -> tuple[str, int, int, str]:
    """A claim's event mention as ``(sentence, start, end, lemma)``: the verb of its frame
    (the frame of its sentence whose verb is its predicate, inside its span), else the
    predicate found in its words, else the whole sentence."""
    sentence = analysis.sentences[claim.sentence]
    lemma = (claim.predicate or "").lower()
    for f in analysis.frames:
        if (f.sentence == claim.sentence and f.verb.lower() == lemma
                and (claim.start < 0 or claim.start <= f.start < max(claim.end, f.start + 1))):
            return sentence.text, f.start - sentence.start, f.end - sentence.start, lemma
    if lemma:
        low = sentence.text.lower()
        at = low.find(lemma[: max(3, len(lemma) - 2)])
        if at >= 0:
            end = at
            while end < len(low) and (low[end].isalpha() or low[end] in "-'"):
                end += 1
            return sentence.text, at, end, lemma
    return sentence.text, 0, len(sentence.text), lemma


__all__ = ["EventScorer", "FactJudgeLike", "Judges", "trigger_of"]
