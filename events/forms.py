from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Actor, Country, MeetingKind, MeetingStatus, ReviewState
from events.selectors import NEWEST_FIRST, OLDEST_FIRST, MeetingFilters

MAX_CHOSEN = 20  # countries or actors in one filter


class RepeatedField(forms.Field):
    """A query parameter that may be given several times (`?actor=1&actor=2`), as a list of
    strings; the form checks the values themselves."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value]


class MeetingFilterForm(forms.Form):
    """The timeline's filters, shared by the web page, the CSV export and export_meetings.

    Countries and actors are repeatable; the form looks up the chosen ones (one query each) and
    keeps them in `countries` and `actors` for the page to show.
    """

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("Names, places, words")}),
    )
    country = RepeatedField(required=False)
    actor = RepeatedField(required=False)
    # The browser's own date pickers; they send ISO dates, which the form reads.
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(choices=[("", _("Any kind")), *MeetingKind.choices], required=False)
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *MeetingStatus.choices], required=False
    )
    review_state = forms.ChoiceField(
        label=_("Review"),
        choices=[
            ("", _("Not rejected")),
            (ReviewState.VERIFIED, _("Verified only")),
            (ReviewState.EXTRACTED, _("Extracted, not reviewed")),
            (ReviewState.REJECTED, _("Rejected")),
            ("all", _("All")),
        ],
        required=False,
    )
    order = forms.ChoiceField(
        # Newest first is the default, left out of URLs.
        choices=[("", _("Newest first")), (OLDEST_FIRST, _("Oldest first"))],
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.countries: list[Country] = []
        self.actors: list[Actor] = []

    def clean_country(self) -> list[str]:
        codes = list(dict.fromkeys(code.strip().upper() for code in self.cleaned_data["country"]))
        codes = [code for code in codes if code]
        if len(codes) > MAX_CHOSEN:
            raise forms.ValidationError(f"Choose at most {MAX_CHOSEN} countries.")
        if codes:
            found = {country.code: country for country in Country.objects.filter(code__in=codes)}
            unknown = [code for code in codes if code not in found]
            if unknown:
                raise forms.ValidationError(
                    f"Unknown country code: {', '.join(unknown)} (use ISO 3166 alpha-2, e.g. RU)."
                )
            self.countries = [found[code] for code in codes]
        return codes

    def clean_actor(self) -> list[int]:
        values = [value.strip() for value in self.cleaned_data["actor"] if value.strip()]
        if not all(value.isdigit() for value in values):
            raise forms.ValidationError("An actor is given by its id, a whole number.")
        ids = list(dict.fromkeys(int(value) for value in values))
        if len(ids) > MAX_CHOSEN:
            raise forms.ValidationError(f"Choose at most {MAX_CHOSEN} actors.")
        if ids:
            found = {actor.pk: actor for actor in Actor.objects.filter(pk__in=ids)}
            unknown = [str(pk) for pk in ids if pk not in found]
            if unknown:
                raise forms.ValidationError(f"No actor has the id {', '.join(unknown)}.")
            self.actors = [found[pk] for pk in ids]
        return ids

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
            countries=tuple(data.get("country") or ()),
            actors=tuple(data.get("actor") or ()),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            review_state=data.get("review_state") or None,
            order=data.get("order") or NEWEST_FIRST,
        )
