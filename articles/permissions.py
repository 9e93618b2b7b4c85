"""Refusing a page with the reason: what the user lacks, for the 403 page to say.

It lives in `articles` because both apps' views use it and `events` depends on `articles`,
never the other way (docs/architecture.md).
"""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied

# What a user lacks when refused a page, by the permission the page needs (the 403 page says it).
REFUSALS = {
    "articles.add_article": "Uploading is for editors.",
    "articles.change_article": "Running extraction again is for editors.",
    "events.change_meeting": "Reviewing and correcting meetings is for editors.",
    "events.change_actor": "Correcting actors is for editors.",
}
DEFAULT_REFUSAL = "This page is for analysts and editors."


def role_required(permission: str):
    """Like permission_required(..., raise_exception=True), with the reason on the 403 page."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied(REFUSALS.get(permission, DEFAULT_REFUSAL))
            return view(request, *args, **kwargs)

        return checked

    return decorator
