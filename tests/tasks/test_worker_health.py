"""Which workers are dead, and what happens to their running tasks."""

import datetime as dt
import os
import socket
import subprocess
import sys

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import ExtractionStatus
from events.models import WorkerHeartbeat
from events.worker_health import tasks_recover_lost, workers_dead
from tests.factories import stall_extraction


def finished_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def heartbeat(worker_id: str, *, seconds_ago: float = 0, **fields) -> WorkerHeartbeat:
    values = {"hostname": "another-host", "pid": 4242, **fields}
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id, beat_at=timezone.now() - dt.timedelta(seconds=seconds_ago), **values
    )


def dead_ids() -> set[str]:
    return {row.worker_id for row in workers_dead(exclude="me")}


def test_a_worker_that_stopped_beating_is_dead(db, settings):
    settings.WORKER_STALE_SECONDS = 20
    heartbeat("silent", seconds_ago=21)
    heartbeat("beating", seconds_ago=3)

    assert dead_ids() == {"silent"}


def test_a_worker_whose_process_is_gone_from_this_host_is_dead_at_once(db):
    heartbeat("gone", hostname=socket.gethostname(), pid=finished_pid())
    heartbeat("running", hostname=socket.gethostname(), pid=os.getppid())

    assert dead_ids() == {"gone"}


def test_a_predecessor_with_our_pid_on_this_host_is_dead(db):
    # A restarted container's worker is often pid 1 again.
    heartbeat("predecessor", hostname=socket.gethostname(), pid=os.getpid())

    assert dead_ids() == {"predecessor"}


def test_the_task_of_a_dead_worker_is_failed_and_its_article_queued_at_once(
    queue_article, settings, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 30
    article = queue_article()
    task = stall_extraction(article, minutes_ago=0.1)
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["silent"])
    heartbeat("silent", seconds_ago=60)

    with django_capture_on_commit_callbacks(execute=True):
        recovered = tasks_recover_lost(worker_id="me")

    assert recovered == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == "FAILED"
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.QUEUED
    assert "the worker running it stopped" in article.extraction_error
    retry = DBTaskResult.objects.get(pk=article.extraction_task_id)
    assert retry.status == "READY"
    assert retry.run_after <= timezone.now()
    assert not WorkerHeartbeat.objects.filter(worker_id="silent").exists()


def test_the_task_of_a_live_worker_is_left_alone(queue_article):
    article = queue_article()
    task = stall_extraction(article, minutes_ago=60)
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["beating"])
    heartbeat("beating", seconds_ago=1)

    assert tasks_recover_lost(worker_id="me") == []
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_lost_import_task_is_enqueued_again_as_it_was(db, django_capture_on_commit_callbacks):
    from articles.tasks import import_batch

    with django_capture_on_commit_callbacks(execute=True):
        lost = import_batch.enqueue(12345)
    DBTaskResult.objects.filter(pk=lost.id).update(
        status="RUNNING", started_at=timezone.now(), worker_ids=["silent"]
    )
    heartbeat("silent", seconds_ago=60)

    with django_capture_on_commit_callbacks(execute=True):
        tasks_recover_lost(worker_id="me")

    again = DBTaskResult.objects.exclude(pk=lost.id).get()
    assert again.task_path == "articles.tasks.import_batch"
    assert again.args_kwargs == {"args": [12345], "kwargs": {}}
    assert again.status == "READY"
