"""Merging meetings that are one event, and splitting one that is two: each on a page that
shows what will happen before anything changes."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from articles.permissions import role_required
from events.curation import meeting_split, meetings_merge
from events.curation_forms import MeetingMergeForm, MeetingSplitForm
from events.models import Meeting
from events.selectors import meetings_with_details
from events.views import HtmxHttpRequest


def _merged_preview(meetings: list[Meeting]) -> dict:
    """What the survivor (the smallest id) will hold: every participant, source and evidence
    sentence of all of them, and its own date, venue, kind and status."""
    participants: dict[int, object] = {}
    articles: dict[int, object] = {}
    evidence = set()
    for meeting in meetings:
        for participant in meeting.participants.all():
            participants.setdefault(participant.actor_id, participant)
        for source in meeting.sources.all():
            articles.setdefault(source.article_id, source.article)
        evidence.update((e.article_id, e.field, e.start_char) for e in meeting.evidence.all())
    return {
        "survivor": meetings[0],
        "absorbed": meetings[1:],
        "participants": list(participants.values()),
        "articles": sorted(articles.values(), key=lambda article: article.pk),
        "evidence_count": len(evidence),
    }


@require_http_methods(["GET", "POST"])
@role_required("events.change_meeting")
def meeting_merge(request: HtmxHttpRequest) -> HttpResponse:
    """`?ids=3,7,12`: the meetings to merge and what the survivor will hold; posting the
    confirmation merges them."""
    data = request.POST if request.method == "POST" else request.GET
    form = MeetingMergeForm({"ids": data.getlist("ids")})
    if not form.is_valid():
        return render(request, "events/meeting_merge.html", {"form": form}, status=400)
    meetings = list(
        meetings_with_details(
            Meeting.objects.filter(pk__in=[m.pk for m in form.cleaned_data["ids"]])
        ).order_by("pk")
    )
    if request.method == "POST":
        survivor = meetings_merge(meetings=meetings)
        messages.success(
            request,
            _("%(count)d meeting(s) merged into this one; their old links lead here.")
            % {"count": len(meetings) - 1},
        )
        return redirect("events:meeting-detail", pk=survivor.pk)
    context = {
        "form": form,
        "ids": ",".join(str(m.pk) for m in meetings),
        **_merged_preview(meetings),
    }
    return render(request, "events/meeting_merge.html", context)


@require_http_methods(["GET", "POST"])
@role_required("events.change_meeting")
def meeting_split_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Choose which sources and participants go to a new meeting."""
    meeting = get_object_or_404(Meeting.objects.select_related("country"), pk=pk)
    form = MeetingSplitForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        new = meeting_split(meeting=meeting, **form.plan)
        messages.success(
            request,
            _("Split: meeting %(new)d holds what you moved; meeting %(old)d keeps the rest.")
            % {"new": new.pk, "old": meeting.pk},
        )
        return redirect("events:meeting-detail", pk=new.pk)
    return render(request, "events/meeting_split.html", {"meeting": meeting, "form": form},
                  status=400 if form.is_bound else 200)  # fmt: skip
