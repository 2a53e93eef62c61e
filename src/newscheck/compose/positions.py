"""The actors' positions in a story: who takes which stance on what.

A stance is read from the claims and the quotes of named speakers; actors are merged
across reports and issues normalised so that reports' wordings meet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..entities import name_key, surname_key
from ..model import Analysis, Evidence, Position, Quote

# "CALDERA, March 13 (Harbor Wire) -", "LONDON (Reuters) -": a dateline names
# where and when a report was filed, never who acts.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}|,\s*\d{1,2}\s+[A-Z][a-z]{2,})?"
    r"\s*(?:\([^)]*\))?\s*[-–—:]+\s+"
)
_V = r"(?:e|es|s|d|ed|ing)?"
# (pattern, stance, kind): kind says how the issue is read from the text after the verb.
# fmt: off
_STANCES: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), stance, kind) for p, stance, kind in (
        (rf"\b(?:reject{_V}|turn{_V} down|vot{_V} down|sa(?:y|ys|id) no to)\s+(?P<obj>.+)",
         "rejects", "object"),
        ((rf"\b(?:urg{_V}|call{_V} on|appeal{_V} to|(?<=\bI )ask|(?<=\bwe )ask)\s+(?P<who>[^,.;]{{2,60}}?)"
         r"\s+to\s+(?P<obj>.+)"), "urges", "action"),
        (rf"\b(?:call{_V} for)\s+(?P<obj>.+)", "calls for", "object"),
        (rf"\b(?:accept{_V})\s+(?P<obj>.+)", "accepts", "object"),
        ((r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)|endors(?:e|es|ed|ing))\s+"
         r"(?!with\b|to\b|in\b|on\b|down\b|up\b|out\b|from\b|away\b|off\b)(?P<obj>.+)"),
         "supports", "object"),
        (rf"\b(?:oppos{_V})\s+(?P<obj>.+)", "opposes", "object"),
        (rf"\b(?:criticis{_V}|criticiz{_V})\s+(?P<obj>.+)", "criticises", "object"),
        (rf"\b(?:welcom{_V})\s+(?P<obj>.+)", "welcomes", "object"),
        (rf"\b(?:condemn{_V})\s+(?P<obj>.+)", "condemns", "object"),
        (rf"\b(?:demand{_V})\s+(?P<obj>.+)", "demands", "object"),
        (rf"\b(?:refus{_V})\s+to\s+(?P<obj>.+)", "refuses", "action"),
        (r"\b(?:den(?:y|ies|ied|ying))\s+(?P<obj>.+)", "denies", "object"),
        (rf"\b(?:insist{_V})\s+(?:that\s+)?(?P<obj>.+)", "insists", "clause"),
        (rf"\b(?:warn{_V})\s+(?:that\s+|of\s+)?(?P<obj>.+)", "warns", "clause"),
        # "the offer is final", "It is our final offer", "would not improve its offer"
        ((r"\b(?P<obj>(?:[\w%'’-]+\s+){0,6}?(?:offer|proposal|package|bid))\s+"
         r"(?:is|was|remains|would be|will be|stays)\s+(?:our\s+|its\s+)?(?:final|non-negotiable)\b"),
         "says final", "object"),
        (r"\b(?:is|was)\s+(?:our|its|their|the)\s+(?:final|last)\s+(?P<obj>offer|proposal|bid)\b",
         "says final", "object"),
        ((r"\b(?:not|never)\s+(?:improve|raise|increase|sweeten|change)\s+(?P<obj>(?:its|our|"
         r"their|the)\s+(?:(?!that\b|the\b)[\w%-]+\s+){0,3}?(?:offer|proposal|bid))\b"), "says final",
         "object"),
        ((r"\b(?P<obj>(?:the|its|our|their)\s+(?:(?!that\b|the\b)[\w%-]+\s+){0,3}?"
         r"(?:offer|proposal|bid))\s+"
         r"(?:would|will)\s+not\s+(?:change|improve|increase|be improved)\b"), "says final", "object"),
    )
)
# "Both sides need to return to talks": a call on others, made only by a quote's speaker.
_APPEAL = re.compile(
    r"^\s*(?P<who>both sides|the two sides|everyone|all sides|the union and the [\w ]+?)\s+"
    r"(?:need|needs|must|should|have|has|ought)\s+to\s+(?P<obj>.+)", re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|n['’]t|no longer|refus\w*\s+to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:reportedly|allegedly|apparently|said to|expected to|likely to|may|might|could|would|"
    r"is thought to|is believed to)\b", re.IGNORECASE,
)
_PRONOUNS = frozenset({
    "i", "we", "you", "he", "she", "it", "they", "this", "that", "who", "which", "there",
    "one", "someone", "nobody", "everyone", "talks", "our", "us", "them",
})
_DETERMINERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "latest", "new", "proposed", "planned", "recent", "any", "all", "current", "revised",
    "final", "striking", "formally", "also", "has", "have", "had", "on", "now",
})
_ORG_HEADS = frozenset({
    "union", "government", "ministry", "company", "party", "council", "authority", "police",
    "court", "board", "management", "employers", "committee", "association", "federation",
    "opposition", "commission", "chamber", "institute", "agency", "office", "service",
    "department", "group", "alliance", "bank", "firm", "operator", "confederation",
})
_WORKERS = frozenset({
    "workers", "strikers", "members", "employees", "staff", "drivers", "nurses", "teachers",
    "miners", "pilots",
})
# Compound trades count as workers too ("steelworkers", "farmworkers").
_TRADE_WORKERS = r"[a-z]+workers"


def _workers(word: str) -> bool:
    return word in _WORKERS or re.fullmatch(_TRADE_WORKERS, word) is not None
_TITLES = frozenset({
    "director", "president", "spokeswoman", "spokesman", "spokesperson", "chairman",
    "chairwoman", "chair", "head", "chief", "executive", "secretary", "leader", "general",
    "deputy", "vice", "managing", "representative", "official", "negotiator", "manager",
})
_OFFICES = frozenset({"minister", "mayor", "governor", "senator", "premier", "prime"})
_FUNCTION_TAIL = frozenset({"of", "the", "a", "an", "and", "or", "to", "for", "into", "with"})
_ISSUE_END = re.compile(
    r"\s*(?:[,;:.!?\"“”]|\s-\s|\b(?:because|after|before|while|saying|as|which|that|on|in|at|"
    r"from|by|until|amid|during|despite|following|since|unless|when|if|but)\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
_OFFER_NOUNS = re.compile(r"\b(?:offer(?:ed)?|proposal|bid|package)\b", re.IGNORECASE)
_PAY_NOUNS = re.compile(r"\b(?:rise|raise|increase|pay|wage)\b", re.IGNORECASE)
_TALKS = re.compile(r"\b(?:talk\w*|table|negotiat\w*|go(?:ing)? back|return\w*|meet\w*)\b", re.IGNORECASE)
_SETTLE = re.compile(r"\b(?:settle\w*|agreement|deal|solution|resolv\w*)\b", re.IGNORECASE)
# fmt: on


def strip_dateline(text: str) -> str:
    """A report's first sentence without its dateline ("CALDERA, March 13 (Wire) - ").

    Args:
        text: A sentence or clause.

    Returns:
        The text after the dateline, or the text unchanged when it has none.
    """
    m = _DATELINE.match(text)
    return text[m.end() :] if m else text


def _words(text: str) -> list[str]:
    return [w.strip("\"'“”‘’(),.") for w in text.split() if w.strip("\"'“”‘’(),.")]


def _issue(text: str, kind: str) -> str:
    """The issue a stance is about, normalised so that reports' wordings meet.

    "the port authority's offer of a 4% wage increase", "the 4 per cent pay offer" and
    "a 4 percent pay rise offered by the port authority" all become "4% offer"; a call
    on others to act becomes "return to talks" or "a settlement" when it is about those,
    else the action itself ("compromise").
    """
    head = _ISSUE_END.split(text, maxsplit=1)[0] if kind != "clause" else text
    if kind != "clause" and (_OFFER_NOUNS.search(text[:80]) or _PAY_NOUNS.search(head)):
        pct = _PERCENT.search(text[:80])
        noun = "offer" if _OFFER_NOUNS.search(text[:80]) else "pay rise"
        if pct:
            return f"{pct.group(1)}% {noun}"
    # "return to the table", "keep talking", "reach a settlement quickly" are one call
    if kind == "action" and (_TALKS.search(text) or _SETTLE.search(text)):
        return "return to talks / a settlement"
    words = _words(_ISSUE_END.split(text, maxsplit=1)[0])
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    words = words[:8]
    while words and words[-1].lower() in _FUNCTION_TAIL:
        words.pop()
    return " ".join(words).lower()


def _first_person(phrase: str) -> bool:
    words = _words(phrase)
    return bool(words) and words[0].lower() in {"we", "i", "our", "my"}


def _subject_before(prefix: str) -> str:
    """The noun phrase a verb follows: "Dockworkers at the Port of X on Friday" -> its head."""
    prefix = strip_dateline(prefix).strip()
    if re.search(r"\bwho\s*$", prefix):
        return ""
    prefix = re.split(r"[,:;]|\s(?:as|after|when|while|because|but|and|before|since)\s", prefix)[-1]
    prefix = re.sub(
        r"^\s*(?:on|last|early|late)\s+\w+(?:\s+(?:morning|evening|night))?\s+",
        "",
        prefix,
        flags=re.IGNORECASE,
    )
    prefix = re.sub(
        r"\s+(?:on|in|last|this|early|late)\s+\w+(?:\s+(?:morning|evening|night))?\s*$",
        "",
        prefix,
        flags=re.IGNORECASE,
    )
    words = _words(prefix)
    while words and words[-1].lower() in {
        "has",
        "have",
        "had",
        "also",
        "formally",
        "now",
        "again",
        "already",
        "today",
        "yesterday",
    }:
        words.pop()
    return " ".join(words)


def _looks_like_actor(phrase: str, analysis: Analysis) -> bool:
    words = _words(phrase)
    if not words or words[0].lower() in _PRONOUNS or _DATELINE.match(phrase + " - "):
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return False
    lowered = {w.lower().rstrip("s'’") for w in words} | {w.lower() for w in words}
    if lowered & (_ORG_HEADS | _WORKERS | _OFFICES | _TITLES) or any(map(_workers, lowered)):
        return True
    return any(e.label in {"PERSON", "ORG", "NORP"} and e.text in phrase for e in analysis.entities)


def _stance_of(
    text: str,
    claim_subject: str | None,
    attributed: str | None,
    analysis: Analysis,
    quote_speaker: str | None,
) -> list[tuple[str, str, str, int, bool]]:
    """(actor phrase, issue, stance, offset, by the speaker) for each stance a clause states.

    ``offset`` is where the stance verb stands in ``text``; ``by the speaker`` says that
    the actor is the sentence's speaker (first person, "X said ... and urged").
    """
    out: list[tuple[str, str, str, int, bool]] = []
    full = text
    text = strip_dateline(text)
    shift = len(full) - len(text)
    taken: list[tuple[int, int]] = []
    for pattern, stance, kind in _STANCES:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            prefix = text[: m.start()]
            if stance != "says final" and re.search(
                r"(?:['’]s|\b(?:the|its|their|our|his|her|a|an))\s*$", prefix, re.IGNORECASE
            ):
                continue  # a noun ("the union's demands"), not a verb
            if stance != "says final" and (_NEGATED.search(prefix) or _HEDGED.search(prefix)):
                continue
            by_speaker = True
            if stance == "says final":
                # the speaker of the sentence holds the offer final, not its grammatical subject
                actor = quote_speaker or attributed
            else:
                subject = _subject_before(prefix)
                said = re.search(r"\b(?:said|says|told)\b", prefix)
                if _first_person(subject) or not subject or said or re.search(r"\bwho\s*$", prefix):
                    actor = quote_speaker or attributed
                elif _looks_like_actor(subject, analysis):
                    actor, by_speaker = subject, False
                elif claim_subject and _looks_like_actor(claim_subject, analysis):
                    actor, by_speaker = claim_subject, False
                else:
                    actor = None
            if not actor:
                continue
            issue = _issue(m.group("obj"), kind)
            if stance == "says final":
                pct = _PERCENT.search(text)
                issue = f"{pct.group(1)}% offer" if pct else "offer"
            if issue:
                taken.append((m.start(), m.end()))
                out.append((actor, issue, stance, m.start() + shift, by_speaker))
    return out


def _surname(name: str) -> str:
    return surname_key(name) if _words(name) else ""


def _org_head(phrase: str) -> str | None:
    """The kind of organisation a phrase names: "Caldera Chamber of Commerce" -> chamber."""
    phrase = re.sub(
        rf"^(?:(?:{'|'.join(sorted(_TITLES))})\s+)+(?:of|at|for)\s+(?:the\s+)?",
        "",
        phrase.strip(),
        flags=re.IGNORECASE,
    )
    core = re.split(r"\s+(?:of|at|in|for|representing|on)\s+", phrase, maxsplit=1)[0]
    words = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in _words(core)]
    words = [w for w in words if w not in _TITLES]
    if words and words[-1] in _ORG_HEADS:
        return words[-1]
    if words and _workers(words[-1]):
        return "workers"
    return None


class _Actors:
    """The actors of a story, so that every wording of one actor gets one name.

    Persons are known by surname; a person whose role names an organisation ("Port
    Authority director") speaks for it. Organisations are known by their head noun, and
    a bare "the union" is the story's union when only one is named. Workers ("the
    steelworkers", "members") are the union when the story names one union and links
    the two in a sentence.
    """

    def __init__(self, analyses: Sequence[Analysis]) -> None:
        self.people: dict[str, str] = {}
        self.roles: dict[str, list[str]] = {}
        for a in analyses:
            for e in a.entities:
                if e.label == "PERSON" and len(e.text.split()) >= 2:
                    self.people.setdefault(_surname(e.text), e.text)
            for q in a.quotes:
                named = q.speaker and not q.anonymous and len(q.speaker.split()) >= 2
                if named and q.role and q.speaker[0].isupper() and _org_head(q.speaker) is None:
                    self.people.setdefault(_surname(q.speaker), q.speaker)
                    self.roles.setdefault(_surname(q.speaker), []).append(q.role)
            for c in a.claims:
                for r in c.roles:
                    # a role mention may name an organisation or a lone word; a person
                    # is a capitalised name of two words or more
                    if len(_words(r.name)) < 2 or _org_head(r.name) or not r.name[:1].isupper():
                        continue
                    self.people.setdefault(_surname(r.name), r.name)
                    if r.status == "current":
                        self.roles.setdefault(_surname(r.name), []).append(r.role)
        names: dict[str, list[str]] = {}
        for a in analyses:
            for e in a.entities:
                head = _org_head(e.text)
                # "Caldera union" (lower-case head) is a description, not another name
                proper = _words(e.text)[-1:] and _words(e.text)[-1][:1].isupper()
                if e.label == "ORG" and head and head != "workers" and proper:
                    names.setdefault(head, []).append(e.text.strip())
        # The full name of each kind of organisation, when the story names just one.
        self.orgs: dict[str, str] = {}
        for head, found in names.items():
            longest = max(found, key=lambda n: (len(n), n))
            if all(_contained(n, longest) for n in found):
                self.orgs[head] = re.sub(r"^(?:the)\s+", "", longest, flags=re.IGNORECASE)
        text = " ".join(s.text.lower() for a in analyses for s in a.sentences)
        workers = "|".join([*sorted(_WORKERS), _TRADE_WORKERS])
        self.workers_are_union = "union" in self.orgs and bool(
            re.search(
                rf"\bunion\b[^.]{{0,60}}\b(?:{workers})\b|"
                rf"\b(?:{workers})\b[^.]{{0,60}}\bunion\b",
                text,
            )
        )

    def person(self, phrase: str) -> str | None:
        words = _words(phrase)
        if not words or not words[-1][:1].isupper():
            return None
        name = self.people.get(surname_key(words[-1]))
        return name if name and _surname(name) == surname_key(words[-1]) else None

    def org_of(self, person: str) -> str | None:
        for role in self.roles.get(_surname(person), []):
            head = _org_head(role)
            if head and head != "workers":
                return self.orgs.get(head) or _titlecase_org(role)
        return None

    def resolve(self, phrase: str) -> tuple[str, str, str | None]:
        """(key, display name, person) of an actor phrase."""
        phrase = re.sub(
            r"^(?:the|its|their|our)\s+", "", strip_dateline(phrase).strip(), flags=re.IGNORECASE
        )
        person = self.person(phrase)
        if person:
            org = self.org_of(person)
            if org:
                return f"org:{org.lower()}", org, person
            roles = [r for r in self.roles.get(_surname(person), []) if r]
            # the most frequent wording, ties to the first written: the same on every run
            office = max(dict.fromkeys(roles), key=roles.count) if roles else None
            display = f"{person} ({office})" if office else person
            return f"person:{_surname(person)}", display, None
        head = _org_head(phrase)
        if head == "workers" and self.workers_are_union:
            head = "union"
        if head and head in self.orgs:
            return f"org:{self.orgs[head].lower()}", self.orgs[head], None
        name = phrase[:1].upper() + phrase[1:]
        return f"other:{name_key(name)}", name, None


def _contained(short: str, long: str) -> bool:
    a, b = set(name_key(short).split()) - {"the"}, set(name_key(long).split())
    return a <= b


def _titlecase_org(role: str) -> str:
    core = re.split(r"\s+(?:of|at)\s+(?:the\s+)?", role, maxsplit=1)
    org = core[1] if len(core) > 1 else core[0]
    words = [w for w in _words(org) if w.lower() not in _TITLES]
    return " ".join(words)


def _sentence_of(analysis: Analysis, quote: Quote, piece: re.Match[str]) -> int:
    """The sentence a piece of a quote stands in (a quote may run over several)."""
    at = quote.start + piece.start() + len(piece.group()) - len(piece.group().lstrip())
    for s in analysis.sentences:
        if s.start <= at < s.end and piece.group().strip()[:20] in s.text:
            return s.index
    return quote.sentence if quote.sentence is not None else 0


def build_positions(analyses: Sequence[Analysis]) -> list[Position]:
    """Who takes which stance on what, from claims and the quotes of named speakers.

    A stance is a stance verb (reject, turn down, accept, support, oppose, urge, call on
    or for, demand, criticise, welcome, refuse, deny, back, condemn, insist, warn) that
    is not negated or hedged, or a call that an offer is final ("the offer is final",
    "It is our final offer", "would not improve its offer"). Its holder is the clause's
    subject when that names a person or organisation (a dateline never does), else the
    speaker the sentence is attributed to; a quote's words are its speaker's stance,
    whoever the quote names. Actors are merged across reports (a spokesperson into the
    organisation their role names, "the union" and "the steelworkers" into the union the
    story names) and issues are normalised ("4% offer", "return to talks").

    Args:
        analyses: The story's reports.

    Returns:
        Positions with every report's evidence, the most widely reported first (a copy
        does not count as another report), then in order of first appearance.
    """
    actors = _Actors(analyses)
    found: dict[tuple[str, str, str], dict] = {}
    for analysis in analyses:
        root = analysis.article.copy_of or analysis.article.id
        anonymous = {q.sentence for q in analysis.quotes if q.anonymous}
        speakers: dict[int, str] = {}
        for q in analysis.quotes:
            if q.speaker and not q.anonymous:
                for s in analysis.sentences:
                    if s.index == q.sentence or (s.start < q.end and q.start < s.end):
                        speakers.setdefault(s.index, q.speaker)
        quoted = [(q.start, q.end) for q in analysis.quotes if q.direct]
        mentions: list[tuple[int, str, str, str]] = []
        for claim in analysis.claims:
            if claim.sentence in anonymous:
                continue
            speaker = speakers.get(claim.sentence)
            sentence = analysis.sentences[claim.sentence]
            at = sentence.text.find(claim.text.strip())
            base = sentence.start + at if at >= 0 else None
            for actor, issue, stance, pos, by_speaker in _stance_of(
                claim.text, claim.subject, claim.attributed_to, analysis, speaker
            ):
                inside = base is not None and any(a <= base + pos < b for a, b in quoted)
                if inside and not by_speaker:
                    # '"The union rejects the plan," said X' is X's word on the union,
                    # not a stance the union is reported to take
                    continue
                mentions.append((claim.sentence, actor, issue, stance))
        for q in analysis.quotes:
            if q.anonymous or not q.speaker or q.sentence is None:
                continue
            # a speaker's own stance in the first person: "We support a fair settlement."
            for piece in re.finditer(r"[^.!?]+[.!?]*", q.text):
                sentence = _sentence_of(analysis, q, piece)
                for _, issue, stance, _, by_speaker in _stance_of(
                    piece.group(), None, None, analysis, q.speaker
                ):
                    if by_speaker:
                        mentions.append((sentence, q.speaker, issue, stance))
            # each sentence of the quote on its own: "... ports. Both sides need to return"
            for piece in re.finditer(r"[^.!?]+[.!?]*", q.text):
                m = _APPEAL.match(piece.group())
                if not m:
                    continue
                sentence = _sentence_of(analysis, q, piece)
                mentions.append((sentence, q.speaker, _issue(m.group("obj"), "action"), "urges"))
        for sentence, actor, issue, stance in mentions:
            key, display, person = actors.resolve(actor)
            words = _words(display)
            if not words or words[0].lower() in _PRONOUNS:
                continue
            entry = found.setdefault(
                (key, issue, stance),
                {"display": display, "people": [], "evidence": [], "reports": set()},
            )
            if person and person not in entry["people"]:
                entry["people"].append(person)
            s = analysis.sentences[sentence]
            ev = Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end)
            if ev not in entry["evidence"]:
                entry["evidence"].append(ev)
            entry["reports"].add(root)
    # A bare "offer" is the story's offer when only one offer with a figure is named.
    offers = {issue for _, issue, _ in found if issue.endswith("% offer")}
    merged: dict[tuple[str, str, str], dict] = {}
    for (key, issue, stance), entry in found.items():
        # "the offer", "its pay offer": the one offer with a figure the story names
        if re.fullmatch(r"(?:[a-z]+\s+)?offer", issue) and len(offers) == 1:
            issue = next(iter(offers))
        into = merged.setdefault(
            (key, issue, stance), {**entry, "evidence": [], "people": [], "reports": set()}
        )
        into["evidence"] += [e for e in entry["evidence"] if e not in into["evidence"]]
        into["people"] += [p for p in entry["people"] if p not in into["people"]]
        into["reports"] |= entry["reports"]
    ordered = sorted(enumerate(merged.items()), key=lambda kv: (-len(kv[1][1]["reports"]), kv[0]))
    out = []
    for _, ((_, issue, stance), entry) in ordered:
        actor = entry["display"]
        if entry["people"]:
            actor = f"{actor} ({', '.join(entry['people'])})"
        out.append(
            Position(actor=actor, issue=issue, stance=stance, evidence=tuple(entry["evidence"]))
        )
    return out
