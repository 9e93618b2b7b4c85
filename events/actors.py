"""Finding or creating the actors the engine names."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db.models import Count, Max, Q

from events.extraction.names import normalize_name
from events.extraction.people import ActorDirectory
from events.extraction.types import (
    KnownActor,
    PersonFinding,
    in_office_until,
    organisation_since,
)
from events.models import Actor, ActorAlias, ActorKind, ActorRole, ActorTombstone, Country


class _DirectoryCache:
    """The actor directory of this process, rebuilt when an editor changes what it holds.

    The engine reads only verified actors: the directory and those editors checked. Actors
    extraction creates are left out on purpose, so that what the engine finds in an article
    does not depend on which articles were read before it: one worker or many, in any order,
    read every article alike.

    Whether editors changed it is asked at most once in ACTOR_DIRECTORY_CHECK_SECONDS: an
    editor's change reaches the worker that much later, and a worker saves two queries an
    article.
    """

    def __init__(self) -> None:
        self.directory: ActorDirectory | None = None
        self.signature: tuple = ()
        self.checked_at = 0.0

    def get(self) -> ActorDirectory:
        now = time.monotonic()
        if (
            self.directory is not None
            and now - self.checked_at < settings.ACTOR_DIRECTORY_CHECK_SECONDS
        ):
            return self.directory
        self.checked_at = now
        verified = Actor.objects.filter(verified=True)
        actors = verified.aggregate(count=Count("id"), changed=Max("updated_at"))
        aliases = ActorAlias.objects.filter(actor__verified=True).aggregate(
            count=Count("id"), last=Max("id")
        )
        signature = (actors["count"], actors["changed"], aliases["count"], aliases["last"])
        if self.directory is None or signature != self.signature:
            self.directory = ActorDirectory(_known_actors(verified))
            self.signature = signature
        return self.directory


def _known_actors(actors) -> list[KnownActor]:
    actors = list(actors.values_list("id", "name", "country_id", "kind"))
    alias_rows = ActorAlias.objects.filter(actor__in=[row[0] for row in actors])
    role_rows = ActorRole.objects.filter(observed=False, actor__in=[row[0] for row in actors])
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


_country_codes: frozenset[str] = frozenset()


def country_codes() -> frozenset[str]:
    """Every stored country's code. Countries are loaded by a migration and never added, so
    a process reads them once (not a query for each person and claim an article names)."""
    global _country_codes
    if not _country_codes:
        _country_codes = frozenset(Country.objects.values_list("code", flat=True))
    return _country_codes


def _known_country(code: str | None) -> str | None:
    return code if code and code in country_codes() else None


def actor_name_keys(person: PersonFinding) -> set[str]:
    """The normalised names a finding's person may be stored under."""
    return {normalize_name(name) for name in (person.name, *person.aliases)} - {""}


def actor_resolve(*, person: PersonFinding, seen_on: dt.date) -> Actor | None:
    """The stored actor a finding names, created (unverified) when it is new; None for a new
    name an editor deleted as junk.

    Many workers may meet the same new person at once: the caller holds the lock on the
    person's names (`actor_name_keys`, events.locks) so that only one of them creates it.
    What extraction learns of an actor it created adds up whatever the order articles are
    read in: every spelling becomes an alias, and a country fills in a missing one.
    """
    actor = None
    if person.known_key:
        actor = Actor.objects.filter(pk=person.known_key).first() or _merged_into(person.known_key)
    if actor is None:
        actor = _actor_by_name(person)
    country = _known_country(person.country)
    if actor is None:
        if actor_name_keys(person) & _junk_names():
            return None  # an editor deleted this name as junk (events.actor_curation)
        actor = Actor.objects.create(
            name=person.name,
            kind=person.kind if person.kind in ActorKind.values else ActorKind.PERSON,
            country_id=country,
            verified=False,
        )
    if not actor.verified:
        if country and actor.country_id is None:
            actor.country_id = country
            actor.save(update_fields=["country", "updated_at"])
        known = set(actor.aliases.values_list("normalized", flat=True))
        for alias in sorted({person.name, *person.aliases}):
            key = normalize_name(alias)
            if key and key not in known:
                ActorAlias.objects.create(actor=actor, name=alias)
                known.add(key)
    if person.title:
        actor_record_role(actor=actor, title=person.title, country=country, seen_on=seen_on)
    return actor


def _merged_into(key: str) -> Actor | None:
    """The actor a directory key leads to after an editor merged its actor into another."""
    tombstone = ActorTombstone.objects.filter(pk=key).select_related("merged_into").first()
    return tombstone.merged_into if tombstone else None


def _junk_names() -> set[str]:
    names: set[str] = set()
    for found in ActorTombstone.objects.filter(merged_into__isnull=True).values_list(
        "names", flat=True
    ):
        names.update(found)
    return names


def _actor_by_name(person: PersonFinding) -> Actor | None:
    matches = Actor.objects.filter(aliases__normalized__in=actor_name_keys(person)).distinct()
    if person.country:
        # An actor whose country nobody knows may be this one; `__in` never matches NULL.
        matches = matches.filter(Q(country_id=person.country) | Q(country__isnull=True))
    return matches.order_by("-verified", "id").first()


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
    """An editor checked these actors; returns how many were marked.

    One save per actor rather than a bulk update, so that each change is in its history.
    """
    count = 0
    for actor in Actor.objects.filter(pk__in=[actor.pk for actor in actors], verified=False):
        actor.verified = True
        actor.save(update_fields=["verified", "updated_at"])
        count += 1
    return count
