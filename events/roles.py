"""The two kinds of users: editors (upload, correct in the admin) and analysts (read, export)."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

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
        # Where the ids of retired meetings lead (written by extraction and merges only).
        + _permissions({"events": ["meetingtombstone"]}, ["view"])
        # Merged and deleted actors; deleting a junk actor's tombstone frees its name again.
        + _permissions({"events": ["actortombstone"]}, ["view", "delete"])
    )
    analysts.permissions.set(readable)
    return editors, analysts


def roles_describe(*groups: Group) -> str:
    """One line for commands to print, e.g. "Editors: 35 permissions. Analysts: 7 permissions."."""
    return " ".join(f"{group.name}: {group.permissions.count()} permissions." for group in groups)


def user_is_editor(user) -> bool:
    return user.is_authenticated and user.has_perm("articles.add_article")
