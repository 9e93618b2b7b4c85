"""Finding or creating the actors the engine names."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db.models import Count, Max

from events.extraction.names import normalize_name
from events.extraction.people import ActorDirectory
from events.extraction.types import (
    KnownActor,
    PersonFinding,
    in_office_until,
    organisation_since,
)
from events.history import history_bulk_create
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
    name an editor deleted as junk. One person's `actors_resolve`."""
    return actors_resolve(people=[person], seen_on=seen_on)[0]


def actors_resolve(*, people: list[PersonFinding], seen_on: dt.date) -> list[Actor | None]:
    """The stored actor each finding's person names, in order, created (unverified) when it
    is new; None for a new name an editor deleted as junk.

    Many workers may meet the same new person at once: the caller holds the lock on the
    people's names (`actor_name_keys`, events.locks) so that only one of them creates it.
    What extraction learns of an actor it created adds up whatever the order articles are
    read in: every spelling becomes an alias, and a country fills in a missing one.

    An article names a dozen people: actors, aliases and roles are read for all of them at
    once (a query each), not one person at a time."""
    if not people:
        return []
    found = _ActorLookup(people)
    actors: list[Actor | None] = []
    for person in people:
        actor = found.by_key(person.known_key) if person.known_key else None
        if actor is None:
            actor = found.by_name(person)
        country = _known_country(person.country)
        if actor is None:
            if actor_name_keys(person) & found.junk():
                actors.append(None)  # an editor deleted this name as junk (actor_curation)
                continue
            actor = Actor.objects.create(
                name=person.name,
                kind=person.kind if person.kind in ActorKind.values else ActorKind.PERSON,
                country_id=country,
                verified=False,
            )
            found.created(actor)
        if not actor.verified:
            if country and actor.country_id is None:
                actor.country_id = country
                actor.save(update_fields=["country", "updated_at"])
            known = found.aliases_of(actor)
            for alias in sorted({person.name, *person.aliases}):
                key = normalize_name(alias)
                if key and key not in known:
                    ActorAlias.objects.create(actor=actor, name=alias)
                    found.alias_added(actor, key)
        actors.append(actor)
    roles = {
        (actor.pk, person.title.strip()[:200], _known_country(person.country))
        for person, actor in zip(people, actors, strict=True)
        if actor is not None and person.title
    }
    _roles_record(roles, seen_on=seen_on)
    return actors


class _ActorLookup:
    """The stored actors, aliases and junk names some people may be, read in a query each,
    and kept up to date with the actors and aliases created meanwhile."""

    def __init__(self, people: list[PersonFinding]) -> None:
        keys = {person.known_key for person in people if person.known_key}
        self._keyed = Actor.objects.in_bulk([key for key in keys if str(key).isdigit()])
        names = set().union(*(actor_name_keys(person) for person in people))
        self._named: dict[str, set[Actor]] = {}
        self._actors: dict[int, Actor] = dict(self._keyed)
        for alias in ActorAlias.objects.filter(normalized__in=names).select_related("actor"):
            actor = self._actors.setdefault(alias.actor_id, alias.actor)
            self._named.setdefault(alias.normalized, set()).add(actor)
        self._aliases: dict[int, set[str]] | None = None
        self._junk: set[str] | None = None

    def by_key(self, key: str) -> Actor | None:
        actor = self._keyed.get(int(key)) if str(key).isdigit() else None
        return actor or _merged_into(key)

    def by_name(self, person: PersonFinding) -> Actor | None:
        matches = {actor for key in actor_name_keys(person) for actor in self._named.get(key, ())}
        if person.country:
            # An actor whose country nobody knows may be this one.
            matches = {
                actor
                for actor in matches
                if actor.country_id == person.country or actor.country_id is None
            }
        return min(matches, key=lambda actor: (not actor.verified, actor.pk), default=None)

    def junk(self) -> set[str]:
        if self._junk is None:
            self._junk = _junk_names()
        return self._junk

    def aliases_of(self, actor: Actor) -> set[str]:
        """The normalised aliases of an unverified actor (of all the lookup's unverified
        actors at the first call)."""
        if self._aliases is None:
            unverified = [pk for pk, found in self._actors.items() if not found.verified]
            self._aliases = {pk: set() for pk in unverified}
            for actor_id, normalized in ActorAlias.objects.filter(
                actor_id__in=unverified
            ).values_list("actor_id", "normalized"):
                self._aliases[actor_id].add(normalized)
        if actor.pk not in self._aliases:
            self._aliases[actor.pk] = set(actor.aliases.values_list("normalized", flat=True))
        return self._aliases[actor.pk]

    def created(self, actor: Actor) -> None:
        self._actors[actor.pk] = actor
        if self._aliases is not None:
            self._aliases[actor.pk] = set()

    def alias_added(self, actor: Actor, key: str) -> None:
        self.aliases_of(actor).add(key)
        self._named.setdefault(key, set()).add(actor)


def _roles_record(roles: set[tuple[int, str, str | None]], *, seen_on: dt.date) -> None:
    """Record the (actor, title, country) the actors were seen holding on `seen_on`: new
    roles in one insert, stored ones widened to the day."""
    if not roles:
        return
    stored = {
        (role.actor_id, role.title, role.country_id): role
        for role in ActorRole.objects.filter(
            actor_id__in={actor_id for actor_id, _, _ in roles},
            title__in={title for _, title, _ in roles},
            observed=True,
        )
    }
    new = []
    for actor_id, title, country in sorted(roles, key=lambda role: (*role[:2], role[2] or "")):
        role = stored.get((actor_id, title, country))
        if role is None:
            new.append(
                ActorRole(
                    actor_id=actor_id,
                    title=title,
                    country_id=country,
                    observed=True,
                    start_date=seen_on,
                    end_date=seen_on,
                )
            )
            continue
        changed = False
        if role.start_date is None or seen_on < role.start_date:
            role.start_date, changed = seen_on, True
        if role.end_date is None or seen_on > role.end_date:
            role.end_date, changed = seen_on, True
        if changed:
            role.save(update_fields=["start_date", "end_date"])
    history_bulk_create(ActorRole, new)


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


def actor_record_role(*, actor: Actor, title: str, country: str | None, seen_on: dt.date) -> None:
    """Record a title the actor was seen holding; its dates widen to every day it was seen."""
    _roles_record({(actor.pk, title.strip()[:200], country)}, seen_on=seen_on)


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
