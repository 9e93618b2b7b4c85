"""actor_report: the actors extraction created, with what tells a reader who they are."""

import datetime as dt
from io import StringIO

from django.core.management import call_command

from events.actors import actor_record_role
from events.models import Actor, ActorAlias, ParticipantRole
from tests.factories import add_source, make_actor, make_meeting


def report() -> str:
    out = StringIO()
    call_command("actor_report", stdout=out)
    return out.getvalue()


def test_lists_unverified_actors_with_title_country_and_the_sentence_naming_them(db):
    known = make_actor("Vladimir Putin", country="RU", verified=True)
    new = make_actor("Ilse Vandermeer", country="NL")
    ActorAlias.objects.create(actor=new, name="Ilse Vandermeer")
    actor_record_role(actor=new, title="Trade Minister", country="NL", seen_on=dt.date(2026, 1, 5))
    meeting = make_meeting(
        country="RU",
        city="Moscow",
        participants=[(new, ParticipantRole.VISITOR), (known, ParticipantRole.HOST)],
    )
    add_source(
        meeting,
        evidence=[
            "Talks in Moscow began on Monday.",
            "Dutch Trade Minister Ilse Vandermeer met Vladimir Putin on Monday.",
        ],
    )

    output = report()

    assert "Ilse Vandermeer | Trade Minister | NL [" in output
    assert "    Dutch Trade Minister Ilse Vandermeer met Vladimir Putin on Monday." in output
    assert "Talks in Moscow" not in output
    assert "Vladimir Putin |" not in output  # verified: an editor checked him
    assert output.rstrip().endswith("1 unverified actor(s).")


def test_an_actor_no_meeting_cites_is_listed_without_a_sentence(db):
    make_actor("Odile Marchetti")

    assert report().splitlines() == ["Odile Marchetti | no title | -", "1 unverified actor(s)."]


def test_reports_the_officials_an_extraction_created(queue_article, run_worker):
    queue_article(
        title="Dutch minister in Moscow",
        body=(
            "Dutch Trade Minister Ilse Vandermeer arrived in Moscow on Tuesday, 27 January 2026, "
            "for talks with Russian President Vladimir Putin."
        ),
    )
    run_worker()

    output = report()

    created = Actor.objects.get(verified=False)
    assert created.name == "Ilse Vandermeer"
    assert "Ilse Vandermeer | Trade Minister | NL [#" in output
    assert "    Dutch Trade Minister Ilse Vandermeer arrived in Moscow" in output
    assert output.rstrip().endswith("1 unverified actor(s).")
