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


def meetings_merge(*, meetings: Iterable[Meeting]) -> Meeting:
    """Merge meetings that are one event into the one with the smallest id; the others'
    ids redirect to it."""
    ordered = sorted(meetings, key=lambda meeting: meeting.pk)
    if len(ordered) < 2:
        raise ValueError("Merging needs two meetings or more.")
    with transaction.atomic():
        into = ordered[0]
        for meeting in ordered[1:]:
            into = meeting_merge(meeting=meeting, into=into)
    return into


def meeting_split(
    *,
    meeting: Meeting,
    move_articles: Iterable[int] = (),
    share_articles: Iterable[int] = (),
    move_actors: Iterable[int] = (),
    share_actors: Iterable[int] = (),
) -> Meeting:
    """Split a meeting in two by an editor's decision; returns the new meeting.

    The sources (with their claims and evidence) and participants of `move_*` go to the new
    meeting, those of `share_*` are in both. The new meeting starts with the same date, venue,
    kind and status. Both become edited, so extraction never joins them again: a later reading
    of their articles only refreshes the claims they hold."""
    move_articles, share_articles = set(move_articles), set(share_articles)
    move_actors, share_actors = set(move_actors), set(share_actors)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        new = Meeting.objects.create(
            kind=meeting.kind,
            status=meeting.status,
            start_date=meeting.start_date,
            end_date=meeting.end_date,
            date_precision=meeting.date_precision,
            city=meeting.city,
            country_id=meeting.country_id,
            review_state=meeting.review_state,
            edited=True,
        )
        for source in MeetingSource.objects.filter(
            meeting=meeting, article_id__in=move_articles | share_articles
        ):
            _give_source(source, new, keep=source.article_id in share_articles)
        for participant in Participant.objects.filter(
            meeting=meeting, actor_id__in=move_actors | share_actors
        ):
            if participant.actor_id in share_actors:
                Participant.objects.create(meeting=new, actor_id=participant.actor_id,
                                           role=participant.role)  # fmt: skip
            else:
                participant.meeting = new
                participant.save(update_fields=["meeting"])
        meeting.edited = True
        meeting.save(update_fields=["edited", "updated_at"])
        meeting_refresh_derived(meeting=meeting)
        meeting_refresh_derived(meeting=new)
    return new


def _give_source(source: MeetingSource, new: Meeting, *, keep: bool) -> None:
    """Hand an article's report (its claim and evidence) to the new meeting of a split; with
    `keep`, the old meeting keeps its own copy."""
    evidence = Evidence.objects.filter(meeting_id=source.meeting_id, article_id=source.article_id)
    if not keep:
        source.meeting = new
        source.save(update_fields=["meeting"])
        for item in evidence:
            item.meeting = new
            item.save(update_fields=["meeting"])
        return
    copy = MeetingSource.objects.create(
        meeting=new,
        article_id=source.article_id,
        claim=source.claim,
        family=source.family,
        window_start=source.window_start,
        window_end=source.window_end,
    )
    copy.countries.set(source.countries.all())
    for item in evidence:
        Evidence.objects.create(
            meeting=new,
            article_id=item.article_id,
            field=item.field,
            text=item.text,
            start_char=item.start_char,
            end_char=item.end_char,
        )
