"""Syndicated copies: exact, edited, excerpted and chained, and the near-misses."""

from __future__ import annotations

import datetime as dt

from helpers import make_article

from newscheck.ingest.copies import find_copies, overlap, shingles
from newscheck.settings import CopySettings

WIRE = (
    "Dockworkers at the port of Velmar voted on Tuesday to reject the latest wage offer "
    "from the harbour authority, extending a strike that has halted container traffic for "
    "nearly three weeks.\n\n"
    "The union said 812 of its members took part in the ballot and that 74 percent voted "
    "against the proposal, which would have raised hourly pay by four percent over two "
    "years. Union secretary Lena Ostrova told reporters that the offer did not cover "
    "rising rents in the harbour district.\n\n"
    "The harbour authority said it was disappointed and would ask the regional labour "
    "court to appoint a mediator before the end of the week. Shipping lines have begun "
    "diverting vessels to the neighbouring port of Arnhalt, where berths are already "
    "crowded and waiting times have doubled.\n\n"
    "Local businesses that depend on the port say the strike is costing them customers, "
    "and the chamber of commerce has called on both sides to return to talks."
)

# The same copy with a new headline, two words changed, one sentence added at the end.
EDITED = (
    WIRE.replace("voted on Tuesday", "voted Tuesday")
    .replace("told reporters", "told journalists")
    + " A further round of talks has not yet been scheduled, a spokesman said."
)

# The same event, told in other words by another reporter.
OTHER_WORDS = (
    "Striking port workers in Velmar have turned down a new pay deal, a union vote showed "
    "on Tuesday, meaning ships will keep queueing off the coast.\n\n"
    "Roughly three quarters of those who voted opposed the four percent rise on offer. "
    "Lena Ostrova, who leads the union, said members could no longer afford housing near "
    "the docks.\n\n"
    "Officials at the harbour authority now want a court-appointed mediator, while "
    "freight companies are sending cargo to Arnhalt instead, where queues are growing. "
    "Shopkeepers near the waterfront complain that trade has dried up since the walkout."
)

QUOTE = (
    "We are not asking for luxury, we are asking to be able to live in the city where we "
    "work, and until the authority understands that there will be no ships unloaded in "
    "this harbour"
)

# Two different reports (one on the strike, one on a council meeting) sharing one long quote.
QUOTE_REPORT_A = (
    "The strike at Velmar entered its third week as talks stalled again on Monday.\n\n"
    f'"{QUOTE}," union secretary Lena Ostrova said outside the gates.\n\n'
    "The authority has offered a four percent rise over two years. Freight firms say they "
    "are losing money every day the terminals stay shut, and several have moved their "
    "vessels to Arnhalt. Economists at the regional bank estimate the cost of the dispute "
    "at several million a week."
)
QUOTE_REPORT_B = (
    "Velmar city council debated a motion on harbour district rents on Thursday evening, "
    "with dozens of residents filling the public gallery.\n\n"
    f"Councillor Piet Dahl read out the union leader's words from last week: \"{QUOTE}.\"\n\n"
    "The motion, which asks the council to cap rent rises on municipal flats at two percent "
    "a year, passed by nineteen votes to eleven. Opponents said the cap would discourage "
    "landlords from repairing older buildings near the quays."
)


def _art(id: str, body: str, *, title: str = "Port strike", day: int | None = None):
    published = dt.date(2026, 3, day) if day else None
    return make_article(body, id=id, title=title, published=published)


def test_shingles_ignore_case_and_punctuation():
    a = shingles("The union said: 812 members voted.", 3)
    b = shingles("the union said 812 MEMBERS voted", 3)
    assert len(a) == 4 and np_equal(a, b)


def np_equal(a, b) -> bool:
    return a.tolist() == b.tolist()


def test_exact_copy_points_to_earlier_report():
    arts = [_art("late", WIRE, day=12), _art("early", WIRE, day=10)]
    assert find_copies(arts, CopySettings()) == {"late": "early"}


def test_equal_dates_go_to_input_order():
    arts = [_art("first", WIRE, day=10), _art("second", WIRE, day=10)]
    assert find_copies(arts, CopySettings()) == {"second": "first"}


def test_edited_copy_with_new_headline_and_added_sentence():
    arts = [
        _art("wire", WIRE, title="Velmar dockworkers reject pay offer", day=10),
        _art("paper", EDITED, title="Strike goes on as union says no", day=11),
    ]
    jaccard, _ = overlap(shingles(WIRE, 5), shingles(EDITED, 5))
    assert jaccard < 0.95  # the edits really changed the shingles
    assert find_copies(arts, CopySettings()) == {"paper": "wire"}


def test_short_report_republished_inside_longer_one_is_a_copy():
    longer = (
        "Our correspondent in the harbour district reports on a tense week for families.\n\n"
        + WIRE
        + "\n\nIn the market square, stallholders said takings had fallen by half since "
        "the first week of the strike, and several cafes have cut opening hours. Parents "
        "said school trips to the docks museum had been cancelled, and the ferry to the "
        "islands now runs only twice a day because fuel deliveries are stuck offshore."
    )
    arts = [_art("wire", WIRE, day=10), _art("longer", longer, day=11)]
    jaccard, _ = overlap(shingles(WIRE, 5), shingles(longer, 5))
    assert jaccard < CopySettings().threshold  # only containment can find it
    assert find_copies(arts, CopySettings()) == {"longer": "wire"}


def test_excerpt_of_the_first_paragraphs_is_a_copy():
    excerpt = "\n\n".join(WIRE.split("\n\n")[:2]) + "\n\nMore follows."
    arts = [_art("wire", WIRE, day=10), _art("excerpt", excerpt, day=10)]
    assert find_copies(arts, CopySettings()) == {"excerpt": "wire"}


def test_same_event_in_other_words_is_not_a_copy():
    arts = [_art("a", WIRE, day=10), _art("b", OTHER_WORDS, day=10)]
    assert find_copies(arts, CopySettings()) == {}


def test_reports_sharing_one_long_quote_are_not_copies():
    arts = [_art("a", QUOTE_REPORT_A, day=10), _art("b", QUOTE_REPORT_B, day=11)]
    _, contained = overlap(shingles(QUOTE_REPORT_A, 5), shingles(QUOTE_REPORT_B, 5))
    assert contained > 0.2  # the shared quote is a real overlap, not a trivial one
    assert find_copies(arts, CopySettings()) == {}


def test_headline_alone_does_not_make_a_copy():
    arts = [
        _art("a", WIRE, title="Velmar strike goes on", day=10),
        _art("b", OTHER_WORDS, title="Velmar strike goes on", day=11),
    ]
    assert find_copies(arts, CopySettings()) == {}


def test_chain_of_copies_points_to_one_original():
    second = EDITED
    third = (
        second.replace("nearly three weeks", "almost three weeks")
        .replace("was disappointed", "was deeply disappointed")
        .replace("have doubled", "have more than doubled")
        + " Police said the picket lines had remained peaceful."
    )
    arts = [
        _art("c", third, day=14),
        _art("a", WIRE, day=10),
        _art("b", second, day=12),
        _art("x", OTHER_WORDS, day=9),
    ]
    assert find_copies(arts, CopySettings()) == {"c": "a", "b": "a"}


def test_roundup_of_two_stories_does_not_merge_them():
    council = QUOTE_REPORT_B
    roundup = WIRE + "\n\nIn other news from the city.\n\n" + council
    arts = [_art("wire", WIRE, day=10), _art("council", council, day=11),
            _art("roundup", roundup, day=12)]
    assert find_copies(arts, CopySettings()) == {"roundup": "wire"}


def test_short_reports_are_never_copies():
    arts = [_art("a", "Port reopens.", day=1), _art("b", "Port reopens.", day=2)]
    assert find_copies(arts, CopySettings()) == {}


def test_deterministic():
    arts = [_art(f"r{i}", body, day=10 + i % 3)
            for i, body in enumerate([WIRE, OTHER_WORDS, EDITED, QUOTE_REPORT_A, WIRE])]
    first = find_copies(arts, CopySettings())
    assert first == find_copies(arts, CopySettings())
    assert first == {"r2": "r0", "r4": "r0"}


def test_anchors_of_a_part_are_the_part_of_the_anchors():
    from newscheck.ingest.copies import anchors

    whole = shingles(WIRE, 5)
    part = shingles("\n\n".join(WIRE.split("\n\n")[:2]), 5)
    a_whole, a_part = anchors(whole, 16, seed=1), anchors(part, 16, seed=1)
    assert len(a_part) == 16 and set(a_part.tolist()) <= set(whole.tolist())
    # what the part shares with the whole's sample is exactly the whole's sample of the part
    assert set(a_whole.tolist()) & set(part.tolist()) <= set(a_part.tolist())
    assert anchors(whole, 16, seed=2).tolist() != a_whole.tolist()


def test_a_copy_is_found_among_reports_sharing_a_paragraph_with_it():
    # Forty reports reuse the wire's first paragraph beside their own text: not copies.
    opening = WIRE.split("\n\n")[0]
    fillers = [
        f"Report {n} from the district of Harlow {n}: residents of street {n} met the "
        f"mayor about bus line {n}, parking fees on road {n} and the new school {n}, and "
        f"the council promised an answer on item {n} within {n + 2} days."
        for n in range(40)
    ]
    arts = [_art(f"r{n}", opening + "\n\n" + f + "\n\n" + OTHER_WORDS.split("\n\n")[n % 3],
                 day=11) for n, f in enumerate(fillers)]
    arts += [_art("wire", WIRE, day=10), _art("copy", EDITED, day=12)]
    assert find_copies(arts, CopySettings(num_perm=8)) == {"copy": "wire"}
