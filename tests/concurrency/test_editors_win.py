"""An editor's edit, verify or reject while extraction of the meeting's article runs: the
editor's change survives, whichever of the two takes the meeting's row first. Threads with
their own connections on PostgreSQL, ordered by events and by watching who waits for a lock."""

import datetime as dt
import threading

import pytest
from django.db import connection, transaction

from events import store
from events.curation import meetings_set_review_state
from events.models import Meeting
from events.store import meetings_replace_for_article
from tests.concurrency.conftest import finish, in_thread, wait_until_blocked
from tests.factories import make_article, make_finding, person_finding

SHARAA = person_finding("Ahmad al-Sharaa", "SY", "visitor", title="President")
PUTIN = person_finding("Vladimir Putin", "RU", "host", title="President")
FIRST = make_finding(participants=[SHARAA, PUTIN])
# The article read again says Sochi, a day later: extraction would move the meeting there.
SECOND = make_finding(participants=[SHARAA, PUTIN], city="Sochi", start=dt.date(2025, 10, 16))


def edit(meeting_id: int, how: str) -> None:
    """What the admin does for each editor action, in one transaction."""
    if how == "edit":
        with transaction.atomic():
            meeting = Meeting.objects.get(pk=meeting_id)
            meeting.city = "Moskva"
            meeting.edited = True
            meeting.save()
    else:
        meetings_set_review_state(meetings=Meeting.objects.filter(pk=meeting_id), state=how)


def expected(how: str) -> dict:
    if how == "edit":
        return {"city": "Moskva", "edited": True}
    return {"review_state": how, "city": "Moscow", "start_date": dt.date(2025, 10, 15)}


def backend_pid(holder: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        holder["pid"] = cursor.fetchone()[0]


@pytest.fixture
def meeting(committed_db):
    article = make_article(
        body="Al-Sharaa met Putin in Moscow.", published_on=dt.date(2025, 10, 16)
    )
    [meeting] = meetings_replace_for_article(article=article, findings=[FIRST])
    return meeting, article


ACTIONS = ["edit", "verified", "rejected"]


@pytest.mark.parametrize("how", ACTIONS)
def test_the_editor_takes_the_meeting_first(meeting, how):
    meeting, article = meeting
    locked, commit = threading.Event(), threading.Event()
    worker_pid: dict = {}

    def editor():
        with transaction.atomic():
            Meeting.objects.select_for_update().get(pk=meeting.pk)
            edit(meeting.pk, how)
            locked.set()
            assert commit.wait(30)

    def extraction():
        backend_pid(worker_pid)
        return meetings_replace_for_article(article=article, findings=[SECOND])

    editing = in_thread(editor)
    assert locked.wait(30)
    extracting = in_thread(extraction)
    while "pid" not in worker_pid:
        pass
    wait_until_blocked(worker_pid)  # extraction waits for the editor's row lock
    commit.set()
    finish(editing)
    [stored] = finish(extracting)

    assert stored.pk == meeting.pk
    assert Meeting.objects.count() == 1
    meeting.refresh_from_db()
    for field, value in expected(how).items():
        assert getattr(meeting, field) == value, field
    # The article's new reading is its claim on the curated meeting, nothing more.
    assert meeting.sources.get().claim["city"] == "Sochi"


@pytest.mark.parametrize("how", ACTIONS)
def test_extraction_takes_the_meeting_first(meeting, how, monkeypatch):
    meeting, article = meeting
    inside, resume = threading.Event(), threading.Event()
    editor_pid: dict = {}
    recompute = store._recompute

    def paused_recompute(*args, **kwargs):
        # Extraction holds the meeting's row lock here, after reading its curation.
        inside.set()
        assert resume.wait(30)
        return recompute(*args, **kwargs)

    monkeypatch.setattr(store, "_recompute", paused_recompute)

    def editor():
        backend_pid(editor_pid)
        edit(meeting.pk, how)

    extracting = in_thread(meetings_replace_for_article, article=article, findings=[SECOND])
    assert inside.wait(30)
    editing = in_thread(editor)
    while "pid" not in editor_pid:
        pass
    wait_until_blocked(editor_pid)  # the editor waits for extraction's row lock
    resume.set()
    finish(extracting)
    finish(editing)
    monkeypatch.setattr(store, "_recompute", recompute)

    meeting.refresh_from_db()
    if how != "edit":
        assert meeting.review_state == how
    else:
        assert (meeting.city, meeting.edited) == ("Moskva", True)
    before = (meeting.review_state, meeting.edited, meeting.city, meeting.start_date)

    # Reading the article once more leaves the editor's meeting as the editor left it.
    meetings_replace_for_article(article=article, findings=[SECOND])
    meeting.refresh_from_db()
    assert (meeting.review_state, meeting.edited, meeting.city, meeting.start_date) == before
    assert Meeting.objects.count() == 1
