"""The timeline page: entries under year and month headings, what each entry shows, pages
loaded as the analyst scrolls, and the htmx contract (fragments, pushed URLs, history)."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from events.models import DatePrecision, MeetingStatus
from events.timeline import PER_PAGE
from tests.factories import add_source, make_actor, make_article, make_meeting

URL = reverse("events:meeting-list")
HTMX = {"HX-Request": "true"}
MORE = {**HTMX, "HX-Target": "timeline-more"}


def entry_titles(html: str) -> list[str]:
    return re.findall(r'<h4 class="entry-title"><a href="[^"]+">([^<]+)</a>', html)


def headings(html: str) -> list[str]:
    return re.findall(r'<h[23] class="timeline-(?:year|month)">([^<]+)</h[23]>', html)


def test_entries_stand_under_year_and_month_headings_newest_first(analyst_client, timeline):
    html = analyst_client.get(URL).text

    assert entry_titles(html) == [
        "Narendra Modi visits Jakarta",
        "Xi Jinping visits Moscow",
        "Call: Narendra Modi and Joko Widodo",
        "Meeting of Vladimir Putin and Narendra Modi",
    ]
    assert headings(html) == [
        "2026",
        "March 2026",
        "January 2026",
        "2025",
        "October 2025",
        "Date unknown",
    ]
    assert "4 meetings" in html
    assert "Rejected reading" not in html


def test_oldest_first_on_request(analyst_client, timeline):
    html = analyst_client.get(URL, {"order": "oldest"}).text

    assert entry_titles(html)[:3] == [
        "Call: Narendra Modi and Joko Widodo",
        "Xi Jinping visits Moscow",
        "Narendra Modi visits Jakarta",
    ]
    assert headings(html)[:2] == ["2025", "October 2025"]


def test_an_entry_shows_dates_kind_status_review_participants_venue_and_sources(
    analyst_client, timeline
):
    html = analyst_client.get(URL).text

    assert "27\u201329 January 2026" in html
    assert '<time datetime="2025-10-01">October 2025</time>' in html
    assert reverse("events:meeting-detail", args=[timeline["moscow"].pk]) in html
    assert 'Xi Jinping</a> <abbr class="country-code" title="China">CN</abbr>' in html
    assert 'Moscow, <a href="/countries/RU/">Russia</a>' in html
    assert '<span class="badge kind-call">Call</span>' in html
    assert '<span class="badge review-verified">Verified</span>' in html
    assert "1 source</span>" in html  # Moscow's one source
    assert "0 sources</span>" in html


def test_an_entry_names_eight_participants_and_counts_the_rest(analyst_client, db):
    envoys = [make_actor(f"Envoy {number:02}", country="FR") for number in range(10)]
    make_meeting(title="Crowded summit", city="Geneva", participants=[make_actor("Stateless")])
    make_meeting(title="Large summit", participants=envoys)

    html = analyst_client.get(URL).text

    names = re.findall(r">(Envoy \d\d)</a>", html)
    assert len(names) == 8
    assert "and 2 more</li>" in html
    assert 'title="France">FR</abbr>' in html
    assert "Stateless</a></li>" in html  # no country, no code
    assert '<span class="venue">Geneva</span>' in html


def test_planned_and_cancelled_meetings_look_different(analyst_client, db):
    make_meeting(title="Held talks")
    make_meeting(title="Planned talks", status=MeetingStatus.PLANNED)
    make_meeting(title="Called-off talks", status=MeetingStatus.CANCELLED)

    html = analyst_client.get(URL).text

    assert '<article class="entry entry-occurred">' in html
    assert '<article class="entry entry-planned">' in html
    assert '<article class="entry entry-cancelled">' in html
    assert '<span class="badge status-cancelled">Cancelled</span>' in html


def test_a_meeting_without_a_date_is_placed_by_its_first_report(analyst_client, db):
    undated = make_meeting(title="Undated talks", start=None)
    add_source(undated, make_article(published_on=dt.date(2024, 5, 9)))
    add_source(undated, make_article(published_on=dt.date(2024, 5, 2)))
    make_meeting(title="Talks in June", start=dt.date(2024, 6, 1))
    make_meeting(title="Talks in April", start=dt.date(2024, 4, 1))

    html = analyst_client.get(URL).text

    assert entry_titles(html) == ["Talks in June", "Undated talks", "Talks in April"]
    assert "reported on <time" in html and ">2 May 2024</time>" in html
    assert "May 2024" in headings(html)
    assert "Date unknown" not in html


def test_dates_are_shown_at_their_precision(analyst_client, db):
    make_meeting(title="A", start=dt.date(2009, 4, 22), end=dt.date(2009, 4, 23))
    make_meeting(title="B", start=dt.date(2011, 1, 1), precision=DatePrecision.YEAR)

    html = analyst_client.get(URL).text

    assert ">22\u201323 April 2009</time>" in html
    assert '<time datetime="2011-01-01">2011</time>' in html


@pytest.fixture
def many_meetings(db):
    """Two pages and a bit: 60 meetings over two months, one a day, newest first."""
    first = dt.date(2025, 3, 1)
    return [
        make_meeting(title=f"Talks {day:02}", start=first + dt.timedelta(days=day))
        for day in range(PER_PAGE + 10)
    ]


def test_a_plain_next_page_link_works_without_javascript(analyst_client, many_meetings):
    first = analyst_client.get(URL, {"kind": "meeting"})
    assert len(entry_titles(first.text)) == PER_PAGE
    assert 'href="?kind=meeting&amp;page=2"' in first.text

    second = analyst_client.get(URL, {"kind": "meeting", "page": 2})

    assert entry_titles(second.text) == [f"Talks {day:02}" for day in range(9, -1, -1)]
    assert "page=3" not in second.text
    assert headings(second.text) == ["2025", "March 2025"]  # a full page has its headings


def test_scrolling_loads_the_next_entries_continuing_the_month(analyst_client, many_meetings):
    response = analyst_client.get(URL, {"page": 2}, headers=MORE)

    html = response.text
    assert "<html" not in html and 'id="results"' not in html
    assert entry_titles(html) == [f"Talks {day:02}" for day in range(9, -1, -1)]
    # The first page ended in March 2025: the second goes on under the same heading.
    assert headings(html) == []
    assert "HX-Push-Url" not in response


def test_scrolling_starts_a_new_heading_when_the_month_changes(analyst_client, db):
    for day in range(PER_PAGE):
        make_meeting(title=f"June {day}", start=dt.date(2025, 6, 1) + dt.timedelta(hours=day))
    make_meeting(title="May", start=dt.date(2025, 5, 20))

    html = analyst_client.get(URL, {"page": 2}, headers=MORE).text

    assert entry_titles(html) == ["May"]
    assert headings(html) == ["May 2025"]


def test_a_page_past_the_end_offers_the_first(analyst_client, timeline):
    html = analyst_client.get(URL, {"page": 9}).text

    assert "No more meetings" in html
    assert entry_titles(html) == []


def test_htmx_filter_request_gets_the_results_and_the_server_pushes_their_url(
    analyst_client, timeline
):
    params = {"q": "", "country": ["id"], "actor": "", "kind": "visit", "term": "modi"}
    response = analyst_client.get(URL, params, headers=HTMX)

    html = response.text
    assert html.lstrip().startswith('<section id="results"')
    assert '<form id="filters"' not in html
    assert entry_titles(html) == ["Narendra Modi visits Jakarta"]
    pushed = urlsplit(response["HX-Push-Url"])
    assert pushed.path == URL
    assert parse_qs(pushed.query) == {"country": ["id"], "kind": ["visit"]}
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_whole_page_with_the_form_filled(analyst_client, timeline):
    headers = {**HTMX, "HX-History-Restore-Request": "true"}
    putin = timeline["actors"]["putin"]
    response = analyst_client.get(
        URL, {"kind": "visit", "country": "ru", "actor": putin.pk, "q": "moscow"}, headers=headers
    )

    html = response.text
    assert "<html" in html
    assert '<option value="visit" selected>Visit</option>' in html
    assert 'value="moscow"' in html
    assert '<input type="checkbox" name="country" value="RU" checked> Russia' in html
    assert f'<input type="checkbox" name="actor" value="{putin.pk}" checked> Vladimir Putin' in html
    assert entry_titles(html) == ["Xi Jinping visits Moscow"]


def test_the_filter_form_uses_one_htmx_mechanism_set_on_the_form(analyst_client, timeline):
    html = analyst_client.get(URL).text

    start = html.index('<form id="filters"')
    form = html[start : html.index("</form>", start)]
    assert form.count('hx-target="#results"') == 1
    assert "hx-push-url" not in html  # the server pushes the URL (HX-Push-Url)
    assert 'type="date" name="date_from"' in html
    for label in ["Search", "Country", "Actor", "From", "To", "Kind", "Status", "Review"]:
        assert f">{label}</label>" in form


def test_the_csv_link_carries_the_filters(analyst_client, timeline):
    response = analyst_client.get(URL, {"country": "ID", "q": "", "page": "1"}, headers=HTMX)

    assert f'href="{reverse("events:meeting-export")}?country=ID"' in response.text


def test_the_page_never_lists_every_actor(analyst_client, db):
    from tests.factories import make_actor

    for number in range(30):
        make_actor(f"Official Number{number}")

    html = analyst_client.get(URL).text

    assert "Official Number" not in html
    assert 'id="actor-term"' in html and 'role="combobox"' in html
