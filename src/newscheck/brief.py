"""The neutral brief of a story.

Everything here is extractive and deterministic: each brief sentence is a sentence of a
cited report, or a line built from the values the reports give (conflicts), or a
report's sentence marked as resting on it alone. Nothing is paraphrased. The story's
timeline is built in :mod:`newscheck.timeline`, the actors' positions in
:mod:`newscheck.positions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import (
    Analysis,
    BriefSentence,
    Conflict,
    Evidence,
    StoryClaim,
)
from .settings import BriefSettings

_FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "some",
        "most",
        "many",
        "several",
        "all",
        "about",
        "nearly",
        "more",
        "at",
        "in",
        "on",
        "after",
        "before",
        "during",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    }
)


def _name(analysis: Analysis | None, article: str) -> str:
    """The outlet, or "report a3" when the outlet is unknown (the id in the report)."""
    if analysis is not None and analysis.article.outlet:
        return analysis.article.outlet
    return f"report {article}"


_QUOTE_OPENERS = ('"', "“", "‘", "'")


def _is_quotation(sentence: str) -> bool:
    """A sentence that opens with a quote is someone's words, not the report's account."""
    return sentence.lstrip().startswith(_QUOTE_OPENERS)


def _value(conflict: Conflict, value: str) -> str:
    """A side's value as it reads inside a sentence ("Roughly 3,000" -> "roughly 3,000")."""
    if (
        conflict.kind in ("quantity", "date", "time")
        and value[:1].isupper()
        and not value[1:2].isupper()
    ):
        return value[0].lower() + value[1:]
    return value


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# A sentence that opens on a word pointing back ("It was closed", "Two of them were")
# does not stand alone: out of its article the reader cannot tell what it is about.
_ANAPHORIC = re.compile(
    r"^(it|its|they|their|them|he|his|she|her|this|these|those|that|there|both|the other|"
    r"(?:\w+ )?of (?:them|those|these))\b",
    re.IGNORECASE,
)


def _clean_sentence(text: str) -> bool:
    """A sentence fit to stand alone in the brief: a full sentence, no dangling quote."""
    words = text.split()
    return (
        len(words) >= 5
        and not _ANAPHORIC.match(text.lstrip("\"'“‘ "))
        and text.rstrip()[-1:] in {".", "!", "?", '"', "”"}
        and text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
    )


def _lower_first(text: str, analysis: Analysis | None = None, start: int | None = None) -> str:
    """Lower-case the first letter of a sentence set after a comma, keeping a name.

    A name is a named entity starting at the sentence (when the report's entities are
    given), an acronym ("HWU") or "I"; without entities only function words are lowered.
    """
    first = text.split(" ", 1)[0]
    if first.lower() in _FUNCTION_WORDS:
        return text[:1].lower() + text[1:]
    if analysis is None or start is None:
        return text
    word = first.strip("\"'“‘(")
    if word == "I" or (len(word) > 1 and word.isupper()):
        return text
    if any(e.start <= start < e.end for e in analysis.entities):
        return text
    return text[:1].lower() + text[1:]


def _is_headline(analysis: Analysis | None, evidence: Evidence) -> bool:
    if analysis is None:
        return False
    return any(s.is_title and s.start == evidence.start for s in analysis.sentences[:2])


def build_brief(
    analyses: Sequence[Analysis],
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict],
    settings: BriefSettings,
) -> list[BriefSentence]:
    """The story's neutral brief, every sentence citing the reports it rests on.

    First the most salient corroborated claims (the shortest clean sentence of their
    evidence, citing every report that makes the claim), then one line per conflict
    naming who says what, then the most salient single-source claims with a checkable
    detail, marked as resting on one report.

    Args:
        analyses: The story's reports (for outlet names).
        claims: The story's claims with their verdicts.
        conflicts: The story's conflicts, heaviest first.
        settings: How many corroborated and single-source lines to include.

    Returns:
        The brief, in reading order.
    """
    by_id = {a.article.id: a for a in analyses}
    out: list[BriefSentence] = []
    used: set[str] = set()

    def add(text: str, cites: Sequence[str]) -> None:
        if text not in used and cites:
            used.add(text)
            out.append(BriefSentence(text=text, cites=tuple(dict.fromkeys(cites))))

    raw = {c.id: c for a in analyses for c in a.claims}
    corroborated = sorted(
        (c for c in claims if c.status == "corroborated"),
        key=lambda c: -c.salience,
    )
    shown = 0
    for claim in corroborated:
        if shown >= settings.max_corroborated:
            break
        # A headline compresses (and often rounds or exaggerates): only body sentences
        # vouch for a brief line, and at least two reports must still make it.
        body = [e for e in claim.evidence if not _is_headline(by_id.get(e.article), e)]
        if len({e.article for e in body}) < 2:
            continue
        clean = [e for e in body if _clean_sentence(e.sentence)]
        accounts = [
            e
            for e in clean
            if not _is_quotation(e.sentence) and _figures_shared(e, claim, raw, body)
        ]
        if not accounts:
            continue
        best = min(accounts, key=lambda e: (len(e.sentence), e.article))
        add(best.sentence.strip(), [e.article for e in body])
        shown += 1

    for conflict in conflicts:
        parts = []
        cites: list[str] = []
        for side in conflict.sides:
            articles = list(dict.fromkeys(e.article for e in side.evidence))
            names = [_name(by_id.get(a), a) for a in articles]
            verb = "says" if len(names) == 1 else "say"
            parts.append(f"{_join(names)} {verb} {_value(conflict, side.value)}")
            cites += articles
        add(f"Reports differ on {conflict.topic}: " + "; ".join(parts) + ".", cites)

    # A sentence that already stands behind a corroborated or contested claim is not
    # "one report's word" (another clause of it was checked).
    checked = {
        (e.article, e.start) for c in claims if c.status != "single_source" for e in c.evidence
    }
    singles = [
        c
        for c in claims
        if c.status == "single_source"
        and _checkable([raw[m] for m in c.members if m in raw])
        and _clean_sentence(c.evidence[0].sentence)
        and not _is_quotation(c.evidence[0].sentence)
        and (c.evidence[0].article, c.evidence[0].start) not in checked
        and not _is_headline(by_id.get(c.evidence[0].article), c.evidence[0])
    ]
    singles.sort(key=lambda c: -c.salience)
    # One report's word never outweighs what several confirm: at most as many
    # single-source lines as corroborated ones (and at least one).
    for claim in singles[: min(settings.max_single_source, max(1, shown))]:
        e = claim.evidence[0]
        sentence = e.sentence.strip()
        analysis = by_id.get(e.article)
        add(
            f"According to {_name(analysis, e.article)} only, "
            f"{_lower_first(sentence, analysis, e.start)}",
            [e.article],
        )
    return out


def _figures_shared(evidence, claim, raw, body) -> bool:
    """Whether every number in this sentence is also given by the other cited reports.

    A corroborated line is told with one report's sentence but cites them all, so the
    sentence may not carry a figure ("12 million crowns a day") that only it gives.
    """
    members = [raw[m] for m in claim.members if m in raw]
    own = [m for m in members if m.article == evidence.article]
    values = {q.value for m in own for q in m.quantities}
    if not values:
        return True
    for article in {e.article for e in body} - {evidence.article}:
        theirs = {q.value for m in members if m.article == article for q in m.quantities}
        if not values <= theirs:
            return False
    return True


_CHECKABLE_ENTITIES = frozenset({"PERSON", "ORG", "FAC", "EVENT", "LAW", "PRODUCT"})


def _checkable(members: Sequence) -> bool:
    """Whether a single-source claim says something a reader could check.

    Filler ("it is a story that has been on everyone's lips") names no number, time,
    office-holder, person or organisation, and a hedged claim ("is said to be") is not
    the report's own assertion; neither is worth a line of the brief.
    """
    for claim in members:
        if claim.hedged:
            continue
        # "one way or another", "one of them": a lone "one" is rarely a figure
        figures = [q for q in claim.quantities if not (q.kind == "count" and q.value == 1)]
        if figures or claim.times or claim.roles:
            return True
        if any(e.label in _CHECKABLE_ENTITIES for e in claim.entities):
            return True
    return False
