"""The review queue in a real browser: one click verifies in place, and the keyboard does
what the buttons do."""

import datetime as dt

import pytest

from events.models import Meeting, ReviewState
from tests.factories import make_actor, make_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def waiting(db):
    halla = make_actor("Sigrun Halla", country="IS")
    berg = make_actor("Tove Berg", country="NO")
    older = make_meeting(title="Halla meets Berg", participants=[halla, berg],
                         start=dt.date(2026, 1, 5))  # fmt: skip
    newer = make_meeting(title="Berg calls Halla", participants=[berg, halla],
                         start=dt.date(2026, 1, 9))  # fmt: skip
    return older, newer


def state(meeting: Meeting) -> str:
    return Meeting.objects.get(pk=meeting.pk).review_state


def test_one_click_verifies_in_place_and_the_count_follows(live_server, log_in, editor_user,
                                                           waiting):  # fmt: skip
    from playwright.sync_api import expect

    older, _ = waiting
    page = log_in("edith", "edith-password")
    page.goto(f"{live_server.url}/review/")
    expect(page.locator("#review-count")).to_have_text("2")
    page.evaluate("window.stillTheSamePage = true")

    item = page.locator(f'[data-meeting="{older.pk}"]')
    item.get_by_role("button", name="Verify").click()

    expect(item.get_by_role("button", name="Undo")).to_be_visible()
    expect(item).to_contain_text("Verified")
    expect(page.locator("#review-count")).to_have_text("1")
    assert state(older) == ReviewState.VERIFIED
    assert page.evaluate("window.stillTheSamePage") is True


def test_keys_move_give_verdicts_and_edit(live_server, log_in, editor_user, waiting):
    from playwright.sync_api import expect

    older, newer = waiting
    page = log_in("edith", "edith-password")
    page.goto(f"{live_server.url}/review/")

    page.keyboard.press("j")  # the first meeting: the newest
    expect(page.locator(f'[data-meeting="{newer.pk}"]')).to_be_focused()
    page.keyboard.press("v")
    expect(page.locator(f'[data-meeting="{newer.pk}"]')).to_contain_text("Verified")
    # After a verdict by key, the next meeting has the focus.
    expect(page.locator(f'[data-meeting="{older.pk}"]')).to_be_focused()
    page.keyboard.press("r")
    expect(page.locator(f'[data-meeting="{older.pk}"]')).to_contain_text("Rejected")
    assert (state(newer), state(older)) == (ReviewState.VERIFIED, ReviewState.REJECTED)
    expect(page.locator(f'[data-meeting="{older.pk}"]')).to_be_focused()  # the last keeps the focus

    page.keyboard.press("k")
    expect(page.locator(f'[data-meeting="{newer.pk}"]')).to_be_focused()
    page.keyboard.press("e")
    kind = page.get_by_label("Kind")
    expect(kind).to_be_focused()
    page.keyboard.press("v")  # chooses "Visit" in the field: no verdict while typing
    expect(kind).to_have_value("visit")
    city = page.get_by_label("Venue city")
    city.fill("Reykjavik")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(f'[data-meeting="{newer.pk}"]')).to_contain_text("Reykjavik")
    edited = Meeting.objects.get(pk=newer.pk)
    assert edited.edited and edited.kind == "visit"
    assert edited.review_state == ReviewState.VERIFIED


def test_selecting_by_key_and_verifying_many(live_server, log_in, editor_user, waiting):
    from playwright.sync_api import expect

    page = log_in("edith", "edith-password")
    page.goto(f"{live_server.url}/review/")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.locator("#review-bulk").get_by_role("button", name="Verify").click()

    expect(page.locator(".messages")).to_contain_text("2 meetings are now verified.")
    expect(page.locator("#review-count")).to_have_text("0")
    assert Meeting.objects.filter(review_state=ReviewState.VERIFIED).count() == 2
