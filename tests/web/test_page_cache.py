"""The timeline's results come from the page cache until the data changes, and never carry
anything of another user or language (events.page_cache, events.data_version)."""

import datetime as dt
import re

from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.services import article_create
from events.extraction.types import PersonFinding
from events.models import Meeting
from events.store import meetings_replace_for_article
from tests.factories import make_finding, make_meeting

TIMELINE = reverse("events:meeting-list")
HISTOGRAM = reverse("events:meeting-histogram")


def meeting_queries(client, url, params=None, **kwargs) -> tuple[list[str], object]:
    """The queries a request made that read meetings, and its response."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, **kwargs)
    assert response.status_code == 200
    # Not the count of meetings waiting for review, which editors' navigation shows.
    reads = [
        q["sql"]
        for q in queries
        if 'FROM "events_meeting"' in q["sql"] and not q["sql"].endswith("= 'extracted'")
    ]
    return reads, response


def results_section(response) -> str:
    return re.search(r'<section id="results".*?</section>', response.text, re.S).group(0)


def test_a_second_identical_request_reads_no_meeting(analyst_client, timeline, page_cache):
    first_reads, first = meeting_queries(analyst_client, TIMELINE, {"country": "RU"})
    again_reads, again = meeting_queries(analyst_client, TIMELINE, {"country": "RU"})
    assert first_reads
    assert again_reads == []
    assert results_section(again) == results_section(first)
    assert "Xi Jinping visits Moscow" in again.text
    # Other filters are entries of their own; htmx asking for the same results gets the same.
    assert meeting_queries(analyst_client, TIMELINE, {"country": "CN"})[0]
    htmx = {"HX-Request": "true"}
    reads, fragment = meeting_queries(analyst_client, TIMELINE, {"country": "RU"}, headers=htmx)
    assert reads == []
    assert fragment.text.strip() == results_section(first)
    # A further page as the analyst scrolls is an entry of its own.
    more = {"HX-Request": "true", "HX-Target": "timeline-more"}
    assert meeting_queries(analyst_client, TIMELINE, {"page": "2"}, headers=more)[0]


def test_the_histogram_is_cached_too(analyst_client, timeline, page_cache):
    first_reads, first = meeting_queries(analyst_client, HISTOGRAM, {"kind": "visit"})
    again_reads, again = meeting_queries(analyst_client, HISTOGRAM, {"kind": "visit"})
    assert first_reads and again_reads == []
    assert again.text == first.text
    assert "histogram-bar" in again.text


def test_a_meeting_stored_by_extraction_shows_at_once(
    analyst_client, timeline, page_cache, django_capture_on_commit_callbacks
):
    before = analyst_client.get(TIMELINE)
    assert "Ankara" not in before.text
    article = article_create(
        title="Talks in Ankara",
        body="An invented report of talks in Ankara.",
        published_on=dt.date(2026, 2, 3),
        source="Test Wire",
        language="en",
    )
    finding = make_finding(
        start=dt.date(2026, 2, 2),
        city="Ankara",
        venue="TR",
        participants=[
            PersonFinding(name="Hakan Fidan", country="TR", role="host", title="Minister"),
            PersonFinding(name="Sergey Lavrov", country="RU", role="visitor", title="Minister"),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        meetings_replace_for_article(article=article, findings=[finding])
    after = analyst_client.get(TIMELINE)
    assert "Ankara" in after.text
    histogram_reads, _ = meeting_queries(analyst_client, HISTOGRAM)
    assert histogram_reads  # the histogram too is rendered again


def test_an_uncommitted_change_leaves_the_cache_in_place(analyst_client, timeline, page_cache):
    """The version is raised only on commit: a change whose transaction has not committed
    (here, the test's own transaction, which is rolled back) leaves the cached entry."""
    analyst_client.get(TIMELINE)
    Meeting.objects.filter(pk=timeline["moscow"].pk).update(title="Renamed in a rolled-back write")
    timeline["moscow"].save()
    reads, response = meeting_queries(analyst_client, TIMELINE)
    assert reads == []
    assert "Renamed" not in response.text


def test_languages_are_not_mixed(analyst_client, timeline, page_cache):
    indonesian = analyst_client.get(TIMELINE, headers={"Accept-Language": "id"})
    english = analyst_client.get(TIMELINE, headers={"Accept-Language": "en"})
    assert "Januari 2026" in results_section(indonesian)
    assert "January 2026" in results_section(english)
    assert "Januari" not in results_section(english)
    indonesian_again = analyst_client.get(TIMELINE, headers={"Accept-Language": "id"})
    assert results_section(indonesian_again) == results_section(indonesian)


def test_editors_and_analysts_have_entries_of_their_own(
    analyst_user, editor_user, timeline, page_cache
):
    analyst, editor = Client(), Client()
    analyst.force_login(analyst_user)
    editor.force_login(editor_user)
    assert meeting_queries(analyst, TIMELINE)[0]
    assert meeting_queries(editor, TIMELINE)[0]
    assert meeting_queries(editor, TIMELINE)[0] == []


def page_token(response) -> str:
    return re.search(r'"X-CSRFToken": "([^"]+)"', response.text).group(1)


def test_each_user_gets_their_own_page_around_the_cached_results(
    analyst_user, django_user_model, role_groups, timeline, page_cache
):
    _, analysts = role_groups
    other_user = django_user_model.objects.create_user(username="otto", password="otto-password")
    other_user.groups.add(analysts)
    anna, otto = Client(), Client()
    anna.force_login(analyst_user)
    otto.force_login(other_user)
    first = anna.get(TIMELINE)
    reads, second = meeting_queries(otto, TIMELINE)
    assert reads == []  # served from the cache
    assert results_section(second) == results_section(first)
    # The page around the results is each one's own: their CSRF secret and their name.
    assert _unmask_cipher_token(page_token(first)) == anna.cookies["csrftoken"].value
    assert _unmask_cipher_token(page_token(second)) == otto.cookies["csrftoken"].value
    assert anna.cookies["csrftoken"].value != otto.cookies["csrftoken"].value
    assert "otto" in second.text and "anna" not in second.text
    assert "csrfmiddlewaretoken" not in results_section(second)


def test_invalid_filters_are_never_served_from_or_into_the_cache(
    analyst_client, timeline, page_cache
):
    valid = analyst_client.get(TIMELINE)
    assert "Xi Jinping visits Moscow" in valid.text
    invalid = analyst_client.get(TIMELINE, {"date_from": "not a date"})
    assert "These filters cannot be used" in invalid.text
    assert "Xi Jinping visits Moscow" not in invalid.text
    again = analyst_client.get(TIMELINE, {"date_from": "not a date"})
    assert "These filters cannot be used" in again.text
    assert "These filters cannot be used" not in analyst_client.get(TIMELINE).text


def test_the_cache_can_be_turned_off(analyst_client, timeline, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    assert meeting_queries(analyst_client, TIMELINE)[0]
    assert meeting_queries(analyst_client, TIMELINE)[0]


def test_a_failing_cache_costs_time_not_the_page(analyst_client, timeline, page_cache):
    # A file where the cache's folder should be: the folder cannot be created.
    page_cache.parent.mkdir(parents=True, exist_ok=True)
    page_cache.write_text("not a folder")
    response = analyst_client.get(TIMELINE)
    assert response.status_code == 200
    assert "Xi Jinping visits Moscow" in response.text


def count_queries(client, params, **kwargs) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(TIMELINE, params, **kwargs)
    assert response.status_code == 200
    # Not the page's own query, which counts each meeting's sources.
    return sum(q["sql"].startswith("SELECT COUNT(") for q in queries), response


def test_further_pages_and_the_other_order_reuse_the_count(
    analyst_client, timeline, page_cache, django_capture_on_commit_callbacks
):
    htmx = {"HX-Request": "true"}
    counted, first = count_queries(analyst_client, {"country": "RU"})
    assert counted == 1
    assert "2 meetings" in results_section(first)
    # Page 2 (empty here) and the oldest-first order are entries of their own: no new count.
    counted, second = count_queries(analyst_client, {"country": "RU", "page": "2"}, headers=htmx)
    assert counted == 0
    assert "2 meetings" in second.text
    counted, _ = count_queries(analyst_client, {"country": "RU", "order": "oldest"})
    assert counted == 0
    # Other filters are counted on their own.
    assert count_queries(analyst_client, {"country": "CN"})[0] == 1
    # A committed change makes a new data version: counted again.
    with django_capture_on_commit_callbacks(execute=True):
        make_meeting(title="Talks in Sochi", start=dt.date(2026, 2, 5), country="RU")
    counted, after = count_queries(analyst_client, {"country": "RU", "page": "2"}, headers=htmx)
    assert counted == 1
    assert "3 meetings" in after.text
