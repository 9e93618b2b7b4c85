"""Tests of what several processes or threads do at once: PostgreSQL only, with real commits.

Each test runs on committed data (transactional_db), which is emptied when it ends; the
countries and the directory of known actors (loaded by data migrations) are put back first.
"""

import importlib
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, connections

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def committed_db(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("Concurrency is tested on PostgreSQL (make test).")
    from events.actors import actor_directory_reset
    from events.models import Actor, Country

    if not Country.objects.exists():
        importlib.import_module("events.migrations.0002_load_countries").load_countries(apps, None)
    if not Actor.objects.exists():
        importlib.import_module("events.migrations.0003_load_known_actors").load_known_actors(
            apps, None
        )
    actor_directory_reset()
    yield


def database_url() -> str:
    """The test database, for processes started by a test."""
    db = connection.settings_dict
    host = quote(db["HOST"] or "localhost", safe="")
    user = db["USER"] or "postgres"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


def run_workers(count: int, *, timeout: float = 300) -> list[str]:
    """Run `count` db_worker processes over the queue at once, until it is empty."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "EXTRACTION_RETRY_DELAY_SECONDS": "0",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload"]
    command += ["--no-startup-delay", "--verbosity", "0"]
    workers = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(count)
    ]
    outputs = []
    for worker in workers:
        out, _ = worker.communicate(timeout=timeout)
        assert worker.returncode == 0, out
        outputs.append(out)
    return outputs


def in_thread(work, *args, **kwargs) -> threading.Thread:
    """Run `work` in a thread with its own database connection; its exception is re-raised
    by `finish(thread)`."""

    def target():
        try:
            thread.result = work(*args, **kwargs)
        except BaseException as error:
            thread.error = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=target, daemon=True)
    thread.error = None
    thread.result = None
    thread.start()
    return thread


def finish(thread: threading.Thread, timeout: float = 60):
    thread.join(timeout)
    assert not thread.is_alive(), "the thread did not finish"
    if thread.error is not None:
        raise thread.error
    return thread.result


def wait_until_blocked(pid_holder: dict, timeout: float = 30) -> None:
    """Wait until the backend of another thread waits for a lock."""
    import time

    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = %s AND wait_event_type = 'Lock'",
                [pid_holder["pid"]],
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the other transaction never waited for the lock")
