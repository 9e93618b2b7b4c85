"""The editors' admin: correcting meetings and actors, with every change protected from extraction.

Editors are staff users in the Editors group (see events.roles); analysts are not staff and never
see the admin. Actions only call services.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from events.actors import actors_mark_verified
from events.extraction.names import normalize_name
from events.models import (
    Actor,
    ActorAlias,
    ActorRole,
    Country,
    Evidence,
    Meeting,
    MeetingSource,
    Participant,
    ReviewState,
)
from events.search import meeting_refresh_search
from events.services import meeting_mark_edited, meetings_set_review_state

admin.site.site_header = "Entente"
admin.site.site_title = "Entente"
admin.site.index_title = "Editing the timeline"

MEETING_HELP = """
Meetings arrive from extraction as <b>Extracted</b>: re-running extraction on their articles
recomputes or removes them. Any change you save here, to these fields or to the participants and
evidence below, marks the meeting <b>edited</b>, and from then on extraction never changes or
deletes it: new reports only add their sources and evidence. <b>Verified</b> and <b>Rejected</b>
protect a meeting in the same way; rejected meetings are hidden from the timeline. The list's
action "Back to extracted" hands a meeting back to extraction unless it is edited: untick
<b>edited</b> too to let its sources decide its fields again. To get rid of a wrong meeting, reject
it rather than delete it: a deleted meeting comes back when its articles are extracted again.
"""

# Changing these is a verdict on the meeting, not an edit of what it says.
VERDICT_FIELDS = {"review_state", "edited"}


def admin_link(obj: models.Model) -> str:
    """A link to an object's change page in this admin."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj)


def claim_summary(claim: dict) -> str:
    """What one article says of a meeting (a MeetingSource claim), as a short readable list."""
    if not claim:
        return "—"
    actor_names = Actor.objects.in_bulk([p["actor"] for p in claim.get("participants", [])])
    participants = ", ".join(
        f"{actor_names[p['actor']].name if p['actor'] in actor_names else p['actor']} ({p['role']})"
        for p in claim.get("participants", [])
    )
    when = claim.get("start") or "undated"
    if claim.get("end") and claim["end"] != claim.get("start"):
        when = f"{when} to {claim['end']}"
    where = ", ".join(part for part in (claim.get("city"), claim.get("country")) if part)
    rows = [
        ("What", f"{claim.get('kind', '?')}, {claim.get('status', '?')}"),
        ("When", f"{when} (precision: {claim.get('precision', 'unknown')})"),
        ("Where", where or "—"),
        ("Who", participants or "—"),
        ("Countries", ", ".join(claim.get("countries", [])) or "—"),
        ("Published", claim.get("published") or "—"),
    ]
    return format_html(
        '<dl class="claim">{}</dl>',
        format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
    )


# --- Meetings -------------------------------------------------------------------------------


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


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "kind",
        "status",
        "start_date",
        "date_precision",
        "city",
        "country",
        "review_state",
        "edited",
        "source_count",
    ]
    list_filter = [
        "kind",
        "status",
        "review_state",
        "edited",
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
        (None, {"description": MEETING_HELP, "fields": ["title", "kind", "status"]}),
        ("When", {"fields": [("start_date", "end_date"), "date_precision"]}),
        ("Where", {"fields": ["city", "country"]}),
        ("Review", {"fields": ["review_state", "edited", ("created_at", "updated_at")]}),
    ]
    inlines = [ParticipantInline, EvidenceInline, MeetingSourceInline]
    actions = [
        _review_action(ReviewState.VERIFIED, "Mark verified"),
        _review_action(ReviewState.REJECTED, "Mark rejected"),
        _review_action(ReviewState.EXTRACTED, "Back to extracted"),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(source_count=Count("sources", distinct=True))
        )

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, meeting: Meeting) -> int:
        return meeting.source_count

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        meeting_refresh_search(meetings=[form.instance])
        edited_fields = set(form.changed_data) - VERDICT_FIELDS
        if not change or edited_fields or any(formset.has_changed() for formset in formsets):
            meeting_mark_edited(meeting=form.instance)


# --- Actors ---------------------------------------------------------------------------------


class ActorAliasFormSet(forms.BaseInlineFormSet):
    """Refuses two names of one actor that normalise alike: the database would refuse them."""

    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            name = getattr(form, "cleaned_data", {}).get("name")
            if not name or self._should_delete_form(form):
                continue
            key = normalize_name(name)
            if not key:
                form.add_error("name", "A name needs at least one letter or digit.")
            elif key in seen:
                form.add_error("name", "The actor already has this name (spelt alike).")
            seen.add(key)


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    formset = ActorAliasFormSet
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]
    extra = 0


class ActorRoleInline(admin.TabularInline):
    model = ActorRole
    autocomplete_fields = ["country"]
    extra = 0


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "verified", "meeting_count"]
    list_filter = ["kind", "verified", ("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ActorAliasInline, ActorRoleInline]
    actions = ["mark_verified"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("country")
            .annotate(meeting_count=Count("meetings", distinct=True))
        )

    @admin.display(description="meetings", ordering="meeting_count")
    def meeting_count(self, actor: Actor) -> int:
        return actor.meeting_count

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # Names and aliases are searched: the actor's meetings are found by the new ones.
        meeting_refresh_search(meetings=form.instance.meetings.all())

    @admin.action(description="Mark verified", permissions=["change"])
    def mark_verified(self, request, queryset) -> None:
        count = actors_mark_verified(actors=queryset)
        self.message_user(request, f"{count} actor(s) marked verified.")


# --- Countries ------------------------------------------------------------------------------


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """Countries come from a data migration: they can be renamed, never added or deleted."""

    list_display = ["code", "name", "alpha3"]
    search_fields = ["code", "name", "alpha3"]
    fields = ["code", "alpha3", "name", "names_display"]
    readonly_fields = ["code", "names_display"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="names by language")
    def names_display(self, country: Country) -> str:
        if not country.names:
            return "—"
        return format_html(
            "<table>{}</table>",
            format_html_join(
                "",
                "<tr><th>{}</th><td>{}</td></tr>",
                sorted(country.names.items()),
            ),
        )
