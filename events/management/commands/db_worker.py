"""db_worker: django-tasks-db's command, running our worker (events.worker): heartbeats,
recovery of dead workers' tasks at start and periodically, and batches that wait for retries."""

import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as tasks_db_worker

from events.worker import EntenteWorker


class Command(tasks_db_worker.Command):
    help = tasks_db_worker.Command.help + " (with heartbeats, recovery and retries)"
    # The system checks import every URLconf and view (the calendar's iCalendar library and
    # more) that a worker never serves: a few tenths of a second of its start-up. The web
    # process and `manage.py check` run them.
    requires_system_checks = []

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        exclude_queues: str,
        reload: bool,
        batch: bool,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = EntenteWorker(
            report=self.stdout.write,
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            batch=batch,
            interval=options["interval"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloaded child handles signals
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
