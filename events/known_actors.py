"""The seed directory of known political actors: read from TOML, checked, and installed.

`events/data/known_actors.toml` lists heads of state and government, foreign ministers and
other prominent officials with the other ways news writes their names. A data migration
installs it with `known_actors_install`, which takes the model classes as arguments so that it
works both with a migration's historical models and with the live ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry
from django.db import transaction

from events.extraction.names import normalize_name
from events.extraction.types import KnownActor, in_office_until, organisation_since

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "known_actors.toml"

# Codes the Country table has beyond pycountry's: former states and Kosovo (migration 0002).
EXTRA_COUNTRY_CODES = frozenset({"SU", "YU", "DD", "CS", "XK"})
KINDS = ("person", "organisation")
MAX_NAME_LENGTH = 200  # Actor.name, ActorAlias.name and ActorRole.title

_ACTOR_KEYS = frozenset({"name", "country", "kind", "aliases", "roles"})
_ROLE_KEYS = frozenset({"title", "country", "start", "end"})
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class KnownActorsError(ValueError):
    """The directory file is malformed; the message lists every problem found."""


def valid_country_codes() -> frozenset[str]:
    """ISO 3166 alpha-2 codes, plus the former states and Kosovo the Country table holds."""
    return frozenset(country.alpha_2 for country in pycountry.countries) | EXTRA_COUNTRY_CODES


def parse_role_date(value: Any, *, end: bool = False) -> dt.date | None:
    """A role's start or end: a TOML date, or "YYYY", "YYYY-MM" or "YYYY-MM-DD".

    A year or month stands for its first day as a start and its last day as an end, so that
    a role's dates bound every day it was held.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if not isinstance(value, str) or not (match := _DATE.match(value.strip())):
        raise ValueError(f"not a date, year or year-month: {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    if day is None:
        return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return dt.date(year, month, day)


def _clean_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip() and len(value.strip()) <= MAX_NAME_LENGTH:
        return value.strip()
    return None


def _check_roles(
    roles: Any, *, where: str, codes: frozenset[str], errors: list[str]
) -> list[dict[str, Any]]:
    if not isinstance(roles, list):
        errors.append(f"{where}: roles must be a list of tables")
        return []
    checked: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    for number, role in enumerate(roles, start=1):
        here = f"{where}, role {number}"
        if not isinstance(role, dict):
            errors.append(f"{here}: must be a table")
            continue
        if unknown := set(role) - _ROLE_KEYS:
            errors.append(f"{here}: unknown keys {sorted(unknown)}")
        title = _clean_text(role.get("title"))
        if title is None:
            errors.append(f"{here}: title must be a non-empty string")
            continue
        country = role.get("country")
        if country is not None and country not in codes:
            errors.append(f"{here}: unknown country code {country!r}")
            continue
        try:
            start = parse_role_date(role.get("start"))
            end_date = parse_role_date(role.get("end"), end=True)
        except ValueError as error:
            errors.append(f"{here}: {error}")
            continue
        if start and end_date and start > end_date:
            errors.append(f"{here}: starts after it ends")
            continue
        # ActorRole allows one row per actor, title and country: one role spans all terms.
        if (title, country) in seen:
            errors.append(f"{here}: {title!r} of {country} is listed twice; give one span")
            continue
        seen.add((title, country))
        checked.append({"title": title, "country": country, "start": start, "end": end_date})
    return checked


def _check_aliases(aliases: Any, *, name: str, where: str, errors: list[str]) -> list[str]:
    if not isinstance(aliases, list):
        errors.append(f"{where}: aliases must be a list of strings")
        return []
    kept: list[str] = []
    keys = {normalize_name(name)}
    for alias in aliases:
        text = _clean_text(alias)
        if text is None:
            errors.append(f"{where}: alias {alias!r} is not a non-empty string of at most 200")
            continue
        key = normalize_name(text)
        if not key:
            errors.append(f"{where}: alias {alias!r} has no letters or digits")
            continue
        if key not in keys:  # spellings that normalise alike need only one row
            keys.add(key)
            kept.append(text)
    return kept


def load_known_actors(path: Path | str = DEFAULT_PATH) -> list[dict[str, Any]]:
    """Every actor in the file, checked; raises KnownActorsError listing all problems.

    Each actor is a dict with name, country (alpha-2 or None), kind, aliases (without the
    name itself or spellings that normalise alike) and roles (title, country, start, end as
    dates or None).
    """
    with Path(path).open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise KnownActorsError(f"{path}: {error}") from error
    entries = data.get("actor", [])
    if not isinstance(entries, list):
        raise KnownActorsError(f"{path}: expected [[actor]] tables")
    codes = valid_country_codes()
    errors: list[str] = []
    actors: list[dict[str, Any]] = []
    seen: set[tuple[str, str | None]] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"actor {number}"
        if not isinstance(entry, dict):
            errors.append(f"{where}: must be a table")
            continue
        name = _clean_text(entry.get("name"))
        if name is None:
            errors.append(f"{where}: name must be a non-empty string of at most 200")
            continue
        where = f"actor {number} ({name})"
        if unknown := set(entry) - _ACTOR_KEYS:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        country = entry.get("country")
        if country is not None and country not in codes:
            errors.append(f"{where}: unknown country code {country!r}")
            continue
        kind = entry.get("kind", "person")
        if kind not in KINDS:
            errors.append(f"{where}: kind must be one of {KINDS}")
            continue
        key = (normalize_name(name), country)
        if key in seen:
            errors.append(f"{where}: a second actor of that name in {country}")
            continue
        seen.add(key)
        aliases = _check_aliases(entry.get("aliases", []), name=name, where=where, errors=errors)
        roles = _check_roles(entry.get("roles", []), where=where, codes=codes, errors=errors)
        actors.append(
            {"name": name, "country": country, "kind": kind, "aliases": aliases, "roles": roles}
        )
    if errors:
        raise KnownActorsError(f"{path}:\n" + "\n".join(errors))
    return actors


def known_actors_install(
    *,
    actor_model: Any,
    alias_model: Any,
    role_model: Any,
    country_model: Any,
    actors: Iterable[dict[str, Any]] | None = None,
) -> int:
    """Create the known actors that are missing, verified, with their aliases and roles.

    Takes model classes, so a migration can pass its historical ones. An actor already stored
    under the same name (as normalised) and country is left as it is, editors' changes
    included. Alias rows get `normalized` here, since historical models lack the live
    ActorAlias.save(). Returns how many actors were created.
    """
    entries = list(load_known_actors() if actors is None else actors)
    known_codes = set(country_model.objects.values_list("code", flat=True))
    missing = {
        code
        for entry in entries
        for code in [entry["country"], *(role["country"] for role in entry["roles"])]
        if code is not None and code not in known_codes
    }
    if missing:
        raise KnownActorsError(f"country codes missing from the Country table: {sorted(missing)}")
    existing = {
        (normalize_name(name), country)
        for name, country in actor_model.objects.values_list("name", "country_id")
    }
    created = 0
    with transaction.atomic():
        aliases, roles = [], []
        for entry in entries:
            key = (normalize_name(entry["name"]), entry["country"])
            if key in existing:
                continue
            existing.add(key)
            actor = actor_model.objects.create(
                name=entry["name"],
                kind=entry.get("kind", "person"),
                country_id=entry["country"],
                verified=True,
            )
            created += 1
            keys: set[str] = set()
            for alias in [entry["name"], *entry["aliases"]]:
                normalized = normalize_name(alias)
                if normalized and normalized not in keys:
                    keys.add(normalized)
                    aliases.append(alias_model(actor=actor, name=alias, normalized=normalized))
            roles.extend(
                role_model(
                    actor=actor,
                    title=role["title"],
                    country_id=role["country"],
                    start_date=role["start"],
                    end_date=role["end"],
                )
                for role in entry["roles"]
            )
        alias_model.objects.bulk_create(aliases, batch_size=500)
        role_model.objects.bulk_create(roles, batch_size=500)
    return created


def known_actor_records(path: Path | str = DEFAULT_PATH) -> list[KnownActor]:
    """The directory as the engine sees it (what the database would give it after install)."""
    return [
        KnownActor(
            key=str(number),
            name=actor["name"],
            country=actor["country"],
            kind=actor["kind"],
            aliases=tuple(actor["aliases"]),
            in_office_until=in_office_until([role["end"] for role in actor["roles"]]),
            organisation_since=organisation_since(
                [(role["country"], role["start"], role["end"]) for role in actor["roles"]]
            ),
        )
        for number, actor in enumerate(load_known_actors(path), 1)
    ]
