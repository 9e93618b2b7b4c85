"""Actors and countries in the admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from events.actors import actors_mark_verified
from events.admin.common import HistoryOnlyAdmin, related_history
from events.derived import actor_refresh_meetings
from events.extraction.names import normalize_name
from events.models import Actor, ActorAlias, ActorRole, Country


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
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "verified", "meeting_count"]
    list_filter = ["kind", "verified", ("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "aliases__name"]
    autocomplete_fields = ["country"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [ActorAliasInline, ActorRoleInline]
    actions = ["mark_verified"]
    object_history_template = "admin/events/object_history.html"

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
        if change and (
            "name" in form.changed_data or any(formset.has_changed() for formset in formsets)
        ):
            # Titles name the actor and search knows its aliases: they follow a rename or a
            # new spelling (also a revert from the history).
            actor_refresh_meetings(actor=form.instance)

    @admin.action(description="Mark verified", permissions=["change"])
    def mark_verified(self, request, queryset) -> None:
        count = actors_mark_verified(actors=queryset)
        self.message_user(request, f"{count} actor(s) marked verified.")

    def history_view(self, request, object_id, extra_context=None):
        history = [
            *related_history(ActorAlias.history.filter(actor_id=object_id), "alias"),
            *related_history(ActorRole.history.filter(actor_id=object_id), "role"),
        ]
        history.sort(key=lambda row: row["date"], reverse=True)
        return super().history_view(
            request, object_id, extra_context={"related_history": history, **(extra_context or {})}
        )


admin.site.register(ActorAlias, HistoryOnlyAdmin)
admin.site.register(ActorRole, HistoryOnlyAdmin)


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
