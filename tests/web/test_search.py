"""Search: several words, each matching a title, a participant's name or alias in any script,
a venue by any of its names, a country name in another language, or evidence text. The same
results on PostgreSQL (full-text index) and SQLite (LIKE): the suite runs on both."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse

from events.models import Meeting, MeetingSearch, ReviewState
from events.search import meeting_refresh_search, search_words
from events.selectors import (
    MeetingFilters,
    TimelineCount,
    counted_meeting_list,
    meeting_count,
    meetings_filtered,
    timeline_count,
)
from tests.factories import add_source, make_actor, make_article, make_meeting

URL = reverse("events:meeting-list")


@pytest.fixture
def meetings(db):
    sharaa = make_actor("Ahmed al-Sharaa", country="SY")
    sharaa.aliases.create(name="Ахмед аш-Шараа")
    putin = make_actor("Vladimir Putin", country="RU")
    prabowo = make_actor("Prabowo Subianto", country="ID")
    xi = make_actor("Xi Jinping", country="CN")
    found = {
        "moscow": make_meeting(
            title="Ahmed al-Sharaa visits Moscow",
            kind="visit",
            city="Moscow",
            country="RU",
            participants=[sharaa, putin],
        ),
        "beijing": make_meeting(
            title="Prabowo Subianto visits Beijing",
            kind="visit",
            city="Beijing",
            country="CN",
            participants=[prabowo, xi],
        ),
        "jakarta": make_meeting(
            title="Meeting in Jakarta", city="Jakarta", country="ID", participants=[prabowo]
        ),
    }
    add_source(found["jakarta"], evidence=["The ministers discussed fisheries and a new harbour."])
    return found


def search(client, text: str) -> set[str]:
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
    return {entry.meeting.title for entry in response.context["page"].entries}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("al Sharaa", {"moscow"}),
        ("al-Sharaa", {"moscow"}),
        ("sharaa putin", {"moscow"}),
        ("Prabowo Xi", {"beijing"}),
        ("prabowo", {"beijing", "jakarta"}),
        ("Шараа", {"moscow"}),  # an alias in Cyrillic
        ("Moskow", {"moscow"}),  # the venue by another spelling
        ("Москва", {"moscow"}),
        ("Moscou", {"moscow"}),
        ("Pékin", {"beijing"}),  # accents do not matter
        ("Россия", {"moscow"}),  # a participant's or the venue's country in Russian
        ("Indonésie", {"beijing", "jakarta"}),
        ("harbour fisheries", {"jakarta"}),  # evidence, words in any order
        ("fish", {"jakarta"}),  # words match the beginnings of words
        ("sharaa xi", set()),  # every word must match
        ("moscow harbour", set()),
    ],
)
def test_search(analyst_client, meetings, text, expected):
    assert search(analyst_client, text) == {meetings[name].title for name in expected}


def test_punctuation_alone_searches_nothing_away(analyst_client, meetings):
    assert len(search(analyst_client, " -- ")) == 3


def test_search_words_fold_case_accents_and_punctuation():
    assert search_words("Al-Sharaa, MOSCÚ al") == ["al", "sharaa", "moscu"]


def test_the_document_follows_the_actor_and_the_evidence(analyst_client, meetings):
    moscow = meetings["moscow"]
    putin = moscow.participants.get(actor__name="Vladimir Putin").actor
    putin.aliases.create(name="Владимир Путин")
    assert search(analyst_client, "Путин") == set()  # not refreshed yet

    meeting_refresh_search(meetings=Meeting.objects.filter(pk=moscow.pk))

    assert search(analyst_client, "Путин") == {moscow.title}


def test_refresh_places_meetings_by_their_date_or_their_first_report(db):
    dated = make_meeting(title="Dated", start=dt.date(2025, 3, 4))
    reported = make_meeting(title="Reported", start=None)
    add_source(reported, make_article(published_on=dt.date(2024, 7, 1)))
    add_source(reported, make_article(published_on=dt.date(2024, 6, 30)))
    lost = make_meeting(title="Never reported", start=None)
    Meeting.objects.update(sort_date=None, sort_date_reported=False)
    MeetingSearch.objects.all().delete()

    assert meeting_refresh_search(meetings=Meeting.objects.all()) == 3

    placed = {m.title: (m.sort_date, m.sort_date_reported) for m in Meeting.objects.all()}
    assert placed == {
        "Dated": (dt.date(2025, 3, 4), False),
        "Reported": (dt.date(2024, 6, 30), True),
        "Never reported": (None, False),
    }
    assert MeetingSearch.objects.count() == 3
    dated.refresh_from_db()
    assert "dated" in dated.search.document.split()
    assert lost.search.document == "never reported"


def test_refresh_sets_the_sort_date_on_the_instances_it_is_given(db):
    meeting = make_meeting(title="Talks", start=None)
    meeting.start_date, meeting.date_precision = dt.date(2020, 2, 2), "day"
    meeting.save()

    meeting_refresh_search(meetings=[meeting])

    assert meeting.sort_date == dt.date(2020, 2, 2)
    meeting.save()  # a later save keeps it
    assert Meeting.objects.get(pk=meeting.pk).sort_date == dt.date(2020, 2, 2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text index")
def test_postgresql_answers_a_search_from_the_full_text_index(meetings):
    query = meetings_filtered(filters=MeetingFilters(q="sharaa putin")).values("pk").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        # A handful of rows: make the planner show whether it can use the index at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "meeting_search_document" in plan


@pytest.mark.parametrize("text", ["sharaa putin", "visits", "fisheries", "prabowo", "nobody"])
def test_a_search_finds_the_same_meetings_however_the_count_says_to_read_them(meetings, text):
    # A search counted to match many meetings is read in timeline order rather than from the
    # index first (events.search.meetings_matching): a faster plan, never other results.
    filters = MeetingFilters(q=text)
    apart = set(meetings_filtered(filters=filters).values_list("pk", flat=True))
    in_order = set(meetings_filtered(filters=filters, many=True).values_list("pk", flat=True))

    assert apart == in_order
    assert (text == "nobody") == (not apart)


def test_the_timeline_counts_before_it_reads_a_page(meetings):
    count, listed = counted_meeting_list(filters=MeetingFilters(q="visits"))

    assert count == 2
    assert {meeting.title for meeting in listed} == {
        "Ahmed al-Sharaa visits Moscow",
        "Prabowo Subianto visits Beijing",
    }


@pytest.mark.parametrize(("text", "exact"), [("visits", 2), ("moscow", 1), ("nobody", 0)])
def test_a_broad_search_is_counted_only_so_far(meetings, monkeypatch, text, exact):
    # Counting every match of a common word costs a read of every matching document: past
    # MANY_MATCHES the timeline says "more than" (here MANY_MATCHES is 1).
    monkeypatch.setattr("events.selectors.MANY_MATCHES", 1)
    filters = MeetingFilters(q=text)

    counted = timeline_count(filters=filters)

    assert counted == (TimelineCount(1, more=True) if exact > 1 else TimelineCount(exact))
    assert meeting_count(filters=filters) == exact


def test_a_rejected_meeting_is_no_match_of_a_capped_count(meetings, monkeypatch):
    monkeypatch.setattr("events.selectors.MANY_MATCHES", 1)
    Meeting.objects.filter(title="Prabowo Subianto visits Beijing").update(
        review_state=ReviewState.REJECTED
    )

    assert timeline_count(filters=MeetingFilters(q="visits")) == TimelineCount(1)
    everything = MeetingFilters(q="visits", review_state="all")
    assert timeline_count(filters=everything) == TimelineCount(1, more=True)


def test_the_timeline_says_more_than_for_a_broad_search(analyst_client, meetings, monkeypatch):
    monkeypatch.setattr("events.selectors.MANY_MATCHES", 1)
    broad = analyst_client.get(URL, {"q": "visits"})
    narrow = analyst_client.get(URL, {"q": "visits", "kind": "visit"})  # counted exactly

    assert "More than 1 meeting" in broad.text
    assert len(broad.context["page"].entries) == 2
    assert "2 meetings" in narrow.text and "More than" not in narrow.text
