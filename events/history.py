"""Who changed what: the context every history row records (django-simple-history).

A change made in a web request is recorded with its user (simple-history's
HistoryRequestMiddleware). Work outside a request says what it is: extraction records
"extraction of article 12 (engine 1.1)", and a service acting for an editor outside a request
passes the user. `history_context` sets both for the rows written inside it; the receiver below
fills them in on every historical record that does not already carry its own.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record
from simple_history.utils import bulk_create_with_history


@dataclass(frozen=True)
class _Context:
    reason: str = ""
    user: object | None = None


_NO_CONTEXT = _Context()
_current: contextvars.ContextVar[_Context] = contextvars.ContextVar(
    "history_context", default=_NO_CONTEXT
)

REASON_MAX = 100  # simple-history's history_change_reason column


def extraction_reason(*, article_id: int, version: str) -> str:
    return f"extraction of article {article_id} (engine {version})"


@contextmanager
def history_context(*, reason: str = "", user=None) -> Iterator[None]:
    """Record `reason` (and `user`, when given) on the history rows written inside."""
    outer = _current.get()
    token = _current.set(_Context(reason or outer.reason, user or outer.user))
    try:
        yield
    finally:
        _current.reset(token)


@receiver(pre_create_historical_record)
def _fill_in_context(sender, history_instance, **kwargs) -> None:
    context = _current.get()
    if context.reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = context.reason[:REASON_MAX]
    if context.user is not None and history_instance.history_user_id is None:
        history_instance.history_user = context.user


def history_bulk_create(model, objects: list) -> list:
    """Create rows and their history rows in a query each, with the context's reason and user
    (bulk creation sends no signal, so the receiver above cannot fill them in)."""
    if not objects:
        return []
    context = _current.get()
    return bulk_create_with_history(
        objects,
        model,
        default_change_reason=context.reason[:REASON_MAX],
        default_user=context.user,
    )
