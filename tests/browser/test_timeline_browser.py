"""The timeline in a real browser: filters and the URL, Back and Forward, the actor picker,
scrolling for more, the histogram, and phones."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from events.models import MeetingKind
from events.timeline import PER_PAGE
from tests.factories import make_actor, make_article, make_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings(db):
    putin = make_actor("Vladimir Putin", country="RU")
    xi = make_actor("Xi Jinping", country="CN")
    modi = make_actor("Narendra Modi", country="IN")
    make_meeting(
        title="Xi Jinping visits Moscow",
        kind=MeetingKind.VISIT,
        start=dt.date(2025, 3, 10),
        city="Moscow",
        country="RU",
        participants=[xi, putin],
    )
    make_meeting(
        title="Call of Modi and Putin",
        kind=MeetingKind.CALL,
        start=dt.date(2024, 7, 2),
        participants=[modi, putin],
    )
    make_meeting(title="Modi meets Xi", start=dt.date(2023, 1, 5), participants=[modi, xi])
    return {"putin": putin, "xi": xi, "modi": modi}


def test_filters_push_the_url_and_back_restores_list_and_form(live_server, log_in, analyst_user,
                                                              meetings):  # fmt: skip
    from playwright.sync_api import expect

    page = log_in("anna", "anna-password")
    results = page.locator("#results")
    expect(results).to_contain_text("3 meetings")

    page.get_by_label("Search").fill("xi")
    expect(results).to_contain_text("2 meetings")
    expect(page).to_have_url(re.compile(r"/\?q=xi$"))

    page.get_by_label("Kind").select_option("visit")
    expect(results).to_contain_text("1 meeting")
    expect(page).to_have_url(re.compile(r"/\?q=xi&kind=visit$"))

    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?q=xi$"))
    expect(results).to_contain_text("2 meetings")
    expect(page.get_by_label("Kind")).to_have_value("")
    expect(page.get_by_label("Search")).to_have_value("xi")

    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(results).to_contain_text("3 meetings")
    expect(page.get_by_label("Search")).to_have_value("")

    page.go_forward()
    # Each step is restored before the next, as a person clicking Forward sees it.
    expect(page).to_have_url(re.compile(r"/\?q=xi$"))
    expect(results).to_contain_text("2 meetings")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"/\?q=xi&kind=visit$"))
    expect(page.get_by_label("Kind")).to_have_value("visit")
    expect(page.get_by_label("Search")).to_have_value("xi")
    expect(results).to_contain_text("1 meeting")


def test_a_shared_link_restores_list_and_form(live_server, log_in, analyst_user, meetings):
    from playwright.sync_api import expect

    page = log_in("anna", "anna-password")
    page.goto(f"{live_server.url}/?country=cn&actor={meetings['modi'].pk}")

    expect(page.locator("#results")).to_contain_text("1 meeting")
    expect(page.get_by_role("checkbox", name="China")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Narendra Modi")).to_be_checked()


def test_the_actor_picker_suggests_as_one_types_and_filters(live_server, log_in, analyst_user,
                                                            meetings):  # fmt: skip
    from playwright.sync_api import expect

    page = log_in("anna", "anna-password")
    results = page.locator("#results")
    picker = page.get_by_role("combobox", name="Actor")

    picker.press_sequentially("Narendr")
    option = page.get_by_role("option", name=re.compile("Narendra Modi"))
    expect(option).to_be_visible()
    expect(picker).to_have_attribute("aria-expanded", "true")
    picker.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    picker.press("Enter")

    chip = page.get_by_role("checkbox", name="Narendra Modi")
    expect(chip).to_be_checked()
    expect(results).to_contain_text("2 meetings")
    expect(page).to_have_url(re.compile(rf"/\?actor={meetings['modi'].pk}$"))
    expect(picker).to_have_value("")

    chip.uncheck()
    expect(results).to_contain_text("3 meetings")
    expect(page).to_have_url(re.compile(r"/$"))


def test_scrolling_loads_more_entries(live_server, log_in, analyst_user, db):
    from playwright.sync_api import expect

    for number in range(PER_PAGE + 7):
        make_meeting(title=f"Talks {number}", start=dt.date(2020, 1, 1) + dt.timedelta(number))

    page = log_in("anna", "anna-password")
    entries = page.locator("article.entry")
    expect(entries).to_have_count(PER_PAGE)

    page.get_by_role("link", name="More meetings").scroll_into_view_if_needed()

    expect(entries).to_have_count(PER_PAGE + 7)
    expect(page.get_by_role("link", name="More meetings")).to_have_count(0)
    expect(page).to_have_url(f"{live_server.url}/")
    # One heading per month, even across the two pages.
    months = page.locator("h3.timeline-month").all_inner_texts()
    assert months == ["February 2020", "January 2020"]


def test_histogram_bars_narrow_the_dates(live_server, log_in, analyst_user, meetings):
    from playwright.sync_api import expect

    page = log_in("anna", "anna-password")
    chart = page.locator("svg.histogram-chart")
    expect(chart).to_be_visible()
    assert page.locator(".histogram-caption").inner_text().startswith("Meetings per month")

    # Drag from the first bar (January 2023) to the one of July 2024.
    first = page.locator(".histogram-bar").first
    july = page.locator('.histogram-bar[data-from="2024-07-01"]')
    first.hover()
    page.mouse.down()
    july.hover()
    page.mouse.up()

    expect(page).to_have_url(re.compile(r"date_from=2023-01-01&date_to=2024-07-31"))
    expect(page.get_by_label("From", exact=True)).to_have_value("2023-01-01")
    expect(page.get_by_label("To", exact=True)).to_have_value("2024-07-31")
    expect(page.locator("#results")).to_contain_text("2 meetings")

    # A click on one bar takes its month; the chart then shows the months of that range.
    page.locator('.histogram-bar[data-from="2024-07-01"]').click()
    expect(page).to_have_url(re.compile(r"date_from=2024-07-01&date_to=2024-07-31"))
    expect(page.locator("#results")).to_contain_text("1 meeting")


def test_every_page_fits_a_phone(live_server, log_in, editor_user, meetings):
    from events.models import Meeting

    article = make_article(
        title="A rather long headline about a state visit that goes on and on",
        url="https://news.example/a/very/long/address/that/would/not/wrap/by/itself/at/all",
    )
    meeting = Meeting.objects.get(title="Xi Jinping visits Moscow")
    page = log_in("edith", "edith-password")
    page.set_viewport_size({"width": 390, "height": 800})
    urls = [
        reverse("events:meeting-list"),
        reverse("events:meeting-detail", args=[meeting.pk]),
        reverse("articles:article-list"),
        reverse("articles:article-detail", args=[article.pk]),
        reverse("articles:article-create"),
        reverse("articles:article-import"),
        "/no/such/page/",
    ]
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide"
    page.goto(f"{live_server.url}/")
    box = page.locator("article.entry").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
