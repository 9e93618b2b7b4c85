"""Actors and countries in the admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from events.actor_curation import actors_delete, actors_deletion_impact, actors_merge
from events.actors import actors_mark_verified
from events.admin.common import HistoryOnlyAdmin, related_history
from events.derived import actor_refresh_meetings
from events.extraction.names import normalize_name
from events.models import Actor, ActorAlias, ActorRole, ActorTombstone, Country


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
    actions = ["mark_verified", "merge_actors", "delete_junk"]
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
            {"name", "country"} & set(form.changed_data)
            or any(formset.has_changed() for formset in formsets)
        ):
            # Titles name the actor, search knows its aliases and the country filter its
            # country: they follow a rename, a new spelling or a new country (also a revert
            # from the history).
            actor_refresh_meetings(actor=form.instance)

    @admin.action(description="Mark verified", permissions=["change"])
    def mark_verified(self, request, queryset) -> None:
        count = actors_mark_verified(actors=queryset)
        self.message_user(request, f"{count} actor(s) marked verified.")

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Deleting goes through delete_junk, which takes actors out of their meetings first
        # (participations protect an actor from a plain delete).
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description="Merge selected actors (one person)", permissions=["change"])
    def merge_actors(self, request, queryset):
        actors = list(queryset.select_related("country").order_by("pk"))
        if len(actors) < 2:
            self.message_user(request, "Select two actors or more to merge.", messages.WARNING)
            return None
        if request.POST.get("confirmed") != "yes":
            survivor = min(actors, key=lambda actor: (not actor.verified, actor.pk))
            context = {
                **self.admin_site.each_context(request),
                "title": "Merge actors",
                "survivor": survivor,
                "absorbed": [actor for actor in actors if actor.pk != survivor.pk],
                "actors": actors,
                "action": "merge_actors",
                "opts": self.model._meta,
            }
            return TemplateResponse(request, "admin/events/actor/merge_confirmation.html", context)
        survivor = actors_merge(actors=actors)
        self.message_user(
            request,
            f"{len(actors) - 1} actor(s) merged into {survivor} (id {survivor.pk}); "
            "their names are now its aliases.",
        )
        return None

    @admin.action(description="Delete selected junk actors…", permissions=["delete"])
    def delete_junk(self, request, queryset):
        actors = list(queryset.order_by("name"))
        if request.POST.get("confirmed") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "title": "Delete junk actors",
                "impact": actors_deletion_impact(actors=actors),
                "actors": actors,
                "action": "delete_junk",
                "opts": self.model._meta,
            }
            return TemplateResponse(
                request, "admin/events/actor/delete_junk_confirmation.html", context
            )
        count = actors_delete(actors=actors)
        self.message_user(
            request,
            f"{count} actor(s) deleted; their meetings no longer list them, and extraction "
            "will not create them again under these names.",
        )
        return None

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


@admin.register(ActorTombstone)
class ActorTombstoneAdmin(admin.ModelAdmin):
    """Ids of actors merged or deleted. Deleting the tombstone of a junk actor lets
    extraction create an actor of that name again."""

    list_display = ["actor_id", "name", "merged_into", "reason", "retired_at"]
    search_fields = ["actor_id", "name"]
    readonly_fields = ["actor_id", "name", "names", "merged_into", "reason", "retired_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
