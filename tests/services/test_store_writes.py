"""What storing an article writes: a new meeting is inserted whole (one row, one history row,
no update after), its derived rows are inserted without being read or deleted first, and the
people of an article are resolved in a few queries, not a few for each person."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.country_index import meeting_refresh_countries
from events.models import Meeting, MeetingCountry, MeetingPair, MeetingSearch, ReviewState
from events.search import meeting_refresh_search
from events.store import meetings_replace_for_article
from events.titles import meeting_title
from tests.factories import evidence_span, make_article, make_finding, person_finding

VISITOR = person_finding("Ilse Marten", "DE", "visitor", title="Chancellor")
HOST = person_finding("Tomas Oyelaran", "NG", "host", title="President")
AIDE = person_finding("Ada Brennick", "DE", "visitor", title="Foreign Minister")


def store(body: str, *findings, published=dt.date(2025, 3, 4)):
    article = make_article(body=body, published_on=published)
    findings = [
        make_finding(evidence=[evidence_span(article, body)], **fields) for fields in findings
    ]
    return article, meetings_replace_for_article(article=article, findings=findings)


def statements(queries, verb: str, table: str) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(verb) and f'"{table}"' in q["sql"]
    ]


def test_a_new_meeting_is_inserted_whole_with_one_history_row(db):
    with CaptureQueriesContext(connection) as queries:
        _, (meeting,) = store(
            "Marten flew to Abuja to see Oyelaran.",
            dict(city="Abuja", venue="NG", participants=[VISITOR, AIDE, HOST]),
        )

    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.title == meeting_title(meeting)
    assert meeting.decided_by and meeting.sort_date == dt.date(2025, 10, 15)
    history = list(meeting.history.values_list("history_type", "title"))
    assert history == [("+", meeting.title)]
    assert statements(queries, "UPDATE", "events_meeting") == []
    for table in ("events_meetingcountry", "events_meetingpair", "events_meetingsearch"):
        assert statements(queries, "DELETE", table) == []
        assert statements(queries, "SELECT", table) == []


def test_a_new_meetings_derived_rows_are_what_a_refresh_derives(db):
    _, (meeting,) = store(
        "Marten flew to Abuja to see Oyelaran.",
        dict(city="Abuja", venue="NG", participants=[VISITOR, HOST]),
    )
    stored = (
        set(MeetingCountry.objects.values_list("country_id", "visiting", "hosting")),
        set(MeetingPair.objects.values_list("first_id", "second_id")),
        MeetingSearch.objects.get(meeting=meeting).document,
        Meeting.objects.values_list("sort_date", "sort_date_reported").get(),
    )
    MeetingCountry.objects.all().delete()
    MeetingPair.objects.all().delete()
    MeetingSearch.objects.all().delete()
    Meeting.objects.update(sort_date=None)

    meeting_refresh_search(meetings=Meeting.objects.all())

    assert stored == (
        set(MeetingCountry.objects.values_list("country_id", "visiting", "hosting")),
        set(MeetingPair.objects.values_list("first_id", "second_id")),
        MeetingSearch.objects.get(meeting=meeting).document,
        Meeting.objects.values_list("sort_date", "sort_date_reported").get(),
    )
    assert stored[1] == {("DE", "NG")}


def test_an_undated_new_meeting_is_placed_on_its_reports_day(db):
    _, (meeting,) = store(
        "Marten will see Oyelaran.",
        dict(start=None, city="Abuja", venue="NG", participants=[VISITOR, HOST]),
        published=dt.date(2024, 7, 9),
    )
    meeting.refresh_from_db()
    assert (meeting.sort_date, meeting.sort_date_reported) == (dt.date(2024, 7, 9), True)


def test_an_existing_meetings_changed_country_rows_are_replaced(db):
    _, (meeting,) = store(
        "Marten flew to Abuja to see Oyelaran.",
        dict(city="Abuja", venue="NG", participants=[VISITOR, HOST]),
    )
    MeetingPair.objects.update(first_id="FR")

    meeting_refresh_countries([meeting.pk])

    assert set(MeetingPair.objects.values_list("first_id", "second_id")) == {("DE", "NG")}


@pytest.mark.parametrize("people", [2, 12])
def test_an_articles_people_are_read_in_a_fixed_number_of_queries(db, people):
    finding_people = [
        person_finding(f"Person Number{index} Tester", "DE", "participant", title="Minister")
        for index in range(people)
    ]
    # Seen once: every later reading finds them all stored, with their roles.
    store("Many ministers met.", dict(participants=finding_people))
    with CaptureQueriesContext(connection) as queries:
        store("Many ministers met again.", dict(participants=finding_people))

    tables = ("events_actor", "events_actoralias", "events_actorrole")
    reads = [
        q
        for q in queries
        if q["sql"].lstrip().upper().startswith("SELECT")
        and any(f'FROM "{table}"' in q["sql"] for table in tables)
    ]
    assert len(reads) <= 4


def test_curated_meetings_nearby_are_read_in_a_fixed_number_of_queries(db):
    # Ten meetings an editor verified, in the same country and month as the new one: each is
    # compared with it, and read with its people and sources in a few queries for all ten.
    guests = ["FR", "IT", "ES", "PL", "SE", "JP", "BR", "IN", "KE", "CA"]
    for index, country in enumerate(guests):
        guest = person_finding(f"Guest Number{index} Tester", country, "visitor", title="Minister")
        store(
            f"Guest {index} flew to Abuja.",
            dict(
                start=dt.date(2025, 10, 1 + 3 * index),
                city="Abuja",
                venue="NG",
                participants=[guest],
            ),
        )
    Meeting.objects.update(review_state=ReviewState.VERIFIED)

    with CaptureQueriesContext(connection) as queries:
        store(
            "Marten flew to Abuja to see Oyelaran.",
            dict(city="Abuja", venue="NG", participants=[VISITOR, HOST]),
        )

    reads = statements(queries, "SELECT", "events_participant") + statements(
        queries, "SELECT", "events_meetingsource"
    )
    assert Meeting.objects.count() == 11
    assert len(reads) <= 8
