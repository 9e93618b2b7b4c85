"""Forms of the editors' pages: correcting a meeting in the queue, merging, splitting."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Meeting
from events.review import EDITABLE_FACTS


class MeetingFactsForm(forms.ModelForm):
    """A meeting's facts, corrected in place in the review queue."""

    class Meta:
        model = Meeting
        fields = EDITABLE_FACTS
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if end and not start:
            self.add_error("start_date", _("A meeting with a last day needs a first day."))
        elif start and end and end < start:
            self.add_error("end_date", _("The last day comes before the first."))
        return cleaned


class MeetingIdsField(forms.Field):
    """Meeting ids given as repeated parameters or comma-separated ("3,7,12")."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value or ""]
        ids = []
        for part in ",".join(str(item) for item in values).split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit():
                raise forms.ValidationError(
                    _("“%(value)s” is not a meeting id."), params={"value": part}
                )
            ids.append(int(part))
        return sorted(set(ids))


class MeetingMergeForm(forms.Form):
    ids = MeetingIdsField()

    def clean_ids(self) -> list[Meeting]:
        ids = self.cleaned_data["ids"]
        if len(ids) < 2:
            raise forms.ValidationError(_("Choose two meetings or more to merge."))
        meetings = list(Meeting.objects.filter(pk__in=ids).order_by("pk"))
        missing = sorted(set(ids) - {meeting.pk for meeting in meetings})
        if missing:
            raise forms.ValidationError(
                _("No meeting has the id %(ids)s (merged or removed already?)."),
                params={"ids": ", ".join(str(pk) for pk in missing)},
            )
        return meetings


STAY, MOVE, BOTH = "stay", "move", "both"
SPLIT_CHOICES = [
    (STAY, _("stays")),
    (MOVE, _("moves to the new meeting")),
    (BOTH, _("in both")),
]


class MeetingSplitForm(forms.Form):
    """For each source and participant of a meeting: does it stay, move to the new meeting,
    or belong to both?"""

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.sources = list(meeting.sources.select_related("article").order_by("article_id"))
        self.participants = list(meeting.participants.select_related("actor"))
        for source in self.sources:
            self.fields[f"source_{source.article_id}"] = forms.ChoiceField(
                label=str(source.article), choices=SPLIT_CHOICES, initial=STAY,
                widget=forms.RadioSelect,
            )  # fmt: skip
        for participant in self.participants:
            self.fields[f"actor_{participant.actor_id}"] = forms.ChoiceField(
                label=str(participant.actor), choices=SPLIT_CHOICES, initial=STAY,
                widget=forms.RadioSelect,
            )  # fmt: skip

    def source_fields(self):
        return [self[f"source_{source.article_id}"] for source in self.sources]

    def participant_fields(self):
        return [self[f"actor_{participant.actor_id}"] for participant in self.participants]

    def _chosen(self, prefix: str, ids: list[int], choice: str) -> list[int]:
        return [pk for pk in ids if self.cleaned_data.get(f"{prefix}_{pk}") == choice]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        article_ids = [source.article_id for source in self.sources]
        actor_ids = [participant.actor_id for participant in self.participants]
        self.plan = {
            "move_articles": self._chosen("source", article_ids, MOVE),
            "share_articles": self._chosen("source", article_ids, BOTH),
            "move_actors": self._chosen("actor", actor_ids, MOVE),
            "share_actors": self._chosen("actor", actor_ids, BOTH),
        }
        if not any(self.plan.values()):
            raise forms.ValidationError(
                _("Choose at least one source or participant for the new meeting.")
            )
        stays = (
            len(article_ids)
            - len(self.plan["move_articles"])
            + len(actor_ids)
            - len(self.plan["move_actors"])
        )
        if not stays:
            raise forms.ValidationError(
                _("Everything would move: keep at least one source or participant here.")
            )
        return cleaned
