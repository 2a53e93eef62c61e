"""People with roles, as reports name them, and whether two names are the same person.

:func:`find_roles` reads three shapes, with regular expressions over the text and the
PERSON entities of the parse (a capitalised name after a title word counts as a name
when the small model misses it):

* title before the name: "Finance Minister Ana Ruiz", "former Labour Minister Ana Ruiz";
* apposition after the name: "Ruiz, the finance minister,", "Ana Ruiz, former finance
  minister,";
* apposition before the name: "the port authority's director, Ilse Marden".

Roles are normalised to lower case without the article or the status word ("labour" and
"labor" stay as written); the status is ``current``, ``former`` (also "ex-"), ``then``
(historical: "then-President Ana Ruiz"), ``acting``, ``outgoing``, ``late``, ``designate`` or
``interim``.

A role named at the time of a past event is no claim about who holds it now: "the deal
negotiated by President Ruiz", "after firing Director Ana Ruiz", "under Minister Ruiz the
ministry had..." get status ``then`` when the parse is at hand (:func:`past_event_role`).
The speaker or doer of the clause keeps ``current`` ("Minister Ruiz said on Monday"):
news reports what office holders did in the past tense.

A name must look like a name: a PERSON entity, or capitalised words none of which the
parse reads as a verb ("North Korean Leader Says" in a headline names nobody).
"""

from __future__ import annotations

import re

from ..entities import normalise_role, status_pattern
from ..lexicon import (
    ARTICLES,
    BARE_ROLE_WORDS,
    HEADLINE_VERBS,
    MONTHS,
    NOT_NAME_OPENERS,
    POSSESSIVE_DETERMINERS,
    ROLE_CLAUSE_WORDS,
    ROLE_LEADING_WORDS,
    ROLE_PATTERN_MODIFIERS,
    ROLE_STATUS_WORDS,
    ROLE_TIE_PREPOSITIONS,
    SAID_WORDS,
    SHARED_STATUS_WORDS,
    TITLES,
    WEEKDAYS,
)
from ..model import RoleMention
from .nlp import entities

_TITLE = r"(?i:(?:" + TITLES + r")(?:[- ]designate|[- ]elect)?)"
_STATUS = r"(?P<status>(?i:" + status_pattern() + "))"
_DETERMINERS = "|".join((*ARTICLES, *sorted(POSSESSIVE_DETERMINERS)))
# a sentence word the role phrase may start with that is no part of the role ("said")
_LEADING_WORD = re.compile(r"^(?:" + "|".join(sorted(ROLE_CLAUSE_WORDS)) + r")\s+")
_MODIFIER_WORDS = "|".join(ROLE_PATTERN_MODIFIERS)
# a hyphenated tail may be lower case ("Jae-in", "Abdul-rahman")
_NAME = r"(?P<name>[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ][a-zà-ÿ]+)?(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ][a-zà-ÿ]+)?){0,2})"

# "former Labour Minister Ana Ruiz", "Finance Minister Ana Ruiz"
_BEFORE = re.compile(
    r"(?:\b" + _STATUS + r"\s*)?"
    r"(?P<role>(?:(?:[A-Z][\w'’.-]*|" + _MODIFIER_WORDS + r")\s+){0,4}?" + _TITLE + r")"
    r"\s+" + _NAME,
)
# "Ana Ruiz, former finance minister," / "Ruiz, the finance minister,"
_AFTER = re.compile(
    _NAME + r",\s+(?:(?:" + _DETERMINERS + r")\s+)?(?:" + _STATUS + r"\s*)?"
    r"(?P<role>(?:[\w'’.-]+\s+){0,5}?" + _TITLE
    + r"(?:\s+(?:" + "|".join(ROLE_TIE_PREPOSITIONS) + r")\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?)"
    r"(?=\s*(?:[,.;)]|$|\s+(?:" + "|".join(SAID_WORDS) + r")\b))",
)
# "the port authority's director, Ilse Marden"
_APPOS_BEFORE = re.compile(
    r"\b(?i:" + _DETERMINERS + r")\s+(?:" + _STATUS + r"\s*)?"
    r"(?P<role>(?:[\w'’.-]+\s+){0,4}?" + _TITLE + r"),\s+" + _NAME,
)
_NOT_NAMES = frozenset(w.title() for w in (*NOT_NAME_OPENERS, *WEEKDAYS, *MONTHS))


# The doer of a clause speaks as the office holder of the report's day; the subject of a
# passive ("Director Ruiz was fired") undergoes a past event.
_DOERS = frozenset({"nsubj", "csubj", "expl"})
# "former prosecutor and mayor Ana Ruiz": one status word for coordinated titles
_SHARED_STATUS = re.compile(
    r"\b(?P<status>" + "|".join(SHARED_STATUS_WORDS) + r")\s*(?:[\w'’.-]+\s+){1,4}and\s+$",
    re.IGNORECASE,
)


def _tokens(doc_or_span, start: int, end: int) -> list:
    base = getattr(doc_or_span, "start_char", 0)
    return [t for t in doc_or_span if start <= t.idx - base < end]


def _verb_in_name(doc_or_span, start: int, end: int, name: str, tagged: bool) -> bool:
    """Whether a capitalised run holds a verb (by the parse's tags when ``tagged``: the
    small model tags a headline's capitalised verb as part of a PERSON now and then)."""
    if any(w.lower() in HEADLINE_VERBS for w in re.split(r"[\s-]+", name)):
        return True
    return tagged and any(t.tag_.startswith("VB") for t in _tokens(doc_or_span, start, end))


def _present(verb) -> bool | None:
    """Tense of a verb from its tag and auxiliaries: True present, False past, None when
    the verb has no tense of its own (a gerund or infinitive without auxiliary)."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" or c.tag_ in ("VBZ", "VBP") for c in aux):
        return True
    if any(c.tag_ == "VBD" for c in aux):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ in ("VBD", "VBN"):
        return False
    return None


def past_event_role(doc_or_span, start: int, end: int) -> bool:
    """Whether a named person sits in a past-event clause without being its doer.

    "the deal negotiated by President Ruiz", "Trump's firing of Director Ruiz", "under
    Minister Ruiz the ministry had ...": the role is the one held at the time of that
    event. The subject of the clause ("Minister Ruiz said") and the source of "according
    to" speak as the office holder of the report's day. A gerund without auxiliary
    ("after firing Director Ruiz") names an event, so its object is historical too.

    Args:
        doc_or_span: The parsed sentence (``Doc`` or ``Span``).
        start: Start of the name, relative to ``doc_or_span.text``.
        end: End of the name, relative to ``doc_or_span.text``.
    """
    toks = _tokens(doc_or_span, start, end)
    if not toks:
        return False
    inside = {t.i for t in toks}
    child = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
    for _ in range(12):
        node = child.head
        if node is child:
            return False  # the name phrase is the root: a headline fragment
        if node.lower_ == "according":
            return False
        if node.tag_ in ("NN", "NNS") and node.lower_.endswith(("ing", "ings")) and (
            child.lower_ == "of"
        ):
            return True  # "the firing of Director Ruiz": an event that has happened
        if node.pos_ in ("VERB", "AUX"):
            if child.dep_ in _DOERS:
                return False
            tense = _present(node)
            if tense is None:
                return node.tag_ == "VBG" and child.dep_ in ("dobj", "pobj", "prep", "agent")
            return not tense
        child = node
    return False


def _status(raw: str | None, role: str) -> tuple[str, str]:
    status = ROLE_STATUS_WORDS.get((raw or "").strip().lower().rstrip("-") + ("-" if (raw or "").strip().endswith("-") else ""), "current")
    if re.search(r"[- ]designate$", role, re.IGNORECASE):
        return "designate", re.sub(r"[- ]designate$", "", role, flags=re.IGNORECASE)
    if re.search(r"[- ]elect$", role, re.IGNORECASE):
        return "designate", role
    return status, role


def _clean_name(name: str, person_spans: list[tuple[int, int, str]], start: int) -> str | None:
    """The name as written, cut to a PERSON entity when one starts there."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        return None
    for s, e, text in person_spans:
        if s == start:
            # the small model cuts a hyphenated tail ("Jae-" of "Jae-in"): keep it whole
            if name.startswith(text) and len(name) > len(text) and (
                text.endswith("-") or name[len(text)] in "-'"
            ):
                return " ".join(words[:3])
            return text
    # the regex may run into the next capitalised word ("Ana Ruiz Said"): keep at most 3
    return " ".join(words[:3]) if words else None


def find_roles(doc_or_span, text_offset: int = 0) -> list[RoleMention]:
    """Find people named with a role.

    Args:
        doc_or_span: A spaCy ``Doc`` or ``Span`` (its text and PERSON entities are used).
        text_offset: Added to offsets relative to ``doc_or_span.text`` (pass the span's
            ``start_char`` to get offsets into the article text).

    Returns:
        Role mentions in text order, each spanning role and name.
    """
    text = doc_or_span.text
    base = getattr(doc_or_span, "start_char", 0)
    persons = [
        (e.start_char - base, e.end_char - base, e.text)
        for e in entities(doc_or_span)
        if e.label_ == "PERSON"
    ]
    out: list[RoleMention] = []
    taken: list[tuple[int, int]] = []

    def add(name: str | None, role: str, status_raw: str | None, s: int, e: int,
            at: int) -> None:
        if not name or any(s < b and e > a for a, b in taken):
            return
        entity = any(a <= at < b for a, b, _ in persons)
        if _verb_in_name(doc_or_span, at, at + len(name), name, tagged=not entity):
            return
        if status_raw is None:
            shared = _SHARED_STATUS.search(text[max(0, s - 60) : s])
            status_raw = shared.group("status") if shared else None
        status, role = _status(status_raw, role)
        role_n = normalise_role(role)
        if not role_n or role_n in BARE_ROLE_WORDS:
            return
        # a role phrase may start with a sentence-initial word that is no part of it
        role_n = _LEADING_WORD.sub("", role_n)
        if status == "current" and past_event_role(doc_or_span, at, at + len(name)):
            status = "then"
        out.append(RoleMention(name=name, role=role_n, status=status,
                               start=s + text_offset, end=e + text_offset))
        taken.append((s, e))

    for m in _APPOS_BEFORE.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        add(name, m.group("role"), m.group("status"), m.start(),
            m.start("name") + len(name or ""), m.start("name"))
    for m in _AFTER.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        if name is None:
            continue
        # the name must be a person: an entity, or not a known non-name word
        if (persons and not any(s <= m.start("name") < e for s, e, _ in persons)
                and len(name.split()) < 2):
            continue
        add(name, m.group("role"), m.group("status"), m.start("name"), m.end("role"),
            m.start("name"))
    for m in _BEFORE.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        role = m.group("role")
        # the role must not swallow a preceding capitalised sentence word ("Yesterday Finance")
        words = role.split()
        while len(words) > 1 and (words[0] in _NOT_NAMES or words[0].lower() in ROLE_LEADING_WORDS):
            words = words[1:]
        role = " ".join(words)
        add(name, role, m.group("status"), m.start(), m.start("name") + len(name or ""),
            m.start("name"))
    out.sort(key=lambda r: r.start)
    return out
