"""What the events admin pages share."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from events.models import Actor

admin.site.site_header = "Entente"
admin.site.site_title = "Entente"
admin.site.index_title = "Editing the timeline"


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


class HistoryOnlyAdmin(SimpleHistoryAdmin):
    """The history and revert pages of objects edited inline elsewhere (participants,
    evidence, aliases, roles). Kept off the admin index: they are reached from the history
    page of their meeting or actor."""

    def get_model_perms(self, request) -> dict:
        return {}


def related_history(records, label: str) -> list[dict]:
    """Rows for the "related changes" table of a history page."""
    rows = []
    for record in records:
        meta = record.instance_type._meta
        rows.append(
            {
                "label": label,
                "object": str(record.instance),
                "date": record.history_date,
                "type": record.get_history_type_display(),
                "user": record.history_user,
                "reason": record.history_change_reason or "",
                "url": reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_simple_history",
                    args=[record.id, record.history_id],
                ),
            }
        )
    return rows
