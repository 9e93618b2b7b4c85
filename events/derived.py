"""What a meeting shows that follows from its facts: kept in step wherever the facts change.

Call `meeting_refresh_derived` after any change to a meeting's kind, status, venue or
participants, or to the name of one of its actors (`actor_refresh_meetings`): extraction's
recompute, the admin's saves and inlines, a revert, a merge.
"""

from __future__ import annotations

from events.models import Actor, Meeting
from events.titles import meeting_title


def meeting_refresh_derived(*, meeting: Meeting, save: bool = True) -> list[str]:
    """Bring the derived fields (the title, unless an editor wrote it) up to date; returns the
    fields that changed. With `save=False` the caller saves them along with its own changes."""
    changed = []
    if not meeting.title_is_manual:
        title = meeting_title(meeting)[: Meeting._meta.get_field("title").max_length]
        if title != meeting.title:
            meeting.title = title
            changed.append("title")
    if changed and save:
        meeting.save(update_fields=[*changed, "updated_at"])
    return changed


def actor_refresh_meetings(*, actor: Actor) -> int:
    """An actor's name changed: refresh every meeting they take part in; returns how many
    changed."""
    meetings = Meeting.objects.filter(participants__actor=actor).select_related("country")
    return sum(bool(meeting_refresh_derived(meeting=meeting)) for meeting in meetings.distinct())
