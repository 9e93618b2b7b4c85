"""Fixtures for the web tests: a user in no group, and a small timeline of meetings."""

import datetime as dt

import pytest

from events.models import DatePrecision, MeetingKind, MeetingStatus, ParticipantRole, ReviewState
from tests.factories import add_source, make_actor, make_meeting


@pytest.fixture
def nobody_client(client, django_user_model):
    """Logged in, but in no group: no permission to see anything."""
    user = django_user_model.objects.create_user(username="nobody", password="nobody-password")
    client.force_login(user)
    return client


@pytest.fixture
def timeline(db):
    """Four meetings that the filters tell apart, and one an editor rejected."""
    putin = make_actor("Vladimir Putin", country="RU")
    xi = make_actor("Xi Jinping", country="CN")
    modi = make_actor("Narendra Modi", country="IN")
    widodo = make_actor("Joko Widodo", country="ID")
    meetings = {
        "moscow": make_meeting(
            title="Xi Jinping visits Moscow",
            kind=MeetingKind.VISIT,
            start=dt.date(2026, 1, 27),
            end=dt.date(2026, 1, 29),
            city="Moscow",
            country="RU",
            participants=[(xi, ParticipantRole.VISITOR), (putin, ParticipantRole.HOST)],
        ),
        "call": make_meeting(
            title="Call: Narendra Modi and Joko Widodo",
            kind=MeetingKind.CALL,
            start=dt.date(2025, 10, 1),
            precision=DatePrecision.MONTH,
            participants=[modi, widodo],
        ),
        "jakarta": make_meeting(
            title="Narendra Modi visits Jakarta",
            kind=MeetingKind.VISIT,
            status=MeetingStatus.PLANNED,
            start=dt.date(2026, 3, 10),
            city="Jakarta",
            country="ID",
            review_state=ReviewState.VERIFIED,
            participants=[(modi, ParticipantRole.VISITOR), (widodo, ParticipantRole.HOST)],
        ),
        "undated": make_meeting(
            title="Meeting of Vladimir Putin and Narendra Modi",
            start=None,
            participants=[putin, modi],
        ),
        "rejected": make_meeting(
            title="Rejected reading",
            start=dt.date(2026, 1, 28),
            review_state=ReviewState.REJECTED,
            participants=[putin, xi],
        ),
    }
    add_source(
        meetings["moscow"],
        evidence=["Chinese leader Xi Jinping arrived in Moscow on Tuesday for talks with Putin."],
    )
    return {"actors": {"putin": putin, "xi": xi, "modi": modi, "widodo": widodo}, **meetings}
