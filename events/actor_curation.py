"""Editors' work on actors: merging two records of one person, deleting junk.

Both change who takes part in meetings, so both refresh the affected meetings' derived data
and rewrite the claims (events.store) that name the actor: a meeting recomputed later from
its claims must agree with what the editor decided. Each row is saved on its own so that its
history records the editor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from events.derived import actor_refresh_meetings, meeting_refresh_derived
from events.extraction.names import normalize_name
from events.models import (
    Actor,
    ActorAlias,
    ActorRole,
    ActorTombstone,
    Meeting,
    MeetingSource,
    Participant,
)


def actors_merge(*, actors: Iterable[Actor]) -> Actor:
    """Merge records of one person into one: a verified record survives before one extraction
    created, then the smallest id. Returns the survivor."""
    ordered = sorted(actors, key=lambda actor: (not actor.verified, actor.pk))
    if len(ordered) < 2:
        raise ValueError("Merging needs two actors or more.")
    with transaction.atomic():
        into = ordered[0]
        for actor in ordered[1:]:
            into = actor_merge(actor=actor, into=into)
    return into


def actor_merge(*, actor: Actor, into: Actor) -> Actor:
    """Merge `actor` into `into`: its participations, roles and aliases move over, its name
    becomes an alias of `into`, claims name `into`, and its id leads to `into` for good."""
    if actor.pk == into.pk:
        raise ValueError("An actor cannot be merged into itself.")
    with transaction.atomic():
        locked = {
            a.pk: a for a in Actor.objects.select_for_update().filter(pk__in=[actor.pk, into.pk])
        }
        actor, into = locked[actor.pk], locked[into.pk]
        _move_aliases(actor, into)
        _move_roles(actor, into)
        present = set(Participant.objects.filter(actor=into).values_list("meeting_id", flat=True))
        for participant in Participant.objects.filter(actor=actor):
            if participant.meeting_id in present:
                participant.delete()  # `into` already takes part, in its own role
                continue
            participant.actor = into
            participant.save(update_fields=["actor"])
        _rewrite_claims(actor.pk, into.pk)
        if into.country_id is None and actor.country_id:
            into.country_id = actor.country_id
        into.save()  # its updated_at tells the actor directory to rebuild
        _retire(actor, merged_into=into, reason=f"merged into actor {into.pk} by an editor")
        actor_refresh_meetings(actor=into)
    return into


def _move_aliases(actor: Actor, into: Actor) -> None:
    known = set(into.aliases.values_list("normalized", flat=True))
    for alias in ActorAlias.objects.filter(actor=actor):
        if alias.normalized in known:
            alias.delete()
            continue
        alias.actor = into
        alias.save()
        known.add(alias.normalized)
    for name in (actor.name, into.name):
        if normalize_name(name) and normalize_name(name) not in known:
            ActorAlias.objects.create(actor=into, name=name)
            known.add(normalize_name(name))


def _move_roles(actor: Actor, into: Actor) -> None:
    kept = {(r.title, r.country_id, r.observed): r for r in ActorRole.objects.filter(actor=into)}
    for role in ActorRole.objects.filter(actor=actor):
        same = kept.get((role.title, role.country_id, role.observed))
        if same is None:
            role.actor = into
            role.save(update_fields=["actor"])
            continue
        # One title held twice: the days it covers join.
        starts = [day for day in (same.start_date, role.start_date) if day]
        ends = [day for day in (same.end_date, role.end_date) if day]
        same.start_date = min(starts) if starts else None
        same.end_date = max(ends) if ends else None
        same.save(update_fields=["start_date", "end_date"])
        role.delete()


def _claims_naming(actor_id: int):
    """The sources whose claim names the actor: a text match on the stored JSON, which reads
    the same on PostgreSQL (jsonb) and SQLite."""
    pattern = rf'"actor": ?{actor_id}[,}}]'
    return MeetingSource.objects.annotate(claim_text=Cast("claim", TextField())).filter(
        claim_text__regex=pattern
    )


def _rewrite_claims(actor_id: int, into_id: int | None) -> None:
    """Claims name `into_id` instead of the actor (or no longer name it, for None)."""
    for source in _claims_naming(actor_id):
        participants, seen = [], set()
        for item in source.claim.get("participants", []):
            actor = into_id if item["actor"] == actor_id else item["actor"]
            if actor is None or actor in seen:
                continue
            seen.add(actor)
            participants.append({**item, "actor": actor})
        participants.sort(key=lambda item: item["actor"])
        source.claim = {**source.claim, "participants": participants}
        source.save(update_fields=["claim"])


def _retire(actor: Actor, *, merged_into: Actor | None, reason: str) -> None:
    names = sorted(
        {normalize_name(actor.name), *actor.aliases.values_list("normalized", flat=True)} - {""}
    )
    ActorTombstone.objects.filter(merged_into=actor).update(merged_into=merged_into)
    ActorTombstone.objects.create(
        actor_id=actor.pk, name=actor.name, names=names, merged_into=merged_into, reason=reason
    )
    actor.delete()


# --- Deleting junk ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingLoss:
    """A meeting that loses a participant: who is left in it."""

    meeting: Meeting
    left: list[str]


@dataclass(frozen=True)
class ActorDeletion:
    actor: Actor
    meetings: list[MeetingLoss]


def actors_deletion_impact(*, actors: Iterable[Actor]) -> list[ActorDeletion]:
    """For each actor, the meetings it takes part in and who would be left in each."""
    actors = list(actors)
    leaving = {actor.pk for actor in actors}
    participations = (
        Participant.objects.filter(meeting__participants__actor__in=leaving)
        .select_related("actor", "meeting")
        .order_by("meeting_id", "actor__name")
        .distinct()
    )
    people: dict[int, list[Participant]] = {}
    for participant in participations:
        people.setdefault(participant.meeting_id, []).append(participant)
    impact = []
    for actor in actors:
        losses = [
            MeetingLoss(
                meeting=group[0].meeting,
                left=[p.actor.name for p in group if p.actor_id not in leaving],
            )
            for group in people.values()
            if any(p.actor_id == actor.pk for p in group)
        ]
        impact.append(ActorDeletion(actor=actor, meetings=losses))
    return impact


def actors_delete(*, actors: Iterable[Actor]) -> int:
    """Delete actors an editor judged junk: they leave their meetings (whose titles and search
    follow), claims stop naming them, and extraction does not create them again under their
    names (their tombstone keeps the names). Returns how many were deleted."""
    count = 0
    with transaction.atomic():
        touched: dict[int, Meeting] = {}
        ids = [actor.pk for actor in actors]
        for actor in Actor.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            for participant in Participant.objects.filter(actor=actor).select_related("meeting"):
                touched[participant.meeting_id] = participant.meeting
                participant.delete()
            _rewrite_claims(actor.pk, None)
            _retire(actor, merged_into=None, reason="deleted as junk by an editor")
            count += 1
        for meeting in touched.values():
            meeting_refresh_derived(meeting=meeting)
    return count
