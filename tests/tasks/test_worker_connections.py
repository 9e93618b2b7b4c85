"""A worker keeps its database connection between tasks instead of reconnecting for each."""

from __future__ import annotations

import time

import pytest
from django.db import connections
from django.db.backends.signals import connection_created

from events.worker import connection_keep_open


@pytest.fixture
def fresh_connection(db):
    """A new connection to the test database, closed after the test."""
    created = connections.create_connection("default")
    yield created
    created.close()


def test_a_workers_connection_survives_the_check_between_tasks(fresh_connection, settings):
    settings.WORKER_CONN_MAX_AGE = 300
    connection_created.connect(connection_keep_open, dispatch_uid="test-keep-open")
    try:
        fresh_connection.ensure_connection()
    finally:
        connection_created.disconnect(dispatch_uid="test-keep-open")
    assert fresh_connection.close_at - time.monotonic() > 290

    fresh_connection.close_if_unusable_or_obsolete()  # what close_old_connections does

    assert fresh_connection.connection is not None


def test_without_it_a_connection_is_due_for_closing_at_once(fresh_connection):
    # CONN_MAX_AGE is 0 by default: what the web processes use.
    fresh_connection.ensure_connection()

    assert fresh_connection.close_at <= time.monotonic()
