"""Locks for work that many extraction workers do at once, held until the transaction ends.

On PostgreSQL they are advisory locks (`pg_advisory_xact_lock`): they guard what has no row to
lock yet, such as "the meetings of Russia" while a claim is matched and maybe a meeting
created, or "the actor called Jan Kowalczyk" while it is looked up and maybe created. Take
each kind in sorted order, actors before countries, so that two workers never wait for each
other in a circle. SQLite runs one writing transaction at a time (settings open them with
BEGIN IMMEDIATE), so there they are not needed and nothing is done.
"""

from __future__ import annotations

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


def lock_keys(namespace: int, names: Iterable[str]) -> None:
    """Wait for and take the locks on `names` in `namespace`, in sorted order, until the
    current transaction ends."""
    if not advisory_locks_enabled():
        return
    keys = sorted({_key(name) for name in names if name})
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, key])
