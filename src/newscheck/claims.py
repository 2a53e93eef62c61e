"""Claims: one self-contained statement per clause, with typed slots.

Every sentence that states something yields at least one :class:`~newscheck.model.Claim`;
questions and verbless fragments are skipped. Coordinated main clauses are split ("The
union rejected the offer and called for new talks" -> two claims, the subject carried
into the second). Reported speech ("X said ...", "according to X") and quotes give
``attributed_to``; the content verb (the complement of "said") gives ``predicate``,
``subject`` and ``negated``. Quantities, times and roles come from their own modules,
which read the text with regular expressions; the parse only attaches and splits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import Article, Claim, Entity, Quantity, Quote, RoleMention, Sentence, TimeRef
from .nlp import ENTITY_LABELS
from .quantities import find_quantities
from .roles import find_roles
from .times import find_times

SPEECH_VERBS = frozenset(
    {"say", "tell", "state", "announce", "claim", "report", "add", "confirm", "warn",
     "insist", "note", "explain", "argue", "write", "declare", "allege", "assert", "deny",
     "acknowledge", "admit", "estimate", "predict", "believe", "think", "suggest", "told"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_HEDGE_RE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|possibly|probably|likely|"
    r"unconfirmed|rumou?red|is said to|are said to|was said to|were said to|"
    r"(?:is|are|was|were) (?:expected|believed|thought|understood|reported|set) to|"
    r"appears? to|appeared to|seems? to|seemed to|(?-i:may|might|could|would|Might|Could|Would)|"
    r"according to unconfirmed|it is understood)\b",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(
    r"\baccording to (?P<who>(?:the |a |an )?[^,.;:()]{2,60}?)(?=\s*(?:[,.;:()]|$| who\b| which\b))",
    re.IGNORECASE,
)


def _span_text(tokens) -> str:
    """Text of tokens in order, with their own spacing, trimmed of edge punctuation."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc") and toks[-1].text not in ('"', "”", "’"):
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc") and toks[0].text not in ('"', "“"):
        toks = toks[1:]
    if not toks:
        return ""
    out = "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text
    return out.strip()


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    return None


def _subject_text(tok) -> str:
    toks = list(tok.subtree)
    return tok.doc[toks[0].i : toks[-1].i + 1].text


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


def _negated(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
            return True
    return False


def _speaker_of(verb, quotes_here: Sequence[Quote]) -> str | None:
    if verb.lemma_.lower() in SPEECH_VERBS:
        subj = _subject(verb)
        if subj is not None and subj.lower_ not in ("it", "there"):
            return _subject_text(subj)
    for head in verb.ancestors:
        if head.lemma_.lower() in SPEECH_VERBS:
            subj = _subject(head)
            if subj is not None and subj.lower_ not in ("it", "there"):
                return _subject_text(subj)
    return None


def _clauses(root) -> list[tuple[object, list, bool]]:
    """(verb, tokens, carried) for each coordinated main clause of a sentence root."""
    conjs = [
        c for c in root.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and len(list(c.subtree)) >= 2
    ]
    if not conjs:
        return [(root, list(root.subtree), False)]
    conj_ids = {t.i for c in conjs for t in c.subtree}
    first = [t for t in root.subtree if t.i not in conj_ids]
    out = [(root, first, False)]
    for c in conjs:
        out.append((c, list(c.subtree), _subject(c) is None))
    return out


def _in(start: int, end: int, lo: int, hi: int) -> bool:
    return lo <= start and end <= hi


def _salience(sentence: Sentence, n_quant: int, n_time: int, n_ent: int, words: int,
              hedged: bool) -> float:
    if sentence.is_title:
        base = 1.0
    else:
        base = max(0.3, 0.9 - 0.08 * max(0, sentence.paragraph - 1))
    base += 0.1 * min(n_quant, 1) + 0.05 * min(n_time, 1) + 0.05 * min(n_ent, 1)
    if words < 4 and not sentence.is_title:
        base -= 0.2
    if hedged:
        base -= 0.1
    return round(min(1.0, max(0.0, base)), 3)


def extract_claims(article: Article, doc, sentences: Sequence[Sentence],
                   quotes: Sequence[Quote]) -> list[Claim]:
    """Claims of an article, in sentence order, numbered ``{article.id}.c1``, ``.c2``...

    Args:
        article: The cleaned article (offsets are into ``article.text``).
        doc: The spaCy ``Doc`` of ``article.text``.
        sentences: The article's sentences.
        quotes: Quotes found in the article (their speakers become ``attributed_to``).

    Returns:
        The claims, each pointing at the sentence it comes from.
    """
    out: list[Claim] = []
    for sentence in sentences:
        text = sentence.text.strip()
        if not text or text.endswith("?"):
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # a fragment ("Photo: Reuters", "Updated 10:42")
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
        quote_speaker = next(
            (q.speaker for q in quotes
             if q.speaker and (q.sentence == sentence.index
                               or (q.sentence is None and q.start < sentence.end
                                   and q.end > sentence.start))),
            None,
        )
        according = _ACCORDING_RE.search(sentence.text)
        roots = [t for t in span if t.head == t or not (span.start <= t.head.i < span.end)]
        root = next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0] if roots else None)
        if root is None:
            continue
        content = _content_verb(root)
        # "X said A and B": split the content, not the speech verb
        clauses = _clauses(content)
        if content is not root:
            # keep the speech frame (the speaker and "said") in the first clause's text
            clauses = [(v, toks, carried) for v, toks, carried in clauses]
        split = len(clauses) > 1
        main_subject = _subject(content)
        for i, (verb, toks, carried) in enumerate(clauses):
            if split:
                if i == 0 and content is not root:
                    conj_ids = {t.i for _, ts, _ in clauses[1:] for t in ts}
                    toks = [t for t in span if t.i not in conj_ids]
                clause_text = _span_text(toks)
                if carried and main_subject is not None:
                    subj_text = _subject_text(main_subject)
                    if not clause_text.lower().startswith(subj_text.lower()):
                        clause_text = f"{subj_text} {clause_text}"
                lo = min(t.idx for t in toks)
                hi = max(t.idx + len(t) for t in toks)
            else:
                clause_text = text
                lo, hi = sentence.start, sentence.end
            if not clause_text:
                continue
            subj_tok = _subject(verb) or (main_subject if carried else None)
            subject = _subject_text(subj_tok) if subj_tok is not None else None
            if split and carried and main_subject is not None:
                s_lo = min(t.idx for t in main_subject.subtree)
                s_hi = max(t.idx + len(t) for t in main_subject.subtree)
            else:
                s_lo = s_hi = -1
            ents = tuple(
                Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
                for e in span.ents
                if e.label_ in ENTITY_LABELS
                and (_in(e.start_char, e.end_char, lo, hi)
                     or _in(e.start_char, e.end_char, s_lo, s_hi))
            )
            qs = tuple(q for q in quantities if not split or _in(q.start, q.end, lo, hi))
            ts = tuple(t for t in times if not split or _in(t.start, t.end, lo, hi))
            rs = tuple(r for r in roles if not split or r.start < hi and r.end > lo
                       or _in(r.start, r.end, s_lo, s_hi))
            places = tuple(dict.fromkeys(e.text for e in ents if e.label in PLACE_LABELS))
            hedge_text = clause_text if split else text
            hedged = bool(_HEDGE_RE.search(hedge_text)) or any(
                c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in verb.children
            )
            attributed = quote_speaker or (according.group("who").strip() if according else None)
            if attributed is None:
                attributed = _speaker_of(root if content is not root else verb, ())
            out.append(
                Claim(
                    id=f"{article.id}.c{len(out) + 1}",
                    article=article.id,
                    sentence=sentence.index,
                    text=clause_text,
                    subject=subject,
                    predicate=verb.lemma_.lower(),
                    entities=ents,
                    quantities=qs,
                    times=ts,
                    roles=rs,
                    places=places,
                    negated=_negated(verb),
                    hedged=hedged,
                    attributed_to=attributed,
                    salience=_salience(sentence, len(qs), len(ts), len(ents),
                                       len(clause_text.split()), hedged),
                )
            )
    return out


__all__ = ["Claim", "Quantity", "RoleMention", "TimeRef", "extract_claims"]
