"""Editors verify actors and give them more names."""

import pytest
from django.urls import reverse

from events.models import Actor


@pytest.fixture
def putin(meeting):
    return meeting.participants.get(role="host").actor


def change_url(actor: Actor) -> str:
    return reverse("admin:events_actor_change", args=[actor.pk])


def test_mark_verified_action(editor_client, db):
    actors = [Actor.objects.create(name=name) for name in ("Minister One", "Minister Two")]
    response = editor_client.post(
        reverse("admin:events_actor_changelist"),
        {"action": "mark_verified", "_selected_action": [actor.pk for actor in actors]},
        follow=True,
    )
    assert "2 actor(s) marked verified." in response.text
    assert all(actor.verified for actor in Actor.objects.filter(pk__in=[a.pk for a in actors]))


def add_alias(actor: Actor, name: str) -> dict[str, str]:
    index = actor.aliases.count()
    return {
        "aliases-TOTAL_FORMS": str(index + 1),
        f"aliases-{index}-name": name,
        f"aliases-{index}-actor": str(actor.pk),
    }


def test_an_alias_added_inline_is_normalized(editor_client, putin, post_change_form):
    alias = add_alias(putin, "Putin, Vladimir V.")
    response = post_change_form(editor_client, change_url(putin), alias)
    assert response.status_code == 302
    assert putin.aliases.get(name="Putin, Vladimir V.").normalized == "putin vladimir v"


@pytest.mark.parametrize("name", ["VLADIMIR  putin", "..."])
def test_an_alias_that_normalizes_to_a_taken_or_empty_key_is_refused(
    editor_client, putin, post_change_form, name
):
    assert putin.aliases.filter(normalized="vladimir putin").exists()
    before = putin.aliases.count()
    response = post_change_form(editor_client, change_url(putin), add_alias(putin, name))
    assert response.status_code == 200
    [aliases] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "aliases"
    ]
    assert any(form.errors.get("name") for form in aliases.forms)
    assert putin.aliases.count() == before
