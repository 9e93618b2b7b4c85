"""Running manage.py in real processes against the test database (PostgreSQL only: an
in-memory SQLite database cannot be shared with another process)."""

from __future__ import annotations

import os
import subprocess
import sys
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


def manage_py(*args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(MANAGE_PY), *args],
        env=manage_py_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )
