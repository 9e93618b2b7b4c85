"""The read-only JSON API: `/api/meetings` (the timeline's query parameters, pages by cursor)
and `/api/actors/<id>`. Same permission as the pages, from the same session.

A page's cursor is the position of its last meeting in the timeline's order (its sort date and
id), so the next page starts right after it: meetings stored meanwhile never shift a page or
make one meeting appear twice, as an offset would.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from events import pivots, selectors
from events.codes import codes_of
from events.forms import MeetingFilterForm
from events.models import Actor, Meeting, MeetingSource, Participant
from events.selectors import OLDEST_FIRST, MeetingFilters
from events.views import filter_query

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
PERMISSION = "events.view_meeting"


class BadRequest(Exception):
    """A parameter the API cannot use; the message says why."""


@dataclass(frozen=True)
class Cursor:
    sort_date: dt.date | None
    id: int
    order: str

    def encode(self) -> str:
        data = {"d": self.sort_date.isoformat() if self.sort_date else None, "i": self.id}
        data["o"] = self.order
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, *, order: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw)
            day = dt.date.fromisoformat(data["d"]) if data["d"] is not None else None
            cursor = cls(day, int(data["i"]), str(data["o"]))
        except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise BadRequest("The cursor is not one this API gave.") from error
        if cursor.order != order:
            raise BadRequest("The cursor belongs to the other order: start again without it.")
        return cursor


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _refusal(request: HttpRequest) -> JsonResponse | None:
    if not request.user.is_authenticated:
        return _error("Sign in first (the API uses the pages' session).", 401)
    if not request.user.has_perm(PERMISSION):
        return _error("The API is for analysts and editors.", 403)
    return None


def _after(cursor: Cursor) -> Q:
    """Meetings after the cursor in the timeline's order (undated meetings come last)."""
    if cursor.order == OLDEST_FIRST:
        if cursor.sort_date is None:
            return Q(sort_date__isnull=True, id__gt=cursor.id)
        later = Q(sort_date__gt=cursor.sort_date) | Q(sort_date=cursor.sort_date, id__gt=cursor.id)
        return later | Q(sort_date__isnull=True)
    if cursor.sort_date is None:
        return Q(sort_date__isnull=True, id__lt=cursor.id)
    # The bound on sort_date alone lets PostgreSQL start its index scan at the cursor.
    earlier = Q(sort_date__lte=cursor.sort_date) & (
        Q(sort_date__lt=cursor.sort_date) | Q(id__lt=cursor.id)
    )
    return earlier | Q(sort_date__isnull=True)


def _limit(value: str | None) -> int:
    if not value:
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadRequest(f"limit must be a whole number from 1 to {MAX_LIMIT}.")
    return int(value)


def _meetings_page(filters: MeetingFilters, cursor: Cursor | None, limit: int) -> list[Meeting]:
    meetings: QuerySet[Meeting] = selectors.meeting_ids(filters=filters)
    if cursor is not None:
        meetings = meetings.filter(_after(cursor))
    return list(
        meetings.select_related("country").prefetch_related(
            Prefetch(
                "participants",
                queryset=Participant.objects.select_related("actor__country").order_by(
                    "role", "actor__name"
                ),
            ),
            Prefetch(
                "sources",
                queryset=MeetingSource.objects.select_related("article")
                .only(
                    "meeting_id",
                    "article__id",
                    "article__title",
                    "article__url",
                    "article__source",
                    "article__published_on",
                )
                .order_by("article__published_on", "article_id"),
            ),
        )[: limit + 1]
    )


def _country(country) -> dict | None:
    return {"code": country.code, "name": country.name} if country else None


def meeting_json(meeting: Meeting, request: HttpRequest) -> dict:
    """One meeting as the API gives it (participants and sources prefetched)."""
    codes = codes_of(meeting)
    return {
        "id": meeting.pk,
        "url": request.build_absolute_uri(reverse("events:meeting-detail", args=[meeting.pk])),
        "title": str(meeting),
        "kind": meeting.kind,
        "status": meeting.status,
        "review_state": meeting.review_state,
        "dates": {
            "start": meeting.start_date.isoformat() if meeting.start_date else None,
            "end": meeting.end_date.isoformat() if meeting.end_date else None,
            "precision": meeting.date_precision,
            "sort_date": meeting.sort_date.isoformat() if meeting.sort_date else None,
            "sort_date_reported": meeting.sort_date_reported,
        },
        "venue": {"city": meeting.city or None, "country": _country(meeting.country)},
        "participants": [
            {
                "actor_id": participant.actor_id,
                "name": participant.actor.name,
                "role": participant.role,
                "country": _country(participant.actor.country),
                "api_url": request.build_absolute_uri(
                    reverse("events:actor-api", args=[participant.actor_id])
                ),
            }
            for participant in meeting.participants.all()
        ],
        "codes": {
            "cameo": codes.cameo,
            "plover_type": codes.plover_type,
            "plover_mode": codes.plover_mode,
        },
        "sources": [
            {
                "article_id": source.article_id,
                "title": source.article.title,
                "url": source.article.url or None,
                "source": source.article.source or None,
                "published_on": source.article.published_on.isoformat(),
            }
            for source in meeting.sources.all()
        ],
    }


@login_not_required
@require_GET
def meeting_list_api(request: HttpRequest) -> JsonResponse:
    """A page of the timeline's meetings, in its order, and the URL of the next page."""
    if refusal := _refusal(request):
        return refusal
    form = MeetingFilterForm(request.GET)
    if not form.is_valid():
        problems = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        return JsonResponse({"error": "Invalid filters.", "fields": problems}, status=400)
    filters = form.filters()
    try:
        limit = _limit(request.GET.get("limit"))
        given = request.GET.get("cursor")
        cursor = Cursor.decode(given, order=filters.order) if given else None
    except BadRequest as error:
        return _error(str(error), 400)
    rows = _meetings_page(filters, cursor, limit)
    page, more = rows[:limit], len(rows) > limit
    next_url = None
    if more:
        last = page[-1]
        query = filter_query(request.GET)
        query["cursor"] = Cursor(last.sort_date, last.pk, filters.order).encode()
        if request.GET.get("limit"):
            query["limit"] = str(limit)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return JsonResponse(
        {"results": [meeting_json(meeting, request) for meeting in page], "next": next_url},
        json_dumps_params={"ensure_ascii": False},
    )


@login_not_required
@require_GET
def actor_api(request: HttpRequest, pk: int) -> JsonResponse:
    """One actor: name, kind, country, aliases, roles, and the URL of their meetings."""
    if refusal := _refusal(request):
        return refusal
    try:
        actor = pivots.actor_profile(actor_id=pk)
    except Actor.DoesNotExist:
        return _error(f"No actor has the id {pk}.", 404)
    roles = pivots.actor_roles(actor_id=pk)
    meetings = f"{reverse('events:meeting-api')}?actor={pk}"
    return JsonResponse(
        {
            "id": actor.pk,
            "name": actor.name,
            "kind": actor.kind,
            "country": _country(actor.country),
            "verified": actor.verified,
            "aliases": actor.alias_names,
            "roles": [
                {
                    "title": role.title,
                    "country": _country(role.country),
                    "start": role.start_date.isoformat() if role.start_date else None,
                    "end": role.end_date.isoformat() if role.end_date else None,
                    "observed": role.observed,
                }
                for role in roles
            ],
            "url": request.build_absolute_uri(reverse("events:actor-detail", args=[pk])),
            "meetings_url": request.build_absolute_uri(meetings),
        },
        json_dumps_params={"ensure_ascii": False},
    )
