"""The data version: a number that goes up after every commit changing what the timeline shows.

Rendered fragments are cached under it (events.page_cache), so a change is seen by the next
request instead of when a cache entry expires. Writers call `data_version_raise()` inside their
transaction; the number goes up only once that transaction commits (`transaction.on_commit`),
by one `UPDATE ... SET number = number + 1` in autocommit: no lock on the row is held while
meetings are stored, and two workers committing at once each add one (the second UPDATE waits
for the first's row lock for the length of one statement, never a transaction).

Readers ask the database at most once in DATA_VERSION_CHECK_SECONDS per process: a change shows
in every web process within that time, and a request saves the query otherwise.
"""

from __future__ import annotations

import time
from functools import partial

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from events.models import (
    Actor,
    ActorAlias,
    Country,
    DataVersion,
    Evidence,
    Meeting,
    MeetingSource,
    Participant,
)

_ROW = 1

# Saved or deleted one by one (the admin, curation, extraction's own saves), these change the
# timeline; what is written in bulk is covered by the services that write it (events.store).
TIMELINE_MODELS = (Meeting, Participant, MeetingSource, Evidence, Actor, ActorAlias, Country)


class _Memo:
    number: int | None = None
    read_at = 0.0


_memo = _Memo()


def data_version_current() -> int:
    """The data version as this process last read it, read again when older than
    DATA_VERSION_CHECK_SECONDS."""
    now = time.monotonic()
    if _memo.number is None or now - _memo.read_at >= settings.DATA_VERSION_CHECK_SECONDS:
        number = DataVersion.objects.filter(pk=_ROW).values_list("number", flat=True).first()
        _memo.number, _memo.read_at = number or 0, now
    return _memo.number


class _Batch:
    """The raises of one transaction: its first callback to run after commit raises the version,
    the others see it done. Every raise registers its own callback, so that one discarded with
    a rolled-back savepoint takes nothing from the others."""

    done = False


def data_version_raise() -> None:
    """Raise the data version once the current transaction commits (at once outside one).
    Called many times in one transaction (a save per row), it raises the version once."""
    batch = getattr(connection, "data_version_batch", None)
    if batch is None:
        batch = connection.data_version_batch = _Batch()
    # Robust: a failure to raise it is logged and never fails the write that committed.
    transaction.on_commit(partial(_increment_once, batch), robust=True)


def _increment_once(batch: _Batch) -> None:
    if batch.done:
        return
    batch.done = True
    if getattr(connection, "data_version_batch", None) is batch:
        connection.data_version_batch = None
    _increment()


def _increment() -> None:
    if not DataVersion.objects.filter(pk=_ROW).update(number=F("number") + 1):
        try:  # the row is missing (a database emptied by hand or by a test's flush)
            DataVersion.objects.create(pk=_ROW, number=1)
        except IntegrityError:  # created meanwhile by another process
            DataVersion.objects.filter(pk=_ROW).update(number=F("number") + 1)
    # This process sees its own change at once.
    _memo.number = None


def _timeline_row_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures loaded by loaddata
        data_version_raise()


def connect_receivers() -> None:
    """Called by EventsConfig.ready. One receiver per model: a receiver for every sender would
    keep Django from deleting any model's rows in bulk (the "fast delete")."""
    for model in TIMELINE_MODELS:
        uid = f"events.data_version.{model.__name__}"
        post_save.connect(_timeline_row_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_timeline_row_changed, sender=model, dispatch_uid=uid)
