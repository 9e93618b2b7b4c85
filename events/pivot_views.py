"""Pages to turn around on: an actor, a country, two countries, who met whom, the meetings
ahead (and their calendar feed), and the meetings related to one. Every page takes the
timeline's query parameters (events.forms.MeetingFilterForm)."""

from __future__ import annotations

import math

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.permissions import role_required
from events import pivots, selectors
from events.calendar import (
    calendar_token_renew,
    calendar_token_revoke,
    calendar_token_user,
    upcoming_calendar,
)
from events.forms import MeetingFilterForm
from events.models import Actor, CalendarToken, Country
from events.selectors import MeetingFilters
from events.timeline import page_number, timeline_page
from events.views import MORE_ENTRIES_TARGET, HtmxHttpRequest, filter_query

VIEW_PERMISSION = "events.view_meeting"


def _filtered(request: HttpRequest, **scope: list[str]) -> tuple[MeetingFilterForm, QueryDict]:
    """The timeline's filters of the request, with the page's own `scope` (country or actor
    values) added; and the filters set, for links."""
    data = request.GET.copy()
    for name, values in scope.items():
        data.setlist(name, [*data.getlist(name), *values])
    return MeetingFilterForm(data), filter_query(request.GET)


def _invalid(request: HttpRequest, form: MeetingFilterForm) -> HttpResponse:
    return render(request, "events/pivot_invalid.html", {"form": form}, status=400)


def _scoped(query: QueryDict, **scope: list[str]) -> str:
    """The query with the page's scope, for the histogram and the timeline's link."""
    scoped = query.copy()
    for name, values in scope.items():
        for value in values:
            if value not in scoped.getlist(name):
                scoped.appendlist(name, value)
    return scoped.urlencode()


@require_GET
@role_required(VIEW_PERMISSION)
def actor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One actor: aliases, roles over time, meetings on a small timeline, the countries met."""
    try:
        actor = pivots.actor_profile(actor_id=pk)
    except Actor.DoesNotExist:
        raise Http404(_("No such actor.")) from None
    form = MeetingFilterForm(request.GET)
    query = filter_query(request.GET)
    if not form.is_valid():
        return _invalid(request, form)
    filters = form.filters()
    context = {
        "actor": actor,
        "roles": pivots.actor_roles(actor_id=pk),
        "counterparts": pivots.actor_counterparts(actor=actor, filters=filters),
        "meetings": pivots.actor_recent_meetings(actor_id=pk, filters=filters),
        "query": query,
        "scoped": _scoped(query, actor=[str(pk)]),
    }
    return render(request, "events/actor_detail.html", context)


def _country(code: str) -> Country:
    return get_object_or_404(Country, code=code.upper())


@require_GET
@role_required(VIEW_PERMISSION)
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One country: visits made and received and meetings per year, top partners, latest."""
    if code != code.upper():
        return redirect(
            f"{reverse('events:country-detail', args=[code.upper()])}?{request.GET.urlencode()}"
        )
    country = _country(code)
    form = MeetingFilterForm(request.GET)
    query = filter_query(request.GET)
    if not form.is_valid():
        return _invalid(request, form)
    filters = form.filters()
    years = pivots.country_years(code=country.code, filters=filters)
    context = {
        "country": country,
        "years": years,
        "totals": {
            "meetings": sum(year.meetings for year in years),
            "made": sum(year.visits_made for year in years),
            "received": sum(year.visits_received for year in years),
        },
        "partners": pivots.country_partners(code=country.code, filters=filters),
        "meetings": pivots.country_recent_meetings(code=country.code, filters=filters),
        "query": query,
        "scoped": _scoped(query, country=[country.code]),
    }
    return render(request, "events/country_detail.html", context)


@require_GET
@role_required(VIEW_PERMISSION)
def country_pair(request: HtmxHttpRequest, first: str, second: str) -> HttpResponse:
    """Every meeting between two countries (that both take part in or host), with the
    histogram; more load as the analyst scrolls, as on the timeline."""
    codes = [first.upper(), second.upper()]
    if codes[0] == codes[1]:
        return redirect("events:country-detail", code=codes[0])
    form, query = _filtered(request, country=codes)
    if not form.is_valid():
        if "country" in form.errors:
            raise Http404(_("No such country."))
        return _invalid(request, form)
    filters = form.filters()
    one, other = (next(c for c in form.countries if c.code == code) for code in codes)
    more = bool(request.htmx) and request.htmx.target == MORE_ENTRIES_TARGET
    if more:
        count, meetings = None, selectors.meeting_list(filters=filters)
    else:
        count, meetings = selectors.counted_meeting_list(filters=filters)
    page = timeline_page(meetings, number=page_number(request.GET.get("page")), continued=more)
    context = {"one": one, "other": other, "page": page, "query": query}
    if more:
        return render(request, "events/country_pair.html#entries", context)
    context["count"] = count
    context["scoped"] = _scoped(query, country=codes)
    return render(request, "events/country_pair.html", context)


@require_GET
@role_required(VIEW_PERMISSION)
def country_matrix(request: HttpRequest) -> HttpResponse:
    """Who met whom: the busiest countries of the filtered meetings, each pair's count as a
    cell of a heat map that links to the pair's page."""
    form = MeetingFilterForm(request.GET)
    query = filter_query(request.GET)
    if not form.is_valid():
        return _invalid(request, form)
    matrix = pivots.meeting_matrix(filters=form.filters())
    context = {"matrix": matrix, "chart": matrix_chart(matrix), "query": query}
    return render(request, "events/country_matrix.html", context)


def matrix_chart(matrix: pivots.Matrix) -> dict:
    """Cells of the SVG heat map: position, shade (by the log of the count) and link."""
    cell = 24
    margin = 30
    largest = matrix.largest
    rows = []
    for row, one in enumerate(matrix.countries):
        for column, other in enumerate(matrix.countries):
            if one.code == other.code:
                continue
            count = matrix.count(one.code, other.code)
            shade = math.log1p(count) / math.log1p(largest) if count and largest else 0.0
            rows.append(
                {
                    "x": margin + column * cell,
                    "y": margin + row * cell,
                    "count": count,
                    "opacity": round(0.08 + 0.92 * shade, 3) if count else 0,
                    "one": one,
                    "other": other,
                }
            )
    size = margin + len(matrix.countries) * cell
    labels = [
        {"code": country.code, "name": country.name, "at": margin + index * cell + cell // 2}
        for index, country in enumerate(matrix.countries)
    ]
    return {"cells": rows, "labels": labels, "size": size, "cell": cell - 2, "margin": margin}


@require_GET
@role_required(VIEW_PERMISSION)
def meeting_related(request: HttpRequest, pk: int) -> HttpResponse:
    """Other meetings of the same participants and between the same countries (a partial the
    meeting page loads)."""
    related = pivots.related_meetings(meeting_id=pk)
    return render(request, "events/includes/related_meetings.html", {"related": related})


def _upcoming_filters(request: HttpRequest) -> tuple[MeetingFilterForm, MeetingFilters | None]:
    form = MeetingFilterForm(request.GET)
    return form, form.filters() if form.is_valid() else None


@require_GET
@role_required(VIEW_PERMISSION)
def upcoming(request: HttpRequest) -> HttpResponse:
    """Planned meetings from today on, with when each was announced; those whose date passed
    with no report of them held; and the link to follow them in a calendar app."""
    form, filters = _upcoming_filters(request)
    if filters is None:
        return _invalid(request, form)
    today = timezone.localdate()
    meetings, not_confirmed = pivots.planned_meetings(filters=filters, today=today)
    query = filter_query(request.GET)
    token = CalendarToken.objects.filter(user=request.user).first()
    feed = reverse("events:upcoming-calendar")
    subscribe_url = None
    if token is not None:
        subscribe = query.copy()
        subscribe["token"] = token.key
        subscribe_url = request.build_absolute_uri(f"{feed}?{subscribe.urlencode()}")
    context = {
        "today": today,
        "meetings": meetings,
        "not_confirmed": not_confirmed,
        "query": query,
        "download_url": f"{feed}?{query.urlencode()}" if query else feed,
        "subscribe_url": subscribe_url,
    }
    return render(request, "events/upcoming.html", context)


@login_not_required
@require_GET
def upcoming_calendar_feed(request: HttpRequest) -> HttpResponse:
    """The upcoming meetings as iCalendar, for the signed-in analyst or a calendar link's."""
    key = request.GET.get("token", "")
    user = calendar_token_user(key=key) if key else request.user
    if user is None or not user.is_authenticated:
        return HttpResponse(
            _("This calendar link is not valid (it may have been revoked)."),
            status=403 if key else 401,
            content_type="text/plain; charset=utf-8",
        )
    if not user.has_perm(VIEW_PERMISSION):
        return HttpResponse(
            _("This calendar is for analysts and editors."),
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    form, filters = _upcoming_filters(request)
    if filters is None:
        return HttpResponse(
            " ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    meetings = pivots.upcoming_meetings(filters=filters, today=timezone.localdate())
    body = upcoming_calendar(
        meetings,
        page_url=lambda meeting: request.build_absolute_uri(
            reverse("events:meeting-detail", args=[meeting.pk])
        ),
        name=_("Entente: upcoming meetings"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="entente-upcoming.ics"'
    return response


@require_POST
@role_required(VIEW_PERMISSION)
def calendar_link(request: HttpRequest) -> HttpResponse:
    """Make a new calendar link (revoking the old one), or revoke it."""
    if request.POST.get("action") == "revoke":
        calendar_token_revoke(user=request.user)
    else:
        calendar_token_renew(user=request.user)
    back = reverse("events:upcoming")
    query = filter_query(request.POST)
    return redirect(f"{back}?{query.urlencode()}" if query else back)
