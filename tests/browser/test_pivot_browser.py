"""The pivot pages in a real browser: from a meeting to an actor, a country and a pair, the
matrix, the calendar download, the language switch, and phones (390 px wide)."""

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import MeetingKind, MeetingStatus, ParticipantRole
from tests.factories import make_actor, make_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings(db):
    ana = make_actor("Envoy Ana", country="SY")
    boris = make_actor("Host Boris", country="RU")
    visit = make_meeting(
        title="Envoy Ana visits Moscow",
        kind=MeetingKind.VISIT,
        start=dt.date(2025, 3, 10),
        city="Moscow",
        country="RU",
        participants=[(ana, ParticipantRole.VISITOR), (boris, ParticipantRole.HOST)],
    )
    make_meeting(
        title="Envoy Ana to return to Moscow",
        kind=MeetingKind.VISIT,
        status=MeetingStatus.PLANNED,
        start=timezone.localdate() + dt.timedelta(days=20),
        city="Moscow",
        country="RU",
        participants=[(ana, ParticipantRole.VISITOR), (boris, ParticipantRole.HOST)],
    )
    return {"visit": visit, "ana": ana}


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_from_a_meeting_to_its_actor_country_and_pair(live_server, log_in, analyst_user, meetings):
    page = log_in("anna", "anna-password")
    page.goto(live_server.url + reverse("events:meeting-detail", args=[meetings["visit"].pk]))
    page.locator(".participants-table").get_by_role("link", name="Envoy Ana").click()
    page.wait_for_url(f"**/actors/{meetings['ana'].pk}/")
    assert page.get_by_role("heading", name="Envoy Ana").is_visible()
    page.locator(".ranked").get_by_role("link", name="Russia").click()
    page.wait_for_url("**/countries/RU/")
    page.locator(".ranked").get_by_role("link", name="Syria").click()
    page.wait_for_url("**/countries/RU/SY/")
    assert page.get_by_text("Envoy Ana visits Moscow").first.is_visible()
    page.locator("#histogram svg").wait_for()


def test_matrix_cell_opens_the_pair(live_server, log_in, analyst_user, meetings):
    page = log_in("anna", "anna-password")
    page.goto(live_server.url + reverse("events:country-matrix"))
    cell = page.locator("a.matrix-cell").first
    href = cell.get_attribute("href")
    assert href.startswith("/countries/") and href.count("/") == 4
    page.goto(live_server.url + href)
    assert "2 meetings between them" in page.content()


def test_calendar_download(live_server, log_in, analyst_user, meetings):
    page = log_in("anna", "anna-password")
    page.goto(live_server.url + reverse("events:upcoming"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Download calendar (.ics)").click()
    body = Path(download.value.path()).read_bytes()
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["summary"]) == "Envoy Ana to return to Moscow"


def test_language_switch(live_server, log_in, analyst_user, meetings):
    page = log_in("anna", "anna-password")
    page.select_option("#language-choice", "id")
    page.locator(".language-switch button").click()
    page.get_by_role("heading", name="Linimasa").wait_for()
    assert page.locator("html").get_attribute("lang") == "id"
    assert "Maret 2025" in page.content()


@pytest.mark.parametrize(
    "name", ["actor-detail", "country-detail", "country-pair", "country-matrix", "upcoming"]
)
def test_pages_fit_a_phone(live_server, log_in, analyst_user, meetings, name):
    page = log_in("anna", "anna-password")
    page.set_viewport_size({"width": 390, "height": 844})
    args = {
        "actor-detail": [meetings["ana"].pk],
        "country-detail": ["SY"],
        "country-pair": ["SY", "RU"],
    }.get(name, [])
    page.goto(live_server.url + reverse(f"events:{name}", args=args))
    assert _no_horizontal_scroll(page)
