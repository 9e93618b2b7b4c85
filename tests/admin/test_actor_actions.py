"""The actor changelist's merge and junk deletion: a confirmation page first, then the change;
and the meeting changelist's columns for a laptop screen."""

from django.urls import reverse

from events.models import Actor, ActorTombstone, Meeting
from tests.factories import make_actor, make_meeting

CHANGELIST = reverse("admin:events_actor_changelist")


def test_merging_asks_first_then_merges(editor_client, db):
    kept = make_actor("Yusuf Demirel", country="TR", verified=True)
    double = make_actor("Y. Demirel", country="TR")
    meeting = make_meeting(participants=[double, make_actor("Lea Brandt", country="DE")])
    chosen = {"action": "merge_actors", "_selected_action": [kept.pk, double.pk]}

    confirm = editor_client.post(CHANGELIST, chosen)

    assert confirm.status_code == 200
    assert "Yusuf Demirel</strong> (id" in confirm.text and "an alias of it" in confirm.text
    assert Actor.objects.filter(pk=double.pk).exists()

    done = editor_client.post(CHANGELIST, {**chosen, "confirmed": "yes"}, follow=True)

    assert "1 actor(s) merged into Yusuf Demirel" in done.text
    assert not Actor.objects.filter(pk=double.pk).exists()
    assert meeting.participants.filter(actor=kept).exists()
    assert kept.aliases.filter(name="Y. Demirel").exists()


def test_deleting_junk_lists_what_meetings_lose_then_deletes(editor_client, db):
    junk = make_actor("Kantor Pusat")
    lea = make_actor("Lea Brandt", country="DE")
    meeting = make_meeting(title="", participants=[junk, lea])
    chosen = {"action": "delete_junk", "_selected_action": [junk.pk]}

    confirm = editor_client.post(CHANGELIST, chosen)

    assert confirm.status_code == 200
    assert "Kantor Pusat" in confirm.text and "Lea Brandt" in confirm.text
    assert reverse("admin:events_meeting_change", args=[meeting.pk]) in confirm.text

    done = editor_client.post(CHANGELIST, {**chosen, "confirmed": "yes"}, follow=True)

    assert "1 actor(s) deleted" in done.text
    assert not Actor.objects.filter(pk=junk.pk).exists()
    assert ActorTombstone.objects.get(pk=junk.pk).names == ["kantor pusat"]
    assert list(meeting.participants.values_list("actor__name", flat=True)) == ["Lea Brandt"]
    assert "Kantor" not in Meeting.objects.get(pk=meeting.pk).title


def test_the_plain_delete_action_is_not_offered(editor_client, db):
    html = editor_client.get(CHANGELIST).text

    assert 'value="delete_selected"' not in html
    assert 'value="delete_junk"' in html and 'value="merge_actors"' in html


def test_the_meeting_changelist_shows_full_titles_and_the_venue(editor_client, db):
    title = "A deliberately long meeting title that must never be cut short in the list"
    make_meeting(title=title, title_is_manual=True, city="Valletta", country="MT")

    html = editor_client.get(reverse("admin:events_meeting_changelist")).text

    assert title in html
    assert "Valletta, Malta" in html
    assert "css/admin.css" in html
