"""setup_demo: the demo users and articles, created once however often it runs."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article
from events.management.commands.setup_demo import DEMO_ARTICLES
from events.models import Meeting
from events.roles import ANALYSTS, EDITORS

REQUIRED_KEYS = {"id", "lang", "title", "published", "source", "url", "text"}


def demo_records() -> list[dict]:
    with DEMO_ARTICLES.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def setup_demo(*args: str) -> str:
    out = StringIO()
    call_command("setup_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_demo_articles_are_well_formed():
    records = demo_records()
    assert 12 <= len(records) <= 14
    assert len({record["id"] for record in records}) == len(records)
    assert len({record["text"] for record in records}) == len(records)
    for record in records:
        assert set(record) == REQUIRED_KEYS, record["id"]
        assert record["id"].startswith("demo-")
        assert record["lang"] in {"en", "id"}
        assert record["source"] == "Entente demo"
        assert record["url"] is None
        assert record["title"].strip()
        dt.date.fromisoformat(record["published"])
        assert 120 <= len(record["text"].split()) <= 300, record["id"]
    languages = [record["lang"] for record in records]
    assert abs(languages.count("en") - languages.count("id")) <= 2


def test_setup_demo_twice_creates_everything_once(db, client):
    first = setup_demo()
    second = setup_demo()

    count = len(demo_records())
    assert f"{count} imported" in first
    assert "0 imported" in second
    assert f"{count} already there" in second
    assert Article.objects.count() == count
    assert set(Article.objects.values_list("external_id", flat=True)) == {
        record["id"] for record in demo_records()
    }

    users = get_user_model().objects
    editor, analyst = users.get(username="editor"), users.get(username="analyst")
    assert users.count() == 2
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert editor.has_perm("articles.add_article")
    assert editor.has_perm("events.change_meeting")
    assert not analyst.is_staff
    assert list(analyst.groups.values_list("name", flat=True)) == [ANALYSTS]
    assert analyst.has_perm("events.view_meeting")
    assert not analyst.has_perm("articles.add_article")

    # Through the login form: the login throttle (django-axes) needs the request.
    login = {"username": "editor", "password": "entente-editor"}
    assert client.post("/accounts/login/", login).status_code == 302
    assert client.get("/admin/").status_code == 200
    login = {"username": "analyst", "password": "entente-analyst"}
    assert client.post("/accounts/login/", login).status_code == 302
    assert client.get("/admin/").status_code == 302


def test_setup_demo_restores_changed_demo_users(db):
    setup_demo("--no-articles")
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("forgotten")
    editor.is_staff = False
    editor.save()
    editor.groups.clear()

    setup_demo("--no-articles")

    editor.refresh_from_db()
    assert editor.is_staff
    assert editor.check_password("entente-editor")
    assert editor.has_perm("articles.add_article")


def test_no_articles_creates_only_the_users(db):
    output = setup_demo("--no-articles")
    assert "editor / entente-editor" in output
    assert Article.objects.count() == 0
    assert get_user_model().objects.filter(username__in=["editor", "analyst"]).count() == 2


@pytest.mark.parametrize("record", demo_records(), ids=lambda record: record["id"])
def test_demo_articles_are_imported_with_their_metadata(db, record):
    setup_demo()
    article = Article.objects.get(external_id=record["id"])
    assert article.title == record["title"]
    assert article.language == record["lang"]
    assert article.published_on == dt.date.fromisoformat(record["published"])
    assert article.source == "Entente demo"
    assert article.uploaded_by.username == "editor"


# The main encounter of each demo article, as articles/demo/README.md describes it.
DEMO_MEETINGS = {
    ("visit", "occurred", dt.date(2024, 11, 9), "Beijing"): 2,  # demo-001 and demo-002
    ("visit", "occurred", dt.date(2025, 1, 11), "Bogor"): 1,
    ("visit", "occurred", dt.date(2025, 6, 19), "Saint Petersburg"): 1,
    ("call", "occurred", dt.date(2025, 2, 12), ""): 1,
    ("multilateral", "cancelled", dt.date(2025, 10, 15), "Moscow"): 2,  # demo-006 and demo-007
    ("visit", "occurred", dt.date(2025, 10, 15), "Moscow"): 1,
    ("visit", "planned", dt.date(2026, 1, 28), "Moscow"): 1,
    ("multilateral", "occurred", dt.date(2025, 10, 26), "Kuala Lumpur"): 1,
    ("visit", "planned", dt.date(2025, 5, 15), "Jakarta"): 1,
    ("visit", "occurred", dt.date(2024, 4, 18), "Jakarta"): 1,
}


def test_extracted_demo_gives_the_encounters_its_readme_promises(
    db, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        setup_demo()
    run_worker()

    assert not Article.objects.exclude(extraction_status="done").exists()
    sources = {
        (m.kind, m.status, m.start_date, m.city): m.sources.count() for m in Meeting.objects.all()
    }
    for encounter, articles in DEMO_MEETINGS.items():
        assert sources.get(encounter) == articles, (encounter, sources)
    no_meetings = ["demo-012", "demo-013"]
    assert not Meeting.objects.filter(articles__external_id__in=no_meetings).exists()
