"""Splitting a meeting, merging actors and deleting junk actors: what moves, what the claims
say afterwards, and that a later extraction never undoes the editor's decision."""

import datetime as dt

import pytest

from events.actor_curation import actors_delete, actors_deletion_impact, actors_merge
from events.curation import meeting_split
from events.models import Actor, ActorAlias, ActorRole, ActorTombstone, Meeting, MeetingSource
from events.store import meetings_replace_for_article
from tests.factories import (
    add_source,
    evidence_span,
    make_actor,
    make_article,
    make_finding,
    make_meeting,
    person_finding,
)

pytestmark = pytest.mark.django_db

HOST = person_finding("Lorenzo Qadira", "RU", "host", title="Minister")
GUEST = person_finding("Bastien Velloux", "FR", "visitor", title="Minister")
OTHER = person_finding("Ines Marrak", "MA", "visitor", title="Minister")
FIRST = "Velloux met Qadira in Moscow on 15 October 2025."
SECOND = "Marrak joined Velloux and Qadira in Moscow on 15 October 2025."


def _two_reports():
    """Two articles reporting a Moscow visit on one day with a guest in common: clustered
    into a single meeting, which an editor then finds is two."""
    one = make_article(body=FIRST, published_on=dt.date(2025, 10, 16))
    two = make_article(body=SECOND, published_on=dt.date(2025, 10, 16))
    first = make_finding(participants=[GUEST, HOST], evidence=[evidence_span(one, FIRST)])
    second = make_finding(participants=[GUEST, OTHER, HOST], evidence=[evidence_span(two, SECOND)])
    [meeting] = meetings_replace_for_article(article=one, findings=[first])
    [same] = meetings_replace_for_article(article=two, findings=[second])
    assert same.pk == meeting.pk
    return meeting, (one, first), (two, second)


def _names(meeting: Meeting) -> list[str]:
    return sorted(p.actor.name for p in meeting.participants.select_related("actor"))


def test_a_split_moves_sources_evidence_and_participants_and_refreshes_both():
    meeting, (one, _), (two, _) = _two_reports()
    marrak = Actor.objects.get(name="Ines Marrak")
    qadira = Actor.objects.get(name="Lorenzo Qadira")

    new = meeting_split(
        meeting=meeting,
        move_articles=[two.pk],
        move_actors=[marrak.pk],
        share_actors=[qadira.pk],
    )

    meeting.refresh_from_db()
    assert _names(meeting) == ["Bastien Velloux", "Lorenzo Qadira"]
    assert _names(new) == ["Ines Marrak", "Lorenzo Qadira"]
    assert list(meeting.sources.values_list("article_id", flat=True)) == [one.pk]
    assert list(new.sources.values_list("article_id", flat=True)) == [two.pk]
    assert list(new.evidence.values_list("text", flat=True)) == [SECOND]
    assert list(meeting.evidence.values_list("text", flat=True)) == [FIRST]
    assert meeting.edited and new.edited
    assert "Marrak" in new.title and "Marrak" not in meeting.title
    assert (new.start_date, new.city, new.country_id) == (
        meeting.start_date,
        meeting.city,
        meeting.country_id,
    )


def test_extracting_again_does_not_undo_a_split():
    meeting, (one, first), (two, second) = _two_reports()
    marrak = Actor.objects.get(name="Ines Marrak")
    new = meeting_split(meeting=meeting, move_articles=[two.pk], move_actors=[marrak.pk])

    meetings_replace_for_article(article=two, findings=[second])
    meetings_replace_for_article(article=one, findings=[first])

    assert Meeting.objects.count() == 2
    meeting.refresh_from_db()
    new.refresh_from_db()
    assert list(new.sources.values_list("article_id", flat=True)) == [two.pk]
    assert list(meeting.sources.values_list("article_id", flat=True)) == [one.pk]
    assert "Ines Marrak" in _names(new) and "Ines Marrak" not in _names(meeting)


def test_a_shared_source_is_copied_with_its_claim_and_evidence():
    meeting, (one, _), _ = _two_reports()

    new = meeting_split(meeting=meeting, share_articles=[one.pk])

    copies = MeetingSource.objects.filter(article=one).order_by("meeting_id")
    assert [source.meeting_id for source in copies] == [meeting.pk, new.pk]
    assert copies[0].claim == copies[1].claim
    assert list(new.evidence.values_list("text", flat=True)) == [FIRST]


# --- Actors -----------------------------------------------------------------------------------


def test_merging_actors_moves_everything_to_the_verified_record():
    kept = make_actor("Lorenzo Qadira", country="RU", verified=True)
    ActorAlias.objects.create(actor=kept, name="Lorenzo Qadira")
    double = make_actor("L. Qadira")
    ActorAlias.objects.create(actor=double, name="Lorenzo Kadira")
    ActorRole.objects.create(actor=double, title="Minister", country_id="RU", observed=True)
    guest = make_actor("Bastien Velloux", country="FR")
    meeting = make_meeting(participants=[double, guest], city="Moscow", country="RU")
    shared = make_meeting(participants=[double, kept], start=dt.date(2025, 1, 2))
    add_source(
        meeting,
        claim={"participants": [{"actor": double.pk, "role": "host"}], "kind": "meeting"},
    )

    survivor = actors_merge(actors=[double, kept])

    assert survivor.pk == kept.pk
    assert not Actor.objects.filter(pk=double.pk).exists()
    assert set(kept.aliases.values_list("name", flat=True)) == {
        "Lorenzo Qadira",
        "Lorenzo Kadira",
        "L. Qadira",
    }
    assert list(kept.roles.values_list("title", flat=True)) == ["Minister"]
    assert _names(meeting) == ["Bastien Velloux", "Lorenzo Qadira"]
    assert _names(shared) == ["Lorenzo Qadira"]
    claim = meeting.sources.get().claim
    assert claim["participants"] == [{"actor": kept.pk, "role": "host"}]
    meeting.refresh_from_db()
    assert "L. Qadira" not in meeting.title and "Lorenzo Qadira" in meeting.title
    tombstone = ActorTombstone.objects.get(pk=double.pk)
    assert tombstone.merged_into == kept


def test_a_merged_actors_directory_key_leads_to_the_survivor():
    from events.actors import actor_resolve

    kept = make_actor("Lorenzo Qadira", country="RU", verified=True)
    double = make_actor("Lorenzo Qadira Jr", country="RU", verified=True)
    actors_merge(actors=[kept, double])

    found = actor_resolve(
        person=person_finding("Somebody Else", "RU", known_key=str(double.pk)),
        seen_on=dt.date(2025, 1, 1),
    )

    assert found == kept


def test_merging_a_chain_points_old_tombstones_to_the_last_survivor():
    first, second, third = (make_actor(name) for name in ("Ana Pell", "A. Pell", "Ana Pel"))
    actors_merge(actors=[second, third])  # third into second
    actors_merge(actors=[first, second])  # second into first

    assert ActorTombstone.objects.get(pk=third.pk).merged_into == first


def test_deleting_junk_takes_it_out_of_meetings_and_claims_and_extraction_keeps_it_out():
    junk = make_actor("Komisi Sembilan")
    article = make_article(body=FIRST, published_on=dt.date(2025, 10, 16))
    finding = make_finding(
        participants=[GUEST, HOST, person_finding("Komisi Sembilan", "RU", "host")],
        evidence=[evidence_span(article, FIRST)],
    )
    ActorAlias.objects.create(actor=junk, name="Komisi Sembilan")
    [meeting] = meetings_replace_for_article(article=article, findings=[finding])
    assert "Komisi Sembilan" in _names(meeting)

    [impact] = actors_deletion_impact(actors=[Actor.objects.get(name="Komisi Sembilan")])
    assert [loss.left for loss in impact.meetings] == [["Bastien Velloux", "Lorenzo Qadira"]]

    assert actors_delete(actors=[junk]) == 1

    meeting.refresh_from_db()
    assert _names(meeting) == ["Bastien Velloux", "Lorenzo Qadira"]
    assert "Komisi" not in meeting.title
    claim_actors = [p["actor"] for p in meeting.sources.get().claim["participants"]]
    assert junk.pk not in claim_actors and len(claim_actors) == 2

    [again] = meetings_replace_for_article(article=article, findings=[finding])
    assert _names(again) == ["Bastien Velloux", "Lorenzo Qadira"]
    assert not Actor.objects.filter(name="Komisi Sembilan").exists()
