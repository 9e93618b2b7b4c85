"""The two kinds of users: editors (upload, correct in the admin) and analysts (read, export)."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied

EDITORS = "Editors"
ANALYSTS = "Analysts"

_EDITABLE_MODELS = {
    "articles": ["article"],
    "events": [
        "meeting",
        "participant",
        "meetingsource",
        "evidence",
        "actor",
        "actoralias",
        "actorrole",
    ],
}
_READABLE_MODELS = {
    "articles": ["article"],
    "events": ["meeting", "participant", "evidence", "actor", "actorrole", "country"],
}


def _permissions(models: dict[str, list[str]], actions: list[str]) -> list[Permission]:
    codenames = [
        (app, f"{action}_{model}")
        for app, names in models.items()
        for model in names
        for action in actions
    ]
    found = []
    for app, codename in codenames:
        permission = Permission.objects.filter(
            content_type__app_label=app, codename=codename
        ).first()
        if permission:
            found.append(permission)
    return found


def roles_ensure_groups() -> tuple[Group, Group]:
    """Create or refresh the Editors and Analysts groups with their permissions."""
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    analysts, _ = Group.objects.get_or_create(name=ANALYSTS)
    readable = _permissions(_READABLE_MODELS, ["view"])
    editors.permissions.set(
        readable
        + _permissions(_EDITABLE_MODELS, ["add", "change", "delete", "view"])
        + _permissions({"events": ["country"]}, ["change"])
    )
    analysts.permissions.set(readable)
    return editors, analysts


def roles_describe(*groups: Group) -> str:
    """One line for commands to print, e.g. "Editors: 34 permissions. Analysts: 7 permissions."."""
    return " ".join(f"{group.name}: {group.permissions.count()} permissions." for group in groups)


def user_is_editor(user) -> bool:
    return user.is_authenticated and user.has_perm("articles.add_article")


# What a user lacks when refused a page, by the permission the page needs (the 403 page says it).
REFUSALS = {
    "articles.add_article": "Uploading is for editors.",
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
