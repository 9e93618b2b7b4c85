"""What a meeting shows that follows from its facts: kept in step wherever the facts change.

Call `meeting_refresh_derived` after any change to a meeting's kind, status, venue or
participants, or to the name of one of its actors (`actor_refresh_meetings`): extraction's
recompute, the admin's saves and inlines, a revert, a merge. It sets the title and, once the
meeting is saved, its search document and timeline date (`events.search`), which also follow
its sources and evidence.
"""

from __future__ import annotations

from events.models import Actor, Meeting
from events.search import meeting_refresh_search
from events.titles import meeting_title


def meeting_refresh_derived(*, meeting: Meeting, save: bool = True) -> list[str]:
    """Bring the derived fields (the title, unless an editor wrote it) up to date; returns the
    fields that changed. With `save=False` the caller saves them along with its own changes,
    then refreshes the search data (`meeting_refresh_search`), which is read from the rows."""
    changed = []
    if not meeting.title_is_manual:
        title = meeting_title(meeting)[: Meeting._meta.get_field("title").max_length]
        if title != meeting.title:
            meeting.title = title
            changed.append("title")
    if save:
        if changed:
            meeting.save(update_fields=[*changed, "updated_at"])
        meeting_refresh_search(meetings=[meeting])
    return changed


def actor_refresh_meetings(*, actor: Actor) -> int:
    """An actor's name or aliases changed: refresh every meeting they take part in; returns
    how many titles changed."""
    meetings = list(
        Meeting.objects.filter(participants__actor=actor).select_related("country").distinct()
    )
    retitled = 0
    for meeting in meetings:
        if meeting_refresh_derived(meeting=meeting, save=False):
            meeting.save(update_fields=["title", "updated_at"])
            retitled += 1
    meeting_refresh_search(meetings=meetings)
    return retitled
