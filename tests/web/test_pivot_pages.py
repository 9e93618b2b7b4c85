"""The pages to pivot on: an actor, a country, two countries, who met whom, related meetings."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import ActorAlias, ActorRole, MeetingKind, ParticipantRole
from tests.factories import make_actor, make_meeting


def test_actor_page_shows_aliases_roles_meetings_and_countries_met(analyst_client, timeline):
    modi = timeline["actors"]["modi"]
    ActorAlias.objects.create(actor=modi, name="Narendra Damodardas Modi")
    ActorRole.objects.create(
        actor=modi, title="Prime Minister", country_id="IN", start_date=dt.date(2014, 5, 26)
    )
    response = analyst_client.get(reverse("events:actor-detail", args=[modi.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Narendra Damodardas Modi" in page
    assert "Prime Minister, India" in page
    assert "from 26 May 2014" in page
    titles = [meeting.title for meeting in response.context["meetings"]]
    # Newest first; the rejected meeting and other people's are not there.
    assert titles == [
        "Narendra Modi visits Jakarta",
        "Call: Narendra Modi and Joko Widodo",
        "Meeting of Vladimir Putin and Narendra Modi",
    ]
    ranked = [(c.code, c.count) for c in response.context["counterparts"]]
    assert ranked == [("ID", 2), ("RU", 1)]
    assert f'href="{reverse("events:country-detail", args=["ID"])}"' in page


def test_actor_page_takes_the_timeline_filters(analyst_client, timeline):
    modi = timeline["actors"]["modi"]
    url = reverse("events:actor-detail", args=[modi.pk])
    response = analyst_client.get(url, {"kind": "call"})
    assert [m.title for m in response.context["meetings"]] == [
        "Call: Narendra Modi and Joko Widodo"
    ]
    assert "Narrowed by the timeline" in response.content.decode()
    assert analyst_client.get(url, {"date_from": "not a date"}).status_code == 400


def test_unknown_actor_or_country_is_404(analyst_client, db):
    assert analyst_client.get(reverse("events:actor-detail", args=[999999])).status_code == 404
    assert analyst_client.get(reverse("events:country-detail", args=["QQ"])).status_code == 404
    assert analyst_client.get(reverse("events:country-pair", args=["RU", "QQ"])).status_code == 404


def test_country_page_counts_visits_made_and_received_per_year(analyst_client, timeline):
    response = analyst_client.get(reverse("events:country-detail", args=["IN"]))
    assert response.status_code == 200
    years = {year.year: year for year in response.context["years"]}
    # 2026: Modi's planned visit to Jakarta (made); 2025: the call; no date: the meeting with Putin.
    assert years[2026].meetings == 1 and years[2026].visits_made == 1
    assert years[2026].visits_received == 0
    assert years[2025].meetings == 1 and years[2025].visits_made == 0
    assert years[None].meetings == 1
    assert response.context["totals"] == {"meetings": 3, "made": 1, "received": 0}
    partners = [(p.code, p.count) for p in response.context["partners"]]
    assert partners == [("ID", 2), ("RU", 1)]
    indonesia = analyst_client.get(reverse("events:country-detail", args=["ID"]))
    assert indonesia.context["totals"]["received"] == 1


def test_country_code_in_lower_case_redirects(analyst_client, timeline):
    response = analyst_client.get(reverse("events:country-detail", args=["in"]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("events:country-detail", args=["IN"]))


def test_pair_page_lists_every_meeting_between_the_two(analyst_client, timeline):
    response = analyst_client.get(reverse("events:country-pair", args=["ID", "IN"]))
    assert response.status_code == 200
    titles = [entry.meeting.title for entry in response.context["page"].entries]
    assert titles == ["Narendra Modi visits Jakarta", "Call: Narendra Modi and Joko Widodo"]
    assert response.context["count"] == 2
    page = response.content.decode()
    assert "Indonesia and India" in page
    # The histogram is the timeline's, for both countries.
    assert "country=ID&amp;country=IN" in page
    same = analyst_client.get(reverse("events:country-pair", args=["IN", "IN"]))
    assert same.status_code == 302


def test_pair_page_scrolls_in_pages(analyst_client, db):
    from events.timeline import PER_PAGE

    envoy = make_actor("Envoy Ana", country="SY")
    host = make_actor("Host Boris", country="RU")
    for number in range(PER_PAGE + 3):
        make_meeting(
            title=f"Talks {number}",
            start=dt.date(2020, 1, 1) + dt.timedelta(days=number),
            participants=[envoy, host],
        )
    url = reverse("events:country-pair", args=["SY", "RU"])
    first = analyst_client.get(url)
    assert first.context["page"].has_next
    more = analyst_client.get(
        url, {"page": 2}, headers={"HX-Request": "true", "HX-Target": "timeline-more"}
    )
    assert more.status_code == 200
    assert "<html" not in more.content.decode()
    assert len(more.context["page"].entries) == 3


def test_matrix_counts_pairs_and_links_cells_to_pair_pages(analyst_client, timeline):
    response = analyst_client.get(reverse("events:country-matrix"))
    assert response.status_code == 200
    matrix = response.context["matrix"]
    assert matrix.count("IN", "ID") == 2
    assert matrix.count("ID", "IN") == 2
    assert matrix.count("CN", "RU") == 1  # the rejected meeting is left out
    assert matrix.count("CN", "IN") == 0
    page = response.content.decode()
    assert "<svg" in page
    assert reverse("events:country-pair", args=["ID", "IN"]) in page
    assert reverse("events:country-pair", args=["IN", "ID"]) in page
    filtered = analyst_client.get(reverse("events:country-matrix"), {"kind": "visit"})
    assert filtered.context["matrix"].count("IN", "ID") == 1


def test_meeting_page_links_participants_countries_and_venue(analyst_client, timeline):
    meeting = timeline["moscow"]
    page = analyst_client.get(reverse("events:meeting-detail", args=[meeting.pk])).content
    page = page.decode()
    for actor in (timeline["actors"]["xi"], timeline["actors"]["putin"]):
        assert reverse("events:actor-detail", args=[actor.pk]) in page
    assert reverse("events:country-detail", args=["CN"]) in page
    assert reverse("events:country-detail", args=["RU"]) in page
    assert "?q=Moscow" in page
    assert reverse("events:meeting-related", args=[meeting.pk]) in page


def test_related_meetings_of_the_same_people_and_the_same_pair(analyst_client, timeline):
    putin, xi = timeline["actors"]["putin"], timeline["actors"]["xi"]
    again = make_meeting(
        title="Xi and Putin talk again",
        kind=MeetingKind.MEETING,
        start=dt.date(2024, 5, 16),
        participants=[xi, putin],
    )
    envoys = make_meeting(
        title="Envoys of China and Russia",
        start=dt.date(2023, 2, 1),
        participants=[make_actor("Envoy Li", country="CN"), make_actor("Envoy Oleg", country="RU")],
    )
    response = analyst_client.get(reverse("events:meeting-related", args=[timeline["moscow"].pk]))
    related = response.context["related"]
    assert [m.pk for m in related.same_participants] == [again.pk]  # not the rejected one
    assert [m.pk for m in related.same_pair] == [envoys.pk]
    assert [(a.code, b.code) for a, b in related.pairs] == [("CN", "RU")]
    page = response.content.decode()
    assert reverse("events:country-pair", args=["CN", "RU"]) in page


def test_country_rows_follow_a_participants_country(analyst_client, timeline):
    """The derived country rows are refreshed with the meeting's search data."""
    from events.derived import actor_refresh_meetings

    widodo = timeline["actors"]["widodo"]
    widodo.country_id = "MY"
    widodo.save()
    actor_refresh_meetings(actor=widodo)
    response = analyst_client.get(reverse("events:country-detail", args=["MY"]))
    assert response.context["totals"]["meetings"] == 2  # the call and the visit he hosted
    indonesia = analyst_client.get(reverse("events:country-detail", args=["ID"]))
    assert indonesia.context["totals"] == {"meetings": 1, "made": 0, "received": 1}  # the venue


@pytest.mark.parametrize(
    "url",
    [
        reverse("events:country-matrix"),
        reverse("events:country-detail", args=["RU"]),
        reverse("events:country-pair", args=["RU", "CN"]),
        reverse("events:upcoming"),
    ],
)
def test_pivot_pages_refuse_users_without_a_role(nobody_client, db, url):
    assert nobody_client.get(url).status_code == 403


def test_pivot_pages_need_a_login(client, db):
    response = client.get(reverse("events:country-matrix"))
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_visitor_and_host_roles_make_visits_made_and_received(db):
    from events.country_index import involvements

    found = involvements(
        [(1, "RU")], [(1, "SY", ParticipantRole.VISITOR), (1, "RU", ParticipantRole.HOST)]
    )
    assert found[1].visiting == {"SY"}
    assert found[1].hosting == {"RU"}
    assert found[1].pairs() == [("RU", "SY")]
