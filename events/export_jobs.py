"""Large meetings exports as background jobs: asked for, written by a worker, downloaded by
whoever asked, and deleted after EXPORT_KEEP_SECONDS.

The worker writes the file with the very lines the inline export streams (events.exports via
meeting_export_lines), so a job's file and the inline download are the same bytes.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Iterator

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone

from articles.exports import csv_lines, json_lines
from events import selectors
from events.export_forms import MeetingFormatForm
from events.exports import meeting_csv_rows, meeting_event_records
from events.forms import MeetingFilterForm
from events.models import ExportJob

logger = logging.getLogger(__name__)

EXTENSIONS = {"csv": "csv", "excel": "csv", "jsonl": "jsonl"}
# Lines before the first meeting: the CSV header, and for Excel the byte-order mark before it.
HEADER_LINES = {"csv": 1, "excel": 2, "jsonl": 0}


class ExportRefused(ValueError):
    """The export's filters or format are not valid (the reason is the message)."""


def export_query_normalised(query: QueryDict) -> str:
    """The filters and format that were given, in one order: equal exports, equal strings."""
    kept = QueryDict(mutable=True)
    for key in sorted(query):
        values = [value for value in query.getlist(key) if value != ""]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def meeting_export_forms(query: QueryDict) -> tuple[MeetingFilterForm, MeetingFormatForm]:
    """The filter and format forms of a meetings export, validated; ExportRefused if not valid."""
    filters, chosen = MeetingFilterForm(query), MeetingFormatForm(query)
    for form in (filters, chosen):
        if not form.is_valid():
            problems = " ".join(f"{name}: {' '.join(errs)}" for name, errs in form.errors.items())
            raise ExportRefused(problems)
    return filters, chosen


def chosen_format_of(job: ExportJob) -> str:
    chosen = MeetingFormatForm(QueryDict(job.query))
    return chosen.chosen_format() if chosen.is_valid() else "csv"


def meeting_export_lines(filters: MeetingFilterForm, file_format: str) -> Iterator[str]:
    """The export's file, line by line: CSV, CSV for Excel, or JSON lines of event data."""
    meetings = selectors.meeting_ids(filters=filters.filters())
    if file_format == "jsonl":
        return json_lines(meeting_event_records(meetings))
    return csv_lines(meeting_csv_rows(meetings), excel=file_format == "excel")


def meeting_export_is_large(filters: MeetingFilterForm) -> bool:
    """Whether more meetings match than an export writes inside a request."""
    limit = settings.EXPORT_INLINE_MAX_ROWS
    return selectors.meeting_ids(filters=filters.filters())[: limit + 1].count() > limit


def export_job_request(*, user, query: str) -> tuple[ExportJob, bool]:
    """The user's job for this export: one waiting, being written, or written within
    EXPORT_REUSE_SECONDS is reused; otherwise a new one is queued. Returns (job, created)."""
    fresh_since = timezone.now() - dt.timedelta(seconds=settings.EXPORT_REUSE_SECONDS)
    waiting = Q(state__in=[ExportJob.State.PENDING, ExportJob.State.RUNNING])
    fresh = Q(state=ExportJob.State.DONE, finished_at__gte=fresh_since)
    reusable = (
        ExportJob.objects.filter(waiting | fresh, requested_by=user, query=query)
        .order_by("-created_at")
        .first()
    )
    if reusable is not None:
        return reusable, False
    job = ExportJob.objects.create(requested_by=user, query=query)
    export_job_enqueue(job)
    return job, True


def export_job_enqueue(job: ExportJob) -> None:
    from events.tasks import run_export

    transaction.on_commit(lambda: run_export.enqueue(job.pk))


def export_job_retry(job: ExportJob) -> None:
    """Queue a failed job again, from the start."""
    ExportJob.objects.filter(pk=job.pk).update(
        state=ExportJob.State.PENDING, error="", finished_at=None
    )
    export_job_enqueue(job)


def export_job_run(*, job_id: int) -> None:
    """Write the job's file (again from the start if a dead worker left it half done)."""
    job = ExportJob.objects.filter(pk=job_id).first()
    if job is None or job.state == ExportJob.State.DONE:
        return  # deleted meanwhile, or written by a task run twice
    ExportJob.objects.filter(pk=job.pk).update(state=ExportJob.State.RUNNING)
    try:
        filters, chosen = meeting_export_forms(QueryDict(job.query))
        file_format = chosen.chosen_format()
        lines = 0
        with tempfile.TemporaryFile() as written:
            for line in meeting_export_lines(filters, file_format):
                written.write(line.encode("utf-8"))
                lines += 1
            written.seek(0)
            name = f"meetings-{job.pk}.{EXTENSIONS[file_format]}"
            # What a worker killed while saving left under this name is overwritten, not kept.
            job.file.storage.delete(job.file.field.generate_filename(job, name))
            job.file.save(name, File(written), save=False)
    except Exception as error:
        logger.exception("Export job %s failed.", job.pk)
        ExportJob.objects.filter(pk=job.pk).update(
            state=ExportJob.State.FAILED, error=str(error) or type(error).__name__,
            finished_at=timezone.now(),
        )  # fmt: skip
        return
    ExportJob.objects.filter(pk=job.pk).update(
        state=ExportJob.State.DONE,
        file=job.file.name,
        row_count=lines - HEADER_LINES[file_format],
        error="",
        finished_at=timezone.now(),
    )


def _file_delete(job: ExportJob) -> None:
    if job.file:
        job.file.delete(save=False)


def export_jobs_delete_expired(*, now: dt.datetime | None = None) -> int:
    """Delete the jobs older than EXPORT_KEEP_SECONDS and their files; returns how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXPORT_KEEP_SECONDS)
    expired = list(ExportJob.objects.filter(created_at__lt=cutoff))
    for job in expired:
        _file_delete(job)
    ExportJob.objects.filter(pk__in=[job.pk for job in expired]).delete()
    return len(expired)


def export_job_visible_to(job: ExportJob, user) -> bool:
    return user.is_staff or job.requested_by_id == user.pk
