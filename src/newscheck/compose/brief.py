"""The neutral brief of a story.

Everything here is extractive and deterministic: each brief sentence is a sentence of a
cited report, or a line built from the values the reports give (conflicts), or a
report's sentence told in its words: "According to X only" when no other independent
report states its fact, "According to X" when one does in other words or with another
figure that fits (the verdicts' same-fact decider). Reports are named as every view
names them. Nothing is paraphrased. The story's
timeline is built in :mod:`newscheck.compose.timeline`, the actors' positions in
:mod:`newscheck.compose.positions`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import tokens
from ..engines.judges import Judges
from ..engines.pairs import PairJudge, pair_features
from ..lexicon import ANAPHORIC_OF, ANAPHORIC_OPENERS, LOWERCASE_OPENERS
from ..model import (
    Analysis,
    BriefSentence,
    Claim,
    Conflict,
    Evidence,
    Sentence,
    StoryClaim,
    Token,
)
from ..render.common import article_labels
from ..settings import BriefSettings, VerdictSettings
from ..text import content_words, lexical_similarity
from ..verdicts.common import Ref, index_claims, sentence_similarity
from ..verdicts.corroboration import SameFact, contains

_DEFAULT = BriefSettings()


def _names(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Each report's name as every view shows it (:func:`newscheck.render.common.article_labels`:
    the outlet, else its headline or first sentence, else its file name), a name made of
    the report's words set in quotes ("According to “Bridge shut after cracks found”")."""
    articles = tuple(a.article for a in analyses)
    shown = article_labels(articles)
    return {
        a.id: shown[a.id] if a.outlet or shown[a.id].startswith(a.input.rsplit("/", 1)[-1])
        else f"“{shown[a.id]}”"
        for a in articles
    }


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


def _anaphoric(span: Sequence[Token]) -> bool:
    """A sentence that opens on a word pointing back ("It was closed", "Two of them
    were", "The other ..."): out of its article the reader cannot tell what it is about.

    Args:
        span: The sentence's tokens.
    """
    words = list(span)
    while words and words[0].text in _QUOTE_OPENERS:
        words.pop(0)
    low = [t.text.lower() for t in words[:3]]
    if not low:
        return False
    if low[0] in ANAPHORIC_OPENERS or low[:2] == ["the", "other"]:
        return True
    # "Two of them", "Of those": "of" as its first or second word, then a pointing word
    return any(low[n : n + 1] == ["of"] and low[n + 1 : n + 2] and low[n + 1] in ANAPHORIC_OF
               for n in (0, 1))


def _clean_sentence(
    analysis: Analysis, sentence: Sentence | Evidence, min_words: int = _DEFAULT.min_sentence_words
) -> bool:
    """A sentence fit to stand alone in the brief: a full sentence of ``min_words`` words
    or more, not pointing back, no dangling quote.

    Args:
        analysis: The sentence's report.
        sentence: The sentence (or the evidence citing it).
        min_words: Fewest words (as written, between spaces) a standalone sentence has.
    """
    span = analysis.tokens_between(sentence.start, sentence.end)
    text = analysis.article.text[sentence.start : sentence.end]
    return (
        len(tokens.glued(span)) >= min_words
        and not _anaphoric(span)
        and text.rstrip()[-1:] in {".", "!", "?", '"', "”"}
        and text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
    )


def _lower_first(analysis: Analysis, sentence: Sentence | Evidence) -> str:
    """A sentence set after a comma, its first letter lower-cased unless it opens on a
    name: a named entity starting at the sentence, an acronym ("HWU") or "I"; a function
    word opening it is always lowered."""
    text = analysis.article.text[sentence.start : sentence.end].strip()
    runs = tokens.glued(analysis.tokens_between(sentence.start, sentence.end))
    first = "".join(t.text for t in runs[0]) if runs else ""
    if first.lower() in LOWERCASE_OPENERS:
        return text[:1].lower() + text[1:]
    word = first.strip("\"'“‘(")
    if word == "I" or (len(word) > 1 and word.isupper()):
        return text
    if any(e.start <= sentence.start < e.end for e in analysis.entities):
        return text
    return text[:1].lower() + text[1:]


def _is_headline(analysis: Analysis | None, evidence: Evidence) -> bool:
    if analysis is None:
        return False
    return any(s.is_title and s.start == evidence.start for s in analysis.sentences[:2])


class _Support:
    """Which reports' sentences state what a sentence states, and the figures each gives.

    Another report's sentence supports a sentence when the pair judge says they state the
    same fact, when the shorter one's content words stand in the longer, or when they
    overlap highly (an embedding cosine of ``support_cosine`` and a content-word overlap
    of ``support_overlap`` together, and neither denies what the other states). A report
    supports a sentence only when it also gives every figure of the sentence: a cited
    report must not be made to vouch for a number it never gave.
    """

    def __init__(self, analyses: Sequence[Analysis], pairs: PairJudge, settings: BriefSettings,
                 judges: Judges | None = None):
        self.pairs = pairs
        self.judges = judges
        self.settings = settings
        self.body = {a.article.id: [s for s in a.sentences if not s.is_title] for a in analyses}
        self.root = {a.article.id: a.article.copy_of or a.article.id for a in analyses}
        self.vectors = {a.article.id: a.sentence_vectors for a in analyses}
        self.analyses = {a.article.id: a for a in analyses}
        self._figures: dict[tuple[str, int], frozenset] = {}
        for a in analyses:
            for c in a.claims:
                key = (a.article.id, c.sentence)
                self._figures[key] = self._figures.get(key, frozenset()) | {
                    (q.kind, q.value) for q in c.quantities
                    if not (q.kind == "count" and q.value == 1)
                }
        self._given = {
            aid: frozenset().union(*(self.figures(s) for s in sentences))
            for aid, sentences in self.body.items()
        }

    def figures(self, sentence: Sentence) -> frozenset:
        """The figures of a sentence: (kind, value) of each quantity its claims carry but a
        lone "one"."""
        return self._figures.get((sentence.article, sentence.index), frozenset())

    def cosine(self, a: Sentence, b: Sentence) -> float:
        va, vb = self.vectors.get(a.article), self.vectors.get(b.article)
        if va is None or vb is None or a.index >= len(va) or b.index >= len(vb):
            return 0.0
        return float(va[a.index] @ vb[b.index])

    def same(self, a: Sentence, b: Sentence) -> bool:
        """Whether two sentences state the same fact, or one states the other's and more."""
        cos = self.cosine(a, b)
        s = self.settings
        words_a = tokens.of_sentence(self.analyses[a.article], a.index)
        words_b = tokens.of_sentence(self.analyses[b.article], b.index)
        if contains(words_a, words_b, s.support_containment):
            return True
        features = pair_features(a.text, b.text, cos)
        if features["negation_mismatch"]:
            return False
        overlap = lexical_similarity(content_words(a.text), content_words(b.text))
        if cos >= s.support_cosine and overlap >= s.support_overlap:
            return True
        if self.judges is not None and self.judges.fact is not None:
            # the verdicts' decider; sentences far apart in meaning are not asked
            return cos >= s.support_floor and self.judges.same_fact(a.text, b.text, cos)
        return bool(
            self.pairs.probabilities_from_features([features])[0] >= self.pairs.settings.threshold
        )

    def supporters(self, sentence: Sentence) -> list[str]:
        """The other reports (one per original) with a sentence stating this one's fact and
        every figure it gives."""
        figures = self.figures(sentence)
        out: list[str] = []
        roots = {self.root[sentence.article]}
        for article, sentences in self.body.items():
            if self.root[article] in roots or not figures <= self._given[article]:
                continue
            if any(self.same(sentence, t) for t in sentences):
                out.append(article)
                roots.add(self.root[article])
        return out

    def centrality(self, sentence: Sentence) -> float:
        """Mean over the other reports of the closest of their sentences (cosine)."""
        best = [
            max((self.cosine(sentence, t) for t in sentences), default=0.0)
            for article, sentences in self.body.items()
            if self.root[article] != self.root[sentence.article]
        ]
        return sum(best) / len(best) if best else 0.0


def _opening(
    analyses: Sequence[Analysis],
    support: _Support,
    settings: BriefSettings,
    disputed: frozenset[tuple[str, int | None]] = frozenset(),
) -> list[tuple[Sentence, list[str]]]:
    """The opening lines: the most central lead sentences the most reports support.

    Candidates are the first ``lead_sentences`` body sentences of each original report
    that stand alone (not a quotation, not pointing back, not a side of a conflict:
    ``disputed`` holds those sentences' ``(article, start)``); one no other report supports
    must say something checkable, unhedged (as single-source claims must). They are ranked by how many
    other reports state the same fact, then by closeness to the other reports, then by
    place in the lead, then by length; sentences are taken in that order, a sentence that states what one
    already taken states being left out, until ``lead_words`` words are used. An
    unsupported sentence takes one of the ``max_single_source`` single-source lines.

    Returns:
        ``(sentence, supporting reports)`` in reading order (no supporters: one report's
        word).
    """
    candidates = []
    for analysis in analyses:
        if analysis.article.copy_of:
            continue
        lead = support.body[analysis.article.id][: settings.lead_sentences]
        for rank, s in enumerate(lead):
            if (s.article, s.start) in disputed:
                continue  # its figure or name is disputed: the conflict line tells it
            clean = _clean_sentence(analysis, s, settings.min_sentence_words)
            if clean and not _is_quotation(s.text):
                backers = support.supporters(s)
                if not backers and not _checkable_sentence(analysis, s, support):
                    continue
                centrality = -support.centrality(s)
                candidates.append((-len(backers), centrality, rank, len(s.text), s, backers))
    # Of two tellings equally backed, central and early, the shorter adds less beyond
    # what the other reports state.
    candidates.sort(key=lambda c: c[:4])
    out: list[tuple[Sentence, list[str]]] = []
    words = singles = 0
    for *_, s, backers in candidates:
        if words >= settings.lead_words:
            break
        if any(support.same(s, t) or support.same(t, s) for t, _ in out):
            continue
        if not backers:
            if singles >= settings.max_single_source:
                continue
            singles += 1
        out.append((s, backers))
        written = len(tokens.glued(support.analyses[s.article].tokens_between(s.start, s.end)))
        words += written + (0 if backers else settings.single_source_words)
    return out


class _Echoes:
    """Whether another independent report states what one report's sentence states, in
    other words or with a compatible figure ("over 200" for "an estimated 250"): then the
    sentence is that report's telling, not its word alone. Decided as the verdicts decide
    a corroboration (:class:`~newscheck.verdicts.corroboration.SameFact`) over the claims
    of the sentence and the other reports' claims close to them (a cosine of
    ``corroboration_similarity``, or the words of one within the other)."""

    def __init__(self, analyses: Sequence[Analysis], pairs: PairJudge,
                 settings: VerdictSettings, judges: Judges | None) -> None:
        self.refs = index_claims(analyses)
        self.similarity = sentence_similarity(analyses)
        self.same = SameFact(self.refs, self.similarity, pairs, settings, judges=judges)
        self.settings = settings
        self.root = {a.article.id: a.article.copy_of or a.article.id for a in analyses}

    def _close(self, a: Ref, b: Ref) -> bool:
        return self.similarity(a, b) >= self.settings.corroboration_similarity or contains(
            tokens.of_claim(a.analysis, a.claim), tokens.of_claim(b.analysis, b.claim),
            self.settings.containment)

    def __call__(self, sentence: Sentence) -> bool:
        own = [r for r in self.refs.values()
               if r.article == sentence.article and r.claim.sentence == sentence.index]
        others = [r for r in self.refs.values()
                  if self.root[r.article] != self.root[sentence.article]]
        return any(self._close(a, b) and self.same(a, b) for a in own for b in others)


class _Brief:
    """The brief as it is written: its lines, and the sentences it already tells."""

    def __init__(self, analyses: Sequence[Analysis], support: _Support,
                 echoes: _Echoes) -> None:
        self.by_id = {a.article.id: a for a in analyses}
        self.names = _names(analyses)
        self.echoes = echoes
        self.order = {a.article.id: i for i, a in enumerate(analyses)}
        self.support = support
        self.sentences = {(s.article, s.start): s for a in analyses for s in a.sentences}
        self.lines: list[BriefSentence] = []
        self.used: set[str] = set()
        self.told: list[Sentence] = []

    def add(self, text: str, cites: Sequence[str]) -> None:
        if text not in self.used and cites:
            self.used.add(text)
            self.lines.append(BriefSentence(text=text, cites=tuple(dict.fromkeys(cites))))

    def add_single(self, sentence: Sentence | Evidence) -> None:
        """A sentence told in one report's words: "According to X only, ..." when no other
        report states its fact, "According to X, ..." when one does in other words or
        with another figure that fits (it cannot be cited for X's words)."""
        article = sentence.article
        told = self.sentences.get((article, sentence.start))
        only = "" if told is not None and self.echoes(told) else " only"
        text = f"According to {self.names.get(article, article)}{only}, "
        self.add(text + _lower_first(self.by_id[article], sentence), [article])

    def already_told(self, e: Evidence) -> bool:
        s = self.sentences.get((e.article, e.start))
        if s is None:
            return False
        same = self.support.same
        return any(s == t or same(s, t) or same(t, s) for t in self.told)


def build_brief(
    analyses: Sequence[Analysis],
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict],
    settings: BriefSettings,
    pairs: PairJudge | None = None,
    judges: Judges | None = None,
    verdicts: VerdictSettings | None = None,
) -> list[BriefSentence]:
    """The story's neutral brief, every sentence citing the reports it rests on.

    First the opening: the most central lead sentences, each citing its report and every
    other report that states the same fact with the same figures (see :func:`_opening`),
    a sentence no other report supports being marked as one report's word. Then the
    most salient corroborated claims the opening does not already tell (the shortest
    clean sentence of their evidence, citing every report that makes the claim), then one
    line per conflict naming who says what, then the most salient single-source claims
    with a checkable detail, marked as resting on one report.

    Args:
        analyses: The story's reports (for outlet names, sentences and their vectors).
        claims: The story's claims with their verdicts.
        conflicts: The story's conflicts, heaviest first.
        settings: How many lines of each kind, and when a sentence supports another.
        pairs: The same-fact pair judge (the packaged one when None), used when ``judges``
            has no fact judge.
        judges: The trained judges: the same decider of "same fact" as the verdicts.
        verdicts: The verdicts' settings (defaults when None), with which a line of one
            report's words is told apart from one another report also states.

    Returns:
        The brief, in reading order.
    """
    pairs = pairs or PairJudge()
    brief = _Brief(analyses, _Support(analyses, pairs, settings, judges),
                   _Echoes(analyses, pairs, verdicts or VerdictSettings(), judges))
    raw = {c.id: c for a in analyses for c in a.claims}
    disputed = frozenset(
        (e.article, e.start) for x in conflicts for side in x.sides for e in side.evidence
    )
    lone: list[Sentence] = []
    shown = 0
    for s, backers in _opening(analyses, brief.support, settings, disputed):
        brief.told.append(s)
        if backers:
            brief.add(s.text.strip(), sorted([s.article, *backers], key=brief.order.__getitem__))
            shown += 1
        else:
            lone.append(s)  # one report's word comes after what others confirm
    shown += _corroborated_lines(brief, claims, raw, settings)
    _conflict_lines(brief, conflicts)
    for s in lone:
        brief.add_single(s)
    # One report's word never outweighs what several confirm: at most as many
    # single-source lines as supported ones (and at least one).
    room = min(settings.max_single_source, max(1, shown)) - len(lone)
    _single_source_lines(brief, claims, raw, room, settings)
    return brief.lines


def _corroborated_lines(
    brief: _Brief, claims: Sequence[StoryClaim], raw: dict[str, Claim], settings: BriefSettings
) -> int:
    """The most salient corroborated claims the brief does not already tell, each in the
    shortest clean sentence of its evidence citing every report that makes it; returns
    how many lines were added."""
    lines = 0
    for claim in sorted((c for c in claims if c.status == "corroborated"), key=lambda c: -c.salience):
        if lines >= settings.max_corroborated:
            break
        # A headline compresses (and often rounds or exaggerates): only body sentences
        # vouch for a brief line, and at least two reports must still make it.
        body = [e for e in claim.evidence if not _is_headline(brief.by_id.get(e.article), e)]
        if len({e.article for e in body}) < 2 or any(brief.already_told(e) for e in body):
            continue
        accounts = [
            e
            for e in body
            if _clean_sentence(brief.by_id[e.article], e, settings.min_sentence_words)
            and not _is_quotation(e.sentence)
            and _figures_shared(e, claim, raw, body)
        ]
        if not accounts:
            continue
        best = min(accounts, key=lambda e: (len(e.sentence), e.article))
        brief.add(best.sentence.strip(), [e.article for e in body])
        lines += 1
    return lines


def _conflict_lines(brief: _Brief, conflicts: Sequence[Conflict]) -> None:
    """One line per conflict naming who says what."""
    for conflict in conflicts:
        parts = []
        cites: list[str] = []
        for side in conflict.sides:
            articles = list(dict.fromkeys(e.article for e in side.evidence))
            names = [brief.names.get(a, a) for a in articles]
            verb = "says" if len(names) == 1 else "say"
            parts.append(f"{_join(names)} {verb} {_value(conflict, side.value)}")
            cites += articles
        brief.add(f"Reports differ on {conflict.topic}: " + "; ".join(parts) + ".", cites)


def _single_source_lines(
    brief: _Brief,
    claims: Sequence[StoryClaim],
    raw: dict[str, Claim],
    room: int,
    settings: BriefSettings,
) -> None:
    """Up to ``room`` of the most salient single-source claims with a checkable detail,
    each marked as resting on its one report."""
    # A sentence that already stands behind a corroborated or contested claim is not
    # "one report's word" (another clause of it was checked).
    checked = {
        (e.article, e.start) for c in claims if c.status != "single_source" for e in c.evidence
    }
    candidates = [
        c
        for c in claims
        if c.status == "single_source"
        and _checkable([raw[m] for m in c.members if m in raw])
        and _clean_sentence(brief.by_id[c.evidence[0].article], c.evidence[0],
                            settings.min_sentence_words)
        and not _is_quotation(c.evidence[0].sentence)
        and (c.evidence[0].article, c.evidence[0].start) not in checked
        and not _is_headline(brief.by_id.get(c.evidence[0].article), c.evidence[0])
        and not brief.already_told(c.evidence[0])
    ]
    candidates.sort(key=lambda c: -c.salience)
    for claim in candidates[: max(0, room)]:
        e = claim.evidence[0]
        brief.add_single(e)


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


def _checkable_sentence(analysis: Analysis, sentence: Sentence, support: _Support) -> bool:
    """Whether one report's lead sentence says something a reader could check, as its own.

    Not when nothing in it is asserted: every verb of it hedged ("is said to be under
    pressure"), or, without verb frames, every claim of it hedged. A hedge on one clause
    ("slammed him for reportedly working to ...") leaves the rest asserted, and the
    sentence is quoted whole, hedge included. Then it must give a figure, or a claim of it
    a time or a role, or name a person, organisation, facility, event, law or product
    (the recogniser's names anywhere in the sentence: a lead names who did what).
    """
    own = [c for c in analysis.claims if c.sentence == sentence.index]
    frames = [f for f in analysis.frames if f.sentence == sentence.index]
    if frames:
        asserted = any(f.modality in ("asserted", "expected") for f in frames)
    else:
        asserted = not own or any(not c.hedged for c in own)
    if not asserted:
        return False
    if support.figures(sentence) or any(c.times or c.roles for c in own):
        return True
    if any(e.label in _CHECKABLE_ENTITIES for c in own for e in c.entities):
        return True
    return any(
        sentence.start <= e.start < sentence.end and e.label in _CHECKABLE_ENTITIES
        for e in analysis.entities
    )


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
