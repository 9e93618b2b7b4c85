"""Which workers are alive, and taking back the tasks of those that are not.

django-tasks-db marks a task RUNNING when a worker claims it and leaves it so forever when the
worker is killed (SIGKILL, out of memory, a lost machine). Each of our workers keeps a
WorkerHeartbeat row fresh from a thread of its own; a worker is dead when its row has not
beaten for WORKER_STALE_SECONDS, or at once when its process is gone from this very host. A
running task whose worker is dead is marked failed and run again: an extraction through
events.extraction_runs (which counts the attempt), any other task (an import, which resumes
where it stopped) by enqueuing it anew.

A killed worker leaves no partial rows behind: each task writes in transactions that the
database rolls back when the connection drops.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

EXTRACT_ARTICLE_TASK = "events.tasks.extract_article"


class WorkerLost(Exception):
    """The worker running a task died before finishing it."""


# --- Heartbeats ---------------------------------------------------------------------------------


def worker_register(*, worker_id: str) -> WorkerHeartbeat:
    """Record a starting worker (this process on this host)."""
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "beat_at": timezone.now()},
    )
    return heartbeat


def worker_beat(*, worker_id: str) -> None:
    """Say the worker is alive.

    A row that is gone was taken for dead by another worker, which ran its task again; it is
    not recreated (the row's insertion belongs to the worker's start), only reported.
    """
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=timezone.now()):
        logger.warning(
            "Worker %s was taken for dead; its running task was queued again.", worker_id
        )


def worker_unregister(*, worker_id: str) -> None:
    """A worker stopping cleanly removes its row: it has no task left running."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def _process_gone(pid: int) -> bool:
    """Whether no live process has this id on this host (a zombie counts as gone)."""
    if pid == os.getpid():
        # A restarted container's worker often gets its predecessor's pid (1): the row with
        # this pid and another worker id is that predecessor's.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def workers_dead(*, now: dt.datetime | None = None, exclude: str = "") -> list[WorkerHeartbeat]:
    """The registered workers that stopped beating, or whose process on this host is gone."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    hostname = socket.gethostname()
    dead = []
    for heartbeat in WorkerHeartbeat.objects.exclude(worker_id=exclude):
        if heartbeat.beat_at < cutoff or (
            heartbeat.hostname == hostname and _process_gone(heartbeat.pid)
        ):
            dead.append(heartbeat)
    return dead


def workers_alive_ids(*, now: dt.datetime | None = None) -> set[str]:
    """The ids of workers whose heartbeat is fresh."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.WORKER_STALE_SECONDS)
    return set(
        WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True)
    )


# --- Taking back lost tasks -----------------------------------------------------------------------


def _rerun_task(task_result: DBTaskResult) -> None:
    task = task_result.task.using(run_after=None)
    arguments = task_result.args_kwargs
    transaction.on_commit(lambda: task.enqueue(*arguments["args"], **arguments["kwargs"]))


def _rerun_extraction(task_result: DBTaskResult) -> None:
    from events.extraction_runs import article_worker_lost

    (article_id,) = task_result.args_kwargs["args"]
    article_worker_lost(article_id=article_id, task_id=str(task_result.id))


# What to do with a lost task, by task path; any other task is enqueued again as it was.
LOST_TASK_HANDLERS: dict[str, Callable[[DBTaskResult], None]] = {
    EXTRACT_ARTICLE_TASK: _rerun_extraction,
}


def tasks_recover_lost(*, now: dt.datetime | None = None, worker_id: str = "") -> list[str]:
    """Fail and run again the tasks of dead workers; returns the tasks' ids.

    A running task is lost when its worker is dead (see workers_dead), or, for a worker that
    never registered a heartbeat (one started before heartbeats existed), when it has been
    running longer than EXTRACTION_STALL_SECONDS. Each lost task is taken under a row lock that
    other workers skip, so two workers recovering at once never run one task twice.
    """
    now = now or timezone.now()
    dead = workers_dead(now=now, exclude=worker_id)
    dead_ids = {heartbeat.worker_id for heartbeat in dead}
    registered = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) - dead_ids
    stall_cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALL_SECONDS)

    recovered: list[str] = []
    for candidate in DBTaskResult.objects.running().only("id", "worker_ids", "started_at"):
        last_worker = candidate.worker_ids[-1] if candidate.worker_ids else ""
        lost = last_worker in dead_ids or (
            last_worker not in registered
            and last_worker != worker_id
            and candidate.started_at is not None
            and candidate.started_at < stall_cutoff
        )
        if lost and _recover(task_id=candidate.pk, worker=last_worker):
            recovered.append(str(candidate.pk))
    WorkerHeartbeat.objects.filter(pk__in=[heartbeat.pk for heartbeat in dead]).delete()
    return recovered


def _recover(*, task_id, worker: str) -> bool:
    with transaction.atomic():
        task_result = (
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(pk=task_id, status="RUNNING")
            .first()
        )
        if task_result is None:
            return False  # finished meanwhile, or another worker is recovering it
        task_result.set_failed(WorkerLost(f"Worker {worker or '?'} stopped during the task."))
        LOST_TASK_HANDLERS.get(task_result.task_path, _rerun_task)(task_result)
    logger.warning("Task %s of the dead worker %s queued again.", task_id, worker or "?")
    return True
