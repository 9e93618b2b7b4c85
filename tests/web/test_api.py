"""The read-only JSON API: meetings with the timeline's filters, by cursor; one actor."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import ActorAlias, ActorRole, ParticipantRole
from tests.factories import add_source, make_actor, make_article, make_meeting

MEETINGS = reverse("events:meeting-api")


def _all_pages(client, params: dict) -> list[list[int]]:
    pages, url, query = [], MEETINGS, params
    while url:
        data = client.get(url, query).json()
        pages.append([meeting["id"] for meeting in data["results"]])
        url, query = data["next"], None
    return pages


def test_meetings_carry_participants_venue_dates_codes_and_sources(analyst_client, timeline):
    article = make_article(title="Visit report", url="https://news.example/visit")
    add_source(timeline["moscow"], article)
    response = analyst_client.get(MEETINGS, {"country": "RU", "kind": "visit"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["next"] is None
    [meeting] = data["results"]
    assert meeting["id"] == timeline["moscow"].pk
    assert meeting["kind"] == "visit" and meeting["status"] == "occurred"
    assert meeting["dates"] == {
        "start": "2026-01-27",
        "end": "2026-01-29",
        "precision": "day",
        "sort_date": "2026-01-27",
        "sort_date_reported": False,
    }
    assert meeting["venue"] == {"city": "Moscow", "country": {"code": "RU", "name": "Russia"}}
    roles = {p["name"]: (p["role"], p["country"]["code"]) for p in meeting["participants"]}
    assert roles == {"Xi Jinping": ("visitor", "CN"), "Vladimir Putin": ("host", "RU")}
    assert meeting["codes"]["cameo"] == "042; 043"
    assert "https://news.example/visit" in [source["url"] for source in meeting["sources"]]
    assert meeting["url"].endswith(reverse("events:meeting-detail", args=[meeting["id"]]))


def test_pages_follow_the_timeline_order_without_gaps_or_repeats(analyst_client, db):
    people = [make_actor("Envoy Ana", country="SY"), make_actor("Envoy Ivan", country="RU")]
    for number in range(7):
        make_meeting(title=f"Round {number}", start=dt.date(2024, 1, 1 + number // 2),
                     participants=people)  # fmt: skip
    make_meeting(title="Undated round", start=None, participants=people)
    pages = _all_pages(analyst_client, {"limit": 3})
    assert [len(page) for page in pages] == [3, 3, 2]
    ids = [pk for page in pages for pk in page]
    timeline = analyst_client.get(reverse("events:meeting-list")).context["page"].entries
    assert ids == [entry.meeting.pk for entry in timeline]
    oldest = [pk for page in _all_pages(analyst_client, {"limit": 2, "order": "oldest"})
              for pk in page]  # fmt: skip
    dated = ids[:-1]
    assert oldest == [*reversed(dated), ids[-1]]  # undated meetings come last either way


def test_a_cursor_is_stable_when_meetings_are_added(analyst_client, db):
    people = [make_actor("Envoy Ana", country="SY"), make_actor("Envoy Ivan", country="RU")]
    made = [
        make_meeting(title=f"Round {n}", start=dt.date(2024, 3, 1 + n), participants=people)
        for n in range(6)
    ]
    first = analyst_client.get(MEETINGS, {"limit": 3}).json()
    # Newer and older meetings arrive between two requests, one on the same day as the cursor.
    make_meeting(title="Newer", start=dt.date(2025, 1, 1), participants=people)
    make_meeting(title="Same day", start=dt.date(2024, 3, 4), participants=people)
    second = analyst_client.get(first["next"]).json()
    seen = [m["id"] for m in first["results"]] + [m["id"] for m in second["results"]]
    assert len(seen) == len(set(seen))
    assert [m.pk for m in reversed(made)][:6] == [pk for pk in seen if pk in {m.pk for m in made}]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"limit": "0"}, "limit"),
        ({"limit": "5000"}, "limit"),
        ({"date_from": "yesterday"}, "Invalid filters"),
        ({"country": "XX"}, "Invalid filters"),
    ],
)
def test_bad_parameters_get_a_clear_400(analyst_client, db, params, message):
    response = analyst_client.get(MEETINGS, params)
    assert response.status_code == 400
    assert message in response.json()["error"] or message in str(response.json())


def test_a_cursor_of_the_other_order_is_refused(analyst_client, timeline):
    first = analyst_client.get(MEETINGS, {"limit": 1}).json()
    cursor = first["next"].split("cursor=")[1].split("&")[0]
    response = analyst_client.get(MEETINGS, {"cursor": cursor, "order": "oldest"})
    assert response.status_code == 400


def test_actor_api(analyst_client, db):
    actor = make_actor("Retno Marsudi", country="ID")
    ActorAlias.objects.create(actor=actor, name="Retno L. P. Marsudi")
    ActorRole.objects.create(actor=actor, title="Foreign Minister", country_id="ID",
                             start_date=dt.date(2014, 10, 27))  # fmt: skip
    other = make_actor("Penny Wong", country="AU")
    make_meeting(participants=[(actor, ParticipantRole.VISITOR), (other, ParticipantRole.HOST)])
    data = analyst_client.get(reverse("events:actor-api", args=[actor.pk])).json()
    assert data["name"] == "Retno Marsudi"
    assert data["country"] == {"code": "ID", "name": "Indonesia"}
    assert data["aliases"] == ["Retno L. P. Marsudi"]
    assert data["roles"][0]["title"] == "Foreign Minister"
    assert data["roles"][0]["start"] == "2014-10-27"
    meetings = analyst_client.get(data["meetings_url"]).json()["results"]
    assert len(meetings) == 1
    missing = analyst_client.get(reverse("events:actor-api", args=[actor.pk + 100]))
    assert missing.status_code == 404 and "error" in missing.json()


@pytest.mark.parametrize("url", [MEETINGS, reverse("events:actor-api", args=[1])])
def test_api_refuses_anonymous_users(client, db, url):
    assert client.get(url).status_code == 401


@pytest.mark.parametrize("url", [MEETINGS, reverse("events:actor-api", args=[1])])
def test_api_refuses_users_without_a_role(nobody_client, db, url):
    response = nobody_client.get(url)
    assert response.status_code == 403
    assert "analysts and editors" in response.json()["error"]
