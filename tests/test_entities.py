"""Names: every matching rule with an invented positive and a near-miss, story resolution
over hand-built reports, and a quality gate on NewsWCL50's actors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck.entities import (
    NamedSoFar,
    fuller_name,
    name_key,
    person_name,
    pronoun_gender,
    qualified_role,
    resolve,
    resolve_mentions,
    same_named,
    same_org,
    same_person,
    sounds_alike,
    split_title,
    surname_key,
)
from newscheck.model import Analysis, Article, Claim, Entity, EntityMention, RoleMention
from newscheck.settings import EntitySettings

# --------------------------------------------------------------------------- keys


def test_name_key_drops_article_possessive_punctuation_and_accents():
    assert name_key("the Port Authority's") == "port authority"
    assert name_key("Inês Peña-Ortiz") == "ines pena ortiz"
    assert name_key("Harbour Authority") == "harbour authority"
    # near-miss: an article inside a name stays
    assert name_key("Bank of the North") == "bank of the north"


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_name_key_is_idempotent(text):
    assert name_key(name_key(text)) == name_key(text)


def test_person_name_drops_titles_suffixes_and_possessives():
    p = person_name("Sen. Tomas R. Brandt Jr.'s")
    assert p is not None
    assert (p.given, p.middles, p.surname, p.suffix) == ("tomas", ("r",), "brandt", "jr")
    assert person_name("Harbour Minister Ilse Varga").text == "Ilse Varga"
    assert person_name("Mr. Varga").surname == "varga"
    # near-misses: a title, a place or an acronym alone names nobody
    assert person_name("the harbour minister") is None
    assert person_name("Norwegian Minister") is None
    assert person_name("U.S.") is None
    assert person_name("NATO") is None


def test_split_title_cuts_the_title_before_a_name():
    assert split_title("Estonian diplomat Mart Kask")[1] == "Mart Kask"
    assert split_title("Finnish Prime Minister Aino Lehto") == (
        "Finnish Prime Minister", "Aino Lehto")
    assert split_title("President Aino Lehto of Finland") == (
        "President of Finland", "Aino Lehto")
    assert split_title("the Finnish prime minister") == ("the Finnish prime minister", None)
    # near-miss: a possessor is not the person ("Lehto's closest ally")
    assert split_title("Lehto's closest ally")[1] is None


def test_surname_key():
    assert surname_key("Mr. Varga's") == "varga"
    assert surname_key("Park Min-jae") == "park"  # family name first
    assert surname_key("Ilse Varga") == "varga"


# --------------------------------------------------------------------------- same person


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ana Ruiz", "Ruiz"),  # surname alone
        ("Ana Ruiz", "Ms. Ruiz's"),  # honorific, possessive
        ("Ana Ruiz", "A. Ruiz"),  # initial
        ("Tomas R. Brandt Jr.", "Tomas Brandt"),  # middle initial, suffix
        ("Ilse Marta Varga", "Ilse Varga"),  # middle name
        ("Bob Marden", "Robert Marden"),  # nickname
        ("Bill Osgood", "William Osgood"),
        ("Rudy Halvorsen", "Rudolph W. Halvorsen"),
        ("Park Min-jae", "Park Min Jae"),  # hyphenated / spaced Korean given name
        ("Park Min-jae", "Min-jae"),  # given name alone
        ("Park Min", "Park Min-jae"),  # the parser cut the hyphenated tail
        ("Hana Jae", "Hana Jae-in"),
        ("Yusuf Qaddouri", "Yusuf Kaddouri"),  # transliterations
        ("Qaddafi", "Gaddafi"),
        ("Mehmet al-Nasiri", "Nasiri"),  # particle
        ("Joaquim Lula Ferreira", "Lula"),  # goes by another of his names
        ("Governor Ilse Varga", "Varga"),
    ],
)
def test_same_person(a, b):
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ana Ruiz", "Alberto Ruiz"),  # same initial, different given names
        ("Ana Ruiz", "Carlos Ruiz"),
        ("Ana Ruiz", "Ana Lopez"),
        ("Jon Marden", "Jane Marden"),  # close given names
        ("Lee", "Li"),  # short surnames that sound alike
        ("Kerry", "Berry"),  # small edit distance, different sound
        ("Clinton", "Clifton"),
        ("Johnson", "Johnston"),
        ("Tomas Brandt Jr.", "Tomas Brandt Sr."),  # different suffixes
        ("George H. W. Osgood", "George W. Osgood"),  # different middle initials
        ("Park Min-jae", "Park Min-ho"),  # different Korean given names
        ("Hana Jae", "Hana Kim-in"),
        ("Norwegian Minister", "Ana Ruiz"),  # a title is nobody
    ],
)
def test_different_people(a, b):
    assert not same_person(a, b)
    assert not same_person(b, a)


def test_a_family_name_first_only_for_romanised_given_names():
    assert person_name("Kim Jong-un").family_first
    # near-miss: "Kim" as a Western given name
    p = person_name("Kim Davis")
    assert not p.family_first and p.surname == "davis"


def test_transliteration_thresholds_come_from_settings():
    assert sounds_alike("Qaddafi", "Kadhafi")
    strict = EntitySettings(transliteration_similarity=0.95)
    assert not sounds_alike("Qaddafi", "Kadhafi", strict)
    assert not same_person("Kadhafi", "Qaddafi", strict)


_PARTS = st.sampled_from(
    ["Ana", "A.", "Alberto", "Ruiz", "Mr.", "Bob", "Robert", "Marden", "Kim", "Jong-un",
     "Jong", "Un", "Jr.", "Sr.", "Qaddafi", "Gaddafi", "Lee", "Li", "R.", "the", "Minister"]
)


@given(st.lists(_PARTS, min_size=1, max_size=4), st.lists(_PARTS, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_same_person_is_symmetric(a, b):
    x, y = " ".join(a), " ".join(b)
    assert same_person(x, y) == same_person(y, x)


def test_same_named_reads_names_inside_phrases():
    assert same_named("Ilse Varga (1950-2020), better known as Ilse Marta", "Ilse Varga")
    assert not same_named("Ilse Varga", "Anton Varga")


# --------------------------------------------------------------------------- organisations


def test_same_org():
    assert same_org("International Harbour Safety Agency", "IHSA")
    assert same_org("F.B.I.", "Federal Bureau of Investigation")
    assert same_org("the Port Authority's", "Port Authority")
    assert same_org("the U.K.", "Britain")
    # near-misses: another acronym, another agency
    assert not same_org("IHSA", "International Harbour Trade Agency")
    assert not same_org("Port Authority", "Port Council")


# --------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Brazilian President", ("president", "Brazil")),
        ("France's foreign minister", ("foreign minister", "France")),
        ("the company's president", ("president", "company")),
        ("President of the United States", ("president", "United States")),
        ("U.S. President", ("president", "United States")),
        ("the former FBI director", ("director", "FBI")),
        ("North Korean leader", ("leader", "North Korea")),
        ("Finance Minister", ("finance minister", None)),  # a modifier, not a body
        ("Secretary of State", ("secretary of state", None)),  # "of" inside the title
        ("Estonian Foreign Minister Mart Kask", ("foreign minister", "Estonia")),
    ],
)
def test_qualified_role(text, want):
    assert qualified_role(text) == want


# --------------------------------------------------------------------------- story resolution


def _report(aid: str, text: str, people=(), orgs=(), roles=()) -> Analysis:
    """A report whose PERSON / ORG entities are the given strings (first occurrence after
    the previous one), with role mentions ``(name, role)``."""
    ents, at = [], 0
    for label, names in (("PERSON", people), ("ORG", orgs)):
        at = 0
        for n in names:
            s = text.index(n, at)
            ents.append(Entity(text=n, label=label, start=s, end=s + len(n)))
            at = s + len(n)
    rms = tuple(
        RoleMention(name=n, role=r, status="current", start=text.index(n),
                    end=text.index(n) + len(n))
        for n, r in roles
    )
    claim = Claim(id=f"{aid}.c1", article=aid, sentence=0, text=text, roles=rms)
    article = Article(id=aid, input=f"{aid}.txt", text=text, words=len(text.split()))
    return Analysis(article=article, entities=tuple(sorted(ents, key=lambda e: e.start)),
                    claims=(claim,))


def test_surname_alone_joins_the_one_full_name_of_the_story():
    a = _report("a1", "Harbour Minister Ilse Varga met Tomas Brandt.",
                people=["Ilse Varga", "Tomas Brandt"])
    b = _report("a2", "Varga said the talks would go on. Mr. Brandt agreed.",
                people=["Varga", "Brandt"])
    t = resolve([a, b])
    assert [e.id for e in t] == ["e1", "e2"]
    assert t.get("e1").name == "Ilse Varga" and len(t.get("e1").mentions) == 2
    assert t.at("a2", b.article.text.index("Varga")) == "e1"
    assert t.at("a2", b.article.text.index("Brandt")) == "e2"
    assert t.named("Ms. Varga") == "e1"
    assert t.unresolved == ()


def test_a_surname_two_people_share_stays_unresolved():
    a = _report("a1", "Ana Ruiz and Alberto Ruiz disagreed. Ruiz left early.",
                people=["Ana Ruiz", "Alberto Ruiz", "Ruiz"])
    t = resolve([a])
    assert len(t) == 2
    assert [m.text for m in t.unresolved] == ["Ruiz"]
    assert t.named("Ruiz") is None
    assert t.named("A. Ruiz") is None  # the initial fits both


def test_a_surname_goes_to_the_person_its_own_report_names():
    a = _report("a1", "Ana Ruiz spoke. Ruiz said yes.", people=["Ana Ruiz", "Ruiz"])
    b = _report("a2", "Alberto Ruiz spoke. Ruiz said no.", people=["Alberto Ruiz", "Ruiz"])
    t = resolve([a, b])
    assert len(t) == 2 and t.unresolved == ()
    assert t.at("a2", b.article.text.index("Ruiz said")) == t.named("Alberto Ruiz")


def test_name_forms_across_reports_are_one_entity_and_organisations_by_acronym():
    a = _report("a1", "Park Min-jae met the International Harbour Safety Agency.",
                people=["Park Min-jae"], orgs=["International Harbour Safety Agency"])
    b = _report("a2", "Park Min Jae told the IHSA that Mr. Park would return.",
                people=["Park Min Jae", "Mr. Park"], orgs=["IHSA"])
    t = resolve([a, b])
    people = [e for e in t if e.label == "PERSON"]
    orgs = [e for e in t if e.label == "ORG"]
    assert len(people) == 1 and len(people[0].mentions) == 3
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2


def test_a_title_alone_links_to_the_one_person_the_report_gives_that_role():
    a = _report("a1", "Estonian Foreign Minister Mart Kask met Aino Lehto, Finland's president.",
                people=["Mart Kask", "Aino Lehto"],
                roles=[("Mart Kask", "estonian foreign minister"),
                       ("Aino Lehto", "finland's president")])
    t = resolve([a])
    kask, lehto = t.named("Mart Kask"), t.named("Aino Lehto")
    assert kask != lehto
    assert t.by_title("the Estonian foreign minister", "a1") == kask
    assert t.by_title("the Finnish president", "a1") == lehto
    assert ("president", "Finland") in {(r.role, r.of) for r in t.get(lehto).roles}
    # near-misses: a role nobody holds, and a role two people hold
    assert t.by_title("the Latvian foreign minister", "a1") is None
    b = _report("a2", "President Aino Lehto met President Ilse Varga.",
                people=["Aino Lehto", "Ilse Varga"],
                roles=[("Aino Lehto", "president"), ("Ilse Varga", "president")])
    assert resolve([b]).by_title("the president", "a2") is None


def test_person_lookup_never_returns_an_organisation_written_the_same():
    # the tagger reads "Brandt" as a company in one report and names the director in another
    a = _report("a1", "Brandt said the offer was final.", orgs=["Brandt"])
    b = _report("a2", "Port director Tomas Brandt met the union.", people=["Tomas Brandt"])
    t = resolve([a, b])
    person = next(e.id for e in t if e.label == "PERSON")
    assert t.named("Brandt") != person  # the exact-text match finds the ORG first
    assert t.person("Brandt") == person
    assert t.person("Tomas Brandt", "a2") == person
    # near-misses: nobody of that name, and a surname two people share
    assert t.person("Ana Ruiz") is None
    c = _report("a3", "Ana Ruiz and Alberto Ruiz disagreed.", people=["Ana Ruiz", "Alberto Ruiz"])
    assert resolve([c]).person("Ruiz") is None


def test_resolve_mentions_links_title_mentions_after_names():
    ms = [EntityMention(article="x", text=t, label="PERSON", start=i, end=i + 1)
          for i, t in enumerate(["Finnish President Aino Lehto", "Lehto",
                                 "the Finnish president", "the two leaders"])]
    t = resolve_mentions(ms)
    assert len(t) == 1 and len(t.entities[0].mentions) == 3
    assert [m.text for m in t.unresolved] == ["the two leaders"]


# --------------------------------------------------------------------------- quality gate


@pytest.mark.data
def test_newswcl50_actor_resolution_quality(data_dir):
    from benchmarks.bench_entities import evaluate

    micro = evaluate()["micro"]
    # measured: named 0.990 B3 F1, all 0.894 (baseline 0.587 / 0.472)
    assert micro["resolver named"][2] >= 0.97
    assert micro["resolver all"][2] >= 0.87
    assert micro["resolver all"][0] >= 0.97  # precision: no merging of different people


# --------------------------------------------------------------------------- people of one article


def test_fuller_name_takes_the_longest_earlier_name_ending_with_it():
    earlier = ["Ana Ruiz", "Carlos Ruiz", "Maria Ana Ruiz", "Ilse Marden"]
    assert fuller_name("Ruiz", earlier) == "Maria Ana Ruiz"
    assert fuller_name("Ana Ruiz", earlier) == "Maria Ana Ruiz"
    # the first of equally long names wins; a name ending otherwise never does
    assert fuller_name("Ruiz", ["Ana Ruiz", "Carlos Ruiz"]) == "Ana Ruiz"
    assert fuller_name("Marden", ["Ana Ruiz"]) == "Marden"
    # near miss: a word shared in the middle is no match
    assert fuller_name("Ana", earlier) == "Ana"
    assert fuller_name("", earlier) == ""


def test_pronoun_gender():
    assert pronoun_gender("She") == "f" and pronoun_gender("him") == "m"
    assert pronoun_gender("they") is None and pronoun_gender("it") is None


def test_named_so_far_reads_a_pronoun_as_the_protagonist():
    people = NamedSoFar()
    assert people.protagonist("he") is None
    for name in ("Ruiz", "John Smith", "Ana Ruiz", "Smith", "Ruiz"):
        people.add(name)
    # "Ruiz" is named most (three times) and its longest form is "Ana Ruiz"; a woman's
    # first name does not fit "he", so the next most named person does
    assert people.protagonist("she") == "Ana Ruiz"
    assert people.protagonist("he") == "John Smith"


def test_a_status_word_in_a_mention_makes_the_role_former():
    text = "Ex minister Ilse Varga met former mayor Tomas Brandt and Mayor Aino Lehto."
    a = _report("a1", text, people=["Ex minister Ilse Varga", "former mayor Tomas Brandt",
                                    "Mayor Aino Lehto"])
    t = resolve([a])
    status = {e.name: {(r.role, r.status) for r in e.roles} for e in t}
    # "ex" written apart from the title is "ex-" (it was read as a current minister)
    assert status["Ilse Varga"] == {("minister", "former")}
    assert status["Tomas Brandt"] == {("mayor", "former")}
    assert status["Aino Lehto"] == {("mayor", "current")}
