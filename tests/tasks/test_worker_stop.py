"""A stop signal (SIGTERM from a supervisor) ends the worker cleanly wherever it arrives."""

import signal

import pytest
from django_tasks_db.models import DBTaskResult

from articles.models import ExtractionStatus
from events.worker import batch_worker


def test_a_stop_signal_while_a_task_is_claimed_ends_the_worker_after_that_task(
    queue_article, monkeypatch
):
    """The signal used to raise SystemExit inside the claim's commit (the connection was left
    mid-statement); now the claimed task is run and the loop ends after it."""
    monkeypatch.setattr("events.worker.close_old_connections", lambda: None)
    first = queue_article(title="Xi Jinping arrives in Moscow")
    second = queue_article(
        title="Ministers meet in Rome",
        body="Italy's foreign minister received his Spanish counterpart in Rome on Monday.",
    )
    worker = batch_worker(worker_id="stop-test")
    claim = worker._claim_next

    def claim_stopped_midway():
        worker.shutdown(signal.SIGTERM, None)
        return claim()

    monkeypatch.setattr(worker, "_claim_next", claim_stopped_midway)
    worker.run()  # returns: no SystemExit

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.extraction_status == ExtractionStatus.DONE
    assert second.extraction_status == ExtractionStatus.QUEUED
    assert DBTaskResult.objects.get(pk=second.extraction_task_id).status == "READY"


def test_a_stop_signal_in_the_sleep_between_polls_exits_at_once(db):
    worker = batch_worker(worker_id="stop-test")
    worker.sleeping = True

    with pytest.raises(SystemExit) as stopped:
        worker.shutdown(signal.SIGTERM, None)

    assert stopped.value.code == 0
    assert not worker.running
