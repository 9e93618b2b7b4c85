"""The export task and the deletion of old exports."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.export_jobs import export_jobs_delete_expired
from events.models import ExportJob
from events.tasks import run_export
from tests.factories import make_meeting


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def timeline(db):
    for title, country in (("Talks in Paris", "FR"), ("Talks in Kazan", "RU"), ("Sochi", "RU")):
        make_meeting(title=title, city=title.split()[-1], country=country)


def test_the_task_writes_the_file_and_counts_the_meetings(timeline, analyst_user):
    job = ExportJob.objects.create(requested_by=analyst_user, query="country=RU")

    run_export.call(job.pk)

    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE
    assert job.row_count == 2
    assert job.file.read().decode().splitlines()[0].startswith("id,title,kind")


def test_a_task_left_running_by_a_dead_worker_starts_again(timeline, analyst_user, media):
    job = ExportJob.objects.create(
        requested_by=analyst_user, query="", state=ExportJob.State.RUNNING
    )
    (media / "exports").mkdir()
    (media / "exports" / f"meetings-{job.pk}.csv").write_text("id,tit")  # cut short

    run_export.call(job.pk)

    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE
    assert [path.name for path in (media / "exports").iterdir()] == [f"meetings-{job.pk}.csv"]
    assert len(job.file.read().decode().splitlines()) == 1 + 3


def test_exports_older_than_a_day_are_deleted_with_their_files(timeline, analyst_user, media):
    old, new = (ExportJob.objects.create(requested_by=analyst_user, query=q) for q in ("", "q=x"))
    for job in (old, new):
        run_export.call(job.pk)
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))

    assert export_jobs_delete_expired() == 1

    assert list(ExportJob.objects.all()) == [new]
    assert [path.name for path in (media / "exports").iterdir()] == [f"meetings-{new.pk}.csv"]


def test_the_command_deletes_expired_exports(timeline, analyst_user):
    job = ExportJob.objects.create(requested_by=analyst_user, query="")
    ExportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(days=2))

    out = io.StringIO()
    call_command("delete_expired_exports", stdout=out)

    assert not ExportJob.objects.exists()
    assert "Deleted 1 expired export(s)." in out.getvalue()
