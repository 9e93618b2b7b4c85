"""Every change is on record in the admin: who (an editor, or extraction with the article and
the engine's version), when, before and after; an editor can revert one. List actions and
deletions, which bypass save(), are recorded too."""

from django.urls import reverse

from events.extraction import engine
from events.models import Actor, Meeting, MeetingCountry, MeetingTombstone, Participant
from events.store import meetings_replace_for_article
from tests.admin.conftest import form_data, moscow_finding
from tests.factories import make_article, make_finding, person_finding


def history_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_history", args=[obj.pk])


def test_extraction_by_the_worker_is_recorded_with_article_and_engine(
    editor_client, queue_article, run_worker
):
    article = queue_article()
    run_worker()
    meeting = Meeting.objects.get()

    reasons = set(meeting.history.values_list("history_change_reason", flat=True))
    assert reasons == {f"extraction of article {article.pk} (engine {engine.VERSION})"}
    page = editor_client.get(history_url(meeting))
    assert page.status_code == 200
    assert f"extraction of article {article.pk}" in page.text
    # Its participants' changes are listed on the meeting's history, with their own pages.
    assert "Changes to what is edited on its page" in page.text
    assert "participant" in page.text


def test_an_admin_edit_records_the_editor_and_the_values_before_and_after(
    editor_client, editor_user, meeting, post_change_form
):
    url = reverse("admin:events_meeting_change", args=[meeting.pk])
    assert post_change_form(editor_client, url, {"city": "Moskva"}).status_code == 302

    latest = Meeting.history.filter(id=meeting.pk, history_user=editor_user).first()
    delta = latest.diff_against(latest.prev_record)
    assert {(c.field, c.old, c.new) for c in delta.changes if c.field == "city"} == {
        ("city", "Moscow", "Moskva")
    }


def test_review_actions_and_deletions_are_recorded(editor_client, editor_user, meeting):
    editor_client.post(
        reverse("admin:events_meeting_changelist"),
        {"action": "mark_verified", "_selected_action": [meeting.pk]},
    )
    verdict = meeting.history.first()
    assert (verdict.review_state, verdict.history_user) == ("verified", editor_user)

    participant_ids = list(meeting.participants.values_list("pk", flat=True))
    editor_client.post(
        reverse("admin:events_meeting_changelist"),
        {"action": "delete_selected", "_selected_action": [meeting.pk], "post": "yes"},
    )
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert meeting.history.first().history_type == "-"
    assert Participant.history.filter(id__in=participant_ids, history_type="-").count() == 2


def test_an_editor_reverts_a_change_from_the_history(editor_client, meeting, post_change_form):
    url = reverse("admin:events_meeting_change", args=[meeting.pk])
    original = meeting.history.first()  # as extraction left it
    post_change_form(editor_client, url, {"city": "Moskva"})
    revert_url = reverse("admin:events_meeting_simple_history", args=[meeting.pk, original.pk])

    page = editor_client.get(revert_url)
    assert page.status_code == 200
    assert "Moscow" in page.text
    response = editor_client.post(revert_url, form_data(page.context["adminform"].form))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.city == "Moscow"
    assert meeting.edited  # a revert is an editor's change: extraction leaves it alone


def test_a_rename_in_the_admin_retitles_the_actors_meetings(
    editor_client, meeting, post_change_form
):
    putin = meeting.participants.get(role="host").actor
    url = reverse("admin:events_actor_change", args=[putin.pk])

    post_change_form(editor_client, url, {"name": "V. V. Putin"})

    meeting.refresh_from_db()
    assert meeting.title.endswith("hosted by V. V. Putin")
    assert Actor.history.filter(id=putin.pk).first().name == "V. V. Putin"


def test_an_actors_new_country_in_the_admin_moves_their_meetings_in_the_country_filter(
    editor_client, meeting, post_change_form
):
    putin = meeting.participants.get(role="host").actor
    url = reverse("admin:events_actor_change", args=[putin.pk])

    post_change_form(editor_client, url, {"country": "BY"})

    countries = set(
        MeetingCountry.objects.filter(meeting=meeting).values_list("country_id", flat=True)
    )
    assert "BY" in countries


def test_a_title_written_by_hand_stays_until_unticked(editor_client, meeting, post_change_form):
    url = reverse("admin:events_meeting_change", args=[meeting.pk])
    post_change_form(editor_client, url, {"title": "Al-Sharaa in the Kremlin"})
    meeting.refresh_from_db()
    assert (meeting.title, meeting.title_is_manual) == ("Al-Sharaa in the Kremlin", True)

    post_change_form(editor_client, url, {"city": "Sochi"})
    meeting.refresh_from_db()
    assert meeting.title == "Al-Sharaa in the Kremlin"

    post_change_form(editor_client, url, {"title_is_manual": None})
    meeting.refresh_from_db()
    assert meeting.title.endswith("visits Sochi, hosted by Vladimir Putin")


def test_removing_a_participant_in_the_admin_retitles_the_meeting(
    editor_client, meeting, post_change_form
):
    url = reverse("admin:events_meeting_change", args=[meeting.pk])
    host = meeting.participants.get(role="host")
    index = list(meeting.participants.all()).index(host)

    post_change_form(editor_client, url, {f"participants-{index}-DELETE": "on"})

    meeting.refresh_from_db()
    assert "Putin" not in meeting.title
    assert meeting.edited


def test_merging_from_the_list_keeps_the_oldest_and_redirects_the_other(
    editor_client, meeting, client
):
    other_article = make_article(body="Another report of talks in Moscow in December.")
    [other] = meetings_replace_for_article(
        article=other_article,
        findings=[
            make_finding(
                participants=[person_finding("Sergei Lavrov", "RU", "host")],
                start=moscow_finding().start.replace(month=12),
            )
        ],
    )

    response = editor_client.post(
        reverse("admin:events_meeting_changelist"),
        {"action": "merge_into_oldest", "_selected_action": [meeting.pk, other.pk]},
        follow=True,
    )

    assert f"1 meeting(s) merged into meeting {meeting.pk}" in response.text
    assert MeetingTombstone.objects.get(meeting_id=other.pk).merged_into_id == meeting.pk
    meeting.refresh_from_db()
    assert meeting.edited
    assert set(meeting.articles.all()) == {other_article, *meeting.articles.all()}
    assert meeting.sources.count() == 2
