"""On PostgreSQL the people an article names are resolved in a short transaction of their own,
before the meetings are stored, so that two workers do not hold the locks on names while
they store (events.store.meetings_replace_for_article)."""

import pytest

from events.models import Actor, Meeting
from events.store import meetings_replace_for_article
from tests.factories import evidence_span, make_article, make_finding, person_finding

TEXT = "The Ruritanian envoy Anna Brightwater met the Malagasy minister in Antananarivo."


def test_people_stay_resolved_when_storing_the_meetings_fails(committed_db):
    article = make_article(title="Envoy in Antananarivo", body=TEXT)
    finding = make_finding(
        evidence=[evidence_span(article, TEXT)],
        city="Antananarivo",
        venue="MG",
        participants=[person_finding("Anna Brightwater", "MG", "visitor", title="Envoy")],
    )

    def fail() -> None:
        raise RuntimeError("the article's status could not be written")

    with pytest.raises(RuntimeError):
        meetings_replace_for_article(article=article, findings=[finding], then=fail)

    assert not Meeting.objects.exists()
    [actor] = Actor.objects.filter(name="Anna Brightwater")
    assert not actor.verified

    [meeting] = meetings_replace_for_article(article=article, findings=[finding])
    assert [p.actor for p in meeting.participants.all()] == [actor]
