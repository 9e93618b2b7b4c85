"""Downloads: meetings, actors and articles, streamed as they are read, with their filters."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from articles.exports import article_csv_rows, csv_lines, json_lines
from articles.permissions import role_required
from events import selectors
from events.export_forms import ActorExportForm, ArticleExportForm, MeetingFormatForm
from events.exports import actor_csv_rows, meeting_csv_rows, meeting_event_records
from events.forms import MeetingFilterForm
from events.views import _form_errors_text

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "excel": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
EXTENSIONS = {"csv": "csv", "excel": "csv", "jsonl": "jsonl"}


def _refused(form: forms.Form) -> HttpResponse:
    problems = " ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
    return HttpResponseBadRequest(
        f"Invalid filters. {problems}", content_type="text/plain; charset=utf-8"
    )


def _download(lines: Iterable[str], *, name: str, file_format: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[file_format])
    suffix = "-excel" if file_format == "excel" else ""
    filename = (
        f"entente-{name}-{timezone.localdate().isoformat()}{suffix}.{EXTENSIONS[file_format]}"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


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
    }
    return render(request, "events/export_list.html", context)


@require_GET
@role_required("events.view_meeting")
def meeting_export(request: HttpRequest) -> HttpResponse:
    """The timeline's meetings with the same filters: CSV (events.exports' contract), the same
    for Excel, or JSON lines of event data."""
    form = MeetingFilterForm(request.GET)
    chosen = MeetingFormatForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _form_errors_text(form), content_type="text/plain; charset=utf-8"
        )
    if not chosen.is_valid():
        return _refused(chosen)
    file_format = chosen.chosen_format()
    meetings = selectors.meeting_ids(filters=form.filters())
    if file_format == "jsonl":
        lines = json_lines(meeting_event_records(meetings))
    else:
        lines = csv_lines(meeting_csv_rows(meetings), excel=file_format == "excel")
    return _download(lines, name="meetings", file_format=file_format)


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
