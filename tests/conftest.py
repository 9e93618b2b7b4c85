"""Fixtures shared by the whole suite: users in each role and clients logged in as them, the
shared seed article, and a worker that runs queued tasks."""

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings

from events.actors import actor_directory_reset
from events.roles import roles_ensure_groups

# The shared seed article (read-only), beside this project's folder.
SEED_JSONL = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "seed.jsonl"


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
def page_cache(settings, tmp_path) -> Path:
    """The page cache on (it is off in the suite), with the production backend (files) in a
    folder of the test's own; returns the folder."""
    folder = tmp_path / "page-cache" / "pages"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
            "TIMEOUT": 30,
        },
    }
    return folder


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run django-tasks-db's worker until the queue is empty, as `db_worker --batch` does.

    Work is enqueued after commit: create it inside
    `django_capture_on_commit_callbacks(execute=True)` (or a transactional test).
    """
    from django.core.management import call_command

    # The worker drops connections it thinks stale between tasks; inside a test's
    # transaction that would close the test's own connection.
    monkeypatch.setattr("events.worker.close_old_connections", lambda: None)

    def run(**options) -> str:
        """Run the worker; returns what it printed (e.g. the stalled extractions it requeued)."""
        out = StringIO()
        options = {"startup_delay": False, "reload": False, "verbosity": 0, **options}
        call_command("db_worker", batch=True, stdout=out, **options)
        return out.getvalue()

    return run


@pytest.fixture
def queue_article(db, django_capture_on_commit_callbacks):
    """Create an article as an upload does, with its extraction enqueued after commit."""
    from articles.services import article_create

    def create(**fields):
        values = {
            "title": "Xi Jinping arrives in Moscow",
            "body": (
                "Chinese President Xi Jinping arrived in Moscow on Tuesday, 27 January 2026, "
                "for talks with Russian President Vladimir Putin at the Kremlin."
            ),
            "published_on": dt.date(2026, 1, 27),
            "language": "en",
            **fields,
        }
        with django_capture_on_commit_callbacks(execute=True):
            article = article_create(**values)
        article.refresh_from_db()
        return article

    return create


@pytest.fixture
def seed_jsonl() -> Path:
    """The shared seed file; tests that need it are skipped where it is absent."""
    if not SEED_JSONL.is_file():
        pytest.skip(f"The shared seed file {SEED_JSONL} is absent.")
    return SEED_JSONL


@pytest.fixture
def seed_record(seed_jsonl) -> dict:
    """The seed file's first record: an Indonesian report of al-Sharaa's visit to Moscow."""
    with seed_jsonl.open(encoding="utf-8") as lines:
        return next(json.loads(line) for line in lines if line.strip())


@pytest.fixture(autouse=True)
def fresh_actor_directory():
    """Each test starts from its own database: so does the cached actor directory."""
    actor_directory_reset()
    yield
    actor_directory_reset()
