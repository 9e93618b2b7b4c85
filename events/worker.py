"""Our task worker: django-tasks-db's loop with a heartbeat, recovery and patient batches.

What it adds to django-tasks-db's Worker:

- a heartbeat row (events.worker_health), kept fresh by a thread while tasks run, so that other
  workers can tell this one is alive, and it can tell when another has died;
- recovery at start and every WORKER_RECOVERY_SECONDS: the tasks of dead workers are run again,
  and stalled or orphaned extractions and imports are queued again (and expired exports
  deleted);
- `--batch` exits only when no task is ready *and* no retry is waiting for its time.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
import time
from collections.abc import Callable
from types import FrameType

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.backends.signals import connection_created
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from articles.batches import import_batches_recover_stalled
from events.export_jobs import export_jobs_delete_expired
from events.extraction_runs import extractions_recover_stalled
from events.worker_health import (
    tasks_recover_lost,
    worker_beat,
    worker_register,
    worker_unregister,
)

logger = logging.getLogger(__name__)


def work_recover(*, worker_id: str = "") -> list[str]:
    """Queue again everything dead workers left; returns a sentence for each kind found."""
    counts = {
        "Requeued {} task(s) of dead workers.": len(tasks_recover_lost(worker_id=worker_id)),
        "Requeued {} stalled extraction(s).": len(extractions_recover_stalled()),
        "Resumed {} stalled import(s).": len(import_batches_recover_stalled()),
        "Deleted {} expired export(s).": export_jobs_delete_expired(),
    }
    return [sentence.format(count) for sentence, count in counts.items() if count]


class Heartbeat(threading.Thread):
    """Beats for the worker every WORKER_HEARTBEAT_SECONDS until stopped, with its own
    database connection, so that a long task does not make the worker look dead."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopped.wait(settings.WORKER_HEARTBEAT_SECONDS):
                try:
                    worker_beat(worker_id=self.worker_id)
                except Exception:  # a database hiccup must not stop the beats for good
                    logger.warning("Heartbeat of worker %s failed.", self.worker_id, exc_info=True)
                    close_old_connections()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=settings.WORKER_HEARTBEAT_SECONDS + 5)


def connection_keep_open(sender, connection, **kwargs) -> None:
    """Let a worker's new connection live WORKER_CONN_MAX_AGE seconds.

    A worker runs task after task, and close_old_connections between them would otherwise
    reconnect for each (CONN_MAX_AGE is 0 for the web processes): on SQLite each close
    checkpoints the write-ahead log, on PostgreSQL each connect is a new backend, and either
    costs more than a short task's own queries. A connection that failed is still dropped.
    """
    keep_until = time.monotonic() + settings.WORKER_CONN_MAX_AGE
    if connection.close_at is not None and connection.close_at < keep_until:
        connection.close_at = keep_until


class EntenteWorker(Worker):
    def __init__(self, *, report: Callable[[str], object] = print, **options) -> None:
        super().__init__(**options)
        # Where start-up recovery is told (the command's output); later recoveries are logged.
        self.report = report
        self.sleeping = False

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        """A first stop signal ends the loop at its next turn; it exits at once only from
        the sleep between polls. django-tasks-db's worker exits at once whenever no task
        runs, raising SystemExit wherever the loop was: inside the commit that claims a
        task, it left the connection mid-statement (and the claimed task to recovery)."""
        if not self.running or self.sleeping:
            super().shutdown(signum, frame)
            return
        logger.warning("Received %s - shutting down after this step.", signal.strsignal(signum))
        self.running = False

    def run(self) -> None:
        connection_created.connect(connection_keep_open, dispatch_uid="worker-keep-open")
        try:
            self._run()
        finally:
            connection_created.disconnect(dispatch_uid="worker-keep-open")

    def _run(self) -> None:
        worker_register(worker_id=self.worker_id)
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        logger.info("Starting worker %s (queues %s).", self.worker_id, ",".join(self.queue_names))
        try:
            if self.startup_delay and self.interval and not self.batch:
                # Workers started together (compose --scale) would otherwise all poll at once;
                # a batch has work waiting and leaves when it is done.
                time.sleep(random.random())
            self._recover(at_start=True)
            self.run_loop()
        finally:
            heartbeat.stop()
            # A stop signal ends the loop with SystemExit wherever it was, maybe inside a
            # statement on the connection kept open between tasks: say goodbye on a new one.
            # (Inside a transaction, a test's, the connection is not ours to close.)
            if not connection.in_atomic_block:
                connection.close()
            worker_unregister(worker_id=self.worker_id)

    def _recover(self, *, at_start: bool = False) -> None:
        self._recovered_at = time.monotonic()
        for sentence in work_recover(worker_id=self.worker_id):
            if at_start:
                self.report(sentence)
            else:
                logger.warning("Worker %s: %s", self.worker_id, sentence)

    def _tasks(self):
        tasks = DBTaskResult.objects.filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def _next_retry_in(self) -> float | None:
        """Seconds until the earliest task waiting for its time, or None when none waits."""
        waiting = (
            self._tasks()
            .filter(status="READY", run_after__gt=timezone.now())
            .exclude(run_after=get_date_max())
            .order_by("run_after")
            .values_list("run_after", flat=True)
            .first()
        )
        if waiting is None:
            return None
        return max((waiting - timezone.now()).total_seconds(), 0.0)

    def _claim_next(self) -> tuple[DBTaskResult | None, bool]:
        tasks = self._tasks().ready()
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
                return task_result, True
            except OperationalError as error:
                # SQLite's "database is locked": someone else is writing; try again.
                if is_locked_database_exception(error):
                    return None, False
                raise

    def run_loop(self) -> None:
        """django-tasks-db's loop, with recovery every WORKER_RECOVERY_SECONDS and a batch
        that waits for retries."""
        while self.running:
            close_old_connections()
            if time.monotonic() - self._recovered_at >= settings.WORKER_RECOVERY_SECONDS:
                self._recover()

            task_result, retrieved = self._claim_next()
            if task_result is not None:
                self.run_task(task_result)

            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info(
                    "Ran %d task(s) on worker %s; exiting.", self._run_tasks, self.worker_id
                )
                return

            wait = self.interval
            if task_result is None and retrieved and self.batch:
                retry_in = self._next_retry_in()
                if retry_in is None:
                    logger.info("No more tasks for worker %s; exiting.", self.worker_id)
                    return
                wait = min(retry_in, self.interval or retry_in)

            close_old_connections()
            if self.running and task_result is None and wait:
                self.sleeping = True
                try:
                    time.sleep(wait)
                finally:
                    self.sleeping = False


def batch_worker(*, worker_id: str) -> EntenteWorker:
    """A worker for this process that runs the queue until it is empty, as
    `db_worker --batch` does, and reports nothing (the benchmark's query count, tests)."""
    return EntenteWorker(
        report=lambda _: None,
        queue_names=["default"],
        excluded_queue_names=[],
        batch=True,
        interval=1,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
    )
