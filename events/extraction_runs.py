"""Running extraction: queueing articles, the worker's task, retries and recovery.

The articles app stores articles and knows nothing of extraction; it announces new articles
(articles.signals.article_stored) and deletions (article_deleting), which events.receivers
passes to this module. Each run reads the article with the engine and stores its findings
(events.store), recording the engine's version and the language it read on the article.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Article, ExtractionStatus
from events.actors import actor_directory
from events.extraction.types import ArticleInput
from events.history import extraction_reason, history_context
from events.store import meetings_replace_for_article

logger = logging.getLogger(__name__)


class ExtractionAborted(Exception):
    """Raised to the task runner after the failure was recorded on the article."""


@dataclass(frozen=True)
class ExtractionOutcome:
    supported: bool
    language: str
    language_detected: bool
    version: str
    meetings: int
    note: str = ""


# --- Queueing -------------------------------------------------------------------------------------


def article_enqueue_extraction(*, article: Article) -> None:
    """Mark the article queued and enqueue its extraction after the current transaction."""
    from events.tasks import extract_article

    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.QUEUED, extraction_error=""
    )
    article.extraction_status = ExtractionStatus.QUEUED
    article.extraction_error = ""

    def enqueue() -> None:
        result = extract_article.enqueue(article.pk)
        Article.objects.filter(pk=article.pk).update(extraction_task_id=str(result.id))

    transaction.on_commit(enqueue)


def articles_rerun_extraction(*, articles: Iterable[Article]) -> int:
    """Queue extraction again, with a fresh count of attempts; returns how many were queued.

    Articles already waiting for the worker are left alone, so a second click queues nothing.
    """
    count = 0
    with transaction.atomic():
        for article in articles:
            if article.extraction_status == ExtractionStatus.QUEUED and article.extraction_task_id:
                continue
            Article.objects.filter(pk=article.pk).update(extraction_attempts=0)
            article_enqueue_extraction(article=article)
            count += 1
    return count


# A database that restarts, a lost connection, a deadlock or a serialization failure: worth
# another try. Anything else is a fault that would recur.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


# --- The task's work ------------------------------------------------------------------------------


def article_extract_meetings(*, article: Article) -> ExtractionOutcome:
    """Run the engine on an article and store what it found, replacing its earlier findings;
    the article is marked done (or unsupported) in the store's transaction, one commit less
    an article than a status update of its own."""
    # Imported here, not at the top: the admin imports this module, and the engine brings spaCy
    # (3 s of start-up) into every web process that never reads an article.
    from events.extraction import engine

    result = engine.extract(
        ArticleInput(
            title=article.title,
            body=article.body,
            published=article.published_on,
            language=article.language or None,
        ),
        actors=actor_directory(),
    )
    note = ""
    if not result.supported:
        note = (
            f"No lexicon for the language '{result.language}': the article is stored but not "
            "read. Add a lexicon for it, then re-run extraction."
            if result.language
            else "The article's language could not be told; set it and re-run extraction."
        )
    done = {
        "extraction_status": (
            ExtractionStatus.DONE if result.supported else ExtractionStatus.UNSUPPORTED
        ),
        "extraction_error": note,
        "extractor_version": engine.VERSION,
        "language": result.language,
    }
    if result.language_detected:
        done["language_detected"] = True

    def mark_done() -> None:
        Article.objects.filter(pk=article.pk).update(**done, extracted_at=timezone.now())

    with history_context(reason=extraction_reason(article_id=article.pk, version=engine.VERSION)):
        stored = meetings_replace_for_article(
            article=article, findings=result.meetings, then=mark_done
        )
    return ExtractionOutcome(
        supported=result.supported,
        language=result.language,
        language_detected=result.language_detected,
        version=engine.VERSION,
        meetings=len(stored),
        note=note,
    )


def article_run_extraction(*, article_id: int) -> None:
    """Run extraction for one article: the task's whole job.

    Marks the article processing, then extracts, stores meetings and marks it done in one
    transaction. A failure is retried later (django-tasks-db has no retries of its own) until
    the attempts run out, and then recorded on the article with its reason.
    """
    # One UPDATE, committed on its own (it waits for the row like a locking read would): no
    # transaction around a locking read and a save, two round trips fewer an article.
    marked = Article.objects.filter(pk=article_id).update(
        extraction_status=ExtractionStatus.PROCESSING,
        extraction_attempts=F("extraction_attempts") + 1,
        extraction_started_at=timezone.now(),
        extraction_error="",
    )
    article = Article.objects.filter(pk=article_id).first() if marked else None
    if article is None:
        logger.info("Article %s no longer exists; nothing to extract.", article_id)
        return

    try:
        article_extract_meetings(article=article)
    except Exception as error:
        article_record_failure(
            article=article,
            reason=f"{type(error).__name__}: {error}",
            transient=isinstance(error, TRANSIENT_ERRORS),
        )
        raise ExtractionAborted(str(error)) from error


def retry_delay_seconds(*, attempts: int) -> int:
    """Back off exponentially: the base delay after the first attempt, twice it after the
    second, and so on (a deadlock or a database restart is usually over by then)."""
    return settings.EXTRACTION_RETRY_DELAY_SECONDS * 2 ** max(attempts - 1, 0)


def article_record_failure(
    *, article: Article, reason: str, transient: bool = True, delay_seconds: int | None = None
) -> None:
    """Retry a transient failure later while attempts remain; otherwise mark the article
    failed with the reason (a permanent one, such as a bug the engine hits on this text, at
    once: running it again would only fail again)."""
    attempts = (
        Article.objects.filter(pk=article.pk).values_list("extraction_attempts", flat=True).first()
    )
    if attempts is None:
        return
    if not transient:
        Article.objects.filter(pk=article.pk).update(
            extraction_status=ExtractionStatus.FAILED, extraction_error=f"Failed: {reason}"
        )
    elif attempts < settings.EXTRACTION_MAX_ATTEMPTS:
        delay = retry_delay_seconds(attempts=attempts) if delay_seconds is None else delay_seconds
        Article.objects.filter(pk=article.pk).update(
            extraction_status=ExtractionStatus.QUEUED,
            extraction_error=(
                f"Attempt {attempts} of {settings.EXTRACTION_MAX_ATTEMPTS} failed ({reason}); "
                f"retrying in {delay} s."
            ),
        )
        _enqueue_retry(article_id=article.pk, delay_seconds=delay)
    else:
        Article.objects.filter(pk=article.pk).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_error=f"Failed after {attempts} attempts: {reason}",
        )


def _enqueue_retry(*, article_id: int, delay_seconds: int) -> None:
    from events.tasks import extract_article

    run_after = timezone.now() + dt.timedelta(seconds=delay_seconds)
    result = extract_article.using(run_after=run_after).enqueue(article_id)
    Article.objects.filter(pk=article_id).update(extraction_task_id=str(result.id))


def article_worker_lost(*, article_id: int, task_id: str) -> None:
    """The worker running this article's extraction died: run it again now (the attempt
    counts, so an article that kills every worker ends failed instead of looping)."""
    article = Article.objects.filter(pk=article_id, extraction_task_id=task_id).first()
    if article is None or article.extraction_status != ExtractionStatus.PROCESSING:
        return  # requeued or changed since: its current task stands
    article_record_failure(article=article, reason="the worker running it stopped", delay_seconds=0)


def extractions_recover_stalled(*, now: dt.datetime | None = None) -> list[int]:
    """Requeue extractions a dead worker left behind; returns the articles' ids.

    A worker killed mid-task leaves its task RUNNING forever and the article "processing".
    Anything processing for longer than EXTRACTION_STALL_SECONDS is taken for lost: its task is
    marked failed and the article is retried (or failed, when its attempts are used up).
    """
    from django_tasks_db.models import DBTaskResult

    from events.worker_health import WorkerLost, workers_alive_ids

    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALL_SECONDS)
    alive = workers_alive_ids(now=now)
    running_on_live_workers: set[str] = set()
    for task_result in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        if task_result.worker_ids and task_result.worker_ids[-1] in alive:
            # A long extraction on a worker that still beats is slow, not lost.
            running_on_live_workers.add(str(task_result.id))
            continue
        task_result.set_failed(WorkerLost(f"Worker stopped while running task {task_result.id}"))

    recovered: list[int] = []
    stalled = Article.objects.filter(
        extraction_status=ExtractionStatus.PROCESSING, extraction_started_at__lt=cutoff
    ).exclude(extraction_task_id__in=running_on_live_workers)
    for article in stalled:
        article_record_failure(article=article, reason="the worker stopped during extraction")
        recovered.append(article.pk)

    # Queued articles whose task is gone (never enqueued, or failed before it could start).
    pending_ids = set(
        DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).values_list("id", flat=True)
    )
    pending = {str(task_id) for task_id in pending_ids}
    orphaned = Article.objects.filter(
        extraction_status=ExtractionStatus.QUEUED, uploaded_at__lt=cutoff
    )
    for article in orphaned:
        if article.extraction_task_id not in pending:
            article_enqueue_extraction(article=article)
            recovered.append(article.pk)
    return recovered


# --- Operations ------------------------------------------------------------------------------


def extraction_status_counts() -> dict:
    """How many articles are in each extraction state, and the one waiting longest (queued
    or processing) with when it was uploaded or started: for `manage.py extraction_status`."""
    from django.db.models import Count

    counts = {state.value: 0 for state in ExtractionStatus}
    for row in Article.objects.values("extraction_status").annotate(n=Count("pk")).order_by():
        counts[row["extraction_status"]] = row["n"]
    waiting = (
        Article.objects.filter(
            extraction_status__in=[ExtractionStatus.QUEUED, ExtractionStatus.PROCESSING]
        )
        .order_by("uploaded_at", "pk")
        .values("pk", "uploaded_at", "extraction_status")
        .first()
    )
    oldest = None
    if waiting:
        oldest = {
            "article": waiting["pk"],
            "status": waiting["extraction_status"],
            "since": waiting["uploaded_at"].isoformat(),
        }
    return {"counts": counts, "oldest_waiting": oldest}


# --- Withdrawing an article -----------------------------------------------------------------------


def article_withdraw(*, article: Article) -> None:
    """Withdraw what an article says before it is deleted: meetings nobody curated are
    clustered again from their other claims (or retired); curated ones lose it as a source
    when the article goes, and are kept."""
    with history_context(reason=f"article {article.pk} deleted"):
        meetings_replace_for_article(article=article, findings=[])
