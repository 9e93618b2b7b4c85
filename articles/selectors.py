"""Reading articles: the lists and pages the web shows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, CharField, Count, F, QuerySet, Value, When

from articles.models import Article, ImportBatch, ImportItem, ImportItemStatus


def article_list(*, status: str | None = None) -> QuerySet[Article]:
    """Articles, newest first, each with how many meetings it reports."""
    articles = Article.objects.annotate(meeting_count=Count("meeting_sources")).order_by(
        "-published_on", "-id"
    )
    if status:
        articles = articles.filter(extraction_status=status)
    return articles.defer("body")


def articles_for_export(
    *,
    status: str | None = None,
    published_from: dt.date | None = None,
    published_to: dt.date | None = None,
) -> QuerySet[Article]:
    """Articles, newest first, with the exports' filters."""
    articles = Article.objects.order_by("-published_on", "-id")
    if status:
        articles = articles.filter(extraction_status=status)
    if published_from:
        articles = articles.filter(published_on__gte=published_from)
    if published_to:
        articles = articles.filter(published_on__lte=published_to)
    return articles


def article_detail(*, article_id: int) -> Article:
    """One article; raises Article.DoesNotExist."""
    return Article.objects.select_related("uploaded_by").get(pk=article_id)


# --- Imports -------------------------------------------------------------------------------

# What an import item shows: its own outcome, or once imported its article's extraction.
ITEM_STATES = {
    "waiting": "Waiting",
    "queued": "Queued",
    "processing": "Processing",
    "done": "Done",
    "failed": "Failed",
    "unsupported": "Language not supported",
    "duplicate": "Duplicate",
    "invalid": "Invalid",
    "deleted": "Article deleted",
}
PENDING_STATES = {"waiting", "queued", "processing"}
PROBLEM_STATES = {"failed", "unsupported", "invalid"}


def _item_state() -> Case:
    return Case(
        When(status=ImportItemStatus.QUEUED, then=Value("waiting")),
        When(status=ImportItemStatus.IMPORTED, article__isnull=True, then=Value("deleted")),
        When(status=ImportItemStatus.IMPORTED, then=F("article__extraction_status")),
        default=F("status"),
        output_field=CharField(),
    )


def import_batches_recent(*, limit: int = 20) -> QuerySet[ImportBatch]:
    """The latest imports, newest first, with how many items each has."""
    return (
        ImportBatch.objects.select_related("created_by")
        .annotate(item_count=Count("items"))
        .defer("data")
        .order_by("-created_at", "-id")[:limit]
    )


def import_batch_detail(*, batch_id: int) -> ImportBatch:
    """One import; raises ImportBatch.DoesNotExist."""
    return ImportBatch.objects.select_related("created_by").defer("data").get(pk=batch_id)


def import_batch_items(*, batch: ImportBatch, problems_only: bool = False) -> QuerySet:
    """A batch's items in order, each with its `state` (a key of ITEM_STATES) and article."""
    items = (
        ImportItem.objects.filter(batch=batch)
        .annotate(state=_item_state())
        .select_related("article")
        .defer("raw", "article__body")
        .order_by("position")
    )
    if problems_only:
        items = items.filter(state__in=PROBLEM_STATES)
    return items


def import_batch_totals(*, batch: ImportBatch) -> dict[str, int]:
    """How many items are in each state, plus `total` and `pending` (not final yet)."""
    counts = dict(
        ImportItem.objects.filter(batch=batch)
        .annotate(state=_item_state())
        .values("state")
        .annotate(count=Count("id"))
        .values_list("state", "count")
    )
    totals = {state: counts.get(state, 0) for state in ITEM_STATES}
    totals["total"] = sum(counts.values())
    totals["pending"] = sum(totals[state] for state in PENDING_STATES)
    totals["read"] = totals["total"] - totals["waiting"]
    totals["problems"] = sum(totals[state] for state in PROBLEM_STATES)
    return totals
