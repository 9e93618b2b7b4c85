"""Reading articles: the lists and pages the web shows."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from articles.models import Article


def article_list(*, status: str | None = None) -> QuerySet[Article]:
    """Articles, newest first, each with how many meetings it reports."""
    articles = Article.objects.annotate(meeting_count=Count("meeting_sources")).order_by(
        "-published_on", "-id"
    )
    if status:
        articles = articles.filter(extraction_status=status)
    return articles.defer("body")


def article_detail(*, article_id: int) -> Article:
    """One article; raises Article.DoesNotExist."""
    return Article.objects.select_related("uploaded_by").get(pk=article_id)
