"""What the conflict rules share: claims with their report (:class:`Ref`), findings and
their sides (:class:`Finding`), clusters of agreeing values, evidence, names, and the view
of one story every rule reads (:class:`StoryView`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .. import tokens
from ..entities import EntityTable, same_named
from ..lexicon import LEADING_FUNCTION_WORDS
from ..model import (
    Analysis,
    Claim,
    ClaimGroup,
    ConflictKind,
    Evidence,
    Token,
)
from ..settings import VerdictSettings
from ..text import content_words, lexical_similarity, stem

STATUS_RANK = {"corroborated": 0, "contested": 1, "single_source": 2}
"""Story claims are listed corroborated first, then contested, then single-source."""


# --------------------------------------------------------------------------- bookkeeping


@dataclass(frozen=True, slots=True)
class Ref:
    """A claim with the report it comes from."""

    claim: Claim
    analysis: Analysis
    report: int
    order: int

    @property
    def article(self) -> str:
        return self.claim.article

    def evidence(self) -> Evidence:
        s = self.analysis.sentences[self.claim.sentence]
        who = self.claim.attributed_to
        anonymous = who is not None and any(
            q.anonymous and q.speaker == who for q in self.analysis.quotes
        )
        return Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end,
                        asserter=who, asserter_anonymous=anonymous)

    def prominence(self) -> float:
        s = self.analysis.sentences[self.claim.sentence]
        position = 1.0 if s.is_title else 1.0 / (1.0 + s.paragraph)
        return 0.5 * self.claim.salience + 0.5 * position


@dataclass(slots=True)
class Finding:
    """A disagreement before it becomes a :class:`Conflict`: sides are claim ids."""

    kind: ConflictKind
    topic: str
    values: list[str]
    sides: list[list[str]]
    note: str
    parts: list[str] | None = None
    """Per-side pieces of the note (rebuilt when sides are dropped), with ``suffix``."""
    suffix: str = ""

    @classmethod
    def compared(
        cls,
        *,
        kind: ConflictKind,
        topic: str,
        values: list[str],
        sides: list[list[str]],
        parts: list[str],
        suffix: str = "",
    ) -> Finding:
        """A finding whose note compares one piece per side: "'a' (..) vs 'b' (..)"."""
        return cls(
            kind=kind,
            topic=topic,
            values=values,
            sides=sides,
            note=" vs ".join(parts) + suffix,
            parts=parts,
            suffix=suffix,
        )


def index_claims(analyses: Sequence[Analysis]) -> dict[str, Ref]:
    """Every claim of the story's reports by id, in story order."""
    refs: dict[str, Ref] = {}
    for r, analysis in enumerate(analyses):
        for claim in analysis.claims:
            refs[claim.id] = Ref(claim=claim, analysis=analysis, report=r, order=len(refs))
    return refs


def cluster(items: Sequence[tuple[str, object]], agree) -> list[list[tuple[str, object]]]:
    """The sides of a disagreement over (claim id, value) items: every value of a side
    agrees with the others of its side and with no value of another side.

    Agreement is not transitive ("in March" agrees with "on March 3" and with "on March
    20", which disagree): such a value sits between sides and takes none. Items join
    their side by agreement (the parts of the agreement graph); while a part holds two
    values that disagree, the value agreeing with the most others of it (the vaguest;
    the later on a tie) is set aside. Deterministic in input order: sides in the order
    of their first item, items in input order.
    """
    kept = list(range(len(items)))
    links = {
        (i, j): bool(agree(items[i][1], items[j][1]))
        for i in kept for j in kept if i < j
    }

    def agrees(i: int, j: int) -> bool:
        return i == j or links[(min(i, j), max(i, j))]

    while True:
        parts = _parts(kept, agrees)
        loose = [p for p in parts if any(not agrees(i, j) for i in p for j in p)]
        if not loose:
            return [[items[i] for i in p] for p in parts]
        part = loose[0]
        vaguest = max(part, key=lambda i: (sum(agrees(i, j) for j in part), i))
        kept.remove(vaguest)


def _parts(kept: Sequence[int], agrees) -> list[list[int]]:
    """The connected parts of the agreement graph over ``kept``, in input order."""
    parts: list[list[int]] = []
    for i in kept:
        joined = [p for p in parts if any(agrees(i, j) for j in p)]
        merged = sorted([i, *(j for p in joined for j in p)])
        parts = [p for p in parts if p not in joined] + [merged]
    return sorted(parts)


def short(text: str, words: int = 10) -> str:
    parts = text.rstrip(" .!?").split()
    out = " ".join(parts[:words])
    return out + ("…" if len(parts) > words else "")


def lower_first(text: str) -> str:
    """Lower-case a leading function word ("The strike" -> "the strike"), keep names."""
    first, _, rest = text.partition(" ")
    if first.lower() in LEADING_FUNCTION_WORDS:
        return f"{first.lower()} {rest}".strip()
    return text


def verb_as_written(claim: Claim, analysis: Analysis) -> str | None:
    """The predicate's form as written in the claim: the word of its verb frame in its
    report (the parse reads "born" as "bear", "began" as "begin"), else the first word of
    its span with the predicate's stem ("leaked" for lemma "leak")."""
    if not claim.predicate:
        return None
    own = tokens.words(tokens.of_claim(analysis, claim))
    framed = _frame_word(claim, analysis)
    # a dash the parser took for a verb is no word of the claim
    if framed and framed[-1].isalnum() and any(t.text.lower() == framed.lower() for t in own):
        return framed.lower()
    target, inflected = stem(claim.predicate), claim.predicate.lower() + "s"
    for t in own:
        word = t.text.lower()
        if word.isalpha() and stem(word) == target and word != inflected:
            return word
    return None


def _frame_word(claim: Claim, analysis: Analysis) -> str | None:
    """The verb as written of the claim's frame: the frame of its sentence whose verb is
    its predicate, inside its span (as :func:`newscheck.engines.judges.trigger_of`)."""
    lemma = (claim.predicate or "").lower()
    for f in analysis.frames:
        if (f.sentence == claim.sentence and f.verb.lower() == lemma
                and (claim.start < 0 or claim.start <= f.start < max(claim.end, f.start + 1))):
            return analysis.article.text[f.start : f.end] or None
    return None


def common_words(span: Iterable[Token]) -> frozenset[str]:
    """Content words of a span (its tokens) written in lower case: what a clause says
    happened, not who or where."""
    return content_words(" ".join(t.text for t in tokens.words(span) if t.text[:1].islower()))


# --------------------------------------------------------------------------- conflicts


def settle_sides(
    finding: Finding, refs: Mapping[str, Ref], source: Callable[[str], str]
) -> Finding | None:
    """Put each independent source (a report with its copies, ``source`` of an article
    id) on one side at most: its majority side, or none on a tie. A copy is no side
    against its original. A side's value is what its sentences say: a side that lost
    the claims writing its value is dropped."""
    counts: dict[str, list[int]] = {}
    for s, ids in enumerate(finding.sides):
        for cid in ids:
            counts.setdefault(source(refs[cid].article), [0] * len(finding.sides))[s] += 1
    home: dict[str, int | None] = {}
    for origin, per_side in counts.items():
        best = max(per_side)
        winners = [s for s, n in enumerate(per_side) if n == best]
        home[origin] = winners[0] if len(winners) == 1 else None
    values: list[str] = []
    sides: list[list[str]] = []
    parts: list[str] = []
    for s, ids in enumerate(finding.sides):
        kept = [cid for cid in ids if home[source(refs[cid].article)] == s]
        if len(kept) < len(ids) and not _says(finding.values[s], kept, refs):
            kept = []  # its value was a dropped claim's: the side no longer says it
        if kept:
            values.append(finding.values[s])
            sides.append(kept)
            if finding.parts:
                parts.append(finding.parts[s])
    if len(sides) < 2:
        return None
    if finding.parts:
        return Finding.compared(
            kind=finding.kind,
            topic=finding.topic,
            values=values,
            sides=sides,
            parts=parts,
            suffix=finding.suffix,
        )
    return Finding(
        kind=finding.kind, topic=finding.topic, values=values, sides=sides, note=finding.note
    )


def _says(value: str, ids: Iterable[str], refs: Mapping[str, Ref]) -> bool:
    """Whether one of the claims' sentences writes the value (case aside)."""
    wanted = " ".join(value.lower().split())
    return any(
        wanted in " ".join(refs[c].analysis.sentences[refs[c].claim.sentence].text.lower().split())
        for c in ids
    )


def evidence(ids: Iterable[str], refs: Mapping[str, Ref]) -> tuple[Evidence, ...]:
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for cid in sorted(ids, key=lambda c: refs[c].order):
        ref = refs[cid]
        key = (ref.article, ref.claim.sentence)
        if key not in seen:
            seen.add(key)
            out.append(ref.evidence())
    return tuple(out)


# --------------------------------------------------------------------------- the story


def relatedness(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    refs: Mapping[str, Ref],
    threshold: float,
):
    """A test of whether two claims speak of related things: aligned in one group, or
    sentences closer than ``threshold`` (cosine; Ochiai word overlap of 0.3 without
    vectors)."""
    group_of = {c: g for g, group in enumerate(groups) for c in group.claims}
    similarity = sentence_similarity(analyses)

    def related(a: Ref, b: Ref, slack: float = 0.0) -> bool:
        ga, gb = group_of.get(a.claim.id), group_of.get(b.claim.id)
        if ga is not None and ga == gb:
            return True
        return similarity(a, b) >= threshold - slack

    return related


def sentence_similarity(analyses: Sequence[Analysis]) -> SentenceSimilarity:
    """Closeness of two claims' sentences (see :class:`SentenceSimilarity`)."""
    return SentenceSimilarity(analyses)


class SentenceSimilarity:
    """Closeness of two claims' sentences: their cosine, or without vectors the Ochiai word
    overlap shifted so that its 0.3 threshold lines up with a cosine of 0.45.

    Call it on two claims. The cosines of two reports' sentences are computed together, as
    one matrix per pair of reports (:meth:`block`), when first asked: a story's verdicts
    ask about most pairs of its claims, one at a time.
    """

    __slots__ = ("_blocks", "_vectors")

    def __init__(self, analyses: Sequence[Analysis]) -> None:
        self._vectors = {a.article.id: a.sentence_vectors for a in analyses}
        self._blocks: dict[tuple[str, str], np.ndarray | None] = {}

    def block(self, x: str, y: str) -> np.ndarray | None:
        """The cosines of report ``x``'s sentences (rows) to report ``y``'s (columns), or
        None when either has no vectors. Computed once per pair of reports, in one order,
        so that the cosine of two sentences is one number whichever is asked first."""
        if y < x:
            held = self.block(y, x)
            return None if held is None else held.T
        key = (x, y)
        if key not in self._blocks:
            vx, vy = self._vectors.get(x), self._vectors.get(y)
            self._blocks[key] = (
                None if vx is None or vy is None
                else np.asarray(vx, dtype=np.float32) @ np.asarray(vy, dtype=np.float32).T
            )
        return self._blocks[key]

    def __call__(self, a: Ref, b: Ref) -> float:
        block = self.block(a.article, b.article)
        if block is not None:
            return float(block[a.claim.sentence, b.claim.sentence])
        return lexical_similarity(content_words(a.claim.text), content_words(b.claim.text)) + 0.15


def subjects_overlap(a: Claim, b: Claim) -> bool:
    """Whether two claims' subjects share a content word (a missing subject overlaps any)."""
    if not a.subject or not b.subject:
        return True
    return bool(content_words(a.subject) & content_words(b.subject))


class Names:
    """Whether two names written in a story's reports denote one person or body.

    Entity ids first: when the story's entity table (:func:`newscheck.entities.resolve`,
    built once per story) resolves both names to entities, they are one exactly when the
    ids are equal ("Gaddafi" and "Qaddafi", "Mr. Kim" and "Kim Jong Un"); a name the
    table cannot place (a surname two people share) falls back to the name rules of
    :mod:`newscheck.entities`. Lookups are cached.
    """

    __slots__ = ("_cache", "table")

    def __init__(self, table: EntityTable | None = None) -> None:
        self.table = table
        self._cache: dict[tuple[str, str | None], str | None] = {}

    def id_of(self, text: str, article: str | None = None) -> str | None:
        """The story entity a name denotes, or None when the table cannot tell."""
        if self.table is None or not text:
            return None
        key = (text, article)
        if key not in self._cache:
            found = None
            for label in ("PERSON", "ORG", "GPE"):
                found = self.table.named(text, article, label)
                if found:
                    break
            self._cache[key] = found
        return self._cache[key]

    def same(self, a: str, b: str, article_a: str | None = None,
             article_b: str | None = None) -> bool:
        """Whether name ``a`` (written in ``article_a``) and ``b`` denote one entity."""
        ia, ib = self.id_of(a, article_a), self.id_of(b, article_b)
        if ia and ib:
            return ia == ib
        return same_named(a, b)


def holders_finding(
    kind: ConflictKind, topic: str, what: str, clusters: Sequence[Sequence[tuple[str, str]]],
    holders: str = "holders",
) -> Finding:
    """A finding that one place (an office, a rank) is given to different holders:
    ``clusters`` of (claim id, name as written), one cluster per holder."""
    names = [max((n for _, n in c), key=len) for c in clusters]
    return Finding(
        kind=kind,
        topic=topic,
        values=names,
        sides=[[cid for cid, _ in c] for c in clusters],
        note=" vs ".join(names) + f": different {holders} named as {what}",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryView:
    """What the conflict rules read of one story, built once per story by the judge.

    Attributes:
        analyses: The story's reports.
        groups: Its aligned claim groups.
        copy_of: Copy article id -> original id (a copy and its original are one source).
        settings: Tolerances and limits.
        refs: Every claim of the story by id, in story order.
        claims: The claims a rule compares: every claim of the story, or, for a rule run
            per aligned group, the group's claims.
        names: Whether two names denote one person or body (the story's entity table).
        related: Whether two claims speak of related things (one group, or close
            sentences); a third argument lowers the closeness needed.
        similarity: Closeness of two claims' sentences.
        in_group: Whether two claims stand in one aligned group.
        same_event: Whether the same-event judge reads two claims of different sources,
            dated next to their verbs, as one event (never, without the judge).
    """

    analyses: Sequence[Analysis]
    groups: Sequence[ClaimGroup]
    copy_of: Mapping[str, str]
    settings: VerdictSettings
    refs: Mapping[str, Ref]
    claims: tuple[Ref, ...]
    names: Names
    related: Callable[..., bool]
    similarity: Callable[[Ref, Ref], float]
    in_group: Callable[[Ref, Ref], bool]
    same_event: Callable[[Ref, Ref], bool]

    def source(self, article: str) -> str:
        """The independent source of an article: its original when it is a copy."""
        return self.copy_of.get(article, article)
