"""The review queue: meetings extraction found that no editor has judged yet, and the edits
an editor makes there. Verdicts and merges are events.curation's; this module reads the queue
and writes an in-place correction of a meeting's facts."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from events.derived import meeting_refresh_derived
from events.models import Meeting, ReviewState
from events.search import meeting_refresh_search
from events.selectors import meetings_with_details

# The facts an editor corrects in the queue; participants and evidence are the admin's.
EDITABLE_FACTS = [
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
]


def review_queue() -> QuerySet[Meeting]:
    """Meetings waiting for a verdict, the newest found first, with what the queue shows."""
    waiting = Meeting.objects.filter(review_state=ReviewState.EXTRACTED)
    return meetings_with_details(waiting).order_by("-created_at", "-id")


def review_waiting_count() -> int:
    """How many meetings wait for a verdict: one count over the review state's index."""
    return Meeting.objects.filter(review_state=ReviewState.EXTRACTED).count()


def meeting_correct_facts(*, meeting: Meeting, changes: dict) -> list[str]:
    """Apply an editor's corrections of a meeting's facts; returns the fields that changed.

    A changed fact makes the meeting edited (extraction leaves it alone from then on) and its
    title, search row and timeline date follow."""
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    if not changed:
        return []
    with transaction.atomic():
        for name in changed:
            setattr(meeting, name, changes[name])
        meeting.edited = True
        meeting_refresh_derived(meeting=meeting, save=False)
        meeting.save()
        meeting_refresh_search(meetings=[meeting])
    return changed
