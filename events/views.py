"""Timeline pages: the filtered list of meetings, one meeting with its evidence, the CSV."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.forms.utils import pretty_name
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    StreamingHttpResponse,
)
from django.http.request import QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from articles.models import Article
from events import selectors
from events.codes import codes_of
from events.exports import meeting_csv_rows
from events.forms import MeetingFilterForm
from events.models import Evidence, Meeting
from events.roles import user_is_editor

MEETINGS_PER_PAGE = 50


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _filter_form(params: QueryDict) -> MeetingFilterForm:
    form = MeetingFilterForm(params)
    # The browser's own pickers; they send ISO dates, which the form reads.
    form.fields["date_from"].widget.input_type = "date"
    form.fields["date_to"].widget.input_type = "date"
    form.fields["q"].widget.input_type = "search"
    return form


def _filter_query(params: QueryDict) -> QueryDict:
    """The filters actually set (empty ones dropped), for links and the pushed URL."""
    query = QueryDict(mutable=True)
    for name in MeetingFilterForm.base_fields:
        value = params.get(name, "").strip()
        if value:
            query[name] = value
    return query


def _form_errors_text(form: MeetingFilterForm) -> str:
    problems = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        prefix = f"{field.label or pretty_name(name)}: " if field else ""
        problems.extend(f"{prefix}{error}" for error in errors)
    return "Invalid filters. " + " ".join(problems)


@require_GET
@permission_required("events.view_meeting", raise_exception=True)
def meeting_list(request: HtmxHttpRequest) -> HttpResponse:
    """The timeline; its filters live in the URL, and htmx asks only for the results."""
    form = _filter_form(request.GET)
    query = _filter_query(request.GET)
    page = None
    if form.is_valid():
        meetings = selectors.meeting_list(filters=form.filters())
        page = Paginator(meetings, MEETINGS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": query}

    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "events/meeting_list.html#results", context)
        pushed = query.copy()
        if page and page.number > 1:
            pushed["page"] = str(page.number)
        push_url(response, f"{request.path}?{pushed.urlencode()}" if pushed else request.path)
    else:
        response = render(request, "events/meeting_list.html", context)
    # The same URL answers with a page or a fragment: caches must tell them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@dataclass(frozen=True)
class SourceEvidence:
    """One article reporting the meeting, with the sentences that say so."""

    article: Article
    evidence: list[Evidence]


def _evidence_by_source(meeting: Meeting) -> list[SourceEvidence]:
    articles = {source.article_id: source.article for source in meeting.sources.all()}
    grouped: dict[int, list[Evidence]] = {article_id: [] for article_id in articles}
    for evidence in meeting.evidence.all():
        articles.setdefault(evidence.article_id, evidence.article)
        grouped.setdefault(evidence.article_id, []).append(evidence)
    ordered = sorted(articles.values(), key=lambda article: (article.published_on, article.pk))
    return [SourceEvidence(article, grouped[article.pk]) for article in ordered]


def _admin_change_url(meeting: Meeting) -> str | None:
    try:
        return reverse("admin:events_meeting_change", args=[meeting.pk])
    except NoReverseMatch:  # the meeting admin is not registered
        return None


@dataclass(frozen=True)
class Decision:
    """Which article's claim decided a field of a meeting, and the engine's reason."""

    article: Article
    rule: str
    cues: list[str]
    sentence: str


def _decisions(meeting: Meeting) -> dict[str, Decision]:
    """For each field recomputed from the sources, the claim that decided it (by field name:
    kind, status, date, venue, participants). None for an edited meeting: its editor did."""
    if meeting.edited:
        return {}
    sources = {source.article_id: source for source in meeting.sources.all()}
    decisions = {}
    for name, article_id in meeting.decided_by.items():
        source = sources.get(article_id)
        if source is None:
            continue
        reason = source.claim.get("reasons", {}).get(name) or {}
        decisions[name] = Decision(
            article=source.article,
            rule=reason.get("rule", ""),
            cues=reason.get("cues", []),
            sentence=(reason.get("sentence") or {}).get("text", ""),
        )
    return decisions


@require_GET
@permission_required("events.view_meeting", raise_exception=True)
def meeting_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    try:
        meeting = selectors.meeting_detail(meeting_id=pk)
    except Meeting.DoesNotExist:
        return _meeting_gone(request, pk)
    participants = list(meeting.participants.all())
    codes = codes_of(meeting)
    can_edit = user_is_editor(request.user) and request.user.is_staff
    context = {
        "meeting": meeting,
        "participants": participants,
        "codes": codes,
        "sources": _evidence_by_source(meeting),
        "decisions": _decisions(meeting),
        "admin_url": _admin_change_url(meeting) if can_edit else None,
    }
    return render(request, "events/meeting_detail.html", context)


def _meeting_gone(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """An id that no longer exists: to the meeting it was merged into, or 410 Gone."""
    tombstone = selectors.meeting_tombstone(meeting_id=pk)
    if tombstone is None:
        raise Http404("No such meeting.")
    if tombstone.merged_into is not None:
        return redirect("events:meeting-detail", pk=tombstone.merged_into_id, permanent=True)
    return render(request, "events/meeting_gone.html", {"tombstone": tombstone}, status=410)


class _Echo:
    """A file-like object csv.writer writes to, handing each line straight back."""

    def write(self, value: str) -> str:
        return value


@require_GET
@permission_required("events.view_meeting", raise_exception=True)
def meeting_export(request: HtmxHttpRequest) -> HttpResponse:
    """The timeline's meetings as CSV (events.exports' contract), with the same filters."""
    form = MeetingFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            _form_errors_text(form), content_type="text/plain; charset=utf-8"
        )
    meetings = selectors.meeting_list(filters=form.filters()).iterator(chunk_size=500)
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in meeting_csv_rows(meetings)),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"entente-meetings-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
