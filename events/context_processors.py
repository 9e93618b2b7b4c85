"""What every page's navigation shows editors: how many meetings wait for review."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from events.review import review_waiting_count


def review_waiting(request: HttpRequest) -> dict:
    """The count, computed only when a page shows it (to editors): one indexed count."""
    return {"review_waiting": SimpleLazyObject(review_waiting_count)}
