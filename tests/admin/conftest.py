"""Fixtures for the admin tests: an article that reports a meeting, and a browser-like form POST."""

import datetime as dt

import pytest
from django import forms

from articles.services import article_create
from events.extraction.types import EvidenceSpan, MeetingFinding, PersonFinding
from events.store import meetings_replace_for_article

SENTENCE = (
    "Syrian interim President Ahmad al-Sharaa met Russian President Vladimir Putin "
    "at the Kremlin in Moscow on Wednesday, 15 October 2025."
)


def moscow_finding(**changes) -> MeetingFinding:
    """What the engine would find in SENTENCE."""
    fields = {
        "kind": "visit",
        "status": "occurred",
        "start": dt.date(2025, 10, 15),
        "end": None,
        "precision": "day",
        "city": "Moscow",
        "venue_country": "RU",
        "participants": [
            PersonFinding(name="Ahmad al-Sharaa", country="SY", role="visitor", title="President"),
            PersonFinding(name="Vladimir Putin", country="RU", role="host", title="President"),
        ],
        "countries": ["RU", "SY"],
        "evidence": [EvidenceSpan(field="body", start=0, end=len(SENTENCE), text=SENTENCE)],
    }
    return MeetingFinding(**{**fields, **changes})


@pytest.fixture
def article(db):
    return article_create(
        title="Al-Sharaa meets Putin in Moscow",
        body=SENTENCE,
        published_on=dt.date(2025, 10, 16),
        source="Test Wire",
        language="en",
        external_id="test-001",
    )


@pytest.fixture
def meeting(article):
    """A meeting as extraction stores it: participants, evidence and the article's claim."""
    [stored] = meetings_replace_for_article(article=article, findings=[moscow_finding()])
    stored.refresh_from_db()
    return stored


def form_data(form: forms.BaseForm) -> dict[str, str]:
    """What a browser would post for a form as it is shown."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(field.field, forms.BooleanField):
            if value:
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = str(value)
    return data


@pytest.fixture
def post_change_form():
    """Post an admin change form back as shown, with some fields changed.

    `changes` maps field names as posted ("title", "participants-0-role") to values; None
    leaves a field out, as an unticked checkbox is.
    """

    def post(client, url: str, changes: dict[str, str | None]):
        page = client.get(url)
        assert page.status_code == 200
        data = form_data(page.context["adminform"].form)
        for inline in page.context["inline_admin_formsets"]:
            data.update(form_data(inline.formset.management_form))
            for form in inline.formset.forms:
                data.update(form_data(form))
        data.update(changes)
        return client.post(url, {key: value for key, value in data.items() if value is not None})

    return post
