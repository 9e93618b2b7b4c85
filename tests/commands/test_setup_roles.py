"""setup_roles: the Editors and Analysts groups with exactly their permissions, and no users."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from events.roles import ANALYSTS, EDITORS

EDITED = ["meeting", "participant", "meetingsource", "evidence", "actor", "actoralias", "actorrole"]
EDITOR_PERMISSIONS = (
    {f"articles.{action}_article" for action in ("add", "change", "delete", "view")}
    | {
        f"events.{action}_{model}"
        for model in EDITED
        for action in ("add", "change", "delete", "view")
    }
    | {"events.view_country", "events.change_country", "events.view_meetingtombstone"}
    | {"events.view_actortombstone", "events.delete_actortombstone"}
)
ANALYST_PERMISSIONS = {
    "articles.view_article",
    "events.view_meeting",
    "events.view_participant",
    "events.view_evidence",
    "events.view_actor",
    "events.view_actorrole",
    "events.view_country",
}
SUMMARY = (
    f"Editors: {len(EDITOR_PERMISSIONS)} permissions. "
    f"Analysts: {len(ANALYST_PERMISSIONS)} permissions.\n"
)


def setup_roles() -> str:
    out = StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


def permissions_of(name: str) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_setup_roles_creates_the_groups_with_their_permissions(db):
    assert setup_roles() == SUMMARY

    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, ANALYSTS}
    assert permissions_of(EDITORS) == EDITOR_PERMISSIONS
    assert permissions_of(ANALYSTS) == ANALYST_PERMISSIONS
    assert SUMMARY == "Editors: 37 permissions. Analysts: 7 permissions.\n"


def test_setup_roles_creates_no_users(db):
    setup_roles()
    assert not get_user_model().objects.exists()


def test_setup_roles_twice_restores_the_permissions_and_keeps_the_members(db, django_user_model):
    setup_roles()
    editors = Group.objects.get(name=EDITORS)
    member = django_user_model.objects.create_user(username="edith", is_staff=True)
    member.groups.add(editors)
    editors.permissions.remove(Permission.objects.get(codename="add_article"))
    editors.permissions.add(Permission.objects.get(codename="add_user"))
    Group.objects.get(name=ANALYSTS).permissions.clear()

    assert setup_roles() == SUMMARY

    assert Group.objects.count() == 2
    assert permissions_of(EDITORS) == EDITOR_PERMISSIONS
    assert permissions_of(ANALYSTS) == ANALYST_PERMISSIONS
    member = django_user_model.objects.get(pk=member.pk)
    assert list(member.groups.values_list("name", flat=True)) == [EDITORS]
    assert member.has_perm("articles.add_article")
    assert not member.has_perm("auth.add_user")
    assert django_user_model.objects.count() == 1


def test_setup_demo_gives_the_same_groups(db):
    out = StringIO()
    call_command("setup_demo", "--no-articles", stdout=out, stderr=StringIO())

    assert SUMMARY in out.getvalue()
    assert permissions_of(EDITORS) == EDITOR_PERMISSIONS
    assert permissions_of(ANALYSTS) == ANALYST_PERMISSIONS
    users = get_user_model().objects
    assert list(users.get(username="editor").groups.values_list("name", flat=True)) == [EDITORS]
    assert list(users.get(username="analyst").groups.values_list("name", flat=True)) == [ANALYSTS]

    # And setup_roles afterwards leaves the demo users where they are.
    assert setup_roles() == SUMMARY
    assert Group.objects.count() == 2
    assert users.get(username="editor").has_perm("events.change_meeting")
    assert users.get(username="analyst").has_perm("events.view_meeting")
