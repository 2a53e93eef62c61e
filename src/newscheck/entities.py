"""Names: whether two mentions are one person or organisation, and who is who in a story.

The one place that compares names. Everything else (roles, verdicts, align, stories,
brief) calls into it.

Comparing two names (:func:`same_person`, :func:`same_org`):

* :func:`name_key` normalises any name: lower case, accents folded, no leading article,
  no possessive, no punctuation ("the Port Authority's" -> "port authority").
* :func:`person_name` parses a person's name with nameparser, after cutting off a title
  phrase ("North Korean leader Kim Jong Un" -> "Kim Jong Un"), and drops honorifics,
  suffixes and the possessive. Korean and Chinese names are read family name first
  ("Kim Jong-un": family "kim", given "jong-un"; "Kim Jong Un" is the same).
* Two full names are one person when their surnames match (exactly, with a particle
  dropped, "al-Assad"/"Assad", a hyphenated tail cut off by the parser, or as two
  transliterations of one name: "Qaddafi"/"Kadhafi") and their given names agree: equal,
  an initial ("A. Ruiz"), a nickname from the ``nicknames`` dataset ("Bob"/"Robert"), a
  given name that is the other's middle name ("Lula"/"Luiz Inácio Lula da Silva"). Middle
  names count only when both write one (their initials must agree: "George H. W." is not
  "George W."), suffixes only when both write one ("Jr." is not "Sr.").
* A surname alone ("Ruiz", "Mr. Trump's") can be anyone of that surname.
* Organisations match by key, a few country aliases, or acronym ("IAEA").

Resolving a story (:func:`resolve`) clusters every PERSON, ORG, GPE and NORP mention of
all its reports into :class:`~newscheck.model.ResolvedEntity` objects with ids ``e1``,
``e2``, ... in order of first mention. Full names cluster first; a surname alone joins the
one entity of the story with that surname (the one named in the same report first), and
stays unresolved when two share it. Roles that reports give a person are attached, with
the body or country written (:func:`qualified_role`), so that a title alone ("the North
Korean leader") can be linked to the one entity that the report names with that role.

Reading one article (before any story exists), extraction resolves a mention against the
people the article named before it: :func:`fuller_name` gives a surname alone the full
name written earlier ("Ruiz" -> "Ana Ruiz"), :class:`NamedSoFar` reads a pronoun subject
as the person named most so far whose first name fits it (:func:`pronoun_gender`,
:func:`first_name_gender`). Quotes and frames ask these; they decide nothing themselves.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import jellyfish
from nameparser import HumanName
from nicknames import NickNamer

from .lexicon import (
    ACRONYM_SKIP_WORDS,
    ARTICLES,
    DEFINITE_ARTICLES,
    DEMONYMS,
    FAMILY_FIRST_SURNAMES,
    HONORIFICS,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    PERSON_TITLES,
    PLACE_ALIASES,
    POSSESSIVE_DETERMINERS,
    PRONOUN_GENDER,
    ROLE_BODY_PREPOSITIONS,
    ROLE_MODIFIERS,
    ROLE_NOISE_WORDS,
    ROLE_STATUS_WORDS,
    SOCIAL_HONORIFICS,
    SURNAME_PARTICLES,
    SURNAME_TITLES,
    TITLES,
)
from .model import Analysis, EntityMention, EntityRole, ResolvedEntity
from .settings import EntitySettings

_DEFAULT = EntitySettings()
LABELS = ("PERSON", "ORG", "GPE", "NORP")

# --------------------------------------------------------------------------- syllables, places

# One romanised Korean or Chinese syllable (pinyin or revised/McCune romanisation).
_SYLLABLE = (
    r"(?:zh|ch|sh|ts|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcswy])?"
    r"(?:[aeiou]{1,3}|yu|ya|yo|ye|wa|wo|we|ü)(?:ng|n|m|k|l|p|t)?"
)
_SYLLABLES = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")

_ARTICLE = re.compile(rf"^(?:{'|'.join(ARTICLES)})\s+")
_DETERMINER = re.compile(rf"^(?:{'|'.join(sorted(DEFINITE_ARTICLES | POSSESSIVE_DETERMINERS))})\s+",
                         re.IGNORECASE)
_COUNTRIES = {v.lower(): v for v in DEMONYMS.values()}
_PLACES = {**{k: v for k, v in DEMONYMS.items()}, **_COUNTRIES}


def normalise_role(role: str) -> str:
    """Lower case, no article, single spaces ("the Finance Minister" -> "finance minister")."""
    r = re.sub(r"\s+", " ", role.strip().lower())
    r = _ARTICLE.sub("", r)
    return r.strip(" ,.")

def _title_words() -> frozenset[str]:
    words = set()
    for t in TITLES.split("|"):
        words.add(t.replace("[- ]", " ").replace("\\.", "").replace("\\", ""))
    words.update(PERSON_TITLES)
    return frozenset(words)


_TITLE_WORDS = _title_words()
_MAX_TITLE = max(len(t.split()) for t in _TITLE_WORDS)
_NICKNAMES = NickNamer()

# --------------------------------------------------------------------------- keys


def fold(text: str) -> str:
    """``text`` with accents removed ("Inácio" -> "Inacio")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_POSSESSIVE = re.compile(r"['’](?:s\b)?(?=\s|$)")


def name_key(text: str) -> str:
    """A name normalised for matching: "the Port Authority's" -> "port authority".

    Lower case, accents folded, no leading article, no possessive, punctuation made
    spaces (so "F.B.I." -> "f b i"; see :func:`org_key` for organisations). Idempotent.
    """
    t = fold(text).lower().strip()
    t = _POSSESSIVE.sub("", t)
    t = " ".join(re.sub(r"[\W_]+", " ", t).split())
    while _ARTICLE.match(t):
        t = _ARTICLE.sub("", t, count=1)
    return t


def _word_key(word: str) -> str:
    """One word of a person's name: folded, lower case, hyphens kept, no possessive."""
    w = _POSSESSIVE.sub("", fold(word).lower().strip())
    return re.sub(r"[^\w-]+", "", w).strip("-_")


# --------------------------------------------------------------------------- titles, roles


def _is_title_at(words: Sequence[str], i: int) -> int:
    """Length of the title phrase starting at ``words[i]`` (0 when none)."""
    for n in range(min(_MAX_TITLE, len(words) - i), 0, -1):
        phrase = " ".join(w.lower().strip(".,'’") for w in words[i : i + n])
        if phrase in _TITLE_WORDS:
            return n
    return 0


def _capitalised(word: str) -> bool:
    w = word.lstrip("\"'“‘(`")
    return bool(w) and (w[0].isupper() or w[0].isdigit())


def split_title(text: str) -> tuple[str | None, str | None]:
    """Split a mention into its title phrase and the name it holds.

    "North Korean leader Kim Jong Un" -> ("North Korean leader", "Kim Jong Un");
    "President Moon Jae-in of South Korea" -> ("President of South Korea", "Moon Jae-in");
    "the North Korean leader" -> ("the North Korean leader", None); "Mr. Kim" -> (None,
    "Mr. Kim"). The name is the first run of capitalised words after the last title word
    that a capitalised word follows; a run that is only a place or an acronym ("U.S.",
    "FBI"), or that ends with a title word ("CIA Director"), names nobody.
    """
    t = " ".join(text.replace("``", '"').replace("''", '"').split()).strip(" \"'“”‘’,.;:")
    words = t.split()
    if not words:
        return None, None
    # the last title word followed by a capitalised word: a name after it
    cut = -1
    i = 0
    while i < len(words):
        n = _is_title_at(words, i)
        if not n:
            i += 1
            continue
        j = i + n
        # "President of the United States Donald Trump"
        if j < len(words) and words[j].lower() == "of":
            k = j + 1 + (j + 1 < len(words) and words[j + 1].lower() in DEFINITE_ARTICLES)
            pl = _place_length(words, k)
            if pl and k + pl < len(words) and _capitalised(words[k + pl]):
                j = k + pl
        if j < len(words) and _capitalised(words[j]) and words[j].lower() not in ROLE_NOISE_WORDS:
            cut = j
        i = j
    role_words = words[:cut] if cut > 0 else []
    rest = words[cut:] if cut > 0 else words
    # the name: a run of capitalised words (with particles), articles skipped; a single
    # word before a longer name is its modifier ("Estonian diplomat Mart Kask")
    runs = _capitalised_runs(rest)
    if not runs:
        return (t if has_title(t) else None), None
    start, end = runs[0]
    for k, (s0, e0) in enumerate(runs):
        words_k = [w.strip(",;:") for w in rest[s0:e0]]
        later = any(e1 - s1 >= 2 and _names_someone(rest[s1:e1]) for s1, e1 in runs[k + 1 :])
        if _names_someone(words_k) and not (e0 - s0 == 1 and later):
            start, end = s0, e0
            break
    name_words = [w.strip(",;:") for w in rest[start:end]]
    tail = rest[end:]
    # "Prime Minister Shinzo Abe of Japan": the place belongs to the title
    if tail[:1] and tail[0].lower() == "of" and role_words:
        role_words = role_words + tail
    if cut <= 0 and start > 0 and has_title(" ".join(rest[:start])):
        role_words = rest[:start]
    name = " ".join(name_words)
    if not _names_someone(name_words) or (
        tail and re.search(r"['’]s?$", rest[end - 1]) and tail[0].lower() != "of"
    ):
        name = ""  # "Trump's most trusted ally" is not Trump
    role = " ".join(role_words).strip(",") or None
    if not name and has_title(t):
        role = t
    return role, (name or None)


def _capitalised_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of capitalised words (particles inside, a possessive
    ending a run, articles and status words left out)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i]) or words[i].lower().strip(".,") in ROLE_NOISE_WORDS:
            i += 1
            continue
        end = i
        while end < len(words) and (
            (_capitalised(words[end]) and words[end].lower() not in ROLE_NOISE_WORDS)
            or (words[end].lower() in SURNAME_PARTICLES and end + 1 < len(words)
                and _capitalised(words[end + 1]))
            or words[end].lower().startswith(NAME_PREFIXES)
        ):
            if end > i and words[end - 1].endswith((",", "'s", "’s")):
                break  # "Trump's Kim": two names
            end += 1
        runs.append((i, end))
        i = end
    return runs


@functools.lru_cache(maxsize=1)
def _given_names():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def _names_someone(words: Sequence[str]) -> bool:
    """Whether a run of capitalised words is a person's name rather than a place, an
    acronym or a title phrase ("U.S.", "FBI", "CIA Director", "North Korean Leader")."""
    if not words:
        return False
    text = " ".join(words)
    if _is_place(text) or all(re.fullmatch(r"(?:[A-Z]\.?){2,}|(?:[A-Z]\.)+", w.rstrip("'’s"))
                              for w in words):
        return False
    last = _POSSESSIVE.sub("", words[-1]).lower().strip(".,")
    if last in _TITLE_WORDS or last in ROLE_MODIFIERS:
        if last in SURNAME_TITLES and len(words) >= 2:
            return _given_names().get_gender(words[0].strip(".,")) in (
                "male", "female", "mostly_male", "mostly_female")
        return False
    return True


def _place_length(words: Sequence[str], k: int) -> int:
    """How many words from ``words[k]`` name a place ("United States": 2)."""
    for n in (3, 2, 1):
        if k + n <= len(words) and _is_place(" ".join(words[k : k + n])):
            return n
    return 0


def _is_place(text: str) -> bool:
    k = fold(text).lower().strip(" .,'’")
    k = _POSSESSIVE.sub("", k)
    return k in _PLACES or k.replace(".", "") in _PLACES


def _place(text: str) -> str | None:
    """The country a demonym or country name writes ("North Korean" -> "North Korea")."""
    k = _POSSESSIVE.sub("", fold(text).lower().strip(" ,'’"))
    k = re.sub(r"^the\s+", "", k)
    return _PLACES.get(k) or _PLACES.get(k.replace(".", ""))


def status_pattern(*statuses: str) -> str:
    """A regex alternation of the role status words (``ROLE_STATUS_WORDS``) of ``statuses``
    ("former", "then"...), of every status when none is given. A word that is also written
    joined to its title ("ex-minister") must end at a space when written apart ("ex minister").
    """
    return "|".join(w + r"\s" if w + "-" in ROLE_STATUS_WORDS else w
                    for w, status in ROLE_STATUS_WORDS.items() if not statuses or status in statuses)


# a status joined to its title ("ex-minister", "then-President"); "former" in any spelling
_JOINED_STATUS = re.compile(
    "|".join(rf"\b{w}" for w in ROLE_STATUS_WORDS if w.endswith("-")), re.IGNORECASE)
_FORMER_STATUS = re.compile(rf"\b(?:{status_pattern('former')})", re.IGNORECASE)
# "Minister of Justice", "Secretary for Health of the Region": the role and its body
_ROLE_OF = re.compile(
    rf"^(?P<role>.+?)\s+(?:{'|'.join(ROLE_BODY_PREPOSITIONS)})\s+(?:the\s+)?(?P<of>[^,;]+)$",
    re.IGNORECASE)


def qualified_role(text: str) -> tuple[str, str | None]:
    """A role and the body or country it is held in, as a report writes them.

    "Brazilian President" -> ("president", "Brazil"); "France's foreign minister" ->
    ("foreign minister", "France"); "the company's president" -> ("president",
    "company"); "President of the United States" -> ("president", "United States");
    "CIA Director" -> ("director", "CIA"); "Finance Minister" -> ("finance minister",
    None). Status words and epithets are left out ("the former FBI director" ->
    ("director", "FBI")). Text with no title word comes back normalised, without
    qualifier.
    """
    role_part, name = split_title(text)
    if role_part and name:
        text = role_part  # "Brazilian President Lula" -> "Brazilian President"
    t = " ".join(text.replace("``", " ").replace("''", " ").split()).strip(" \"'“”‘’,.;:")
    t = _JOINED_STATUS.sub("", t)
    qualifier: str | None = None
    of = _ROLE_OF.match(t)
    if of and any(_is_title_at(of["role"].split(), k) for k in range(len(of["role"].split()))):
        fixed = _fixed_title_with_of(t)
        if fixed is None:
            t, qualifier = of["role"], of["of"].strip()
    poss = re.match(r"^(?:the\s+)?(?P<of>.+?)['’]s?\s+(?P<role>.+)$", t, re.IGNORECASE)
    if poss and qualifier is None:
        qualifier, t = poss["of"].strip(), poss["role"]
    words = t.split()
    # drop articles, status words and epithets in front
    kept: list[str] = []
    i = 0
    while i < len(words):
        n = _is_title_at(words, i)
        if n:
            kept.extend(w.lower().strip(".,") for w in words[i : i + n])
            i += n
            continue
        w = words[i]
        low = w.lower().strip(".,")
        two = " ".join(x.lower().strip(".,") for x in words[i : i + 2])
        if qualifier is None and not kept and i + 1 < len(words) and _place(two):
            qualifier = _place(two)
            i += 2
            continue
        if qualifier is None and not kept and _place(w):
            qualifier = _place(w)
        elif low in ROLE_MODIFIERS:
            kept.append(low)
        elif (qualifier is None and not kept and _capitalised(w) and low not in ROLE_NOISE_WORDS
              and low not in HONORIFICS):
            qualifier = w.strip(",")  # "CIA Director", "London Mayor"
        i += 1
    if not any(_is_title_at(kept, k) for k in range(len(kept))):
        return normalise_role(text), None
    role = normalise_role(" ".join(kept))
    if qualifier is not None:
        q = qualifier.strip()
        qualifier = _place(q) or _DETERMINER.sub("", q)
    return role, qualifier


def _fixed_title_with_of(text: str) -> str | None:
    """A title that holds "of" itself ("Secretary of State", "Minister of Justice")."""
    low = text.lower()
    for t in _TITLE_WORDS:
        if " of " in t and low.endswith(t):
            return t
    return None


def has_title(text: str) -> bool:
    """Whether a phrase holds a title word ("the North Korean leader")."""
    words = text.split()
    return any(_is_title_at(words, k) for k in range(len(words)))


def roles_match(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Whether two qualified roles can be one office: the same head word ("foreign
    minister" ~ "minister"), and the same qualifier when both write one."""
    ra, rb = a[0].split(), b[0].split()
    if not ra or not rb or ra[-1] != rb[-1]:
        return False
    if len(ra) > 1 and len(rb) > 1 and ra != rb:
        return False
    if a[1] and b[1]:
        return place_key(a[1]) == place_key(b[1])
    return True


def place_key(text: str) -> str:
    """A place name normalised for comparison ("the U.K." -> "united kingdom")."""
    k = name_key(text.replace(".", ""))
    return PLACE_ALIASES.get(k, k)


# --------------------------------------------------------------------------- people


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name, parsed (see :func:`person_name`).

    Attributes:
        text: The name as cut out of the mention ("Kim Jong Un" of "Mr. Kim Jong Un's").
        given: Key of the given name ("ana"; "a" for an initial; "jong-un" for a Korean
            or Chinese name, syllables joined by hyphens), None for a surname alone.
        middles: Keys of the middle names, initials as one letter.
        surname: Key of the family name ("ruiz", "da silva", "kim").
        suffix: "jr", "sr", "iii"..., or None.
        family_first: The family name is written first (Korean, Chinese).
    """

    text: str
    given: str | None
    middles: tuple[str, ...]
    surname: str
    suffix: str | None = None
    family_first: bool = False

    @property
    def single(self) -> bool:
        """Only one name is written ("Ruiz", "Mr. Trump")."""
        return self.given is None and not self.middles


def _family_first(words: Sequence[str]) -> PersonName | None:
    """ "Kim Jong Un", "Kim Jong-un", "Moon Jae", "Xi Jinping" read family name first."""
    if not 2 <= len(words) <= 3 or _word_key(words[0]) not in FAMILY_FIRST_SURNAMES:
        return None
    parts = [p for w in words[1:] for p in _word_key(w).split("-") if p]
    if not parts or len(parts) > 3:
        return None
    if not all(_SYLLABLES.fullmatch(p) for p in parts):
        return None
    # one given word without hyphen: at most two syllables ("Jinping", not "Hunter")
    if len(words) == 2 and "-" not in words[1] and not _SYLLABLES.fullmatch(parts[0]):
        return None
    return PersonName(text=" ".join(words), given="-".join(parts), middles=(),
                      surname=_word_key(words[0]), family_first=True)


@functools.lru_cache(maxsize=8192)
def person_name(text: str) -> PersonName | None:
    """Parse a person's name out of a mention; None when it holds no name.

    Titles before the name are cut ("Sen.", "President", "North Korean leader"), so are
    suffixes ("Jr.", "III") and a possessive ("Trump's"); nameparser splits the rest.

    Args:
        text: A mention as written ("Mr. Kim", "John R. Smith Jr.", "Lula").
    """
    _, name = split_title(text)
    if not name:
        return None
    words = [w for w in name.split() if w.strip(".,")]
    # honorifics nameparser does not know, and possessives
    while words and _word_key(words[0]).rstrip(".") in HONORIFICS and len(words) > 1:
        words = words[1:]
    suffix = None
    while len(words) > 1 and _word_key(words[-1]).replace(".", "") in NAME_SUFFIXES:
        suffix = suffix or _word_key(words[-1]).replace(".", "")
        words = words[:-1]
    words = [w.rstrip(",") for w in words]
    if not words:
        return None
    words[-1] = _POSSESSIVE.sub("", words[-1])
    ff = _family_first(words)
    if ff is not None:
        return ff
    h = HumanName(" ".join(words))
    first, middles, last = h.first, h.middle_list, h.last
    if h.suffix and not suffix:
        suffix = _word_key(h.suffix.split()[0]).replace(".", "") or None
    if not last and first:  # one word: a surname alone
        first, last = "", first
    if not last:
        last = " ".join(words[-1:])
        if _word_key(last) in HONORIFICS:
            return None
    surname = " ".join(_word_key(w) for w in last.split() if _word_key(w))
    if not surname:
        return None
    given = _word_key(first) or None
    mids = tuple(k for m in middles for k in (_word_key(x) for x in m.split()) if k)
    return PersonName(text=" ".join(words), given=given, middles=mids, surname=surname,
                      suffix=suffix)


def _core(surname: str) -> str:
    """A surname without particles ("da silva" -> "silva", "al-assad" -> "assad")."""
    last = surname.split()[-1]
    head, _, tail = last.partition("-")
    if tail and head in SURNAME_PARTICLES:
        return tail
    return last


_SOUNDEX = str.maketrans(
    "bfpvcgjkqsxzdtlmnr", "111122222222334556"
)


def _skeleton(word: str) -> str:
    """The consonant skeleton of a word by Soundex classes, first letter included and no
    length cut ("qaddafi", "gaddafi" and "kadhafi" all -> "231")."""
    out = []
    prev = ""
    for c in fold(word).lower():
        if not c.isalpha():
            prev = ""
            continue
        code = c.translate(_SOUNDEX) if c in "bfpvcgjkqsxzdtlmnr" else ""
        if c in "hw":
            continue  # h and w do not separate two equal codes
        if code and code != prev:
            out.append(code)
        prev = code
    return "".join(out)


@functools.lru_cache(maxsize=1 << 16)
def sounds_alike(a: str, b: str, settings: EntitySettings = _DEFAULT) -> bool:
    """Whether two name words are spellings of one name ("Qaddafi"/"Kadhafi").

    Both at least ``transliteration_min_length`` letters long, the same consonant
    skeleton, and Jaro-Winkler similarity at or above ``transliteration_similarity``.
    """
    a, b = fold(a).lower(), fold(b).lower()
    if a == b:
        return True
    if min(len(a), len(b)) < settings.transliteration_min_length:
        return False
    if _skeleton(a) != _skeleton(b):
        return False
    return jellyfish.jaro_winkler_similarity(a, b) >= settings.transliteration_similarity


def _surnames_match(a: str, b: str, settings: EntitySettings) -> bool:
    if a == b:
        return True
    ca, cb = _core(a), _core(b)
    if ca == cb:
        return True
    # a hyphenated tail the parser cut off ("Jae" of "Jae-in")
    if "-" in ca and ca.split("-")[0] == cb or "-" in cb and cb.split("-")[0] == ca:
        return True
    return sounds_alike(ca.replace("-", ""), cb.replace("-", ""), settings)


def _nicknames(a: str, b: str) -> bool:
    return (
        b in _NICKNAMES.nicknames_of(a)
        or b in _NICKNAMES.canonicals_of(a)
        or a in _NICKNAMES.nicknames_of(b)
        or a in _NICKNAMES.canonicals_of(b)
    )


def _givens_match(a: str, b: str, settings: EntitySettings) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    pa, pb = a.split("-"), b.split("-")
    n = min(len(pa), len(pb))
    if pa[:n] == pb[:n]:
        return True  # "Jae" of "Jae-in", "Jean" of "Jean-Luc"
    if "".join(pa) == "".join(pb):
        return True  # "Jong-un" / "Jongun"
    return _nicknames(a, b) or sounds_alike(a, b, settings)


def _middles_agree(a: PersonName, b: PersonName) -> bool:
    if not a.middles or not b.middles:
        return True
    return a.middles[0][0] == b.middles[0][0]


def _full_same(a: PersonName, b: PersonName, settings: EntitySettings) -> bool:
    """Two names that both write a given name."""
    if not _surnames_match(a.surname, b.surname, settings):
        return False
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False
    assert a.given is not None and b.given is not None
    if _givens_match(a.given, b.given, settings):
        return _middles_agree(a, b)
    # one goes by a middle name ("Lula" / "Luiz Inacio Lula da Silva")
    return (len(a.given) > 1 and a.given in b.middles) or (len(b.given) > 1 and b.given in a.middles)


def _single_tier(word: str, full: PersonName, settings: EntitySettings) -> int:
    """How a surname alone fits a full name: 1 its surname, 2 another of its family
    names (a middle name, a compound surname's part, a Korean given name: "Lula",
    "Jong-un"), 3 its (Western) given name only ("Donald"), 0 not at all."""
    if _surnames_match(word, full.surname, settings):
        return 1
    parts = set(full.middles) | set(full.surname.split())
    if word in parts or (full.family_first and full.given and _givens_match(word, full.given, settings)
                         and len(word) > 2):
        return 2
    if full.given and not full.family_first and len(full.given) > 1 and word == full.given:
        return 3
    return 0


def same_person(a: str, b: str, settings: EntitySettings | None = None) -> bool:
    """Whether two names can denote one person.

    "Ana Ruiz" ~ "Ruiz" ~ "Ms. Ruiz" ~ "A. Ruiz" ~ "Ruiz's"; "Bob Marden" ~ "Robert
    Marden"; "Kim Jong-un" ~ "Kim Jong Un" ~ "Jong-un"; "Qaddafi" ~ "Gaddafi";
    "John R. Smith Jr." ~ "John Smith". Not: "Ana Ruiz" / "Alberto Ruiz", "Lee" / "Li",
    "John Smith Jr." / "John Smith Sr.". Symmetric.

    Args:
        a: A name as written (titles, honorifics, possessive allowed).
        b: Another.
        settings: Transliteration thresholds (defaults when None).
    """
    s = settings or _DEFAULT
    pa, pb = person_name(a), person_name(b)
    if pa is None or pb is None:
        return False
    if pa.single and pb.single:
        return _surnames_match(pa.surname, pb.surname, s)
    if pa.single or pb.single:
        one, full = (pa, pb) if pa.single else (pb, pa)
        return _single_tier(one.surname, full, s) in (1, 2)
    if pa.given is None or pb.given is None:  # middles without a first name: compare surnames
        return _surnames_match(pa.surname, pb.surname, s)
    return _full_same(pa, pb, s)


_NAME_WORDS = re.compile(r"[A-Z][\w'\-]+")


def same_named(a: str, b: str, settings: EntitySettings | None = None) -> bool:
    """Whether two phrases that hold names can denote one person: every capitalised word
    of one (two at least) written in the other ("X (1950-2020), better known as Y" holds
    both names), or :func:`same_person` on their first capitalised words."""
    wa, wb = _NAME_WORDS.findall(a), _NAME_WORDS.findall(b)
    if not wa or not wb:
        return False
    short, long_ = (wa, b) if len(wa) <= len(wb) else (wb, a)
    if len(short) >= 2 and all(re.search(rf"\b{re.escape(w)}\b", long_) for w in short):
        return True
    return same_person(" ".join(wa[:4]), " ".join(wb[:4]), settings)


def surname_key(text: str) -> str:
    """The family name a person is known by ("Ana Ruiz" -> "ruiz", "Kim Jong Un" ->
    "kim", "Mr. Trump's" -> "trump"); the last word of the name key when it parses as
    no name."""
    p = person_name(text)
    if p is not None:
        return _core(p.surname).replace("-", " ").split()[0] if p.family_first else _core(p.surname)
    words = name_key(text).split()
    return words[-1] if words else ""


# --------------------------------------------------------------------------- organisations


def _acronyms(text: str) -> set[str]:
    """Acronyms a name may go by ("Department of Justice" -> {"doj", "dj"})."""
    words = [w for w in re.split(r"[\s\-]+", fold(text)) if w]
    words = [w for w in words if w.lower() not in DEFINITE_ARTICLES]
    if len(words) < 2:
        return set()
    full = "".join(w[0] for w in words if w[0].isalnum()).lower()
    short = "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIP_WORDS and w[0].isalnum())
    return {full, short.lower()}


def org_key(text: str) -> str:
    """An organisation's or place's key: :func:`name_key` without dots inside acronyms
    ("F.B.I." -> "fbi"), places by one name ("the U.K." -> "united kingdom")."""
    k = name_key(re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text).replace(".", ""))
    return PLACE_ALIASES.get(k, k)


@functools.lru_cache(maxsize=1 << 16)
def same_org(a: str, b: str) -> bool:
    """Whether two names can denote one organisation or place: the same key ("the Port
    Authority's" ~ "Port Authority", "U.K." ~ "Britain") or one the acronym of the other
    ("IAEA" ~ "International Atomic Energy Agency", "F.B.I." ~ "Federal Bureau of
    Investigation")."""
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    for short, long_ in ((ka, b), (kb, a)):
        if " " not in short and 2 <= len(short) <= 8 and short in _acronyms(long_):
            return True
    return False


# --------------------------------------------------------------------------- story resolution


@dataclass(slots=True)
class _Cluster:
    label: str
    members: list[tuple[EntityMention, PersonName | None]] = field(default_factory=list)
    roles: list[EntityRole] = field(default_factory=list)

    @property
    def fulls(self) -> list[PersonName]:
        return [p for _, p in self.members if p is not None and not p.single]

    @property
    def articles(self) -> set[str]:
        return {m.article for m, _ in self.members}


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTable:
    """The entities of one story, with lookups by position, mention text and title.

    Attributes:
        entities: In order of first mention (``e1``, ``e2``, ...).
        unresolved: Mentions left out: a surname that two entities share, a title that
            fits no entity or several.
    """

    entities: tuple[ResolvedEntity, ...] = ()
    unresolved: tuple[EntityMention, ...] = ()
    settings: EntitySettings = field(default=_DEFAULT, repr=False, compare=False)

    def get(self, entity_id: str) -> ResolvedEntity | None:
        """The entity with this id."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def at(self, article: str, offset: int) -> str | None:
        """Id of the entity mentioned at character ``offset`` of ``article``."""
        for e in self.entities:
            for m in e.mentions:
                if m.article == article and m.start <= offset < m.end:
                    return e.id
        return None

    def named(self, text: str, article: str | None = None, label: str = "PERSON") -> str | None:
        """Id of the one entity a mention text can denote (the report's own first)."""
        for m_article in ((article,) if article else ()) + (None,):
            ids = {e.id for e in self.entities for m in e.mentions
                   if m.text == text and (m_article is None or m.article == m_article)}
            if len(ids) == 1:
                return ids.pop()
        if label != "PERSON":
            ids = {e.id for e in self.entities if e.label == label
                   and any(same_org(text, m.text) for m in e.mentions)}
            return ids.pop() if len(ids) == 1 else None
        return self._by_name(text, article)

    def person(self, text: str, article: str | None = None) -> str | None:
        """Id of the one person a mention text can denote (the report's own first).

        Like :meth:`named`, but only people are looked up: an organisation or place
        written the same ("Okafor" the company, "Okafor" the director) is never returned.
        A full name or a surname is parsed and matched (:func:`same_person` rules); a
        title alone ("the Labour Minister") goes to :meth:`by_title`.
        """
        for scope in ((article,) if article else ()) + (None,):
            ids = {e.id for e in self.entities if e.label == "PERSON" for m in e.mentions
                   if m.text == text and (scope is None or m.article == scope)}
            if len(ids) == 1:
                return ids.pop()
        return self._by_name(text, article)

    def _by_name(self, text: str, article: str | None) -> str | None:
        """Id of the one person entity a parsed name fits, else a title's holder."""
        p = person_name(text)
        if p is None:
            return self.by_title(text, article)
        clusters = [(e, _Cluster(label=e.label, members=[
            (m, person_name(m.text)) for m in e.mentions])) for e in self.entities
            if e.label == "PERSON"]
        found = _pick(p, [c for _, c in clusters], article, self.settings)
        return next((e.id for e, c in clusters if c is found), None)

    def by_title(self, text: str, article: str | None = None) -> str | None:
        """Id of the one person a report names with the role a title gives ("the North
        Korean leader"): among those the same report gives that role first, then the
        story's; None when none or several fit."""
        if not has_title(text):
            return None
        want = qualified_role(text)
        for scope in ((article,) if article else ()) + (None,):
            ids = {e.id for e in self.entities for r in e.roles
                   if (scope is None or r.article == scope)
                   and roles_match(want, (r.role, r.of))}
            if len(ids) == 1:
                return ids.pop()
            if len(ids) > 1:
                return None
        return None

    def __iter__(self):
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)


def _pick(p: PersonName, clusters: Sequence[_Cluster], article: str | None,
          settings: EntitySettings) -> _Cluster | None | bool:
    """The one cluster a parsed name joins; None when none fits, False when several do."""
    persons = [c for c in clusters if c.label == "PERSON"]
    if not p.single:
        fits = [c for c in persons if c.fulls and all(_full_or_partial(p, f, settings)
                                                      for f in c.fulls)]
        if not fits:
            fits = [c for c in persons if not c.fulls and any(
                _single_tier(q.surname, p, settings) == 1 for _, q in c.members if q)]
        return _unique(fits, article)
    for tier in (1, 2, 3):
        fits = [c for c in persons if any(_single_tier(p.surname, f, settings) == tier
                                          for f in c.fulls)]
        if fits:
            return _unique(fits, article)
    fits = [c for c in persons if not c.fulls and any(
        q is not None and _surnames_match(p.surname, q.surname, settings) for _, q in c.members)]
    return _unique(fits, article)


def _full_or_partial(a: PersonName, b: PersonName, settings: EntitySettings) -> bool:
    if a.given is None or b.given is None:
        return _surnames_match(a.surname, b.surname, settings)
    return _full_same(a, b, settings)


def _unique(fits: list[_Cluster], article: str | None) -> _Cluster | None | bool:
    if len(fits) == 1:
        return fits[0]
    if not fits:
        return None
    here = [c for c in fits if article in c.articles]
    return here[0] if len(here) == 1 else False


def resolve_mentions(
    mentions: Iterable[EntityMention],
    roles: Iterable[tuple[EntityMention, str, str]] = (),
    settings: EntitySettings | None = None,
) -> EntityTable:
    """Cluster mentions of one story into entities.

    A PERSON mention that holds a title and a name ("North Korean dictator Kim Jong Un")
    is clustered by its name and gives it the role; one that is only a title ("the North
    Korean leader") is linked afterwards by :meth:`EntityTable.by_title`.

    Args:
        mentions: The story's mentions, in report order.
        roles: ``(mention of the name, role as written, status)`` of role mentions.
        settings: Thresholds (defaults when None).

    Returns:
        The entities, ids in order of first mention.
    """
    s = settings or _DEFAULT
    ordered = list(dict.fromkeys(mentions))
    order = {m: i for i, m in enumerate(ordered)}
    clusters: list[_Cluster] = []
    unresolved: list[EntityMention] = []
    titles: list[EntityMention] = []
    people: list[tuple[EntityMention, PersonName, str | None]] = []
    for m in ordered:
        if m.label != "PERSON":
            _add_named(m, clusters)
            continue
        role, _name = split_title(m.text)
        p = person_name(m.text)
        if p is None:
            (titles if role else unresolved).append(m)
        else:
            people.append((m, p, role))
    home = _add_people(people, clusters, unresolved, order, s)
    for m, role, status in roles:
        c = home.get(m)
        if c is not None and role:
            r, of = qualified_role(role)
            c.roles.append(EntityRole(role=r, of=of, article=m.article, status=status))
    table = _table(clusters, unresolved, order, s)
    if not titles:
        return table
    return _link_titles(table, titles, unresolved, order, s)


def _add_named(m: EntityMention, clusters: list[_Cluster]) -> None:
    """Put an organisation, place or group mention in the cluster of its label whose
    name it matches (:func:`same_org`), or in a new one."""
    for c in clusters:
        if c.label == m.label and any(same_org(m.text, x.text) for x, _ in c.members):
            c.members.append((m, None))
            return
    clusters.append(_Cluster(label=m.label, members=[(m, None)]))


def _add_people(people: list[tuple[EntityMention, PersonName, str | None]],
                clusters: list[_Cluster], unresolved: list[EntityMention],
                order: dict[EntityMention, int], s: EntitySettings
                ) -> dict[EntityMention, _Cluster]:
    """Cluster person mentions, full names first, then names with an initial, then
    surnames alone (:func:`_pick`); a mention two clusters fit stays unresolved. Returns
    each clustered mention's cluster; the title a mention holds becomes a role."""

    def rank(item: tuple[EntityMention, PersonName, str | None]) -> tuple[int, int]:
        _, p, _ = item
        kind = 2 if p.single else 1 if p.given and len(p.given) == 1 else 0
        return kind, order[item[0]]

    home: dict[EntityMention, _Cluster] = {}
    for m, p, role in sorted(people, key=rank):
        found = _pick(p, clusters, m.article, s)
        if found is False:
            unresolved.append(m)
            continue
        if found is None:
            found = _Cluster(label="PERSON")
            clusters.append(found)
        assert isinstance(found, _Cluster)
        found.members.append((m, p))
        home[m] = found
        if role:
            r, of = qualified_role(role)
            status = "former" if _FORMER_STATUS.search(role) else "current"
            found.roles.append(EntityRole(role=r, of=of, article=m.article, status=status))
    return home


def _link_titles(table: EntityTable, titles: list[EntityMention],
                 unresolved: list[EntityMention], order: dict[EntityMention, int],
                 s: EntitySettings) -> EntityTable:
    """``table`` with each title-only mention ("the North Korean leader") added to the
    one entity given that role in its report (:meth:`EntityTable.by_title`), or left
    unresolved."""
    linked: dict[str, list[EntityMention]] = {}
    for m in titles:
        eid = table.by_title(m.text, m.article)
        if eid is None:
            unresolved.append(m)
        else:
            linked.setdefault(eid, []).append(m)
    entities = tuple(
        ResolvedEntity(id=e.id, label=e.label, name=e.name, roles=e.roles,
                       mentions=tuple(sorted(e.mentions + tuple(linked.get(e.id, ())),
                                             key=order.__getitem__)))
        for e in table.entities
    )
    return EntityTable(entities=entities, unresolved=tuple(sorted(unresolved, key=order.get)),
                       settings=s)


def _display(c: _Cluster) -> str:
    """The fullest name written: most words, then most often, then first."""
    texts = [p.text if p is not None else m.text for m, p in c.members]
    if c.label != "PERSON":
        texts = [re.sub(r"^(?:the)\s+", "", _POSSESSIVE.sub("", t), flags=re.IGNORECASE) for t in texts]
    return max(texts, key=lambda t: (len(t.split()), texts.count(t), -texts.index(t)))


def _table(clusters: list[_Cluster], unresolved: list[EntityMention],
           order: dict[EntityMention, int], s: EntitySettings) -> EntityTable:
    clusters = [c for c in clusters if c.members]
    clusters.sort(key=lambda c: min(order[m] for m, _ in c.members))
    entities = tuple(
        ResolvedEntity(
            id=f"e{i}", label=c.label, name=_display(c),
            mentions=tuple(sorted((m for m, _ in c.members), key=order.__getitem__)),
            roles=tuple(dict.fromkeys(c.roles)),
        )
        for i, c in enumerate(clusters, 1)
    )
    return EntityTable(entities=entities, unresolved=tuple(sorted(unresolved, key=order.get)),
                       settings=s)


def resolve(analyses: Sequence[Analysis], settings: EntitySettings | None = None) -> EntityTable:
    """The entities of one story: its reports' PERSON, ORG, GPE and NORP mentions and the
    names of their role mentions, clustered (see :func:`resolve_mentions`).

    Args:
        analyses: The story's reports, in the order their ids should follow.
        settings: Thresholds (defaults when None).
    """
    mentions: list[EntityMention] = []
    roles: list[tuple[EntityMention, str, str]] = []
    for a in analyses:
        aid = a.article.id
        text = a.article.text
        spans: list[EntityMention] = [
            EntityMention(article=aid, text=e.text, label=e.label, start=e.start, end=e.end)
            for e in a.entities if e.label in LABELS
        ]
        seen = {(m.start, m.end) for m in spans}
        for c in a.claims:
            for r in c.roles:
                at = text.find(r.name, r.start, max(r.end, r.start + len(r.name)))
                if at < 0:
                    continue
                m = EntityMention(article=aid, text=r.name, label="PERSON", start=at,
                                  end=at + len(r.name))
                same = next((x for x in spans if x.start <= at < x.end and x.label == "PERSON"),
                            None)
                if same is None and (m.start, m.end) not in seen:
                    spans.append(m)
                    seen.add((m.start, m.end))
                roles.append((same or m, r.role, r.status))
        mentions += sorted(spans, key=lambda m: (m.start, m.end))
    return resolve_mentions(mentions, roles, settings)


@functools.cache
def _name_detector():  # gender_guesser ships no type hints
    """The first-name lexicon, loaded once (about half a second)."""
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """"m"/"f" from a first-name lexicon, or None for unknown and unisex names (read to
    resolve "he" and "she" to a person)."""
    parts = [p for p in name.split() if p.rstrip(".").lower() not in SOCIAL_HONORIFICS]
    if len(parts) < 2 or not parts[0][:1].isupper() or parts[0].endswith("."):
        return None  # a surname alone, or an initial, says nothing
    guess = _name_detector().get_gender(parts[0])
    # "mostly_" names are too often wrong for public figures ("Bernie" is mostly_female)
    return {"male": "m", "female": "f"}.get(guess)


def opens_with_given_name(name: str) -> bool:
    """Whether a name of two words or more opens with a known given name ("Roger Stone",
    not "Overrides Obama"), from the same first-name lexicon, unisex names included."""
    parts = name.split()
    return len(parts) >= 2 and parts[0][:1].isupper() and (
        _name_detector().get_gender(parts[0]) != "unknown")


# --------------------------------------------------------------------------- people of one article
# Extraction reads one article at a time, before any story exists: a surname alone or a
# pronoun is resolved against the people the article has named so far.


def fuller_name(name: str, earlier: Iterable[str]) -> str:
    """The longest of the ``earlier`` names that ends with the words of ``name`` ("Ruiz"
    after "Ana Ruiz" -> "Ana Ruiz"); ``name`` itself when none does (or it is empty).

    Args:
        name: A person's name as the article writes it here.
        earlier: The full names the article wrote before, in text order.
    """
    parts = name.split()
    if not parts:
        return name
    best = name
    for full in earlier:
        fparts = full.split()
        if (len(fparts) > len(parts) and fparts[-len(parts):] == parts
                and len(fparts) > len(best.split())):
            best = full
    return best


def pronoun_gender(word: str) -> str | None:
    """"m" or "f": the gender a personal pronoun refers to ("she" -> "f"); None for others."""
    return PRONOUN_GENDER.get(word.lower())


class NamedSoFar:
    """The people an article has named so far, each under the last word of its name: how
    often it is named and the longest form written ("Ana Ruiz" then "Ruiz" is one person
    named twice). Reports follow their protagonist: :meth:`protagonist` is who a pronoun
    subject with nothing nearer to go by refers to."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._names: dict[str, str] = {}

    def add(self, name: str) -> None:
        """Count one mention of a person (``name`` as written, not empty)."""
        key = name.split()[-1].lower()
        self._counts[key] = self._counts.get(key, 0) + 1
        self._names.setdefault(key, name)
        if len(name.split()) > len(self._names[key].split()):
            self._names[key] = name

    def protagonist(self, pronoun: str) -> str | None:
        """The person named most so far whose first name does not contradict ``pronoun``
        ("he", "she", "him", "her"); the first named wins a tie; None when nobody fits."""
        want = pronoun_gender(pronoun)
        for key, _n in sorted(self._counts.items(), key=lambda kv: -kv[1]):
            if first_name_gender(self._names[key]) in (None, want):
                return self._names[key]
        return None
