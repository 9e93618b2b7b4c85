"""db_worker: django-tasks-db's worker, which first recovers what a dead worker left behind."""

from io import StringIO

from django.core.management import get_commands

from articles.models import ExtractionStatus
from tests.factories import stall_extraction


def test_manage_py_runs_our_worker():
    assert get_commands()["db_worker"] == "events"


def test_the_worker_requeues_a_stalled_extraction_then_runs_it(queue_article, run_worker, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 0
    article = queue_article()
    lost_task = stall_extraction(article, minutes_ago=10)

    output = run_worker()

    assert "Requeued 1 task(s) of dead workers." in output
    lost_task.refresh_from_db()
    assert lost_task.status == "FAILED"
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_attempts == 2
    assert article.extraction_task_id != str(lost_task.id)


def test_the_worker_leaves_a_running_extraction_alone(queue_article, run_worker, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    article = queue_article()
    task = stall_extraction(article, minutes_ago=1)

    output = run_worker()

    assert "Requeued" not in output
    task.refresh_from_db()
    article.refresh_from_db()
    assert task.status == "RUNNING"
    assert article.extraction_status == ExtractionStatus.PROCESSING


def test_the_worker_runs_queued_work_without_recovering_anything(queue_article, run_worker):
    articles = [queue_article(), queue_article(body="Another article about nothing at all.")]

    output = run_worker()

    assert "Requeued" not in output
    for article in articles:
        article.refresh_from_db()
        assert article.extraction_status == ExtractionStatus.DONE


def test_the_worker_starts_without_the_system_checks(queue_article, run_worker, monkeypatch):
    # They import every view; a worker serves none (see the command's comment). Run from the
    # command line as manage.py does: call_command would skip them anyway.
    from django.core.management import base

    from events.management.commands.db_worker import Command

    def no_checks(*args, **kwargs):
        raise AssertionError("the worker ran the system checks")

    monkeypatch.setattr(base.BaseCommand, "check", no_checks)
    monkeypatch.setattr("events.worker.close_old_connections", lambda: None)
    monkeypatch.setattr(base.connections, "close_all", lambda: None)
    article = queue_article()

    Command(stdout=StringIO()).run_from_argv(
        ["manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v0"]
    )

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
