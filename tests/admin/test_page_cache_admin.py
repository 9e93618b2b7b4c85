"""An editor's correction in the admin shows on the timeline at once, cached pages or not."""

from django.urls import reverse

from tests.admin.test_meeting_admin import change_url

TIMELINE = reverse("events:meeting-list")


def test_a_correction_in_the_admin_shows_at_once(
    editor_client, meeting, post_change_form, page_cache, django_capture_on_commit_callbacks
):
    assert "Moscow" in editor_client.get(TIMELINE).text
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(editor_client, change_url(meeting), {"city": "Sochi"})
    assert response.status_code == 302
    page = editor_client.get(TIMELINE).text
    assert "Sochi" in page
    assert "Moscow" not in page
