"""manage.py extraction_status [--json] and the editors' retry button."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ExtractionStatus


def status(*args: str) -> str:
    out = StringIO()
    call_command("extraction_status", *args, stdout=out)
    return out.getvalue()


def test_counts_per_state_and_the_oldest_waiting(queue_article):
    first = queue_article()
    second = queue_article(body="The two envoys spoke by phone about the harbour treaty.")
    Article.objects.filter(pk=second.pk).update(extraction_status=ExtractionStatus.FAILED)

    report = json.loads(status("--json"))
    text = status()

    assert report["counts"] == {
        "queued": 1,
        "processing": 0,
        "done": 0,
        "failed": 1,
        "unsupported": 0,
    }
    assert report["oldest_waiting"]["article"] == first.pk
    assert "queued       1" in text
    assert "failed       1" in text
    assert f"oldest waiting: article {first.pk}" in text


def test_nothing_waiting(db):
    assert json.loads(status("--json"))["oldest_waiting"] is None
    assert "oldest waiting: none" in status()


def test_export_to_a_missing_folder_is_a_clear_error(db):
    with pytest.raises(CommandError, match=r"Cannot write /no/such/dir/x\.csv: No such file"):
        call_command("export_meetings", "--output", "/no/such/dir/x.csv")


def test_an_editor_retries_a_failed_extraction_from_the_article_page(
    queue_article, editor_client, run_worker, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    article = queue_article()
    DBTaskResult.objects.all().delete()  # the failed extraction's task is long gone
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.FAILED,
        extraction_error="Failed: ValueError: something odd",
        extraction_attempts=3,
    )
    page = editor_client.get(f"/articles/{article.pk}/")
    assert "Try extraction again" in page.text
    assert "Failed: ValueError: something odd" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        answer = editor_client.post(f"/articles/{article.pk}/retry-extraction/", follow=True)

    assert "Extraction was queued again." in answer.text
    run_worker()
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_attempts == 1


def test_analysts_cannot_retry(queue_article, analyst_client):
    article = queue_article()
    Article.objects.filter(pk=article.pk).update(extraction_status=ExtractionStatus.FAILED)

    assert "Try extraction again" not in analyst_client.get(f"/articles/{article.pk}/").text
    assert analyst_client.post(f"/articles/{article.pk}/retry-extraction/").status_code == 403
