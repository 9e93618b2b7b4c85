"""Server logs: one line per event, JSON in production, no traceback for a refusal."""

import json
import logging
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings

from tests.production.test_security_settings import PROD_ENV

EMIT_IN_PRODUCTION = """
import django, logging
django.setup()
logging.getLogger("django.tasks").info("Task t1 enqueued")
try:
    raise PermissionError("not yours")
except PermissionError as error:
    logging.getLogger("django.request").warning(
        "Forbidden (Permission denied): /articles/new/", exc_info=error,
        extra={"status_code": 403, "request": None},
    )
try:
    raise ValueError("broken")
except ValueError as error:
    logging.getLogger("django.request").error(
        "Internal Server Error: /", exc_info=error, extra={"status_code": 500, "request": None}
    )
"""


def test_production_logs_one_json_object_a_line_and_tracebacks_only_for_server_errors():
    result = subprocess.run(
        [sys.executable, "-c", EMIT_IN_PRODUCTION],
        env={**PROD_ENV, "PATH": "/usr/bin:/bin"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(record["level"], record["logger"]) for record in records] == [
        ("INFO", "django.tasks"),
        ("WARNING", "django.request"),
        ("ERROR", "django.request"),
    ]
    assert records[1]["message"] == "Forbidden (Permission denied): /articles/new/"
    assert "exc_info" not in records[1]
    assert "ValueError: broken" in records[2]["exc_info"]


@pytest.fixture
def server_log(monkeypatch):
    """What the console handler prints, as the server's log would show it."""
    output = StringIO()
    (console,) = [
        handler
        for handler in logging.getLogger().handlers
        if getattr(handler, "name", "") == "console"
    ]
    monkeypatch.setattr(console, "stream", output)
    return output


def test_a_403_is_one_log_line_without_traceback(analyst_client, server_log):
    page = analyst_client.get("/articles/new/")

    assert page.status_code == 403
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 1
    assert "Forbidden" in lines[0]
    assert "Traceback" not in server_log.getvalue()


def test_task_lines_are_printed_once(queue_article, run_worker, server_log):
    queue_article()
    run_worker(verbosity=1)

    lines = [line for line in server_log.getvalue().splitlines() if "django.tasks" in line]
    assert lines
    assert len(lines) == len(set(lines))
