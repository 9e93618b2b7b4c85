"""The editors' admin for articles: what was uploaded and how its extraction went.

The events app registers a subclass of ArticleAdmin that adds the meetings an article reports
and re-running its extraction (events.admin.articles): articles knows nothing of extraction.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import transaction

from articles.models import Article
from articles.services import (
    article_clean_fields,
    article_content_hash,
    article_create,
    article_delete,
)

EXTRACTION_FIELDS = [
    "extraction_status",
    "extraction_error",
    "extraction_attempts",
    "extraction_started_at",
    "extracted_at",
    "extractor_version",
    "extraction_task_id",
]


class ArticleForm(forms.ModelForm):
    """The service's checks (articles.services.article_clean_fields), shown as form errors."""

    class Meta:
        model = Article
        fields = ["title", "body", "published_on", "language", "source", "url", "external_id"]

    def clean(self):
        data = super().clean()
        values = {
            name: data.get(name, getattr(self.instance, name, ""))
            for name in ["title", "body", "source", "url", "language", "external_id"]
        }
        cleaned = article_clean_fields(**{name: value or "" for name, value in values.items()})
        for name, value in cleaned.items():
            if name in self.fields and name in data:
                data[name] = value
        return data


class ArticleAddForm(ArticleForm):
    def clean(self):
        data = super().clean()
        body = data.get("body") or ""
        if body and Article.objects.filter(content_hash=article_content_hash(body=body)).exists():
            self.add_error("body", "An article with the same text is already stored.")
        external_id = (data.get("external_id") or "").strip()
        if external_id and Article.objects.filter(external_id=external_id).exists():
            self.add_error("external_id", "An article with this id is already stored.")
        return data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "source",
        "published_on",
        "language",
        "extraction_status",
        "extraction_attempts",
        "extracted_at",
        "extractor_version",
    ]
    list_filter = ["extraction_status", "language", "source"]
    search_fields = ["title", "external_id", "url"]
    date_hierarchy = "published_on"
    form = ArticleForm
    add_form = ArticleAddForm
    add_fieldsets = [
        (
            None,
            {
                "description": "The article is stored and its extraction queued when you save.",
                "fields": ArticleAddForm.Meta.fields,
            },
        )
    ]
    fieldsets = [
        (
            None,
            {
                "description": (
                    "Changing the title, date or language queues extraction again. The text "
                    "cannot be changed: upload the corrected article instead."
                ),
                "fields": [
                    "title",
                    "body",
                    "published_on",
                    ("language", "language_detected"),
                    "source",
                    "url",
                    "external_id",
                    ("uploaded_by", "uploaded_at"),
                    "content_hash",
                ],
            },
        ),
        ("Extraction", {"fields": EXTRACTION_FIELDS}),
    ]
    readonly_fields = [
        "body",
        "language_detected",
        "uploaded_by",
        "uploaded_at",
        "content_hash",
        *EXTRACTION_FIELDS,
    ]

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else super().get_readonly_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, change=change, **kwargs)

    def get_inlines(self, request, obj=None):
        return [] if obj is None else super().get_inlines(request, obj)

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            created = article_create(
                **{field: form.cleaned_data[field] for field in ArticleAddForm.Meta.fields},
                uploaded_by=request.user,
            )
            obj.pk = created.pk
            obj.refresh_from_db()
            return
        # Only what the editor changed: the worker may have updated the extraction fields since
        # the form was shown, and saving them back would undo its work.
        changed = list(form.changed_data)
        if "language" in changed:
            obj.language_detected = False
            changed.append("language_detected")
        if changed:
            obj.save(update_fields=changed)

    def delete_model(self, request, obj: Article) -> None:
        self.delete_queryset(request, Article.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset) -> None:
        with transaction.atomic():
            for article in queryset:
                article_delete(article=article)
