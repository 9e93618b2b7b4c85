"""Resolving the people the engine names to stored actors, and recording their titles."""

import datetime as dt

import pytest

from events.actors import (
    actor_directory,
    actor_directory_reset,
    actor_resolve,
    actors_mark_verified,
)
from events.models import Actor, ActorRole
from events.store import meetings_replace_for_article
from tests.factories import make_actor, make_article, make_finding, person_finding

SEEN = dt.date(2025, 10, 15)


def resolve(name: str, country: str | None = None, *, seen_on=SEEN, **fields) -> Actor:
    return actor_resolve(person=person_finding(name, country, **fields), seen_on=seen_on)


@pytest.fixture
def erdogan(db) -> Actor:
    """The known-actors directory's Erdoğan, installed by a data migration."""
    return Actor.objects.get(name="Recep Tayyip Erdoğan", country_id="TR")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Recep Tayyip Erdoğan", "TR"),
        ("Recep Tayyip Erdogan", "TR"),  # without the diacritic
        ("RECEP TAYYIP ERDOGAN", "TR"),
        ("recep  tayyip  erdoğan", None),
        ("Erdogan", "TR"),  # by an alias
        ("Tayyip Erdogan", None),
    ],
)
def test_a_known_actor_is_found_by_any_spelling_of_a_name(erdogan, name, country):
    count = Actor.objects.count()

    assert resolve(name, country) == erdogan
    assert Actor.objects.count() == count
    assert erdogan.verified


def test_the_engine_key_wins_over_the_name(erdogan):
    assert resolve("the Turkish president", "TR", known_key=str(erdogan.pk)) == erdogan


def test_a_new_person_is_created_unverified_with_country_aliases_and_role(db):
    actor = resolve(
        "Jan Kowalczyk",
        "PL",
        role="visitor",
        title="Deputy Foreign Minister",
        aliases=("J. Kowalczyk",),
    )

    assert (actor.name, actor.country_id, actor.kind, actor.verified) == (
        "Jan Kowalczyk",
        "PL",
        "person",
        False,
    )
    assert set(actor.aliases.values_list("name", flat=True)) == {"Jan Kowalczyk", "J. Kowalczyk"}
    [role] = actor.roles.all()
    assert (role.title, role.country_id, role.start_date, role.end_date) == (
        "Deputy Foreign Minister",
        "PL",
        SEEN,
        SEEN,
    )


def test_the_same_new_person_seen_again_is_the_same_actor_with_a_widening_role(db):
    title = {"title": "Deputy Foreign Minister"}
    first = resolve("Jan Kowalczyk", "PL", seen_on=dt.date(2025, 10, 15), **title)
    later = resolve("JAN KOWALCZYK", "PL", seen_on=dt.date(2026, 2, 1), **title)
    earlier = resolve("Jan Kowalczyk", "PL", seen_on=dt.date(2025, 3, 9), **title)
    inside = resolve("Jan Kowalczyk", "PL", seen_on=dt.date(2025, 12, 1), **title)
    nowhere = resolve("Jan Kowalczyk", None)

    assert first == later == earlier == inside == nowhere
    assert Actor.objects.filter(name="Jan Kowalczyk").count() == 1
    [role] = ActorRole.objects.filter(actor=first)
    assert (role.start_date, role.end_date) == (dt.date(2025, 3, 9), dt.date(2026, 2, 1))


def test_each_title_is_a_role_of_its_own(db):
    actor = resolve("Jan Kowalczyk", "PL", title="Deputy Foreign Minister")
    resolve("Jan Kowalczyk", "PL", title="Foreign Minister", seen_on=dt.date(2026, 5, 1))
    resolve("Jan Kowalczyk", "PL")  # no title: no role

    assert sorted(actor.roles.values_list("title", "start_date")) == [
        ("Deputy Foreign Minister", SEEN),
        ("Foreign Minister", dt.date(2026, 5, 1)),
    ]


def test_an_actor_stored_without_a_country_is_found_by_a_finding_with_one(db):
    stored = make_actor("Jan Kowalczyk")
    stored.aliases.create(name="Jan Kowalczyk")

    assert resolve("Jan Kowalczyk", "PL") == stored
    assert Actor.objects.filter(name="Jan Kowalczyk").count() == 1


def test_namesakes_of_other_countries_are_different_actors(db):
    polish = resolve("Jan Kowalczyk", "PL")
    czech = resolve("Jan Kowalczyk", "CZ")

    assert polish != czech
    assert (polish.country_id, czech.country_id) == ("PL", "CZ")


def test_an_unknown_country_code_is_left_out(db):
    actor = resolve("Jan Kowalczyk", "QQ", title="Envoy")

    assert actor.country_id is None
    assert actor.roles.get().country_id is None


@pytest.mark.parametrize(("kind", "stored"), [("organisation", "organisation"), ("band", "person")])
def test_the_kind_is_kept_when_it_is_one_we_know(db, kind, stored):
    assert resolve("Shanghai Cooperation Organisation", None, kind=kind).kind == stored


def test_the_engine_reads_a_new_actor_once_an_editor_verified_it(db):
    """Extraction-created actors stay out of the engine's directory, so that what it finds in
    an article does not depend on which articles were read before."""
    assert actor_directory().lookup("Jan Kowalczyk") == []

    actor = resolve("Jan Kowalczyk", "PL", aliases=("Kowalczyk",))

    assert actor_directory().lookup("jan kowalczyk") == []
    actors_mark_verified(actors=[actor])
    [known] = actor_directory().lookup("jan kowalczyk")
    assert (known.key, known.name, known.country) == (str(actor.pk), "Jan Kowalczyk", "PL")
    assert actor_directory().lookup("Kowalczyk") == [known]


def test_a_worker_sees_an_editors_change_after_the_directory_check_interval(
    db, settings, monkeypatch
):
    """Between two checks a worker reads articles with the directory it has, without asking
    the database whether editors changed it."""
    settings.ACTOR_DIRECTORY_CHECK_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr("events.actors.time.monotonic", lambda: clock[0])
    actor_directory_reset()
    assert actor_directory().lookup("Jan Kowalczyk") == []
    actors_mark_verified(actors=[resolve("Jan Kowalczyk", "PL")])

    clock[0] += 59
    assert actor_directory().lookup("Jan Kowalczyk") == []
    clock[0] += 1
    [known] = actor_directory().lookup("Jan Kowalczyk")
    assert known.name == "Jan Kowalczyk"


def test_what_extraction_learns_of_a_new_actor_adds_up_in_any_order(db):
    first = resolve("Jan Kowalczyk", None, aliases=("J. Kowalczyk",))
    second = resolve("Jan Kowalczyk", "PL", aliases=("Kowalczyk",))

    assert first == second
    first.refresh_from_db()
    assert first.country_id == "PL"
    assert set(first.aliases.values_list("name", flat=True)) == {
        "Jan Kowalczyk",
        "J. Kowalczyk",
        "Kowalczyk",
    }


def test_a_person_named_twice_in_one_finding_takes_part_once(erdogan):
    article = make_article(published_on=SEEN)
    finding = make_finding(
        kind="call",
        city=None,
        venue=None,
        participants=[
            person_finding("Recep Tayyip Erdogan", "TR", "participant"),
            person_finding("Erdoğan", "TR", "participant"),
            person_finding("Vladimir Putin", "RU", "participant"),
        ],
    )

    [meeting] = meetings_replace_for_article(article=article, findings=[finding])

    assert sorted(meeting.participants.values_list("actor__name", flat=True)) == [
        "Recep Tayyip Erdoğan",
        "Vladimir Putin",
    ]


def test_the_directory_knows_who_speaks_for_an_organisation_since_when(db):
    [guterres] = [k for k in actor_directory().lookup("António Guterres") if k.country == "PT"]
    assert guterres.organisation_since == dt.date(2017, 1, 1)

    [erdogan] = actor_directory().lookup("Recep Tayyip Erdoğan")
    assert erdogan.organisation_since is None
