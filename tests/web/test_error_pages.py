"""Our own 403, 404 and 500 pages, and the favicon."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse


def test_an_analyst_on_an_editors_page_is_told_what_they_lack(analyst_client):
    response = analyst_client.get(reverse("articles:article-create"))

    assert response.status_code == 403
    assert "Uploading is for editors." in response.text
    assert "You are an analyst" in response.text
    assert "neither the Analysts nor the Editors group" not in response.text


def test_a_user_in_no_group_is_told_to_ask_for_one(nobody_client):
    response = nobody_client.get(reverse("events:meeting-list"))

    assert response.status_code == 403
    assert "This page is for analysts and editors." in response.text
    assert "neither the Analysts nor the Editors group" in response.text


@pytest.mark.parametrize("debug", [False, True])
def test_an_unknown_address_gets_our_404_page(analyst_client, settings, debug):
    settings.DEBUG = debug

    response = analyst_client.get("/no/such/page/")

    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text
    assert "/no/such/page/" in response.text
    assert "Back to the timeline" in response.text
    assert "URLconf" not in response.text  # not Django's technical page


def test_an_unknown_meeting_gets_our_404_page(analyst_client):
    response = analyst_client.get(reverse("events:meeting-detail", args=[987654]))

    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text


def test_a_server_error_gets_our_500_page(analyst_user, settings):
    settings.ROOT_URLCONF = "tests.web.failing_urls"
    client = Client(raise_request_exception=False)
    client.force_login(analyst_user)

    response = client.get("/fail/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.text


def test_the_favicon_is_found_by_anyone(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_pages_name_the_svg_favicon(analyst_client, db):
    html = analyst_client.get(reverse("events:meeting-list")).text

    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
