"""Meetings that name no delegate: standing bodies and their rounds, side gatherings, leads
that say when, and venues read with the state that held them on the day.

Every text is written for the test. Only the fields a case cares about are compared.
"""

import datetime as dt

import pytest

from events.extraction.engine import extract
from events.extraction.history import country_on
from events.extraction.people import ActorDirectory
from events.extraction.types import ArticleInput, ExtractionResult, KnownActor, organisation_since

JAKARTA = "Jakarta, CNN Indonesia -- "


def summary(result: ExtractionResult) -> list[tuple]:
    return sorted(
        (m.kind, m.status, str(m.start), m.precision, m.city, tuple(m.countries))
        for m in result.meetings
    )


def test_a_joint_working_group_between_two_named_countries_is_a_meeting(extract_id):
    result = extract_id(
        "Indonesia dan Jepang gelar JWG perikanan",
        JAKARTA + "Untuk memperkuat kerja sama antara Indonesia dan Jepang di bidang perikanan, "
        "Kementerian Kelautan menggelar Joint Working Group (JWG) ke-empat yang dilaksanakan "
        "pada 12-13 Maret 2025 di Hotel Sahid Jaya, Jakarta.",
        published="2025-03-14",
    )
    assert summary(result) == [
        ("meeting", "occurred", "2025-03-12", "day", "Jakarta", ("ID",)),
    ]
    assert result.meetings[0].end == dt.date(2025, 3, 13)


def test_earlier_rounds_listed_by_ordinal_are_meetings_of_their_own(extract_id):
    result = extract_id(
        "Indonesia dan Jepang gelar JWG perikanan",
        JAKARTA + "Untuk memperkuat kerja sama antara Indonesia dan Jepang di bidang perikanan, "
        "Kementerian Kelautan menggelar Joint Working Group (JWG) ke-empat yang dilaksanakan "
        "pada 12-13 Maret 2025 di Hotel Sahid Jaya, Jakarta.\n\n"
        "Menurut seorang pejabat, JWG sebelumnya sudah digelar tiga kali. Yang pertama di "
        "Surabaya pada 2019 dan yang kedua di Osaka, Jepang, pada 2022 lalu.",
        published="2025-03-14",
    )
    assert summary(result) == [
        ("meeting", "occurred", "2019-01-01", "year", "Surabaya", ("ID",)),
        ("meeting", "occurred", "2022-01-01", "year", "Osaka", ("JP",)),
        ("meeting", "occurred", "2025-03-12", "day", "Jakarta", ("ID",)),
    ]


def test_the_acronym_of_a_meeting_body_is_a_meeting_word_where_it_recurs(extract_en):
    result = extract_en(
        "Fisheries commission meets",
        "Indonesia and Japan held their Joint Commission (JC) in Jakarta on March 12. "
        "The JC is set to meet again in Tokyo in 2026.",
        published="2025-03-14",
    )
    cities = sorted(m.city for m in result.meetings)
    assert "Jakarta" in cities


def test_an_unnamed_mission_abroad_negotiating_with_banks_is_no_meeting(extract_en):
    result = extract_en(
        "Debt talks",
        "An Argentine mission is now in the United States concluding negotiations on debt "
        "repayment with creditor banks.",
    )
    assert result.meetings == []


def test_a_small_meeting_on_the_sidelines_of_a_forum_is_apart_from_the_forum(extract_id):
    result = extract_id(
        "Tiga menteri bertemu di Bangkok",
        JAKARTA + "Pernyataan itu disampaikan usai pertemuan tiga negara di sela forum "
        "regional di Bangkok, Thailand, Senin (12/8).",
        published="2024-08-13",
    )
    assert sorted((m.kind, str(m.start), m.city) for m in result.meetings) == [
        ("meeting", "2024-08-12", "Bangkok"),
        ("multilateral", "2024-08-12", "Bangkok"),
    ]


def test_the_lead_dates_the_planned_gathering_the_next_sentence_tells_of(extract_id):
    # Published on Wednesday 17 May 2017: "akhir pekan ini" is Saturday 20 and Sunday 21.
    result = extract_id(
        "Menteri perdagangan akan bertemu",
        JAKARTA + "Negara-negara anggota pakta dagang itu akhir pekan ini akan menentukan "
        "masa depan kesepakatan mereka.\n\n"
        "Para menteri perdagangan akan berbicara di sela konferensi Kerja Sama Ekonomi Asia "
        "Pasifik (APEC) di Hanoi, Vietnam.",
        published="2017-05-17",
    )
    meeting = next(m for m in result.meetings if m.city == "Hanoi")
    assert (meeting.status, meeting.start, meeting.end) == (
        "planned",
        dt.date(2017, 5, 20),
        dt.date(2017, 5, 21),
    )


def test_a_new_round_told_before_the_first_takes_its_people(extract_en):
    result = extract_en(
        "Talks conclude",
        "Iran and the US held their highest-level meeting in years. Both parties described the "
        "discussions as constructive and agreed to convene again on April 19th.\n\n"
        "The meeting in Muscat, the Omani capital, on April 12th, involved delegations led by "
        "Abbas Araghchi, Iran's foreign minister, and Steve Witkoff, the US special envoy.",
        published="2025-04-15",
    )
    rounds = {m.start: m for m in result.meetings}
    assert set(rounds) == {dt.date(2025, 4, 12), dt.date(2025, 4, 19)}
    later = rounds[dt.date(2025, 4, 19)]
    assert later.status == "planned"
    assert {p.name for p in later.participants} >= {"Abbas Araghchi", "Steve Witkoff"}


def test_an_embassy_named_by_its_country_is_no_venue(extract_en):
    result = extract_en(
        "Shultz in Moscow",
        "MOSCOW, April 13 - U.S. Secretary of State George Shultz met Soviet Foreign Minister "
        "Eduard Shevardnadze today. Shultz is expected to raise a spying case at the U.S. "
        "Embassy during the talks.",
        published="1987-04-13",
    )
    meeting = result.meetings[0]
    assert (meeting.city, meeting.venue_country) == ("Moscow", "SU")


@pytest.mark.parametrize(
    ("code", "day", "state"),
    [
        ("RU", dt.date(1987, 4, 13), "SU"),
        ("RU", dt.date(1992, 1, 1), "RU"),
        ("LT", dt.date(1991, 10, 1), "LT"),
        ("HR", dt.date(1990, 5, 1), "YU"),
        ("RS", dt.date(2001, 1, 1), "YU"),
        ("SK", dt.date(1992, 12, 31), "CS"),
        ("SK", dt.date(1993, 1, 1), "SK"),
        ("FR", dt.date(1950, 1, 1), "FR"),
    ],
)
def test_a_place_belongs_to_the_state_that_held_it_on_the_day(code, day, state):
    assert country_on(code, day) == state


def test_a_postponed_visit_takes_its_new_date(extract_en):
    result = extract_en(
        "Takaichi's Seoul visit postponed",
        "Japanese Prime Minister Sanae Takaichi's visit to Seoul on February 10 has been "
        "postponed to March 20, officials said.",
    )
    assert [(m.status, m.start) for m in result.meetings] == [("planned", dt.date(2026, 3, 20))]


def test_the_day_in_the_lead_refines_the_week_in_the_headline(extract_id):
    # Published on Monday 12 May 2025: "pekan ini" is 12-18 May, Thursday 15/5 is inside it.
    result = extract_id(
        "PM Australia Anthony Albanese dijadwalkan berkunjung ke Jakarta pekan ini",
        JAKARTA + "Perdana Menteri Australia Anthony Albanese dijadwalkan berkunjung ke Jakarta "
        "pada Kamis (15/5/2025) untuk bertemu Presiden Prabowo Subianto.",
        published="2025-05-12",
    )
    assert [(m.start, m.end, m.precision) for m in result.meetings] == [
        (dt.date(2025, 5, 15), None, "day")
    ]


def test_a_date_in_a_clause_about_a_person_is_not_the_meetings(extract_en):
    result = extract_en(
        "Wang in Jakarta",
        "Chinese Foreign Minister Wang Yi was scheduled to meet Indonesian Defence Minister "
        "Prabowo Subianto, who won the presidential election in February.",
        published="2024-04-19",
    )
    assert [(m.start, m.precision) for m in result.meetings] == [(None, "unknown")]


def test_a_named_summit_gathers_countries_even_with_only_its_host_named(extract_id):
    result = extract_id(
        "KTT Rusia–Arab ditunda",
        JAKARTA + "Konferensi Tingkat Tinggi (KTT) Rusia–Arab yang pertama, yang sedianya "
        "digelar di Moskwa pada 15 Oktober 2025, ditunda.",
        published="2025-10-10",
    )
    assert [(m.kind, m.status, m.start, m.city) for m in result.meetings] == [
        ("multilateral", "cancelled", dt.date(2025, 10, 15), "Moscow")
    ]


def test_a_summit_of_two_named_countries_is_no_gathering_of_many(extract_en):
    result = extract_en(
        "Summit statement",
        "The Japan-Malaysia summit statement covers maritime safety and cyber-security.",
    )
    assert result.meetings == []


def test_a_date_nearer_another_encounter_of_the_sentence_is_not_this_ones(extract_en):
    result = extract_en(
        "Wang in Jakarta",
        "Chinese Foreign Minister Wang Yi held talks with Indonesian Foreign Minister Retno "
        "Marsudi in Jakarta on Thursday, 18 April 2024, at the start of a regional tour that "
        "also takes him to Cambodia and Papua New Guinea.",
        published="2024-04-19",
    )
    dates = {m.venue_country: m.start for m in result.meetings}
    assert dates == {"ID": dt.date(2024, 4, 18), "KH": None, "PG": None}


@pytest.mark.parametrize(
    ("roles", "since"),
    [
        (
            [("PT", dt.date(1995, 1, 1), dt.date(2002, 12, 31)), (None, dt.date(2017, 1, 1), None)],
            dt.date(2017, 1, 1),
        ),
        ([("PT", dt.date(1995, 1, 1), None), (None, dt.date(2017, 1, 1), None)], None),
        ([(None, dt.date(2017, 1, 1), dt.date(2020, 1, 1))], None),
        ([(None, None, None)], dt.date.min),
        ([], None),
    ],
)
def test_an_open_post_without_a_country_is_an_organisations(roles, since):
    assert organisation_since(roles) == since


def test_an_organisations_head_visits_for_the_organisation_not_his_country():
    guterres = KnownActor(
        key="guterres",
        name="António Guterres",
        country="PT",
        aliases=("Guterres",),
        organisation_since=dt.date(2017, 1, 1),
    )
    putin = KnownActor(key="putin", name="Vladimir Putin", country="RU", aliases=("Putin",))
    directory = ActorDirectory([guterres, putin])

    def visit(published: str):
        article = ArticleInput(
            "Guterres in Moscow",
            "Guterres met Putin in Moscow on Friday.",
            dt.date.fromisoformat(published),
            "en",
        )
        [meeting] = extract(article, directory).meetings
        return meeting.kind, {p.name: (p.country, p.role) for p in meeting.participants}

    assert visit("2025-03-01") == (
        "visit",
        {"António Guterres": (None, "visitor"), "Vladimir Putin": ("RU", "host")},
    )
    assert visit("1998-03-01")[1]["António Guterres"] == ("PT", "visitor")
