"""Quotes and their speakers.

:func:`extract_quotes` finds what an article says that someone said, and who said it:

* direct quotes between quote marks (straight or curly, double or single), limited to one
  paragraph: an unclosed quote mark is skipped rather than allowed to swallow the text
  after it; scare quotes and titles of one to three words ("so-called “reform”") are not
  quotes unless a cue verb follows them directly (“Never,” she said);
* the speaker of a direct quote from the cue verb next to it, in the same sentence:
  ``"...," X said`` / ``"...," said X`` / ``X said: "..."`` / ``"..." X told reporters`` /
  ``according to X, "..."``; a quote with no cue of its own that follows a quote of the
  adjacent sentence or paragraph continues it, and keeps its speaker;
* reported speech when its content is well bounded: the clausal complement of a cue verb
  (``X said that ...``, ``..., X warned``) and the clause around ``according to X``.
  Direct quotes win where the two overlap.

* a quoted phrase inside reported speech ("X said the plan was “a disaster” and would
  fail") is returned once, as the reported clause with its quote marks (``direct=False``);
* two apostrophes pair like a straight double quote (``''It's over,'' he said``), as in
  some wire and archive text;
* a quote after a colon with no speech verb takes the name of a label opening the
  paragraph (``Ana Ruiz, economist: “...”``, headlines ``Ruiz: ‘...’``) or the
  subject of the clause ending in the colon (``Ruiz turned to the minister: “...”``);
* a thing is never a speaker: a document, recording, post or platform ("the video said",
  "the letter reads", "Twitter") speaks for its author when the sentence names one ("a
  letter from Ana Ruiz", "Ruiz's post", "the IMF report", "the union issued a
  statement saying"), else the quote is kept with ``speaker=None``; an authorless
  "statement"/"release" takes the organisation that spoke last nearby, as "it" does. A
  time or a number ("said Thursday morning") is never a speaker either;
* a quote closed by a dash and a name (``“...” ― Ana Ruiz``) takes that name; a quoted
  phrase inside a sentence with no speech verb ("the council called it “a threat”")
  takes the subject of the verb it hangs on.

A speaker is a person or a body, never a thing or a headline: a name (never one learnt
from the headline, whose title case the parser reads as names: "Senate Overrides Obama's
Veto" names nobody "Overrides Obama"), a pronoun resolved to one, or a described source. A
common noun speaks only when it names people or a body ("analysts", "the union", "one
garden centre"); "the meeting was told", "their standard position states", "figures
suggest" give no speaker, and so no reported speech. A title without a name ("the
director said") is the person the report gave that title, else an unnamed source. A
denied speech verb ("officials did not say how many ...") reports nothing, and the subject
of a passive one is who was told ("X was warned by the mayor that ...": the mayor speaks).

Speakers are normalised: a surname alone takes the full name given earlier ("Ruiz"
after "Ana Ruiz"), with the role given earlier; he/she resolve to the nearest
preceding person whose gender does not contradict the pronoun (gender from titles —
Mr./Mrs./Ms. —, gendered role words, a first-name lexicon, and earlier pronoun links);
"the spokeswoman" resolves to the last person given that role, and unnamed sources ("a
senior official who requested anonymity", "officials said", later "the official") keep
their description with ``anonymous=True``. A quote whose speaker cannot be recovered is
kept with ``speaker=None`` only when it reads as a full sentence; an unattributed quoted
phrase is dropped. ``Quote.direct`` tells quoted words from reported speech and
``Quote.cue`` holds the lemma of the speech verb ("say", "tell", "according to").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from ..entities import first_name_gender, fuller_name, opens_with_given_name, pronoun_gender
from ..lexicon import (
    ABBREVIATIONS,
    AGENT_SUFFIXES,
    ANONYMITY_MARKERS,
    ANONYMOUS_SOURCE_NOUNS,
    ARTICLES,
    AUTHOR_PREPOSITIONS,
    BODY_NOUNS,
    BODY_POSSESSIVES,
    BODY_PRONOUNS,
    CLOSENESS_WORDS,
    COPULA_VERBS,
    DEFINITE_DETERMINERS,
    DOCUMENT_CUE_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_TITLES,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    INDEFINITE_DETERMINERS,
    ISSUED_DOCUMENT_NOUNS,
    MALE_TITLES,
    MALE_WORDS,
    ORGANISATION_NAME_WORDS,
    PERSONAL_PRONOUNS,
    PERSONAL_SUBJECT_PRONOUNS,
    PLATFORM_NAMES,
    QUOTE_CUE_VERBS,
    READER_VERBS,
    RELATIVE_PRONOUNS,
    REPORTED_SPEECH_VERBS,
    ROLE_SEAT_PREPOSITIONS,
    SOCIAL_HONORIFICS,
    SPEAKER_NOUNS,
    SPEAKER_PRONOUNS,
    SPEAKER_TITLE_WORDS,
    THING_NOUNS,
    TITLE_CASE_SMALL_WORDS,
    WRITTEN_CUE_VERBS,
)
from ..model import Article, Quote, Sentence
from ..settings import ExtractSettings
from .nlp import entities

NON_SPEAKER_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)
"""spaCy entity labels of what cannot speak: "said Monday" is not Monday talking. (The
small model's WORK_OF_ART and EVENT are too often a person or a site to rule them out.)"""

_DEFAULT = ExtractSettings()
# the lemma of a cue verb as written, for one the tagger left unlemmatised ("said" as "said")
_CUE_LEMMAS = {**WRITTEN_CUE_VERBS, **DOCUMENT_CUE_VERBS}

_PRONOUN_LIKE = ("NUM", "PRON", "DET", "ADJ")
"""Tags of a head word standing for a person of a group ("one said", "another added")."""

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"

_TERMINATOR = re.compile(r"[.!?][\"”’]*(?=\s+[A-Z0-9“\"‘(]|\s*$)")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_CUE_AFTER = re.compile(r"^[\s,;:—–-]*$")


@dataclass(slots=True)
class _Mark:
    """One quoted stretch: ``[open_, close_)`` with the marks, ``[start, end)`` the words."""

    open_: int
    close_: int
    start: int
    end: int


@dataclass(slots=True)
class _Speaker:
    name: str | None
    role: str | None = None
    anonymous: bool = False
    named: bool = False
    """True when ``name`` is a person or organisation name, not a description."""
    thing: bool = False
    """True when the words come from a document or post with no author given: the quote
    is attributed (kept) but nobody is named as its speaker."""


# --------------------------------------------------------------------------- public


@dataclass(slots=True)
class _Page:
    """One article as the quote finder reads it: its parse, quote marks and people."""

    doc: Doc
    text: str
    sentences: Sequence[Sentence]
    marks: list[_Mark]
    long_marks: list[_Mark]
    """Marks around ``min_quote_words`` words or more: quotes, not titles."""
    resolver: _Resolver


def extract_quotes(
    article: Article, doc: Doc, sentences: Sequence[Sentence],
    settings: ExtractSettings | None = None,
) -> list[Quote]:
    """Direct quotes and well-bounded reported speech of one article, with speakers.

    Args:
        article: The cleaned article; spans are offsets into ``article.text``.
        doc: The spaCy parse of ``article.text``.
        sentences: The article's sentences (they never cross a paragraph break).
        settings: The fewest words of a quote (defaults when None).

    Returns:
        Quotes ordered by position. Direct quotes come first where a reported-speech
        reading overlaps them; a quote whose speaker is unknown has ``speaker=None``.
    """
    text = article.text
    if not sentences:
        return []
    min_words = (settings or _DEFAULT).min_quote_words
    marks = _find_marks(text, sentences)
    long_marks = [m for m in marks if len(_WORD.findall(text[m.start : m.end])) >= min_words]
    page = _Page(doc=doc, text=text, sentences=sentences, marks=marks, long_marks=long_marks,
                 resolver=_Resolver(doc, text, article.body_start))
    quotes: list[Quote] = []
    used_cues: set[int] = set()
    prev: tuple[Quote, _Mark] | None = None
    for mark in marks:
        cue, cue_pos, dash = _cue_of(page, mark)
        words = len(_WORD.findall(text[mark.start : mark.end]))
        if words < min_words and not (cue is not None and cue_pos == "after"):
            continue
        if cue is None and dash is None and _looks_like_title(text[mark.start : mark.end]):
            continue
        sent = _sentence_at(sentences, mark.start)
        if cue is not None:
            used_cues.add(cue.i)
        speaker, cue_lemma = _speaker_of(page, mark, sent, cue, dash, prev)
        if speaker.name is None and not speaker.thing and not _is_full_sentence(text, mark, sent):
            # an unattributed quoted phrase tells a reader nothing: drop it
            continue
        quote = Quote(
            article=article.id,
            text=text[mark.start : mark.end],
            start=mark.start,
            end=mark.end,
            speaker=speaker.name,
            role=speaker.role,
            anonymous=speaker.anonymous,
            sentence=sent.index if sent is not None else None,
            direct=True,
            cue=cue_lemma,
        )
        page.resolver.note(quote, speaker, mark.open_)
        quotes.append(quote)
        prev = (quote, mark)

    reported = _reported(article, doc, sentences, marks, used_cues, page.resolver, min_words)
    # a quoted phrase inside reported speech is part of that quote, not one of its own
    quotes = [q for q in quotes
              if not any(r.start <= q.start and q.end <= r.end for r in reported)]
    quotes.extend(reported)
    quotes.sort(key=lambda q: (q.start, q.end))
    return _harmonise(quotes, page.resolver)


def _cue_of(page: _Page, mark: _Mark) -> tuple[Token | None, str | None, Token | None]:
    """The speech verb a quote hangs on and where it stands ("after", "governs"...), else
    the speaker named after a dash or before a colon (the third item)."""
    doc, text, sentences, marks = page.doc, page.text, page.sentences, page.marks
    # short quoted titles inside the sentence do not cut it: "told “Morning Joe” that"
    before_lo = max((m.close_ for m in page.long_marks if m.close_ <= mark.open_), default=0)
    after_hi = min((m.open_ for m in page.long_marks if m.open_ >= mark.close_),
                   default=len(text))
    para_lo, para_hi = _paragraph_bounds(sentences, mark.start)
    cue, cue_pos = _cue_for(doc, text, mark, max(before_lo, para_lo), min(after_hi, para_hi),
                            marks)
    governing = _governing_cue(doc, mark, marks)
    if governing is not None and cue_pos != "after":
        # the parse says which verb the quote hangs on: "China said it was “opposed”"
        cue, cue_pos = governing, "governs"
    if cue is None and mark.open_ == para_lo:
        cue, cue_pos = _intro_cue(doc, text, sentences, mark, marks)
    dash = _dash_speaker(doc, text, mark, para_hi) if cue is None else None
    if cue is None and dash is None:
        dash = _colon_speaker(doc, text, sentences, mark, marks)
    return cue, cue_pos, dash


def _speaker_of(page: _Page, mark: _Mark, sent: Sentence | None, cue: Token | None,
                dash: Token | None, prev: tuple[Quote, _Mark] | None
                ) -> tuple[_Speaker, str | None]:
    """Who says a direct quote, and the lemma of the cue: the subject of its cue, the name
    after its dash, the speaker of the quote it continues, or who the sentence says used
    the words."""
    resolver = page.resolver
    if cue is not None:
        return resolver.speaker_of_cue(cue, page.marks), _cue_lemma(cue)
    if dash is not None:
        return resolver.describe(dash), None
    if prev is not None and _continues(prev, mark, page.sentences, page.text):
        return _Speaker(prev[0].speaker, prev[0].role, prev[0].anonymous,
                        named=prev[0].speaker is not None), prev[0].cue
    # a quoted phrase inside a sentence: who the sentence says used it
    # ("the council called it “a clear threat”")
    subject = _governing_subject(page.doc, mark, page.marks, sent)
    speaker = resolver.describe(subject) if subject is not None else _Speaker(None)
    if speaker.name is None and _is_full_sentence(page.text, mark, sent):
        # "X called him a master at deals. “He showed again and again ...”"
        speaker = _lead_in_speaker(page.doc, page.sentences, sent, mark, page.long_marks,
                                   resolver)
    return speaker, None


def _harmonise(quotes: list[Quote], resolver: _Resolver) -> list[Quote]:
    """One name, role and anonymity per speaker across the article, in reading order.

    Direct quotes are resolved before reported speech, so a name or role that reported
    speech gave earlier in the text ("Port Authority director Ilse Marden said ...")
    is carried to later quotes here: "Marden" -> "Ilse Marden", with the role; "the
    official" -> the earlier "a senior official" with ``anonymous=True``.
    """
    out: list[Quote] = []
    for q in quotes:
        name, role, anonymous = q.speaker, q.role, q.anonymous
        if name and _is_person_name(name):
            for prev in out:
                # each earlier speaker in turn extends the name ("Ruiz" -> "Ana Ruiz")
                if prev.speaker:
                    name = fuller_name(name, (prev.speaker,))
            role = role or next((p.role for p in reversed(out)
                                 if p.speaker == name and p.role), None) \
                or resolver.role_of(name, q.start)
        elif name and _bare_noun(name):
            # "the official said": the unnamed source described earlier
            for prev in reversed(out):
                if prev.anonymous and prev.speaker and prev.speaker != name and (
                        _role_head(prev.speaker) == _bare_noun(name)):
                    name, anonymous = prev.speaker, True
                    break
        if (name, role, anonymous) != (q.speaker, q.role, q.anonymous):
            q = dataclasses.replace(q, speaker=name, role=role, anonymous=anonymous)
        out.append(q)
    return out


def _bare_noun(name: str) -> str | None:
    """The noun of a description that is one lower-case noun ("official", "the director")."""
    words = name.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return words[0].lower() if len(words) == 1 and words[0][:1].islower() else None


def is_direct(quote: Quote, text: str) -> bool:
    """Whether ``quote`` is a direct quote: its words stand between quote marks in ``text``."""
    before = text[quote.start - 1] if quote.start > 0 else ""
    return before in OPEN_DOUBLE + "\"‘'"


# --------------------------------------------------------------------------- quote marks


def _find_marks(text: str, sentences: Sequence[Sentence]) -> list[_Mark]:
    """Quoted stretches, paragraph by paragraph; unclosed marks are dropped."""
    out: list[_Mark] = []
    for lo, hi in _paragraphs(sentences):
        doubles = _pair_doubles(text, lo, hi)
        out.extend(doubles)
        # single quotes only outside double ones: inside, they are nested quotes
        gaps: list[tuple[int, int]] = []
        pos = lo
        for m in doubles:
            gaps.append((pos, m.open_))
            pos = m.close_
        gaps.append((pos, hi))
        for g_lo, g_hi in gaps:
            out.extend(_pair_singles(text, g_lo, g_hi))
    out.sort(key=lambda m: m.open_)
    return [m for m in out if m.end > m.start]


def _pair_doubles(text: str, lo: int, hi: int) -> list[_Mark]:
    out: list[_Mark] = []
    open_at: int | None = None
    pos = lo
    while pos < hi:
        ch = text[pos]
        # two apostrophes stand for a straight double quote in some wire and archive
        # text (''It's over,'' he said); they pair like one
        width = 2 if text.startswith("''", pos) and pos + 1 < hi else 1
        if ch in OPEN_DOUBLE:
            open_at = pos  # a second opening mark means the first was never closed
        elif ch in CLOSE_DOUBLE:
            if open_at is not None:
                out.append(_make_mark(text, open_at, pos + 1))
                open_at = None
        elif ch == '"' or width == 2:
            if open_at is None:
                open_at = pos
            else:
                out.append(_make_mark(text, open_at, pos + width))
                open_at = None
        pos += width
    return out


def _pair_singles(text: str, lo: int, hi: int) -> list[_Mark]:
    """Curly single quotes: ‘ opens at a word start; ’ closes when no letter follows."""
    out: list[_Mark] = []
    open_at: int | None = None
    for pos in range(lo, hi):
        ch = text[pos]
        if ch == "‘" and (pos == lo or not text[pos - 1].isalnum()):
            open_at = pos
        elif ch == "’" and open_at is not None:
            nxt = text[pos + 1] if pos + 1 < len(text) else " "
            if not nxt.isalnum():
                out.append(_make_mark(text, open_at, pos + 1))
                open_at = None
    return out


def _make_mark(text: str, open_: int, close_: int) -> _Mark:
    start, end = open_ + 1, close_ - 1
    if text.startswith("''", open_):
        start += 1
    if close_ - open_ >= 4 and text.startswith("''", close_ - 2):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return _Mark(open_=open_, close_=close_, start=start, end=end)


def _looks_like_title(words: str) -> bool:
    """A short capitalised phrase without sentence punctuation: a title or a name."""
    words = words.rstrip(",;: ")
    tokens = _WORD.findall(words)
    if not tokens or len(tokens) > 8 or re.search(r"[.!?]$", words):
        return False
    content = [t for t in tokens if t.lower() not in TITLE_CASE_SMALL_WORDS]
    return bool(content) and all(t[0].isupper() or t[0].isdigit() for t in content)


# --------------------------------------------------------------------------- sentences


def _paragraphs(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    current = -1
    for s in sentences:
        if s.paragraph != current or not out:
            out.append((s.start, s.end))
            current = s.paragraph
        else:
            out[-1] = (out[-1][0], s.end)
    return out


def _paragraph_bounds(sentences: Sequence[Sentence], pos: int) -> tuple[int, int]:
    for lo, hi in _paragraphs(sentences):
        if lo <= pos <= hi:
            return lo, hi
    return pos, pos


def _sentence_at(sentences: Sequence[Sentence], pos: int) -> Sentence | None:
    best = None
    for s in sentences:
        if s.start <= pos:
            best = s
        else:
            break
    return best


def _is_terminator(text: str, pos: int) -> bool:
    """Whether the ``.``/``!``/``?`` at ``pos`` ends a sentence (not "Mr." or "U.S.")."""
    if text[pos] != ".":
        return True
    m = re.search(r"([\w.]+)$", text[:pos])
    word = m.group(1).lower() if m else ""
    return not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def _clause_window(text: str, lo: int, hi: int, *, forward: bool) -> tuple[int, int]:
    """The part of ``[lo, hi)`` in the same sentence as the quote next to it."""
    if forward:
        for m in _TERMINATOR.finditer(text, lo, hi):
            if _is_terminator(text, m.start()):
                return lo, m.start()
        return lo, hi
    last = lo
    for m in _TERMINATOR.finditer(text, lo, hi):
        if _is_terminator(text, m.start()):
            last = m.end()
    return last, hi


def _continues(prev: tuple[Quote, _Mark], mark: _Mark, sentences: Sequence[Sentence],
               text: str) -> bool:
    """Whether a quote without a cue continues the previous one (same speaker)."""
    quote, prev_mark = prev
    if quote.speaker is None:
        return False
    gap = text[prev_mark.close_ : mark.open_]
    # next sentence of the same paragraph, or the first words of the next paragraph
    if "\n" not in gap:
        if len(_WORD.findall(gap)) <= 25:
            return True
        # “A,” said X, a ... who ... . “B.”: however long the cue clause, when it is all
        # that stands between the two quotes (one sentence, ended right before the
        # second), the second is the same speaker's
        ends = [m.start() for m in _TERMINATOR.finditer(gap) if _is_terminator(gap, m.start())]
        return quote.cue is not None and len(ends) == 1 and not gap[ends[0] + 1 :].strip(
            " \"”’'")
    if gap.count("\n\n") > 1 or len(_WORD.findall(gap)) > 25:
        return False
    para_lo, _ = _paragraph_bounds(sentences, mark.start)
    return mark.open_ == para_lo


# --------------------------------------------------------------------------- cues


def _tokens_in(doc: Doc, lo: int, hi: int) -> list[Token]:
    span = doc.char_span(lo, hi, alignment_mode="contract") if hi > lo else None
    return list(span) if span is not None else []


def _is_cue(tok: Token, *, after: bool = False) -> bool:
    if tok.lemma_.lower() in QUOTE_CUE_VERBS and tok.pos_ in ("VERB", "AUX"):
        return True
    if after and tok.lower_ in DOCUMENT_CUE_VERBS and not any(
            c.dep_ == "dobj" for c in tok.children):
        return True  # "“...,” the letter reads": only right after a quote
    if tok.lemma_.lower() == "put" and any(c.lower_ == "it" and c.dep_ == "dobj"
                                           for c in tok.children):
        return True  # "as one resident put it, “...”"
    # the tagger sometimes reads a cue after a quote as a noun or adjective
    return tok.lower_ in WRITTEN_CUE_VERBS


def _intro_cue(doc: Doc, text: str, sentences: Sequence[Sentence], mark: _Mark,
               marks: Sequence[_Mark]) -> tuple[Token | None, str]:
    """A cue ending the previous paragraph with a colon: ``He said:`` then the quote."""
    before = text[: mark.open_].rstrip()
    if not before.endswith(":") or "\n" not in text[len(before) : mark.open_]:
        return None, ""
    lo, _ = _paragraph_bounds(sentences, len(before) - 1)
    b_lo, b_hi = _clause_window(text, lo, len(before), forward=False)
    for tok in reversed(_tokens_in(doc, b_lo, b_hi)):
        if _is_cue(tok) and not _inside(tok, marks):
            return tok, "before"
    return None, ""


def _inside(tok: Token, marks: Sequence[_Mark]) -> bool:
    return any(m.open_ <= tok.idx < m.close_ for m in marks)


def _cue_for(doc: Doc, text: str, mark: _Mark, lo: int, hi: int, marks: Sequence[_Mark]
             ) -> tuple[Token | None, str]:
    """The cue verb governing a quote: after it (preferred), then before it."""
    quoted = text[mark.start : mark.end].rstrip()
    a_lo, a_hi = _clause_window(text, mark.close_, hi, forward=True)
    # a quote ending with a full stop and followed by a new sentence has no cue after it
    after_text = text[a_lo:a_hi].lstrip(" ,")
    closed = quoted.endswith(".") and after_text[:1].isupper()
    if closed:
        # “... in winter.” Ruiz said. — a full stop where the comma belongs: a sentence
        # that is nothing but a speaker and a bare speech verb attributes the quote
        cue = _bare_cue(doc, a_lo, a_hi, marks)
        if cue is not None:
            return cue, "after"
    else:
        for tok in _tokens_in(doc, a_lo, a_hi):
            if _inside(tok, marks):
                continue
            if _is_cue(tok, after=True):
                return tok, "after"
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                return tok, "after"
    b_lo, b_hi = _clause_window(text, lo, mark.open_, forward=False)
    for tok in reversed(_tokens_in(doc, b_lo, b_hi)):
        if _inside(tok, marks):
            continue
        if _is_cue(tok):
            return tok, "before"
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return tok, "before"
    return None, ""


def _bare_cue(doc: Doc, lo: int, hi: int, marks: Sequence[_Mark]) -> Token | None:
    """The speech verb of a sentence that is only a subject and the verb ("Ruiz said.").

    A few words at most, the verb with a subject before it and nothing said after it (no
    object, no clause: "Ruiz said he would stay." is a statement of its own).
    """
    toks = [t for t in _tokens_in(doc, lo, hi) if not t.is_space and not t.is_punct]
    if not toks or len(toks) > 5 or any(_inside(t, marks) for t in toks):
        return None
    verb = toks[-1]
    if not _is_cue(verb) or verb.i == toks[0].i:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative", "attr", "prep") for c in verb.children):
        return None
    subject = _subject_of(verb, marks)
    if subject is None or not toks[0].i <= subject.i < verb.i or not _can_speak(subject):
        return None
    return verb


def _cue_lemma(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    lemma = cue.lemma_.lower()
    # the tagger may read "said" after a quote as an adjective, with itself as lemma
    return _CUE_LEMMAS.get(lemma, lemma)


def _quote_root(doc: Doc, mark: _Mark) -> Token | None:
    """The token of the quoted words whose head lies outside them."""
    toks = _tokens_in(doc, mark.start, mark.end)
    if not toks:
        return None
    lo, hi = toks[0].i, toks[-1].i
    for tok in toks:
        if not lo <= tok.head.i <= hi or tok.head is tok:
            return tok
    return toks[0]


def _governing_cue(doc: Doc, mark: _Mark, marks: Sequence[_Mark]) -> Token | None:
    """A cue verb outside the quote marks that the quoted words depend on, in the sentence."""
    root = _quote_root(doc, mark)
    if root is None:
        return None
    tok = root
    for _ in range(6):
        if tok.head is tok:
            return None
        tok = tok.head
        if _inside(tok, marks) or tok.sent.start != root.sent.start:
            continue
        if _is_cue(tok):
            return tok
    return None


def _governing_subject(doc: Doc, mark: _Mark, marks: Sequence[_Mark],
                       sent: Sentence | None) -> Token | None:
    """The subject of the nearest verb above a quoted phrase embedded in a sentence."""
    if sent is None or len(_WORD.findall(doc.text[sent.start : mark.open_])) < 2:
        return None
    root = _quote_root(doc, mark)
    tok = root
    for _ in range(6):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if _inside(tok, marks):
            continue
        if tok.pos_ in ("VERB", "AUX"):
            if tok.lemma_.lower() in COPULA_VERBS:
                # "Trump would be “the healthiest ...”": the subject is described, not quoted
                return None
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and not _inside(child, marks):
                    # "what looked like “...”", "money coming from “...”": nobody speaking
                    return child if _can_speak(child) else None
    return None


def _lead_in_speaker(doc: Doc, sentences: Sequence[Sentence], sent: Sentence | None,
                     mark: _Mark, long_marks: Sequence[_Mark], resolver: _Resolver
                     ) -> _Speaker:
    """The person the sentence before a free-standing quote is about, or nobody.

    A quote that opens its sentence with no cue, after a sentence whose subject (or the
    subject of its speech verb) is a named person, is that person's by the usual
    convention of news writing ("Schiff said the plan was risky. “The other factor
    is ...”"). Only named people qualify: anything vaguer is left without a speaker.
    """
    if sent is None or sent.index == 0 or mark.open_ > sent.start + 1:
        return _Speaker(None)
    prev = next((s for s in sentences if s.index == sent.index - 1), None)
    if prev is None or sent.paragraph - prev.paragraph > 1 or (
            sent.paragraph != prev.paragraph and mark.open_ != sent.start):
        return _Speaker(None)
    if any(m.open_ < prev.end and prev.start < m.close_ for m in long_marks):
        return _Speaker(None)  # a quote of its own: the continuation rule had its say
    span = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    if span is None:
        return _Speaker(None)
    verbs = [span.root] + [t for t in span if _is_cue(t) and t is not span.root]
    for verb in verbs:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        speaker = resolver.describe(subject)
        if speaker.named and not speaker.anonymous and _is_person_name(speaker.name):
            return speaker
    return _Speaker(None)


def _is_thing(tok: Token) -> bool:
    """Whether ``tok`` heads a document, a recording, a post or a platform name.

    A common noun is a thing by its lemma; a proper name only when it is a platform
    ("Twitter").
    """
    if tok.lower_ in PLATFORM_NAMES:
        return True  # whatever the recogniser calls it (the small model says PERSON)
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        return False
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in THING_NOUNS


def _author_of(thing: Token) -> Token | None:
    """Who a document or post is by, when its sentence says: the head of the author phrase.

    "Ruiz's letter", "a letter from Ana Ruiz", "a video posted by the campaign",
    "the union issued a statement saying": the possessor, the object of "from"/"by"
    (also through a participle), or the subject of the verb the thing is the object of.
    """
    for child in thing.children:
        if child.dep_ == "poss" and child.lower_ not in BODY_POSSESSIVES:
            return child
    for child in thing.children:
        # "the IMF report", "a Ruiz campaign video": a name modifying the thing
        if child.dep_ == "compound" and child.pos_ == "PROPN" and not _is_thing(child) and (
                child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
            return child
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and not _is_thing(obj):
                return obj
        if child.dep_ == "acl" and child.lemma_.lower() not in READER_VERBS:
            # "a video posted by the campaign" (not "notices seen by the Journal")
            for grand in child.children:
                if grand.dep_ == "agent":
                    obj = next((c for c in grand.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    if thing.dep_ == "dobj" and thing.head.pos_ == "VERB":
        subj = next((c for c in thing.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and not _is_thing(subj) and _can_speak(subj):
            return subj
    return None


def _can_speak(tok: Token) -> bool:
    """Whether a subject names someone who can say something: a person, a body, a role.

    A name or a pronoun can; a common noun when the lexicon says it names people or a
    body, or when it is an agent noun ("bartender", "lobbyist") and no document; "one"
    or "another" standing for a person of a group can too. "The meeting", "figures" or
    "their standard position" cannot.
    """
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return True
    if tok.pos_ == "NOUN" and tok.text[:1].isupper() and (
            not tok.is_sent_start or not (tok.text[1:].islower() or tok.text.isupper())):
        return True  # a name the tagger read as a noun ("HuffPost reported", "Wikileaks")
    if tok.lower_ in PERSONAL_SUBJECT_PRONOUNS:
        return True
    lemma = tok.lemma_.lower()
    if lemma in ANONYMOUS_SOURCE_NOUNS | SPEAKER_TITLE_WORDS | BODY_NOUNS | SPEAKER_NOUNS:
        return True
    if tok.pos_ in _PRONOUN_LIKE:
        return tok.lower_ in GROUP_PRONOUNS
    return lemma not in THING_NOUNS and lemma.endswith(AGENT_SUFFIXES) and len(lemma) > 4


def _dash_speaker(doc: Doc, text: str, mark: _Mark, hi: int) -> Token | None:
    """A name after a dash that closes a quote: ``“...” ― Ana Ruiz``."""
    # any blank but a line break around the dash (web pages use no-break spaces)
    m = re.match(r"[^\S\n]*[―—–-]{1,2}[^\S\n]*(?=[A-Z])", text[mark.close_ : hi])
    if m is None:
        return None
    start = mark.close_ + m.end()
    end = text.find("\n", start)
    end = hi if end < 0 or end > hi else end
    toks = [t for t in _tokens_in(doc, start, end) if not t.is_space]
    if not toks or len(toks) > 25:
        return None
    # the head of the first noun phrase after the dash
    first = toks[0]
    head = first
    while head.head is not head and head.head.i in {t.i for t in toks} and head.head.i > head.i \
            and head.head.pos_ in ("PROPN", "NOUN"):
        head = head.head
    return head if head.pos_ in ("PROPN", "NOUN") else None


def _colon_speaker(doc: Doc, text: str, sentences: Sequence[Sentence], mark: _Mark,
                   marks: Sequence[_Mark]) -> Token | None:
    """Who a colon hands a quote to when no speech verb does.

    Two conventions of news writing: a label before a colon ("Ana Ruiz, economist:
    “...”", headlines such as "Ruiz: ‘We Will Stay Out’"), whose first name is the
    speaker; and a clause ending in a colon right before the quote ("Ruiz turned to the
    minister: “...”"), whose subject is. A label must name someone (a person or an
    organisation, not a place or a common noun: "Update:" names nobody); a clause's
    subject must be able to speak ("The storm brought chaos:" does not hand over a quote).
    """
    para_lo, _ = _paragraph_bounds(sentences, mark.start)
    stripped = text[: mark.open_].rstrip()
    gap = text[len(stripped) : mark.open_]
    if stripped.endswith(":") and gap.count("\n") <= 2:
        colon = len(stripped) - 1  # "...:" then the quote, maybe in the next paragraph
        right_before = True
    else:
        colon = text.find(":", para_lo, mark.open_)
        right_before = False
        if colon < 0:
            return None
    sent = _sentence_at(sentences, colon)
    if sent is None:
        return None
    toks = [t for t in _tokens_in(doc, sent.start, colon)
            if not t.is_space and not _inside(t, marks)]
    if not toks or len(toks) > 30 or any(_inside(t, marks) for t in toks[:1]):
        return None
    finite = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.tag_ in (
        "VBD", "VBZ", "VBP", "MD")]
    if not finite:
        # a label: it opens its paragraph and is a name ("Meghan Ruiz, columnist:")
        if sent.start != _paragraph_bounds(sentences, colon)[0] or len(toks) > 12:
            return None
        head = toks[0]
        while (head.head is not head and head.head.i > head.i and head.head.i <= toks[-1].i
               and head.head.pos_ == "PROPN"):
            head = head.head
        if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME",
                                                      "NORP"):
            return None
        return head
    if not right_before:
        return None
    verb = next((t for t in toks if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), finite[0])
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _can_speak(subject) or _is_thing(subject):
        return None
    return subject


def _is_full_sentence(text: str, mark: _Mark, sent: Sentence | None) -> bool:
    """Whether the quoted words read as a sentence of their own, not a phrase."""
    words = text[mark.start : mark.end].rstrip()
    if not words[:1].isupper():
        return False
    if re.search(r"[.!?…]$", words):
        return True
    # a capitalised quote filling its sentence: “We will not go back”
    return sent is not None and mark.open_ <= sent.start + 1 and mark.close_ >= sent.end - 2


def _subject_of(cue: Token, marks: Sequence[_Mark] = ()) -> Token | None:
    """The grammatical subject of a cue verb, walking up "..., adding" to its head verb.

    A subject inside quote marks is the parser reading the quote's last words as the
    subject ("... panic mode,” said X"): it is skipped for the one outside.
    """
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if to is not None:
            for child in to.children:
                if child.dep_ == "pobj":
                    return child
        return None
    if cue.dep_ == "acl" and cue.head.pos_ in ("PROPN", "NOUN") and cue.head.i < cue.i:
        # "footage of Trump saying, “...”": the participle hangs on its speaker
        return cue.head
    prev = cue.doc[cue.i - 1] if cue.i > 0 else None
    if cue.tag_ == "VBG" and prev is not None and prev.ent_type_ == "PERSON":
        return prev  # the same, with the participle attached elsewhere by the parser
    tok: Token | None = cue
    for _ in range(3):
        if tok is None:
            break
        for child in tok.children:
            if child.dep_ == "nsubjpass" and tok is cue:
                # "X was warned by the mayor that ...": X is told, the agent speaks
                return _agent(cue)
            if child.dep_ in ("nsubj", "nsubjpass") and not _inside(child, marks):
                if child.ent_type_ in ("DATE", "TIME") and not _is_age_description(child):
                    # "..., Chief Jordan said Monday": the parser took the day
                    return _person_before(cue, marks)
                return child
        if tok.dep_ in ("conj", "advcl", "xcomp", "ccomp", "relcl") and tok.head is not tok:
            tok = tok.head
        else:
            break
    # inverted cue the parser did not attach: "..., said Ana Ruiz."
    nxt = cue.i + 1
    if nxt < len(cue.doc) and cue.doc[nxt].pos_ in ("PROPN", "NOUN", "PRON", "DET"):
        head = cue.doc[nxt]
        while head.head.i > head.i and head.head.i - cue.i <= 6 and head.head.pos_ in (
            "PROPN", "NOUN"
        ):
            head = head.head
        return head
    return None


def _agent(verb: Token) -> Token | None:
    """The agent of a passive verb ("warned by the mayor": mayor), else None."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _person_before(cue: Token, marks: Sequence[_Mark]) -> Token | None:
    """The nearest person named before ``cue`` in its sentence, outside quote marks."""
    for tok in reversed(cue.doc[cue.sent.start : cue.i]):
        if tok.ent_type_ == "PERSON" and not _inside(tok, marks):
            return tok
    return None


# --------------------------------------------------------------------------- speakers


class _Resolver:
    """Names, roles and pronouns of one article, filled in as quotes are found."""

    def __init__(self, doc: Doc, text: str, body_start: int = 0) -> None:
        """Learn the article's people from ``doc``; from its headline only full names.

        A headline before ``body_start`` is title-cased, and the parser reads its words
        as names ("Senate Overrides Obama's Veto": "Overrides Obama"); a name learnt there
        would become the full name of every later "Obama". A headline name is kept when
        it opens with a known given name ("Indicting Roger Stone, ...": "Roger Stone").
        """
        self.doc = doc
        self.text = text
        self.persons: list[tuple[int, str]] = []
        """(position, full name) of every person mention, in order."""
        self.speakers: list[tuple[int, _Speaker]] = []
        self.roles: list[tuple[int, str, str]] = []
        """(position, role, name): who was given which role."""
        self.subjects: set[int] = set()
        """Positions of person mentions that are grammatical subjects."""
        self.genders: dict[str, str] = {}
        """Full name -> "m"/"f", from titles, first names, gendered roles and pronouns."""
        for ent in entities(doc):
            if ent.label_ == "PERSON":
                name = self._clean_name(ent)
                if name and (ent.start_char >= body_start or opens_with_given_name(name)):
                    full = self.full_name(name, ent.start_char)
                    self.persons.append((ent.start_char, full))
                    role = _role_of_person(ent)
                    if role:
                        self.roles.append((ent.start_char, role, full))
                    self._learn_gender(full, _gender_cue(ent, role))
                    if ent.root.dep_ in ("nsubj", "nsubjpass"):
                        self.subjects.add(ent.start_char)
        # a name the recogniser missed but the parser made a subject ("Ham explained"),
        # or took for a place or a body although an age follows it ("Lind, 61, said"):
        # only people are given their age between commas
        for tok in doc:
            aged = _age_follows(tok)
            if (tok.idx >= body_start and tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN"
                    and (tok.ent_type_ == "" or aged) and tok.text[:1].isupper()
                    and len(tok.text) > 2 and tok.lower_ not in SPEAKER_PRONOUNS):
                toks = [t for t in tok.lefts if t.dep_ == "compound"] + [tok]
                toks = doc[toks[0].i : tok.i + 1]
                if all(t.pos_ == "PROPN" and t.text[:1].isupper()
                       and (t.ent_type_ == "" or aged)
                       and t.lower_ not in SPEAKER_TITLE_WORDS for t in toks):
                    name = "".join(t.text + t.whitespace_ for t in toks).strip()
                    self.persons.append((toks[0].idx, self.full_name(name, toks[0].idx)))
                    self.subjects.add(toks[0].idx)
        self.persons.sort()

    def _learn_gender(self, name: str, gender: str | None) -> None:
        if name in self.genders:
            return
        gender = gender or first_name_gender(name)
        if gender is not None:
            self.genders[name] = gender

    # -- names

    @staticmethod
    def _clean_name(ent: Span) -> str:
        toks = [t for t in ent if not (t.is_punct and t.text not in ".-'’")]
        while toks and toks[0].lower_.rstrip(".") in SOCIAL_HONORIFICS:
            toks = toks[1:]
        while toks and toks[-1].lower_ in ("'s", "’s"):
            toks = toks[:-1]
        return " ".join(t.text for t in toks).strip(" ,")

    def full_name(self, name: str, pos: int) -> str:
        """The fullest form of ``name`` written before ``pos`` ("Ruiz" -> "Ana Ruiz")."""
        earlier = takewhile(lambda mention: mention[0] < pos, self.persons)
        return fuller_name(name, (full for _, full in earlier))

    # -- bookkeeping

    def note(self, quote: Quote, speaker: _Speaker, pos: int) -> None:
        if speaker.name is not None:
            self.speakers.append((pos, speaker))
            if speaker.named and speaker.role:
                self.roles.append((pos, speaker.role, speaker.name))

    # -- resolution

    def pronoun(self, word: str, pos: int) -> _Speaker:
        word = word.lower()
        if word in PERSONAL_PRONOUNS:
            # the nearest preceding person whose gender does not contradict the pronoun
            want = pronoun_gender(word)
            cands: list[tuple[int, str, str | None]] = [
                (p, full, None) for p, full in self.persons
                if p < pos and not self._inside_quote(p) and _is_person_name(full)
                and full.lower() not in PLATFORM_NAMES  # the recogniser's "Twitter"
            ]
            cands += [(p, spk.name, spk.role) for p, spk in self.speakers
                      if p < pos and spk.named and not spk.anonymous and spk.name is not None
                      and _is_person_name(spk.name)]
            cands = [c for c in cands if self.genders.get(c[1], want) == want]
            if not cands:
                return _Speaker(None)
            cands.sort(key=lambda c: c[0], reverse=True)
            # in the sentence of the nearest fitting person, a subject outranks a name in
            # a possessive or an object ("Trump commented on Crutcher's death. He said")
            sent = self._sent_start(cands[0][0])
            same = [c for c in cands if self._sent_start(c[0]) == sent]
            _, name, role = next((c for c in same if c[0] in self.subjects), same[0])
            # "Ruiz ... she": the link fixes the gender for later pronouns
            self.genders.setdefault(name, want)
            return _Speaker(name, role or self.role_of(name, pos), named=True)
        if word in BODY_PRONOUNS:
            # "it" is a body or a document, "they" a group: an earlier speaker of that
            # kind in this paragraph or the two before, never a single person or a role
            lo = pos
            for _ in range(3):
                lo = max(self.text.rfind("\n\n", 0, lo), 0)
            for p, spk in reversed(self.speakers):
                if p < lo or p >= pos or spk.name is None:
                    continue
                if spk.named:
                    if not _is_person_name(spk.name) or _looks_like_org(spk.name):
                        return _Speaker(spk.name, spk.role, spk.anonymous, spk.named)
                    continue  # a person is "he" or "she"
                plural = _role_head(spk.name) != spk.name.split()[-1].lower()
                if word != "it" and plural:
                    return _Speaker(spk.name, spk.role, spk.anonymous, spk.named)
                if word == "it" and _role_head(spk.name) in BODY_NOUNS | DOCUMENT_NOUNS:
                    return _Speaker(spk.name, spk.role, spk.anonymous, spk.named)
        return _Speaker(None)

    def nearest_person(self, pos: int) -> _Speaker:
        """The person named last before ``pos`` outside quote marks, in its paragraph or
        the one before; nobody when none is."""
        lo = pos
        for _ in range(2):
            lo = max(self.text.rfind("\n\n", 0, lo), 0)
        for p, full in reversed(self.persons):
            if lo <= p < pos and not self._inside_quote(p) and _is_person_name(full) \
                    and full.lower() not in PLATFORM_NAMES:
                return _Speaker(full, self.role_of(full, pos), named=True)
        return _Speaker(None)

    def _sent_start(self, pos: int) -> int:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span.sent.start if span is not None else -1

    def role_of(self, name: str, pos: int) -> str | None:
        """The role last given to ``name`` before ``pos``."""
        for p, spk in reversed(self.speakers):
            if p < pos and spk.name == name and spk.role:
                return spk.role
        for p, role, who in reversed(self.roles):
            if p < pos and who == name:
                return role
        return None

    def by_role(self, head: str, pos: int) -> str | None:
        found = None
        for p, role, name in self.roles:
            if p < pos and _role_head(role) == head:
                found = name
        return found

    def _inside_quote(self, pos: int) -> bool:
        # cheap test: an odd number of quote marks before pos in its paragraph
        para_start = self.text.rfind("\n", 0, pos) + 1
        seg = self.text[para_start:pos]
        opens = sum(seg.count(c) for c in OPEN_DOUBLE)
        closes = sum(seg.count(c) for c in CLOSE_DOUBLE)
        return opens > closes or seg.count('"') % 2 == 1

    def speaker_of_cue(self, cue: Token, marks: Sequence[_Mark]) -> _Speaker:
        subject = _subject_of(cue, marks)
        if subject is None:
            return _Speaker(None)
        if any(m.open_ <= subject.idx < m.close_ for m in marks):
            return _Speaker(None)
        if subject.ent_type_ in NON_SPEAKER_LABELS and not _is_age_description(subject):
            # "..., Flynn, a top aide, said Thursday morning": the parser took the time;
            # the speaker is the person named before the cue in its clause
            person = _person_before(cue, marks)
            return self.describe(person) if person is not None else _Speaker(None)
        return self.describe(subject)

    def describe(self, head: Token, _depth: int = 0) -> _Speaker:
        """Speaker name, role and anonymity from the head token of a subject phrase."""
        pos = head.idx
        if head.lower_ in SPEAKER_PRONOUNS:
            return self.pronoun(head.lower_, pos)
        if _is_age_description(head):
            # "said the 46-year-old": the recogniser reads an age as a date, but it is
            # the person just written about, as "he" or "she" would be
            return self.nearest_person(pos)
        if head.ent_type_ in NON_SPEAKER_LABELS and head.pos_ != "PRON":
            return _Speaker(None)
        if _is_thing(head):
            # a document or a post speaks for its author, never for itself
            author = _author_of(head)
            if author is not None and _depth < 2:
                return self.describe(author, _depth + 1)
            if head.lemma_.lower() in ISSUED_DOCUMENT_NOUNS:
                body = self.pronoun("it", pos)
                if body.name is not None:
                    return body
            return _Speaker(None, thing=True)
        if head.lower_ in RELATIVE_PRONOUNS:
            # "..., who said" / relative clause: the noun it hangs on
            if head.head.dep_ == "relcl":
                return self.describe(head.head.head)
            return _Speaker(None)
        person = _person_entity(head)
        if person is None:
            # "the union's spokeswoman, Ana Ruiz, said"
            for child in head.children:
                if child.dep_ == "appos":
                    person = _person_entity(child)
                    if person is not None:
                        name = self.full_name(self._clean_name(person), pos)
                        return _Speaker(name, _norm_role(_np_tokens(head)),
                                        named=True)
        if person is not None:
            name = self.full_name(self._clean_name(person), pos)
            if not name:
                return _Speaker(None)
            role = _role_of_person(person) or self.role_of(name, pos)
            return _Speaker(name, role, named=True)

        np = _np_tokens(head)
        proper = head.pos_ == "PROPN" and head.text[:1].isupper()
        if proper or head.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
            # an organisation or a name the tagger missed
            name = _phrase(np, drop_det=True)
            if head.pos_ == "PROPN" and head.ent_type_ in ("", "PERSON"):
                name = self.full_name(name, pos)
            return _Speaker(name or None, named=bool(name))

        return self._described(head, np)

    def _described(self, head: Token, np: list[Token]) -> _Speaker:
        """A speaker named by a common noun: a person or body described, never a thing.

        Only a noun that names people or a body can speak (``_can_speak``): "the
        meeting", "their standard position" or "talks" are nobody. A person described
        without a name ("the director", "analysts") is the one the report gave that role
        earlier, else an unnamed source (``anonymous=True``: "its director" is the body's
        director when the text says whose); a body ("the union", "her campaign") is an
        organisation as written.
        """
        if not _can_speak(head):
            return _Speaker(None)
        if head.pos_ in _PRONOUN_LIKE:
            # "one said", "those close to him said": one of a group the report described
            return _Speaker(_description(head, np), anonymous=True)
        lemma = head.lemma_.lower()
        whose = [t for t in np if t.dep_ == "poss" and t.pos_ == "PRON"]
        det = next((t.lower_ for t in np if t.dep_ in ("det", "nummod")), None)
        markers = {t.lower_ for t in head.subtree} & ANONYMITY_MARKERS
        plural = head.tag_ in ("NNS", "NNPS")
        if lemma in ANONYMOUS_SOURCE_NOUNS or markers:
            anonymous = bool(markers) or det in INDEFINITE_DETERMINERS or (plural and det is None and not any(
                t.dep_ == "poss" for t in np))
            if anonymous:
                return _Speaker(_description(head, np), anonymous=True)
        if det in DEFINITE_DETERMINERS:
            named = self.by_role(lemma, head.idx)
            if named is not None:
                return _Speaker(named, _phrase(np, drop_det=True), named=True)
        if lemma in SPEAKER_TITLE_WORDS and not plural and all(
                t in whose for t in np if t.dep_ == "poss"):
            # one title-holder without a name: a described source at most ("the director
            # said"); "its director" is the body's director when the text says whose.
            # A group ("Republican leaders") is described as written.
            desc = _norm_role(np) if whose else _phrase(np, drop_det=False)
            if not desc or np[0].dep_ == "det":
                desc = _phrase(np, drop_det=False)
                desc = desc[:1].lower() + desc[1:]
            return _Speaker(desc, anonymous=True)
        desc = _phrase(np, drop_det=True)
        return _Speaker(desc or None, named=False)


def _age_follows(tok: Token) -> bool:
    """Whether an age stands between commas right after ``tok`` ("Lind, 61, said")."""
    doc = tok.doc
    if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 3].text != ",":
        return False
    age = doc[tok.i + 2].text
    return age.isdigit() and 14 <= int(age) <= 110


def _is_age_description(head: Token) -> bool:
    """A definite noun phrase made of an age ("the 46-year-old", "the 70-year-old")."""
    np = _np_tokens(head)
    words = "".join(t.text + t.whitespace_ for t in np).strip().lower()
    return re.fullmatch(r"the \d{1,3}-year-old", words) is not None


def _gender_cue(ent: Span, role: str | None) -> str | None:
    """Gender from a title next to the name ("Mrs. Lind") or a gendered role word."""
    doc = ent.doc
    words = [ent[0].lower_.rstrip(".")]
    if ent.start > 0:
        words.append(doc[ent.start - 1].lower_.rstrip("."))
    if any(w in FEMALE_TITLES for w in words):
        return "f"
    if any(w in MALE_TITLES for w in words):
        return "m"
    role_words = set((role or "").lower().split())
    if role_words & FEMALE_WORDS:
        return "f"
    if role_words & MALE_WORDS:
        return "m"
    return None


def _person_entity(tok: Token) -> Span | None:
    if tok.ent_type_ != "PERSON":
        return None
    for ent in entities(tok.doc):
        if ent.label_ == "PERSON" and ent.start <= tok.i < ent.end:
            return ent
    return None


def _looks_like_org(name: str) -> bool:
    """A capitalised name that reads as an organisation ("Port Authority", "The Times")."""
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & (BODY_NOUNS | ORGANISATION_NAME_WORDS))


def _is_person_name(name: str | None) -> bool:
    if not name:
        return False
    parts = name.split()
    return all(p[:1].isupper() for p in parts) and len(parts) <= 4


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its left modifiers and ``head`` (no clauses)."""
    left = [c for c in head.lefts if c.dep_ in (
        "det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "npadvmod", "advmod",
        "predet", "case", "flat", "punct")]
    start = min((c.left_edge.i for c in left), default=head.i)
    toks = [t for t in head.doc[start : head.i + 1]]
    # drop a leading punctuation mark or conjunction the subtree dragged in
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks = toks[1:]
    right = [c for c in head.rights if c.dep_ in ("compound", "flat")]
    if right:
        toks.extend(head.doc[head.i + 1 : max(c.right_edge.i for c in right) + 1])
    return toks


def _phrase(tokens: Sequence[Token], *, drop_det: bool) -> str:
    toks = list(tokens)
    if drop_det and toks and toks[0].dep_ == "det" and toks[0].lower_ in ARTICLES:
        toks = toks[1:]
    out = ""
    for t in toks:
        out += t.text + t.whitespace_
    return out.strip(" ,")


def _description(head: Token, np: list[Token]) -> str:
    """An unnamed source as described: "a senior official", "sources familiar with the talks"."""
    toks = list(np)
    for child in head.rights:
        if child.dep_ in ("amod", "acl", "prep") and child.lower_ in CLOSENESS_WORDS:
            toks = list(head.doc[toks[0].i : child.right_edge.i + 1]) if toks else toks
            break
    return _phrase(toks, drop_det=False)


def _role_of_person(ent: Span) -> str | None:
    """The role a person is given next to the name: apposition or title words before it."""
    root = ent.root
    doc = ent.doc
    for child in root.children:
        if (child.dep_ == "appos" and not (ent.start <= child.i < ent.end)
                and _person_entity(child) is None and child.pos_ in ("NOUN", "PROPN")):
            toks = [t for t in doc[child.left_edge.i : child.i + 1] if not t.is_punct]
            right = [t for t in child.rights
                     if t.dep_ == "prep" and t.lower_ in ROLE_SEAT_PREPOSITIONS]
            if right:
                toks = [t for t in doc[child.left_edge.i : right[0].right_edge.i + 1]
                        if not t.is_punct or t.text in "'’"]
            role = _norm_role(toks)
            if role:
                return role
    # "union spokeswoman Ana Ruiz", "Port Authority director Ilse Marden"
    lefts: list[Token] = []
    i = ent.start - 1
    while i >= 0:
        t = doc[i]
        if t.is_punct or t.dep_ in ("det",) or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        # a title word hangs on the name or on the next title word
        if not (ent.start <= t.head.i < ent.end) and t.head.i != i + 1:
            break
        if t.lower_.rstrip(".") in SOCIAL_HONORIFICS:
            break
        lefts.insert(0, t)
        i -= 1
    if lefts and (any(t.is_lower or t.pos_ == "NOUN" for t in lefts)
                  or lefts[-1].lower_ in SPEAKER_TITLE_WORDS):
        return _norm_role(lefts)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and _person_entity(root.head) is None:
        return _norm_role(_np_tokens(root.head))
    return None


def _norm_role(tokens: Sequence[Token]) -> str | None:
    """A role phrase without its article; a sentence-initial capital is lowered."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or (toks[0].dep_ == "det" and toks[0].lower_ in ARTICLES)):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks or not (any(t.pos_ == "NOUN" or t.is_lower for t in toks)
                        or toks[-1].lower_ in SPEAKER_TITLE_WORDS):
        return None
    if toks[0].lower_ in BODY_POSSESSIVES and len(toks) > 1:
        # "Its director, Ilse Marden": the body "its" stands for, when the text says
        owner = _possessor(toks[0])
        if owner is not None:
            return owner + " " + "".join(t.text + t.whitespace_ for t in toks[1:]).strip(" ,")
    role = "".join(t.text + t.whitespace_ for t in toks).strip(" ,")
    first = toks[0]
    if first.is_sent_start and first.pos_ != "PROPN" or (
        first.is_sent_start and first.ent_type_ == "" and all(t.is_lower for t in toks[1:])
    ):
        role = role[:1].lower() + role[1:]
    return role or None


def _possessor(its: Token) -> str | None:
    """The body a possessive "its"/"their" stands for: the nearest earlier subject naming
    an organisation ("The port authority has described ... Its director"), in the same or
    the previous sentence; None when a person or nothing of the kind comes first."""
    doc = its.doc
    sent = its.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(doc[lo : its.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.ent_type_ == "PERSON" or tok.lower_ in PERSONAL_PRONOUNS:
            return None  # "his"/"her" territory: do not guess across a person
        if tok.ent_type_ == "ORG" or tok.lemma_.lower() in BODY_NOUNS:
            np = _np_tokens(tok)
            phrase = _phrase(np, drop_det=True)
            start = next((t for t in np if not (t.dep_ == "det" and t.lower_ in ARTICLES)), tok)
            # "The port authority" opening a sentence: the capital is the sentence's
            return phrase if start.pos_ == "PROPN" else phrase[:1].lower() + phrase[1:]
    return None


def _role_head(role: str) -> str:
    """The head word of a role, roughly singular ("port directors" -> "director")."""
    word = role.split()[-1].lower() if role.split() else ""
    if word.endswith("s") and len(word) > 4 and not word.endswith("ss"):
        return word[:-1]
    return word


# --------------------------------------------------------------------------- reported speech


def _reported(article: Article, doc: Doc, sentences: Sequence[Sentence],
              marks: Sequence[_Mark], used: set[int], resolver: _Resolver,
              min_words: int) -> list[Quote]:
    """Reported speech with a bounded content of ``min_words`` words or more: ``X said
    (that) ...`` and ``according to X``."""
    text = article.text
    out: list[Quote] = []
    for tok in doc:
        span: tuple[int, int] | None = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            span = _according_content(tok, sentences, text, min_words)
        elif (tok.lemma_.lower() in REPORTED_SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")
              and not any(c.dep_ == "neg" for c in tok.children)):
            # "officials did not say how many ...": a speech verb denied reports nothing
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is not None:
                toks = list(doc[comp.left_edge.i : comp.right_edge.i + 1])
                while toks and (toks[0].is_punct or toks[0].lower_ == "that"):
                    toks = toks[1:]
                while toks and toks[-1].is_punct:
                    toks = toks[:-1]
                if len(toks) >= min_words:
                    span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if span is None:
            continue
        lo, hi = span
        sent = _sentence_at(sentences, tok.idx)
        if sent is None or not (sent.start <= lo and hi <= sent.end):
            continue  # the parse ran across a sentence or paragraph break: not bounded
        inner = [m for m in marks if m.open_ < hi and lo < m.close_]
        if inner:
            # a quoted phrase inside the reported clause ("said the plan was “a disaster”
            # and would fail"): the clause is the content, quote marks and all
            if not _mixed_clause(text, lo, hi, inner):
                continue
            lo = min(lo, min(m.open_ for m in inner))
            hi = max(hi, max(m.close_ for m in inner))
        elif tok.i in used:
            continue
        outside = [m for m in marks if m not in inner]
        if any(c in _blank(text, lo, hi, inner) for c in OPEN_DOUBLE + CLOSE_DOUBLE + '"') or any(
            m.open_ < hi and lo < m.close_ for m in outside
        ):
            continue  # an unpaired quote mark: neither a clean direct nor reported quote
        if any(q.start < hi and lo < q.end for q in out):
            continue
        subject = _subject_of(tok, marks)
        if subject is None or lo <= subject.idx < hi:
            continue
        speaker = resolver.describe(subject)
        if speaker.name is None and not speaker.thing:
            continue
        quote = Quote(article=article.id, text=text[lo:hi], start=lo, end=hi,
                      speaker=speaker.name, role=speaker.role, anonymous=speaker.anonymous,
                      sentence=sent.index if sent is not None else None, direct=False,
                      cue=_cue_lemma(tok))
        resolver.note(quote, speaker, tok.idx)
        out.append(quote)
    return out


def _mixed_clause(text: str, lo: int, hi: int, inner: Sequence[_Mark]) -> bool:
    """Whether quoted phrases sit inside ``[lo, hi)`` with reported words around them."""
    if any(m.open_ < lo - 1 or m.close_ > hi + 3 for m in inner):
        return False
    outside = _blank(text, lo, hi, inner)
    words = [w for w in _WORD.findall(outside) if w.lower() != "that"]
    return len(words) >= 2


def _blank(text: str, lo: int, hi: int, inner: Sequence[_Mark]) -> str:
    """``text[lo:hi]`` with the quoted stretches (marks included) blanked out."""
    chars = list(text[lo:hi])
    for m in inner:
        for i in range(max(m.open_, lo), min(m.close_, hi)):
            chars[i - lo] = " "
    return "".join(chars)


def _according_content(tok: Token, sentences: Sequence[Sentence], text: str,
                       min_words: int) -> tuple[int, int] | None:
    """The clause around "according to X": the longer side of the sentence."""
    sent = _sentence_at(sentences, tok.idx)
    if sent is None:
        return None
    to = tok.doc[tok.i + 1]
    phrase_end = max((c.right_edge.idx + len(c.right_edge.text) for c in to.children),
                     default=to.idx + len(to.text))
    left = (sent.start, tok.idx)
    right = (phrase_end, sent.end)
    lo, hi = left if left[1] - left[0] >= right[1] - right[0] else right
    seg = text[lo:hi]
    strip_l = len(seg) - len(seg.lstrip(" ,;:—–-"))
    seg2 = seg.rstrip(" ,;:—–-.!?")
    lo2, hi2 = lo + strip_l, lo + len(seg2)
    if len(_WORD.findall(text[lo2:hi2])) < min_words:
        return None
    return lo2, hi2

