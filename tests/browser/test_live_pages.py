"""What only a browser shows: htmx swapping results in place, and live status polling."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from events.models import MeetingKind
from tests.factories import make_actor, make_meeting

pytestmark = [
    pytest.mark.browser,
    # live_server needs committed data (see the countries fixture in conftest.py).
    pytest.mark.django_db(transaction=True),
]

BODY = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on "
    "28 January 2026. The two leaders discussed trade and energy."
)


def test_filters_update_the_results_in_place(live_server, log_in, analyst_user):
    from playwright.sync_api import expect

    xi = make_actor("Xi Jinping", country="CN")
    modi = make_actor("Narendra Modi", country="IN")
    make_meeting(
        title="Xi Jinping visits Moscow",
        kind=MeetingKind.VISIT,
        country="RU",
        participants=[xi],
    )
    make_meeting(title="Call with Narendra Modi", kind=MeetingKind.CALL, participants=[modi])
    make_meeting(title="Meeting with Narendra Modi", start=dt.date(2025, 5, 1), participants=[modi])

    page = log_in("anna", "anna-password")
    results = page.locator("#results")
    expect(results).to_contain_text("3 meetings")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("Kind").select_option("call")

    expect(results).to_contain_text("1 meeting")
    expect(results).not_to_contain_text("Xi Jinping visits Moscow")
    expect(page).to_have_url(re.compile(r"/\?kind=call$"))
    expect(page.get_by_role("link", name="Download CSV")).to_have_attribute(
        "href", f"{reverse('events:meeting-export')}?kind=call"
    )

    page.get_by_label("Kind").select_option("")
    page.get_by_label("Search").press_sequentially("modi")

    expect(results).to_contain_text("2 meetings")
    expect(page).to_have_url(re.compile(r"/\?q=modi$"))
    assert page.evaluate("window.stillTheSamePage") is True


def test_upload_then_watch_the_extraction_finish(live_server, log_in, editor_user, run_worker):
    from playwright.sync_api import expect

    page = log_in("edith", "edith-password")
    page.get_by_role("link", name="Upload", exact=True).click()
    page.get_by_label("Title").fill("Putin meets Xi in Moscow")
    page.get_by_label("Publication date").fill("2026-01-28")
    page.get_by_label("Text", exact=True).fill(BODY)
    page.get_by_role("button", name="Upload and extract").click()

    status = page.locator("#extraction-status")
    expect(status).to_contain_text("Queued")
    page.evaluate("window.stillTheSamePage = true")

    run_worker()

    expect(status.locator(".badge").first).to_have_text("Done")
    expect(status).not_to_have_attribute("hx-trigger", re.compile("every"))
    assert page.evaluate("window.stillTheSamePage") is True
