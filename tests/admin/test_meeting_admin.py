"""An editor's changes to a meeting are marked, and extraction then leaves the meeting alone."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Actor, Meeting, ReviewState
from events.store import meetings_replace_for_article
from tests.admin.conftest import moscow_finding


def change_url(meeting: Meeting) -> str:
    return reverse("admin:events_meeting_change", args=[meeting.pk])


def test_editing_a_field_marks_the_meeting_edited(editor_client, meeting, post_change_form):
    response = post_change_form(editor_client, change_url(meeting), {"city": "Moskva"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.city == "Moskva"
    assert meeting.edited


def test_editing_an_inline_marks_the_meeting_edited(editor_client, meeting, post_change_form):
    response = post_change_form(
        editor_client, change_url(meeting), {"participants-0-role": "participant"}
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.edited


def test_adding_a_participant_marks_the_meeting_edited(editor_client, meeting, post_change_form):
    erdogan = Actor.objects.create(name="Recep Tayyip Erdoğan", country_id="TR")
    response = post_change_form(
        editor_client,
        change_url(meeting),
        {
            "participants-TOTAL_FORMS": "3",
            "participants-2-actor": str(erdogan.pk),
            "participants-2-role": "participant",
            "participants-2-meeting": str(meeting.pk),
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.edited
    assert meeting.participants.filter(actor=erdogan).exists()


def test_saving_without_changes_does_not_mark_the_meeting(editor_client, meeting, post_change_form):
    response = post_change_form(editor_client, change_url(meeting), {})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert not meeting.edited


def test_a_verdict_alone_is_not_an_edit(editor_client, meeting, post_change_form):
    response = post_change_form(editor_client, change_url(meeting), {"review_state": "verified"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.VERIFIED
    assert not meeting.edited


def test_unticking_edited_hands_the_meeting_back(editor_client, meeting, post_change_form):
    Meeting.objects.filter(pk=meeting.pk).update(edited=True)
    response = post_change_form(editor_client, change_url(meeting), {"edited": None})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert not meeting.edited


def test_a_meeting_added_by_an_editor_is_edited(editor_client):
    response = editor_client.post(
        reverse("admin:events_meeting_add"),
        {
            "title": "Prabowo meets Albanese in Jakarta",
            "kind": "meeting",
            "status": "occurred",
            "start_date": "2025-05-15",
            "date_precision": "day",
            "city": "Jakarta",
            "country": "ID",
            "review_state": "extracted",
            **{
                f"{prefix}-{key}": value
                for prefix in ("participants", "evidence", "sources")
                for key, value in {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0"}.items()
            },
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Meeting.objects.get(title="Prabowo meets Albanese in Jakarta").edited


@pytest.mark.parametrize(
    "findings",
    [
        pytest.param([], id="article no longer reports it"),
        pytest.param(
            [moscow_finding(city="Sochi", start=dt.date(2025, 10, 14), kind="meeting")],
            id="article reports it differently",
        ),
    ],
)
def test_extraction_leaves_an_edited_meeting_alone(
    editor_client, meeting, article, post_change_form, findings
):
    response = post_change_form(
        editor_client,
        change_url(meeting),
        {"title": "Al-Sharaa's first visit to Moscow", "start_date": "2025-10-15"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    before = {
        field: getattr(meeting, field)
        for field in ("title", "kind", "status", "start_date", "city", "country_id")
    }
    participants = set(meeting.participants.values_list("actor_id", "role"))

    meetings_replace_for_article(article=article, findings=findings)

    meeting.refresh_from_db()  # raises if the meeting was deleted
    assert meeting.edited
    assert before == {field: getattr(meeting, field) for field in before}
    assert participants == set(meeting.participants.values_list("actor_id", "role"))
    assert meeting.sources.filter(article=article).exists()


def test_extraction_recomputes_a_meeting_nobody_edited(meeting, article):
    """The contrast: without an edit, the article's new reading replaces the old one."""
    meetings_replace_for_article(article=article, findings=[])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("mark_verified", ReviewState.VERIFIED),
        ("mark_rejected", ReviewState.REJECTED),
        ("mark_extracted", ReviewState.EXTRACTED),
    ],
)
def test_review_actions_set_the_review_state(editor_client, meeting, action, state):
    if state == ReviewState.EXTRACTED:
        Meeting.objects.filter(pk=meeting.pk).update(review_state=ReviewState.VERIFIED)
    response = editor_client.post(
        reverse("admin:events_meeting_changelist"),
        {"action": action, "_selected_action": [meeting.pk]},
        follow=True,
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.review_state == state
    assert not meeting.edited
    assert "1 meeting(s) now" in response.text
