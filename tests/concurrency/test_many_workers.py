"""Many db_worker processes give exactly what one gives (real processes on PostgreSQL)."""

from io import StringIO

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ExtractionStatus
from events.models import Actor, Meeting, MeetingTombstone
from tests.concurrency.collisions import write_collisions
from tests.concurrency.conftest import run_workers


def store_summary() -> dict:
    """The meetings (by their sources' import ids), actors and sources, independent of ids."""
    meetings = set()
    for meeting in Meeting.objects.prefetch_related("sources__article", "participants__actor"):
        meetings.add(
            (
                frozenset(source.article.external_id for source in meeting.sources.all()),
                meeting.title,
                meeting.kind,
                meeting.status,
                meeting.start_date,
                meeting.city,
                meeting.country_id,
                frozenset(
                    (p.actor.name, p.actor.country_id, p.role) for p in meeting.participants.all()
                ),
            )
        )
    actors = sorted(
        (
            actor.name,
            actor.country_id,
            tuple(sorted(actor.aliases.values_list("normalized", flat=True))),
        )
        for actor in Actor.objects.filter(verified=False)
    )
    return {"meetings": meetings, "actors": actors}


def import_and_extract(path, workers: int) -> dict:
    call_command("import_articles", str(path), stdout=StringIO())
    run_workers(workers)
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {
        ExtractionStatus.DONE
    }
    summary = store_summary()
    # Start the next run from scratch: what extraction made goes, the directory stays.
    Meeting.objects.all().delete()
    MeetingTombstone.objects.all().delete()
    Article.objects.all().delete()
    Actor.objects.filter(verified=False).delete()
    DBTaskResult.objects.all().delete()
    return summary


def test_two_and_four_workers_store_what_one_stores(committed_db, tmp_path):
    path = write_collisions(tmp_path / "collisions.jsonl", pairs=60)

    one = import_and_extract(path, workers=1)
    two = import_and_extract(path, workers=2)
    four = import_and_extract(path, workers=4)

    assert len(one["meetings"]) == 60
    assert all(len(sources) == 2 for sources, *_ in one["meetings"])
    assert len(one["actors"]) == 120
    assert two == one
    assert four == one
