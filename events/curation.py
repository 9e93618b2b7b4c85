"""Editors' work on meetings: verdicts, edits, handing back to extraction, merging by hand.

A meeting an editor verified, edited or rejected is curated: extraction never changes,
deletes or re-creates it, and only adds new reports of it as sources. Each change is saved
object by object (never a bulk update) so that its history records who made it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from events.derived import meeting_refresh_derived
from events.models import Evidence, Meeting, MeetingSource, Participant
from events.store import meeting_retire, meetings_recluster


def meeting_mark_edited(*, meeting: Meeting) -> None:
    """An editor changed this meeting: from now on extraction leaves it as it is."""
    if not meeting.edited:
        meeting.edited = True
        meeting.save(update_fields=["edited", "updated_at"])


def meetings_set_review_state(*, meetings: Iterable[Meeting], state: str) -> int:
    """Give meetings an editor's verdict; returns how many changed.

    Back to extracted hands a meeting that is not edited back to extraction: once this
    commits, its claims are clustered again with their neighbours (events.store).
    """
    handed_back = []
    with transaction.atomic():
        changed = 0
        ids = [meeting.pk for meeting in meetings]
        for meeting in Meeting.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            if meeting.review_state == state:
                continue
            meeting.review_state = state
            meeting.save(update_fields=["review_state", "updated_at"])
            changed += 1
            if not meeting.is_curated:
                handed_back.append(meeting.pk)
        if handed_back:
            meetings_hand_back(meeting_ids=handed_back)
    return changed


def meetings_hand_back(*, meeting_ids: list[int]) -> None:
    """Meetings no longer curated: recompute them from their claims once this commits (in
    its own transaction, which takes the store's locks in their order)."""
    transaction.on_commit(lambda: meetings_recluster(meeting_ids=meeting_ids))


def meeting_merge(*, meeting: Meeting, into: Meeting) -> Meeting:
    """Merge `meeting` into `into` by an editor's decision: its sources, evidence and
    participants move over, `into` becomes edited (so extraction keeps them together), and
    the old id redirects to `into` for good."""
    if meeting.pk == into.pk:
        raise ValueError("A meeting cannot be merged into itself.")
    with transaction.atomic():
        locked = {
            m.pk: m
            for m in Meeting.objects.select_for_update()
            .filter(pk__in=[meeting.pk, into.pk])
            .order_by("pk")
        }
        meeting, into = locked[meeting.pk], locked[into.pk]
        kept_articles = set(into.sources.values_list("article_id", flat=True))
        for source in MeetingSource.objects.filter(meeting=meeting):
            if source.article_id in kept_articles:
                source.delete()  # the article already reports `into`; its claim there stays
                continue
            source.meeting = into
            source.save(update_fields=["meeting"])
        kept_evidence = set(into.evidence.values_list("article_id", "field", "start_char"))
        for item in Evidence.objects.filter(meeting=meeting):
            if (item.article_id, item.field, item.start_char) in kept_evidence:
                item.delete()
                continue
            item.meeting = into
            item.save(update_fields=["meeting"])
        present = set(into.participants.values_list("actor_id", flat=True))
        for participant in Participant.objects.filter(meeting=meeting):
            if participant.actor_id in present:
                participant.delete()
                continue
            participant.meeting = into
            participant.save(update_fields=["meeting"])
        into.edited = True
        into.save(update_fields=["edited", "updated_at"])
        meeting_refresh_derived(meeting=into)
        meeting_retire(
            meeting=meeting, merged_into=into, reason=f"merged into meeting {into.pk} by an editor"
        )
    return into
