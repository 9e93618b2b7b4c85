"""The article admin, with what extraction adds to it: the meetings an article reports, and
re-running its extraction (articles' own admin knows nothing of extraction)."""

from __future__ import annotations

from django.contrib import admin

from articles.admin import ArticleAdmin as BaseArticleAdmin
from articles.models import Article
from events.admin.common import admin_link, claim_summary
from events.extraction_runs import articles_rerun_extraction
from events.models import MeetingSource

# What extraction reads: changing any of these queues the article's extraction again.
EXTRACTION_INPUTS = {"title", "published_on", "language"}


class MeetingSourceInline(admin.TabularInline):
    """The meetings this article reports, as extraction read them."""

    model = MeetingSource
    verbose_name = "meeting"
    verbose_name_plural = "meetings this article reports"
    fields = ["meeting_link", "review_state", "claim_display"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="meeting")
    def meeting_link(self, source: MeetingSource) -> str:
        return admin_link(source.meeting)

    @admin.display(description="review")
    def review_state(self, source: MeetingSource) -> str:
        meeting = source.meeting
        return meeting.get_review_state_display() + (", edited" if meeting.edited else "")

    @admin.display(description="what this article says")
    def claim_display(self, source: MeetingSource) -> str:
        return claim_summary(source.claim)


admin.site.unregister(Article)


@admin.register(Article)
class ArticleAdmin(BaseArticleAdmin):
    actions = ["rerun_extraction"]
    inlines = [MeetingSourceInline]

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and EXTRACTION_INPUTS & set(form.changed_data):
            articles_rerun_extraction(articles=[obj])
            self.message_user(request, "Extraction was queued again to read the change.")

    @admin.action(description="Re-run extraction", permissions=["change"])
    def rerun_extraction(self, request, queryset) -> None:
        count = articles_rerun_extraction(articles=queryset)
        self.message_user(request, f"Queued {count} article(s) for extraction.")
