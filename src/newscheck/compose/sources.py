"""Source cards: how far to trust each report of a story, and why.

A card reads only signals the engine has verified, never loose resemblance: a report
gains nothing from sounding like the others, only from stating facts other independent
reports state (:mod:`newscheck.verdicts.corroboration`: the same fact, not the same
topic).

The scale is 0-100 points (the contract's ``score`` is points / 100). A report starts at
``SourceSettings.baseline`` (50: nothing found for or against it) and each ground moves
it by a stated number of points, each ground capped (weights in
:class:`~newscheck.settings.SourceSettings`):

* ``+`` facts corroborated by other independent reports, counting a disputed fact where
  it stands on the side more reports take (``per_corroborated``, at most
  ``max_corroborated``);
* ``+`` distinct people or bodies quoted or cited by name (five quotes of one official
  are one source: names are matched as :func:`newscheck.entities.same_person` does,
  "Mary Jones" ~ "Jones" ~ "Ms. Jones");
* ``+`` distinct checkable specifics it gives: names, numbers, dates and times, places;
* ``-`` disputes where it stands on a side fewer independent reports take (its figure,
  date or name is the odd one out);
* ``-`` offices it gives to someone more reports say no longer holds them, or to
  someone other than the holder more reports name (``stale-role``; counted instead of,
  not besides, the contradiction);
* ``-`` distinct anonymous sources, by their description ("a senior official").

Single-source facts are neutral: a report alone on the scene is not unreliable for it.
They are shown as "original reporting: N facts no other report has". Hedging, a dispute
without a majority and being a syndicated copy are stated and flagged, and move nothing.
``reasons`` lead with the grounds that moved the score, most points first, each as
``"+6: 2 facts corroborated by other reports"``; the neutral lines follow. The points of
the reasons add up to the score (``baseline`` + their sum, clipped to 0..100; a clipped
score says so).

Flags: ``contradicted`` (on a minority side of a dispute), ``stale-role``, ``unspecific``
(specificity below ``unspecific_below``), ``anonymous-sources`` (at least
``anonymous_share`` of two or more distinct sources unnamed), ``hedged`` (at least
``hedged_share`` of its claims hedged), ``vague`` (fewer than ``vague_per_100`` specifics
per 100 words, or most sentences carrying no claim with a checkable slot), ``copy`` (a
syndicated copy of another report).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import entities
from ..lexicon import DESCRIPTION_LEADS, FORMER_ROLE_PREFIXES
from ..model import Analysis, Claim, Conflict, SourceCard, StoryClaim
from ..settings import SourceSettings
from ..tokens import glued

_DEFAULT = SourceSettings()


def specifics(analysis: Analysis) -> int:
    """Distinct checkable specifics a report gives: names, numbers, dates, places."""
    seen: set[tuple[str, str]] = set()
    for c in analysis.claims:
        seen |= {("entity", e.text.lower()) for e in c.entities}
        seen |= {("number", q.text.lower()) for q in c.quantities}
        seen |= {("time", t.text.lower()) for t in c.times}
        seen |= {("place", p.lower()) for p in c.places}
    return len(seen)


def _slots(claim: Claim) -> int:
    return (
        len(claim.quantities)
        + len(claim.times)
        + len(claim.entities)
        + len(claim.roles)
        + len(claim.places)
    )


def _same_source(a: str, b: str) -> bool:
    return (
        entities.name_key(a) == entities.name_key(b)
        or entities.same_person(a, b)
        or entities.same_org(a, b)
    )


def distinct_named(names: Sequence[str]) -> list[str]:
    """The distinct people (or bodies) among names as written, each by its fullest form.

    "Mary Jones", "Jones" and "Ms. Jones" are one; "Ana Ruiz" and "Alberto Ruiz" two.
    """
    groups: list[list[str]] = []
    for name in names:
        if not name or not name.strip():
            continue
        for g in groups:
            if any(_same_source(name, other) for other in g):
                g.append(name)
                break
        else:
            groups.append([name])
    return [max(g, key=lambda n: (len(n.split()), len(n))) for g in groups]


def _description_key(text: str) -> str:
    t = " ".join(text.lower().split())
    for lead in DESCRIPTION_LEADS:
        if t.startswith(lead):
            return t[len(lead):]
    return t


def distinct_anonymous(descriptions: Sequence[str]) -> list[str]:
    """Unnamed sources by description, as first written ("a senior official" and "the
    senior official" are one)."""
    seen: dict[str, str] = {}
    for d in descriptions:
        d = " ".join((d or "an unnamed source").split())
        seen.setdefault(_description_key(d), d)
    return list(seen.values())


@dataclass(slots=True)
class _Dispute:
    """Where one report stands in one conflict."""

    topic: str
    value: str
    other: str
    others: int
    minority: bool
    stale: bool
    backed: bool


def _support(conflict: Conflict, copy_of: Mapping[str, str]) -> list[int]:
    return [
        len({copy_of.get(e.article, e.article) for e in side.evidence}) for side in conflict.sides
    ]


def _disputes(
    conflict: Conflict, copy_of: Mapping[str, str], settings: SourceSettings
) -> dict[str, _Dispute]:
    """Each report's standing in a conflict, by article id.

    A side is in the minority when another side has more independent reports. A stale
    side names someone in an office they no longer hold: in a ``person`` conflict the
    minority side; in a ``role`` conflict the side calling the person current, unless
    more reports call them current than former (then the report saying "former" is
    contradicted, not stale; on a tie, knowing a person is former is the newer news).
    A side is backed when it alone has the most independent reports, at least
    ``settings.backed_min_reports``.
    """
    support = _support(conflict, copy_of)
    top = max(support)
    unique_top = support.count(top) == 1 and top >= settings.backed_min_reports
    gone = max(
        (n for side, n in zip(conflict.sides, support)
         if side.value.lower().startswith(FORMER_ROLE_PREFIXES)),
        default=0,
    )
    out: dict[str, _Dispute] = {}
    for i, (side, n) in enumerate(zip(conflict.sides, support)):
        minority = n < top
        stale = (minority and conflict.kind == "person") or (
            conflict.kind == "role"
            and not side.value.lower().startswith(FORMER_ROLE_PREFIXES)
            and gone >= n
        )
        rivals = [(m, s.value) for j, (s, m) in enumerate(zip(conflict.sides, support)) if j != i]
        others, other = max(rivals, default=(0, ""), key=lambda r: r[0])
        for e in side.evidence:
            out.setdefault(e.article, _Dispute(
                topic=conflict.topic, value=side.value, other=other, others=others,
                minority=minority, stale=stale, backed=unique_top and n == top,
            ))
    return out


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _named(disputes: Sequence[_Dispute], settings: SourceSettings) -> str:
    """The first ``settings.named_disputes`` disputes, each with what the report and the
    others say, then "and N more"."""
    shown = settings.named_disputes
    parts = [
        f"{d.topic} (it says '{d.value}'; {_plural(d.others, 'other report')} "
        f"{'says' if d.others == 1 else 'say'} '{d.other}')"
        for d in disputes[:shown]
    ]
    if len(disputes) > shown:
        parts.append(f"and {len(disputes) - shown} more")
    return "; ".join(parts)


def _points(n: int, per: float, cap: float) -> int:
    return round(min(cap, per * n))


def score_sources(
    analyses: Sequence[Analysis],
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict],
    copy_of: Mapping[str, str],
    settings: SourceSettings = _DEFAULT,
) -> list[SourceCard]:
    """Score each report of a story (scale, grounds and flags in the module docstring).

    Args:
        analyses: The story's reports.
        claims: The story's claims with their verdicts.
        conflicts: The story's conflicts.
        copy_of: Copy article id -> original id.
        settings: The card's weights and thresholds (``Settings.sources``).

    Returns:
        One card per report, in the order of ``analyses``.
    """
    status_of: dict[str, str] = {}
    for sc in claims:
        for member in sc.members:
            status_of[member] = sc.status
    # sources a report cites without quoting them ("according to a senior official")
    asserters: dict[str, list[tuple[str, bool]]] = {}
    for sc in claims:
        for e in sc.evidence:
            if e.asserter:
                asserters.setdefault(e.article, []).append((e.asserter, e.asserter_anonymous))
    standing: dict[str, list[_Dispute]] = {}
    for conflict in conflicts:
        for aid, d in _disputes(conflict, copy_of, settings).items():
            standing.setdefault(aid, []).append(d)
    return [
        _card(
            _Grounds(analysis, status_of, asserters.get(analysis.article.id, []),
                     standing.get(analysis.article.id, []), copy_of),
            settings,
        )
        for analysis in analyses
    ]


class _Grounds:
    """What one report's card is scored from: its claims' verdicts, its sources, its
    standing in the story's disputes and its specifics."""

    def __init__(
        self,
        analysis: Analysis,
        status_of: Mapping[str, str],
        cited: Sequence[tuple[str, bool]],
        mine: Sequence[_Dispute],
        copy_of: Mapping[str, str],
    ) -> None:
        self.analysis = analysis
        self.own = analysis.claims
        listed = [status_of[c.id] for c in self.own if c.id in status_of]
        self.counts = {k: listed.count(k) for k in ("corroborated", "contested", "single_source")}
        self.named_quotes = sum(1 for q in analysis.quotes if not q.anonymous)
        self.people = distinct_named(
            [q.speaker for q in analysis.quotes if not q.anonymous and q.speaker]
            + [name for name, anon in cited if not anon]
        )
        self.unnamed = distinct_anonymous(
            [q.speaker or "" for q in analysis.quotes if q.anonymous]
            + [name for name, anon in cited if anon]
        )
        self.mine = list(mine)
        self.stale = [d for d in mine if d.stale]
        self.contradicted = [d for d in mine if d.minority and not d.stale]
        self.undecided = [d for d in mine if not d.minority and not d.stale and not d.backed]
        self.backed = min(self.counts["contested"], sum(d.backed for d in mine))
        self.specifics = specifics(analysis)
        article = analysis.article
        body = analysis.tokens_between(article.body_start, len(article.text))
        body_words = max(1, len(glued(body)))  # words as written, between spaces
        self.density = 100.0 * self.specifics / body_words
        self.hedged = sum(c.hedged for c in self.own)
        self.copy = article.id in copy_of or bool(article.copy_of)


def _moves(g: _Grounds, s: SourceSettings) -> list[tuple[int, str]]:
    """The grounds that move the score, each with its signed points (0 for none)."""
    moved: list[tuple[int, str]] = []
    n_corr = g.counts["corroborated"] + g.backed
    if n_corr:
        text = f"{_plural(n_corr, 'fact')} corroborated by other reports"
        if g.backed:
            text += f" ({g.backed} of them disputed, on the side more reports take)"
        moved.append((_points(n_corr, s.per_corroborated, s.max_corroborated), text))
    if g.people:
        n_named = sum(1 for q in g.analysis.quotes if not q.anonymous and q.speaker)
        text = f"{_plural(len(g.people), 'person', 'people')} quoted or cited by name"
        if n_named > len(g.people):
            text += f" ({_plural(n_named, 'quote')})"
        moved.append((_points(len(g.people), s.per_named_source, s.max_named_sources), text))
    specifics_text = (
        f"{_plural(g.specifics, 'checkable specific')} (names, numbers, dates, places; "
        f"{g.density:.1f} per 100 words)"
    )
    moved.append((_points(g.specifics, s.per_specific, s.max_specifics), specifics_text))
    if g.contradicted:
        moved.append((
            -_points(len(g.contradicted), s.per_contradicted, s.max_contradicted),
            f"{_plural(len(g.contradicted), 'fact')} contradicted by more reports: "
            + _named(g.contradicted, s),
        ))
    if g.stale:
        moved.append((
            -_points(len(g.stale), s.per_stale, s.max_stale),
            f"out of date on {_plural(len(g.stale), 'office')}: " + _named(g.stale, s),
        ))
    if g.unnamed:
        moved.append((
            -_points(len(g.unnamed), s.per_anonymous_source, s.max_anonymous_sources),
            f"{_plural(len(g.unnamed), 'anonymous source')}: "
            + ", ".join(f"'{d}'" for d in g.unnamed),
        ))
    return moved


def _stated(g: _Grounds, s: SourceSettings) -> list[str]:
    """What is stated on the card and moves nothing."""
    out = []
    if g.counts["single_source"]:
        out.append(
            f"original reporting: {_plural(g.counts['single_source'], 'fact')} "
            "no other report has"
        )
    if g.undecided:
        out.append(
            f"{_plural(len(g.undecided), 'fact')} disputed with no majority either way: "
            + _named(g.undecided, s)
        )
    if g.hedged:
        out.append(f"{g.hedged} of {_plural(len(g.own), 'claim')} hedged")
    if g.copy:
        out.append("a copy of another report: counts as that source, not as confirmation")
    return out


def _flags(g: _Grounds, s: SourceSettings) -> list[str]:
    specificity = (
        s.specificity_density_weight * min(1.0, g.density / s.full_specifics_per_100)
        + s.specificity_sources_weight * min(1.0, len(g.people) / s.full_named_sources)
    )
    n_sources = len(g.people) + len(g.unnamed)
    body = [x for x in g.analysis.sentences if not x.is_title]
    checkable = {c.sentence for c in g.own if _slots(c)}
    checkable_share = len(checkable) / len(body) if body else 0.0
    flags: list[str] = []
    if any(d.minority for d in g.mine):
        flags.append("contradicted")
    if g.stale:
        flags.append("stale-role")
    if specificity < s.unspecific_below:
        flags.append("unspecific")
    if n_sources >= 2 and len(g.unnamed) / n_sources >= s.anonymous_share:
        flags.append("anonymous-sources")
    if g.own and g.hedged / len(g.own) >= s.hedged_share:
        flags.append("hedged")
    if g.density < s.vague_per_100 or checkable_share < s.vague_checkable_share:
        flags.append("vague")
    if g.copy:
        flags.append("copy")
    return flags


def _card(g: _Grounds, s: SourceSettings) -> SourceCard:
    """The card: baseline plus the moving grounds' points, clipped to 0..100."""
    moved = _moves(g, s)
    neutral = [text for pts, text in moved if pts == 0]
    moved = sorted(((p, t) for p, t in moved if p), key=lambda m: -abs(m[0]))
    raw = s.baseline + sum(p for p, _ in moved)
    points = min(100.0, max(0.0, raw))
    neutral += _stated(g, s)
    if points != raw:
        neutral.append(f"score held at {points:.0f} (its points add up to {raw:.0f})")
    return SourceCard(
        article=g.analysis.article.id,
        score=round(points / 100.0, 3),
        corroborated=g.counts["corroborated"],
        contested=g.counts["contested"],
        single_source=g.counts["single_source"],
        anonymous_quotes=len(g.analysis.quotes) - g.named_quotes,
        named_quotes=g.named_quotes,
        flags=tuple(_flags(g, s)),
        specifics_per_100_words=round(g.density, 2),
        reasons=tuple([f"{p:+d}: {t}" for p, t in moved] + neutral),
        named_sources=len(g.people),
        anonymous_sources=len(g.unnamed),
        anonymous_descriptions=tuple(g.unnamed),
    )
