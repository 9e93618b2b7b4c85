"""The timeline's filters, as the URL gives them (the bookmarked contract)."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import add_source, make_actor, make_article, make_meeting

URL = reverse("events:meeting-list")


def titles(response) -> set[str]:
    return {str(entry.meeting) for entry in response.context["page"].entries}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "CN"}, {"moscow"}),
        ({"country": "cn"}, {"moscow"}),  # codes in any case
        ({"country": "ID"}, {"call", "jakarta"}),
        ({"country": ["RU", "CN"]}, {"moscow"}),  # every chosen country takes part
        ({"country": ["ID", "RU"]}, set()),
        ({"kind": "call"}, {"call"}),
        ({"status": "planned"}, {"jakarta"}),
        ({"q": "jakarta"}, {"jakarta"}),
        ({"q": "arrived in moscow"}, {"moscow"}),  # words of the evidence
        ({"review_state": "verified"}, {"jakarta"}),
        ({"review_state": "rejected"}, {"rejected"}),
        ({"review_state": "all"}, {"moscow", "call", "jakarta", "undated", "rejected"}),
        # Date ranges take every meeting with a day inside them.
        ({"date_from": "2026-01-29"}, {"moscow", "jakarta"}),
        ({"date_to": "2026-01-27"}, {"moscow", "call"}),
        ({"date_from": "2026-01-28", "date_to": "2026-01-28"}, {"moscow"}),
        ({"date_from": "2026-02-01", "date_to": "2026-12-31"}, {"jakarta"}),
        ({"date_from": "2025-10-20", "date_to": "2025-10-20"}, {"call"}),  # October 2025
        ({"kind": "visit", "country": "RU"}, {"moscow"}),
    ],
)
def test_filters(analyst_client, timeline, params, expected):
    response = analyst_client.get(URL, params)

    assert response.status_code == 200
    assert titles(response) == {str(timeline[name]) for name in expected}
    assert f"{len(expected)} meeting" in response.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # One country, actor or search alone is counted on its own rows (events.selectors.
        # meeting_count): the rejected meeting (Xi Jinping and Vladimir Putin) must be left
        # out there too, and counted when every review state is asked for.
        ({"actor": "xi"}, {"moscow"}),
        ({"actor": "xi", "review_state": "all"}, {"moscow", "rejected"}),
        ({"country": "CN", "review_state": "all"}, {"moscow", "rejected"}),
        ({"q": "xi"}, {"moscow"}),
        ({"q": "xi", "review_state": "all"}, {"moscow", "rejected"}),
        ({"q": "xi", "review_state": "rejected"}, {"rejected"}),
        ({"q": "xi", "kind": "visit"}, {"moscow"}),
        ({"q": "- ,", "country": "CN"}, {"moscow"}),  # a search without words filters nothing
    ],
)
def test_counts_match_the_meetings_listed(analyst_client, timeline, params, expected):
    if "actor" in params:
        params = {**params, "actor": timeline["actors"][params["actor"]].pk}
    response = analyst_client.get(URL, params)

    assert titles(response) == {str(timeline[name]) for name in expected}
    assert response.context["count"] == len(expected)


def test_several_actors_find_the_meetings_they_all_took_part_in(analyst_client, timeline):
    actors = timeline["actors"]

    one = analyst_client.get(URL, {"actor": actors["putin"].pk})
    both = analyst_client.get(URL, {"actor": [actors["putin"].pk, actors["modi"].pk]})

    assert titles(one) == {str(timeline["moscow"]), str(timeline["undated"])}
    assert titles(both) == {str(timeline["undated"])}


def test_a_meeting_without_its_own_date_counts_by_its_first_report(analyst_client, db):
    undated = make_meeting(title="Undated talks", start=None)
    add_source(undated, make_article(published_on=dt.date(2024, 5, 2)))
    make_meeting(title="Never reported", start=None)

    inside = analyst_client.get(URL, {"date_from": "2024-05-01", "date_to": "2024-05-31"})
    before = analyst_client.get(URL, {"date_to": "2024-04-30"})

    assert titles(inside) == {"Undated talks"}
    assert titles(before) == set()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2026-02-01", "date_to": "2026-01-01"}, "The start of the date range"),
        ({"country": "XX"}, "Country: Unknown country code: XX"),
        ({"actor": "999999"}, "Actor: No actor has the id 999999."),
        ({"actor": "Putin"}, "Actor: An actor is given by its id, a whole number."),
        ({"date_from": "not a date"}, "From: Enter a valid date."),
        ({"order": "sideways"}, "Order: Select a valid choice."),
    ],
)
def test_invalid_filters_are_shown_as_errors(analyst_client, timeline, params, message):
    response = analyst_client.get(URL, params)

    assert response.status_code == 200
    assert message in response.text
    assert "page" not in response.context


def test_chosen_countries_and_actors_come_back_as_ticked_chips(analyst_client, timeline):
    xi = timeline["actors"]["xi"]
    html = analyst_client.get(URL, {"country": ["cn", "RU"], "actor": xi.pk}).text

    assert '<input type="checkbox" name="country" value="CN" checked> China' in html
    assert '<input type="checkbox" name="country" value="RU" checked> Russia' in html
    assert f'<input type="checkbox" name="actor" value="{xi.pk}" checked> Xi Jinping' in html


def test_an_actor_chosen_by_alias_is_found_by_id(analyst_client, db):
    actor = make_actor("Jean Martin", country="FR")
    actor.aliases.create(name="Жан Мартен")
    make_meeting(title="Talks in Paris", participants=[actor])

    response = analyst_client.get(URL, {"actor": actor.pk})

    assert titles(response) == {"Talks in Paris"}


def test_a_range_finds_long_meetings_coarse_dates_and_reports(analyst_client, db):
    # On PostgreSQL a range is also bounded below on the sort date (events.selectors.
    # _earliest_start): meetings that began long before it, dates known to the year and
    # meetings placed by their first report must still count.
    make_meeting(title="Long talks", start=dt.date(2019, 6, 1), end=dt.date(2021, 6, 30))
    make_meeting(title="Sometime in 2020", start=dt.date(2020, 1, 1), precision="year")
    reported = make_meeting(title="Undated talks", start=None)
    add_source(reported, make_article(published_on=dt.date(2021, 1, 3)))
    make_meeting(title="Over before", start=dt.date(2020, 12, 1), end=dt.date(2020, 12, 20))
    make_meeting(title="Long ago", start=dt.date(2015, 3, 1))

    response = analyst_client.get(URL, {"date_from": "2020-12-31", "date_to": "2021-01-05"})

    assert titles(response) == {"Long talks", "Sometime in 2020", "Undated talks"}
    assert response.context["count"] == 3
