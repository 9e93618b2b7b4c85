"""Downloads: meetings, actors and articles, streamed as they are read, with their filters."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from articles.exports import article_csv_rows, csv_lines
from articles.permissions import role_required
from events.export_forms import ActorExportForm, ArticleExportForm, MeetingFormatForm
from events.export_jobs import (
    EXTENSIONS,
    chosen_format_of,
    export_job_request,
    export_job_visible_to,
    export_query_normalised,
    meeting_export_is_large,
    meeting_export_lines,
)
from events.export_jobs import export_job_retry as export_job_retry_service
from events.exports import actor_csv_rows
from events.forms import MeetingFilterForm
from events.models import ExportJob
from events.views import HtmxHttpRequest, _form_errors_text

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "excel": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


def _refused(form: forms.Form) -> HttpResponse:
    problems = " ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
    return HttpResponseBadRequest(
        f"Invalid filters. {problems}", content_type="text/plain; charset=utf-8"
    )


def _download(lines: Iterable[str], *, name: str, file_format: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{_filename(name, file_format)}"'
    return response


def _filename(name: str, file_format: str) -> str:
    suffix = "-excel" if file_format == "excel" else ""
    return f"entente-{name}-{timezone.localdate().isoformat()}{suffix}.{EXTENSIONS[file_format]}"


@require_GET
@role_required("events.view_meeting")
def export_list(request: HttpRequest) -> HttpResponse:
    """What can be downloaded, each with its filters."""
    context = {
        "meeting_form": MeetingFilterForm(),
        "meeting_format": MeetingFormatForm(),
        "actor_form": ActorExportForm(),
        "article_form": ArticleExportForm(),
        "can_read_articles": request.user.has_perm("articles.view_article"),
        "inline_max_rows": settings.EXPORT_INLINE_MAX_ROWS,
    }
    return render(request, "events/export_list.html", context)


@require_GET
@role_required("events.view_meeting")
def meeting_export(request: HttpRequest) -> HttpResponse:
    """The timeline's meetings with the same filters: CSV (events.exports' contract), the same
    for Excel, or JSON lines of event data. More than EXPORT_INLINE_MAX_ROWS meetings are
    written by a worker: the analyst is sent to the job's page (events.export_jobs)."""
    filters = MeetingFilterForm(request.GET)
    chosen = MeetingFormatForm(request.GET)
    if not filters.is_valid():
        return HttpResponseBadRequest(
            _form_errors_text(filters), content_type="text/plain; charset=utf-8"
        )
    if not chosen.is_valid():
        return _refused(chosen)
    file_format = chosen.chosen_format()
    if meeting_export_is_large(filters):
        job, _created = export_job_request(
            user=request.user, query=export_query_normalised(request.GET)
        )
        return redirect("events:export-job", pk=job.pk)
    return _download(
        meeting_export_lines(filters, file_format), name="meetings", file_format=file_format
    )


def _visible_job(request: HttpRequest, pk: int) -> ExportJob:
    job = get_object_or_404(ExportJob, pk=pk)
    if not export_job_visible_to(job, request.user):
        raise PermissionDenied
    return job


@require_GET
@role_required("events.view_meeting")
def export_job_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A large export's state, polled while the worker writes it; then its download link.
    Only the analyst who asked for it, or staff, sees it."""
    job = _visible_job(request, pk)
    if request.htmx:
        response = render(request, "events/export_job.html#state", {"job": job})
        if job.state in (ExportJob.State.DONE, ExportJob.State.FAILED):
            return HttpResponseStopPolling(response.content)
        return response
    return render(request, "events/export_job.html", {"job": job})


@require_GET
@role_required("events.view_meeting")
def export_job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _visible_job(request, pk)
    if job.state != ExportJob.State.DONE or not job.file:
        raise Http404("This export has no file yet.")
    file_format = chosen_format_of(job)
    response = FileResponse(job.file.open("rb"), content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{_filename("meetings", file_format)}"'
    return response


@require_POST
@role_required("events.view_meeting")
def export_job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = _visible_job(request, pk)
    if job.state == ExportJob.State.FAILED:
        export_job_retry_service(job)
    return redirect("events:export-job", pk=job.pk)


@require_GET
@role_required("events.view_actor")
def actor_export(request: HttpRequest) -> HttpResponse:
    form = ActorExportForm(request.GET)
    if not form.is_valid():
        return _refused(form)
    file_format = form.chosen_format()
    lines = csv_lines(actor_csv_rows(form.actors()), excel=file_format == "excel")
    return _download(lines, name="actors", file_format=file_format)


@require_GET
@role_required("articles.view_article")
def article_export(request: HttpRequest) -> HttpResponse:
    form = ArticleExportForm(request.GET)
    if not form.is_valid():
        return _refused(form)
    file_format = form.chosen_format()
    lines = csv_lines(article_csv_rows(form.articles()), excel=file_format == "excel")
    return _download(lines, name="articles", file_format=file_format)
