from __future__ import annotations

from django import forms

from events.models import Actor, Country, MeetingKind, MeetingStatus, ReviewState
from events.selectors import MeetingFilters


class MeetingFilterForm(forms.Form):
    """The timeline's filters, shared by the web page, the CSV export and export_meetings."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    country = forms.ModelChoiceField(
        queryset=Country.objects.all(), required=False, to_field_name="code"
    )
    actor = forms.ModelChoiceField(queryset=Actor.objects.all(), required=False)
    date_from = forms.DateField(label="From", required=False)
    date_to = forms.DateField(label="To", required=False)
    kind = forms.ChoiceField(choices=[("", "Any kind"), *MeetingKind.choices], required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *MeetingStatus.choices], required=False)
    review_state = forms.ChoiceField(
        label="Review",
        choices=[("", "Not rejected"), ("all", "All"), *ReviewState.choices],
        required=False,
    )

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise forms.ValidationError("The start of the date range is after its end.")
        return data

    def filters(self) -> MeetingFilters:
        """The cleaned filters; call after is_valid()."""
        data = self.cleaned_data
        return MeetingFilters(
            q=data.get("q") or "",
            country=data["country"].code if data.get("country") else None,
            actor=data["actor"].pk if data.get("actor") else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            review_state=data.get("review_state") or None,
        )
