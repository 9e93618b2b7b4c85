"""generate_data: a realistic data set of the size asked for, the same for a seed."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from events.models import Actor, Meeting, MeetingSearch, MeetingSource, Participant
from events.selectors import MeetingFilters, meetings_filtered


def generate(**counts) -> str:
    out = StringIO()
    call_command("generate_data", *[f"--{k}={v}" for k, v in counts.items()], stdout=out,
                 stderr=StringIO())  # fmt: skip
    return out.getvalue()


def snapshot() -> list[tuple]:
    """What a seed decides, without the database's ids."""
    return sorted(
        (
            meeting.title,
            meeting.kind,
            meeting.status,
            meeting.start_date,
            meeting.date_precision,
            meeting.country_id,
            meeting.review_state,
            tuple(sorted(meeting.participants.values_list("actor__name", "role"))),
            tuple(sorted(meeting.articles.values_list("published_on", "source", "title"))),
        )
        for meeting in Meeting.objects.all()
    )


def test_builds_what_was_asked_for(db):
    actors_before = Actor.objects.count()  # the directory of known actors

    message = generate(meetings=40, articles=150, actors=30, seed=3)

    assert "Generated 40 meetings, 150 articles and 30 actors (seed 3)" in message
    assert Meeting.objects.count() == 40
    assert Article.objects.count() == 150
    assert Actor.objects.count() - actors_before == 30
    assert MeetingSource.objects.count() == 150
    assert MeetingSearch.objects.count() == 40
    # Several participants a meeting, from different countries; dates over the years.
    assert Participant.objects.count() >= 80
    for meeting in Meeting.objects.prefetch_related("participants__actor"):
        countries = [p.actor.country_id for p in meeting.participants.all()]
        assert len(countries) >= 2 and len(set(countries)) == len(countries)
    years = {day.year for day in Meeting.objects.values_list("sort_date", flat=True) if day}
    assert len(years) >= 10


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(db):
    generate(meetings=15, articles=40, actors=20, seed=9)
    first = snapshot()
    # A second run adds actors of its own; the meetings and articles are made anew.
    Meeting.objects.all().delete()
    Article.objects.all().delete()

    generate(meetings=15, articles=40, actors=20, seed=9)
    assert snapshot() == first

    Meeting.objects.all().delete()
    Article.objects.all().delete()
    generate(meetings=15, articles=40, actors=20, seed=10)
    assert snapshot() != first


def test_generated_meetings_are_found_by_search_and_filters(db):
    generate(meetings=30, articles=60, actors=12, seed=5)
    meeting = Meeting.objects.filter(city__gt="").first()
    participant = meeting.participants.first().actor

    found = meetings_filtered(filters=MeetingFilters(q=participant.name, review_state="all"))
    assert meeting in found
    by_country = meetings_filtered(
        filters=MeetingFilters(countries=(meeting.country_id,), review_state="all")
    )
    assert meeting in by_country


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({"meetings": 5, "articles": 5, "actors": 1, "seed": 1}, "at least 2 actors"),
        ({"meetings": -1, "articles": 5, "actors": 5, "seed": 1}, "cannot be negative"),
    ],
)
def test_impossible_counts_are_refused(db, counts, message):
    with pytest.raises(CommandError, match=message):
        generate(**counts)
    assert not Meeting.objects.exists()
