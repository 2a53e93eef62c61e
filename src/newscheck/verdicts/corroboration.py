"""Corroboration: which aligned claims state the same fact, not only the same topic.

Alignment puts claims side by side when they speak of the same thing: that is what the
conflict rules compare. Two claims *corroborate* each other only when they state the same
proposition, which is stricter:

* the two sentences hold one event stated alike: the same verb with the same people and
  things (``VerdictSettings.frame_link_evidence`` kinds of shared evidence, see
  :func:`newscheck.verdicts.negation.frame_links`); or
* the shorter claim's content words stand in the longer (``VerdictSettings.containment``
  of them): the longer states the same fact and more; or
* the pair judge (:mod:`newscheck.engines.pairs`, on the claims as written or on what they
  report without who reports it, :func:`reported`, a logistic regression calibrated on MRPC's
  labelled news sentence pairs) gives them a probability of stating the same fact of at
  least ``PairSettings.threshold``: embedding closeness alone ("X endorsed Y in 2008" /
  "Z trails Y in the polls") is not enough;
  or, for two claims with one frame (:func:`frames_agree`: the same verb done to the
  same thing), at least ``VerdictSettings.frame_agreement_probability``;
* they agree in polarity (one does not deny what the other states);
* their subjects, when both name someone, name the same people or bodies;
* neither holds a negation the other lacks, and they share at least
  ``VerdictSettings.min_shared_words`` content words (one shared name is a topic);
* the figures they give of one kind and unit can agree, and so can the times that date
  their verbs (:func:`~newscheck.verdicts.time.dates_agree`: "closed on Monday" is no
  corroboration of "closed on Tuesday").

Within an aligned group the claims are joined by these same-fact links; each connected
part with two or more independent reports is one corroborated claim, and a claim linked
to no other report's is single-source, whatever its group.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence

from ..engines.judges import Judges
from ..engines.pairs import PairJudge
from ..entities import same_named
from ..lexicon import LIGHT_VERBS, NEGATION_CUES, NOT_NAME_WORDS, SAID_VERBS, SPEECH_VERBS
from ..model import Claim
from ..settings import VerdictSettings
from ..text import content_words, entity_key, merge_best_first
from .common import Ref, common_words
from .negation import polarity
from .quantity import figures_agree
from .time import dates_agree


def _named_subject(text: str | None) -> str | None:
    """The subject when it is a name ("Ana Ruiz", "The Port Authority" is not)."""
    if not text:
        return None
    first = text.split()[0]
    if not first[:1].isupper() or first.lower() in NOT_NAME_WORDS:
        return None
    return text


def frames_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims have one frame: the same (not light) verb, and the same thing
    done to (a shared content word of their objects, or a shared name besides their
    subjects')."""
    pa, pb = (a.predicate or "").lower(), (b.predicate or "").lower()
    if not pa or pa != pb or pa in LIGHT_VERBS or pa in SPEECH_VERBS:
        return False
    oa, ob = content_words(a.object or ""), content_words(b.object or "")
    if oa & ob:
        return True
    subj_a, subj_b = content_words(a.subject or ""), content_words(b.subject or "")
    names_a = {entity_key(e.text) for e in a.entities} - {""}
    names_b = {entity_key(e.text) for e in b.entities} - {""}
    shared = {n for n in names_a & names_b if not set(n.split()) & (subj_a | subj_b)}
    return bool(shared)


def contains(a: str, b: str, share: float, min_words: int = 5) -> bool:
    """Whether the shorter text's content words stand, ``share`` of them at least, in the
    longer one, and so do its words in lower case (what it says happened, not only whom
    it names: a list of the same countries is not the same fact): the longer states what
    the shorter does, and more ("The president said the claim is nonsense" in "The
    president said the claim is nonsense, but ...")."""
    wa, wb = content_words(a), content_words(b)
    if len(wa) > len(wb):
        a, b, wa, wb = b, a, wb, wa
    if not _holds(wa, wb, share, min_words):
        return False
    ca = common_words(a)
    # a short statement may word one thing its own way ("state mediator" / "mediator")
    return len(ca) >= 2 and len(ca & common_words(b)) >= min(share * len(ca), len(ca) - 1)


def negation_words(text: str) -> bool:
    """Whether a text holds a negation anywhere ("pleaded not guilty", "never met")."""
    return bool(NEGATION_CUES.search(text))


def _names_in(subject: str) -> list[str]:
    """The names of a subject, coordinated ones apart ("Ana Ruiz and Carl Berg")."""
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", subject)
    return [p for p in parts if p and p[:1].isupper()]


def _same_subjects(a: str | None, b: str | None) -> bool:
    """Whether two subjects can name the same doers: both names (or lists of names) name
    the same people, in any order; a subject that is not a name matches anything."""
    sa, sb = _named_subject(a), _named_subject(b)
    if not sa or not sb or sa.lower() == sb.lower():
        return True
    na, nb = _names_in(sa), _names_in(sb)
    if len(na) != len(nb):
        return False
    return all(any(same_named(x, y) for y in nb) for x in na) and all(
        any(same_named(y, x) for x in na) for y in nb
    )


_WHO = (r"(?:he|she|they|it|[A-Z][\w.'’-]*(?:[\s,]+(?:[A-Z][\w.'’-]*|of|the|for|and|at|a|an|"
        r"[a-z]+(?:'s)?))*?)")
_SAID_AFTER = re.compile(r"[,;]?\s*[\"”“']?\s*(?:,\s*)?" + _WHO + r"\s+" + SAID_VERBS
                         + r"\b[^\"”“]*$")
_SAID_BY_NOUN = re.compile(r",\s*[\"”“']?\s*(?:the\s+|a\s+|an\s+)?[a-z]+(?:\s+[a-z]+)?\s+"
                           + SAID_VERBS + r"\b[^\"”“]*$")
_SAID_INVERTED = re.compile(r"[,;]\s*[\"”“']?\s*" + SAID_VERBS + r"\s+" + _WHO + r"[^\"”“]*$")
_SAID_BEFORE = re.compile(r"^\s*" + _WHO + r"\s+" + SAID_VERBS
                          + r"(?:\s+on\s+\w+)?(?:\s+that)?[\s:,]+[\"“']?")
_ACCORDING = re.compile(r"\b[Aa]ccording to [^,.;]+[,.;]?\s*")


@functools.lru_cache(maxsize=65536)
def reported(text: str) -> str:
    """What a sentence reports, without who reports it: "X said that A", "A, X said",
    "A, said X", "according to X, A" -> "A". Two outlets often quote one statement under
    different attributions ("the agent said", "CBP's chief said"); the judge compares
    the statements (attribution is compared on its own, as a conflict of who said it).
    Each cut keeps at least four words, else the text stays whole."""

    def cut(pattern: re.Pattern[str], t: str) -> str:
        out = pattern.sub("", t)
        return out if len(out.split()) >= 4 else t

    t = cut(_ACCORDING, text)
    t = cut(_SAID_AFTER, t)
    t = cut(_SAID_BY_NOUN, t)
    t = cut(_SAID_INVERTED, t)
    t = cut(_SAID_BEFORE, t)
    return t.strip(" \"“”',.;:") or text


class SameFact:
    """The test of whether two claims of different reports state the same fact (cached):
    call it on two claims; :meth:`prefetch` scores in one batch the pairs the fact judge
    will be asked about.

    Args:
        refs: The story's claims by id.
        similarity: Cosine of two claims' sentences.
        pairs: The pair judge.
        settings: Verdict settings (``frame_agreement_probability``).
        linked: Claim id pairs (sorted) holding one event stated alike in both
            (:func:`newscheck.verdicts.negation.frame_links`).
        judges: The trained fact judge with its thresholds; without one (or with the
            ``none`` judge) the pair judge's logistic regression decides.
    """

    def __init__(
        self,
        refs: Mapping[str, Ref],
        similarity: Callable[[Ref, Ref], float],
        pairs: PairJudge,
        settings: VerdictSettings,
        linked: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
        judges: Judges | None = None,
    ) -> None:
        self.similarity = similarity
        self.pairs = pairs
        self.settings = settings
        self.linked = linked
        self.judges = judges
        self._cache: dict[tuple[str, str], bool] = {}
        self._best = _best_matches(list(refs.values()), similarity,
                                   settings.corroboration_similarity)

    def __call__(self, a: Ref, b: Ref) -> bool:
        key = _key(a, b)
        if key not in self._cache:
            self._cache[key] = self._same(a, b)
        return self._cache[key]

    def _by_rules(self, a: Ref, b: Ref) -> bool | None:
        """True or False when the rules decide alone, None when the judge must read."""
        s = self.settings
        if polarity(a.claim, a.analysis) != polarity(b.claim, b.analysis):
            return False
        if negation_words(a.claim.text) != negation_words(b.claim.text):
            return False  # "pleaded guilty" / "pleaded not guilty"
        if not _same_subjects(a.claim.subject, b.claim.subject):
            return False
        wa, wb = content_words(a.claim.text), content_words(b.claim.text)
        if len(wa & wb) < min(s.min_shared_words, len(wa), len(wb)):
            return False  # one shared name is a topic, not a fact
        if not figures_agree(a.claim, b.claim, s.quantity_tolerance):
            return False  # "more than 100,000 supporters" / "28,000 attendees"
        if not dates_agree(a, b, s.date_tolerance_days):
            return False  # "closed on Monday" / "closed on Tuesday"
        if contains(a.claim.text, b.claim.text, s.containment) or contains(
            reported(a.claim.text), reported(b.claim.text), s.containment
        ):
            return True
        return None

    def prefetch(self, candidates: Sequence[tuple[Ref, Ref]]) -> None:
        """Score in one batch every pair of ``candidates`` the judge will be asked about."""
        judges = self.judges
        if judges is None:
            return
        texts = [(reported(a.claim.text), reported(b.claim.text), self.similarity(a, b),
                  _key(a, b)) for a, b in candidates if self._by_rules(a, b) is None]
        judges.prefetch([(x, y) for x, y, cos, key in texts
                         if key in self._best or judges.worth_asking(x, y, cos)])

    def _same(self, a: Ref, b: Ref) -> bool:
        decided = self._by_rules(a, b)
        if decided is not None:
            return decided
        cos = self.similarity(a, b)
        if self.judges is not None and self.judges.fact is not None:
            # the fact judge reads the pair: a contradiction vetoes, a confident "same"
            # decides; otherwise the cheap pair judge's evidence below still counts
            verdict = self.judges.fact_verdict(
                reported(a.claim.text), reported(b.claim.text), cos, ask=_key(a, b) in self._best
            )
            if verdict is not None:
                return verdict
        p = max(self.pairs.probability(a.claim.text, b.claim.text, cos),
                self.pairs.probability(reported(a.claim.text), reported(b.claim.text), cos))
        agree = self.settings.frame_agreement_probability
        if _key(a, b) in self.linked:
            # one event, the same verb done to the same people and things, told in
            # words that are not wholly apart
            return p >= agree
        if p >= self.pairs.settings.threshold:
            return True
        # the same verb done to the same thing: a weaker resemblance of the wording is
        # enough ("Trump named Pompeo secretary of state" / "Pompeo was named by Trump")
        return p >= agree and frames_agree(a.claim, b.claim)


def _key(a: Ref, b: Ref) -> tuple[str, str]:
    return (a.claim.id, b.claim.id) if a.claim.id < b.claim.id else (b.claim.id, a.claim.id)


def _best_matches(
    refs: Sequence[Ref], similarity: Callable[[Ref, Ref], float], floor: float
) -> set[tuple[str, str]]:
    """Each claim's closest claim in every other report (cosine at least ``floor``): the
    pairs the fact judge reads whatever the cheap pair judge says. The cost stays linear in
    the claims: one pair per claim and other report."""
    out: set[tuple[str, str]] = set()
    for a in refs:
        closest: dict[str, tuple[float, Ref]] = {}
        for b in refs:
            if b.article == a.article:
                continue
            cos = similarity(a, b)
            if cos >= floor and cos > closest.get(b.article, (-2.0, b))[0]:
                closest[b.article] = (cos, b)
        out.update(_key(a, b) for _, b in closest.values())
    return out


def corroborated_parts(
    refs: Sequence[Ref],
    same: Callable[[Ref, Ref], bool],
    similarity: Callable[[Ref, Ref], float],
    source: Callable[[str], str],
    min_similarity: float,
    containment: float,
    linked: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
) -> list[list[Ref]]:
    """Claims of different reports that state the same fact, over the whole story.

    Alignment groups claims by what they speak of; a fact may be stated in a claim that
    alignment put in another group (one sentence holds several facts). So every pair of
    claims of different sources whose sentences are close (cosine ``min_similarity``) or
    whose words one holds the other's is judged with ``same``; same-fact pairs join best
    first, a part never holding two claims of one report, and two parts join only when
    every pair across them states the same fact, judged whatever the pair's cosine (no
    chains of resemblance).

    Args:
        refs: The story's claims, in story order.
        same: The same-fact test (:class:`SameFact`).
        similarity: Cosine of two claims' sentences.
        source: Article id -> independent source.
        min_similarity: Cosine below which a pair is not judged.
        containment: See :func:`contains`.
        linked: Claim id pairs judged whatever their cosine (one event stated alike).

    Returns:
        Parts of two or more independent sources, in the order of their first claim.
    """
    words = [content_words(r.claim.text) for r in refs]
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(refs):
        for j in range(i + 1, len(refs)):
            b = refs[j]
            if source(a.article) == source(b.article):
                continue
            cos = similarity(a, b)
            key = (a.claim.id, b.claim.id) if a.claim.id < b.claim.id else (b.claim.id, a.claim.id)
            if (cos < min_similarity and key not in linked
                    and not _holds(words[i], words[j], containment)):
                continue
            candidates.append((cos, i, j))
    if isinstance(same, SameFact):
        # one batched model call for every pair the loop below asks the judge about
        same.prefetch([(refs[i], refs[j]) for _, i, j in candidates])
    scored = [(cos, i, j) for cos, i, j in candidates if same(refs[i], refs[j])]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    judged_same = {(i, j) for _, i, j in scored}

    def states_same(x: int, y: int) -> bool:
        x, y = min(x, y), max(x, y)
        return (x, y) in judged_same or (
            source(refs[x].article) != source(refs[y].article) and same(refs[x], refs[y])
        )

    members = merge_best_first(
        len(refs), [(i, j) for _, i, j in scored], [r.article for r in refs],
        lambda a, b: all(states_same(x, y) for x in a for y in b),
    )
    parts = [
        [refs[k] for k in m] for m in members.values()
        if len({source(refs[k].article) for k in m}) >= 2
    ]
    # two clauses of one sentence pair make one claim, not two with the same evidence
    seen: set[frozenset[tuple[str, int]]] = set()
    unique = []
    for part in sorted(parts, key=lambda p: p[0].order):
        key = frozenset((r.article, r.claim.sentence) for r in part)
        if key not in seen:
            seen.add(key)
            unique.append(part)
    return unique


def _holds(a: frozenset[str], b: frozenset[str], share: float, min_words: int = 5) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= min_words and len(short & long_) >= share * len(short)


_QUOTE_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _wording(text: str) -> str:
    """A sentence's words for comparing wording: case, quote marks and spacing aside."""
    return " ".join(re.findall(r"[\w']+", text.translate(_QUOTE_MARKS).lower()))


def shared_wording(a: Ref, b: Ref, min_words: int) -> bool:
    """Whether two claims' sentences are one sentence word for word (wire copy, or one
    outlet reprinting another's text): the same words, or the shorter's words (at least
    ``min_words``) a run of the longer's."""
    wa = _wording(a.analysis.sentences[a.claim.sentence].text)
    wb = _wording(b.analysis.sentences[b.claim.sentence].text)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(short.split()) >= min_words and short in long_


def _quoted(ref: Ref) -> bool:
    """Whether a claim's words are a speaker's, quoted: half of its span at least inside
    direct quotations of its report."""
    c = ref.claim
    if c.attributed_to is None or c.start < 0:
        return False
    inside = sum(
        max(0, min(q.end, c.end) - max(q.start, c.start)) for q in ref.analysis.quotes if q.direct
    )
    return inside >= 0.5 * (c.end - c.start)


def independence(
    part: Sequence[Ref], source: Callable[[str], str], min_words: int
) -> tuple[int, str]:
    """How many independent sources a corroborated part has, and what it rests on.

    Sources whose sentences share the wording (:func:`shared_wording`, ``min_words`` at
    least) count once; the
    basis is ``shared wording`` when that leaves one source, ``shared quote`` when every
    member is a direct quotation (two reports print one speaker's words: they agree on
    what was said, not on the fact), else ``independent``.
    """
    sources = sorted({source(r.article) for r in part})
    parent = {s: s for s in sources}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for i, a in enumerate(part):
        for b in part[i + 1:]:
            if source(a.article) != source(b.article) and shared_wording(a, b, min_words):
                parent[root(source(a.article))] = root(source(b.article))
    independent = len({root(s) for s in sources})
    if independent < 2:
        return 1, "shared wording"
    if all(_quoted(r) for r in part):
        return independent, "shared quote"
    return independent, "independent"
