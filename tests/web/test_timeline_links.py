"""Entries link to the actor and country pages once such pages exist."""

import pytest
from django.urls import clear_url_caches, reverse

from events.templatetags import meeting_format


@pytest.fixture
def routes_rechecked():
    meeting_format._route_exists.cache_clear()
    yield
    meeting_format._route_exists.cache_clear()
    clear_url_caches()


def test_no_actor_page_no_link(analyst_client, timeline, routes_rechecked):
    html = analyst_client.get(reverse("events:meeting-list")).text

    assert "<li>Xi Jinping <abbr" in html


def test_participants_link_to_their_page_when_there_is_one(
    analyst_client, timeline, settings, routes_rechecked
):
    settings.ROOT_URLCONF = "tests.web.actor_page_urls"
    clear_url_caches()
    xi = timeline["actors"]["xi"]

    html = analyst_client.get("/").text

    assert f'<li><a href="/actors/{xi.pk}/">Xi Jinping</a> <abbr' in html
    assert "Moscow, Russia" in html  # no country pages: the country is plain text
