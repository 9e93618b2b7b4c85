"""Meetings in the admin: correcting them, verdicts, merging, history and retired ids."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from events.admin.common import HistoryOnlyAdmin, admin_link, claim_summary, related_history
from events.curation import (
    meeting_mark_edited,
    meeting_merge,
    meetings_hand_back,
    meetings_set_review_state,
)
from events.derived import meeting_refresh_derived
from events.models import (
    Evidence,
    Meeting,
    MeetingSource,
    MeetingTombstone,
    Participant,
    ReviewState,
)

MEETING_HELP = """
Meetings arrive from extraction as <b>Extracted</b>: their fields are recomputed from what their
articles say whenever one of them is read again. Any change you save here, to these fields or to
the participants and evidence below, marks the meeting <b>edited</b>, and from then on
extraction never changes or deletes it: new reports only add their sources and evidence.
<b>Verified</b> and <b>Rejected</b> protect a meeting in the same way; rejected meetings are
hidden from the timeline. The title follows the facts unless you write it yourself. "Back to
extracted" (and unticking <b>edited</b>) hands a meeting back to extraction: it is recomputed
from its sources at once. To get rid of a wrong meeting, reject it: a deleted meeting comes
back when its articles are read again. "History" shows every change and can revert one.
"""

# Changing these is a verdict on the meeting, not an edit of what it says.
VERDICT_FIELDS = {"review_state", "edited", "title_is_manual"}


class ParticipantInline(admin.TabularInline):
    model = Participant
    autocomplete_fields = ["actor"]
    extra = 0


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fields = ["article", "field", "text", "start_char", "end_char"]
    autocomplete_fields = ["article"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    extra = 0


class MeetingSourceInline(admin.TabularInline):
    """The articles reporting a meeting; written by extraction only."""

    model = MeetingSource
    verbose_name = "source"
    verbose_name_plural = "sources (what each article says; written by extraction)"
    fields = ["article_link", "claim_display"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="article")
    def article_link(self, source: MeetingSource) -> str:
        return admin_link(source.article)

    @admin.display(description="claim")
    def claim_display(self, source: MeetingSource) -> str:
        return claim_summary(source.claim)


def _review_action(state: str, description: str):
    @admin.action(description=description, permissions=["change"])
    def action(modeladmin, request, queryset) -> None:
        count = meetings_set_review_state(meetings=queryset, state=state)
        label = ReviewState(state).label.lower()
        modeladmin.message_user(request, f"{count} meeting(s) now {label}.")

    action.__name__ = f"mark_{state}"
    return action


class SourcesLeftFilter(admin.SimpleListFilter):
    title = "sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("none", "No source left"), ("some", "Reported by articles")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(source_count=0)
        if self.value() == "some":
            return queryset.filter(source_count__gt=0)
        return queryset


def _changed_fields(meeting: Meeting, form) -> set[str]:
    stored = Meeting.objects.filter(pk=meeting.pk).first()
    if stored is None:
        return set(form.changed_data)
    fields = [Meeting._meta.get_field(name) for name in form.fields]
    return {
        field.name
        for field in fields
        if getattr(stored, field.attname) != getattr(meeting, field.attname)
    }


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    # Seven columns: at 1366 px beside the filters the title keeps its room and wraps
    # (static/css/admin.css), and the venue shows city and country together.
    list_display = [
        "title_display",
        "start_date",
        "venue",
        "kind",
        "status",
        "review_state",
        "source_count",
    ]
    list_display_links = ["title_display"]
    list_filter = [
        "kind",
        "status",
        "review_state",
        "edited",
        SourcesLeftFilter,
        "date_precision",
        ("country", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = [
        "title",
        "city",
        "participants__actor__name",
        "participants__actor__aliases__name",
    ]
    date_hierarchy = "start_date"
    autocomplete_fields = ["country"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {"description": MEETING_HELP, "fields": ["title", "title_is_manual", "kind", "status"]},
        ),
        ("When", {"fields": [("start_date", "end_date"), "date_precision"]}),
        ("Where", {"fields": ["city", "country"]}),
        ("Review", {"fields": ["review_state", "edited", ("created_at", "updated_at")]}),
    ]
    inlines = [ParticipantInline, EvidenceInline, MeetingSourceInline]
    actions = [
        _review_action(ReviewState.VERIFIED, "Mark verified"),
        _review_action(ReviewState.REJECTED, "Mark rejected"),
        _review_action(ReviewState.EXTRACTED, "Back to extracted"),
        "merge_into_oldest",
    ]
    object_history_template = "admin/events/object_history.html"

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(source_count=Count("sources", distinct=True))
        )

    @admin.display(description="meeting", ordering="title")
    def title_display(self, meeting: Meeting) -> str:
        edited = " (edited)" if meeting.edited else ""
        return f"{meeting}{edited}"

    @admin.display(description="venue", ordering="city")
    def venue(self, meeting: Meeting) -> str:
        parts = [meeting.city, meeting.country.name if meeting.country else ""]
        return ", ".join(part for part in parts if part) or "—"

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, meeting: Meeting) -> int | str:
        return meeting.source_count or "none left"

    def save_model(self, request, obj: Meeting, form, change: bool) -> None:
        """A changed fact marks the meeting edited; a written title stays as written.

        Also the path of a revert from the history page, whose form starts from the old
        record: what changed is read against the meeting as stored."""
        changed = _changed_fields(obj, form) if change else set(form.changed_data)
        if "title" in changed:
            obj.title_is_manual = bool(obj.title.strip())
        if not change or changed - VERDICT_FIELDS:
            obj.edited = True
        if change:
            meeting_refresh_derived(meeting=obj, save=False)  # saved below, in one record
        super().save_model(request, obj, form, change)
        if change and changed & {"edited", "review_state"} and not obj.is_curated:
            meetings_hand_back(meeting_ids=[obj.pk])

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            meeting_mark_edited(meeting=form.instance)
        meeting_refresh_derived(meeting=form.instance)

    @admin.action(description="Merge selected meetings into the oldest", permissions=["change"])
    def merge_into_oldest(self, request, queryset) -> None:
        meetings = list(queryset.order_by("pk"))
        if len(meetings) < 2:
            self.message_user(request, "Select two meetings or more to merge.", messages.WARNING)
            return
        into = meetings[0]
        for meeting in meetings[1:]:
            into = meeting_merge(meeting=meeting, into=into)
        self.message_user(
            request,
            f"{len(meetings) - 1} meeting(s) merged into meeting {into.pk}; "
            "their old links lead to it.",
        )

    def history_view(self, request, object_id, extra_context=None):
        """The meeting's own history, then the changes to its participants, sources and
        evidence, each with its revert page."""
        history = [
            *related_history(Participant.history.filter(meeting_id=object_id), "participant"),
            *related_history(MeetingSource.history.filter(meeting_id=object_id), "source"),
            *related_history(Evidence.history.filter(meeting_id=object_id), "evidence"),
        ]
        history.sort(key=lambda row: row["date"], reverse=True)
        return super().history_view(
            request, object_id, extra_context={"related_history": history, **(extra_context or {})}
        )


@admin.register(MeetingTombstone)
class MeetingTombstoneAdmin(admin.ModelAdmin):
    """Ids of meetings that no longer exist: where their old links lead."""

    list_display = ["meeting_id", "title", "merged_into", "reason", "retired_at"]
    search_fields = ["meeting_id", "title"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Participant, HistoryOnlyAdmin)
admin.site.register(Evidence, HistoryOnlyAdmin)
admin.site.register(MeetingSource, HistoryOnlyAdmin)
