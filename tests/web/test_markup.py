"""Markup a Content Security Policy allows, and a label for every control."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_article


@pytest.fixture
def pages(timeline, db):
    article = make_article(title="An article")
    return [
        reverse("events:meeting-list"),
        reverse("events:meeting-list") + "?country=RU&actor=1&q=x&date_from=2020-01-01",
        reverse("events:meeting-histogram"),
        reverse("events:meeting-detail", args=[timeline["moscow"].pk]),
        reverse("articles:article-list"),
        reverse("articles:article-detail", args=[article.pk]),
        reverse("articles:article-create"),
        "/no/such/page/",
    ]


def test_pages_have_no_inline_scripts_styles_or_handlers(editor_client, pages):
    for url in pages:
        html = editor_client.get(url).text
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), url
        assert not re.search(r"<style", html), url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url
        assert "hx-on" not in html and "js:" not in html, url


def test_every_timeline_control_has_a_label(analyst_client, timeline):
    html = analyst_client.get(reverse("events:meeting-list"), {"country": "RU"}).text
    form = html[html.index('<form id="filters"') :]
    form = form[: form.index("</form>")]

    labelled = set(re.findall(r'<label for="([^"]+)"', form))
    controls = re.findall(r"<(?:input|select)\b([^>]*)>", form)
    for attributes in controls:
        if 'type="checkbox"' in attributes:
            continue  # chips: the checkbox sits inside its label
        control_id = re.search(r'id="([^"]+)"', attributes).group(1)
        assert control_id in labelled, attributes
    assert re.search(r'<label class="chip"><input type="checkbox"', form)
