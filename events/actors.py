"""Finding or creating the actors the engine names."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Q
from django.utils import timezone

from events.extraction.names import normalize_name
from events.extraction.people import ActorDirectory
from events.extraction.types import (
    KnownActor,
    PersonFinding,
    in_office_until,
    organisation_since,
)
from events.models import Actor, ActorAlias, ActorKind, ActorRole, Country


class _DirectoryCache:
    """The actor directory of this process, kept in step with the database cheaply.

    Extraction creates actors all the time; rebuilding the whole directory for each would cost
    more than the extraction. New and changed actors are added to it instead; only deletions
    (rare, by editors) make it start over.
    """

    def __init__(self) -> None:
        self.directory: ActorDirectory | None = None
        self.counts: tuple[int, int] = (0, 0)
        self.changed: dt.datetime | None = None
        self.last_alias: int = 0

    def get(self) -> ActorDirectory:
        actors = Actor.objects.aggregate(count=Count("id"), changed=Max("updated_at"))
        aliases = ActorAlias.objects.aggregate(count=Count("id"), last=Max("id"))
        counts = (actors["count"], aliases["count"])
        last_alias = aliases["last"] or 0
        shrank = counts[0] < self.counts[0] or counts[1] < self.counts[1]
        if self.directory is None or shrank:
            self.directory = ActorDirectory(_known_actors(Actor.objects.all(), every_alias=True))
        elif actors["changed"] != self.changed or last_alias != self.last_alias:
            changed = Actor.objects.filter(
                Q(updated_at__gt=self.changed) if self.changed else Q()
            ) | Actor.objects.filter(aliases__id__gt=self.last_alias)
            self.directory.add(_known_actors(changed.distinct()))
        self.counts, self.changed, self.last_alias = counts, actors["changed"], last_alias
        return self.directory


def _known_actors(actors, every_alias: bool = False) -> list[KnownActor]:
    actors = list(actors.values_list("id", "name", "country_id", "kind"))
    alias_rows = ActorAlias.objects.all()
    role_rows = ActorRole.objects.filter(observed=False)
    if not every_alias:
        ids = [row[0] for row in actors]
        alias_rows = alias_rows.filter(actor_id__in=ids)
        role_rows = role_rows.filter(actor_id__in=ids)
    aliases: dict[int, list[str]] = {}
    for actor_id, name in alias_rows.values_list("actor_id", "name"):
        aliases.setdefault(actor_id, []).append(name)
    roles: dict[int, list[tuple[str | None, dt.date | None, dt.date | None]]] = {}
    for actor_id, country, start, end in role_rows.values_list(
        "actor_id", "country_id", "start_date", "end_date"
    ):
        roles.setdefault(actor_id, []).append((country, start, end))
    return [
        KnownActor(
            key=str(actor_id),
            name=name,
            country=country,
            kind=kind,
            aliases=tuple(aliases.get(actor_id, ())),
            in_office_until=in_office_until([end for _, _, end in roles.get(actor_id, [])]),
            organisation_since=organisation_since(roles.get(actor_id, [])),
        )
        for actor_id, name, country, kind in actors
    ]


_directory = _DirectoryCache()


def actor_directory() -> ActorDirectory:
    """The engine's view of every stored actor."""
    return _directory.get()


def actor_directory_reset() -> None:
    """Forget the cached directory (tests do, between databases)."""
    global _directory
    _directory = _DirectoryCache()


def _known_country(code: str | None) -> str | None:
    if code and Country.objects.filter(code=code).exists():
        return code
    return None


def actor_resolve(*, person: PersonFinding, seen_on: dt.date, article=None) -> Actor:
    """The stored actor a finding names, created (unverified) when it is new."""
    actor = None
    if person.known_key:
        actor = Actor.objects.filter(pk=person.known_key).first()
    if actor is None:
        actor = _actor_by_name(person)
    if actor is None:
        actor = Actor.objects.create(
            name=person.name,
            kind=person.kind if person.kind in ActorKind.values else ActorKind.PERSON,
            country_id=_known_country(person.country),
            verified=False,
        )
        for alias in {person.name, *person.aliases}:
            actor_add_alias(actor=actor, name=alias)
    if person.title:
        actor_record_role(
            actor=actor,
            title=person.title,
            country=_known_country(person.country),
            seen_on=seen_on,
        )
    return actor


def _actor_by_name(person: PersonFinding) -> Actor | None:
    keys = {normalize_name(person.name)} | {normalize_name(alias) for alias in person.aliases}
    matches = Actor.objects.filter(aliases__normalized__in=keys).distinct()
    if person.country:
        # An actor whose country nobody knows may be this one; `__in` never matches NULL.
        matches = matches.filter(Q(country_id=person.country) | Q(country__isnull=True))
    return matches.order_by("-verified", "id").first()


def actor_add_alias(*, actor: Actor, name: str) -> None:
    key = normalize_name(name)
    if key and not actor.aliases.filter(normalized=key).exists():
        ActorAlias.objects.create(actor=actor, name=name)


def actor_record_role(*, actor: Actor, title: str, country: str | None, seen_on: dt.date) -> None:
    """Record a title the actor was seen holding; its dates widen to every day it was seen."""
    title = title.strip()[:200]
    role, created = ActorRole.objects.get_or_create(
        actor=actor,
        title=title,
        country_id=country,
        observed=True,
        defaults={"start_date": seen_on, "end_date": seen_on},
    )
    if created:
        return
    changed = False
    if role.start_date is None or seen_on < role.start_date:
        role.start_date, changed = seen_on, True
    if role.end_date is None or seen_on > role.end_date:
        role.end_date, changed = seen_on, True
    if changed:
        role.save(update_fields=["start_date", "end_date"])


def actors_mark_verified(*, actors) -> int:
    """An editor checked these actors; returns how many were marked."""
    return Actor.objects.filter(pk__in=[actor.pk for actor in actors]).update(
        verified=True, updated_at=timezone.now()
    )
