"""The data version goes up once per committed change to what the timeline shows, and only
after the commit (events.data_version)."""

import pytest
from django.db import transaction

from events.data_version import data_version_current
from events.models import DataVersion, Meeting
from events.store import meetings_replace_for_article
from tests.admin.conftest import moscow_finding
from tests.factories import make_article, make_meeting


def stored_version() -> int:
    return DataVersion.objects.get(pk=1).number


@pytest.fixture
def version_row(transactional_db):
    # A transactional test starts from an emptied database: the migration's row is gone.
    DataVersion.objects.get_or_create(pk=1)


def test_a_committed_change_raises_it_once(version_row):
    before = stored_version()
    with transaction.atomic():
        meeting = make_meeting(title="Talks", city="Oslo")
        meeting.city = "Bergen"
        meeting.save()
        assert stored_version() == before  # not before the commit
    assert stored_version() == before + 1
    assert data_version_current() == before + 1


def test_a_rolled_back_change_does_not_raise_it(version_row):
    before = stored_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_meeting(title="Talks that never were")
        raise RuntimeError("roll back")
    assert stored_version() == before
    # A savepoint rolled back inside a transaction that commits: the commit still counts.
    with transaction.atomic():
        try:
            with transaction.atomic():
                make_meeting(title="Undone")
                raise RuntimeError("roll back the savepoint")
        except RuntimeError:
            pass
        make_meeting(title="Kept")
    assert stored_version() == before + 1


def test_storing_an_article_raises_it_once(db, django_capture_on_commit_callbacks):
    article = make_article(body="An invented report of talks in Moscow.")
    before = stored_version()
    with django_capture_on_commit_callbacks(execute=True):
        meetings_replace_for_article(article=article, findings=[moscow_finding()])
    assert stored_version() == before + 1
    with django_capture_on_commit_callbacks(execute=True):
        meetings_replace_for_article(article=article, findings=[])
    assert stored_version() == before + 2
    assert not Meeting.objects.exists()


def test_a_missing_row_is_created(transactional_db):
    DataVersion.objects.all().delete()
    make_meeting(title="Talks")  # several commits (the meeting, its derived rows)
    assert stored_version() >= 1


def test_reads_are_remembered_for_the_check_interval(version_row, settings):
    settings.DATA_VERSION_CHECK_SECONDS = 3600
    seen = data_version_current()
    DataVersion.objects.filter(pk=1).update(number=seen + 10)  # another process's raise
    assert data_version_current() == seen
    settings.DATA_VERSION_CHECK_SECONDS = 0
    assert data_version_current() == seen + 10
