"""Running manage.py in real processes against the test database (PostgreSQL only: an
in-memory SQLite database cannot be shared with another process)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

MANAGE_PY = Path(settings.BASE_DIR) / "manage.py"


def needs_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: other processes share the test database")


def manage_py_env() -> dict[str, str]:
    """The environment for a manage.py process that uses this test's database."""
    # The server of DATABASE_URL, with the database pytest-django created for the tests.
    url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{connection.settings_dict['NAME']}")
    return {
        **os.environ,
        "DATABASE_URL": urlunsplit(url),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHONUNBUFFERED": "1",
    }


def manage_py(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start `manage.py ARGS` on the test database; `env` adds variables."""
    return subprocess.Popen(
        [sys.executable, str(MANAGE_PY), *args],
        env={**manage_py_env(), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_in_threads[T](work: Callable[[], T], *, count: int = 2) -> list[T]:
    """Run `work` in `count` threads at once, each with its own database connection; returns
    what each returned, and raises the first exception any of them raised."""
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # re-raised below: a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    if errors:
        raise errors[0]
    return results
