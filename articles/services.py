"""Writing articles: creating them from uploads and imports, and deleting them.

Extraction is the events app's: it hears of new and deleted articles through
articles.signals.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction

from articles.models import Article
from articles.signals import article_deleting, article_stored

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


def is_language_code(code: str) -> bool:
    return len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None


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
    if language and not is_language_code(language):
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
    """Store a new article; its extraction is queued once the transaction commits.

    An empty language is told by the extraction. Raises ValidationError for bad input and
    DuplicateArticle when it is already stored, also when another upload of it commits first.
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
    _refuse_duplicate(external_id=fields["external_id"], content_hash=content_hash)
    try:
        with transaction.atomic():
            article = Article.objects.create(
                **fields,
                published_on=published_on,
                content_hash=content_hash,
                uploaded_by=uploaded_by,
            )
            article_stored.send(sender=Article, article=article)
    except IntegrityError:
        # Another upload of the same article committed between the check and the insert.
        _refuse_duplicate(external_id=fields["external_id"], content_hash=content_hash)
        raise
    return article


def _refuse_duplicate(*, external_id: str | None, content_hash: str) -> None:
    if external_id:
        existing = Article.objects.filter(external_id=external_id).first()
        if existing:
            raise DuplicateArticle(existing, f"id {external_id} is already stored")
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing:
        raise DuplicateArticle(existing, "the same text is already stored")


def article_delete(*, article: Article) -> None:
    """Delete an article; extraction first withdraws what it said (articles.signals)."""
    with transaction.atomic():
        article_deleting.send(sender=Article, article=article)
        article.delete()
