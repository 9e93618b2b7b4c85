"""Each page's queries are few and do not grow with the meetings shown (no query per row).

Every request spends 4 on the session, the user and their permissions (user and group). The
timeline's pages read the data version too (events.data_version; in the suite at every request,
in production at most once a second per process), and are counted here without the page cache,
as on a first visit."""

import datetime as dt

import pytest
from django.urls import reverse

from events.exports import EXPORT_CHUNK
from events.models import Meeting, MeetingSource, Participant
from events.search import meeting_refresh_search
from events.timeline import PER_PAGE
from tests.factories import make_actor, make_article

TIMELINE = reverse("events:meeting-list")


@pytest.fixture
def busy_timeline(db):
    """More than two pages of meetings, each with three participants and two sources."""
    actors = [make_actor(f"Envoy {n}", country=c) for n, c in enumerate(["RU", "CN", "IN"] * 3)]
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title=f"Talks {number}",
            start_date=dt.date(2020, 1, 1) + dt.timedelta(days=number * 9),
            date_precision="day",
            city="Moscow",
            country_id="RU",
        )
        for number in range(PER_PAGE * 2 + 5)
    )
    Participant.objects.bulk_create(
        Participant(meeting=meeting, actor=actor)
        for number, meeting in enumerate(meetings)
        for actor in actors[number % 3 :: 3]
    )
    MeetingSource.objects.bulk_create(
        MeetingSource(meeting=meeting, article=make_article())
        for meeting in meetings
        for _ in range(2)
    )
    meeting_refresh_search(meetings=Meeting.objects.all())
    return actors


@pytest.mark.parametrize(
    ("params", "queries"),
    [
        ({}, 8),
        ({"country": "CN"}, 9),
        ({"actor": "first"}, 9),
        ({"date_from": "2020-03-01", "date_to": "2021-06-30"}, 8),
        ({"q": "envoy talks"}, 8),
        ({"page": "3"}, 8),
        ({"order": "oldest", "kind": "meeting", "status": "occurred"}, 8),
    ],
)
def test_timeline_pages(
    analyst_client, busy_timeline, django_assert_max_num_queries, params, queries
):
    if params.get("actor") == "first":
        params = {"actor": busy_timeline[0].pk}
    with django_assert_max_num_queries(queries):
        response = analyst_client.get(TIMELINE, params)
    assert response.status_code == 200
    assert response.context["page"].entries


def test_results_fragment_and_scrolled_pages(
    analyst_client, busy_timeline, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        analyst_client.get(TIMELINE, {"kind": "meeting"}, headers={"HX-Request": "true"})
    with django_assert_max_num_queries(7):  # no count
        analyst_client.get(
            TIMELINE, {"page": 2}, headers={"HX-Request": "true", "HX-Target": "timeline-more"}
        )


def test_histogram(analyst_client, busy_timeline, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = analyst_client.get(reverse("events:meeting-histogram"))
    assert "Meetings per month" in response.text
    with django_assert_max_num_queries(7):
        analyst_client.get(reverse("events:meeting-histogram"), {"country": "IN"})


def test_suggestions(analyst_client, busy_timeline, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        analyst_client.get(reverse("events:actor-suggestions"), {"term": "envoy"})
    with django_assert_max_num_queries(5):
        analyst_client.get(reverse("events:country-suggestions"), {"term": "ind"})


def test_export_queries_per_chunk_not_per_meeting(
    analyst_client, busy_timeline, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr("events.exports.EXPORT_CHUNK", 40)
    meetings = PER_PAGE * 2 + 5
    chunks = -(-meetings // 40)
    # The session, the user, permissions, the count that keeps the export inline (not a job),
    # the meetings, then participants and sources a chunk, and the actors of the first chunk
    # (later chunks meet the same ones).
    with django_assert_max_num_queries(4 + 1 + 1 + 2 * chunks + 1):
        response = analyst_client.get(reverse("events:meeting-export"))
        rows = b"".join(response.streaming_content).decode().splitlines()
    assert len(rows) == 1 + meetings
    assert EXPORT_CHUNK >= 1000  # the real chunk is large
