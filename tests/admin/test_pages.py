"""Every admin page opens for an editor; nobody else gets into the admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article
from events.models import Actor, Country, Meeting


@pytest.fixture
def objects(meeting, article):
    """One object of each model the admin edits."""
    return {
        Meeting: meeting,
        Article: article,
        Actor: meeting.participants.first().actor,
        Country: Country.objects.get(code="RU"),
    }


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def test_our_models_are_registered():
    for model in (Meeting, Actor, Country, Article):
        assert admin.site.is_registered(model)


@pytest.mark.parametrize("model", [Meeting, Actor, Country, Article])
def test_editor_opens_every_page(editor_client, objects, model):
    obj = objects[model]
    assert editor_client.get(admin_url(model, "changelist")).status_code == 200
    assert editor_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    expected_add = 403 if model is Country else 200
    assert editor_client.get(admin_url(model, "add")).status_code == expected_add


def test_editor_sees_the_admin_index_titled_entente(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Entente" in response.text
    assert reverse("admin:events_meeting_changelist") in response.text


@pytest.mark.parametrize("url", ["/admin/", "/admin/events/meeting/", "/admin/articles/article/"])
def test_analyst_is_sent_to_the_admin_login(analyst_client, url):
    response = analyst_client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_anonymous_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_meeting_list_shows_source_count_and_finds_participants(editor_client, meeting):
    url = admin_url(Meeting, "changelist")
    response = editor_client.get(url, {"q": "Putin"})
    assert list(response.context["cl"].result_list) == [meeting]
    assert response.context["cl"].result_list[0].source_count == 1
    assert list(editor_client.get(url, {"q": "Modi"}).context["cl"].result_list) == []


@pytest.mark.parametrize(
    "query",
    [
        {"kind__exact": "visit"},
        {"review_state__exact": "extracted"},
        {"edited__exact": "0"},
        {"country__code__exact": "RU"},
        {"start_date__year": "2025"},
    ],
)
def test_meeting_list_filters(editor_client, meeting, query):
    response = editor_client.get(admin_url(Meeting, "changelist"), query)
    assert list(response.context["cl"].result_list) == [meeting]


def test_actor_list_counts_meetings_and_searches_aliases(editor_client, meeting):
    putin = meeting.participants.get(role="host").actor
    putin.aliases.create(name="Volodya Kremlinsky")
    response = editor_client.get(admin_url(Actor, "changelist"), {"q": "Kremlinsky"})
    assert list(response.context["cl"].result_list) == [putin]
    assert response.context["cl"].result_list[0].meeting_count == 1


def test_meeting_page_shows_the_claim_readably(editor_client, meeting, article):
    response = editor_client.get(admin_url(Meeting, "change", meeting.pk))
    assert "extraction never changes or" in response.text  # the help at the top
    assert admin_url(Article, "change", article.pk) in response.text
    for participant in meeting.participants.select_related("actor"):
        # The names are the stored actors' (the known-actors directory may spell them its way).
        assert f"{participant.actor.name} ({participant.role})" in response.text


def test_article_page_links_the_meetings_it_reports(editor_client, meeting, article):
    response = editor_client.get(admin_url(Article, "change", article.pk))
    assert admin_url(Meeting, "change", meeting.pk) in response.text
    assert "Vladimir Putin (host)" in response.text


def test_country_names_are_shown_read_only_and_countries_cannot_be_deleted(editor_client):
    response = editor_client.get(admin_url(Country, "change", "RU"))
    assert "Россия" in response.text
    assert "names" not in response.context["adminform"].form.fields
    assert editor_client.get(admin_url(Country, "delete", "RU")).status_code == 403
