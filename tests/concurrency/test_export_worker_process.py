"""A large export written by a real `db_worker` process on PostgreSQL."""

from django.urls import reverse

from events.models import ExportJob
from tests.concurrency.test_worker_processes import start_worker
from tests.factories import make_meeting

URL = reverse("events:export-meetings")


def test_a_worker_process_writes_the_export_the_analyst_downloads(
    committed_db, client, analyst_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    for city in ("Lima", "Quito", "Bogota"):
        make_meeting(title=f"Envoys meet in {city}", city=city, country="PE")
    client.force_login(analyst_user)
    settings.EXPORT_INLINE_MAX_ROWS = 100
    inline = b"".join(client.get(URL, {"country": "PE"}).streaming_content)

    settings.EXPORT_INLINE_MAX_ROWS = 1
    job_page = client.get(URL, {"country": "PE"})["Location"]
    worker = start_worker("--batch", MEDIA_ROOT=str(tmp_path))
    output, _ = worker.communicate(timeout=120)

    assert worker.returncode == 0, output
    job = ExportJob.objects.get()
    assert job.state == ExportJob.State.DONE, job.error
    ready = client.get(job_page, headers={"HX-Request": "true"})
    assert ready.status_code == 286
    download = client.get(reverse("events:export-job-download", args=[job.pk]))
    assert b"".join(download.streaming_content) == inline
