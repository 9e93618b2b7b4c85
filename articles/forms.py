"""The article forms: the list's filter, one article's upload and the bulk JSONL import.

The forms only gather input; articles.services.article_create validates what an article may
be and stores it, and its errors are put back on these forms' fields by the views.
"""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import ExtractionStatus
from articles.text import MAX_UPLOAD_BYTES, UnreadableUpload, text_from_upload

IMPORT_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
IMPORT_MAX_BYTES = 50 * 1024 * 1024


class ArticleFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "Any status"), *ExtractionStatus.choices], required=False
    )


class ArticleForm(forms.Form):
    """One article, as pasted text or an uploaded .txt/.html file."""

    title = forms.CharField(
        required=False,
        max_length=500,
        help_text="Left empty, an HTML file's own title is used.",
    )
    source = forms.CharField(required=False, max_length=200, help_text="E.g. Reuters, TASS.")
    url = forms.URLField(label="URL", required=False, max_length=1000, assume_scheme="https")
    published_on = forms.DateField(
        label="Publication date",
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    language = forms.CharField(
        required=False,
        max_length=8,
        help_text="A two-letter ISO 639-1 code; leave empty to detect it.",
        widget=forms.TextInput(attrs={"list": "language-options", "size": 4}),
    )
    text = forms.CharField(
        label="Text",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paste the article's text, or upload a file below.",
    )
    file = forms.FileField(
        required=False,
        help_text=".txt or .html, at most 2 MB. UTF-8, or Windows-1252/Latin-1.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("The file is larger than 2 MB.")
        try:
            return text_from_upload(name=upload.name, data=upload.read())
        except UnreadableUpload as problem:
            raise ValidationError(str(problem)) from None

    def clean(self):
        data = super().clean()
        if "file" in self.errors:
            return data
        pasted, uploaded = data.get("text"), data.get("file")
        if pasted and uploaded:
            raise ValidationError("Paste the text or upload a file, not both.")
        if not pasted and not uploaded:
            self.add_error("text", "Paste the article's text or upload a file.")
        elif uploaded and not uploaded.text.strip():
            self.add_error("file", "The file holds no text.")
        return data

    @property
    def text_field(self) -> str:
        """The field the article's text came from, for errors about the text."""
        return "file" if self.cleaned_data.get("file") else "text"

    def article_fields(self) -> dict:
        """article_create's keyword arguments; call after is_valid()."""
        data = self.cleaned_data
        uploaded = data.get("file")
        title = data.get("title") or (uploaded.title if uploaded else "")
        return {
            "title": title,
            "body": uploaded.text if uploaded else data["text"],
            "published_on": data["published_on"],
            "source": data.get("source") or "",
            "url": data.get("url") or "",
            "language": data.get("language") or "",
        }


class ArticleImportForm(forms.Form):
    file = forms.FileField(
        label="JSONL file",
        help_text=(
            "One JSON object a line, with the keys title, text and published (YYYY-MM-DD), "
            "and optionally id, lang, source and url."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".jsonl,.ndjson,.json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = PurePath(upload.name).suffix.lower()
        if extension not in IMPORT_EXTENSIONS:
            raise ValidationError("Upload a .jsonl file: one JSON object a line.")
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError("The file is larger than 50 MB; import it with manage.py.")
        return upload

    def lines(self):
        """The uploaded file's lines as text; invalid UTF-8 is replaced, not fatal."""
        for number, raw in enumerate(self.cleaned_data["file"], 1):
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")
