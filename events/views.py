"""Timeline pages: the filtered list of meetings, one meeting with its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.forms.utils import pretty_name
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
)
from django.http.request import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import push_url
from django_htmx.middleware import HtmxDetails

from articles.models import Article
from articles.permissions import role_required
from events import selectors
from events.codes import codes_of
from events.decisions import meeting_decisions
from events.extraction_runs import articles_rerun_extraction
from events.forms import MeetingFilterForm
from events.histogram import histogram_chart
from events.models import Evidence, Meeting
from events.page_cache import cached_count, cached_fragment
from events.roles import user_is_editor
from events.timeline import page_number, timeline_page

# The element a page of entries loaded by scrolling replaces (see meeting_list.html).
MORE_ENTRIES_TARGET = "timeline-more"


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@dataclass(frozen=True)
class Suggestion:
    """A country or actor offered by a picker, or one already chosen (a chip)."""

    value: str
    label: str
    code: str


def filter_query(params: QueryDict) -> QueryDict:
    """The filters actually set (empty ones dropped), for links and the pushed URL."""
    query = QueryDict(mutable=True)
    for name in MeetingFilterForm.base_fields:
        values = [value.strip() for value in params.getlist(name) if value.strip()]
        if values:
            query.setlist(name, values)
    return query


def _form_errors_text(form: MeetingFilterForm) -> str:
    problems = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        prefix = f"{field.label or pretty_name(name)}: " if field else ""
        problems.extend(f"{prefix}{error}" for error in errors)
    return "Invalid filters. " + " ".join(problems)


@require_GET
@role_required("events.view_meeting")
def meeting_list(request: HtmxHttpRequest) -> HttpResponse:
    """The timeline. Its filters live in the URL; htmx asks for the results alone when they
    change (and the server pushes their URL), or for the next entries as the analyst scrolls.

    The results (or the next entries) are the same for everyone with the same filters: they
    come from the page cache (events.page_cache); the page around them is rendered for each
    request, with the requester's own CSRF token and messages."""
    form = MeetingFilterForm(request.GET)
    query = filter_query(request.GET)
    partial = request.htmx and not request.htmx.history_restore_request
    more = partial and request.htmx.target == MORE_ENTRIES_TARGET
    results = None
    if form.is_valid():
        number = page_number(request.GET.get("page"))
        results = cached_fragment(
            request,
            kind="entries" if more else "results",
            query=query,
            page=number,
            render=lambda: _results_html(form, query, number, more=more),
        )

    if partial and results is not None:
        response = HttpResponse(results)
    elif more:  # invalid filters: no entries to add
        response = HttpResponse("")
    elif partial:
        response = render(request, "events/meeting_list.html#results", _page_context(form, query))
    else:
        context = _page_context(form, query)
        context["results_html"] = results
        response = render(request, "events/meeting_list.html", context)
    if partial and not more:
        push_url(response, f"{request.path}?{query.urlencode()}" if query else request.path)
    # The same URL answers with a page or a fragment: caches must tell them apart.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def _page_context(form: MeetingFilterForm, query: QueryDict) -> dict:
    return {
        "form": form,
        "query": query,
        "country_chips": [Suggestion(c.code, c.name, c.code) for c in form.countries],
        "actor_chips": [Suggestion(str(a.pk), a.name, "") for a in form.actors],
        "field_rows": [
            [form["date_from"], form["date_to"]],
            [form["kind"], form["status"], form["review_state"], form["order"]],
        ],
    }


def _results_html(form: MeetingFilterForm, query: QueryDict, number: int, *, more: bool) -> str:
    """The count and first page (`#results`), or a further page's entries (`#entries`), for
    valid filters. Rendered without the request: nothing in it may depend on who asks."""
    filters = form.filters()
    context: dict = {"form": form, "query": query}
    if more:
        meetings = selectors.meeting_list(filters=filters)
    else:
        count = cached_count(query=query, count=lambda: selectors.timeline_count(filters=filters))
        context["count"], meetings = selectors.counted_meeting_list(
            filters=filters, count=count.number
        )
        context["count_more"] = count.more
    context["page"] = timeline_page(meetings, number=number, continued=more)
    partial = "entries" if more else "results"
    return render_to_string(f"events/meeting_list.html#{partial}", context)


@require_GET
@role_required("events.view_meeting")
def meeting_histogram(request: HtmxHttpRequest) -> HttpResponse:
    """Meetings per month or year for the timeline's filters, as an SVG chart of links."""
    form = MeetingFilterForm(request.GET)
    query = filter_query(request.GET)
    if not form.is_valid():
        context = {"chart": histogram_chart([]), "query": query}
        return render(request, "events/includes/histogram.html", context)

    def chart() -> str:
        bars = selectors.meeting_histogram(filters=form.filters())
        context = {"chart": histogram_chart(bars), "query": query}
        return render_to_string("events/includes/histogram.html", context)

    return HttpResponse(cached_fragment(request, kind="histogram", query=query, render=chart))


@require_GET
@role_required("events.view_meeting")
def actor_suggestions(request: HtmxHttpRequest) -> HttpResponse:
    """A few actors for the filter's autocomplete: never the whole list."""
    actors = selectors.actor_suggestions(term=request.GET.get("term", ""))
    options = [Suggestion(str(actor.pk), actor.name, actor.country_id or "") for actor in actors]
    return _suggestions(request, options, field="actor")


@require_GET
@role_required("events.view_meeting")
def country_suggestions(request: HtmxHttpRequest) -> HttpResponse:
    countries = selectors.country_suggestions(term=request.GET.get("term", ""))
    options = [Suggestion(country.code, country.name, country.code) for country in countries]
    return _suggestions(request, options, field="country")


def _suggestions(request: HttpRequest, options: list[Suggestion], *, field: str) -> HttpResponse:
    context = {"options": options, "field": field, "term": request.GET.get("term", "").strip()}
    return render(request, "events/includes/suggestions.html", context)


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


@require_GET
@role_required("events.view_meeting")
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
        "decisions": meeting_decisions(meeting=meeting),
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


@require_POST
@role_required("articles.change_article")
def article_retry_extraction(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor's "Try again" on an article whose extraction failed: fresh attempts."""
    article = get_object_or_404(Article, pk=pk)
    if articles_rerun_extraction(articles=[article]):
        messages.success(request, "Extraction was queued again.")
    else:
        messages.info(request, "Extraction is already waiting for the worker.")
    return redirect("articles:article-detail", pk=article.pk)
