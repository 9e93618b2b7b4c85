"""Editors add articles, correct them and re-run their extraction from the admin."""

import datetime as dt

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ExtractionStatus
from events.models import Meeting
from tests.admin.conftest import SENTENCE

CHANGELIST = "admin:articles_article_changelist"


@pytest.fixture
def done_article(article):
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.DONE, extraction_attempts=2
    )
    article.refresh_from_db()
    return article


def rerun(client, articles):
    return client.post(
        reverse(CHANGELIST),
        {"action": "rerun_extraction", "_selected_action": [a.pk for a in articles]},
        follow=True,
    )


def test_rerun_extraction_queues_a_task(
    editor_client, done_article, django_capture_on_commit_callbacks
):
    tasks_before = DBTaskResult.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = rerun(editor_client, [done_article])
    assert "Queued 1 article(s) for extraction." in response.text
    done_article.refresh_from_db()
    assert done_article.extraction_status == ExtractionStatus.QUEUED
    assert done_article.extraction_attempts == 0
    assert DBTaskResult.objects.count() == tasks_before + 1
    task = DBTaskResult.objects.get(id=done_article.extraction_task_id)
    assert task.args_kwargs["args"] == [done_article.pk]


def test_rerun_extraction_is_carried_out_by_the_worker(
    editor_client, done_article, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        rerun(editor_client, [done_article])
    run_worker()
    done_article.refresh_from_db()
    assert done_article.extraction_status != ExtractionStatus.QUEUED
    assert done_article.extraction_attempts == 1


def test_adding_an_article_stores_it_through_the_service(
    editor_client, editor_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_add"),
            {
                "title": "Sugiono receives a counterpart",
                "body": "Indonesian Foreign Minister Sugiono met a counterpart in Jakarta.",
                "published_on": "2025-05-20",
                "language": "en",
                "source": "Test Wire",
                "url": "",
                "external_id": "",
            },
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(title="Sugiono receives a counterpart")
    assert article.content_hash
    assert article.external_id is None
    assert article.uploaded_by == editor_user
    assert article.published_on == dt.date(2025, 5, 20)
    assert article.extraction_task_id
    assert DBTaskResult.objects.filter(id=article.extraction_task_id).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"body": "  " + SENTENCE.replace(" ", "   ")}, "body"),
        ({"language": "english"}, "language"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"external_id": "test-001"}, "external_id"),
    ],
)
def test_adding_an_article_reports_what_the_service_would_refuse(
    editor_client, article, changes, field
):
    data = {
        "title": "Another",
        "body": "Another text.",
        "published_on": "2025-05-20",
        "language": "en",
        "source": "",
        "url": "",
        "external_id": "",
        **changes,
    }
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert Article.objects.count() == 1


def test_changing_the_title_queues_extraction_again(
    editor_client, done_article, post_change_form, django_capture_on_commit_callbacks
):
    url = reverse("admin:articles_article_change", args=[done_article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(editor_client, url, {"title": "A better title"})
    assert response.status_code == 302
    done_article.refresh_from_db()
    assert done_article.title == "A better title"
    assert done_article.extraction_status == ExtractionStatus.QUEUED


def test_changing_the_source_keeps_the_extraction(
    editor_client, done_article, post_change_form, django_capture_on_commit_callbacks
):
    url = reverse("admin:articles_article_change", args=[done_article.pk])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_change_form(editor_client, url, {"source": "Another Wire"})
    assert response.status_code == 302
    assert callbacks == []
    done_article.refresh_from_db()
    assert done_article.source == "Another Wire"
    assert done_article.extraction_status == ExtractionStatus.DONE
    assert done_article.extraction_attempts == 2


def test_changing_the_language_to_a_non_code_is_refused(
    editor_client, done_article, post_change_form
):
    url = reverse("admin:articles_article_change", args=[done_article.pk])
    response = post_change_form(editor_client, url, {"language": "english"})
    assert response.status_code == 200
    assert "language" in response.context["adminform"].form.errors


def test_deleting_an_article_withdraws_its_meetings(editor_client, meeting, article):
    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_deleting_articles_keeps_edited_meetings(editor_client, meeting, article):
    Meeting.objects.filter(pk=meeting.pk).update(edited=True)
    response = editor_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert Meeting.objects.get(pk=meeting.pk).edited
