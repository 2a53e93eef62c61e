"""The actors' positions in a story: who takes which stance on what.

A stance is read from what the extractors found, never by parsing the wording again:

* a frame (:mod:`newscheck.extract.frames`) whose verb is a stance verb
  (``STANCE_VERBS``, ``STANCE_PHRASAL_VERBS``), asserted and not negated: its subject
  holds the stance ("The union rejected the offer"), or the sentence's speaker when the
  subject is the first person. A conditional ("If the union rejects the offer"), a wish
  or purpose ("unwilling to accept"), a hedge, an expectation, a question or a negation
  ("did not accept") states no position;
* a claim in a named speaker's own words (a direct quote, where no frame is read) whose
  predicate is a stance verb, asserted and not negated, in the first person ("We reject
  the offer"), and a speaker's appeal to both sides ("Both sides need to return to
  talks");
* a claim that an offer is final ("the 4% offer is final", "would not improve its offer");
* a quote cued by a stance speech verb ("insists", "warns", "denies"): its words.

Actors are merged across reports (:class:`_Actors`: who a person is, the story's entities
decide) and issues normalised so that reports' wordings meet ("4% offer", "return to
talks / a settlement").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import entities
from ..entities import EntityTable, name_key
from ..lexicon import (
    APPEAL_SUBJECTS,
    APPEAL_VERBS,
    FINAL_WORDS,
    FIRST_PERSON_WORDS,
    ISSUE_END_WORDS,
    ISSUE_LEAD_WORDS,
    ISSUE_TAIL_WORDS,
    NON_ACTOR_WORDS,
    OFFER_CHANGE_VERBS,
    OFFER_NOUNS,
    OFFICE_WORDS,
    ORGANISATION_HEADS,
    PASSIVE_AUXILIARIES,
    PAY_NOUNS,
    ROLE_TITLE_WORDS,
    STANCE_FIRST_PERSON_VERBS,
    STANCE_NOT_OBJECTS,
    STANCE_PHRASAL_VERBS,
    STANCE_SPEECH_VERBS,
    STANCE_VERBS,
    TALKS_WORDS,
    WORKER_NOUNS,
)
from ..model import Analysis, Claim, Evidence, Frame, Position, Quantity, Token
from ..settings import PositionSettings
from ..tokens import glued, of_claim, of_sentence

_PUNCT = "\"'“”‘’(),.;:!?"
_CLAUSE_END = ",;:.!?\"“”"
_DASHES = frozenset({"-", "–", "—"})
_DATELINE_MARKS = frozenset("-–—:")
_PLACE_MARKS = frozenset(".'’-")
_TALKS_ISSUE = "return to talks / a settlement"
_DEFAULT = PositionSettings()


def dateline_end(sentence: Sequence[Token]) -> int | None:
    """Where a report's first sentence begins after its dateline ("HALIFAX, March 13
    (Harbor Wire) - ", "LONDON (Reuters) - "): a dateline names where and when a report was
    filed, never who acts.

    Args:
        sentence: The sentence's tokens.

    Returns:
        The offset of the first word after the dateline, or None when it has none.
    """
    i = _place_end(sentence)
    if i is None:
        return None
    i = _filed_on_end(sentence, i)
    if i < len(sentence) and sentence[i].text == "(":
        i = next((j + 1 for j in range(i, len(sentence)) if sentence[j].text == ")"), i)
    marks = i
    while i < len(sentence) and set(sentence[i].text) <= _DATELINE_MARKS:
        i += 1
    if i == marks or i >= len(sentence) or sentence[i].start == sentence[i - 1].end:
        return None
    return sentence[i].start


def _place_end(sentence: Sequence[Token]) -> int | None:
    """The index after a dateline's place written in capitals ("HALIFAX", "ST. JOHN'S"),
    None when the sentence opens otherwise."""
    i = 0
    while i < len(sentence) and _in_capitals(sentence[i].text, first=i == 0):
        i += 1
    if not i or sentence[i - 1].end - sentence[0].start < 3:
        return None
    return i


def _in_capitals(text: str, first: bool) -> bool:
    """A token of a place written in capitals (its first one opens on a letter)."""
    if first and not ("A" <= text[:1] <= "Z"):
        return False
    return all("A" <= c <= "Z" or c in _PLACE_MARKS for c in text)


def _filed_on_end(sentence: Sequence[Token], i: int) -> int:
    """The index after a dateline's day (", March 13", ", 13 March") at ``i``, else ``i``."""
    if i + 2 >= len(sentence) or sentence[i].text != ",":
        return i
    a, b = sentence[i + 1].text, sentence[i + 2].text
    month_day = _month_word(a) and b.isdigit() and len(b) <= 2
    day_month = a.isdigit() and len(a) <= 2 and _month_word(b)
    return i + 3 if month_day or day_month else i


def _month_word(text: str) -> bool:
    """A capitalised word of three letters or more, perhaps abbreviated ("March", "Sept.")."""
    word = text.removesuffix(".")
    return len(word) >= 3 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def _in_capitals_only(phrase: str) -> bool:
    """A phrase written in capitals alone ("CALDERA"): a dateline's place, no actor."""
    text = phrase.strip()
    return len(text) >= 2 and "A" <= text[0] <= "Z" and all(
        "A" <= c <= "Z" or c in _PLACE_MARKS or c == " " for c in text
    )


def _written(tokens: Sequence[Token]) -> list[str]:
    """The words of ``tokens`` as written, each with the marks written onto it ("offer,",
    "authority's", "4%")."""
    return ["".join(t.text for t in run) for run in glued(tokens)]


def _sentence_words(analysis: Analysis, index: int) -> set[str]:
    """The lower-cased words of a sentence, marks stripped."""
    words = (w.strip(_PUNCT).lower() for w in _written(of_sentence(analysis, index)))
    return {w for w in words if w}


def _words(text: str) -> list[str]:
    return [w.strip(_PUNCT) for w in text.split() if w.strip(_PUNCT)]


def _head(written: Sequence[str]) -> list[str]:
    """The words of a phrase (as written) up to the end of its clause ("the offer, saying
    ..." -> the offer)."""
    out: list[str] = []
    for raw in written:
        word = raw.strip(_PUNCT)
        if raw in _DASHES or word.lower() in ISSUE_END_WORDS or out and raw[:1] in "\"“":
            break
        if word:
            out.append(word)
        if raw[-1:] in _CLAUSE_END and not _abbreviation(raw):
            break
    return out


def _abbreviation(raw: str) -> bool:
    """"Mr.", "U.S.": a full stop that ends no clause."""
    return raw.endswith(".") and (len(raw) <= 4 or "." in raw[:-1])


def _appositive_cut(phrase: str) -> str:
    """A subject without what is said of it: "Ana Ruiz, the governor," -> "Ana Ruiz"."""
    out: list[str] = []
    for raw in phrase.split():
        if raw in _DASHES:
            break
        out.append(raw)
        if raw.endswith(","):
            break
    return " ".join(out).rstrip(",")


@dataclass(frozen=True, slots=True)
class _Mention:
    """One stance a report states, at its sentence."""

    sentence: int
    actor: str
    issue: str
    stance: str


# --------------------------------------------------------------------------- issues


def _percent(quantities: Sequence[Quantity]) -> str | None:
    q = next((q for q in quantities if q.unit == "percent"), None)
    return f"{q.value:g}" if q else None


def _issue(
    written: Sequence[str], stance: str, quantities: Sequence[Quantity], settings: PositionSettings
) -> str:
    """What a stance is about, normalised so that reports' wordings meet.

    "the port authority's offer of a 4% wage increase", "the 4 per cent pay offer" and
    "a 4 percent pay rise offered by the port authority" all become "4% offer"; a call on
    others to go back to the table or settle becomes "return to talks / a settlement",
    else the words of the phrase ("compromise").

    Args:
        written: The words after the stance verb, as written.
        stance: The stance ("urges" reads a call to act).
        quantities: The figures written in them.
        settings: How many words an issue keeps.
    """
    head = _head(written)
    lowered = {w.lower() for w in head}
    pct = _percent(quantities)
    if pct and lowered & (OFFER_NOUNS | PAY_NOUNS):
        return f"{pct}% {'offer' if lowered & OFFER_NOUNS else 'pay rise'}"
    if stance == "urges" and {w.strip(_PUNCT).lower() for w in written} & TALKS_WORDS:
        return _TALKS_ISSUE
    while head and head[0].lower() in ISSUE_LEAD_WORDS:
        head.pop(0)
    head = head[: settings.issue_words]
    while head and head[-1].lower() in ISSUE_TAIL_WORDS:
        head.pop()
    return " ".join(head).lower()


def _action(written: Sequence[str]) -> list[str] | None:
    """The action of a call on others: "both sides to return to talks" -> "return to talks"."""
    if "to" not in written:
        return None
    return list(written[list(written).index("to") + 1 :])


# --------------------------------------------------------------------------- who holds it


def _first_person(phrase: str | None) -> bool:
    words = _words(phrase or "")
    return bool(words) and words[0].lower() in FIRST_PERSON_WORDS


def _workers(word: str) -> bool:
    # compound trades count as workers too ("steelworkers", "farmworkers")
    return word in WORKER_NOUNS or (word.endswith("workers") and word[:-7].isalpha())


def _looks_like_actor(phrase: str, analysis: Analysis) -> bool:
    words = _words(phrase)
    if not words or words[0].lower() in NON_ACTOR_WORDS or _in_capitals_only(phrase):
        return False
    lowered = {w.lower().rstrip("s'’") for w in words} | {w.lower() for w in words}
    if lowered & (ORGANISATION_HEADS | WORKER_NOUNS | OFFICE_WORDS | ROLE_TITLE_WORDS):
        return True
    if any(map(_workers, lowered)):
        return True
    return any(e.label in {"PERSON", "ORG", "NORP"} and e.text in phrase for e in analysis.entities)


def _holder(subject: str | None, speaker: str | None, analysis: Analysis) -> str | None:
    """Who holds a stance: the subject when it names an actor, the speaker for "we"/"I"."""
    if subject:
        subject = _appositive_cut(subject.strip())
    if not subject or _first_person(subject):
        return speaker
    return subject if _looks_like_actor(subject, analysis) else None


# --------------------------------------------------------------------------- reading a report


class _Report:
    """One report's sentences as the stance readers need them: who speaks in each, which
    claims and figures stand in it, and the spans of named speakers' direct quotes."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.anonymous = {q.sentence for q in analysis.quotes if q.anonymous}
        self.speakers: dict[int, str] = {}
        for q in analysis.quotes:
            if q.speaker and not q.anonymous:
                for s in analysis.sentences:
                    if s.index == q.sentence or (s.start < q.end and q.start < s.end):
                        self.speakers.setdefault(s.index, q.speaker)
        self.claims: dict[int, list[Claim]] = {}
        for c in analysis.claims:
            self.claims.setdefault(c.sentence, []).append(c)
        self.framed = {(f.sentence, f.verb) for f in analysis.frames}

    def speaker(self, sentence: int) -> str | None:
        """Who the sentence is said by: a named quote's speaker, else its claims' source."""
        if sentence in self.speakers:
            return self.speakers[sentence]
        return next((c.attributed_to for c in self.claims.get(sentence, ()) if c.attributed_to), None)

    def quoted_speaker(self, claim: Claim) -> str | None:
        """The named speaker whose direct quote the claim stands in, if any."""
        for q in self.analysis.quotes:
            if not q.direct or q.anonymous or not q.speaker:
                continue
            if q.sentence == claim.sentence or (claim.start < q.end and q.start < claim.end):
                return q.speaker
        return None

    def quantities_after(self, sentence: int, at: int) -> list[Quantity]:
        return [
            q for c in self.claims.get(sentence, ()) for q in c.quantities if q.start >= at
        ]


def _verb_stance(frame: Frame, after: Sequence[str]) -> tuple[str, int] | None:
    """The stance a frame's verb states and how many words after it belong to the verb."""
    particle = after[0].lower() if after else ""
    if (frame.verb, particle) in STANCE_PHRASAL_VERBS:
        return STANCE_PHRASAL_VERBS[frame.verb, particle], 1
    stance = STANCE_VERBS.get(frame.verb)
    if stance is None or (stance == "supports" and particle in STANCE_NOT_OBJECTS):
        return None
    if stance == "refuses" and particle != "to":
        return None
    return stance, 1 if stance == "refuses" else 0


def _passive(before: Sequence[Token]) -> bool:
    """Whether the words before a verb make it passive: a form of "be" or "get" right
    before it, or before an "-ly" adverb before it ("was warned", "was sharply warned")."""
    words = [t.text.lower() for t in before[-2:]]
    if len(words) == 2 and words[1].endswith("ly") and words[1].isalnum():
        words = words[:1]
    return bool(words) and words[-1] in PASSIVE_AUXILIARIES


def _frame_subject(frame: Frame, sentence: Sequence[Token], text: str) -> str | None:
    """A frame's subject as the stance's holder reads it: without the report's dateline
    ("HALIFAX, March 13 (Wire) - Dockers" -> "Dockers"); when the parse took the dateline
    for the subject, the words between the dateline and the verb."""
    subject = frame.subject or ""
    lo = sentence[0].start if sentence else 0
    end = dateline_end(sentence)
    at = text.find(subject, lo) if subject else -1
    if end is None or at < 0 or at >= end:
        return subject or None
    if at + len(subject) > end:
        return text[end : at + len(subject)]
    between = [t for t in sentence if end <= t.start and t.end <= frame.start]
    return " ".join(_head(_written(between)))


def _frame_mentions(report: _Report, settings: PositionSettings) -> list[_Mention]:
    """Stances stated by asserted, unnegated stance verbs outside quotes."""
    analysis, text = report.analysis, report.analysis.article.text
    out = []
    for frame in analysis.frames:
        if not frame.polarity or frame.modality != "asserted" or frame.sentence in report.anonymous:
            continue
        sentence = analysis.sentences[frame.sentence]
        tokens = of_sentence(analysis, frame.sentence)
        rest = _written([t for t in tokens if t.start >= frame.end])
        read = _verb_stance(frame, rest)
        if read is None or _passive([t for t in tokens if t.end <= frame.start]):
            continue  # "The president was warned by the mayor": the warning is not his
        stance, skip = read
        rest = rest[skip:]
        if stance == "urges":
            rest = _action(rest)
            if rest is None:
                continue
        if frame.subject and frame.subject not in sentence.text:
            continue  # a pronoun the frame read as a person named earlier: not checked here
        subject = _frame_subject(frame, tokens, text)
        actor = _holder(subject, report.speaker(frame.sentence), analysis)
        issue = _issue(rest, stance, report.quantities_after(frame.sentence, frame.end), settings)
        if actor and issue:
            out.append(_Mention(frame.sentence, actor, issue, stance))
    return out


def _after_subject(analysis: Analysis, claim: Claim) -> list[str]:
    """The words of a claim after its subject, as written (all of them when the subject's
    place is unknown)."""
    span = of_claim(analysis, claim)
    if claim.subject_end >= 0:
        span = tuple(t for t in span if t.start >= claim.subject_end)
    return _written(span)


def _final_offer(claim: Claim) -> bool:
    """"The 4% offer is final", "it is our final offer", "would not improve its offer"."""
    words = {w.lower() for w in _words(f"{claim.subject or ''} {claim.object or ''}")}
    if not words & OFFER_NOUNS:
        return False
    if claim.predicate == "be" and not claim.negated:
        return bool({w.lower() for w in _words(claim.object or "")} & FINAL_WORDS)
    return claim.predicate in OFFER_CHANGE_VERBS and claim.negated


def _claim_mentions(report: _Report, settings: PositionSettings) -> list[_Mention]:
    """Stances in a speaker's own words, offers said to be final and appeals to both sides."""
    out = []
    for claim in report.analysis.claims:
        if claim.sentence in report.anonymous:
            continue
        speaker = report.speaker(claim.sentence)
        if _final_offer(claim) and speaker:
            pct = _percent(claim.quantities)
            out.append(_Mention(claim.sentence, speaker, f"{pct}% offer" if pct else "offer",
                                "says final"))
            continue
        asserted = not claim.negated and not claim.hedged and claim.modality == "asserted"
        quoted = report.quoted_speaker(claim)
        if not asserted or quoted is None:
            continue
        subject = (claim.subject or "").strip().lower()
        if subject in APPEAL_SUBJECTS and claim.predicate in APPEAL_VERBS:
            action = _action(_after_subject(report.analysis, claim))
            if action:
                out.append(_Mention(claim.sentence, quoted, _issue(action, "urges", (), settings),
                                    "urges"))
            continue
        stance = STANCE_VERBS.get(claim.predicate or "") or STANCE_FIRST_PERSON_VERBS.get(
            claim.predicate or ""
        )
        if stance is None or (claim.sentence, claim.predicate) in report.framed:
            continue  # a framed verb is read from its frame
        if not _first_person(claim.subject):
            continue  # '"The union rejects the plan," said X' is X's word on the union
        if stance == "urges":
            rest = _action(_after_subject(report.analysis, claim)) or []
        else:
            rest = (claim.object or "").split()  # the object as the parse wrote it
        issue = _issue(rest, stance, claim.quantities, settings)
        if issue:
            out.append(_Mention(claim.sentence, quoted, issue, stance))
    return out


def _speech_mentions(report: _Report, settings: PositionSettings) -> list[_Mention]:
    """What a named speaker insists, warns or denies: the words of the quote."""
    out = []
    for q in report.analysis.quotes:
        stance = STANCE_SPEECH_VERBS.get(q.cue or "")
        if stance is None or q.anonymous or not q.speaker or q.sentence is None:
            continue
        issue = _issue(_written(report.analysis.tokens_between(q.start, q.end)), stance, (),
                       settings)
        if issue:
            out.append(_Mention(q.sentence, q.speaker, issue, stance))
    return out


# --------------------------------------------------------------------------- actors


def _org_head(phrase: str) -> str | None:
    """The kind of organisation a phrase names: "Halifax Chamber of Commerce" -> chamber."""
    words = _words(phrase.strip())
    # "director of the port authority": the body the title is of
    while words and words[0].lower() in ROLE_TITLE_WORDS:
        words.pop(0)
    if words and words[0].lower() in ("of", "at", "for") and len(words) > 1:
        words = words[2:] if words[1].lower() == "the" else words[1:]
    for i, w in enumerate(words):
        if w.lower() in ("of", "at", "in", "for", "representing", "on"):
            words = words[:i]
            break
    words = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in words]
    words = [w for w in words if w not in ROLE_TITLE_WORDS]
    if words and words[-1] in ORGANISATION_HEADS:
        return words[-1]
    if words and _workers(words[-1]):
        return "workers"
    return None


def _contained(short: str, long: str) -> bool:
    a, b = set(name_key(short).split()) - {"the"}, set(name_key(long).split())
    return a <= b


def _titlecase_org(role: str) -> str:
    """The organisation a role names: "director of the Port Authority" -> Port Authority."""
    words = role.split()
    for i, w in enumerate(words):
        if w in ("of", "at"):
            words = words[i + 1 :]
            words = words[1:] if words[:1] == ["the"] else words
            break
    return " ".join(w for w in _words(" ".join(words)) if w.lower() not in ROLE_TITLE_WORDS)


def _without_possessive(word: str) -> str:
    """A mention's last word without its possessive ending ("Jr.'s" -> "Jr.")."""
    return word.removesuffix("'s").removesuffix("’s")


def _drop_article(phrase: str) -> str:
    words = phrase.split(" ", 1)
    if len(words) == 2 and words[0].lower() in ("the", "its", "their", "our"):
        return words[1].lstrip()
    return phrase


class _Actors:
    """The actors of a story, so that every wording of one actor gets one name.

    Who a person is comes from the story's entities (:func:`newscheck.entities.resolve`):
    "Okafor" is the one person of the story so named (the one its own report names,
    when two share the surname), never a namesake. A person whose role names an
    organisation ("Port Authority director") speaks for it. Organisations are known by
    their head noun, and a bare "the union" is the story's union when only one is named.
    Workers ("the steelworkers", "members") are the union when the story names one union
    and a sentence speaks of both.
    """

    def __init__(self, analyses: Sequence[Analysis], people: EntityTable | None = None) -> None:
        self.table = people if people is not None else entities.resolve(analyses)
        self.roles: dict[str, list[str]] = {}
        """Entity id -> the roles reports give that person, as written."""
        for a in analyses:
            self._read_roles(a)
        self.orgs = self._organisations(analyses)
        self.workers_are_union = "union" in self.orgs and any(
            "union" in words and any(map(_workers, words))
            for a in analyses
            for words in (_sentence_words(a, s.index) for s in a.sentences)
        )

    def _read_roles(self, a: Analysis) -> None:
        aid = a.article.id
        for q in a.quotes:
            if q.speaker and q.role and not q.anonymous:
                eid = self.table.person(q.speaker, aid)
                if eid is not None:
                    self.roles.setdefault(eid, []).append(q.role)
        for c in a.claims:
            for r in c.roles:
                eid = self.table.person(r.name, aid) if r.status == "current" else None
                if eid is not None:
                    self.roles.setdefault(eid, []).append(r.role)

    @staticmethod
    def _organisations(analyses: Sequence[Analysis]) -> dict[str, str]:
        """The full name of each kind of organisation, when the story names just one."""
        names: dict[str, list[str]] = {}
        for a in analyses:
            for e in a.entities:
                head = _org_head(e.text)
                # "Halifax union" (lower-case head) is a description, not another name
                proper = _words(e.text)[-1:] and _words(e.text)[-1][:1].isupper()
                if e.label == "ORG" and head and head != "workers" and proper:
                    names.setdefault(head, []).append(e.text.strip())
        orgs = {}
        for head, found in names.items():
            longest = max(found, key=lambda n: (len(n), n))
            if all(_contained(n, longest) for n in found):
                orgs[head] = longest[4:] if longest.lower().startswith("the ") else longest
        return orgs

    def person(self, phrase: str, article: str) -> str | None:
        """Id of the person a phrase names: a name ending in a capitalised word, not a
        body or its members ("Nurses at Millport General Hospital"), nor two people
        ("Senators Ana Ruiz and Tom Quill")."""
        words = _words(phrase)
        if (not words or not words[-1][:1].isupper() or _org_head(phrase) is not None
                or {"and", "&"} & set(words)):
            return None
        return self.table.person(phrase, article)

    def name(self, eid: str) -> str:
        """The display name of a person entity, with the suffix a report writes ("Jr.")."""
        entity = self.table.get(eid)
        suffix = next((_without_possessive(m.text.split()[-1]) for m in entity.mentions
                       if (p := entities.person_name(m.text)) is not None and p.suffix), None)
        return f"{entity.name} {suffix}" if suffix and not entity.name.endswith(suffix) \
            else entity.name

    def org_of(self, eid: str) -> str | None:
        """The organisation a person (entity id) speaks for, when a role names one."""
        for role in self.roles.get(eid, []):
            head = _org_head(role)
            if head and head != "workers":
                return self.orgs.get(head) or _titlecase_org(role)
        return None

    def resolve(self, phrase: str, article: str) -> tuple[str, str, str | None]:
        """(key, display name, person) of an actor phrase written in ``article``."""
        phrase = _drop_article(phrase.strip())
        eid = self.person(phrase, article)
        if eid is not None:
            name = self.name(eid)
            org = self.org_of(eid)
            if org:
                return f"org:{org.lower()}", org, name
            roles = [r for r in self.roles.get(eid, []) if r]
            # the most frequent wording, ties to the first written: the same on every run
            office = max(dict.fromkeys(roles), key=roles.count) if roles else None
            display = f"{name} ({office})" if office else name
            return f"person:{eid}", display, None
        head = _org_head(phrase)
        if head == "workers" and self.workers_are_union:
            head = "union"
        if head and head in self.orgs:
            return f"org:{self.orgs[head].lower()}", self.orgs[head], None
        name = phrase[:1].upper() + phrase[1:]
        return f"other:{name_key(name)}", name, None


# --------------------------------------------------------------------------- positions


class _Found:
    """One position as it is gathered: its actor's name, the people who voice it, its
    evidence and the reports (a copy counted as its original) that state it."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.people: list[str] = []
        self.evidence: list[Evidence] = []
        self.reports: set[str] = set()

    def add(self, other: _Found) -> None:
        self.people += [p for p in other.people if p not in self.people]
        self.evidence += [e for e in other.evidence if e not in self.evidence]
        self.reports |= other.reports


def _gather(
    analyses: Sequence[Analysis], actors: _Actors, settings: PositionSettings
) -> dict[tuple[str, str, str], _Found]:
    """Every report's stances, keyed by (actor key, issue, stance), in order of first mention."""
    found: dict[tuple[str, str, str], _Found] = {}
    for analysis in analyses:
        report = _Report(analysis)
        mentions = sorted(
            [*_frame_mentions(report, settings), *_claim_mentions(report, settings),
             *_speech_mentions(report, settings)],
            key=lambda m: m.sentence,
        )
        for m in mentions:
            key, display, person = actors.resolve(m.actor, analysis.article.id)
            words = _words(display)
            if not words or words[0].lower() in NON_ACTOR_WORDS:
                continue
            entry = found.setdefault((key, m.issue, m.stance), _Found(display))
            if person and person not in entry.people:
                entry.people.append(person)
            s = analysis.sentences[m.sentence]
            ev = Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end)
            if ev not in entry.evidence:
                entry.evidence.append(ev)
            entry.reports.add(analysis.article.copy_of or analysis.article.id)
    return found


def _merge_offers(found: dict[tuple[str, str, str], _Found]) -> dict[tuple[str, str, str], _Found]:
    """A bare "offer" ("the offer", "its pay offer") is the story's offer when only one
    offer with a figure is named."""
    offers = {issue for _, issue, _ in found if issue.endswith("% offer")}
    merged: dict[tuple[str, str, str], _Found] = {}
    for (key, issue, stance), entry in found.items():
        words = issue.split()
        if len(offers) == 1 and len(words) <= 2 and words[-1] == "offer" and words[0].isalpha():
            issue = next(iter(offers))
        into = merged.setdefault((key, issue, stance), _Found(entry.display))
        into.add(entry)
    return merged


def build_positions(
    analyses: Sequence[Analysis],
    settings: PositionSettings = _DEFAULT,
    people: EntityTable | None = None,
) -> list[Position]:
    """Who takes which stance on what, from frames, claims and named speakers' quotes.

    See the module docstring for what states a stance. Actors are merged across reports
    (a spokesperson into the organisation their role names, "the union" and "the
    steelworkers" into the union the story names) and issues normalised ("4% offer",
    "return to talks / a settlement").

    Args:
        analyses: The story's reports.
        settings: How issues are worded.
        people: The story's entities (:func:`newscheck.entities.resolve`), when the caller
            has them already; resolved here when omitted.

    Returns:
        Positions with every report's evidence, the most widely reported first (a copy
        does not count as another report), then in order of first appearance.
    """
    merged = _merge_offers(_gather(analyses, _Actors(analyses, people), settings))
    ordered = sorted(enumerate(merged.items()), key=lambda kv: (-len(kv[1][1].reports), kv[0]))
    out = []
    for _, ((_, issue, stance), entry) in ordered:
        actor = entry.display
        if entry.people:
            actor = f"{actor} ({', '.join(entry.people)})"
        out.append(Position(actor=actor, issue=issue, stance=stance, evidence=tuple(entry.evidence)))
    return out
