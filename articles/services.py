"""Writing articles: creating them from uploads and imports, and running their extraction."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from articles.models import Article, ExtractionStatus
from events.extraction import language as languages

logger = logging.getLogger(__name__)

TITLE_MAX = Article._meta.get_field("title").max_length
SOURCE_MAX = Article._meta.get_field("source").max_length
URL_MAX = Article._meta.get_field("url").max_length
EXTERNAL_ID_MAX = Article._meta.get_field("external_id").max_length
BODY_MAX = 200_000


class DuplicateArticle(Exception):
    """The same article is already stored; `existing` is the stored one."""

    def __init__(self, existing: Article, reason: str) -> None:
        super().__init__(reason)
        self.existing = existing
        self.reason = reason


def article_content_hash(*, body: str) -> str:
    """The same text, whatever its spacing, gives the same hash."""
    normalized = re.sub(r"\s+", " ", body).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def article_clean_fields(
    *,
    title: str,
    body: str,
    source: str,
    url: str,
    language: str,
    external_id: str | None,
) -> dict[str, str | None]:
    title = re.sub(r"\s+", " ", title or "").strip()
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    source = (source or "").strip()
    url = (url or "").strip()
    language = (language or "").strip().lower()
    external_id = (external_id or "").strip() or None
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = "A title is required."
    elif len(title) > TITLE_MAX:
        errors["title"] = f"The title is longer than {TITLE_MAX} characters."
    if not body:
        errors["body"] = "The article has no text."
    elif len(body) > BODY_MAX:
        errors["body"] = f"The text is longer than {BODY_MAX:,} characters."
    if len(source) > SOURCE_MAX:
        errors["source"] = f"The source is longer than {SOURCE_MAX} characters."
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = "The URL is not a valid http(s) address."
        if len(url) > URL_MAX:
            errors["url"] = f"The URL is longer than {URL_MAX} characters."
    if language and not languages.is_language_code(language):
        errors["language"] = f"'{language}' is not an ISO 639-1 language code."
    if external_id and len(external_id) > EXTERNAL_ID_MAX:
        errors["external_id"] = f"The id is longer than {EXTERNAL_ID_MAX} characters."
    # PostgreSQL cannot store NUL in text: refuse it here rather than fail on save.
    for name, label, value in [
        ("title", "title", title),
        ("body", "text", body),
        ("source", "source", source),
        ("url", "URL", url),
        ("external_id", "id", external_id or ""),
    ]:
        if "\x00" in value and name not in errors:
            errors[name] = f"The {label} contains a NUL character."
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "body": body,
        "source": source,
        "url": url,
        "language": language,
        "external_id": external_id,
    }


def article_create(
    *,
    title: str,
    body: str,
    published_on: dt.date,
    source: str = "",
    url: str = "",
    language: str = "",
    external_id: str | None = None,
    uploaded_by=None,
) -> Article:
    """Store a new article and queue its extraction once the transaction commits.

    Raises ValidationError for bad input and DuplicateArticle when it is already stored.
    """
    fields = article_clean_fields(
        title=title,
        body=body,
        source=source,
        url=url,
        language=language,
        external_id=external_id,
    )
    content_hash = article_content_hash(body=fields["body"])
    if fields["external_id"]:
        existing = Article.objects.filter(external_id=fields["external_id"]).first()
        if existing:
            raise DuplicateArticle(existing, f"id {fields['external_id']} is already stored")
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing:
        raise DuplicateArticle(existing, "the same text is already stored")

    detected = False
    if not fields["language"]:
        fields["language"] = languages.detect(f"{fields['title']}\n{fields['body']}") or ""
        detected = True
    with transaction.atomic():
        article = Article.objects.create(
            **fields,
            published_on=published_on,
            language_detected=detected,
            content_hash=content_hash,
            uploaded_by=uploaded_by,
        )
        article_enqueue_extraction(article=article)
    return article


def article_enqueue_extraction(*, article: Article) -> None:
    """Mark the article queued and enqueue its extraction after the current transaction."""
    from articles.tasks import extract_article

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


def article_delete(*, article: Article) -> None:
    """Delete an article after withdrawing what it said, so that meetings nobody curated are
    recomputed from their other sources (or deleted) rather than left without one."""
    from events.services import meetings_replace_for_article

    with transaction.atomic():
        meetings_replace_for_article(article=article, findings=[])
        article.delete()


# --- Extraction ----------------------------------------------------------------------------


class ExtractionAborted(Exception):
    """Raised to the task runner after the failure was recorded on the article."""


def article_run_extraction(*, article_id: int) -> None:
    """Run extraction for one article: the task's whole job.

    Marks the article processing, extracts, stores meetings and marks it done. A failure is
    retried later (django-tasks-db has no retries of its own) until the attempts run out, and
    then recorded on the article with its reason.
    """
    from events import services as event_services

    with transaction.atomic():
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            logger.info("Article %s no longer exists; nothing to extract.", article_id)
            return
        article.extraction_status = ExtractionStatus.PROCESSING
        article.extraction_attempts += 1
        article.extraction_started_at = timezone.now()
        article.extraction_error = ""
        article.save(
            update_fields=[
                "extraction_status",
                "extraction_attempts",
                "extraction_started_at",
                "extraction_error",
            ]
        )

    try:
        outcome = event_services.article_extract_meetings(article=article)
    except Exception as error:
        article_record_failure(article=article, reason=f"{type(error).__name__}: {error}")
        raise ExtractionAborted(str(error)) from error

    Article.objects.filter(pk=article.pk).update(
        extraction_status=(
            ExtractionStatus.DONE if outcome.supported else ExtractionStatus.UNSUPPORTED
        ),
        extraction_error=outcome.note,
        extracted_at=timezone.now(),
        extractor_version=outcome.version,
        language=outcome.language,
    )


def article_record_failure(*, article: Article, reason: str) -> None:
    """Retry later while attempts remain; otherwise mark the article failed with the reason."""
    attempts = (
        Article.objects.filter(pk=article.pk).values_list("extraction_attempts", flat=True).first()
    )
    if attempts is None:
        return
    if attempts < settings.EXTRACTION_MAX_ATTEMPTS:
        delay = settings.EXTRACTION_RETRY_DELAY_SECONDS * attempts
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
    from articles.tasks import extract_article

    run_after = timezone.now() + dt.timedelta(seconds=delay_seconds)
    result = extract_article.using(run_after=run_after).enqueue(article_id)
    Article.objects.filter(pk=article_id).update(extraction_task_id=str(result.id))


def extractions_recover_stalled(*, now: dt.datetime | None = None) -> list[int]:
    """Requeue extractions a dead worker left behind; returns the articles' ids.

    A worker killed mid-task leaves its task RUNNING forever and the article "processing".
    Anything processing for longer than EXTRACTION_STALL_SECONDS is taken for lost: its task is
    marked failed and the article is retried (or failed, when its attempts are used up).
    """
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALL_SECONDS)
    for task_result in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        task_result.set_failed(WorkerLost(f"Worker stopped while running task {task_result.id}"))

    recovered: list[int] = []
    stalled = Article.objects.filter(
        extraction_status=ExtractionStatus.PROCESSING, extraction_started_at__lt=cutoff
    )
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


class WorkerLost(Exception):
    """A worker died while running a task."""
