"""The domain objects of newscheck, in the order the pipeline makes them.

Every object is a frozen, keyword-only dataclass with slots. Everything extracted from
an article is a *span*: the article id plus character offsets ``[start, end)`` into the
article's cleaned ``text``; the offsets are what evidence, highlighting and the
contract's ``sentence`` strings are taken from.

    Document ─clean→ Article ─extract→ Analysis (sentences, entities, quotes, claims)
    Analyses ─copies→ copy_of ─stories→ story groups
    story ─align→ ClaimGroup ─verdicts→ StoryClaim, Conflict ─sources→ SourceCard
          ─brief→ BriefSentence, TimelineEvent, Position
    all ─report→ Report
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "newscheck.report/1"

ClaimStatus = Literal["corroborated", "contested", "single_source"]
ConflictKind = Literal["quantity", "date", "time", "person", "role", "place", "event", "other"]

# --------------------------------------------------------------------------- ingest / clean


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input as read, before cleaning.

    Attributes:
        input: The path or URL exactly as the user gave it (for a directory, the file path
            found under it; for a jsonl line, ``path#line``).
        text: The raw main text (for HTML, what trafilatura extracted).
        format: ``txt``, ``md``, ``html``, ``json``, ``jsonl``, ``stdin`` or ``url``.
    """

    input: str
    text: str
    format: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input that could not be analysed, with a one-line reason."""

    input: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned report.

    ``text`` is the cleaned text: the headline (when known) as its first paragraph, then
    the body, paragraphs separated by a blank line. ``body_start`` is the offset where the
    body begins (0 when there is no headline in the text). ``words`` counts the body's
    words, each character of a script written without spaces (Chinese, Japanese, Thai...)
    counting as one. ``language`` is the ISO 639-1 code detected from the text, or None
    when no language stands out.
    """

    id: str
    input: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    body_start: int = 0
    words: int = 0
    copy_of: str | None = None
    language: str | None = None


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of an article: a span that never crosses a paragraph break."""

    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_title: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """A word (or punctuation mark) of an article as the parser read it.

    The later stages read what a claim's words are through its tokens, never by matching
    patterns over its text. ``index`` is the token's place in :attr:`Analysis.tokens`
    and ``head`` the index of its syntactic head (itself for a sentence root).

    Attributes:
        text: The word as written.
        lemma: Its lemma, lower-cased ("said" -> "say").
        pos: Universal part of speech (``VERB``, ``NOUN``, ``PROPN``, ``PUNCT``...).
        dep: Dependency label (``nsubj``, ``ccomp``, ``prep``...).
        ent: The label of the named entity it is part of, or ``""``.
    """

    index: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    start: int
    end: int
    ent: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A named entity span (spaCy labels: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...)."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A number with its unit and approximation.

    ``low``/``high`` is the interval the expression allows ("about 300" -> 270..330,
    "more than 1,000" -> 1000..inf as ``float('inf')``). Durations are normalised to days
    (``unit == "day"``, ``kind == "duration"``); "in its second week" is a duration of
    7..14 days with ``approx == "ordinal"``.

    Attributes:
        value: The central value as written (300 for "about 300").
        unit: Normalised unit: ``""`` for a bare count, ``"percent"``, ``"USD"``, ``"day"``...
        approx: ``exact``, ``about``, ``more_than``, ``at_least``, ``less_than``,
            ``at_most``, ``nearly``, ``range`` or ``ordinal``.
        kind: ``count``, ``money``, ``percent``, ``duration``, ``measure`` or ``ordinal``.
        noun: Lemma of what is counted ("worker", "people", "injure"), when found.
    """

    text: str
    value: float
    low: float
    high: float
    unit: str
    approx: str
    kind: str
    start: int
    end: int
    noun: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeRef:
    """A date or relative time ("on Monday", "last week", "two days ago", "in late March").

    ``resolved`` is the calendar date (or the first day of the period) when the report's
    published date allows it; ``low``/``high`` the period it covers. Unresolvable
    expressions keep ``resolved is None`` and are compared as expressions (``norm``).
    """

    text: str
    norm: str
    start: int
    end: int
    resolved: dt.date | None = None
    low: dt.date | None = None
    high: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleMention:
    """A person (or organisation) with a role, as a report names them.

    "former Labour Minister Ana Ruiz" -> name "Ana Ruiz", role "labour minister",
    status "former". ``status`` is ``current``, ``former``, ``acting``, ``outgoing``,
    ``late``, ``designate``, ``interim`` or ``then`` (the role at the time of a past
    event, "then-President X", "the deal negotiated by President X"; never conflicts).
    """

    name: str
    role: str
    status: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct or reported quote with its speaker.

    ``start``/``end`` span the quoted words (without quote marks) in the article text.
    For an unnamed source, ``speaker`` is its description ("a senior official") and
    ``anonymous`` is true.
    """

    article: str
    text: str
    start: int
    end: int
    speaker: str | None
    role: str | None = None
    anonymous: bool = False
    sentence: int | None = None
    direct: bool = False
    """True when the words stand between quote marks (else reported speech)."""
    cue: str | None = None
    """Lemma of the speech verb ("say", "tell", "according to")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One self-contained statement from one sentence: a span and a frame, with typed slots.

    The span is the whole sentence or one contiguous clause of it, as written
    (``text == article.text[start:end]``); the frame (subject, predicate, object, negated,
    modality) says which clause of the span is meant. ``extract_claims`` fills every
    field; the defaults serve claims built by hand.

    Attributes:
        id: Unique in the run: ``"{article}.c{n}"``.
        sentence: Index of the article sentence it comes from (its evidence).
        text: The statement: a clause of the sentence or the whole sentence, verbatim.
        start: Offset of ``text`` in the cleaned article text (-1 when built by hand).
        end: End offset of ``text`` (-1 when built by hand).
        subject: The subject phrase, when found (carried from the first clause for "...
            and called for talks").
        subject_start: Offset of the subject in the article text (-1 when none).
        subject_end: End offset of the subject (-1 when none).
        predicate: Lemma of the main verb ("reject", "injure", "begin"); for "is
            expected to attend" the complement ("attend").
        object: The verb's direct object or attribute/complement phrase, as written
            ("the offer", "the biggest buyer").
        negated: "did not reject".
        hedged: "reportedly", "is expected to", "allegedly", "may".
        modality: ``asserted``; ``hedged`` ("may", "reportedly", "allegedly");
            ``expected`` ("is expected to", "will", "plans to"); ``unlikely`` ("is
            unlikely to", "is not expected to").
        attributed_to: Who the claim is attributed to ("according to X", "X said").
        salience: 0..1; higher for the headline and the first paragraphs.
    """

    id: str
    article: str
    sentence: int
    text: str
    start: int = -1
    end: int = -1
    subject: str | None = None
    subject_start: int = -1
    subject_end: int = -1
    predicate: str | None = None
    object: str | None = None
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    places: tuple[str, ...] = ()
    negated: bool = False
    hedged: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    salience: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """A verb of a sentence with what the sentence says of it (see ``frames.py``).

    ``start``/``end`` span the verb in the article text; ``sentence`` is the sentence's
    index. ``polarity`` is False for a negated or denied verb; ``modality`` is
    ``asserted``, ``expected``, ``unlikely``, ``hedged``, ``conditional`` or ``question``.
    ``arguments`` are the lemmas of the nouns among its arguments, ``names`` the named
    entities among them, ``subject`` its subject as written (a pronoun read as the person
    named last).
    """

    article: str
    sentence: int
    start: int
    end: int
    verb: str
    polarity: bool = True
    modality: str = "asserted"
    subject: str | None = None
    arguments: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What the per-article stages extracted: the unit a batch worker returns.

    ``sentence_vectors`` holds L2-normalised sentence embeddings, row i for sentence i:
    ``extract.analyze_articles`` fills the lead sentences only (what story grouping
    needs) and ``extract.complete_embeddings`` the rest, for reports that share a story.
    ``vector`` is the article's (lead) embedding. Both are numpy arrays, left out of
    equality. ``tokens`` are the parse of the whole text, in order: the later stages read
    a claim's words from them (:meth:`tokens_between`).
    """

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    frames: tuple[Frame, ...] = ()
    tokens: tuple[Token, ...] = field(default=(), compare=False, repr=False)
    vector: Any = field(default=None, compare=False, repr=False)
    sentence_vectors: Any = field(default=None, compare=False, repr=False)

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].text

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens inside ``[start, end)`` of the article text, spaces left out."""
        first = bisect_left(self.tokens, start, key=lambda t: t.start)
        out = []
        for token in self.tokens[first:]:
            if token.start >= end:
                break
            if token.end <= end and token.pos != "SPACE":
                out.append(token)
        return tuple(out)


# --------------------------------------------------------------------------- cross-checking


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """One mention of a named entity in a report: ``text`` spans ``[start, end)`` of the
    article's text (label PERSON, ORG, GPE or NORP, as the parse gave it)."""

    article: str
    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityRole:
    """A role a report gives an entity: "Brazilian President" -> role "president", of
    "Brazil"; ``of`` is None when no body or country is written."""

    role: str
    of: str | None
    article: str
    status: str = "current"


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedEntity:
    """One person, organisation or place of a story, however each report writes it.

    ``id`` is ``e1``, ``e2``, ... in order of first mention; ``name`` the fullest form
    written ("Kim Jong Un" over "Mr. Kim"); ``mentions`` in report order, titles that were
    linked to it ("the North Korean leader") included.
    """

    id: str
    label: str
    name: str
    mentions: tuple[EntityMention, ...]
    roles: tuple[EntityRole, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A sentence exactly as it stands in the cleaned text of ``article``.

    ``asserter`` is who the sentence says asserts the claim (the claim's
    ``attributed_to``, as written); None when the report itself asserts it.
    ``asserter_anonymous`` is true for an unnamed source ("a senior official").
    """

    article: str
    sentence: str
    start: int | None = None
    end: int | None = None
    asserter: str | None = None
    asserter_anonymous: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimGroup:
    """Claims from different reports of one story that speak of the same thing.

    ``claims`` are claim ids; ``similarity`` the mean pairwise cosine.
    """

    claims: tuple[str, ...]
    similarity: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryClaim:
    """A claim of a story with its verdict (the contract's ``claims`` entry)."""

    id: str
    text: str
    status: ClaimStatus
    independent_sources: int
    evidence: tuple[Evidence, ...]
    members: tuple[str, ...] = ()
    salience: float = 0.0
    basis: str | None = None
    """For a corroborated claim, what the agreement rests on: ``independent`` (reports
    that word it each their own way), ``shared wording`` (the same sentence word for word:
    wire copy, one outlet reprinting another; counted as one source) or ``shared quote``
    (reports that print the same quotation: both quote one speaker)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Side:
    """One side of a conflict: the value it gives and where it is said."""

    value: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """Aligned claims whose slots disagree."""

    id: str
    topic: str
    kind: ConflictKind
    sides: tuple[Side, ...]
    note: str
    weight: float = 0.0
    claims: tuple[str, ...] = ()
    confidence: float | None = None
    """0..1, how sure the judges are that the sides disagree about one event (the
    contradiction probability when it confirms them, else the same-event probability of
    the closest pair); None when no judge read it."""
    doubt: str = ""
    """For a possible difference: why it is set apart, in one line (empty for a conflict)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceCard:
    """How far to trust one report, and why.

    ``score`` is 0..1: the card's points on a 0-100 scale divided by 100 (see
    :mod:`newscheck.compose.sources`); ``anonymous_quotes``/``named_quotes`` count quotations,
    ``anonymous_sources``/``named_sources`` the people behind them."""

    article: str
    score: float
    corroborated: int
    contested: int
    single_source: int
    anonymous_quotes: int
    named_quotes: int
    flags: tuple[str, ...] = ()
    specifics_per_100_words: float = 0.0
    """Distinct checkable specifics (names, numbers, dates, places) per 100 body words."""
    reasons: tuple[str, ...] = ()
    """The card's grounds in words, with their counts. Those that moved the score come
    first, most points first, each led by its signed points on the 0-100 scale
    ("+6: 2 facts corroborated by other reports"); lines that moved nothing follow
    ("original reporting: 4 facts no other report has")."""
    named_sources: int | None = None
    """Distinct people (or bodies) the report quotes or cites by name: five quotes of one
    official are one source. None on a card read from a report that predates it."""
    anonymous_sources: int | None = None
    """Distinct unnamed sources, by their description. None as for ``named_sources``."""
    anonymous_descriptions: tuple[str, ...] = ()
    """The unnamed sources as the report describes them ("a senior administration
    official", "people familiar with the matter"), in order of first appearance."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEvent:
    when: str
    what: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    actor: str
    issue: str
    stance: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSentence:
    text: str
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    """Reports of one real-world event and everything found about them.

    ``error`` is set, in one line, when cross-checking the story failed: the story is still
    reported with its articles and title, and nothing found about it. ``note`` says, in one
    line, which stages did not run for it and why (a report in a language the claim and
    quote extraction does not read).
    """

    id: str
    title: str
    articles: tuple[str, ...]
    claims: tuple[StoryClaim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    possible_differences: tuple[Conflict, ...] = ()
    """Findings the judges set aside (different events, a speaker's claim disputed): shown
    apart, never counted in the source cards."""
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    sources: tuple[SourceCard, ...] = ()
    positions: tuple[Position, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    error: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The whole result of one ``analyze`` run (the public contract, see ``report.py``)."""

    generated_at: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    stories: tuple[Story, ...]
    schema: str = SCHEMA


# --------------------------------------------------------------------------- store

AnalysisStatus = Literal["queued", "running", "done", "failed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalysisRecord:
    """One analysis as the store keeps it: its state, progress and a summary of its report.

    ``stage``/``done``/``total`` is the latest progress the run reported (``"read"``,
    ``"extract"``, ``"cross-check"``...). ``error`` is one line, set when ``status`` is
    ``"failed"``. The counts and ``title`` (the first story's) are filled when the report
    is stored. Times are ISO 8601 UTC strings, as the contract writes them.
    """

    id: str
    status: AnalysisStatus
    created_at: str
    updated_at: str
    finished_at: str | None = None
    label: str | None = None
    inputs: int = 0
    stage: str | None = None
    done: int = 0
    total: int = 0
    error: str | None = None
    title: str | None = None
    articles: int = 0
    skipped: int = 0
    stories: int = 0
    conflicts: int = 0


# --------------------------------------------------------------------------- following

IngestOutcome = Literal["added", "unchanged", "new version"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Ingested:
    """One report as ``newscheck ingest`` found it.

    A report is one URL (or one input without a URL); ``outcome`` says whether its text
    was new (``added``), the one already stored (``unchanged``) or a changed text of a
    report already followed (``new version``, numbered from 1). ``story`` is the story it
    belongs to, None until it is assigned.
    """

    input: str
    report: str
    article: str
    version: int
    outcome: IngestOutcome
    title: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowedStory:
    """A story the store follows: its latest cross-checked version and its reports.

    ``first_published``/``last_published`` are the ISO dates its reports were published
    (None when none of them is dated: such a story is known by ``first_ingested``, the
    day its first report was ingested); ``version`` is 0 until the story's first report
    has been cross-checked.
    """

    id: str
    title: str
    reports: int
    version: int
    first_published: str | None
    last_published: str | None
    first_ingested: str
    created_at: str
    updated_at: str
    merged_into: str | None = None
    """The story this one was found to be and merged into (it is no longer listed)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryUpdate:
    """A story cross-checked again because its reports changed, and why (``cause``).

    ``merged_from`` are the followed stories found to be this one and merged into it
    since its previous version.
    """

    story: str
    version: int
    title: str
    cause: str
    error: str | None = None
    merged_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestResult:
    """What one ingest did: each report read, each input skipped, each story updated."""

    ingested: tuple[Ingested, ...]
    skipped: tuple[Skipped, ...]
    updates: tuple[StoryUpdate, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimChange:
    """A claim of a story's new version that is new, or whose status was ``was`` before."""

    claim: StoryClaim
    was: ClaimStatus | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceChange:
    """A report added to a story, or the new version of one (``replaces``: the article
    id of its previous version)."""

    article: Article
    replaces: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryDiff:
    """What changed in a story between two of its versions (``newscheck diff``).

    ``since`` is None when the story is compared with nothing (its first version);
    ``merged_from`` are the followed stories merged into it between the two versions.
    """

    story: str
    title: str
    since: int | None
    version: int
    new_claims: tuple[ClaimChange, ...] = ()
    now_corroborated: tuple[ClaimChange, ...] = ()
    now_contested: tuple[ClaimChange, ...] = ()
    new_conflicts: tuple[Conflict, ...] = ()
    sources_added: tuple[SourceChange, ...] = ()
    sources_updated: tuple[SourceChange, ...] = ()
    merged_from: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (self.new_claims or self.now_corroborated or self.now_contested
                    or self.new_conflicts or self.sources_added or self.sources_updated
                    or self.merged_from)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedPoll:
    """One poll of one watched feed: what was new in it, and what became of it.

    ``not_modified`` is True when the server answered 304 (nothing fetched); ``error`` is
    the one-line reason the feed itself could not be read.
    """

    feed: str
    not_modified: bool = False
    new_items: int = 0
    result: IngestResult | None = None
    error: str | None = None
