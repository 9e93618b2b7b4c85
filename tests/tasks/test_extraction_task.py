"""The extraction task as the worker runs it: articles in, meetings out, failures retried.

django-tasks-db has no retries and leaves a killed worker's task RUNNING forever, so
events.extraction_runs retries failed extractions itself and recovers stalled ones.
"""

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ExtractionStatus
from articles.services import article_create
from events import extraction_runs
from events.extraction import engine
from events.extraction_runs import articles_rerun_extraction, extractions_recover_stalled
from events.models import Evidence, Meeting, TextPart
from tests.factories import stall_extraction


def failing_extraction(monkeypatch, *, times: int | None, error: Exception | None = None):
    """Make the service raise the first `times` calls (every call when None); counts calls.

    The error is transient (the database went away) unless another is given.
    """
    real = extraction_runs.article_extract_meetings
    calls = []

    def extract(*, article):
        calls.append(article.pk)
        if times is None or len(calls) <= times:
            raise error or OperationalError("the database went away")
        return real(article=article)

    monkeypatch.setattr(extraction_runs, "article_extract_meetings", extract)
    return calls


def tasks_for(article: Article):
    return DBTaskResult.objects.filter(args_kwargs__args=[article.pk]).order_by("enqueued_at")


# --- The happy path ----------------------------------------------------------------------------


def test_a_created_article_is_enqueued_and_the_worker_extracts_it(queue_article, run_worker):
    article = queue_article()

    [task] = tasks_for(article)
    assert task.status == "READY"
    assert article.extraction_status == ExtractionStatus.QUEUED
    assert article.extraction_task_id == str(task.id)

    run_worker()

    article.refresh_from_db()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_error == ""
    assert article.extraction_attempts == 1
    assert article.extractor_version == engine.VERSION
    assert article.extracted_at is not None


def test_the_seed_article_gives_the_visit_and_the_october_meeting(
    seed_record, django_capture_on_commit_callbacks, run_worker
):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create(
            title=seed_record["title"],
            body=seed_record["text"],
            published_on=dt.date.fromisoformat(seed_record["published"]),
            source=seed_record["source"],
            url=seed_record["url"] or "",
            language=seed_record["lang"],
            external_id=seed_record["id"],
        )

    run_worker()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE, article.extraction_error
    assert article.extractor_version == engine.VERSION
    meetings = list(Meeting.objects.prefetch_related("participants__actor"))
    summary = [
        (m.kind, m.status, m.start_date, m.date_precision, m.city, m.country_id) for m in meetings
    ]
    assert len(meetings) == 2, summary

    [visit] = [m for m in meetings if m.start_date == dt.date(2026, 1, 28)]
    assert (visit.kind, visit.status, visit.date_precision) == ("visit", "occurred", "day")
    assert (visit.city, visit.country_id) == ("Moscow", "RU")
    roles = {p.role: p.actor for p in visit.participants.all()}
    assert set(roles) == {"visitor", "host"}, roles
    assert roles["visitor"].country_id == "SY"
    assert "al-Sharaa" in roles["visitor"].name
    assert (roles["host"].name, roles["host"].country_id) == ("Vladimir Putin", "RU")

    [october] = [m for m in meetings if m is not visit]
    assert (october.start_date, october.date_precision) == (dt.date(2025, 10, 1), "month")
    october_actors = {(p.actor.country_id, p.actor.name) for p in october.participants.all()}
    assert ("RU", "Vladimir Putin") in october_actors
    assert any(country == "SY" and "al-Sharaa" in name for country, name in october_actors)

    for meeting in meetings:
        evidence = list(Evidence.objects.filter(meeting=meeting, article=article))
        assert evidence, meeting
        for item in evidence:
            whole = article.title if item.field == TextPart.TITLE else article.body
            assert whole[item.start_char : item.end_char] == item.text


# --- Failures are retried, then recorded ----------------------------------------------------


def test_a_failure_requeues_the_article_with_a_delayed_task(
    queue_article, run_worker, monkeypatch, settings
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 30
    failing_extraction(monkeypatch, times=1)
    article = queue_article()
    before = timezone.now()

    # One task only: a batch worker would otherwise wait the 30 s for the retry.
    run_worker(max_tasks=1)

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.QUEUED
    assert article.extraction_attempts == 1
    assert "Attempt 1 of 3 failed (OperationalError: the database went away)" in (
        article.extraction_error
    )
    assert "retrying in 30 s" in article.extraction_error
    first, retry = tasks_for(article)
    assert first.status == "FAILED"
    assert retry.status == "READY"
    assert article.extraction_task_id == str(retry.id)
    assert retry.run_after >= before + dt.timedelta(seconds=30)

    # When its time comes, the worker runs it.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()

    article.refresh_from_db()
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_error == ""
    assert article.extraction_attempts == 2


def test_without_a_delay_the_same_worker_run_retries(
    queue_article, run_worker, monkeypatch, settings
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 0
    calls = failing_extraction(monkeypatch, times=1)
    article = queue_article()

    run_worker()

    article.refresh_from_db()
    assert len(calls) == 2
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_attempts == 2
    assert [task.status for task in tasks_for(article)] == ["FAILED", "SUCCESSFUL"]


def test_an_extraction_that_always_fails_is_marked_failed_with_the_reason(
    queue_article, run_worker, monkeypatch, settings
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 0
    settings.EXTRACTION_MAX_ATTEMPTS = 2
    calls = failing_extraction(monkeypatch, times=None)
    article = queue_article()

    run_worker()

    article.refresh_from_db()
    assert len(calls) == 2
    assert article.extraction_status == ExtractionStatus.FAILED
    assert article.extraction_error == (
        "Failed after 2 attempts: OperationalError: the database went away"
    )
    assert [task.status for task in tasks_for(article)] == ["FAILED", "FAILED"]
    assert not Meeting.objects.exists()


def test_retries_back_off_exponentially(settings):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 5

    delays = [extraction_runs.retry_delay_seconds(attempts=n) for n in (1, 2, 3, 4)]

    assert delays == [5, 10, 20, 40]


def test_a_permanent_failure_is_marked_failed_at_once_with_the_reason(
    queue_article, run_worker, monkeypatch, settings
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 0
    calls = failing_extraction(monkeypatch, times=None, error=ValueError("no such month: 13"))
    article = queue_article()

    run_worker()

    article.refresh_from_db()
    assert len(calls) == 1
    assert article.extraction_status == ExtractionStatus.FAILED
    assert article.extraction_error == "Failed: ValueError: no such month: 13"
    assert [task.status for task in tasks_for(article)] == ["FAILED"]


def test_the_batch_worker_waits_for_a_retry_before_it_exits(
    queue_article, run_worker, monkeypatch, settings
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 1
    calls = failing_extraction(monkeypatch, times=1)
    article = queue_article()

    run_worker()

    article.refresh_from_db()
    assert len(calls) == 2
    assert article.extraction_status == ExtractionStatus.DONE
    assert [task.status for task in tasks_for(article)] == ["FAILED", "SUCCESSFUL"]


def test_a_failed_article_rerun_gets_fresh_attempts(
    queue_article, run_worker, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_RETRY_DELAY_SECONDS = 0
    settings.EXTRACTION_MAX_ATTEMPTS = 1
    failing_extraction(monkeypatch, times=1)
    article = queue_article()
    run_worker()
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        assert articles_rerun_extraction(articles=[article]) == 1
    article.refresh_from_db()
    # A second click while it waits queues nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_rerun_extraction(articles=[article]) == 0
    run_worker()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_attempts == 1
    assert tasks_for(article).count() == 2


def test_an_article_deleted_before_its_turn_is_skipped(queue_article, run_worker):
    article = queue_article()
    [task] = tasks_for(article)
    Article.objects.filter(pk=article.pk).delete()

    run_worker()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert not Meeting.objects.exists()


def test_an_unsupported_language_ends_unsupported_without_meetings(queue_article, run_worker):
    article = queue_article(
        title="Xi Jinping besucht Moskau",
        body=(
            "Der chinesische Präsident Xi Jinping ist am Dienstag zu Gesprächen mit dem "
            "russischen Präsidenten Wladimir Putin in Moskau eingetroffen."
        ),
        language="de",
    )

    run_worker()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.UNSUPPORTED
    assert article.language == "de"
    assert "'de'" in article.extraction_error
    assert not Meeting.objects.exists()
    assert not article.meeting_sources.exists()


# --- Stalled and lost work ------------------------------------------------------------------


def test_a_stalled_extraction_is_failed_and_requeued(queue_article, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    article = queue_article()
    task = stall_extraction(article, minutes_ago=10)

    recovered = extractions_recover_stalled()

    assert recovered == [article.pk]
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "events.worker_health.WorkerLost"
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.QUEUED
    assert "the worker stopped during extraction" in article.extraction_error
    retry = DBTaskResult.objects.get(pk=article.extraction_task_id)
    assert retry.status == "READY"
    assert retry.args_kwargs["args"] == [article.pk]


def test_a_stalled_extraction_with_no_attempts_left_fails(queue_article, settings):
    settings.EXTRACTION_MAX_ATTEMPTS = 3
    article = queue_article()
    stall_extraction(article, minutes_ago=10, attempts=3)

    assert extractions_recover_stalled() == [article.pk]

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert article.extraction_error == (
        "Failed after 3 attempts: the worker stopped during extraction"
    )
    assert not tasks_for(article).filter(status="READY").exists()


def test_a_fresh_extraction_is_left_running(queue_article, settings):
    settings.EXTRACTION_STALL_SECONDS = 300
    article = queue_article()
    task = stall_extraction(article, minutes_ago=0.5)

    assert extractions_recover_stalled() == []

    task.refresh_from_db()
    article.refresh_from_db()
    assert task.status == "RUNNING"
    assert article.extraction_status == ExtractionStatus.PROCESSING
    assert tasks_for(article).count() == 1


def test_a_queued_article_whose_task_vanished_is_enqueued_again(
    queue_article, django_capture_on_commit_callbacks
):
    article = queue_article()
    DBTaskResult.objects.filter(pk=article.extraction_task_id).delete()
    Article.objects.filter(pk=article.pk).update(uploaded_at=timezone.now() - dt.timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert extractions_recover_stalled() == [article.pk]

    article.refresh_from_db()
    [task] = tasks_for(article)
    assert task.status == "READY"
    assert article.extraction_task_id == str(task.id)
    assert article.extraction_status == ExtractionStatus.QUEUED


def test_a_queued_article_waiting_for_its_retry_is_left_alone(queue_article):
    article = queue_article()
    DBTaskResult.objects.filter(pk=article.extraction_task_id).update(
        run_after=timezone.now() + dt.timedelta(minutes=5)
    )
    Article.objects.filter(pk=article.pk).update(uploaded_at=timezone.now() - dt.timedelta(hours=1))

    assert extractions_recover_stalled() == []
    assert tasks_for(article).count() == 1


def test_recover_extractions_prints_how_many_it_requeued(queue_article):
    article = queue_article()
    stall_extraction(article, minutes_ago=60)

    first, second = StringIO(), StringIO()
    call_command("recover_extractions", stdout=first)
    call_command("recover_extractions", stdout=second)

    assert first.getvalue().strip() == "Requeued 1 stalled extraction(s)."
    assert second.getvalue().strip() == "Requeued 0 stalled extraction(s)."


# --- Extracting again --------------------------------------------------------------------------


def test_extracting_an_article_again_replaces_its_meetings(
    queue_article, run_worker, django_capture_on_commit_callbacks
):
    article = queue_article()
    run_worker()
    first = sorted((m.kind, m.status, m.start_date, m.city) for m in Meeting.objects.all())
    evidence = Evidence.objects.filter(article=article).count()
    article.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        assert articles_rerun_extraction(articles=[article]) == 1
    run_worker()

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert article.extraction_attempts == 1
    again = sorted((m.kind, m.status, m.start_date, m.city) for m in Meeting.objects.all())
    assert again == first
    assert Evidence.objects.filter(article=article).count() == evidence


# --- Dates at the calendar's edge ------------------------------------------------------------


def test_an_article_dated_at_the_calendars_edge_is_extracted_without_failing(
    queue_article, run_worker
):
    # Stored before uploads refused such dates, or through the shell: the worker must still
    # read it, and drop the dates that would fall off the calendar rather than fail.
    last_day = queue_article(
        title="Putin to visit China next year",
        body="Russian President Vladimir Putin will visit Beijing next year for talks with "
        "Chinese President Xi Jinping.",
        published_on=dt.date(9999, 12, 31),
    )
    first_day = queue_article(
        title="Xi met Putin yesterday",
        body="Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow "
        "yesterday.",
        published_on=dt.date(1, 1, 1),
    )

    run_worker()

    for article in (last_day, first_day):
        article.refresh_from_db()
        assert article.extraction_status == ExtractionStatus.DONE, article.extraction_error
        [meeting] = Meeting.objects.filter(sources__article=article)
        countries = {participant.actor.country_id for participant in meeting.participants.all()}
        assert countries == {"CN", "RU"}
