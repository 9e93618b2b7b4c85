"""Fixtures shared by the whole suite: users in each role and clients logged in as them."""

import pytest

from events.roles import roles_ensure_groups


@pytest.fixture
def role_groups(db):
    return roles_ensure_groups()


@pytest.fixture
def editor_user(django_user_model, role_groups):
    editors, _ = role_groups
    user = django_user_model.objects.create_user(
        username="edith", password="edith-password", is_staff=True
    )
    user.groups.add(editors)
    return user


@pytest.fixture
def analyst_user(django_user_model, role_groups):
    _, analysts = role_groups
    user = django_user_model.objects.create_user(username="anna", password="anna-password")
    user.groups.add(analysts)
    return user


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def analyst_client(client, analyst_user):
    client.force_login(analyst_user)
    return client


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run django-tasks-db's worker until the queue is empty, as `db_worker --batch` does.

    Work is enqueued after commit: create it inside
    `django_capture_on_commit_callbacks(execute=True)` (or a transactional test).
    """
    from django.core.management import call_command

    # The worker drops connections it thinks stale between tasks; inside a test's
    # transaction that would close the test's own connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    return run
