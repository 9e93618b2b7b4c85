"""Large meetings exports: a job, its page polled until the file is written, its download."""

import pytest
from django.urls import reverse

from events.models import ExportJob

URL = reverse("events:export-meetings")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EXPORT_INLINE_MAX_ROWS = 2  # the timeline fixture's four visible meetings are many


def ask(client, capture, params=None):
    with capture(execute=True):
        return client.get(URL, params or {})


def test_a_small_export_stays_inline(analyst_client, timeline, settings):
    settings.EXPORT_INLINE_MAX_ROWS = 4

    response = analyst_client.get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert not ExportJob.objects.exists()


def test_a_large_export_is_a_job_polled_until_its_download(
    analyst_client, timeline, run_worker, django_capture_on_commit_callbacks
):
    response = ask(analyst_client, django_capture_on_commit_callbacks, {"format": "excel"})

    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:export-job", args=[job.pk])
    waiting = analyst_client.get(response["Location"], headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in waiting.text
    assert "Waiting for the worker" in waiting.text

    run_worker()

    ready = analyst_client.get(response["Location"], headers={"HX-Request": "true"})
    assert ready.status_code == 286  # htmx stops polling
    download = reverse("events:export-job-download", args=[job.pk])
    assert download in ready.text
    assert "4 meetings." in ready.text
    file = analyst_client.get(download)
    assert file["Content-Type"] == "text/csv; charset=utf-8"
    assert "-excel.csv" in file["Content-Disposition"]
    assert b"".join(file.streaming_content).startswith(b"\xef\xbb\xbfid,title")


def test_the_jobs_file_is_the_inline_exports_bytes(
    analyst_client, timeline, run_worker, settings, django_capture_on_commit_callbacks
):
    for params in ({"country": "ID"}, {"format": "jsonl"}, {"format": "excel", "q": "Modi"}):
        settings.EXPORT_INLINE_MAX_ROWS = 1000
        inline = b"".join(analyst_client.get(URL, params).streaming_content)
        settings.EXPORT_INLINE_MAX_ROWS = 0
        ask(analyst_client, django_capture_on_commit_callbacks, params)
        run_worker()
        job = ExportJob.objects.latest("created_at")
        download = analyst_client.get(reverse("events:export-job-download", args=[job.pk]))

        assert b"".join(download.streaming_content) == inline, params


def test_the_same_export_asked_again_reuses_the_job(
    analyst_client, timeline, run_worker, django_capture_on_commit_callbacks
):
    first = ask(analyst_client, django_capture_on_commit_callbacks, {"kind": "", "format": "csv"})
    again = ask(analyst_client, django_capture_on_commit_callbacks, {"format": "csv", "page": ""})
    assert first["Location"] == again["Location"]

    run_worker()
    after = ask(analyst_client, django_capture_on_commit_callbacks, {"format": "csv"})
    other = ask(analyst_client, django_capture_on_commit_callbacks, {"format": "jsonl"})

    assert after["Location"] == first["Location"]
    assert other["Location"] != first["Location"]
    assert ExportJob.objects.count() == 2


def test_another_analyst_cannot_see_or_download_the_job(
    analyst_client, timeline, run_worker, django_user_model, role_groups,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    ask(analyst_client, django_capture_on_commit_callbacks)
    run_worker()
    job = ExportJob.objects.get()
    other = django_user_model.objects.create_user(username="otto", password="otto-password")
    other.groups.add(role_groups[1])
    analyst_client.force_login(other)

    assert analyst_client.get(reverse("events:export-job", args=[job.pk])).status_code == 403
    download = reverse("events:export-job-download", args=[job.pk])
    assert analyst_client.get(download).status_code == 403

    other.is_staff = True
    other.save()
    assert analyst_client.get(download).status_code == 200


def test_a_failed_job_shows_its_reason_and_can_be_retried(
    analyst_client, timeline, run_worker, monkeypatch, django_capture_on_commit_callbacks
):
    from events import export_jobs

    working = export_jobs.meeting_export_lines

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(export_jobs, "meeting_export_lines", broken)
    ask(analyst_client, django_capture_on_commit_callbacks)
    run_worker()
    job = ExportJob.objects.get()
    page = analyst_client.get(reverse("events:export-job", args=[job.pk]))
    assert "the disk is full" in page.text
    assert reverse("events:export-job-retry", args=[job.pk]) in page.text

    monkeypatch.setattr(export_jobs, "meeting_export_lines", working)
    with django_capture_on_commit_callbacks(execute=True):
        analyst_client.post(reverse("events:export-job-retry", args=[job.pk]))
    run_worker()

    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE
    assert job.row_count == 4


def test_the_job_page_speaks_indonesian(
    analyst_client, timeline, django_capture_on_commit_callbacks
):
    job_page = ask(analyst_client, django_capture_on_commit_callbacks)["Location"]
    analyst_client.post(reverse("set_language"), {"language": "id", "next": job_page})

    page = analyst_client.get(job_page)

    assert "Ekspor pertemuan" in page.text
    assert "Menunggu pekerja" in page.text
