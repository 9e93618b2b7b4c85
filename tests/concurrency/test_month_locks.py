"""Two workers storing meetings of one country: months apart they go on side by side, in the
same month the second waits for the first (and the two reports become one meeting).
Threads with their own connections on PostgreSQL."""

import datetime as dt
import threading

from django.db import connection

from events import store
from events.models import Meeting
from events.store import meetings_replace_for_article
from tests.concurrency.conftest import finish, in_thread, wait_until_blocked
from tests.factories import make_article, make_finding, person_finding

HOST = person_finding("Odile Marchetti", "FR", "host", title="President")
GUEST = person_finding("Kenji Arakawa", "JP", "visitor", title="Prime Minister")


def finding(day: dt.date):
    return make_finding(participants=[HOST, GUEST], city="Paris", venue="FR", start=day)


def paused_first(monkeypatch):
    """Pause the first store inside its transaction, its locks held and its meetings written
    (at the refresh of their derived rows, which every store reaches); returns the events."""
    inside, resume = threading.Event(), threading.Event()
    refresh = store.meeting_refresh_search
    calls = []

    def paused(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            inside.set()
            assert resume.wait(30)
        return refresh(*args, **kwargs)

    monkeypatch.setattr(store, "meeting_refresh_search", paused)
    return inside, resume


def store_in_thread(day: dt.date, pid: dict | None = None) -> threading.Thread:
    article = make_article(body=f"A visit on {day}.", published_on=day)

    def work():
        if pid is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid["pid"] = cursor.fetchone()[0]
        return meetings_replace_for_article(article=article, findings=[finding(day)])

    return in_thread(work)


def test_meetings_of_other_months_are_stored_while_one_is_held(committed_db, monkeypatch):
    inside, resume = paused_first(monkeypatch)
    first = store_in_thread(dt.date(2025, 3, 10))
    assert inside.wait(30)
    second = store_in_thread(dt.date(2025, 7, 10))
    finish(second, timeout=30)  # it does not wait for March's lock
    resume.set()
    finish(first)
    assert Meeting.objects.count() == 2


def test_reports_of_one_meeting_wait_and_become_one(committed_db, monkeypatch):
    inside, resume = paused_first(monkeypatch)
    first = store_in_thread(dt.date(2025, 3, 31))
    assert inside.wait(30)
    pid: dict = {}
    second = store_in_thread(dt.date(2025, 4, 1), pid)
    while "pid" not in pid:
        pass
    wait_until_blocked(pid)  # the next day, across the month's end: the same neighbourhood
    resume.set()
    finish(first)
    finish(second)
    [meeting] = Meeting.objects.all()
    assert meeting.sources.count() == 2
