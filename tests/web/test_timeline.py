import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from events.models import DatePrecision
from events.templatetags.meeting_format import format_dates
from tests.factories import make_meeting

URL = reverse("events:meeting-list")
HTMX = {"HX-Request": "true"}


def en_dashed(text: str) -> str:
    """Ranges are written with an en dash; the tests write a hyphen for legibility."""
    return text.replace("-", "\u2013")


def titles(response) -> set[str]:
    return {str(meeting) for meeting in response.context["page"].object_list}


def test_timeline_lists_meetings_but_not_rejected_ones(analyst_client, timeline):
    response = analyst_client.get(URL)

    assert response.status_code == 200
    assert titles(response) == {
        "Xi Jinping visits Moscow",
        "Call: Narendra Modi and Joko Widodo",
        "Narendra Modi visits Jakarta",
        "Meeting of Vladimir Putin and Narendra Modi",
    }
    assert "4 meetings" in response.text
    assert "Rejected reading" not in response.text


def test_timeline_row_shows_dates_kind_status_participants_venue_and_sources(
    analyst_client, timeline
):
    html = analyst_client.get(URL).text

    assert en_dashed("27-29 Jan 2026") in html
    assert "Oct 2025" in html
    assert "date unknown" in html
    assert reverse("events:meeting-detail", args=[timeline["moscow"].pk]) in html
    assert 'Xi Jinping <abbr class="country-code" title="China">CN</abbr>' in html
    assert "Moscow, Russia" in html
    assert '<span class="badge status-planned">Planned</span>' in html
    assert '<span class="badge kind-call">Call</span>' in html
    assert '<td class="numeric">1</td>' in html  # Moscow's one source


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "CN"}, {"moscow"}),
        ({"country": "ID"}, {"call", "jakarta"}),
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
        ({"kind": "visit", "country": "RU"}, {"moscow"}),
    ],
)
def test_timeline_filters(analyst_client, timeline, params, expected):
    response = analyst_client.get(URL, params)

    assert response.status_code == 200
    assert titles(response) == {str(timeline[name]) for name in expected}


def test_timeline_filters_by_actor(analyst_client, timeline):
    response = analyst_client.get(URL, {"actor": timeline["actors"]["putin"].pk})

    assert titles(response) == {str(timeline["moscow"]), str(timeline["undated"])}


def test_timeline_shows_invalid_filters_as_errors(analyst_client, timeline):
    response = analyst_client.get(URL, {"date_from": "2026-02-01", "date_to": "2026-01-01"})

    assert response.status_code == 200
    assert "The start of the date range is after its end." in response.text
    assert response.context["page"] is None


def test_timeline_shows_an_unknown_country_as_an_error(analyst_client, timeline):
    response = analyst_client.get(URL, {"country": "XX", "date_from": "not a date"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert "Enter a valid date." in response.text


def test_timeline_htmx_request_gets_only_the_results(analyst_client, timeline):
    response = analyst_client.get(URL, {"kind": "visit", "q": ""}, headers=HTMX)

    assert response.status_code == 200
    html = response.text
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert '<form class="filters"' not in html
    assert "Narendra Modi visits Jakarta" in html
    assert "Call: Narendra Modi" not in html
    assert "HX-Request" in response["Vary"]


def test_timeline_htmx_pushes_the_set_filters_into_the_url(analyst_client, timeline):
    params = {"q": "", "country": "ID", "actor": "", "kind": "visit", "status": ""}
    response = analyst_client.get(URL, params, headers=HTMX)

    pushed = urlsplit(response["HX-Push-Url"])
    assert pushed.path == URL
    assert parse_qs(pushed.query) == {"country": ["ID"], "kind": ["visit"]}


def test_timeline_history_restore_gets_the_whole_page(analyst_client, timeline):
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    response = analyst_client.get(URL, {"kind": "visit"}, headers=headers)

    assert "<html" in response.text


def test_timeline_filter_form_is_enhanced_by_htmx(analyst_client, timeline):
    html = analyst_client.get(URL).text

    assert 'hx-get="/"' in html
    assert 'hx-target="#results"' in html
    assert 'hx-push-url="true"' in html
    assert "keyup changed delay:400ms from:#id_q" in html
    assert 'type="date" name="date_from"' in html


def test_timeline_csv_link_carries_the_filters(analyst_client, timeline):
    response = analyst_client.get(URL, {"country": "ID", "q": "", "page": "1"}, headers=HTMX)

    export = reverse("events:meeting-export")
    assert f'href="{export}?country=ID"' in response.text


def test_timeline_paginates_and_page_links_keep_the_filters(analyst_client, db):
    for day in range(1, 56):
        make_meeting(title=f"Meeting {day}", start=dt.date(2025, 1, 1) + dt.timedelta(day))
    make_meeting(title="A call", kind="call")

    first = analyst_client.get(URL, {"kind": "meeting"})
    second = analyst_client.get(URL, {"kind": "meeting", "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert "55 meetings" in first.text
    assert "?kind=meeting&amp;page=2" in first.text
    assert len(second.context["page"].object_list) == 5
    assert "Page 2 of 2" in second.text


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (dt.date(2026, 1, 28), None, DatePrecision.DAY, "28 Jan 2026"),
        (dt.date(2026, 1, 28), dt.date(2026, 1, 28), DatePrecision.DAY, "28 Jan 2026"),
        (dt.date(1987, 4, 13), dt.date(1987, 4, 15), DatePrecision.DAY, "13-15 Apr 1987"),
        (dt.date(1987, 4, 30), dt.date(1987, 5, 2), DatePrecision.DAY, "30 Apr - 2 May 1987"),
        (dt.date(1987, 12, 30), dt.date(1988, 1, 2), DatePrecision.DAY, "30 Dec 1987 - 2 Jan 1988"),
        (dt.date(2025, 10, 1), None, DatePrecision.MONTH, "Oct 2025"),
        (dt.date(2025, 10, 1), dt.date(2025, 11, 30), DatePrecision.MONTH, "Oct - Nov 2025"),
        (dt.date(2025, 1, 1), None, DatePrecision.YEAR, "2025"),
        (dt.date(2025, 1, 1), dt.date(2026, 12, 31), DatePrecision.YEAR, "2025-2026"),
        (None, None, DatePrecision.UNKNOWN, "date unknown"),
        (dt.date(2025, 1, 1), None, DatePrecision.UNKNOWN, "date unknown"),
    ],
)
def test_dates_are_written_as_precisely_as_they_are_known(start, end, precision, expected):
    assert format_dates(start, end, precision) == en_dashed(expected)
