"""Planned meetings ahead, those not confirmed, and the calendar feed with its private links."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.calendar import meeting_uid
from events.models import CalendarToken, DatePrecision, MeetingStatus
from tests.factories import add_source, make_actor, make_article, make_meeting

UPCOMING = reverse("events:upcoming")
FEED = reverse("events:upcoming-calendar")


@pytest.fixture
def planned(db):
    """Two planned meetings ahead (one known to the month), one whose day passed, one held."""
    today = timezone.localdate()
    lula = make_actor("Luiz Lula", country="BR")
    ramaphosa = make_actor("Cyril Ramaphosa", country="ZA")
    soon = make_meeting(
        title="Lula to visit Pretoria",
        status=MeetingStatus.PLANNED,
        start=today + dt.timedelta(days=10),
        end=today + dt.timedelta(days=11),
        city="Pretoria",
        country="ZA",
        participants=[lula, ramaphosa],
    )
    add_source(soon, make_article(published_on=today - dt.timedelta(days=3)))
    this_month = make_meeting(
        title="Ramaphosa expected in Brasilia",
        status=MeetingStatus.PLANNED,
        start=today.replace(day=1),
        precision=DatePrecision.MONTH,
        participants=[ramaphosa, lula],
    )
    missed = make_meeting(
        title="Talks that were never reported held",
        status=MeetingStatus.PLANNED,
        start=today - dt.timedelta(days=40),
        participants=[lula, ramaphosa],
    )
    held = make_meeting(
        title="Talks that took place",
        status=MeetingStatus.OCCURRED,
        start=today + dt.timedelta(days=1),
        participants=[lula, ramaphosa],
    )
    return {"soon": soon, "this_month": this_month, "missed": missed, "held": held}


def test_upcoming_lists_planned_meetings_soonest_first_with_their_announcement(
    analyst_client, planned
):
    response = analyst_client.get(UPCOMING)
    assert response.status_code == 200
    assert [m.pk for m in response.context["meetings"]] == [
        planned["this_month"].pk,
        planned["soon"].pk,
    ]
    assert [m.pk for m in response.context["not_confirmed"]] == [planned["missed"].pk]
    page = response.content.decode()
    announced = timezone.localdate() - dt.timedelta(days=3)
    assert f"announced {announced.day} " in page
    assert "Not confirmed" in page


def test_upcoming_takes_the_timeline_filters(analyst_client, planned):
    response = analyst_client.get(UPCOMING, {"country": "ZA"})
    # Every one of them has a South African participant.
    assert len(response.context["meetings"]) == 2
    response = analyst_client.get(UPCOMING, {"q": "Pretoria"})
    assert [m.pk for m in response.context["meetings"]] == [planned["soon"].pk]


def _events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_calendar_feed_parses_with_stable_uids(analyst_client, planned):
    response = analyst_client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    events = _events(response.content)
    assert set(events) == {meeting_uid(planned["soon"]), meeting_uid(planned["this_month"])}
    soon = events[meeting_uid(planned["soon"])]
    assert soon["dtstart"].dt == planned["soon"].start_date
    assert soon["dtend"].dt == planned["soon"].end_date + dt.timedelta(days=1)
    assert str(soon["location"]) == "Pretoria, South Africa"
    assert "Luiz Lula" in str(soon["description"])
    month = events[meeting_uid(planned["this_month"])]
    assert month["dtend"].dt.day == 1 and month["dtend"].dt > month["dtstart"].dt
    # Read again: the same UIDs, so a calendar updates its events instead of adding more.
    assert set(_events(analyst_client.get(FEED).content)) == set(events)


def test_calendar_feed_takes_the_filters(analyst_client, planned):
    events = _events(analyst_client.get(FEED, {"q": "Pretoria"}).content)
    assert set(events) == {meeting_uid(planned["soon"])}
    assert analyst_client.get(FEED, {"date_from": "tomorrow"}).status_code == 400


def test_a_calendar_app_reads_the_feed_with_the_token_and_not_after_revoking(
    client, analyst_user, planned
):
    client.force_login(analyst_user)
    client.post(reverse("events:calendar-link"), {"action": "renew", "q": "Pretoria"})
    token = CalendarToken.objects.get(user=analyst_user)
    page = client.get(UPCOMING, {"q": "Pretoria"}).content.decode()
    assert f"token={token.key}" in page
    client.logout()

    app = client  # no session, as a calendar app
    assert app.get(FEED).status_code == 401
    response = app.get(FEED, {"token": token.key, "q": "Pretoria"})
    assert response.status_code == 200
    assert set(_events(response.content)) == {meeting_uid(planned["soon"])}

    app.force_login(analyst_user)
    app.post(reverse("events:calendar-link"), {"action": "renew"})
    app.logout()
    assert app.get(FEED, {"token": token.key}).status_code == 403  # the old link is revoked
    renewed = CalendarToken.objects.get(user=analyst_user)
    assert app.get(FEED, {"token": renewed.key}).status_code == 200

    app.force_login(analyst_user)
    app.post(reverse("events:calendar-link"), {"action": "revoke"})
    app.logout()
    assert not CalendarToken.objects.filter(user=analyst_user).exists()
    assert app.get(FEED, {"token": renewed.key}).status_code == 403


def test_a_token_of_a_user_who_lost_the_role_is_refused(client, analyst_user, planned):
    from events.calendar import calendar_token_renew

    token = calendar_token_renew(user=analyst_user)
    analyst_user.groups.clear()
    assert client.get(FEED, {"token": token.key}).status_code == 403


def test_making_a_link_needs_a_post_and_a_role(analyst_client, nobody_client, db):
    assert analyst_client.get(reverse("events:calendar-link")).status_code == 405
    assert nobody_client.post(reverse("events:calendar-link")).status_code == 403
