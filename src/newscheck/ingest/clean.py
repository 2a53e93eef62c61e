"""Clean page debris out of a report and build its :class:`~newscheck.model.Article`.

Reports arrive with the furniture of the page they came from: navigation glued into one
line, share buttons, bylines, timestamps, photo captions and credits, "Related" links,
comment prompts, newsletter pitches, author boxes and copyright lines. They are removed by
rules of *kind*, never by lists of strings from one site (how an English page words each
kind, "Related stories", "Photo:", "Updated 10:42 ET", is in the lexicon):

1. the text is cut into units (paragraphs; hard-wrapped lines joined back together);
2. a unit is debris when it matches a link, prompt, credit, byline or timestamp pattern,
   is a line repeated across several reports of the same outlet (:func:`find_furniture`),
   or is short and has no sentence structure (no final punctuation, separator salad,
   glued CamelCase words);
3. once a "Related" / "More from" / "Comments" / "About the author" marker is met and no
   article paragraph follows it, the rest of the report is cut;
4. the headline is kept (or found) and its repetition at the top of the body dropped.

Kept text is never rewritten: apart from whitespace, joined line breaks and removed photo
credits, every character of the cleaned body is a character of the input, so evidence
sentences taken from it are substrings of what the outlet published.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..lexicon import (
    ATTRIBUTION_WORDS,
    AUTHOR_BIO,
    BYLINE,
    CALL_TO_ACTION,
    CAPTION_START,
    CREDIT_PAREN,
    CREDIT_TAIL,
    LINK_LINE,
    PAGE_FOOT_MARKER,
    PAGE_PROMPTS,
    PAGE_TOOL_WORDS,
    SECTION_LABELS,
    SITE_NAME_EXTRAS,
    STAFF_CREDIT,
    TIMESTAMP_TOKEN,
    TIMESTAMP_WORD,
)
from ..model import Article, Document
from ..settings import CleanSettings, IngestSettings

# --------------------------------------------------------------------------- patterns

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Scripts written without spaces between words: Thai, Lao, Tibetan, Myanmar, Khmer, kana,
# Han (with its extensions). In them each character counts as a word.
_UNSPACED_CHARS = (
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_UNSPACED = re.compile(f"[{_UNSPACED_CHARS}]")
_WORD_CHAR = re.compile(r"\w")
# A unit ends a sentence: final punctuation, possibly inside closing quotes/brackets
# (the full-width stops of Chinese and Japanese included).
_FINAL = re.compile(r"[.!?…:;。！？：；](?:\s?[\"'”’»)\]」』）])*$|[\"”’»」』][.!?。！？]?$")
# (A space may stand before a closing quote: "... an option. \"" in pasted text.)
_ENDS_SENTENCE = re.compile(r"[.!?…。！？](?:\s?[\"'”’»)\]」』）])*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=[。！？])")
_LETTER = f"[^\\W{_UNSPACED_CHARS}]"  # a word character of a spaced script
_WORD = re.compile(f"[{_UNSPACED_CHARS}]|{_LETTER}(?:{_LETTER}|['’.-])*")
# Two or more lowercase->uppercase humps in one token: words glued by a page layout
# ("HomeNewsRegionBusiness"), unlike "McDonald" or "iPhone".
_GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")
_EDGE_MARKS = re.compile(r"^[\s*_#>←→«»•·▶►|-]+|[\s*_←→«»▶►|]+$")
_SEPARATORS = re.compile(r"\s+[|·•›»–—/]\s+|\s*\|\s*")

# "KORLA, May 2 (Norland Press) -", "TEL AVIV (Reuters) —": where a wire report starts.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[^()]{0,40})?(?:\([^()]{1,40}\))?\s*[-–—]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def normalise_line(line: str) -> str:
    """The comparison form of a short line: case-folded, quotes and spaces unified."""
    line = line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(line.casefold().split()).strip(" .:;,!?-–—|")


# --------------------------------------------------------------------------- units


def _units(text: str) -> list[str]:
    """Paragraph units of ``text``: whitespace normalised, hard-wrapped lines joined.

    A block between blank lines is one paragraph when its lines look hard-wrapped (three or
    more lines of similar length); otherwise each of its lines is a unit of its own, joined
    to the previous one only when that line does not end a sentence and the next line
    starts in lowercase.
    """
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", ln).strip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        if _looks_wrapped(lines):
            units.append(_join_lines(lines))
            continue
        current = lines[0]
        for ln in lines[1:]:
            if not _ENDS_SENTENCE.search(current) and not current.endswith(":") and ln[0].islower():
                current = _join_lines([current, ln])
            else:
                units.append(current)
                current = ln
        units.append(current)
    return units


def _looks_wrapped(lines: list[str]) -> bool:
    if len(lines) < 3:
        return False
    widths = [len(ln) for ln in lines[:-1]]
    widest = max(widths)
    # A wrapped block has every line but the last close to the wrap width, and most of
    # its breaks fall inside a sentence.
    mid_sentence = sum(1 for ln in lines[:-1] if not _ENDS_SENTENCE.search(ln))
    return (
        55 <= widest <= 120 and min(widths) >= 0.75 * widest and mid_sentence * 2 >= len(lines) - 1
    )


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for ln in lines[1:]:
        if re.search(r"[A-Za-z]-$", out) and ln[:1].islower():
            out += ln
        else:
            out += " " + ln
    return out


# --------------------------------------------------------------------------- classifying


def _sentence_count(unit: str) -> int:
    return len([s for s in _SENTENCE_SPLIT.split(unit) if s.strip()])


def _strip_credits(unit: str) -> str | None:
    """Remove photo credits from a unit; None when the whole unit is a caption.

    A unit that ends with a credit is a caption when what precedes the credit is a single
    sentence; in a longer paragraph only the credit goes.
    """
    bare = _bare(unit)
    if CAPTION_START.match(bare):
        return None
    tail = CREDIT_TAIL.search(bare)
    if tail and tail.start() > 0:
        head = bare[: tail.start()].rstrip()
        if _sentence_count(head) <= 1 and len(_words(head)) <= 40:
            return None
        offset = unit.find(bare)
        unit = unit[: offset + len(head)] + unit[offset + len(bare) :]
    # A credit in the middle of a paragraph: the caption glued into it stays, the credit goes.
    return CREDIT_PAREN.sub("", unit) if CREDIT_PAREN.search(unit) else unit


def _is_timestamp(unit: str) -> bool:
    tokens = re.findall(
        r"\d{1,2}[:.]\d{2}(?::\d{2})?\s?[ap]\.?m\.?|[ap]\.m\.|[^\s,|·•]+|[,|·•]", unit
    )
    if not tokens or len(tokens) > 14 or not TIMESTAMP_WORD.search(unit):
        return False
    return all(
        TIMESTAMP_TOKEN.match(t.strip()) or TIMESTAMP_TOKEN.match(t.replace(" ", "")) for t in tokens
    )


def _is_separator_salad(unit: str) -> bool:
    parts = [p for p in _SEPARATORS.split(unit) if p.strip()]
    if len(parts) < 3:
        return False
    # Navigation or a meta line: every piece is a short label, none a sentence.
    return all(len(_words(p)) <= 6 and not _ENDS_SENTENCE.search(p.strip()) for p in parts)


def _bare(unit: str) -> str:
    """A unit without the bullets, arrows and emphasis marks around it, for matching."""
    return _EDGE_MARKS.sub("", unit)


def _is_pattern_debris(unit: str) -> bool:
    """Debris whatever its length: links, prompts, credits, bylines, timestamps."""
    unit = _bare(unit)
    words = _words(unit)
    if LINK_LINE.match(unit) and (len(words) <= 20 or not _ENDS_SENTENCE.search(unit)):
        return True
    if PAGE_PROMPTS.match(unit) and len(words) <= 40:
        return True
    if len(words) <= 45 and _sentence_count(unit) <= 2 and CALL_TO_ACTION.search(unit):
        return True
    if BYLINE.match(unit) and len(words) <= 14 and not _ENDS_SENTENCE.search(unit):
        return True
    if STAFF_CREDIT.match(unit.strip(" .")):
        return True
    if _is_timestamp(unit) or _is_separator_salad(unit):
        return True
    # A short line starting with a page tool's word ("Print this article") is a tool.
    return bool(
        words
        and len(words) <= 6
        and not _ENDS_SENTENCE.search(unit)
        and words[0].casefold() in PAGE_TOOL_WORDS
    )


def _is_structureless(unit: str, settings: CleanSettings) -> bool:
    """Short lines without sentence structure, and longer word salad."""
    unit = _bare(unit)
    words = _words(unit)
    if not words:
        return True
    if _GLUED.search(unit) and len(words) <= 12:
        return True
    if len(words) < settings.min_words_sentence:
        # A short real sentence ends with a full stop, not a colon or an ellipsis ("The
        # vote passed." stays, "Like this: Loading..." goes).
        return not (_ENDS_SENTENCE.search(unit) and not unit.rstrip("\"'”’)").endswith(("..", "…")))
    if _FINAL.search(unit):
        return False
    if len(words) < settings.min_words_sentence or len(words) <= 2 * settings.min_words_sentence:
        return True
    titled = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return titled >= 0.8 * len(words)


def _is_article_paragraph(unit: str, settings: CleanSettings) -> bool:
    """A unit that is surely report text: a punctuated paragraph of some length, or a
    long one (a paragraph whose last sentence lost its stop)."""
    n = len(_words(unit))
    return (
        (
            (n >= 2 * settings.min_words_sentence and bool(_FINAL.search(unit)))
            or (n >= 5 * settings.min_words_sentence and not _is_structureless(unit, settings))
        )
        and not _is_pattern_debris(unit)
        and not _is_author_bio(unit)
    )


def _is_author_bio(unit: str) -> bool:
    # "X is a reporter for Y" ends a page; "X is a former reporter ..., colleagues said"
    # is report text.
    return bool(AUTHOR_BIO.match(_bare(unit))) and not ATTRIBUTION_WORDS.search(unit)


# A join inside a word, before a capital: "9|News", "News|World" (not "Mc|Donald" alone).
_JOIN = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _is_banner(line: str) -> bool:
    """Whether a line is a site's banner: its name run together with a section of the site.

    A page copied as text glues the masthead to the section links after it ("Channel
    7NewsWorld News", "The Daily LedgerUS news"). A word with a capital inside is a
    banner's join only when what follows it is a section label: "DeSantis", "iPhone",
    "YouTube" or "McDonald's" are names a headline uses.
    """
    for join in _JOIN.finditer(line):
        following = _JOIN.sub(" ", line[join.start() :]).lower().split()
        if following[0] in SECTION_LABELS or " ".join(following[:2]) in SECTION_LABELS:
            return True
    return False


def looks_like_headline(line: str) -> bool:
    """Whether a line reads like a headline: a short phrase without a final full stop.

    Navigation, bylines, timestamps, page tools, site banners and all-capital site names
    do not.
    """
    line = line.strip()
    words = _words(line)
    if not 2 <= len(words) <= 25 or len(line) > 220 or _is_banner(line):
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if _DATELINE.match(line) or line.endswith(("-", "–", "—", ":", ",", ";")):
        return False
    # All capitals is a site name or a section label; scripts without case (Chinese,
    # Arabic...) have no capitals to judge by.
    if (
        _GLUED.search(line)
        or not any(c.isalpha() for c in line)
        or (any(c.isupper() for c in line) and not any(c.islower() for c in line))
    ):
        return False
    return not (_is_pattern_debris(line) or CAPTION_START.match(line))


def _same_title(unit: str, title: str) -> bool:
    a, b = normalise_line(unit), normalise_line(title)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # "Headline | Site" or "Headline - Site" against "Headline".
    return long_.startswith(short) and len(short) >= 0.6 * len(long_) and len(short.split()) >= 3


# --------------------------------------------------------------------------- public API


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def clean_text(
    text: str,
    *,
    title: str | None = None,
    settings: CleanSettings,
    furniture: frozenset[str] = frozenset(),
) -> tuple[str, str | None]:
    """Remove page debris from a report.

    Args:
        text: The raw main text of one report.
        title: Its headline when metadata gives it; None to detect it from the text.
        settings: Cleaning thresholds.
        furniture: Normalised lines known to be site furniture (:func:`find_furniture`).

    Returns:
        ``(body, title)``: the cleaned body, paragraphs separated by exactly one blank
        line, and the headline (the given one, the detected one, or None). The headline
        is not part of the body.
    """
    # Control characters (NUL from a "\u0000" in JSON, bells, C1 codes from mis-decoded
    # pages) are no text: a reader cannot see them and a database may refuse them.
    text = _CONTROL.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n"))
    title = _CONTROL.sub("", title) if title else title
    units = _units(text)
    title = " ".join(title.split()) if title and title.strip() else None

    title, headline = _headline(units, title, furniture)
    return "\n\n".join(_body(units, headline, settings, furniture)), title


def _headline(units: list[str], title: str | None, furniture: frozenset[str]
              ) -> tuple[str | None, int | None]:
    """The headline and the index of the unit that repeats or is it (None: none).

    The headline sits at the top of the page, among chrome, before any sentence: the
    given ``title`` is found there (it may also be the first sentence-like unit, "...
    offer?"), else the first unit there that looks like a headline is taken.
    """
    top = next(
        (
            i
            for i, u in enumerate(units)
            if _ENDS_SENTENCE.search(u)
            and not _is_pattern_debris(u)
            and normalise_line(u) not in furniture
        ),
        len(units),
    )
    if title is not None:
        for i, unit in enumerate(units[: top + 1]):
            if _same_title(unit, title):
                return title, i
        return title, None
    for i, unit in enumerate(units[:top]):
        if normalise_line(unit) in furniture or _is_pattern_debris(unit):
            continue
        if looks_like_headline(unit):
            return unit, i
    return None, None


def _body(units: list[str], headline: int | None, settings: CleanSettings,
          furniture: frozenset[str]) -> list[str]:
    """The units that are report text, credits stripped: the headline (unit ``headline``),
    furniture, debris, a closing author bio, structureless lines (but intertitles) and all
    after a foot-of-page marker are left out."""
    # report_after[i]: some report paragraph follows unit i.
    report_after = [False] * (len(units) + 1)
    for i in range(len(units) - 1, -1, -1):
        report_after[i] = report_after[i + 1] or _is_article_paragraph(units[i], settings)
    kept: list[str] = []
    for i, unit in enumerate(units):
        if i == headline:
            continue
        ends_page = not report_after[i + 1]
        # A foot-of-page marker cuts the rest, once the report has begun.
        if kept and ends_page and PAGE_FOOT_MARKER.match(_bare(unit)):
            break
        if normalise_line(unit) in furniture or _is_pattern_debris(unit):
            continue
        if ends_page and _is_author_bio(unit):
            continue
        stripped = _strip_credits(unit)
        if stripped is None:
            continue
        following = units[i + 1] if i + 1 < len(units) else None
        if (
            _is_structureless(stripped, settings)
            and not _is_intertitle(stripped, kept, following, settings)
            and not _is_list_item(units, i, kept, report_after)
        ):
            continue
        kept.append(stripped)
    return kept


# A list item as pages and Markdown write it: a bullet, or a number or letter and a stop.
_LIST_ITEM = re.compile(r"^(?:[-–•*▪◦]\s+|(?:\d{1,2}|[a-z])[.)]\s+)\S")


def _is_list_item(units: list[str], i: int, kept: list[str], report_after: list[bool]) -> bool:
    """An item of a list inside the report: one of two or more bulleted units in a row,
    once the report has begun, introduced by a line ending in a colon or followed by more
    report (a list of links at the foot of a page is neither)."""
    if not _LIST_ITEM.match(units[i]) or not kept:
        return False
    start = i
    while start > 0 and _LIST_ITEM.match(units[start - 1]):
        start -= 1
    end = i
    while end + 1 < len(units) and _LIST_ITEM.match(units[end + 1]):
        end += 1
    lead = units[start - 1] if start > 0 else ""
    return end > start and (lead.rstrip().endswith(":") or report_after[end + 1])


def _is_intertitle(
    unit: str, kept: list[str], following: str | None, settings: CleanSettings
) -> bool:
    """A subheading inside the report: a short headline-like line between two article
    paragraphs or list items ("Talks resume" between paragraphs, not "Home | News" or
    "Share").
    """
    return (
        bool(kept)
        and following is not None
        and len(_words(unit)) <= 2 * settings.min_words_sentence
        and looks_like_headline(unit)
        and not _LIST_ITEM.match(unit)
        and (_is_article_paragraph(kept[-1], settings) or bool(_LIST_ITEM.match(kept[-1])))
        and (_is_article_paragraph(following, settings) or bool(_LIST_ITEM.match(following)))
    )


def _group_key(doc: Document) -> str:
    if doc.outlet:
        return "outlet:" + normalise_line(doc.outlet)
    source = doc.input.split("#", 1)[0] if doc.format == "jsonl" else doc.input
    if re.match(r"https?://", source, re.IGNORECASE):
        return "host:" + (urlsplit(source).hostname or "")
    return "dir:" + os.path.dirname(os.path.abspath(source)) if source != "-" else "stdin"


def find_furniture(docs: Sequence[Document], settings: CleanSettings) -> frozenset[str]:
    """Short lines repeated across reports of one outlet: the site's own furniture.

    Reports are grouped by outlet, or by the folder (or host) they came from when the
    outlet is unknown. A short line (at most twice ``min_words_sentence`` words) seen in
    ``repeated_line_min_docs`` or more reports of one group is furniture.

    Returns:
        The normalised lines (:func:`normalise_line`), for :func:`clean_text`.
    """
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    limit = 2 * settings.min_words_sentence
    for doc in docs:
        seen = {normalise_line(u) for u in _units(doc.text) if len(_words(u)) <= limit}
        if doc.title:
            # A report's own headline is never furniture of its site.
            seen.discard(normalise_line(doc.title))
        group = counts[_group_key(doc)]
        for line in seen:
            if line:
                group[line] += 1
    return frozenset(
        line
        for group in counts.values()
        for line, n in group.items()
        if n >= settings.repeated_line_min_docs
    )


# --------------------------------------------------------------------------- titles

# Separators of a page title's segments ("Headline | Site", "Site: Headline"). The colon
# only separates a leading segment: "Rates: what changes" keeps its colon unless its first
# part is the site's name.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+|\s*\|\s*")
_TITLE_LEADING_COLON = re.compile(r"(?<=\S):\s+")


def _squash(text: str) -> str:
    """Lowercase letters and digits only, accents dropped ("Löwe" is "lowe", near a
    domain's "loewe"): "The Harbor-Times.com" -> "theharbortimescom"."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


def is_site_name(segment: str, names: Sequence[str], similarity: float) -> bool:
    """Whether a title segment is the site's name, one of ``names`` (fuzzy, rapidfuzz).

    A leading "the" and trailing "online"/"news"/".com" on either side do not count, so
    "The Harbor Times" and "HarborTimes.com" are both the site "harbortimes.co.uk".
    """
    from rapidfuzz import fuzz

    seg = _squash(segment)
    if not seg:
        return False
    bare_seg = SITE_NAME_EXTRAS.sub("", seg) or seg
    for name in names:
        n = _squash(name)
        if len(n) < 2:
            continue
        bare = SITE_NAME_EXTRAS.sub("", n) or n
        for a, b in ((seg, n), (bare_seg, bare), (seg, bare), (bare_seg, n)):
            if a == b or (min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= similarity):
                return True
    return False


def strip_site_name(title: str, names: Sequence[str], similarity: float = 94.0) -> str:
    """A page title without the site's name (and a section label beside it).

    "Storm closes coast road | The Harbor Times", "Storm closes coast road - Harbor Times"
    and "Harbor Times: Storm closes coast road" all become "Storm closes coast road" when
    "Harbor Times" (or "harbortimes.com") is among ``names``. A segment is cut only from an
    end of the title and only when it is the site's name, or a generic section label next
    to it; a title's own dash ("Ruiz - a profile") stays. The headline left is never empty.

    Args:
        title: The page's title.
        names: The site's names: ``og:site_name``, the outlet, the domain.
        similarity: rapidfuzz ratio (0-100) from which a segment is the site's name.
    """
    title = " ".join(title.split())
    names = [n for n in names if n and n.strip()]
    if not title or not names:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    cut = False
    # Trailing segments, then leading ones: the site's name, then labels beside it.
    while len(parts) > 1:
        last = parts[-1]
        if is_site_name(last, names, similarity) or (
            cut and last.strip().lower() in SECTION_LABELS
        ):
            parts.pop()
            seps.pop()
            cut = True
        else:
            break
    lead_cut = False
    while len(parts) > 1:
        first = parts[0]
        if is_site_name(first, names, similarity) or (
            lead_cut and first.strip().lower() in SECTION_LABELS
        ):
            parts.pop(0)
            seps.pop(0)
            lead_cut = True
        else:
            break
    # Labels left beside a cut site name at the other end ("Opinion | Headline | Site").
    if cut or lead_cut:
        while len(parts) > 1 and parts[-1].strip().lower() in SECTION_LABELS:
            parts.pop()
            seps.pop()
        while len(parts) > 1 and parts[0].strip().lower() in SECTION_LABELS:
            parts.pop(0)
            seps.pop(0)
    result = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))
    # "Harbor Times: Storm closes coast road".
    m = _TITLE_LEADING_COLON.search(result)
    if m and is_site_name(result[: m.start()], names, similarity) and result[m.end() :].strip():
        result = result[m.end() :]
    return result.strip() or title


def count_words(text: str) -> int:
    """Words of ``text``; each character of a script written without spaces counts as one.

    (The convention of word processors: "区议会批准了" is six words.)
    """
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return unspaced + len(_UNSPACED.sub(" ", text).split())


def too_short(article: Article, settings: IngestSettings) -> str | None:
    """Why a cleaned article is too short to be a report, or None when it is long enough.

    Text mostly in scripts written without spaces is measured in characters
    (``min_chars``), other text in words (``min_words``).
    """
    body = article.text[article.body_start :]
    unspaced = len(_UNSPACED.findall(body))
    if unspaced and 2 * unspaced >= len(_WORD_CHAR.findall(body)):
        if unspaced < settings.min_chars:
            return (
                f"not an article: {unspaced} characters of text after cleaning "
                f"(at least {settings.min_chars} needed)"
            )
        return None
    if article.words < settings.min_words:
        return (
            f"not an article: {article.words} words of text after cleaning "
            f"(at least {settings.min_words} needed)"
        )
    return None


@functools.cache
def _language_identifier():
    # Loaded once per process (about a second): a read-only model, like an imported table.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, settings: CleanSettings) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when unsure.

    py3langid (its model ships in the package, no download) reads the first few thousand
    characters; a guess below ``language_confidence`` is no answer.
    """
    sample = text[:3000]
    if len(_WORD.findall(sample)) < 3:
        return None
    language, probability = _language_identifier().classify(sample)
    return str(language) if probability >= settings.language_confidence else None


def article_id(text: str, url: str | None = None) -> str:
    """The id of an article: ``"a"`` and 12 hex digits of a hash of its content.

    The hash covers the cleaned text with Unicode (NFC) and whitespace normalised, plus the
    URL when known, so the same report read twice (from two paths, or re-run tomorrow) is
    one article with one id, and ids in links and the JSON stay the same between runs.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    digest = hashlib.sha256(f"{normal}\x00{url or ''}".encode()).hexdigest()
    return f"a{digest[:12]}"


def to_article(
    doc: Document,
    id: str | None,
    settings: CleanSettings,
    furniture: frozenset[str] = frozenset(),
) -> Article:
    """Clean a document into an :class:`Article`.

    The article text is the headline, a blank line, then the body; without a headline it
    is the body alone. ``words`` counts the body's words (:func:`count_words`);
    ``language`` is detected from the cleaned text (:func:`detect_language`). ``id`` None
    gives the content id (:func:`article_id`).
    """
    body, title = clean_text(doc.text, title=doc.title, settings=settings, furniture=furniture)
    text, body_start = (f"{title}\n\n{body}", len(title) + 2) if title else (body, 0)
    return Article(
        id=id if id is not None else article_id(text, doc.url),
        input=doc.input,
        text=text,
        title=title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        body_start=body_start,
        words=count_words(body),
        language=detect_language(text, settings),
    )
