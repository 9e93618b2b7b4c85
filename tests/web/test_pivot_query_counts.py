"""The pivot pages and the API read a fixed number of queries, however many meetings they
show: at most 8 each (4 of them for the session, the user and their permissions)."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import (
    ActorAlias,
    ActorRole,
    Meeting,
    MeetingKind,
    MeetingSource,
    MeetingStatus,
    Participant,
    ParticipantRole,
)
from events.search import meeting_refresh_search
from tests.factories import make_actor, make_article


@pytest.fixture
def busy(db):
    """Sixty meetings among officials of four countries, each with sources, some planned."""
    countries = ["SY", "RU", "TR", "IR"]
    actors = [make_actor(f"Official {n}", country=c) for n, c in enumerate(countries * 2)]
    for actor in actors:
        ActorAlias.objects.create(actor=actor, name=f"{actor.name} alias")
        ActorRole.objects.create(actor=actor, title="Minister", country_id=actor.country_id)
    today = dt.date.today()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title=f"Talks {n}",
            kind=MeetingKind.VISIT if n % 2 else MeetingKind.MEETING,
            status=MeetingStatus.PLANNED if n % 5 == 0 else MeetingStatus.OCCURRED,
            start_date=today + dt.timedelta(days=n * 7 - 200),
            date_precision="day",
            city="Moscow",
            country_id="RU",
        )
        for n in range(60)
    )
    Participant.objects.bulk_create(
        Participant(meeting=meeting, actor=actor, role=role)
        for n, meeting in enumerate(meetings)
        for actor, role in (
            (actors[n % 8], ParticipantRole.VISITOR),
            (actors[(n + 1) % 8], ParticipantRole.HOST),
            (actors[(n + 2) % 8], ParticipantRole.PARTICIPANT),
        )
    )
    MeetingSource.objects.bulk_create(
        MeetingSource(meeting=meeting, article=make_article()) for meeting in meetings
    )
    meeting_refresh_search(meetings=Meeting.objects.all())
    return {"actor": actors[0], "meeting": meetings[10]}


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("actor", {}),
        ("actor", {"kind": "visit", "date_from": "2000-01-01"}),
        ("country", {}),
        ("country", {"q": "talks"}),
        ("pair", {}),
        ("pair", {"status": "occurred"}),
        ("matrix", {}),
        ("matrix", {"country": "SY"}),
        ("upcoming", {}),
        ("calendar", {}),
        ("related", {}),
        ("api", {}),
        ("api", {"limit": "200", "country": "TR"}),
        ("actor-api", {}),
    ],
)
def test_each_page_answers_in_at_most_8_queries(
    analyst_client, busy, django_assert_max_num_queries, page, params
):
    url = {
        "actor": reverse("events:actor-detail", args=[busy["actor"].pk]),
        "country": reverse("events:country-detail", args=["SY"]),
        "pair": reverse("events:country-pair", args=["SY", "RU"]),
        "matrix": reverse("events:country-matrix"),
        "upcoming": reverse("events:upcoming"),
        "calendar": reverse("events:upcoming-calendar"),
        "related": reverse("events:meeting-related", args=[busy["meeting"].pk]),
        "api": reverse("events:meeting-api"),
        "actor-api": reverse("events:actor-api", args=[busy["actor"].pk]),
    }[page]
    with django_assert_max_num_queries(8):
        response = analyst_client.get(url, params)
    assert response.status_code == 200


def test_api_next_page_in_at_most_8_queries(analyst_client, busy, django_assert_max_num_queries):
    first = analyst_client.get(reverse("events:meeting-api"), {"limit": 20}).json()
    with django_assert_max_num_queries(8):
        second = analyst_client.get(first["next"])
    assert len(second.json()["results"]) == 20
