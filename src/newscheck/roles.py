"""People with roles, as reports name them, and whether two names are the same person.

:func:`find_roles` reads three shapes, with regular expressions over the text and the
PERSON entities of the parse (a capitalised name after a title word counts as a name
when the small model misses it):

* title before the name: "Finance Minister Ana Ruiz", "former Labour Minister Ana Ruiz";
* apposition after the name: "Ruiz, the finance minister,", "Ana Ruiz, former finance
  minister,";
* apposition before the name: "the port authority's director, Tomas Brandt".

Roles are normalised to lower case without the article or the status word ("labour" and
"labor" stay as written); the status is ``current``, ``former`` (also "ex-", "then-"),
``acting``, ``outgoing``, ``late``, ``designate`` or ``interim``.
"""

from __future__ import annotations

import re

from .model import RoleMention

TITLES = (
    "prime minister|minister|secretary|president|vice[- ]president|chancellor|governor|mayor|"
    "senator|sen\\.|gov\\.|rep\\.|representative|congressman|congresswoman|lawmaker|mp|"
    "premier|spokesperson|spokesman|spokeswoman|director|director[- ]general|chief executive|"
    "ceo|cfo|coo|chairman|chairwoman|chairperson|chair|head|commissioner|ambassador|envoy|"
    "general|judge|justice|attorney general|attorney|prosecutor|leader|chief|official|"
    "superintendent|manager|king|queen|prince|princess|pope|coach|captain|inspector|"
    "sheriff|commander|adviser|advisor|economist|analyst|founder|co-founder|owner|"
    "president-elect|speaker|deputy|treasurer|negotiator|organiser|organizer|"
    "executive|officer|professor|researcher|scientist|lawyer|editor|correspondent"
)
_TITLE = r"(?i:(?:" + TITLES + r")(?:[- ]designate|[- ]elect)?)"
_STATUS = r"(?P<status>(?i:former|ex-|ex\s|acting|outgoing|late|interim|then-|then\s))"
_MODIFIER_WORDS = (
    "deputy|vice|assistant|associate|foreign|finance|financial|defence|defense|interior|"
    "home|justice|health|labour|labor|economy|economic|economics|trade|education|energy|"
    "transport|transportation|environment|agriculture|state|police|fire|union|party|press|"
    "port|city|county|district|general|chief|senior|junior|executive|managing|federal|"
    "regional|national|local|communications|public|foreign affairs|prime|attorney|"
    "authority|authority's|company|company's|union's|council|council's|club|team|operations|"
    "security|intelligence|military|army|navy|campaign|government|government's|white house|"
    "central bank|bank|news|technical|technology|medical|research|legal|board|group"
)
_NAME = r"(?P<name>[A-Z][a-zà-ÿ]+(?:[-'][A-Z][a-zà-ÿ]+)?(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][a-zà-ÿ]+(?:[-'][A-Z][a-zà-ÿ]+)?){0,2})"

# "former Labour Minister Ana Ruiz", "Finance Minister Ana Ruiz"
_BEFORE = re.compile(
    r"(?:\b" + _STATUS + r"\s*)?"
    r"(?P<role>(?:(?:[A-Z][\w'’.-]*|" + _MODIFIER_WORDS + r")\s+){0,4}?" + _TITLE + r")"
    r"\s+" + _NAME,
)
# "Ana Ruiz, former finance minister," / "Ruiz, the finance minister,"
_AFTER = re.compile(
    _NAME + r",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:" + _STATUS + r"\s*)?"
    r"(?P<role>(?:[\w'’.-]+\s+){0,5}?" + _TITLE + r"(?:\s+(?:of|for|at|to)\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?)(?=\s*(?:[,.;)]|$|\s+(?:said|says|told)\b))",
)
# "the port authority's director, Tomas Brandt"
_APPOS_BEFORE = re.compile(
    r"\b(?i:the|a|an|its|his|her|their)\s+(?:" + _STATUS + r"\s*)?"
    r"(?P<role>(?:[\w'’.-]+\s+){0,4}?" + _TITLE + r"),\s+" + _NAME,
)
_HONORIFICS = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sen|gov|rep|president|minister|"
    r"gen|col|capt|lt|sgt|rev|judge|justice|chancellor|mayor|governor|senator)\.?\s+",
    re.IGNORECASE,
)
_STATUS_NORM = {"former": "former", "ex-": "former", "ex": "former", "then-": "former",
                "then": "former", "acting": "acting", "outgoing": "outgoing", "late": "late",
                "interim": "interim"}
_LEADING = frozenset(
    {"yesterday", "today", "meanwhile", "earlier", "later", "now", "also", "however",
     "then", "when", "after", "before", "since", "as", "but", "and", "said", "says", "told",
     "by", "with", "from", "while", "last", "on", "in", "at", "of", "for", "to", "if"}
)
_NOT_NAMES = frozenset(
    {"The", "A", "An", "He", "She", "They", "It", "This", "That", "On", "In", "At", "But",
     "And", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
     "January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December", "Mr", "Ms", "Mrs", "Dr"}
)


def normalise_role(role: str) -> str:
    """Lower case, no article, single spaces ("the Finance Minister" -> "finance minister")."""
    r = re.sub(r"\s+", " ", role.strip().lower())
    r = re.sub(r"^(?:the|a|an)\s+", "", r)
    return r.strip(" ,.")


def _status(raw: str | None, role: str) -> tuple[str, str]:
    status = _STATUS_NORM.get((raw or "").strip().lower().rstrip("-") + ("-" if (raw or "").strip().endswith("-") else ""), "current")
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
        for e in doc_or_span.ents
        if e.label_ == "PERSON"
    ]
    out: list[RoleMention] = []
    taken: list[tuple[int, int]] = []

    def add(name: str | None, role: str, status_raw: str | None, s: int, e: int) -> None:
        if not name or any(s < b and e > a for a, b in taken):
            return
        status, role = _status(status_raw, role)
        role_n = normalise_role(role)
        if not role_n or role_n in ("chief", "head", "general"):
            return
        # a role phrase may start with a sentence-initial word that is no part of it
        role_n = re.sub(r"^(?:said|says|told|and|but|by|with|from|as|when|while)\s+", "", role_n)
        out.append(RoleMention(name=name, role=role_n, status=status,
                               start=s + text_offset, end=e + text_offset))
        taken.append((s, e))

    for m in _APPOS_BEFORE.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        add(name, m.group("role"), m.group("status"), m.start(), m.start("name") + len(name or ""))
    for m in _AFTER.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        if name is None:
            continue
        # the name must be a person: an entity, or not a known non-name word
        if (persons and not any(s <= m.start("name") < e for s, e, _ in persons)
                and len(name.split()) < 2):
            continue
        add(name, m.group("role"), m.group("status"), m.start("name"), m.end("role"))
    for m in _BEFORE.finditer(text):
        name = _clean_name(m.group("name"), persons, m.start("name"))
        role = m.group("role")
        # the role must not swallow a preceding capitalised sentence word ("Yesterday Finance")
        words = role.split()
        while len(words) > 1 and (words[0] in _NOT_NAMES or words[0].lower() in _LEADING):
            words = words[1:]
        role = " ".join(words)
        add(name, role, m.group("status"), m.start(), m.start("name") + len(name or ""))
    out.sort(key=lambda r: r.start)
    return out


def _name_tokens(name: str) -> list[str]:
    n = name.strip()
    while True:
        stripped = _HONORIFICS.sub("", n)
        if stripped == n:
            break
        n = stripped
    n = re.sub(r"[’']s$", "", n)
    return [t for t in re.split(r"[\s.]+", n.lower()) if t]


def same_person(a: str, b: str) -> bool:
    """Whether two names can be the same person ("Ana Ruiz" ~ "Ruiz" ~ "Ms. Ruiz" ~ "A. Ruiz").

    The family names (last words) must match; given names, when both are written, must
    match or one must be the other's initial.
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    if len(ta) > 1 and len(tb) > 1:
        fa, fb = ta[0], tb[0]
        if fa != fb and not (len(fa) == 1 and fb.startswith(fa)) and not (
            len(fb) == 1 and fa.startswith(fb)
        ):
            return False
    return True
