"""The review queue: what waits, verdicts and corrections in place (htmx and plain posts),
many meetings at once, and the count in the navigation."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Meeting, MeetingKind, ReviewState
from tests.factories import add_source, make_actor, make_meeting

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def queue(db):
    sol = make_actor("Mirela Sol", country="ES")
    dane = make_actor("Ott Dane", country="DK")
    older = make_meeting(title="Sol meets Dane", participants=[sol, dane], city="Madrid",
                         country="ES")  # fmt: skip
    add_source(older, evidence=["Mirela Sol received Ott Dane in Madrid."])
    newer = make_meeting(
        title="Dane calls Sol", kind=MeetingKind.CALL, participants=[dane, sol],
        start=dt.date(2026, 2, 2),
    )  # fmt: skip
    verified = make_meeting(title="Already verified", review_state=ReviewState.VERIFIED)
    return {"older": older, "newer": newer, "verified": verified}


def test_the_queue_lists_what_waits_newest_first_with_its_facts_and_evidence(editor_client, queue):
    response = editor_client.get(reverse("events:review-list"))

    html = response.text
    assert response.status_code == 200
    assert "2 meetings wait for review." in html
    assert html.index("Dane calls Sol") < html.index("Sol meets Dane")
    assert "Already verified" not in html
    assert "Mirela Sol received Ott Dane in Madrid." in html
    assert "Madrid" in html and "Ott Dane" in html


def test_the_navigation_counts_what_waits_for_editors(editor_client, queue):
    html = editor_client.get(reverse("events:meeting-list")).text

    assert 'id="review-count"' in html and ">2</span>" in html


def test_analysts_see_no_count(analyst_client, queue):
    assert "review-count" not in analyst_client.get(reverse("events:meeting-list")).text


def test_verifying_with_htmx_swaps_the_meeting_and_the_count(editor_client, queue):
    meeting = queue["older"]

    response = editor_client.post(
        reverse("events:review-verdict", args=[meeting.pk]), {"verdict": "verify"}, **HTMX
    )

    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.VERIFIED
    assert f'data-meeting="{meeting.pk}"' in response.text
    assert 'data-action="undo"' in response.text
    assert 'hx-swap-oob="true"' in response.text and ">1</span>" in response.text


def test_a_verdict_can_be_undone(editor_client, queue):
    meeting = queue["older"]
    url = reverse("events:review-verdict", args=[meeting.pk])
    editor_client.post(url, {"verdict": "reject"}, **HTMX)

    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.REJECTED

    editor_client.post(url, {"verdict": "undo"}, **HTMX)

    assert Meeting.objects.filter(review_state=ReviewState.EXTRACTED).count() == 2


def test_without_javascript_a_verdict_comes_back_to_the_queue(editor_client, queue):
    url = reverse("events:review-verdict", args=[queue["newer"].pk])

    response = editor_client.post(url, {"verdict": "reject"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("events:review-list")
    assert "is now rejected" in response.text


def test_an_unknown_verdict_is_refused(editor_client, queue):
    url = reverse("events:review-verdict", args=[queue["newer"].pk])

    response = editor_client.post(url, {"verdict": "approve"})

    assert response.status_code == 400
    assert Meeting.objects.get(pk=queue["newer"].pk).review_state == ReviewState.EXTRACTED


def test_editing_in_place_marks_the_meeting_edited_and_retitles_it(editor_client, queue):
    meeting = queue["newer"]
    url = reverse("events:review-edit", args=[meeting.pk])

    form = editor_client.get(url, **HTMX)
    assert form.status_code == 200 and 'name="city"' in form.text

    response = editor_client.post(
        url,
        {
            "kind": "visit",
            "status": "occurred",
            "start_date": "2026-02-02",
            "end_date": "",
            "date_precision": "day",
            "city": "Copenhagen",
            "country": "DK",
        },
        **HTMX,
    )

    assert response.status_code == 200
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.city, meeting.country_id) == ("visit", "Copenhagen", "DK")
    assert meeting.edited
    assert "Copenhagen" in meeting.title
    assert f'data-meeting="{meeting.pk}"' in response.text


def test_a_wrong_correction_keeps_what_was_typed_and_says_why(editor_client, queue):
    meeting = queue["newer"]

    response = editor_client.post(
        reverse("events:review-edit", args=[meeting.pk]),
        {
            "kind": "call",
            "status": "occurred",
            "start_date": "2026-02-05",
            "end_date": "2026-02-01",
            "date_precision": "day",
            "city": "Aarhus",
            "country": "",
        },
        **HTMX,
    )

    assert "The last day comes before the first." in response.text
    assert 'value="Aarhus"' in response.text
    meeting.refresh_from_db()
    assert meeting.city == "" and not meeting.edited


def test_many_meetings_are_verified_at_once(editor_client, queue):
    ids = [queue["older"].pk, queue["newer"].pk]

    response = editor_client.post(
        reverse("events:review-bulk"), {"ids": ids, "action": "verify"}, follow=True
    )

    assert "2 meetings are now verified." in response.text
    assert "Nothing waits for review." in response.text


def test_choosing_merge_leads_to_the_merge_page(editor_client, queue):
    ids = [queue["newer"].pk, queue["older"].pk]

    response = editor_client.post(reverse("events:review-bulk"), {"ids": ids, "action": "merge"})

    assert response.status_code == 302
    low, high = sorted(ids)
    assert response["Location"] == f"{reverse('events:meeting-merge')}?ids={low}%2C{high}"


def test_choosing_nothing_says_so(editor_client, queue):
    response = editor_client.post(reverse("events:review-bulk"), {"action": "verify"}, follow=True)

    assert "Choose meetings first." in response.text


@pytest.mark.parametrize("name", ["review-list"])
def test_analysts_cannot_review(analyst_client, queue, name):
    assert analyst_client.get(reverse(f"events:{name}")).status_code == 403
    url = reverse("events:review-verdict", args=[queue["older"].pk])
    assert analyst_client.post(url, {"verdict": "verify"}).status_code == 403
    assert Meeting.objects.get(pk=queue["older"].pk).review_state == ReviewState.EXTRACTED
