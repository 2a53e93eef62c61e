"""Claims: one self-contained statement per clause, with typed slots.

Every sentence that states something yields at least one :class:`~newscheck.model.Claim`;
questions and verbless fragments are skipped. A claim is a span and a frame:

* the span (``start``/``end``, ``text == article.text[start:end]``) is the whole sentence or
  one contiguous clause of it, never text with words cut out or glued on. Coordinated
  main clauses are split where the cut is clean: "The union rejected the offer, and the
  company walked out" gives two spans; a clause whose subject is carried from the first
  ("... and called for new talks") has no clean span of its own, so its span is the
  whole sentence; a first clause is cut only where everything after the cut belongs to
  the other clauses ("..., officials said" after them keeps the whole sentence). Only
  conjunctions and punctuation are trimmed from a clause's edges, and a quote mark or
  bracket is never left unbalanced in a clause cut from a sentence;
* the frame says which clause of the span is meant: ``subject`` (with its offsets, the
  carried subject's for a carried clause), ``predicate``, ``object``, ``negated``,
  ``modality`` and ``attributed_to``. Reported speech ("X said ...", "according to X")
  and quotes give ``attributed_to``; the content verb (the complement of "said") gives
  the frame. Words of expectation or hedging that govern an open complement ("is
  expected to attend", "is unlikely to attend", "plans to attend", "seems to") set the
  modality, and the complement ("attend") is the predicate.

A claim inside a quotation (a quote's span, quote marks followed across sentences and
paragraphs, or a quote mark it leaves unbalanced) takes the quotation's speaker: a quote
holding it, else the speaker named in the sentence that opens or closes the quotation,
else that of the quote it continues. One whose speaker cannot be found is no claim (the
quote stays a quote); :func:`quote_fragments` counts the claims that break this rule.

Quantities, times and roles come from their own modules, which read the text with
regular expressions; the parse only attaches and splits. A clause's slots are those
inside its own words (and its carried subject), so they always lie inside its span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..lexicon import (
    ARTICLES,
    CLAIM_EXPECTATION_WORDS,
    CLAIM_HEDGE_AUXILIARIES,
    EXPLETIVE_SUBJECTS,
    FUTURE_AUXILIARIES,
    HEDGE_ADVERBS,
    HEDGE_PHRASES,
    HEDGING_PASSIVES,
    HEDGING_VERBS,
    IMPERSONAL_SUBJECTS,
    POSSIBILITY_AUXILIARIES,
    QUOTE_CUE_VERBS,
    RELATIVE_ANTECEDENT_WORDS,
    SPEECH_VERBS,
    UNLIKELY_WORDS,
)
from ..model import Article, Claim, Entity, Quantity, Quote, RoleMention, Sentence, TimeRef
from ..settings import ExtractSettings
from .negation import negated
from .nlp import ENTITY_LABELS, entities
from .quantities import find_quantities
from .roles import find_roles
from .times import find_times

_DEFAULT = ExtractSettings()
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# "according to the ministry, who ...": the source ends at a stop or a relative pronoun
_ACCORDING_RE = re.compile(
    r"\baccording to (?P<who>(?:(?:" + "|".join(ARTICLES) + r") )?[^,.;:()]{2,60}?)"
    r"(?=\s*(?:[,.;:()]|$|" + "|".join(rf" {w}\b" for w in sorted(RELATIVE_ANTECEDENT_WORDS))
    + "))",
    re.IGNORECASE,
)

# fmt: off
# Edges of a clause that are trimmed: separating punctuation and coordinators.
_SEPARATORS = frozenset({",", ";", ":", ".", "!", "?", "…", "—", "–", "-", "--"})
_OPENERS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd", "acomp")
# fmt: on


@dataclass(frozen=True, slots=True)
class _Clause:
    """One coordinated clause of a sentence: its verb and the token indices it owns."""

    verb: object
    own: frozenset[int]
    carried: bool


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    return None


def _subtree_bounds(tok) -> tuple[int, int]:
    """Character offsets of a token's subtree (spaCy subtrees are contiguous)."""
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right)


def _subject_text(tok) -> str:
    return tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text


def _content_verb(verb):
    """The verb that carries what is claimed: the complement of a speech verb."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                return child
        # the small model often misattaches the complement: take the first other word
        # of the sentence that has a subject of its own
        for tok in verb.subtree:
            if tok is not verb and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children
            ) and tok.pos_ in ("VERB", "AUX", "ADJ"):
                return tok
    return verb


def _controller(verb):
    """Who does what a subjectless ``to``-complement says: the object of its head when
    it has one ("warned the mayor to stay"), else the head's subject ("is said to")."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return None
    head = verb.head
    return next((c for c in head.children if c.dep_ in ("dobj", "dative")), None) or _subject(head)


def _open_complement(verb):
    """The subjectless ``to``-complement of a verb or of its adjective ("unlikely to")."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "acomp"]
    for head in heads:
        for child in head.children:
            if (child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX")
                    and _subject(child) is None):
                return child
    return None


def _head_modality(verb) -> str | None:
    """What a verb that governs an open complement says of it, or None."""
    words = {verb.lemma_.lower(), verb.lower_} | {
        c.lemma_.lower() for c in verb.children if c.dep_ == "acomp"
    } | {c.lower_ for c in verb.children if c.dep_ == "acomp"}
    if words & UNLIKELY_WORDS:
        return "unlikely"
    if words & CLAIM_EXPECTATION_WORDS:
        return "unlikely" if negated(verb) else "expected"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if verb.lemma_.lower() in HEDGING_VERBS or (
        passive and verb.lemma_.lower() in HEDGING_PASSIVES
    ):
        return "hedged"
    return None


def _event(verb):
    """(event verb, modality of its head): "is expected to attend" -> (attend, expected)."""
    complement = _open_complement(verb)
    if complement is not None:
        modality = _head_modality(verb)
        if modality is not None:
            return complement, modality
    if verb.dep_ == "xcomp" and verb.head is not verb:
        # the content verb of "X is said to have resigned" is already the complement
        modality = _head_modality(verb.head)
        if modality is not None:
            return verb, modality
    return verb, None


def _modality(event, head, head_modality: str | None, hedge_text: str) -> str:
    """``hedged``, ``unlikely``, ``expected`` or ``asserted``: the parse first, then the
    hedge regex over the clause's words."""
    for tok in {event, head}:
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in CLAIM_HEDGE_AUXILIARIES:
                return "hedged"
            if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
                return "hedged"
    if head_modality is not None:
        return head_modality
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES
           for tok in {event, head} for c in tok.children):
        return "expected"
    if HEDGE_PHRASES.search(hedge_text):
        return "hedged"
    return "asserted"


def _object(verb) -> str | None:
    """The verb's direct object or attribute/complement phrase, as written.

    A relative clause or apposition after the phrase's head is left out ("the offer,
    which ..."): it says something else of the object.
    """
    for dep in _OBJECT_DEPS:
        for child in verb.children:
            if child.dep_ != dep:
                continue
            end = child.right_edge.i
            for sub in child.children:
                if sub.i > child.i and sub.dep_ in ("relcl", "acl", "appos", "punct", "cc",
                                                    "conj"):
                    end = min(end, sub.left_edge.i - 1)
            toks = [t for t in child.doc[child.left_edge.i : end + 1]]
            while toks and (toks[-1].text in _SEPARATORS or toks[-1].dep_ == "cc"):
                toks.pop()
            if toks:
                return child.doc[toks[0].i : toks[-1].i + 1].text
    return None


def _speaker_of(verb) -> str | None:
    """The active subject of the speech verb a verb is (or hangs on), when there is one."""
    for head in (verb, *verb.ancestors):
        if head.lemma_.lower() in SPEECH_VERBS:
            # a passive subject is what is said, not who says it ("X is said to ...")
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in EXPLETIVE_SUBJECTS:
                return _subject_text(subj)
    return None


def _clauses(content, tokens) -> list[_Clause]:
    """The coordinated main clauses of a content verb, in text order.

    spaCy chains coordination ("A, B and C": C hangs on B), so a clause owns its subtree
    without the subtrees of the clauses that hang on it; the first clause owns every
    other token of the sentence (the speech frame, a trailing attribution). Only the
    sentence's own ``tokens`` are owned.
    """
    allowed = {t.i for t in tokens}
    conjs: list = []

    def walk(verb) -> None:
        for c in verb.children:
            if (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i in allowed
                    and c.left_edge.i != c.right_edge.i):
                conjs.append(c)
                walk(c)

    walk(content)
    if not conjs:
        return [_Clause(content, frozenset(allowed), False)]
    conj_set = {c.i for c in conjs}
    all_conj = {t.i for c in conjs for t in c.subtree}
    out = [_Clause(content, frozenset(allowed - all_conj), False)]
    for c in sorted(conjs, key=lambda t: t.i):
        nested = {t.i for d in c.subtree if d.i in conj_set and d is not c for t in d.subtree}
        own = frozenset(t.i for t in c.subtree if t.i not in nested and t.i in allowed)
        out.append(_Clause(c, own, _subject(c) is None))
    return out


def _quote_role(text: str, at: int) -> str:
    """Whether the straight quote at ``at`` opens or closes (by the characters around it)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    return "close"


def _unmatched(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in ``text[lo:hi]`` of quote marks and brackets that have no partner there."""
    stack: list[tuple[str, int]] = []
    bad: list[int] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch == '"':
            if _quote_role(text, i) == "open" and not (stack and stack[-1][0] == '"'):
                stack.append(('"', i))
            elif stack and stack[-1][0] == '"':
                stack.pop()
            else:
                bad.append(i)
        elif ch in _OPENERS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[ch]:
                stack.pop()
            else:
                bad.append(i)
    return sorted(bad + [i for _, i in stack])


def _clean_span(doc, own: Sequence[int], text: str) -> tuple[int, int] | None:
    """Character span of a clause's own tokens, trimmed and balanced, or None.

    Only coordinators and punctuation are trimmed from the edges; a quote mark or
    bracket left unmatched at an edge (the clause starts inside a quote that another
    clause closes) is trimmed too. None when the tokens are not contiguous, or when an
    unmatched mark sits inside the clause: the clause has no clean span of its own.
    """
    idx = sorted(own)
    if not idx or idx[-1] - idx[0] + 1 != len(idx):
        return None
    toks = [doc[i] for i in idx]
    while True:
        while toks and (toks[0].dep_ in ("cc", "preconj") or toks[0].text in _SEPARATORS
                        or (toks[0].dep_ == "mark" and toks[0].lower_ == "that")):
            toks.pop(0)
        while toks and (toks[-1].dep_ == "cc" or toks[-1].text in _SEPARATORS):
            toks.pop()
        if not toks:
            return None
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        bad = _unmatched(text, lo, hi)
        if not bad:
            return lo, hi
        if bad[0] == lo and len(toks[0]) == 1:
            toks.pop(0)
        elif bad[-1] == hi - 1 and len(toks[-1]) == 1:
            toks.pop()
        else:
            return None


def _claim_spans(doc, clauses: Sequence[_Clause], sentence: Sentence,
                 text: str) -> list[tuple[int, int]]:
    """The span of each clause (see the module docstring); the sentence when no clean cut."""
    whole = (sentence.start, sentence.end)
    if len(clauses) == 1:
        return [whole]
    out: list[tuple[int, int]] = []
    first_conj = min(t for c in clauses[1:] for t in c.own)
    first = clauses[0]
    # the first clause is cut only where everything after the cut is the other clauses'
    # (punctuation aside: a closing quote mark around them all is balanced by trimming)
    trailing = [i for i in first.own if i > first_conj and not doc[i].is_punct
                and doc[i].dep_ != "cc"]
    span = None if trailing else _clean_span(
        doc, [i for i in first.own if i < first_conj], text)
    out.append(span or whole)
    for clause in clauses[1:]:
        span = None if clause.carried else _clean_span(doc, clause.own, text)
        out.append(span or whole)
    return out


def _inside(own: frozenset[int] | None, start: int, end: int, tokens) -> bool:
    """Whether every token overlapping ``[start, end)`` belongs to a clause (None: all do)."""
    if own is None:
        return True
    hit = [t.i for t in tokens if t.idx < end and t.idx + len(t) > start]
    return bool(hit) and all(i in own for i in hit)


def _salience(sentence: Sentence, n_quant: int, n_time: int, n_ent: int, words: int,
              hedged: bool, s: ExtractSettings) -> float:
    """How much a claim matters to its report, 0..1: a headline's most, then by paragraph;
    more with a quantity, a time or a name, less for a fragment or a hedge."""
    if sentence.is_title:
        base = 1.0
    else:
        base = max(s.salience_floor,
                   s.salience_lead - s.salience_paragraph_step * max(0, sentence.paragraph - 1))
    base += (s.salience_quantity * min(n_quant, 1) + s.salience_time * min(n_time, 1)
             + s.salience_entity * min(n_ent, 1))
    if words < s.salience_short_words and not sentence.is_title:
        base -= s.salience_short_penalty
    if hedged:
        base -= s.salience_hedged_penalty
    return round(min(1.0, max(0.0, base)), 3)


_QUOTE_MARKS = frozenset('"“”„«»')
_OPEN_MARKS = frozenset('"“„«')


def _unbalanced_quote(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has a double quote mark without its partner.

    A partner just outside the span (spaces between at most: ``dotard.`` + ``"``, where
    the sentence ends before the closing mark) counts as there.
    """
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in " \t":
        lo -= 1
    lo = lo - 1 if lo > 0 and text[lo - 1] in _QUOTE_MARKS else start
    while hi < len(text) and text[hi] in " \t":
        hi += 1
    hi = hi + 1 if hi < len(text) and text[hi] in _QUOTE_MARKS else end
    return all(any(text[i] in _QUOTE_MARKS for i in _unmatched(text, a, b))
               for a, b in {(start, end), (start, hi), (lo, end), (lo, hi)})


def _words_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the punctuation and quote marks at its edges."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _inside_quote(claim: Claim, text: str, quotes: Sequence[Quote]) -> Quote | None:
    """The quote whose words hold the claim's words (edge punctuation aside), or None."""
    lo, hi = _words_span(text, claim.start, claim.end)
    return next((q for q in quotes if q.start <= lo and hi <= q.end), None)


def _quote_speaker(quotes: Sequence[Quote], lo: int, hi: int) -> str | None:
    """The speaker of the quote a claim ``[lo, hi)`` belongs to, among its sentence's quotes
    (all with a speaker): the one holding its words, else one overlapping it, else the
    first begun in the sentence."""
    if not quotes:
        return None

    def rank(q: Quote) -> int:
        if q.start <= lo + 1 and hi - 1 <= q.end:
            return 0
        return 1 if q.start < hi and q.end > lo else 2

    return min(quotes, key=lambda q: (rank(q), q.start)).speaker


def quotation_mask(text: str, sentences: Sequence[Sentence]) -> bytearray:
    """1 for each character of ``text`` inside a quotation (its marks included).

    Double quote marks are followed through each paragraph (curly marks open and close,
    a straight mark toggles); a quotation left open at the end of a paragraph runs on
    when the next paragraph opens with a quote mark (the news convention for a quotation
    over several paragraphs), else it ends there.
    """
    mask = bytearray(len(text))
    paragraphs: list[tuple[int, int]] = []
    for s in sentences:
        if paragraphs and s.paragraph == paragraphs[-1][2]:
            paragraphs[-1] = (paragraphs[-1][0], s.end, s.paragraph)
        else:
            paragraphs.append((s.start, s.end, s.paragraph))
    inside = False
    prev_hi = 0
    run_until = -1  # a quotation runs through paragraphs to one that closes it
    for n, (lo, hi, _) in enumerate(paragraphs):
        reopen = inside and text[lo:hi].lstrip()[:1] in _OPEN_MARKS
        if inside and not reopen and n > run_until:
            run_until = _closing_paragraph(text, paragraphs, n)
        if reopen or (inside and n <= run_until):
            mask[prev_hi:lo] = b"\x01" * (lo - prev_hi)
        else:
            inside = False
        for i in range(lo, hi):
            ch = text[i]
            if ch in _QUOTE_MARKS:
                if reopen:
                    reopen = False  # the mark that reopens the running quotation
                elif ch == '"':
                    inside = not inside
                else:
                    inside = ch in _OPEN_MARKS
                mask[i] = 1
            elif inside:
                mask[i] = 1
            if not ch.isspace():
                reopen = False
        prev_hi = hi
    return mask


def _closing_paragraph(text: str, paragraphs: Sequence[tuple[int, int, int]], n: int) -> int:
    """Index of the paragraph, from ``n`` on (4 at most), whose first quote mark closes a
    quotation left open before ``n`` (one sentence a line: ``" A.`` / ``B.`` / ``C, " X
    said.``); -1 when a paragraph first opens a quotation or none closes one."""
    for k in range(n, min(n + 4, len(paragraphs))):
        lo, hi, _ = paragraphs[k]
        at = next((i for i in range(lo, hi) if text[i] in _QUOTE_MARKS), None)
        if at is None:
            continue
        before = text[lo:at].rstrip()
        if before and (text[at] in "”»" or (text[at] == '"' and before[-1] in ",.!?…;:—-'’)")):
            return k
        return -1
    return -1


def _in_quotation(claim: Claim, text: str, quotes: Sequence[Quote], mask: bytearray) -> bool:
    """Whether a claim is (part of) a quotation: its words lie inside a quote, or inside
    quote marks, or it leaves a quote mark unbalanced (cut from a longer quotation)."""
    lo, hi = _words_span(text, claim.start, claim.end)
    if lo >= hi:
        return False
    words = [i for i in range(lo, hi) if text[i].isalnum()]
    return (_inside_quote(claim, text, quotes) is not None
            or _unbalanced_quote(text, claim.start, claim.end)
            or all(mask[i] for i in words))


def _quotation_speaker(claim: Claim, text: str, doc, sentences: Sequence[Sentence],
                       quotes: Sequence[Quote], mask: bytearray) -> str | None:
    """Who speaks the quotation a claim belongs to, or None.

    The quotation is the stretch inside quote marks around the claim (over several
    sentences and paragraphs); its speaker is that of a quote found in it or in the
    sentences that open and close it (nearest first), else the subject of a speech verb
    (or "according to X") outside the marks of those sentences: ``"A. B," he said``.
    """
    lo, hi = _words_span(text, claim.start, claim.end)
    marked = [i for i in range(lo, hi) if mask[i]]
    if marked:
        lo, hi = marked[0], marked[-1] + 1
        while lo > 0 and mask[lo - 1]:
            lo -= 1
        while hi < len(text) and mask[hi]:
            hi += 1
    run = [s for s in sentences if s.start <= hi and s.end >= lo]
    if not run:
        return None
    r_lo, r_hi = run[0].start, run[-1].end

    def distance(q: Quote) -> int:
        return max(0, q.start - claim.end, claim.start - q.end)

    near = [q for q in quotes if q.speaker and q.start < r_hi and q.end > r_lo]
    if near:
        return min(near, key=lambda q: (not (q.start < hi and q.end > lo), distance(q))).speaker
    for s in sorted(run, key=lambda s: abs(s.start - claim.start)):
        speaker = _cue_speaker(doc, s, mask)
        if speaker is not None:
            return speaker
    first, last = run[0].index, run[-1].index
    by_index = {s.index: s for s in sentences}
    after = by_index.get(last + 1)
    if after is not None and not text[hi:after.start].strip(" \t\n\"”»"):
        # the quotation closes its last sentence and the next one names who spoke:
        # '... for North Korea! "' / 'he tweeted.'
        speaker = _cue_speaker(doc, after, mask, bare=True)
        if speaker is not None:
            return speaker
    before = by_index.get(first - 1)
    if before is not None:
        # a quotation without a cue of its own continues the quote just before it
        # ('"A," X said.' / '"B. C."'), as quotes.py continues quotes
        prior = [q for q in quotes if q.speaker and before.start <= q.end <= r_lo + 1]
        if prior:
            return max(prior, key=lambda q: q.end).speaker
    return None


def _cue_speaker(doc, sentence: Sentence, mask: bytearray, *, bare: bool = False) -> str | None:
    """Who a sentence says speaks, outside its quote marks: the subject of a speech verb or
    "according to X". ``bare``: only a sentence that is nothing but the attribution
    ("he tweeted.", "Trump said in a statement.")."""
    s = sentence
    outside = "".join(ch if not mask[s.start + k] else " " for k, ch in enumerate(s.text))
    according = _ACCORDING_RE.search(outside)
    if according and not bare:
        return according.group("who").strip()
    span = doc.char_span(s.start, s.end, alignment_mode="contract")
    for tok in span if span is not None else ():
        if mask[tok.idx] or tok.lemma_.lower() not in QUOTE_CUE_VERBS:
            continue
        if bare and (tok.head is not tok or any(
                c.dep_ in ("ccomp", "xcomp", "dobj", "obj") for c in tok.children)):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and not mask[c.idx]), None)
        if subj is not None and subj.lower_ not in IMPERSONAL_SUBJECTS:
            return _subject_text(subj)
    return None


def _attribute_quotations(text: str, doc, sentences: Sequence[Sentence],
                          claims: Sequence[Claim], quotes: Sequence[Quote]) -> list[Claim]:
    """Give each claim that is part of a quotation the quotation's speaker; a claim
    whose quotation has no speaker to be found is dropped (the quote stays a quote)."""
    mask = quotation_mask(text, sentences)
    out: list[Claim] = []
    for c in claims:
        if c.attributed_to is not None or not _in_quotation(c, text, quotes, mask):
            out.append(c)
            continue
        speaker = _quotation_speaker(c, text, doc, sentences, quotes, mask)
        if speaker is not None:
            out.append(replace(c, attributed_to=speaker))
    return out


def quote_fragments(text: str, claims: Sequence[Claim], quotes: Sequence[Quote]) -> list[Claim]:
    """Claims that sit inside a quotation and carry no speaker (there should be none).

    A claim sits inside a quotation when its words lie inside a quote's span or when it
    leaves a double quote mark unbalanced (a sentence cut from a longer quotation).
    """
    return [c for c in claims if c.attributed_to is None and c.start >= 0 and (
        _inside_quote(c, text, quotes) is not None or _unbalanced_quote(text, c.start, c.end))]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one sentence holds, read once before it is cut into claims."""

    sentence: Sentence
    span: Span
    tokens: list[Token]
    """The sentence's own tokens (an "expand" span may reach past its edges)."""
    quantities: list[Quantity]
    times: list[TimeRef]
    roles: list[RoleMention]
    quotes: list[Quote]
    """Quotes that speak in the sentence: begun in it, or running through it (the second
    sentence of a quotation whose speaker is named in the first or last)."""
    according: re.Match | None
    root: Token
    content: Token
    """The verb that carries what the sentence claims (:func:`_content_verb`)."""


def extract_claims(article: Article, doc, sentences: Sequence[Sentence],
                   quotes: Sequence[Quote], settings: ExtractSettings | None = None
                   ) -> list[Claim]:
    """Claims of an article, in sentence order, numbered ``{article.id}.c1``, ``.c2``...

    Args:
        article: The cleaned article (offsets are into ``article.text``).
        doc: The spaCy ``Doc`` of ``article.text``.
        sentences: The article's sentences.
        quotes: Quotes found in the article (their speakers become ``attributed_to``).
        settings: Salience weights (defaults when None).

    Returns:
        The claims, each pointing at the sentence it comes from; every claim's ``text``
        is ``article.text[claim.start:claim.end]``.
    """
    s = settings or _DEFAULT
    out: list[Claim] = []
    for sentence in sentences:
        reading = _read_sentence(article, doc, sentence, quotes)
        if reading is None:
            continue
        # "X said A and B": split the content, not the speech verb
        clauses = _clauses(reading.content, reading.tokens)
        spans = _claim_spans(doc, clauses, sentence, article.text)
        for clause, (lo, hi) in zip(clauses, spans):
            out.append(_clause_claim(article, doc, reading, clause, (lo, hi), len(clauses) > 1, s))
    out = _attribute_quotations(article.text, doc, sentences, out, quotes)
    return [replace(c, id=f"{article.id}.c{n}") for n, c in enumerate(out, 1)]


def _read_sentence(article: Article, doc, sentence: Sentence,
                   quotes: Sequence[Quote]) -> _Reading | None:
    """The parse, quantities, times, roles and quotes of a sentence; None for a question,
    a fragment without a verb ("Photo: Reuters", "Updated 10:42") or an unparsed span."""
    text = sentence.text
    if not text.strip() or text.rstrip().endswith("?"):
        return None
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    exact = span.text == sentence.text
    quantities = [
        replace(q, start=q.start + sentence.start, end=q.end + sentence.start)
        for q in find_quantities(sentence.text, span if exact else None)
    ]
    times = [
        replace(t, start=t.start + sentence.start, end=t.end + sentence.start)
        for t in find_times(sentence.text, article.published)
    ]
    roles = find_roles(span, text_offset=span.start_char) if exact else []
    sentence_quotes = [q for q in quotes if q.speaker and (
        q.sentence == sentence.index or (q.start < sentence.end and q.end > sentence.start))]
    roots = [t for t in span if t.head == t or not (span.start <= t.head.i < span.end)]
    root = next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0] if roots else None)
    if root is None:
        return None
    tokens = [t for t in span if t.idx >= sentence.start and t.idx + len(t) <= sentence.end]
    return _Reading(sentence=sentence, span=span, tokens=tokens, quantities=quantities,
                    times=times, roles=roles, quotes=sentence_quotes,
                    according=_ACCORDING_RE.search(sentence.text), root=root,
                    content=_content_verb(root))


def _clause_claim(article: Article, doc, r: _Reading, clause: _Clause, bounds: tuple[int, int],
                  split: bool, s: ExtractSettings) -> Claim:
    """The claim of one clause ``article.text[lo:hi]`` (``bounds``) of a sentence
    (``split``: one of several coordinated clauses, whose slots are those in its own words)."""
    lo, hi = bounds
    sentence = r.sentence
    verb = clause.verb
    # "... and said the port was closed": a carried speech verb's content is the frame
    frame_verb = _content_verb(verb) if clause.carried else verb
    event, head_modality = _event(frame_verb)
    main_subject = _subject(r.content)
    subj_tok = _subject(event) or _subject(frame_verb) or _controller(frame_verb)
    if subj_tok is None and clause.carried:
        subj_tok = main_subject
    s_lo, s_hi = _subtree_bounds(subj_tok) if subj_tok is not None else (-1, -1)
    # a split clause's slots are those in its own words (and its carried subject)
    own = clause.own if split else None
    if own is not None and clause.carried and subj_tok is not None:
        own = own | {t.i for t in subj_tok.subtree}

    def within(start: int, end: int) -> bool:
        return lo <= start and end <= hi and _inside(own, start, end, r.tokens)

    ents = tuple(
        Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
        for e in entities(r.span) if e.label_ in ENTITY_LABELS and within(e.start_char, e.end_char)
    )
    qs = tuple(q for q in r.quantities if within(q.start, q.end))
    ts = tuple(t for t in r.times if within(t.start, t.end))
    rs = tuple(x for x in r.roles if within(x.start, x.end))
    places = tuple(dict.fromkeys(e.text for e in ents if e.label in PLACE_LABELS))
    own_words = [doc[i].text for i in sorted(clause.own)] if split else [sentence.text]
    hedge_text = " ".join(own_words)
    modality = _modality(event, frame_verb, head_modality, hedge_text)
    hedged = (bool(HEDGE_PHRASES.search(hedge_text)) or modality in ("hedged", "unlikely")
              or any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUXILIARIES
                     for c in event.children))
    claim_text = article.text[lo:hi]
    words = len(claim_text.split()) if not split else len(
        [i for i in clause.own if not doc[i].is_punct])
    return Claim(
        id="",
        article=article.id,
        sentence=sentence.index,
        text=claim_text,
        start=lo,
        end=hi,
        subject=_subject_text(subj_tok) if subj_tok is not None else None,
        subject_start=s_lo,
        subject_end=s_hi,
        predicate=event.lemma_.lower(),
        object=_object(event),
        entities=ents,
        quantities=qs,
        times=ts,
        roles=rs,
        places=places,
        negated=negated(event),
        hedged=hedged,
        modality=modality,
        attributed_to=_attribution(r, clause, frame_verb, main_subject, lo, hi),
        salience=_salience(sentence, len(qs), len(ts), len(ents), words, hedged, s),
    )


def _attribution(r: _Reading, clause: _Clause, frame_verb: Token, main_subject: Token | None,
                 lo: int, hi: int) -> str | None:
    """Who a clause's claim is attributed to: the speaker of a quote it lies in, "according
    to X", the subject of its speech verb, or the speaker the sentence names."""
    verb = clause.verb
    attributed = _quote_speaker(r.quotes, lo, hi) or (
        r.according.group("who").strip() if r.according else None)
    if attributed is None and frame_verb is not verb:
        # "... but said the port was closed": the speaker is the clause's subject
        speaker = _subject(verb) or (main_subject if clause.carried else None)
        if speaker is not None and speaker.dep_ != "nsubjpass":
            attributed = _subject_text(speaker)
    if attributed is None:
        attributed = _speaker_of(r.root if r.content is not r.root else verb)
    return attributed


__all__ = ["Claim", "Quantity", "RoleMention", "TimeRef", "extract_claims", "quotation_mask",
           "quote_fragments"]
