"""Frames: every verb of a sentence with its polarity, modality and arguments.

A claim is one clause of a sentence; a sentence can state several facts in participles
and subordinate clauses ("The complaint is broad, naming a long list of defendants that
includes X"). A :class:`~newscheck.model.Frame` is read for every content verb, so that
the verdicts can compare *what is said of whom* wherever it sits in the sentence:

* ``verb``: the verb's lemma; ``polarity`` False when it is negated ("does not name",
  "never met", "no one was charged"), or governed by a denial ("denied that she met");
* ``modality``: ``asserted``; ``expected`` ("is expected to meet", "will meet", "plans
  to meet", "is set to meet"); ``unlikely`` ("is unlikely to meet", "is not expected to
  meet"); ``hedged`` ("may meet", "reportedly met", "could", "can"); ``conditional`` ("if she
  meets", "whether he met"), ``purpose`` ("a treaty to end the war") and ``question``. Only asserted and expected frames can
  contradict; "unlikely" is the denial of "expected";
* ``subject`` and the content words and names of the verb's arguments (objects,
  prepositional complements, the subject), pronoun subjects read as the person the
  previous sentences named last.

Nothing here decides sameness: that is the verdicts' business (:mod:`newscheck.verdicts`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..entities import NamedSoFar
from ..lexicon import (
    CONDITIONAL_MARKS,
    DENIAL_VERBS,
    EXPECTATION_WORDS,
    FUTURE_AUXILIARIES,
    HEDGE_ADVERBS,
    HEDGE_AUXILIARIES,
    LIGHT_VERBS,
    PERSONAL_PRONOUNS,
    SOURCE_PREPOSITIONS,
    SPEECH_VERBS,
    UNLIKELY_WORDS,
)
from ..model import Article, Frame, Quote, Sentence
from .negation import negated
from .nlp import entities

# What an event is done to, with, or as: a passive subject is what is acted on ("X was
# named as a defendant"), the active subject stands apart (``Frame.subject``).
_ARG_DEPS = frozenset({
    "nsubjpass", "dobj", "obj", "attr", "oprd", "dative", "prep", "pobj", "acomp", "xcomp",
    "npadvmod",
})
_NOUNS = frozenset({"NOUN", "PROPN"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _modality(tok) -> str:
    """How the sentence commits to the verb's event (see the module docstring)."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return "conditional"
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in HEDGE_AUXILIARIES:
            return "hedged"  # "may meet", "can not be justified": a possibility or a view
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return "hedged"
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in tok.children):
        return "expected"
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    # "is expected to meet", "is unlikely to meet", "plans to meet": the verb is the
    # open complement of the word that carries the expectation
    head = tok.head
    if tok.dep_ == "xcomp" and head is not tok:
        word = head.lemma_.lower()
        if word in UNLIKELY_WORDS:
            return "unlikely"
        if word in EXPECTATION_WORDS:
            return "unlikely" if negated(head, by_subject=True) else "expected"
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in UNLIKELY_WORDS
               for c in head.children):
            return "unlikely"
        if word in HEDGE_AUXILIARIES:
            return "hedged"
    if infinitive:
        return "purpose"  # "a treaty to end the war" says nothing ended
    return "asserted"


def _governed_by_denial(tok) -> bool:
    """"She denied that she met him": the complement of a denial verb is denied."""
    head = tok.head
    return tok.dep_ in ("ccomp", "xcomp") and head is not tok and head.lemma_.lower() in DENIAL_VERBS


def _argument_tokens(tok) -> list:
    """Tokens of the verb's arguments, without its own subordinate clauses' insides."""
    out = []
    for child in tok.children:
        if child.dep_ not in _ARG_DEPS:
            continue
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            continue  # another frame
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS:
            continue
        for t in child.subtree:
            if t.pos_ in ("VERB", "AUX") and t is not child and t.dep_ in ("relcl", "ccomp",
                                                                          "advcl"):
                continue
            out.append(t)
    # "naming a long list of defendants that includes X": a relative clause on the object
    # says who is in it; its words are the object's
    return out


def _subject(tok, depth: int = 0):
    """Who does it: the active subject, or a passive's agent ("named by the party")."""
    for child in tok.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "nsubjpass":
            # "he is expected to meet": the raised subject of the word above does it
            return child if depth else None
    # the subject of the word an open complement hangs on ("he is expected to meet",
    # "he is unlikely to meet"), a few steps up at most
    if (depth < 3 and tok.dep_ in ("xcomp", "conj", "acomp") and tok.head is not tok
            and tok.head.pos_ in ("VERB", "AUX", "ADJ")):
        return _subject(tok.head, depth + 1)
    return None


def _proper_runs(tokens, named) -> set[str]:
    """Runs of proper nouns the recogniser left untagged ("Ana Ruiz" in a short
    sentence): names all the same."""
    runs: list[list] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.pos_ != "PROPN" or t.i in named or not t.is_alpha:
            continue
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    doc = tokens[0].doc if tokens else None
    return {
        " ".join(t.text for t in run) for run in runs
        # a name that only qualifies a noun ("Carl Berg's son") is left out
        if run[-1].dep_ not in ("poss", "compound")
        and not (run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].tag_ == "POS")
    }


def _conjunct_head(tok):
    """The first verb of a coordination a verb shares its auxiliaries with: in "is unlikely
    to meet X, visit Y or attend Z" each of the three is unlikely; a conjunct with a
    subject or auxiliary of its own stands alone."""
    while (
        tok.dep_ == "conj"
        and tok.head is not tok
        and tok.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "neg")
                    or c.dep_ == "aux" and c.lower_ != "to"
                    for c in tok.children)
    ):
        tok = tok.head
    return tok


def extract_frames(
    article: Article, doc, sentences: Sequence[Sentence], quotes: Sequence[Quote] = ()
) -> tuple[Frame, ...]:
    """The frames of every content verb of an article's sentences, in text order.

    Args:
        article: The cleaned article (offsets are into ``article.text``).
        doc: The spaCy ``Doc`` of ``article.text``.
        sentences: The article's sentences.
        quotes: The article's quotes: verbs inside direct quotes are left out.
    """
    out: list[Frame] = []
    people = NamedSoFar()
    quoted = [(q.start, q.end) for q in quotes if q.direct]
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        question = sentence.text.rstrip().endswith("?")
        ents = entities(span)
        named = [e for e in ents if e.label_ == "PERSON"]
        # a name that only qualifies another noun ("Trump's son", "Trump associate X")
        # does not take part in the event
        names_in = {
            t.i: e for e in ents
            if e.label_ in _NAME_LABELS and e.root.dep_ not in ("poss", "compound")
            and not (e.end < len(doc) and doc[e.end].tag_ == "POS")
            for t in e
        }
        for tok in span:
            if tok.pos_ != "VERB" or tok.lemma_.lower() in LIGHT_VERBS | SPEECH_VERBS:
                continue
            if tok.dep_ == "relcl" or _conjunct_head(tok).dep_ == "relcl":
                continue  # "migrants who do not pass": what a class of things does
            if any(lo <= tok.idx < hi for lo, hi in quoted):
                continue  # a speaker's own words: the quotes stage holds them
            subj = _subject(tok)
            subject_text = None
            if subj is not None:
                toks = list(subj.subtree)
                subject_text = doc[toks[0].i : toks[-1].i + 1].text
                if subj.lower_ in PERSONAL_PRONOUNS:
                    subject_text = people.protagonist(subj.lower_)
            args = _argument_tokens(tok)
            words = sorted({
                t.lemma_.lower() for t in args
                if t.pos_ in _NOUNS and t.is_alpha and len(t) > 1
            })
            names = sorted({
                names_in[t.i].text for t in args if t.i in names_in
            } | _proper_runs(args, names_in))
            head = _conjunct_head(tok)
            modality = "question" if question else _modality(head)
            polarity = not (negated(tok, by_subject=True)
                            or negated(head, by_subject=True) and head is not tok
                            or _governed_by_denial(head))
            out.append(
                Frame(
                    article=article.id,
                    sentence=sentence.index,
                    start=tok.idx,
                    end=tok.idx + len(tok),
                    verb=tok.lemma_.lower(),
                    polarity=polarity,
                    modality=modality,
                    subject=subject_text,
                    arguments=tuple(words),
                    names=tuple(names),
                )
            )
        for e in named:
            people.add(e.text)
    return tuple(out)


__all__ = ["extract_frames"]
