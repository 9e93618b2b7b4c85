"""The filters of the actors and articles exports (meetings take the timeline's)."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ExtractionStatus
from articles.selectors import articles_for_export
from events.models import Actor, ActorKind, Country

FORMAT_CHOICES = [
    ("csv", _("CSV")),
    ("excel", _("Excel (CSV with a byte-order mark)")),
]
MEETING_FORMAT_CHOICES = [*FORMAT_CHOICES, ("jsonl", _("JSON lines (event data)"))]


class ExportFormatForm(forms.Form):
    format = forms.ChoiceField(choices=FORMAT_CHOICES, required=False)

    def chosen_format(self) -> str:
        return self.cleaned_data.get("format") or "csv"


class MeetingFormatForm(ExportFormatForm):
    format = forms.ChoiceField(choices=MEETING_FORMAT_CHOICES, required=False)


class ActorExportForm(ExportFormatForm):
    q = forms.CharField(label=_("Name"), required=False)
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("any")), *list(ActorKind.choices)], required=False
    )
    verified = forms.ChoiceField(
        label=_("Verified"),
        choices=[("", _("any")), ("yes", _("verified")), ("no", _("not verified"))],
        required=False,
    )

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].strip().upper()
        if code and not Country.objects.filter(code=code).exists():
            raise forms.ValidationError(_("“%(code)s” is no country code."), params={"code": code})
        return code

    def actors(self) -> QuerySet[Actor]:
        data = self.cleaned_data
        actors = Actor.objects.all()
        if data["q"]:
            actors = actors.filter(
                Q(name__icontains=data["q"]) | Q(aliases__name__icontains=data["q"])
            )
            actors = actors.distinct()
        if data["country"]:
            actors = actors.filter(country_id=data["country"])
        if data["kind"]:
            actors = actors.filter(kind=data["kind"])
        if data["verified"]:
            actors = actors.filter(verified=data["verified"] == "yes")
        return actors


class ArticleExportForm(ExportFormatForm):
    status = forms.ChoiceField(
        label=_("Extraction status"),
        choices=[("", _("any")), *list(ExtractionStatus.choices)],
        required=False,
    )
    published_from = forms.DateField(label=_("Published from"), required=False)
    published_to = forms.DateField(label=_("Published to"), required=False)

    def articles(self) -> QuerySet[Article]:
        return articles_for_export(
            status=self.cleaned_data["status"] or None,
            published_from=self.cleaned_data["published_from"],
            published_to=self.cleaned_data["published_to"],
        )
