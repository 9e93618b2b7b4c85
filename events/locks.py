"""Locks for work that many extraction workers do at once, held until the transaction ends.

On PostgreSQL they are advisory locks (`pg_advisory_xact_lock`): they guard what has no row to
lock yet, such as "Russia's meetings of March 2025" while a claim is matched and maybe a
meeting created, or "the actor called Jan Kowalczyk" while it is looked up and maybe created.
Take each kind in sorted order, actors before countries, so that two workers never wait for
each other in a circle. SQLite runs one writing transaction at a time (settings open them with
BEGIN IMMEDIATE), so there they are not needed and nothing is done.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable

from django.db import connection

ACTOR_NAMES = 1
COUNTRIES = 2


def _key(text: str) -> int:
    """A stable 32-bit signed key for a text (two names may share one: they just wait)."""
    return zlib.crc32(text.encode("utf-8")) - 2**31


def advisory_locks_enabled() -> bool:
    return connection.vendor == "postgresql"


def lock_keys(namespace: int, names: Iterable[str], *, shared: Iterable[str] = ()) -> None:
    """Wait for and take the locks on `names` in `namespace` (and shared locks on `shared`,
    unless also in `names`), in sorted order, until the current transaction ends. One
    statement for them all: a round trip, not one a lock."""
    if not advisory_locks_enabled():
        return
    modes = {_key(name): False for name in shared if name}
    modes.update({_key(name): True for name in names if name})
    if not modes:
        return
    calls, params = [], []
    for key in sorted(modes):
        function = "pg_advisory_xact_lock" if modes[key] else "pg_advisory_xact_lock_shared"
        calls.append(f"{function}(%s, %s)")
        params += [namespace, key]
    with connection.cursor() as cursor:
        # PostgreSQL evaluates a select list from left to right: the locks come in order.
        cursor.execute(f"SELECT {', '.join(calls)}", params)


# --- Meetings' neighbourhoods ---------------------------------------------------------------------


# Windows of up to this many months lock their months; an undated report's (a year either side
# of its publication: 25 months) stays below it, and a longer one takes the whole country.
MAX_MONTHS = 36


def month_keys(country: str, first: dt.date | None, last: dt.date | None) -> set[str]:
    """The keys that guard a country's meetings in the months from `first` to `last`: its
    months ("RU 2025-03"), or the whole country ("RU") for an open window or one longer than
    MAX_MONTHS (a few keys more are cheaper than many)."""
    if (
        first is None
        or last is None
        or (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS
    ):
        return {country}
    keys = set()
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.add(f"{country} {year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def lock_neighbourhoods(keys: Iterable[str]) -> None:
    """Lock the neighbourhoods `keys` name (see events.store.neighbourhood_keys): a country's
    months exclusively, and the country itself shared beside them, so that work on the whole
    country (an open window) waits for work on any of its months and the other way round,
    while two months of one country go on at once."""
    keys = set(keys)
    lock_keys(COUNTRIES, keys, shared={key.split(" ", 1)[0] for key in keys if " " in key})
