"""Frame conflicts: over every verb of every sentence (:mod:`newscheck.extract.frames`), a
verb with the same arguments stated (or expected) in one report and denied (or called
unlikely) in another, when no time written in either sentence parts them; and the frames
that state one event alike, which corroborate (:func:`frame_links`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..entities import name_key
from ..lexicon import GENERATION_SUFFIX, VAGUE_SUBJECT_WORDS
from ..model import (
    Analysis,
    Claim,
    Frame,
    TimeRef,
)
from ..settings import VerdictSettings
from ..text import content_words, stem
from .common import Finding, Names, Ref, StoryView
from .time import times_agree

_STATED = frozenset({"asserted", "expected"})


def frame_sign(frame: Frame) -> bool | None:
    """True when a frame says its event happens (or is expected to), False when it says it
    does not (or is unlikely to), None when it commits to neither (a hedge, a condition,
    a question, "not unlikely")."""
    if frame.modality == "unlikely":
        return False if frame.polarity else None
    if frame.modality in _STATED:
        return frame.polarity
    return None


def _name_words(names: Sequence[str]) -> frozenset[str]:
    return frozenset(stem(w.lower()) for n in names for w in re.findall(r"[\w'-]+", n))


def _frame_keys(frame: Frame) -> tuple[frozenset[str], tuple[str, ...]]:
    """(nouns that are not part of a name, names) among what a frame's event is done to."""
    nouns = frozenset(stem(w) for w in frame.arguments) - _name_words(frame.names)
    # a bare surname beside a longer name holding it ("Donald Trump Jr., Trump ...") is
    # ambiguous: left out
    longer = [n.split() for n in frame.names if len(n.split()) > 1]
    names = tuple(
        n for n in frame.names
        if len(n.split()) > 1 or not any(n in words for words in longer)
    )
    return nouns, names


def _same_subject(a: Frame, b: Frame, resolver: Names | None = None) -> bool:
    """Whether two frames name one doer: the same person or body, or the same words."""
    if not a.subject or not b.subject:
        return False
    if a.subject.split()[0].lower() in VAGUE_SUBJECT_WORDS - {"the"} or (
        b.subject.split()[0].lower() in VAGUE_SUBJECT_WORDS - {"the"}
    ):
        return False
    if _shared_names([a.subject], [b.subject], resolver, a.article, b.article):
        return True
    wa, wb = content_words(a.subject), content_words(b.subject)
    return bool(wa) and wa == wb


def _shared_names(
    a: Sequence[str], b: Sequence[str], resolver: Names | None = None,
    article_a: str | None = None, article_b: str | None = None,
) -> list[str]:
    """Names of ``a`` that denote someone ``b`` names too: the same story entity, or by
    the name rules ("Donald Trump Jr." is not "Trump": a generational suffix names
    another person)."""
    resolver = resolver or Names()

    def same(x: str, y: str) -> bool:
        if bool(GENERATION_SUFFIX.search(x)) != bool(GENERATION_SUFFIX.search(y)):
            return False
        return name_key(x) == name_key(y) or resolver.same(x, y, article_a, article_b)

    return [x for x in a if any(same(x, y) for y in b)]


def _window(text: str, start: int, end: int, words: int = 7) -> str:
    """The words around a span of a sentence (what a side's value shows)."""
    before = text[:start].split()[-words:]
    after = text[end:].split()[:words]
    out = " ".join([*before, text[start:end], *after]).strip(" ,;:")
    return ("…" if len(text[:start].split()) > words else "") + out + (
        "…" if len(text[end:].split()) > words else ""
    )


def _claim_at(analysis: Analysis, sentence: int, offset: int) -> Claim | None:
    """The claim of a sentence that holds a character offset (else its first claim)."""
    here = [c for c in analysis.claims if c.sentence == sentence]
    for c in here:
        lo, hi = getattr(c, "start", -1), getattr(c, "end", -1)
        if 0 <= lo <= offset < hi:
            return c
    return here[0] if here else None


def _sentence_times(analysis: Analysis, sentence: int) -> list[TimeRef]:
    return [t for c in analysis.claims if c.sentence == sentence for t in c.times]


_FrameItem = tuple[Analysis, Frame, bool, frozenset[str], tuple[str, ...], Claim]


def _frame_items(analyses: Sequence[Analysis]) -> list[_FrameItem]:
    """Every committed frame of the story's reports with its keys and its claim."""
    items: list[_FrameItem] = []
    for analysis in analyses:
        for frame in analysis.frames:
            sign = frame_sign(frame)
            if sign is None:
                continue
            claim = _claim_at(analysis, frame.sentence, frame.start)
            if claim is None:
                continue
            nouns, names = _frame_keys(frame)
            items.append((analysis, frame, sign, nouns, names, claim))
    return items


def _one_event(
    a: _FrameItem, b: _FrameItem, similarity, settings: VerdictSettings,
    resolver: Names | None, min_evidence: int,
) -> tuple[list[str], frozenset[str]] | None:
    """Whether two frames of different reports speak of one event: the same verb, a
    name and a noun (or two nouns, or a noun and the doer) in common among what the event
    is done to, related sentences, and no written time parting them. Returns the shared
    names and nouns, or None."""
    aa, fa, _, na, ma, ca = a
    ab, fb, _, nb, mb, cb = b
    if fa.verb != fb.verb:
        return None
    # a common noun of one side may be written in a name on the other ("the queen" /
    # "Queen Elizabeth II")
    shared_nouns = (na & (nb | _name_words(mb))) | (nb & (na | _name_words(ma)))
    shared_names = _shared_names(ma, mb, resolver, fa.article, fb.article)
    if not (shared_names or shared_nouns):
        return None  # nothing in common in what the event is done to
    evidence = (bool(shared_names) + bool(shared_nouns) + (len(shared_nouns) >= 2)
                + _same_subject(fa, fb, resolver))
    if evidence < min_evidence:
        return None
    ra = Ref(claim=ca, analysis=aa, report=0, order=0)
    rb = Ref(claim=cb, analysis=ab, report=0, order=0)
    if similarity(ra, rb) < settings.frame_similarity:
        return None
    ta, tb = _sentence_times(aa, fa.sentence), _sentence_times(ab, fb.sentence)
    if ta and tb and not any(
        times_agree(x, y, settings.date_tolerance_days) for x in ta for y in tb
    ):
        return None
    return shared_names, shared_nouns


def frame_links(view: StoryView) -> set[tuple[str, str]]:
    """Pairs of claims (ids, sorted) of different sources holding one event stated alike:
    two frames of one event (:func:`_one_event`, with ``frame_link_evidence`` kinds of
    shared evidence rather than two) that both state it, with the same modality. These state the same
    fact even when the sentences around them say more."""
    items = [it for it in _frame_items(view.analyses) if it[2]]
    out: set[tuple[str, str]] = set()
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a[1].modality != b[1].modality or a[5].id == b[5].id:
                continue
            src_a = view.source(a[0].article.id)
            src_b = view.source(b[0].article.id)
            if src_a == src_b:
                continue
            if _one_event(a, b, view.similarity, view.settings, view.names,
                          view.settings.frame_link_evidence) is not None:
                out.add((a[5].id, b[5].id) if a[5].id < b[5].id else (b[5].id, a[5].id))
    return out


def find(view: StoryView) -> list[Finding]:
    """The same event stated in one report and denied in another (see :func:`frame_sign`).

    Two frames of different sources speak of the same event when they have the same verb,
    share a name and a noun among their arguments, or two nouns ("naming a list of
    defendants that includes X" / "it does not name X as a defendant"; "she is expected
    to attend the summit" / "she is unlikely to attend it"), their sentences are related
    (cosine at least ``frame_similarity``) and no time written in either sentence parts
    them (:func:`_one_event`).
    """
    items = _frame_items(view.analyses)
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for a in items:
        aa, fa, sa, _, _, ca = a
        if not sa:
            continue
        for b in items:
            ab, fb, sb, _, _, cb = b
            if sb:
                continue
            src_a = view.source(aa.article.id)
            src_b = view.source(ab.article.id)
            if src_a == src_b:
                continue
            shared = _one_event(a, b, view.similarity, view.settings, view.names,
                               view.settings.frame_conflict_evidence)
            if shared is None:
                continue
            shared_names, shared_nouns = shared
            key = (ca.id, cb.id)
            if key in seen:
                continue
            seen.add(key)
            sent_a = aa.sentences[fa.sentence]
            sent_b = ab.sentences[fb.sentence]
            va = _window(sent_a.text, fa.start - sent_a.start, fa.end - sent_a.start)
            vb = _window(sent_b.text, fb.start - sent_b.start, fb.end - sent_b.start)
            about = ", ".join([*shared_names, *sorted(shared_nouns)][:3])
            expected = "unlikely" if fb.modality == "unlikely" else "not"
            out.append(
                Finding(
                    kind="event",
                    topic=f"whether it {fa.verb}s ({about})" if about else f"whether it {fa.verb}s",
                    values=[va, vb],
                    sides=[[ca.id], [cb.id]],
                    note=(
                        "expected in one report, unlikely in another"
                        if expected == "unlikely"
                        else "one report says it happened, another says it did not"
                    ),
                )
            )
    return _merge_frame_findings(out)


def _merge_frame_findings(findings: list[Finding]) -> list[Finding]:
    """One finding per pair of sides: several frames of one sentence pair say one thing."""
    merged: dict[tuple[str, ...], Finding] = {}
    for f in findings:
        merged.setdefault((f.topic.split(" (")[0], *f.sides[0], *f.sides[1]), f)
    # the same positive claims against several denials: one finding, sides grown
    by_positive: dict[tuple[str, str], Finding] = {}
    for f in merged.values():
        key = (f.topic, f.sides[0][0])
        if key in by_positive:
            other = by_positive[key]
            for cid in f.sides[1]:
                if cid not in other.sides[1]:
                    other.sides[1].append(cid)
        else:
            by_positive[key] = f
    return list(by_positive.values())
