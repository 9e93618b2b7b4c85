"""Workers as real processes on PostgreSQL: one killed mid-article, one that dies elsewhere."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time

from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ExtractionStatus
from articles.services import article_create
from events.models import MeetingSource, WorkerHeartbeat
from tests.concurrency.conftest import ROOT, database_url

SENTENCES = [
    "Foreign Minister Ola Brekke of Norway met Chilean Foreign Minister Ana Fuentes in Oslo "
    "on {day} March 2025.",
    "The two ministers talked about fisheries and about a new air link between their capitals.",
    "Later that week the Norwegian minister received his Peruvian counterpart in Bergen.",
]


def long_article() -> Article:
    """An article long enough that extracting it takes a worker a while."""
    body = " ".join(sentence.format(day=1 + n % 27) for n in range(400) for sentence in SENTENCES)
    article = article_create(
        title="Norway's minister meets two Latin American counterparts",
        body=body,
        published_on=dt.date(2025, 3, 30),
        language="en",
    )
    connection.close()  # the commit hook above enqueued its task; workers take it from here
    return Article.objects.get(pk=article.pk)


def start_worker(*extra: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", *extra],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            **env,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def status_of(article: Article) -> str:
    return Article.objects.values_list("extraction_status", flat=True).get(pk=article.pk)


def test_a_worker_killed_mid_article_has_it_finished_by_the_next_one(committed_db):
    article = long_article()
    doomed = start_worker()
    wait_for(
        lambda: status_of(article) == ExtractionStatus.PROCESSING,
        timeout=60,
        what="the first worker to take the article",
    )

    doomed.send_signal(signal.SIGKILL)
    doomed.wait(timeout=10)
    assert status_of(article) == ExtractionStatus.PROCESSING
    assert not MeetingSource.objects.filter(article=article).exists()

    # A supervisor starts a new worker at once: it must not wait for any stall time.
    started = time.monotonic()
    successor = start_worker("--batch")
    out, _ = successor.communicate(timeout=120)

    assert successor.returncode == 0, out
    assert "Requeued 1 task(s) of dead workers." in out
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE, article.extraction_error
    assert article.extraction_attempts == 2
    sources = list(MeetingSource.objects.filter(article=article).values_list("meeting", flat=True))
    assert sources
    assert len(sources) == len(set(sources)), "a meeting got the article twice"
    assert [task.status for task in DBTaskResult.objects.order_by("enqueued_at")] == [
        "FAILED",
        "SUCCESSFUL",
    ]
    assert time.monotonic() - started < 60
    assert not WorkerHeartbeat.objects.exists(), "a worker left its heartbeat behind"


def test_a_running_worker_takes_over_the_task_of_a_worker_that_stopped_beating(committed_db):
    article = long_article()
    task = DBTaskResult.objects.get(pk=article.extraction_task_id)
    # A worker on another machine took the article, then fell silent.
    WorkerHeartbeat.objects.create(
        worker_id="elsewhere", hostname="another-host", pid=4242, beat_at=timezone.now()
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        status="RUNNING", started_at=timezone.now(), worker_ids=["elsewhere"]
    )
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.PROCESSING,
        extraction_started_at=timezone.now(),
        extraction_attempts=1,
    )

    worker = start_worker(WORKER_STALE_SECONDS="2", WORKER_RECOVERY_SECONDS="0.5")
    try:
        # The other worker beats until ours has started (and looked at it at its start), then
        # falls silent: only a later, periodic pass can take the task back.
        def ours_started() -> bool:
            WorkerHeartbeat.objects.filter(worker_id="elsewhere").update(beat_at=timezone.now())
            return WorkerHeartbeat.objects.exclude(worker_id="elsewhere").exists()

        wait_for(ours_started, timeout=60, what="the worker to start")
        time.sleep(0.5)
        WorkerHeartbeat.objects.filter(worker_id="elsewhere").update(beat_at=timezone.now())
        assert status_of(article) == ExtractionStatus.PROCESSING
        wait_for(
            lambda: status_of(article) == ExtractionStatus.DONE,
            timeout=90,
            what="the running worker to recover and finish the article",
        )
        assert WorkerHeartbeat.objects.filter(hostname="another-host").count() == 0
        assert WorkerHeartbeat.objects.exclude(hostname="another-host").count() == 1
    finally:
        worker.send_signal(signal.SIGTERM)
        out, _ = worker.communicate(timeout=30)
    assert worker.returncode == 0, out
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "events.worker_health.WorkerLost"
    assert not WorkerHeartbeat.objects.exists()
