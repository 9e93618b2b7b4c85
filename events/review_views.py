"""The review queue: verdicts, corrections in place and choices of many meetings at once.

Each meeting is a partial htmx can ask for and replace; without JavaScript the same forms
post and come back to the queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from articles.permissions import role_required
from events.curation import meetings_set_review_state
from events.curation_forms import MeetingFactsForm, MeetingIdsField
from events.decisions import meeting_decisions
from events.models import Meeting, ReviewState
from events.review import meeting_correct_facts, review_queue, review_waiting_count
from events.selectors import meetings_with_details
from events.views import HtmxHttpRequest

PER_PAGE = 25
VERDICTS = {
    "verify": ReviewState.VERIFIED,
    "reject": ReviewState.REJECTED,
    "undo": ReviewState.EXTRACTED,
}


def _entry(meeting: Meeting) -> dict:
    return {"meeting": meeting, "decisions": meeting_decisions(meeting=meeting)}


def _item_response(request: HtmxHttpRequest, meeting_id: int, **context) -> HttpResponse:
    """One meeting of the queue, fresh from the database, and the navigation's count."""
    meeting = get_object_or_404(meetings_with_details(Meeting.objects.all()), pk=meeting_id)
    context = {
        "entry": _entry(meeting),
        "review_waiting": review_waiting_count(),
        "count_oob": True,
        **context,
    }
    return render(request, "events/review/review_queue.html#item", context)


@require_http_methods(["GET"])
@role_required("events.change_meeting")
def review_list(request: HtmxHttpRequest) -> HttpResponse:
    page = Paginator(review_queue(), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "entries": [_entry(meeting) for meeting in page.object_list],
        "query": request.GET.copy(),
    }
    if request.htmx and request.htmx.target == "review-queue":
        return render(request, "events/review/review_queue.html#queue", context)
    return render(request, "events/review/review_queue.html", context)


@require_POST
@role_required("events.change_meeting")
def review_verdict(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Verify, reject, or undo a verdict (back to extracted) of one meeting."""
    meeting = get_object_or_404(Meeting, pk=pk)
    state = VERDICTS.get(request.POST.get("verdict", ""))
    if state is None:
        return HttpResponse(_("Unknown verdict."), status=400, content_type="text/plain")
    meetings_set_review_state(meetings=[meeting], state=state)
    if request.htmx:
        if not Meeting.objects.filter(pk=pk).exists():
            # Handed back to extraction, it was recomputed into another meeting.
            return HttpResponseClientRedirect(reverse("events:review-list"))
        return _item_response(request, pk)
    messages.success(
        request,
        _("“%(meeting)s” is now %(state)s.") % {"meeting": meeting, "state": state.label.lower()},
    )
    return redirect("events:review-list")


@require_http_methods(["GET", "POST"])
@role_required("events.change_meeting")
def review_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Correct a meeting's facts in place: the form replaces the meeting, saving brings the
    meeting back (edited); Cancel asks for the meeting again."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.method == "POST":
        form = MeetingFactsForm(request.POST, instance=Meeting.objects.get(pk=pk))
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
            meeting_correct_facts(meeting=meeting, changes=changes)
            if request.htmx:
                return _item_response(request, pk)
            messages.success(request, _("“%(meeting)s” corrected.") % {"meeting": meeting})
            return redirect("events:review-list")
    elif request.GET.get("cancel"):
        return _item_response(request, pk)
    else:
        form = MeetingFactsForm(instance=meeting)
    template = "events/review/review_edit.html"
    return render(request, f"{template}#form" if request.htmx else template,
                  {"meeting": meeting, "form": form})  # fmt: skip


@require_POST
@role_required("events.change_meeting")
def review_bulk(request: HtmxHttpRequest) -> HttpResponse:
    """The chosen meetings: verify or reject them all, or merge them (on the merge page,
    which shows what the survivor will hold before anything changes)."""
    action = request.POST.get("action", "")
    try:
        ids = MeetingIdsField(required=False).clean(request.POST.getlist("ids"))
    except ValidationError as error:
        ids = None
        messages.error(request, " ".join(error.messages))
    if ids is None:
        pass
    elif not ids:
        messages.warning(request, _("Choose meetings first."))
    elif action == "merge":
        url = f"{reverse('events:meeting-merge')}?{urlencode({'ids': ','.join(map(str, ids))})}"
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    elif action in VERDICTS:
        state = VERDICTS[action]
        count = meetings_set_review_state(meetings=Meeting.objects.filter(pk__in=ids), state=state)
        messages.success(
            request,
            ngettext(
                "%(count)d meeting is now %(state)s.",
                "%(count)d meetings are now %(state)s.",
                count,
            )
            % {"count": count, "state": state.label.lower()},
        )
    else:
        messages.warning(request, _("Unknown action."))
    url = reverse("events:review-list")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
