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

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from .. import tokens
from ..engines.judges import Judges
from ..engines.pairs import PairJudge
from ..entities import name_key, same_named
from ..lexicon import (
    ATTRIBUTION_VERBS,
    LIGHT_VERBS,
    NAME_LIST_JOINERS,
    NEGATION_CUES,
    NOT_NAME_WORDS,
    SOURCE_PREPOSITIONS,
    SPEECH_VERBS,
)
from ..model import Claim, Token
from ..settings import VerdictSettings
from ..text import content_words, merge_best_first
from .common import Ref, common_words
from .negation import polarity
from .quantity import figures_agree
from .time import dates_agree


def _named_subject(ref: Ref) -> str | None:
    """A claim's subject when it is a name ("Ana Ruiz"; "The Port Authority" is not)."""
    c = ref.claim
    first = next(iter(ref.analysis.tokens_between(c.subject_start, c.subject_end)), None)
    if not c.subject or first is None:
        return None
    if not first.text[:1].isupper() or first.text.lower() in NOT_NAME_WORDS:
        return None
    return c.subject


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
    names_a = {name_key(e.text) for e in a.entities} - {""}
    names_b = {name_key(e.text) for e in b.entities} - {""}
    shared = {n for n in names_a & names_b if not set(n.split()) & (subj_a | subj_b)}
    return bool(shared)


def contains(a: Sequence[Token], b: Sequence[Token], share: float, min_words: int = 5) -> bool:
    """Whether the shorter span's content words stand, ``share`` of them at least, in the
    longer one, and so do its words in lower case (what it says happened, not only whom
    it names: a list of the same countries is not the same fact): the longer states what
    the shorter does, and more ("The president said the claim is nonsense" in "The
    president said the claim is nonsense, but ...").

    Args:
        a: The tokens of one span (a claim's, a sentence's, what a claim reports).
        b: The tokens of the other.
        share: Part of the shorter's words the longer must hold.
        min_words: Content words the shorter needs at least.
    """
    wa, wb = content_words(tokens.as_written(a)), content_words(tokens.as_written(b))
    if len(wa) > len(wb):
        a, b, wa, wb = b, a, wb, wa
    if not _holds(wa, wb, share, min_words):
        return False
    ca = common_words(a)
    # a short statement may word one thing its own way ("state mediator" / "mediator")
    return len(ca) >= 2 and len(ca & common_words(b)) >= min(share * len(ca), len(ca) - 1)


def negated(span: Sequence[Token]) -> bool:
    """Whether a span holds a negation anywhere ("pleaded not guilty", "never met")."""
    return any(t.dep == "neg" or t.lemma in NEGATION_CUES or t.text.lower() in NEGATION_CUES
               for t in span)


def _names_in(ref: Ref) -> list[str]:
    """The names of a claim's subject, listed ones apart ("Ana Ruiz and Carl Berg"): its
    tokens parted at ``NAME_LIST_JOINERS``."""
    c = ref.claim
    parts: list[list[Token]] = [[]]
    for t in ref.analysis.tokens_between(c.subject_start, c.subject_end):
        if t.text.lower() in NAME_LIST_JOINERS:
            parts.append([])
        else:
            parts[-1].append(t)
    return [tokens.as_written(p) for p in parts if p and p[0].text[:1].isupper()]


def _same_subjects(a: Ref, b: Ref) -> bool:
    """Whether two claims' subjects can name the same doers: both names (or lists of names)
    name the same people, in any order; a subject that is not a name matches anything."""
    sa, sb = _named_subject(a), _named_subject(b)
    if not sa or not sb or sa.lower() == sb.lower():
        return True
    na, nb = _names_in(a), _names_in(b)
    if len(na) != len(nb):
        return False
    return all(any(same_named(x, y) for y in nb) for x in na) and all(
        any(same_named(y, x) for x in na) for y in nb
    )


# What a reporting verb governs besides what is reported: who reports, to whom, when, how
# and in what circumstance ("Speaking on Friday, the union's spokeswoman told the Herald
# that A, adding B"); a connective before it ("But") opens the sentence, not the report.
_ATTRIBUTION_DEPS = frozenset({"nsubj", "aux", "advmod", "npadvmod", "prep", "dobj", "dative",
                               "advcl"})


def _span_root(span: Sequence[Token], t: Token) -> bool:
    """Whether a token heads its span (its head is itself or outside the span)."""
    return t.head == t.index or not any(u.index == t.head for u in span)


def _without_source(span: Sequence[Token]) -> list[Token]:
    """A span without its "according to X" (a source preposition on the verb, its phrase
    and the punctuation closing it)."""
    by_index = {t.index: t for t in span}
    dropped: set[int] = set()
    for t in span:
        head = by_index.get(t.head)
        if (t.dep == "prep" and t.text.lower() in SOURCE_PREPOSITIONS
                and head is not None and head.pos in ("VERB", "AUX")):
            phrase = tokens.subtree(span, t)
            dropped |= {u.index for u in phrase}
            closing = by_index.get(phrase[-1].index + 1)
            if closing is not None and closing.pos == "PUNCT":
                dropped.add(closing.index)
    return [t for t in span if t.index not in dropped]


def _without_speaker(span: Sequence[Token]) -> list[Token]:
    """A span without who reports it (:func:`_attribution` of each reporting verb)."""
    dropped: set[int] = set()
    for t in span:
        if t.lemma in ATTRIBUTION_VERBS and t.pos == "VERB":
            dropped |= _attribution(span, t)
    return [u for u in span if u.index not in dropped]


def _attribution(span: Sequence[Token], verb: Token) -> set[int]:
    """The tokens that say who reports what a span reports, for one reporting verb: the
    verb heading the span (or told as an aside: "A, X said") with what it governs besides
    what is reported (``_ATTRIBUTION_DEPS``, a connective before it, and the punctuation
    setting them off), and the "that" opening what is reported. None for a denied or
    passive report ("did not say", "is said to"), one that reports two statements, or a
    verb with no reported clause that is not told after what it reports ("Trump announced
    the tariffs", "X writes about Y": what it states is the fact)."""
    if not (_span_root(span, verb) or verb.dep == "parataxis"):
        return set()
    children = [u for u in span if u.head == verb.index and u.index != verb.index]
    said = [u for u in children if u.dep == "ccomp"]
    if len(said) > 1 or any(u.dep in ("neg", "auxpass", "nsubjpass") for u in children):
        return set()
    dropped = {verb.index}
    for u in children:
        if u.dep in _ATTRIBUTION_DEPS or (u.dep == "cc" and u.index < verb.index):
            dropped |= {v.index for v in tokens.subtree(span, u)}
    for clause in said:
        opening = tokens.subtree(span, clause)[0]
        if opening.dep == "mark" and opening.head == clause.index:
            dropped.add(opening.index)
    dropped |= {u.index for u in children if u.pos == "PUNCT"
                and (u.index - 1 in dropped or u.index + 1 in dropped)}
    if not said and verb.dep != "parataxis" and any(
        u.index > verb.index and u.index not in dropped for u in tokens.words(span)
    ):
        return set()
    return dropped


def reported_span(ref: Ref) -> list[Token]:
    """The tokens of what a claim reports, without who reports it: "X said that A", "A, X
    said", "A, said X", "according to X, A" -> A. Each cut keeps at least four words, else
    the claim stays whole."""
    kept = list(tokens.of_claim(ref.analysis, ref.claim))
    for cut in (_without_source, _without_speaker):
        rest = cut(kept)
        if len(tokens.words(rest)) >= 4:
            kept = rest
    return kept


def reported(ref: Ref) -> str:
    """What a claim reports, without who reports it (:func:`reported_span`), as written.
    Two outlets often quote one statement under different attributions ("the agent
    said", "CBP's chief said"); the judge compares the statements (attribution is
    compared on its own, as a conflict of who said it)."""
    kept = reported_span(ref)
    text = tokens.as_written(kept) if kept else ref.claim.text
    return text.strip(" \"“”',.;:") or ref.claim.text


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
        self._rules: dict[tuple[str, str], bool | None] = {}
        self._own: dict[str, tuple[bool, tuple[Token, ...], bool]] = {}
        self._statements: dict[str, tuple[list[Token], str]] = {}
        self._best = _best_matches(list(refs.values()), similarity,
                                   settings.corroboration_similarity)

    def __call__(self, a: Ref, b: Ref) -> bool:
        key = _key(a, b)
        if key not in self._cache:
            self._cache[key] = self._same(a, b)
        return self._cache[key]

    def _statement(self, ref: Ref) -> tuple[list[Token], str]:
        """What a claim reports without who reports it: its tokens and its text (cached)."""
        cid = ref.claim.id
        if cid not in self._statements:
            self._statements[cid] = (reported_span(ref), reported(ref))
        return self._statements[cid]

    def _own_reading(self, ref: Ref) -> tuple[bool, tuple[Token, ...], bool]:
        """A claim's polarity, its tokens and whether they hold a negation (cached: a
        claim is compared with many)."""
        cid = ref.claim.id
        if cid not in self._own:
            span = tokens.of_claim(ref.analysis, ref.claim)
            self._own[cid] = (polarity(ref.claim, ref.analysis), span, negated(span))
        return self._own[cid]

    def _by_rules(self, a: Ref, b: Ref) -> bool | None:
        """True or False when the rules decide alone, None when the judge must read
        (cached: :meth:`prefetch` and the question itself both ask)."""
        key = (a.claim.id, b.claim.id)
        if key not in self._rules:
            self._rules[key] = self._rules_decide(a, b)
        return self._rules[key]

    def _rules_decide(self, a: Ref, b: Ref) -> bool | None:
        s = self.settings
        polar_a, span_a, negated_a = self._own_reading(a)
        polar_b, span_b, negated_b = self._own_reading(b)
        if polar_a != polar_b:
            return False
        if negated_a != negated_b:
            return False  # "pleaded guilty" / "pleaded not guilty"
        if not _same_subjects(a, b):
            return False
        wa, wb = content_words(a.claim.text), content_words(b.claim.text)
        if len(wa & wb) < min(s.min_shared_words, len(wa), len(wb)):
            return False  # one shared name is a topic, not a fact
        if not figures_agree(a.claim, b.claim, s.quantity_tolerance):
            return False  # "more than 100,000 supporters" / "28,000 attendees"
        if not dates_agree(a, b, s.date_tolerance_days):
            return False  # "closed on Monday" / "closed on Tuesday"
        if contains(span_a, span_b, s.containment) or contains(
            self._statement(a)[0], self._statement(b)[0], s.containment
        ):
            return True
        return None

    def prefetch(self, candidates: Sequence[tuple[Ref, Ref]]) -> None:
        """Score in one batch every pair of ``candidates`` the judge will be asked about."""
        judges = self.judges
        if judges is None:
            return
        texts = [(self._statement(a)[1], self._statement(b)[1], self.similarity(a, b),
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
                self._statement(a)[1], self._statement(b)[1], cos, ask=_key(a, b) in self._best
            )
            if verdict is not None:
                return verdict
        p = max(self.pairs.probability(a.claim.text, b.claim.text, cos),
                self.pairs.probability(self._statement(a)[1], self._statement(b)[1], cos))
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
    """Each claim's closest claim in every other report (cosine at least ``floor``; the
    first of equals in story order): the pairs the fact judge reads whatever the cheap
    pair judge says. The cost stays linear in the claims: one pair per claim and other
    report."""
    by_report: dict[str, list[Ref]] = {}
    for r in refs:
        by_report.setdefault(r.article, []).append(r)
    block = getattr(similarity, "block", None)
    out: set[tuple[str, str]] = set()
    for x, xs in by_report.items():
        for y, ys in by_report.items():
            if x == y:
                continue
            cosines = block(x, y) if block is not None else None
            if cosines is None:
                cosines = np.array([[similarity(a, b) for b in ys] for a in xs])
            else:
                rows = [a.claim.sentence for a in xs]
                cosines = cosines[np.ix_(rows, [b.claim.sentence for b in ys])]
            cosines = cosines.astype(np.float64)
            best = cosines.argmax(axis=1)
            out.update(_key(a, ys[j]) for a, j, row in zip(xs, best, cosines, strict=True)
                       if row[j] >= floor)
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
    roots = [source(r.article) for r in refs]
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(refs):
        for j in range(i + 1, len(refs)):
            if roots[i] == roots[j]:
                continue
            b = refs[j]
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


def _wording(ref: Ref) -> str:
    """The words of a claim's sentence for comparing wording: case, quote marks,
    punctuation and spacing aside."""
    said = tokens.words(tokens.of_sentence(ref.analysis, ref.claim.sentence))
    return " ".join(t.text.translate(_QUOTE_MARKS).lower() for t in said)


def shared_wording(a: Ref, b: Ref, min_words: int) -> bool:
    """Whether two claims' sentences are one sentence word for word (wire copy, or one
    outlet reprinting another's text): the same words, or the shorter's words (at least
    ``min_words``) a run of the longer's."""
    wa, wb = _wording(a), _wording(b)
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
