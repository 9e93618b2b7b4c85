"""The merge page (what the survivor will hold, then the merge) and the split page."""

import pytest
from django.urls import reverse

from events.models import Meeting, MeetingTombstone
from tests.factories import add_source, make_actor, make_meeting


@pytest.fixture
def twins(db):
    aru = make_actor("Tomas Aru", country="EE")
    lind = make_actor("Greta Lind", country="SE")
    vos = make_actor("Pim Vos", country="NL")
    first = make_meeting(title="Aru meets Lind", participants=[aru, lind], city="Tallinn",
                         country="EE")  # fmt: skip
    add_source(first, evidence=["Aru and Lind talked in Tallinn."])
    second = make_meeting(title="Lind in Tallinn", participants=[lind, vos])
    add_source(second, evidence=["Lind and Vos were in Tallinn too."])
    return first, second


def test_the_merge_page_shows_what_the_survivor_will_hold(editor_client, twins):
    first, second = twins

    response = editor_client.get(
        reverse("events:meeting-merge"), {"ids": f"{second.pk},{first.pk}"}
    )

    html = response.text
    assert response.status_code == 200
    assert f"meeting {first.pk} (the oldest id) stays" in html
    for name in ("Tomas Aru", "Greta Lind", "Pim Vos"):
        assert name in html
    assert "2 sentences" in html
    assert Meeting.objects.count() == 2  # nothing changes before the confirmation


def test_confirming_merges_and_the_old_id_redirects(editor_client, twins):
    first, second = twins

    response = editor_client.post(
        reverse("events:meeting-merge"), {"ids": f"{first.pk},{second.pk}"}
    )

    assert response["Location"] == reverse("events:meeting-detail", args=[first.pk])
    assert not Meeting.objects.filter(pk=second.pk).exists()
    assert MeetingTombstone.objects.get(meeting_id=second.pk).merged_into_id == first.pk
    assert first.participants.count() == 3 and first.evidence.count() == 2
    old = editor_client.get(reverse("events:meeting-detail", args=[second.pk]))
    assert old.status_code == 301


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        ("{first}", "Choose two meetings or more to merge."),
        ("{first},999999", "No meeting has the id 999999"),
        ("{first},abc", "“abc” is not a meeting id."),
    ],
)
def test_a_bad_choice_of_meetings_says_why(editor_client, twins, ids, message):
    first, _ = twins

    response = editor_client.get(
        reverse("events:meeting-merge"), {"ids": ids.format(first=first.pk)}
    )

    assert response.status_code == 400
    assert message in response.text


def test_splitting_moves_the_chosen_source_and_participant(editor_client, twins):
    first, _ = twins
    extra = add_source(first, evidence=["Aru spoke to Vos by phone later."])
    vos = make_actor("Pim Vos Jr", country="NL")
    first.participants.create(actor=vos)
    url = reverse("events:meeting-split", args=[first.pk])
    page = editor_client.get(url)
    assert page.status_code == 200 and "Pim Vos Jr" in page.text

    data = {f"source_{s.article_id}": "stay" for s in first.sources.all()}
    data |= {f"actor_{p.actor_id}": "stay" for p in first.participants.all()}
    data[f"source_{extra.article_id}"] = "move"
    data[f"actor_{vos.pk}"] = "move"
    response = editor_client.post(url, data)

    new = Meeting.objects.order_by("-pk").first()
    assert response["Location"] == reverse("events:meeting-detail", args=[new.pk])
    assert list(new.participants.values_list("actor__name", flat=True)) == ["Pim Vos Jr"]
    assert list(new.evidence.values_list("text", flat=True)) == ["Aru spoke to Vos by phone later."]
    first.refresh_from_db()
    assert first.edited and new.edited
    assert first.participants.count() == 2 and first.evidence.count() == 1


def test_a_split_that_moves_nothing_or_everything_is_refused(editor_client, twins):
    first, _ = twins
    url = reverse("events:meeting-split", args=[first.pk])
    stay = {f"source_{s.article_id}": "stay" for s in first.sources.all()}
    stay |= {f"actor_{p.actor_id}": "stay" for p in first.participants.all()}

    nothing = editor_client.post(url, stay)
    everything = editor_client.post(url, {name: "move" for name in stay})

    assert nothing.status_code == 400
    assert "Choose at least one source or participant" in nothing.text
    assert everything.status_code == 400
    assert "Everything would move" in everything.text
    assert Meeting.objects.count() == 2


def test_analysts_cannot_merge_or_split(analyst_client, twins):
    first, second = twins

    merge = analyst_client.post(reverse("events:meeting-merge"), {"ids": f"{first.pk},{second.pk}"})
    split = analyst_client.get(reverse("events:meeting-split", args=[first.pk]))

    assert merge.status_code == 403 and split.status_code == 403
    assert Meeting.objects.count() == 2
