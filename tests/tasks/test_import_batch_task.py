"""The import task: item by item, resumable after a worker dies, and safe to run twice at once."""

import datetime as dt
import signal
import threading
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.batches import import_batch_create_jsonl, import_batch_run
from articles.models import Article, ImportBatch, ImportItem
from tests.files import jsonl_bytes, record
from tests.processes import manage_py, needs_postgresql, run_in_threads


def records(count: int, **changes) -> bytes:
    # "de" has no lexicon: extraction only marks such articles unsupported, which is quick.
    return jsonl_bytes(*(record(number, lang="de", **changes) for number in range(1, count + 1)))


def assert_every_line_imported_once(batch: ImportBatch, count: int) -> None:
    batch.refresh_from_db()
    assert batch.status == "done"
    items = list(batch.items.order_by("position"))
    assert [item.position for item in items] == list(range(1, count + 1))
    assert {item.status for item in items} == {"imported"}  # none taken for its own duplicate
    assert len({item.article_id for item in items}) == count
    assert Article.objects.count() == count
    assert sorted(Article.objects.values_list("external_id", flat=True)) == sorted(
        f"wire-{number}" for number in range(1, count + 1)
    )


@pytest.fixture
def queued_batch(db, django_capture_on_commit_callbacks):
    def create(data: bytes) -> ImportBatch:
        with django_capture_on_commit_callbacks(execute=True):
            batch = import_batch_create_jsonl(name="lines.jsonl", data=data)
        batch.refresh_from_db()  # with its task's id, set on commit
        return batch

    return create


def test_the_task_imports_every_line(queued_batch, run_worker):
    batch = queued_batch(records(5))

    run_worker()

    assert_every_line_imported_once(batch, 5)
    assert batch.started_at and batch.finished_at and batch.data == b""


def test_running_a_finished_batch_again_changes_nothing(queued_batch, run_worker):
    batch = queued_batch(records(3))
    run_worker()
    before = list(ImportItem.objects.values())

    import_batch_run(batch_id=batch.pk)

    assert list(ImportItem.objects.values()) == before
    assert Article.objects.count() == 3


def test_a_broken_item_is_recorded_and_the_others_go_on(queued_batch, run_worker):
    batch = queued_batch(records(3))
    import_batch_run(batch_id=batch.pk)  # imports the three lines
    ImportBatch.objects.filter(pk=batch.pk).update(status="running")
    # A row damaged behind the application's back: its bytes are not the UTF-8 we stored.
    ImportItem.objects.create(batch=batch, position=4, raw=b"\xff\xfe{")
    ImportItem.objects.create(batch=batch, position=5, raw=jsonl_bytes(record(5)).strip())

    import_batch_run(batch_id=batch.pk)

    broken, fifth = ImportItem.objects.filter(position__in=[4, 5]).order_by("position")
    assert broken.status == "invalid"
    assert broken.message.startswith("Could not be imported (UnicodeDecodeError")
    assert fifth.status == "imported"
    batch.refresh_from_db()
    assert batch.status == "done"


def test_the_worker_resumes_a_batch_whose_task_died(queued_batch, run_worker, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    batch = queued_batch(records(2))
    import_batch_run(batch_id=batch.pk)
    # As a worker killed mid-import leaves it: its task running, two lines done, two left,
    # and no sign of life for ten minutes.
    for number in (3, 4):
        raw = jsonl_bytes(record(number, lang="de")).strip()
        ImportItem.objects.create(batch=batch, position=number, raw=raw)
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    DBTaskResult.objects.filter(pk=batch.task_id).update(status="RUNNING", started_at=long_ago)
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="running", finished_at=None, heartbeat_at=long_ago, created_at=long_ago
    )

    output = run_worker()

    assert "Resumed 1 stalled import(s)." in output
    assert_every_line_imported_once(batch, 4)


def test_the_worker_leaves_a_live_import_alone(queued_batch, run_worker, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    batch = queued_batch(records(2))
    DBTaskResult.objects.filter(pk=batch.task_id).update(
        status="RUNNING", started_at=timezone.now()
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="running", heartbeat_at=timezone.now() - dt.timedelta(seconds=5)
    )

    output = run_worker()

    assert "Resumed" not in output
    assert not Article.objects.exists()


# --- Real processes and threads on PostgreSQL -------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_loses_and_repeats_no_line():
    needs_postgresql()
    count = 100
    batch = import_batch_create_jsonl(name="lines.jsonl", data=records(count))
    worker = manage_py("db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.1")
    try:
        deadline = time.monotonic() + 60
        while not ImportItem.objects.filter(batch=batch, status="imported").exists():
            assert time.monotonic() < deadline, "the worker imported nothing"
            assert worker.poll() is None, worker.communicate()
            time.sleep(0.02)
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=10)
    finally:
        worker.kill()
    imported = ImportItem.objects.filter(batch=batch, status="imported").count()
    assert 0 < imported < count, "kill the worker mid-import"
    assert Article.objects.count() == imported  # each article committed with its item

    time.sleep(1.2)  # longer than the stall time the next worker is given
    rerun = manage_py(
        "db_worker",
        "--no-reload",
        "--no-startup-delay",
        "--batch",
        env={"EXTRACTION_STALL_SECONDS": "1"},
    )
    out, err = rerun.communicate(timeout=300)

    assert rerun.returncode == 0, err
    assert "Resumed 1 stalled import(s)." in out
    assert_every_line_imported_once(batch, count)


@pytest.mark.django_db(transaction=True)
def test_two_runs_of_one_batch_at_once_import_each_line_once():
    needs_postgresql()
    count = 60
    batch = import_batch_create_jsonl(name="lines.jsonl", data=records(count))
    start = threading.Barrier(2, timeout=10)

    def run() -> None:
        start.wait()
        import_batch_run(batch_id=batch.pk)

    run_in_threads(run)

    assert_every_line_imported_once(batch, count)


def test_recover_extractions_resumes_stalled_imports(queued_batch, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    batch = queued_batch(records(1))
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    DBTaskResult.objects.filter(pk=batch.task_id).update(status="RUNNING", started_at=long_ago)
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="running", heartbeat_at=long_ago, created_at=long_ago
    )
    out = StringIO()

    call_command("recover_extractions", stdout=out)

    assert out.getvalue().splitlines() == [
        "Requeued 0 stalled extraction(s).",
        "Resumed 1 stalled import(s).",
    ]
    batch.refresh_from_db()
    assert DBTaskResult.objects.get(pk=batch.task_id).status == "READY"
