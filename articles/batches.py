"""Importing many articles in the background: a JSONL file, or several files dropped at once.

The web request only stores the raw input as an ImportBatch (see its docstring) and enqueues
`articles.tasks.import_batch` after commit. The task (`import_batch_run`) splits a JSONL file
into one item a line, then imports the items one at a time. Each item is taken under a row
lock and imported in the same transaction that records its outcome, so:

- a worker killed mid-import leaves every item either done (article and outcome committed) or
  untouched; running the batch again imports exactly the items left;
- two runs of the same batch at once (a recovered task beside a slow live one) share the items
  instead of importing any twice (PostgreSQL's SKIP LOCKED; SQLite runs one writer at a time).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from articles.dates import publication_date_problem
from articles.documents import Document, UnreadableDocument, read_document
from articles.documents.decoding import Line, read_lines, sniff_problem
from articles.imports import (
    ImportOutcome,
    import_line,
    printable,
    validation_message,
)
from articles.models import (
    ImportBatch,
    ImportBatchKind,
    ImportBatchStatus,
    ImportItem,
    ImportItemStatus,
)
from articles.services import DuplicateArticle, article_create

logger = logging.getLogger(__name__)

JSONL_MAX_BYTES = 50 * 1024 * 1024
FILES_MAX_COUNT = 100
FILES_MAX_BYTES = 50 * 1024 * 1024
_ITEMS_PER_INSERT = 1000
_HEARTBEAT_SECONDS = 1.0
# A first line this short, followed by more text, is a plain text file's headline.
_HEADLINE_MAX = 200


def import_batch_create_jsonl(*, name: str, data: bytes, created_by=None) -> ImportBatch:
    """Store an uploaded JSONL file as a batch and queue its import."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            kind=ImportBatchKind.JSONL, name=name[:300], data=data, created_by=created_by
        )
        _enqueue(batch)
    return batch


def import_batch_create_files(
    *,
    files: list[tuple[str, bytes]],
    created_by=None,
    default_published_on: dt.date | None = None,
    default_language: str = "",
    default_source: str = "",
) -> ImportBatch:
    """Store uploaded files (name, bytes) as a batch of one item each and queue its import."""
    name = files[0][0] if len(files) == 1 else f"{len(files)} files"
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            kind=ImportBatchKind.FILES,
            name=name[:300],
            created_by=created_by,
            default_published_on=default_published_on,
            default_language=default_language,
            default_source=default_source,
        )
        ImportItem.objects.bulk_create(
            ImportItem(batch=batch, position=number, name=file_name[:255], raw=data)
            for number, (file_name, data) in enumerate(files, 1)
        )
        _enqueue(batch)
    return batch


def _enqueue(batch: ImportBatch) -> None:
    transaction.on_commit(lambda: _enqueue_now(batch_id=batch.pk))


def _enqueue_now(*, batch_id: int) -> None:
    from articles.tasks import import_batch

    result = import_batch.enqueue(batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(task_id=str(result.id))


# --- The task ------------------------------------------------------------------------------


def import_batch_run(*, batch_id: int) -> None:
    """Import what is left of a batch; safe to run again, and beside another run."""
    now = timezone.now()
    updated = ImportBatch.objects.filter(pk=batch_id).exclude(
        status__in=[ImportBatchStatus.DONE, ImportBatchStatus.FAILED]
    )
    if not updated.update(status=ImportBatchStatus.RUNNING, heartbeat_at=now):
        logger.info("Import batch %s is gone or finished; nothing to import.", batch_id)
        return
    ImportBatch.objects.filter(pk=batch_id, started_at=None).update(started_at=now)
    if not _split_jsonl(batch_id=batch_id):
        return
    batch = ImportBatch.objects.get(pk=batch_id)
    beat = timezone.now()
    while _import_next_item(batch):
        if (timezone.now() - beat).total_seconds() >= _HEARTBEAT_SECONDS:
            beat = timezone.now()
            ImportBatch.objects.filter(pk=batch_id).update(heartbeat_at=beat)
    if not batch.items.filter(status=ImportItemStatus.QUEUED).exists():
        ImportBatch.objects.filter(pk=batch_id).update(
            status=ImportBatchStatus.DONE, finished_at=timezone.now(), heartbeat_at=timezone.now()
        )


def _split_jsonl(*, batch_id: int) -> bool:
    """Turn a JSONL batch's file into one item a line (once); False when the file is refused."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
        if batch.kind != ImportBatchKind.JSONL or not batch.data:
            return True
        data = bytes(batch.data)
        problem = sniff_problem(data[:4096])
        if problem:
            batch.status, batch.message = ImportBatchStatus.FAILED, f"The file {problem}."
            batch.finished_at = timezone.now()
            batch.data = b""
            batch.save(update_fields=["status", "message", "finished_at", "data"])
            return False
        items: list[ImportItem] = []
        for line in read_lines(io.BytesIO(data)):
            if line.problem:
                items.append(_invalid_line(batch, line))
            elif line.text.strip():
                items.append(ImportItem(batch=batch, position=line.number, raw=line.text.encode()))
            if len(items) >= _ITEMS_PER_INSERT:
                ImportItem.objects.bulk_create(items)
                items = []
        ImportItem.objects.bulk_create(items)
        batch.data = b""
        batch.save(update_fields=["data"])
    return True


def _invalid_line(batch: ImportBatch, line: Line) -> ImportItem:
    return ImportItem(
        batch=batch,
        position=line.number,
        status=ImportItemStatus.INVALID,
        message=line.problem,
    )


def _import_next_item(batch: ImportBatch) -> bool:
    """Import the first item nobody else is importing; False when none is left."""
    with transaction.atomic():
        item = (
            ImportItem.objects.select_for_update(skip_locked=True)
            .filter(batch=batch, status=ImportItemStatus.QUEUED)
            .order_by("position")
            .first()
        )
        if item is None:
            return False
        try:
            # A savepoint: whatever goes wrong inside, the item's outcome is still recorded.
            with transaction.atomic():
                outcome = _import_item(batch, item)
        except Exception as error:
            logger.exception("Import batch %s: item %s failed", batch.pk, item.position)
            outcome = ImportOutcome(
                item.position,
                ImportItemStatus.INVALID,
                printable(f"Could not be imported ({type(error).__name__}: {error})."),
            )
        item.status = outcome.status
        item.message = outcome.message[:10_000]
        item.label = outcome.label[:200]
        item.article = outcome.article
        item.raw = b""
        item.save(update_fields=["status", "message", "label", "article", "raw"])
    return True


def _import_item(batch: ImportBatch, item: ImportItem) -> ImportOutcome:
    if batch.kind == ImportBatchKind.JSONL:
        line = Line(item.position, bytes(item.raw).decode("utf-8"))
        outcome = import_line(line=line, uploaded_by=batch.created_by)
        assert outcome is not None  # blank lines never become items
        return outcome
    return _import_file(batch, item)


def _title_and_body(document: Document, name: str) -> tuple[str, str]:
    """The file's stated title; else a plain text's short first line; else the file's name."""
    if document.title:
        return document.title, document.text
    first, _, rest = document.text.partition("\n")
    if document.kind == "text file" and len(first.strip()) <= _HEADLINE_MAX and rest.strip():
        return first.strip(), rest.strip()
    return re.sub(r"[_-]+", " ", PurePath(name).stem).strip(), document.text


def _import_file(batch: ImportBatch, item: ImportItem) -> ImportOutcome:
    def invalid(message: str, label: str = "") -> ImportOutcome:
        return ImportOutcome(item.position, ImportItemStatus.INVALID, message, label=label)

    try:
        document = read_document(name=item.name, data=bytes(item.raw))
    except UnreadableDocument as error:
        return invalid(str(error))
    title, body = _title_and_body(document, item.name)
    label = printable(title[:200])
    published = document.published_on or batch.default_published_on
    if published is None:
        return invalid(
            "No publication date: the file states none, and the import gave none for such "
            "files. Upload it alone to give one.",
            label,
        )
    problem = publication_date_problem(published)
    if problem:
        return invalid(f"Publication date {problem}", label)
    try:
        article = article_create(
            title=title,
            body=body,
            published_on=published,
            source=document.source or batch.default_source,
            url=document.url,
            language=document.language or batch.default_language,
            uploaded_by=batch.created_by,
        )
    except ValidationError as error:
        return invalid(validation_message(error), label)
    except DuplicateArticle as duplicate:
        return ImportOutcome(
            item.position,
            ImportItemStatus.DUPLICATE,
            f"Already stored: {duplicate.reason}.",
            duplicate.existing,
            label,
        )
    stated = [name.replace("_on", "").replace("_", " ") for name in document.stated()]
    note = f" From the file: {', '.join(stated)}." if stated else ""
    return ImportOutcome(
        item.position,
        ImportItemStatus.IMPORTED,
        f"Imported as article {article.pk}.{note}",
        article,
        printable(article.title[:200]),
    )


# --- Recovery ------------------------------------------------------------------------------


def import_batches_recover_stalled(*, now: dt.datetime | None = None) -> list[int]:
    """Queue again the batches whose task died (no sign of life for EXTRACTION_STALL_SECONDS
    and no task waiting to run); returns their ids. Running them again is safe."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALL_SECONDS)
    waiting = {
        str(task_id)
        for task_id in DBTaskResult.objects.filter(status="READY").values_list("id", flat=True)
    }
    recovered: list[int] = []
    unfinished = ImportBatch.objects.filter(
        status__in=[ImportBatchStatus.QUEUED, ImportBatchStatus.RUNNING], created_at__lt=cutoff
    ).exclude(heartbeat_at__gte=cutoff)
    for batch in unfinished:
        if batch.task_id not in waiting:
            _enqueue_now(batch_id=batch.pk)
            recovered.append(batch.pk)
    return recovered
