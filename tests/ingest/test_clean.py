"""Cleaning page debris: invented pages of four differently built sites, and near-misses."""

from __future__ import annotations

import datetime as dt

import pytest

from newscheck.ingest.clean import (
    clean_text,
    find_furniture,
    looks_like_headline,
    strip_site_name,
    to_article,
)
from newscheck.model import Document
from newscheck.settings import CleanSettings

S = CleanSettings()


def _paragraphs(body: str) -> list[str]:
    return body.split("\n\n")


# A local paper: glued navigation, tool words, a byline, a caption, "RELATED" links and a
# comment form at the bottom.
GLENVALE = """GLENVALE GAZETTE NewsLocalBusinessSportsWeather
Actions
Posted 3 hours ago
By News Desk
Share it

Library closure vote delayed after packed meeting

The Glenvale council postponed a vote on closing the Elm Street library on Tuesday after more than 200 residents crowded into the chamber.

Readers at the library on Monday. (Photo: K. Amory/Gazette)

Councillor Rita Vance said the delay would give officials time to study a petition signed by 4,100 people. "We heard them," Vance said. "Nobody wants to close a library in a hurry."

The vote passed.

RELATED: Glenvale pool to reopen in May
RELATED: Council names new treasurer
Leave a reply
Your email address will not be published. Required fields are marked *
Next story
Sign up for our newsletter
© 2026 Glenvale Gazette Media. All rights reserved.
"""


def test_local_paper_debris_goes_and_report_stays():
    body, title = clean_text(GLENVALE, settings=S)
    assert title == "Library closure vote delayed after packed meeting"
    paras = _paragraphs(body)
    assert paras[0].startswith("The Glenvale council postponed a vote")
    assert "The vote passed." in paras  # a short real sentence survives
    assert any(
        p.startswith("Councillor Rita Vance said") and p.endswith('in a hurry."') for p in paras
    )
    for debris in (
        "GAZETTE",
        "Actions",
        "Posted",
        "News Desk",
        "Share it",
        "Photo",
        "Readers at",
        "RELATED",
        "Leave a reply",
        "email address",
        "Next story",
        "newsletter",
        "©",
    ):
        assert debris not in body, debris
    assert title not in body
    assert len(paras) == 3


# A business site: separator salad, a meta line with dots, a paywall prompt, an
# advertisement, a caption with a slash credit, and a trailing "Most read" list.
HARBOURLINE = """Harbourline Finance | Markets | Companies | Energy | Podcasts
You have 2 free articles left this month. Subscribe for full access.

Tannery group Orvik cuts 300 jobs as orders fall

Lena Moss, Industry Correspondent · 2 April 2026 · 3 min read

Orvik, the leather maker based in Saltmere, said on Wednesday it would cut about 300 jobs after a fall in orders from carmakers.

Advertisement

Its chief executive, Pavel Dunne, said the cuts were "painful but unavoidable" and would be finished by the autumn.

The Saltmere plant at dawn. Photo: Ines Rook/Harbourline

Most read
Ferry operator posts record profit
Why copper prices keep climbing
"""


def test_business_site_debris_goes():
    body, title = clean_text(HARBOURLINE, settings=S)
    assert title == "Tannery group Orvik cuts 300 jobs as orders fall"
    assert _paragraphs(body) == [
        (
            "Orvik, the leather maker based in Saltmere, said on Wednesday it would cut about 300 "
            "jobs after a fall in orders from carmakers."
        ),
        (
            'Its chief executive, Pavel Dunne, said the cuts were "painful but unavoidable" and '
            "would be finished by the autumn."
        ),
    ]


# A blog-style aggregator with curly quotes, an author box and a comment count, and a
# "Related story |" link in the middle of the report.
BRIGHTSIDE = """Brightside24 | Trending | Viral | Deals
Updated 10:42 a.m.
Share on Facebook
Tweet

The river festival returns to Dunmore this summer after a two-year break, organisers confirmed on Friday.

“We missed it as much as anyone,” said organiser Tom Veil.

Related story | Ten picnic spots you have never heard of

Organisers expect around 12,000 visitors over the three days of the festival.

Related story | The café everyone is queueing for

About the author: Mina Holt is a content writer at Brightside24 who loves festivals.

Comments (12)
You might also like
Advertisement
"""


def test_aggregator_debris_goes_curly_quote_stays():
    body, title = clean_text(BRIGHTSIDE, title="River festival returns to Dunmore", settings=S)
    assert title == "River festival returns to Dunmore"
    assert _paragraphs(body) == [
        (
            "The river festival returns to Dunmore this summer after a two-year break, organisers "
            "confirmed on Friday."
        ),
        "“We missed it as much as anyone,” said organiser Tom Veil.",
        "Organisers expect around 12,000 visitors over the three days of the festival.",
    ]


# A wire service copy, hard-wrapped, with an agency credit and a copyright notice; the
# headline is repeated at the top.
WIRE = """Flood barrier fails test as river rises

KORLA, May 2 (Norland Press) - Engineers in Korla said on Saturday that the new flood
barrier on the Ilse river had failed a pressure test, days before the spring thaw is
expected to push the river to its highest level in a decade.

The city's water board said repairs would take about two weeks.

(Reporting by Aida Fenn; Editing by Jo Park)
Copyright 2026 Norland Press. All rights reserved.
"""


def test_wire_copy_hard_wraps_joined_credits_dropped():
    body, title = clean_text(WIRE, title="Flood barrier fails test as river rises", settings=S)
    paras = _paragraphs(body)
    assert paras[0] == (
        "KORLA, May 2 (Norland Press) - Engineers in Korla said on Saturday that the new flood "
        "barrier on the Ilse river had failed a pressure test, days before the spring thaw is "
        "expected to push the river to its highest level in a decade."
    )
    assert paras[1] == "The city's water board said repairs would take about two weeks."
    assert len(paras) == 2
    assert title == "Flood barrier fails test as river rises"


def test_near_misses_stay():
    text = (
        "Related charges were filed against two managers of the depot on Friday.\n\n"
        "Shareholders rejected the deal.\n\n"
        "By Friday the union had voted to strike.\n\n"
        "Photographers were kept behind a fence at the gate.\n\n"
        "He resigned.\n\n"
        "“We will stay out.”\n\n"
        'Mexico is not an option. "\n\n'
        "Comments made by the minister on Monday angered the union, which called them "
        "reckless and demanded an apology before talks resume.\n\n"
        "Updated figures from the port showed 38 ships waiting at anchor on Thursday."
    )
    body, title = clean_text(text, settings=S)
    assert title is None
    assert body == text


def test_credit_inside_a_paragraph_is_cut_but_the_sentences_stay():
    text = (
        "Crews worked through the night at the bridge. (Photo: L. Berg/Courier) The road "
        "will stay closed until Monday, the roads office said.\n\n"
        "The repairs cost 40,000 crowns, officials said. They were paid from the district "
        "budget. (Image: District office)"
    )
    body, _ = clean_text(text, settings=S)
    assert body == (
        "Crews worked through the night at the bridge. The road will stay closed until "
        "Monday, the roads office said.\n\n"
        "The repairs cost 40,000 crowns, officials said. They were paid from the district "
        "budget."
    )


def test_trailing_block_cut_only_when_no_report_text_follows():
    report = "The ferry service resumed on Sunday after a week of storms, the operator said."
    later = "Passengers said the crossing was rough but on time, and the cafe on board was full."
    text = f"{report}\n\nMore from Local\n\n{later}\n\nMore from Local\nFerry fares to rise\nOld pier to close"
    body, _ = clean_text(text, settings=S)
    assert _paragraphs(body) == [report, later]


def test_author_bio_only_dropped_at_the_end():
    middle = (
        "Keller is a former reporter for the Ledger who joined the union in 2019, colleagues said."
    )
    end = "Ana Ruiz is a senior reporter for the Gazette covering transport."
    text = f"The strike entered its third week on Monday, union leaders said.\n\n{middle}\n\n{end}"
    body, _ = clean_text(text, settings=S)
    assert middle in body
    assert end not in body


def test_furniture_needs_repeats_within_one_outlet():
    def doc(n: int, outlet: str) -> Document:
        return Document(
            input=f"site/{n}.txt",
            format="txt",
            outlet=outlet,
            text=f"Tip line open all weekend\n\nStory number {n} says the council met on Monday.",
        )

    same = [doc(n, "Gazette") for n in range(3)]
    assert "tip line open all weekend" in find_furniture(same, S)
    mixed = [doc(0, "Gazette"), doc(1, "Gazette"), doc(2, "Courier")]
    assert find_furniture(mixed, S) == frozenset()
    body, _ = clean_text(same[0].text, settings=S, furniture=find_furniture(same, S))
    assert body == "Story number 0 says the council met on Monday."


def test_furniture_of_unknown_outlet_grouped_by_folder():
    docs = [
        Document(input=f"{folder}/{n}.txt", format="txt",
                 text=f"Back issues in our shop today\n\nReport {n} was filed on Monday.")
        for folder in ("a", "b") for n in range(2)
    ]  # fmt: skip
    assert find_furniture(docs, S) == frozenset()
    assert "back issues in our shop today" in find_furniture(
        docs, CleanSettings(repeated_line_min_docs=2)
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Port strike enters third week", True),
        ("What's next for the harbour? Everything we know", True),
        ("The vote passed.", False),
        ("CALDERA HERALD", False),
        ("NewsLocalBusinessSports Home", False),
        ("By Jane Doe", False),
        ("Share this article", False),
        ("Home | News | Sport", False),
    ],
)
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a site's name run together with a section of the site, as a page copied as text
        # gives its banner
        ("Channel 7NewsWorld News", False),
        ("Harbor TimesPolitics", False),
        ("The Daily LedgerUS news", False),
        ("Riverside Post OnlineLocal Sport", False),
        # near misses: names with a capital inside are headlines' words
        ("DeSantis signs the state budget into law", True),
        ("iPhone sales slump across Europe", True),
        ("YouTube removes channel after complaints", True),
        ("McDonald's to close 200 restaurants", True),
        ("LinkedIn cuts 700 jobs in Dublin", True),
    ],
)
def test_a_site_banner_is_not_a_headline(line, expected):
    assert looks_like_headline(line) is expected


def test_banner_line_is_neither_title_nor_text_and_the_headline_under_it_is_kept(tmp_path):
    from newscheck.ingest.read import read_documents
    from newscheck.settings import IngestSettings

    body = ("Thousands of people left their homes on Tuesday as the river burst its banks "
            "after a week of rain, emergency officials said. Crews used boats to reach "
            "families on rooftops in three villages.")  # fmt: skip
    path = tmp_path / "floods.txt"
    path.write_text(f"Channel 7NewsWorld News\n\nFloods force thousands from their homes\n\n"
                    f"{body}\n")  # fmt: skip
    (doc,), skipped = read_documents([str(path)], IngestSettings())
    assert skipped == [] and doc.title != "Channel 7NewsWorld News" and doc.outlet is None
    art = to_article(doc, None, S)
    assert art.title == "Floods force thousands from their homes"
    assert art.text == f"Floods force thousands from their homes\n\n{body}"
    assert art.outlet is None


def test_to_article_offsets_and_word_count():
    doc = Document(
        input="x.txt",
        format="txt",
        text="Share on Facebook\n\nBridge reopens\n\nThe bridge reopened on Sunday after repairs.",
        outlet="Courier",
        url="https://courier.test/bridge",
        published=dt.date(2026, 3, 1),
    )
    art = to_article(doc, "a7", S)
    assert art.title == "Bridge reopens"
    assert art.text == "Bridge reopens\n\nThe bridge reopened on Sunday after repairs."
    assert art.text[art.body_start :].startswith("The bridge")
    assert art.words == 7
    assert (art.id, art.outlet, art.url, art.published) == ("a7", "Courier", doc.url, doc.published)


def test_to_article_without_headline():
    doc = Document(input="y.txt", format="txt", text="The bridge reopened on Sunday after repairs.")
    art = to_article(doc, "a1", S)
    assert (art.title, art.body_start, art.text) == (None, 0, doc.text)


def test_whitespace_normalised_text_otherwise_kept():
    text = "The  union\u00a0said\tno.\r\n\r\n\r\n\r\nIt  will   strike on Monday."
    body, _ = clean_text(text, settings=S)
    assert body == "The union said no.\n\nIt will strike on Monday."


# --------------------------------------------------------------------------- languages and scripts


def test_count_words_counts_characters_of_unspaced_scripts():
    from newscheck.ingest.clean import count_words

    assert count_words("The board met on Thursday.") == 5
    assert count_words("区议会批准了") == 6
    assert count_words("区议会于 2026 年批准") == 8  # seven characters and a number
    assert count_words("คณะกรรมการเขต") == 13


def test_chinese_report_is_kept_and_measured_in_characters():
    from newscheck.ingest.clean import too_short
    from newscheck.model import Document
    from newscheck.settings import IngestSettings

    body = (
        "区议会在经过一个月的公开听证后，于周四批准了新的公交时刻表。从八月起，三条最繁忙的线路将每十分钟"
        "发车一班，议会的交通官员表示。\n\n晚间班车的末班时间将比现在推迟一个小时。两条夜间线路将试运行六个月。"
    )
    doc = Document(input="zh.txt", text=f"区议会批准新的公交时刻表\n\n{body}", format="txt")
    article = to_article(doc, "a1", S)
    assert article.title == "区议会批准新的公交时刻表"
    assert article.text.endswith("两条夜间线路将试运行六个月。")
    assert article.language == "zh"
    assert too_short(article, IngestSettings()) is None
    assert too_short(article, IngestSettings(min_chars=500)).startswith("not an article: ")
    assert "characters" in too_short(article, IngestSettings(min_chars=500))


def test_english_length_check_still_counts_words():
    from newscheck.ingest.clean import too_short
    from newscheck.model import Document
    from newscheck.settings import IngestSettings

    doc = Document(input="a.txt", format="txt", text="The board met on Thursday and voted to "
                   "extend the library's opening hours by two hours a day from June.")  # fmt: skip
    article = to_article(doc, "a1", S)
    assert article.language == "en"
    assert too_short(article, IngestSettings(min_words=30)) == (
        "not an article: 20 words of text after cleaning (at least 30 needed)"
    )
    assert too_short(article, IngestSettings(min_words=10)) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            (
                "Der Bezirksrat hat am Donnerstag nach einem Monat öffentlicher Anhörungen einen "
                "neuen Busfahrplan beschlossen."
            ),
            "de",
        ),
        (
            (
                "La junta del distrito aprobó el jueves un nuevo horario de autobuses tras un mes de "
                "audiencias públicas."
            ),
            "es",
        ),
        ("地区委員会は一か月の公聴会を経て、木曜日に新しいバスの時刻表を承認した。", "ja"),
        (
            "The district board approved a new bus timetable on Thursday after a month of hearings.",
            "en",
        ),
        ("12 34 56", None),  # no words: no language
    ],
)
def test_detect_language(text, language):
    from newscheck.ingest.clean import detect_language

    assert detect_language(text, S) == language


def test_unspaced_headline_is_a_headline_and_digits_are_not():
    assert looks_like_headline("区议会批准新的公交时刻表")
    assert not looks_like_headline("2026 05 07")
    assert not looks_like_headline("ALMSFIELD WIRE")


# --------------------------------------------------------------------------- calls to action

REPORT_PARAGRAPH = (
    "The district board of Almsfield approved a new bus timetable on Thursday after a month "
    "of public hearings, the board's transport officer said."
)
CLOSING_PARAGRAPH = (
    "Evening services will end an hour later than now, and two night routes will be tried "
    "for six months before the board decides again."
)


@pytest.mark.parametrize(
    "line",
    [
        "To view the full story, please subscribe to the Almsfield Wire.",
        "For the latest stories and breaking news updates download the Wire Daily app.",
        "Download the Almsfield Wire apps for iOS and Android.",
        "Submit your letter to the editor via this form.",
        "Follow us on Bluesky and Mastodon for more local news.",
        "Sign up for our morning briefing and get the headlines every day.",
        "This story originally appeared on Harbour Notes.",
        "We use cookies to improve your experience on our site.",
        "This post contains affiliate links, and we may earn a commission.",
    ],
)
def test_calls_to_action_never_become_text(line):
    body, _ = clean_text(f"{REPORT_PARAGRAPH}\n\n{line}\n\n{CLOSING_PARAGRAPH}", settings=S)
    assert line not in body
    assert REPORT_PARAGRAPH in body and CLOSING_PARAGRAPH in body


@pytest.mark.parametrize(
    "line",
    [
        "Residents were told to download the board's new timetable app before August.",
        "The union asked its members to sign up for the strike fund by Friday.",
        "Officials said the timetable first appeared in draft form last winter.",
        "More than 2,000 people subscribe to the board's text alerts, the officer said.",
    ],
)
def test_reported_instructions_are_not_calls_to_action(line):
    body, _ = clean_text(f"{REPORT_PARAGRAPH}\n\n{line}\n\n{CLOSING_PARAGRAPH}", settings=S)
    assert line in body


def test_subheading_between_paragraphs_is_kept_and_navigation_is_not():
    text = f"{REPORT_PARAGRAPH}\n\nNight routes on trial\n\n{CLOSING_PARAGRAPH}"
    assert "Night routes on trial" in clean_text(text, settings=S)[0]
    text = f"{REPORT_PARAGRAPH}\n\nHome | News | Sport | Weather\n\n{CLOSING_PARAGRAPH}"
    assert "Home" not in clean_text(text, settings=S)[0]
    text = f"{REPORT_PARAGRAPH}\n\nNight routes on trial"  # at the foot: no paragraph follows
    assert "Night routes" not in clean_text(text, settings=S)[0]


SITE = ["The Harbor Times", "harbortimes.co.uk", "harbortimes"]


@pytest.mark.parametrize(
    "title",
    [
        "Storm closes coast road | The Harbor Times",
        "Storm closes coast road - Harbor Times",
        "Storm closes coast road – HarborTimes.com",
        "Storm closes coast road — Harbour Times",
        "Storm closes coast road :: harbortimes.co.uk",
        "Storm closes coast road » Harbor Times Online",
        "Harbor Times: Storm closes coast road",
        "Harbor Times | Storm closes coast road",
        "Storm closes coast road - Opinion | The Harbor Times",
        "Opinion | Storm closes coast road | The Harbor Times",
    ],
)
def test_strip_site_name(title):
    assert strip_site_name(title, SITE) == "Storm closes coast road"


@pytest.mark.parametrize(
    "title",
    [
        "Ruiz - a profile",  # a title's own dash
        "Storm closes coast road - Harbor Tides",  # a different name, one letter apart
        "Rates: what changes in April",  # a title's own colon
        "Storm closes coast road | News",  # a section label alone is not cut
        "Harbor Times",  # the headline is never emptied
        "Harbor Times staff win award - a profile",  # the name inside a segment stays
    ],
)
def test_strip_site_name_near_misses(title):
    assert strip_site_name(title, SITE) == title


def test_strip_site_name_without_names_keeps_the_title():
    assert strip_site_name("Storm closes coast road | The Harbor Times", []) == (
        "Storm closes coast road | The Harbor Times"
    )


def test_control_characters_are_removed_but_line_breaks_and_tabs_stay():
    from newscheck.ingest.clean import clean_text
    from newscheck.settings import Settings

    raw = (
        "The council met on Monday and voted\x00 to approve the \x07budget for the next "
        "year after a long debate.\n\nIn a second\x85 paragraph,\tthe mayor said the vote "
        "was close and that the work would start in the spring."
    )
    body, title = clean_text(raw, title="Council\x00 approves budget", settings=Settings().clean)
    assert title == "Council approves budget"
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in body)
    assert "voted to approve the budget" in body
    assert "\n\n" in body and "second paragraph" in body


S = CleanSettings()
LEAD = ("The harbour bridge will close to traffic for six weeks from Monday while engineers "
        "replace its worn bearings, the city council said on Thursday.")
AFTER = ("Engineers expect the work to be finished by the middle of June, weather permitting, "
         "the council's transport director told reporters.")


def test_list_items_and_subheadings_of_the_report_are_kept():
    text = (
        f"{LEAD}\n\nThe council listed the changes that take effect on Monday:\n\n"
        "- Buses on route 4 will run via the ring road\n\n"
        "- The ferry will run every 15 minutes at peak hours\n\n"
        f"Work to finish in June\n\n{AFTER}"
    )
    body, _ = clean_text(text, title="Harbour bridge to close", settings=S)
    assert body == text


def test_lists_at_the_foot_of_the_page_and_lone_bullets_are_not():
    related = ["- Ferry fares to rise in spring", "- Ring road works delayed again"]
    body, _ = clean_text("\n\n".join([LEAD, AFTER, *related]), title=None, settings=S)
    assert body == f"{LEAD}\n\n{AFTER}"
    # One bulleted line is no list.
    body, _ = clean_text(f"{LEAD}\n\n- Share on Facebook\n\n{AFTER}", title=None, settings=S)
    assert "Share" not in body


@pytest.mark.parametrize(
    "stamp",
    ["Updated Thurs., Sept. 4, 2025 10:42 a.m. ET", "Mon 3 March 2025 · 09:15 GMT",
     "Published 2 hours ago", "Last updated: Tue, Dec 9"],
)
def test_timestamp_lines_in_any_abbreviation_go_and_the_report_stays(stamp):
    report = ("The port authority said on Thursday that 38 ships were waiting at anchor "
              "outside the harbour, the most since the strike began.")
    body, _ = clean_text(f"Harbour queue grows\n\n{stamp}\n\n{report}", settings=S)
    assert body == report


def test_a_line_of_month_and_weekday_words_that_says_something_stays():
    text = ("Mayors met on Monday and agreed to share the cost of the new ferry between "
            "the two towns.")
    assert clean_text(text, settings=S)[0] == text
