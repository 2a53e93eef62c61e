"""The neutral brief, the timeline and the actors' positions of a story.

Everything here is extractive and deterministic: each brief sentence is a sentence of a
cited report, or a line built from the values the reports give (conflicts), or a
report's sentence marked as resting on it alone. Nothing is paraphrased.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .align import entity_key
from .model import (
    Analysis,
    BriefSentence,
    Claim,
    Conflict,
    Evidence,
    Position,
    StoryClaim,
    TimelineEvent,
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

# fmt: off
_STANCE_VERBS: dict[str, str] = {
    "reject": "rejects", "accept": "accepts", "support": "supports", "oppose": "opposes",
    "urge": "urges", "demand": "demands", "criticise": "criticises", "criticize": "criticises",
    "welcome": "welcomes", "refuse": "refuses", "deny": "denies", "back": "supports",
    "condemn": "condemns", "endorse": "supports", "call": "calls for",
}
_ISSUE_DROP = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "latest", "new", "proposed", "planned", "recent", "any", "all", "current", "revised",
})
_ACTOR_WORDS = frozenset({
    "union", "government", "ministry", "minister", "company", "party", "council", "authority",
    "police", "court", "board", "management", "employers", "workers", "dockworkers", "mayor",
    "president", "committee", "association", "federation", "opposition", "commission",
})
# fmt: on
# The object phrase ends at a clause boundary or an adverbial ("on Monday", "from the port").
_ISSUE_STOP = re.compile(
    r"\s*(?:[,;:.]|\b(?:because|after|before|while|saying|as|which|that|on|in|at|from|over|"
    r"by|with|until|amid|during|despite|following|since|unless)\b)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"^\s*(?:we|i)\s+(?:will\s+|do\s+|strongly\s+|fully\s+)?(\w+)(?:\s+for)?\s+(.+)$", re.IGNORECASE
)


def _name(analysis: Analysis | None, article: str) -> str:
    if analysis is not None and analysis.article.outlet:
        return analysis.article.outlet
    return article


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clean_sentence(text: str) -> bool:
    """A sentence fit to stand alone in the brief: a full sentence, no dangling quote."""
    words = text.split()
    return (
        len(words) >= 5
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
    return any(
        s.is_title and s.start == evidence.start for s in analysis.sentences[:2]
    )


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
        clean = [e for e in body if _clean_sentence(e.sentence)] or body
        best = min(clean, key=lambda e: (len(e.sentence), e.article))
        add(best.sentence.strip(), [e.article for e in body])
        shown += 1

    for conflict in conflicts:
        parts = []
        cites: list[str] = []
        for side in conflict.sides:
            articles = list(dict.fromkeys(e.article for e in side.evidence))
            names = [_name(by_id.get(a), a) for a in articles]
            verb = "says" if len(names) == 1 else "say"
            parts.append(f"{_join(names)} {verb} {side.value}")
            cites += articles
        add(f"Reports differ on {conflict.topic}: " + "; ".join(parts) + ".", cites)

    # A sentence that already stands behind a corroborated or contested claim is not
    # "one report's word" (another clause of it was checked).
    checked = {
        (e.article, e.start) for c in claims if c.status != "single_source" for e in c.evidence
    }
    raw = {c.id: c for a in analyses for c in a.claims}
    singles = [
        c
        for c in claims
        if c.status == "single_source"
        and _checkable([raw[m] for m in c.members if m in raw])
        and _clean_sentence(c.evidence[0].sentence)
        and (c.evidence[0].article, c.evidence[0].start) not in checked
        and not _is_headline(by_id.get(c.evidence[0].article), c.evidence[0])
    ]
    singles.sort(key=lambda c: -c.salience)
    for claim in singles[: settings.max_single_source]:
        e = claim.evidence[0]
        sentence = e.sentence.strip()
        analysis = by_id.get(e.article)
        add(
            f"According to {_name(analysis, e.article)} only, "
            f"{_lower_first(sentence, analysis, e.start)}",
            [e.article],
        )
    return out


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


def build_timeline(
    analyses: Sequence[Analysis], claims: Sequence[StoryClaim]
) -> list[TimelineEvent]:
    """Dated events of a story, earliest first.

    A story claim whose members carry a resolved date becomes one event; when its
    aligned members give different dates the one most reports give wins (the earliest on
    a tie), and the evidence is the members that give it.

    Args:
        analyses: The story's reports.
        claims: The story's claims (their ``members`` are claim ids).

    Returns:
        Events with ``when`` as an ISO date and ``what`` the shortest member claim text.
    """
    index: dict[str, tuple[Claim, Analysis]] = {c.id: (c, a) for a in analyses for c in a.claims}
    events: list[TimelineEvent] = []
    for sc in claims:
        dated: dict[str, list[tuple[Claim, Analysis]]] = {}
        for member in sc.members:
            if member not in index:
                continue
            claim, analysis = index[member]
            when = next((t.resolved for t in claim.times if t.resolved is not None), None)
            if when is not None:
                dated.setdefault(when.isoformat(), []).append((claim, analysis))
        if not dated:
            continue
        when, members = min(dated.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        what = min((c.text for c, _ in members), key=lambda t: (len(t), t))
        evidence = []
        for claim, analysis in members:
            s = analysis.sentences[claim.sentence]
            evidence.append(Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end))
        events.append(TimelineEvent(when=when, what=what, evidence=tuple(evidence)))
    events.sort(key=lambda e: (e.when, e.what))
    return events


def _issue(text: str) -> str:
    """The object phrase, normalised: "the latest wage offer, saying ..." -> "wage offer"."""
    text = _ISSUE_STOP.split(text, maxsplit=1)[0]
    words = [w.strip("\"'“”‘’()") for w in text.split()]
    while words and words[0].lower() in _ISSUE_DROP:
        words.pop(0)
    return " ".join(w for w in words[:6] if w).lower()


def _verb_forms(lemma: str) -> list[str]:
    stems = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("y"):
        stems |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        stems |= {lemma[:-1] + "ing"}
    return sorted(stems, key=len, reverse=True)


def _actor(claim: Claim, subject: str) -> str:
    """The actor's name without its title ("Former finance minister Ana Ruiz" -> "Ana Ruiz")."""
    for role in claim.roles:
        if role.name and role.name in subject:
            return role.name
    return subject


def _is_actor(claim: Claim, subject: str) -> bool:
    if any(
        e.label in {"PERSON", "ORG", "NORP", "GPE"} and entity_key(e.text) in entity_key(subject)
        for e in claim.entities
    ):
        return True
    return bool(set(entity_key(subject).split()) & _ACTOR_WORDS)


def build_positions(analyses: Sequence[Analysis]) -> list[Position]:
    """Who takes which stance on what: from claims and first-person quotes.

    A claim counts when its predicate is a stance verb (reject, accept, support, oppose,
    urge, call for, demand, criticise, welcome, refuse, deny, back, condemn), it is not
    negated or hedged, and its subject is a person or organisation (a named entity, or a
    collective such as "the union"). A named speaker's quote "We reject ..." counts too.
    The issue is the object phrase after the verb, without articles and modifiers such
    as "latest", cut at the first clause boundary.

    Args:
        analyses: The story's reports.

    Returns:
        Positions merged by (actor, issue, stance), each with all its evidence, in
        order of first appearance.
    """
    found: dict[tuple[str, str, str], tuple[str, str, str, list[Evidence]]] = {}

    def record(actor: str, issue: str, stance: str, analysis: Analysis, sentence: int) -> None:
        if not actor or not issue:
            return
        key = (entity_key(actor), issue, stance)
        s = analysis.sentences[sentence]
        ev = Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end)
        entry = found.setdefault(key, (actor, issue, stance, []))
        if ev not in entry[3]:
            entry[3].append(ev)

    for analysis in analyses:
        for claim in analysis.claims:
            lemma = (claim.predicate or "").lower()
            if lemma not in _STANCE_VERBS or claim.negated or claim.hedged or not claim.subject:
                continue
            if not _is_actor(claim, claim.subject):
                continue
            forms = "|".join(re.escape(f) for f in _verb_forms(lemma))
            tail = r"\s+for\b" if lemma == "call" else ""
            m = re.search(rf"\b(?:{forms}){tail}\s+(.+)$", claim.text, re.IGNORECASE)
            if not m:
                continue
            record(
                _actor(claim, claim.subject.strip()),
                _issue(m.group(1)),
                _STANCE_VERBS[lemma],
                analysis,
                claim.sentence,
            )
        for q in analysis.quotes:
            if q.anonymous or not q.speaker or q.sentence is None:
                continue
            m = _FIRST_PERSON.match(q.text)
            if m and m.group(1).lower() in _STANCE_VERBS:
                lemma = m.group(1).lower()
                record(q.speaker, _issue(m.group(2)), _STANCE_VERBS[lemma], analysis, q.sentence)
    return [
        Position(actor=actor, issue=issue, stance=stance, evidence=tuple(evs))
        for actor, issue, stance, evs in found.values()
    ]
