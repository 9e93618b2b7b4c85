"""The engine on English news: places, people, meetings, dates, status and evidence.

Each case is a short article written for the test (publication date Friday 30 January 2026
unless given) and the facts a labeller would record for it under the labelling guidelines
(/work/shared/eval/GUIDELINES.md). Only the fields a case names are compared.
"""

import datetime as dt

import pytest

from events.extraction.types import ExtractionResult, MeetingFinding

PUBLISHED = "2026-01-30"  # a Friday


def describe(result: ExtractionResult) -> str:
    """A compact account of what the engine found, for failure messages."""
    if not result.meetings:
        return "no meetings"
    lines = []
    for m in result.meetings:
        people = ", ".join(f"{p.name} ({p.country}, {p.role})" for p in m.participants)
        lines.append(
            f"{m.kind}/{m.status} {m.start}..{m.end} [{m.precision}] at {m.city}/{m.venue_country}"
            f" countries={m.countries} people=[{people}]"
        )
    return "\n".join(lines)


def facts(meeting: MeetingFinding, expected: dict) -> dict:
    """The meeting's fields named in `expected`, shaped like it.

    participants: {name: (country, role)} for every participant;
    includes: {name: (country, role)} for some of them; known: {known_key: role};
    roles: {country: role} of the participants; dates as ISO strings; countries as a set.
    """
    people = {p.name: (p.country, p.role) for p in meeting.participants}
    found = {
        "kind": meeting.kind,
        "status": meeting.status,
        "start": meeting.start.isoformat() if meeting.start else None,
        "end": meeting.end.isoformat() if meeting.end else None,
        "precision": meeting.precision,
        "city": meeting.city,
        "venue": meeting.venue_country,
        "countries": set(meeting.countries),
        "participants": people,
        "includes": {name: people.get(name) for name in expected.get("includes", {})},
        "known": {p.known_key: p.role for p in meeting.participants if p.known_key},
        "roles": {p.country: p.role for p in meeting.participants if p.country},
    }
    return {key: found[key] for key in expected}


def single(result: ExtractionResult) -> MeetingFinding:
    assert len(result.meetings) == 1, describe(result)
    return result.meetings[0]


def check_single(result: ExtractionResult, expected: dict) -> None:
    meeting = single(result)
    assert facts(meeting, expected) == expected, describe(result)


# --- places ----------------------------------------------------------------------------------

PLACES = [
    pytest.param(
        "Bessent in Beijing for trade talks",
        "U.S. Treasury Secretary Scott Bessent arrived in Beijing on Tuesday for talks with "
        "Chinese Foreign Minister Wang Yi.",
        {
            "kind": "visit",
            "city": "Beijing",
            "venue": "CN",
            "countries": {"US", "CN"},
            "participants": {"Scott Bessent": ("US", "visitor"), "Wang Yi": ("CN", "host")},
        },
        id="abbreviation-U.S.",
    ),
    pytest.param(
        "Starmer meets Modi",
        "Britain's Prime Minister Keir Starmer met Indian Prime Minister Narendra Modi in "
        "New Delhi on Thursday.",
        {
            "kind": "visit",
            "city": "New Delhi",
            "venue": "IN",
            "countries": {"GB", "IN"},
            "participants": {"Keir Starmer": ("GB", "visitor"), "Narendra Modi": ("IN", "host")},
        },
        id="country-variant-Britain",
    ),
    pytest.param(
        "Syrian leader holds talks with Putin",
        "Syrian President Ahmed al-Sharaa held talks with Russian President Vladimir Putin in "
        "Moscow on Wednesday, the Kremlin said.",
        {
            "kind": "visit",
            "city": "Moscow",
            "venue": "RU",
            "countries": {"SY", "RU"},
            "roles": {"SY": "visitor", "RU": "host"},
        },
        id="demonyms-Syrian-Russian",
    ),
    pytest.param(
        "Modi to visit Moscow",
        "Indian Prime Minister Narendra Modi will pay an official visit to Moscow on 12 March, "
        "the Kremlin said.",
        {
            "kind": "visit",
            "city": "Moscow",
            "venue": "RU",
            "countries": {"IN", "RU"},
            "participants": {"Narendra Modi": ("IN", "visitor")},
        },
        id="capital-visit-to-Moscow",
    ),
    pytest.param(
        "Lavrov holds talks in India",
        "Russian Foreign Minister Sergei Lavrov held talks with his Indian counterpart "
        "Subrahmanyam Jaishankar in the Indian capital on Monday.",
        {
            "kind": "visit",
            "city": "New Delhi",
            "venue": "IN",
            "countries": {"RU", "IN"},
            "participants": {
                "Sergei Lavrov": ("RU", "visitor"),
                "Subrahmanyam Jaishankar": ("IN", "host"),
            },
        },
        id="the-Indian-capital",
    ),
    pytest.param(
        "Ruto in Ukraine",
        "Kenyan President William Ruto arrived in Kiev on Tuesday for talks with Ukrainian "
        "President Volodymyr Zelensky.",
        {"kind": "visit", "city": "Kyiv", "venue": "UA", "countries": {"KE", "UA"}},
        id="alternate-city-name-Kiev",
    ),
    pytest.param(
        "Takaichi hosts Lee in her home town",
        "Japanese Prime Minister Sanae Takaichi hosted South Korean President Lee Jae-myung in "
        "Nara on Tuesday.",
        {
            "kind": "visit",
            "city": "Nara",
            "venue": "JP",
            "countries": {"JP", "KR"},
            "participants": {
                "Sanae Takaichi": ("JP", "host"),
                "Lee Jae-myung": ("KR", "visitor"),
            },
        },
        id="ambiguous-city-Nara-in-Japan",
    ),
    pytest.param(
        "Putin receives Modi",
        "Russian President Vladimir Putin received Indian Prime Minister Narendra Modi in the "
        "Kremlin on Tuesday.",
        {
            "kind": "visit",
            "city": "Moscow",
            "venue": "RU",
            "participants": {
                "Vladimir Putin": ("RU", "host"),
                "Narendra Modi": ("IN", "visitor"),
            },
        },
        id="in-the-Kremlin-is-Moscow",
    ),
    pytest.param(
        "Southeast Asian leaders meet",
        "Indonesian President Prabowo Subianto, Malaysian Prime Minister Anwar Ibrahim and Thai "
        "Prime Minister Anutin Charnvirakul attended the ASEAN summit in Kuala Lumpur on Sunday.",
        {
            "kind": "multilateral",
            "city": "Kuala Lumpur",
            "venue": "MY",
            "countries": {"ID", "MY", "TH"},
            "roles": {"ID": "participant", "MY": "participant", "TH": "participant"},
        },
        id="organisation-ASEAN-summit",
    ),
    pytest.param(
        "African leaders gather in Addis Ababa",
        "Leaders of the African Union gathered in Addis Ababa on Saturday for the AU summit. "
        "Kenyan President William Ruto and Nigerian President Bola Tinubu attended the summit.",
        {
            "kind": "multilateral",
            "start": "2026-01-24",
            "city": "Addis Ababa",
            "venue": "ET",
            "countries": {"ET", "KE", "NG"},
            "participants": {
                "William Ruto": ("KE", "participant"),
                "Bola Tinubu": ("NG", "participant"),
            },
        },
        id="organisation-AU-summit",
    ),
    pytest.param(
        "Xi, Takaichi at APEC",
        "Chinese President Xi Jinping and Japanese Prime Minister Sanae Takaichi attended the "
        "APEC summit in Gyeongju on Saturday.",
        {
            "kind": "multilateral",
            "city": "Gyeongju",
            "venue": "KR",
            "countries": {"CN", "JP", "KR"},
        },
        id="organisation-APEC-summit",
    ),
    pytest.param(
        "Trump in Riyadh",
        "U.S. President Donald Trump met Saudi Crown Prince Mohammed bin Salman in Riyadh on "
        "Tuesday.",
        {
            "kind": "visit",
            "city": "Riyadh",
            "venue": "SA",
            "participants": {
                "Donald Trump": ("US", "visitor"),
                "Mohammed bin Salman": ("SA", "host"),
            },
        },
        id="met-Saudi-official-in-Riyadh",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), PLACES)
def test_places(extract_en, title, body, expected):
    check_single(extract_en(title, body), expected)


# --- people ----------------------------------------------------------------------------------

PEOPLE = [
    pytest.param(
        "Erdogan hosts Xi",
        "Turkish President Erdogan received Xi in Ankara on Tuesday.",
        {"known": {"recep-tayyip-erdogan": "host", "xi-jinping": "visitor"}},
        id="known-actors-without-diacritics",
    ),
    pytest.param(
        "Syrian leader visits Ankara",
        "Syria's President Ahmad al-Sharaa arrived in Ankara on Monday for talks with Turkish "
        "President Recep Tayyip Erdoğan.",
        {"known": {"ahmed-al-sharaa": "visitor", "recep-tayyip-erdogan": "host"}},
        id="known-actor-transliterated-Ahmad",
    ),
    pytest.param(
        "Retno in Beijing",
        "Indonesian Foreign Minister Retno Marsudi met Chinese Foreign Minister Wang Yi in "
        "Beijing on Monday. Retno said the talks were productive.",
        {
            "participants": {
                "Retno Marsudi": ("ID", "visitor"),
                "Wang Yi": ("CN", "host"),
            }
        },
        id="titles-and-later-first-name",
    ),
    pytest.param(
        "Sri Lanka minister in Beijing",
        "Sri Lanka's Foreign Minister Vijitha Herath met Chinese Foreign Minister Wang Yi in "
        "Beijing on Monday.",
        {"participants": {"Vijitha Herath": ("LK", "visitor"), "Wang Yi": ("CN", "host")}},
        id="possessive-country-title",
    ),
    pytest.param(
        "Iran's top diplomat visits Oman",
        "Abbas Araghchi, Iran's foreign minister, arrived in Muscat on Sunday and met Omani "
        "Foreign Minister Badr Albusaidi.",
        {
            "participants": {
                "Abbas Araghchi": ("IR", "visitor"),
                "Badr Albusaidi": ("OM", "host"),
            }
        },
        id="apposition",
    ),
    pytest.param(
        "Saudi king receives Pakistani PM",
        "King Salman of Saudi Arabia received Pakistani Prime Minister Shehbaz Sharif in Riyadh "
        "on Tuesday. Sharif thanked the Saudi leader for the kingdom's support.",
        {"kind": "visit", "city": "Riyadh", "roles": {"SA": "host", "PK": "visitor"}},
        id="king-of-country",
    ),
    pytest.param(
        "Rubio meets Iwaya in Tokyo",
        "U.S. Secretary of State Marco Rubio met Japanese Foreign Minister Takeshi Iwaya in Tokyo "
        "on Wednesday. Rubio later met Prime Minister Sanae Takaichi.",
        {"includes": {"Marco Rubio": ("US", "visitor"), "Takeshi Iwaya": ("JP", "host")}},
        id="name-whose-words-are-towns-Marco-Rubio",
    ),
    pytest.param(
        "Bessent meets Chinese vice premier",
        "U.S. Treasury Secretary Scott Bessent met Chinese Vice Premier He Lifeng in Beijing on "
        "Tuesday.",
        {"participants": {"Scott Bessent": ("US", "visitor"), "He Lifeng": ("CN", "host")}},
        id="surname-He-is-not-a-pronoun",
    ),
    pytest.param(
        "Modi visits Egypt",
        "Indian Prime Minister Narendra Modi visited Egypt on Tuesday and met President Abdel "
        "Fattah el-Sisi in Cairo.",
        {
            "participants": {
                "Narendra Modi": ("IN", "visitor"),
                "Abdel Fattah el-Sisi": ("EG", "host"),
            }
        },
        id="host-president-of-the-visited-country",
    ),
    pytest.param(
        "Lavrov meets Abdelatty",
        "Russian Foreign Minister Sergei Lavrov met Egyptian Foreign Minister Badr Abdelatty in "
        "Cairo on Monday, ministry spokeswoman Maria Zakharova said.",
        {
            "participants": {
                "Sergei Lavrov": ("RU", "visitor"),
                "Badr Abdelatty": ("EG", "host"),
            }
        },
        id="spokeswoman-is-not-a-participant",
    ),
    pytest.param(
        "Trump meets Saudi crown prince",
        "U.S. President Donald Trump met Saudi Crown Prince Mohammed bin Salman in Riyadh on "
        "Tuesday, with Nvidia chief executive Jensen Huang in attendance.",
        {
            "participants": {
                "Donald Trump": ("US", "visitor"),
                "Mohammed bin Salman": ("SA", "host"),
            }
        },
        id="company-chief-executive-is-not-a-participant",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), PEOPLE)
def test_people(extract_en, title, body, expected):
    check_single(extract_en(title, body), expected)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        pytest.param(
            "Modi meets Nvidia chief",
            "Nvidia chief executive Jensen Huang met Indian Prime Minister Narendra Modi in New "
            "Delhi on Wednesday.",
            id="chief-executive",
        ),
        pytest.param(
            "Chipmaker boss in India",
            "U.S. chipmaker Nvidia's chief executive Jensen Huang met Indian Prime Minister "
            "Narendra Modi in New Delhi on Wednesday.",
            id="chief-executive-of-a-foreign-company",
        ),
    ],
)
def test_a_company_chief_meeting_an_official_is_no_meeting(extract_en, title, body):
    assert extract_en(title, body).meetings == []


# --- kinds of meetings -----------------------------------------------------------------------

KINDS = [
    pytest.param(
        "Modi, Xi hold talks in Kazan",
        "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping held talks in "
        "Kazan, Russia, on Wednesday.",
        {
            "kind": "meeting",
            "city": "Kazan",
            "venue": "RU",
            "countries": {"IN", "CN", "RU"},
            "roles": {"IN": "participant", "CN": "participant"},
        },
        id="bilateral-in-a-third-country",
    ),
    pytest.param(
        "Macron, Modi meet at G20",
        "French President Emmanuel Macron met Indian Prime Minister Narendra Modi on the "
        "sidelines of the G20 summit in Johannesburg on Saturday.",
        {
            "kind": "meeting",
            "start": "2026-01-24",
            "city": "Johannesburg",
            "venue": "ZA",
            "countries": {"FR", "IN", "ZA"},
            "participants": {
                "Emmanuel Macron": ("FR", "participant"),
                "Narendra Modi": ("IN", "participant"),
            },
        },
        id="sidelines-meeting-not-the-summit",
    ),
    pytest.param(
        "Erdogan and Xi talk by phone",
        "Turkish President Recep Tayyip Erdoğan spoke by phone with Chinese President Xi Jinping "
        "on Thursday, the Turkish presidency said.",
        {
            "kind": "call",
            "status": "occurred",
            "start": "2026-01-29",
            "city": None,
            "venue": None,
            "countries": {"TR", "CN"},
            "known": {"recep-tayyip-erdogan": "participant", "xi-jinping": "participant"},
        },
        id="phone-call",
    ),
    pytest.param(
        "Japan, South Korea leaders to meet",
        "Japanese Prime Minister Sanae Takaichi and South Korean President Lee Jae-myung will "
        "meet next month, officials said.",
        {
            "kind": "meeting",
            "status": "planned",
            "venue": None,
            "countries": {"JP", "KR"},
        },
        id="meeting-without-venue",
    ),
]


@pytest.mark.parametrize(("title", "body", "expected"), KINDS)
def test_kinds(extract_en, title, body, expected):
    check_single(extract_en(title, body), expected)


def test_multi_country_tour_gives_one_visit_per_country(extract_en):
    result = extract_en(
        "Wang Yi tours Southeast Asia",
        "Chinese Foreign Minister Wang Yi visited Vietnam, Malaysia and Cambodia this week.",
    )
    assert sorted(m.venue_country for m in result.meetings) == ["KH", "MY", "VN"], describe(result)
    for meeting in result.meetings:
        assert meeting.kind == "visit"
        assert set(meeting.countries) == {"CN", meeting.venue_country}
        assert [(p.name, p.role) for p in meeting.participants] == [("Wang Yi", "visitor")]


@pytest.mark.parametrize(
    ("title", "body"),
    [
        pytest.param(
            "Modi reviews budget",
            "Indian Prime Minister Narendra Modi met External Affairs Minister Subrahmanyam "
            "Jaishankar in New Delhi on Wednesday to discuss the budget.",
            id="domestic-meeting",
        ),
        pytest.param(
            "Wang urges restraint",
            "Chinese Foreign Minister Wang Yi called for restraint in the Middle East at a press "
            "conference in Beijing on Thursday.",
            id="called-for-at-a-press-conference",
        ),
        pytest.param(
            "Merz on defence",
            "German Chancellor Friedrich Merz told reporters in Berlin on Wednesday that Europe "
            "must increase defence spending.",
            id="statement",
        ),
        pytest.param(
            "Ties with Russia",
            "India and Russia have long-standing ties, Indian Prime Minister Narendra Modi said "
            "in a statement on Thursday.",
            id="relations-only",
        ),
    ],
)
def test_no_meeting(extract_en, title, body):
    result = extract_en(title, body)
    assert result.meetings == [], describe(result)


# --- one encounter, one record ---------------------------------------------------------------

MODI_IN_TOKYO = (
    "Modi arrives in Tokyo for two-day visit",
    "Indian Prime Minister Narendra Modi arrived in Tokyo on Friday for a two-day visit.\n\n"
    "Modi will hold talks with Japanese Prime Minister Sanae Takaichi on Saturday.\n\n"
    "During the visit, the two leaders are expected to sign a defence pact.",
)


def test_headline_lead_and_later_paragraphs_make_one_visit(extract_en):
    title, body = MODI_IN_TOKYO
    meeting = single(extract_en(title, body))
    expected = {
        "kind": "visit",
        "status": "occurred",
        "start": "2026-01-30",
        "city": "Tokyo",
        "participants": {
            "Narendra Modi": ("IN", "visitor"),
            "Sanae Takaichi": ("JP", "host"),
        },
    }
    assert facts(meeting, expected) == expected
    assert [(span.field, span.text) for span in meeting.evidence] == [
        ("title", "Modi arrives in Tokyo for two-day visit"),
        (
            "body",
            "Indian Prime Minister Narendra Modi arrived in Tokyo on Friday for a two-day visit.",
        ),
        ("body", "Modi will hold talks with Japanese Prime Minister Sanae Takaichi on Saturday."),
        ("body", "During the visit, the two leaders are expected to sign a defence pact."),
    ]


def test_the_talks_add_evidence_to_the_meeting(extract_en):
    result = extract_en(
        "Fidan in Damascus",
        "Turkish Foreign Minister Hakan Fidan visited Damascus on Sunday and met Syrian President "
        "Ahmed al-Sharaa. The talks focused on border security.",
    )
    meeting = single(result)
    assert meeting.venue_country == "SY"
    assert "The talks focused on border security." in [span.text for span in meeting.evidence]


@pytest.mark.parametrize(
    ("title", "body", "current", "background"),
    [
        pytest.param(
            "Lavrov visits Ankara",
            "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday for talks with "
            "Turkish Foreign Minister Hakan Fidan.\n\nThe talks focused on Syria and Ukraine. "
            "Lavrov and Fidan last met in October in Moscow.",
            {"kind": "visit", "start": "2026-01-28", "precision": "day", "city": "Ankara"},
            {
                "kind": "visit",
                "status": "occurred",
                "start": "2025-10-01",
                "precision": "month",
                "city": "Moscow",
                "roles": {"RU": "host", "TR": "visitor"},
            },
            id="named-parties-last-met",
        ),
        pytest.param(
            "Saudi crown prince visits Washington",
            "Saudi Crown Prince Mohammed bin Salman arrived in Washington on Tuesday for talks "
            "with U.S. President Donald Trump. The two leaders met last May in Riyadh.",
            {"kind": "visit", "start": "2026-01-27", "precision": "day", "city": "Washington"},
            {
                "kind": "visit",
                "status": "occurred",
                "start": "2025-05-01",
                "precision": "month",
                "city": "Riyadh",
                "roles": {"SA": "host", "US": "visitor"},
            },
            id="the-two-leaders-met-last-May",
        ),
    ],
)
def test_background_meeting_is_a_separate_meeting(extract_en, title, body, current, background):
    result = extract_en(title, body)
    assert len(result.meetings) == 2, describe(result)
    first, second = sorted(result.meetings, key=lambda m: m.start or dt.date.min, reverse=True)
    assert facts(first, current) == current, describe(result)
    assert facts(second, background) == background, describe(result)


def test_habitual_visits_are_not_a_second_meeting(extract_en):
    result = extract_en(
        "Putin in India",
        "Russian President Vladimir Putin arrived in New Delhi on Thursday. Putin has visited "
        "India regularly since 2000.",
    )
    assert facts(single(result), {"start": "2026-01-29"}) == {"start": "2026-01-29"}


# --- dates -----------------------------------------------------------------------------------

DATES = [
    pytest.param(
        "Prabowo visits Canberra",
        "Indonesian President Prabowo Subianto visited Canberra on 12 November 2025 and met "
        "Australian Prime Minister Anthony Albanese.",
        PUBLISHED,
        {"start": "2025-11-12", "end": None, "precision": "day", "status": "occurred"},
        id="day-month-year",
    ),
    pytest.param(
        "Modi met Putin",
        "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow on "
        "20 February.",
        PUBLISHED,
        {"start": "2025-02-20", "precision": "day", "status": "occurred"},
        id="day-month-past-tense-last-year",
    ),
    pytest.param(
        "Putin to visit India",
        "Russian President Vladimir Putin will visit New Delhi on 10 January, the Kremlin said.",
        PUBLISHED,
        {"start": "2027-01-10", "precision": "day", "status": "planned"},
        id="day-month-future-tense-next-year",
    ),
    pytest.param(
        "Putin to visit India",
        "Russian President Vladimir Putin is expected to visit India in March, the Kremlin said "
        "on Thursday.",
        PUBLISHED,
        {"start": "2026-03-01", "end": None, "precision": "month", "status": "planned"},
        id="month-alone",
    ),
    pytest.param(
        "Takaichi to visit Manila",
        "Japanese Prime Minister Sanae Takaichi will visit Manila in early March for talks with "
        "Philippine President Ferdinand Marcos Jr.",
        PUBLISHED,
        {"start": "2026-03-01", "precision": "month", "status": "planned"},
        id="early-month-keeps-month-precision",
    ),
    pytest.param(
        "Lavrov in Ankara",
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday for talks with "
        "Turkish Foreign Minister Hakan Fidan.",
        PUBLISHED,
        {"start": "2026-01-28", "precision": "day", "status": "occurred"},
        id="weekday-past",
    ),
    pytest.param(
        "Lee to visit Tokyo",
        "South Korean President Lee Jae-myung will visit Tokyo on Monday for talks with Japanese "
        "Prime Minister Sanae Takaichi.",
        PUBLISHED,
        {"start": "2026-02-02", "precision": "day", "status": "planned"},
        id="weekday-future",
    ),
    pytest.param(
        "Modi visited Moscow",
        "Indian Prime Minister Narendra Modi visited Moscow last year and met Russian President "
        "Vladimir Putin.",
        PUBLISHED,
        {"start": "2025-01-01", "precision": "year", "status": "occurred"},
        id="last-year",
    ),
    pytest.param(
        "Modi to visit Moscow",
        "Indian Prime Minister Narendra Modi will visit Moscow next week, the Indian foreign "
        "ministry said.",
        PUBLISHED,
        {"start": "2026-02-02", "end": "2026-02-08", "precision": "day", "status": "planned"},
        id="next-week",
    ),
    pytest.param(
        "Wang meets Lavrov",
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing "
        "yesterday.",
        PUBLISHED,
        {"start": "2026-01-29", "precision": "day", "status": "occurred"},
        id="yesterday",
    ),
    pytest.param(
        "Modi to visit Japan",
        "Indian Prime Minister Narendra Modi will visit Japan on 22-23 April, the foreign "
        "ministry said.",
        PUBLISHED,
        {"start": "2026-04-22", "end": "2026-04-23", "precision": "day", "status": "planned"},
        id="day-range",
    ),
    pytest.param(
        "Modi visited Egypt",
        "Indian Prime Minister Narendra Modi visited Egypt from January 14 to 17 and met "
        "Egyptian President Abdel Fattah el-Sisi.",
        PUBLISHED,
        {"start": "2026-01-14", "end": "2026-01-17", "precision": "day", "status": "occurred"},
        id="from-to-range-past",
    ),
    pytest.param(
        "Modi to visit Egypt",
        "Indian Prime Minister Narendra Modi will visit Egypt from January 14 to 17, the "
        "foreign ministry said.",
        "2026-01-10",
        {"start": "2026-01-14", "end": "2026-01-17", "precision": "day", "status": "planned"},
        id="from-to-range-future-in-the-lead",
    ),
    pytest.param(
        "Modi to visit Egypt",
        "Indian Prime Minister Narendra Modi will begin a three-day visit to Egypt on Monday, "
        "the foreign ministry said.",
        PUBLISHED,
        {"start": "2026-02-02", "end": "2026-02-04", "precision": "day", "status": "planned"},
        id="duration-from-a-weekday",
    ),
    pytest.param(
        *MODI_IN_TOKYO,
        PUBLISHED,
        {"start": "2026-01-30", "end": "2026-01-31", "precision": "day"},
        id="two-day-visit-from-today",
    ),
    pytest.param(
        "Modi in Moscow",
        "Indian Prime Minister Narendra Modi held talks with Russian President Vladimir Putin "
        "in Moscow, his first visit there since 2015.",
        PUBLISHED,
        {"start": None, "precision": "unknown"},
        id="since-2015-is-not-the-date",
    ),
    pytest.param(
        "Putin to visit China",
        "Russian President Vladimir Putin is scheduled to visit Beijing on Monday, February 2, "
        "the Kremlin said.",
        PUBLISHED,
        {"start": "2026-02-02", "precision": "day", "status": "planned"},
        id="date-in-the-lead-is-no-dateline",
    ),
]


@pytest.mark.parametrize(("title", "body", "published", "expected"), DATES)
def test_dates(extract_en, title, body, published, expected):
    check_single(extract_en(title, body, published), expected)


def test_dateline_gives_venue_and_day_of_undated_talks(extract_en):
    result = extract_en(
        "Lavrov, Wang hold talks",
        "MOSCOW, April 13 (Reuters) - Russian Foreign Minister Sergei Lavrov held talks with his "
        "Chinese counterpart Wang Yi, the ministry said.",
        published="2026-04-14",
    )
    expected = {
        "start": "2026-04-13",
        "precision": "day",
        "city": "Moscow",
        "venue": "RU",
        "countries": {"RU", "CN"},
        "participants": {"Sergei Lavrov": ("RU", "host"), "Wang Yi": ("CN", "visitor")},
    }
    check_single(result, expected)


def test_dateline_day_is_the_reference_for_weekdays(extract_en):
    # Filed on Monday 13 April, published on Tuesday 14: "on Tuesday" is the week before.
    result = extract_en(
        "Lavrov met Wang",
        "MOSCOW, April 13 (Reuters) - Russian Foreign Minister Sergei Lavrov met Chinese Foreign "
        "Minister Wang Yi on Tuesday, the ministry said.",
        published="2026-04-14",
    )
    check_single(result, {"start": "2026-04-07", "city": "Moscow", "status": "occurred"})


# --- status ----------------------------------------------------------------------------------

STATUS = [
    pytest.param(
        "Takaichi to visit Washington",
        "Japanese Prime Minister Sanae Takaichi is expected to visit Washington in March for "
        "talks with U.S. President Donald Trump.",
        "planned",
        id="is-expected-to",
    ),
    pytest.param(
        "Lee to visit Tokyo",
        "South Korean President Lee Jae-myung is scheduled to visit Tokyo on February 12.",
        "planned",
        id="is-scheduled-to",
    ),
    pytest.param(
        "Modi to visit Moscow",
        "Indian Prime Minister Narendra Modi will travel to Moscow next month to meet Russian "
        "President Vladimir Putin.",
        "planned",
        id="will",
    ),
    pytest.param(
        "Lavrov in Ankara",
        "Russian Foreign Minister Sergei Lavrov held talks with Turkish Foreign Minister Hakan "
        "Fidan in Ankara on Wednesday.",
        "occurred",
        id="past-tense",
    ),
    pytest.param(
        "Rubio cancels trip",
        "U.S. Secretary of State Marco Rubio has called off a planned visit to Pretoria next "
        "week, the State Department said.",
        "cancelled",
        id="called-off",
    ),
    pytest.param(
        "Wang postpones Tokyo trip",
        "Chinese Foreign Minister Wang Yi has postponed his visit to Tokyo, the Japanese foreign "
        "ministry said.",
        "cancelled",
        id="postponed",
    ),
    pytest.param(
        "Takaichi's Seoul visit postponed",
        "A visit by Japanese Prime Minister Sanae Takaichi to Seoul, scheduled for February, has "
        "been postponed, officials said.",
        "cancelled",
        id="postponed-at-the-end-of-the-sentence",
    ),
    pytest.param(
        "Takaichi's Seoul visit postponed",
        "Japanese Prime Minister Sanae Takaichi's visit to Seoul on February 10 has been "
        "postponed to March 20, officials said.",
        "planned",
        id="postponed-to-a-new-date-is-planned-again",
    ),
    pytest.param(
        "Xi hosts Macron",
        "Chinese President Xi Jinping will host French President Emmanuel Macron in Beijing on "
        "Friday.",
        "occurred",
        id="planned-for-the-publication-day-is-under-way",
    ),
    pytest.param(
        "Erdogan in Cairo",
        "Turkish President Recep Tayyip Erdoğan was scheduled to meet Egyptian President Abdel "
        "Fattah el-Sisi in Cairo on Thursday.",
        "occurred",
        id="scheduled-for-the-day-before-publication",
    ),
]


@pytest.mark.parametrize(("title", "body", "status"), STATUS)
def test_status(extract_en, title, body, status):
    check_single(extract_en(title, body), {"status": status})


# --- evidence --------------------------------------------------------------------------------

EVIDENCE = [
    MODI_IN_TOKYO,
    (
        "Lavrov visits Ankara",
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday for talks with "
        "Turkish Foreign Minister Hakan Fidan.\n\nThe talks focused on Syria and Ukraine. "
        "Lavrov and Fidan last met in October in Moscow.",
    ),
    (
        "Wang Yi tours Southeast Asia",
        "Chinese Foreign Minister Wang Yi visited Vietnam, Malaysia and Cambodia this week.",
    ),
    (
        "Lavrov, Wang hold talks",
        "MOSCOW, April 13 (Reuters) - Russian Foreign Minister Sergei Lavrov held talks with his "
        "Chinese counterpart Wang Yi, the ministry said.",
    ),
    (
        "",
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday for talks with "
        "Turkish Foreign Minister Hakan Fidan.",
    ),
    (
        "Lavrov  arrives in\nAnkara",
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Wednesday.",
    ),
]


@pytest.mark.parametrize(
    ("title", "body"),
    EVIDENCE,
    ids=["headline-and-paragraphs", "two-meetings", "tour", "dateline", "no-title", "ragged-title"],
)
def test_evidence_offsets_slice_their_field(extract_en, title, body):
    result = extract_en(title, body)
    assert result.meetings, describe(result)
    for meeting in result.meetings:
        assert meeting.evidence
        for span in meeting.evidence:
            source = {"title": title, "body": body}[span.field]
            assert 0 <= span.start < span.end <= len(source), span
            assert source[span.start : span.end] == span.text, span


def test_evidence_includes_the_headline(extract_en):
    result = extract_en(
        "Putin to visit Turkey",
        "Russian President Vladimir Putin will visit Ankara on Monday for talks with Turkish "
        "President Recep Tayyip Erdoğan, the Kremlin said.",
    )
    meeting = single(result)
    assert [span.field for span in meeting.evidence] == ["title", "body"]
    assert meeting.evidence[0].text == "Putin to visit Turkey"
