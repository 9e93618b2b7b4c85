"""The article forms: the list's filter, one article's upload and the import of many.

The forms only gather input; articles.services.article_create validates what an article may
be and stores it, and its errors are put back on these forms' fields by the views.
"""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from articles.batches import FILES_MAX_BYTES, FILES_MAX_COUNT, JSONL_MAX_BYTES
from articles.dates import publication_date_problem
from articles.documents import (
    EXTENSIONS,
    MAX_DOCUMENT_BYTES,
    Document,
    UnreadableDocument,
    extension_problem,
    read_document,
)
from articles.documents.decoding import sniff_problem
from articles.models import ExtractionStatus

JSONL_EXTENSIONS = {".jsonl", ".ndjson", ".json"}
DOCUMENT_ACCEPT = ",".join(EXTENSIONS)
_MB = 1024 * 1024


class ArticleFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "Any status"), *ExtractionStatus.choices], required=False
    )


class PublicationDateField(forms.DateField):
    """A publication date between 1900 and the end of next year (articles.dates)."""

    widget = forms.DateInput(attrs={"type": "date"})

    def validate(self, value) -> None:
        super().validate(value)
        problem = value and publication_date_problem(value)
        if problem:
            raise ValidationError(problem[:1].upper() + problem[1:])


def _language_field() -> forms.CharField:
    return forms.CharField(
        required=False,
        max_length=8,
        help_text="A two-letter ISO 639-1 code; leave empty to detect it.",
        widget=forms.TextInput(attrs={"list": "language-options", "size": 4}),
    )


class ArticleForm(forms.Form):
    """One article's fields and text. A file's text and metadata arrive here through
    ArticleFileForm: the view shows them in this form for the editor to confirm."""

    title = forms.CharField(required=False, max_length=500)
    source = forms.CharField(required=False, max_length=200, help_text="E.g. Reuters, TASS.")
    url = forms.URLField(label="URL", required=False, max_length=1000, assume_scheme="https")
    published_on = PublicationDateField(
        label="Publication date",
        help_text="Required: relative dates in the text (“yesterday”) are counted from it.",
    )
    language = _language_field()
    text = forms.CharField(
        label="Text",
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paste the article's text, or choose a file below.",
    )
    file_name = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("text"):
            self.add_error("text", "Paste the article's text or choose a file.")
        return data

    def article_fields(self) -> dict:
        """article_create's keyword arguments; call after is_valid()."""
        data = self.cleaned_data
        return {
            "title": data.get("title") or "",
            "body": data["text"],
            "published_on": data["published_on"],
            "source": data.get("source") or "",
            "url": data.get("url") or "",
            "language": data.get("language") or "",
        }


class ArticleFileForm(forms.Form):
    """A file to read into ArticleForm: its text and whatever metadata it states."""

    file = forms.FileField(
        required=False,
        help_text=(
            f"{', '.join(EXTENSIONS)}; at most {MAX_DOCUMENT_BYTES // _MB} MB. The form comes "
            "back filled in from the file, for you to check before saving."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )

    @property
    def chosen(self) -> bool:
        return bool(self.files.get(self.add_prefix("file")))

    def clean_file(self) -> Document | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_DOCUMENT_BYTES:
            raise ValidationError(f"“{upload.name}” is larger than {MAX_DOCUMENT_BYTES // _MB} MB.")
        try:
            return read_document(name=upload.name, data=upload.read())
        except UnreadableDocument as problem:
            raise ValidationError(str(problem)) from None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(upload, initial) for upload in data]
        return [single(data, initial)] if data else []


def _is_jsonl(upload: UploadedFile) -> bool:
    return PurePath(upload.name).suffix.lower() in JSONL_EXTENSIONS


class ArticleImportForm(forms.Form):
    """Many articles: one JSONL file, or several article files."""

    files = MultipleFileField(
        label="Files",
        help_text=(
            f"One JSONL file (at most {JSONL_MAX_BYTES // _MB} MB), or up to {FILES_MAX_COUNT} "
            f"article files ({', '.join(EXTENSIONS)}; each at most {MAX_DOCUMENT_BYTES // _MB} "
            f"MB, together at most {FILES_MAX_BYTES // _MB} MB)."
        ),
        widget=MultipleFileInput(attrs={"accept": f".jsonl,.ndjson,.json,{DOCUMENT_ACCEPT}"}),
    )
    published_on = PublicationDateField(
        label="Publication date",
        required=False,
        help_text="For files that state none (JSONL records carry their own).",
    )
    language = _language_field()
    source = forms.CharField(
        required=False, max_length=200, help_text="For files that state none, e.g. Reuters."
    )

    def clean_files(self) -> list[UploadedFile]:
        uploads = self.cleaned_data["files"]
        if not uploads:
            raise ValidationError("Choose a JSONL file, or the article files to import.")
        if any(_is_jsonl(upload) for upload in uploads):
            if len(uploads) > 1:
                raise ValidationError("Import a JSONL file on its own, not with other files.")
            return [self._clean_jsonl(uploads[0])]
        if len(uploads) > FILES_MAX_COUNT:
            raise ValidationError(
                f"{len(uploads)} files: import at most {FILES_MAX_COUNT} at once."
            )
        problems = [extension_problem(upload.name) for upload in uploads]
        problems += [
            f"“{upload.name}” is larger than {MAX_DOCUMENT_BYTES // _MB} MB."
            for upload in uploads
            if upload.size > MAX_DOCUMENT_BYTES
        ]
        if sum(upload.size for upload in uploads) > FILES_MAX_BYTES:
            problems.append(f"The files together are larger than {FILES_MAX_BYTES // _MB} MB.")
        if any(problems):
            raise ValidationError([problem for problem in problems if problem])
        return uploads

    @staticmethod
    def _clean_jsonl(upload: UploadedFile) -> UploadedFile:
        if upload.size > JSONL_MAX_BYTES:
            raise ValidationError(
                f"“{upload.name}” is larger than {JSONL_MAX_BYTES // _MB} MB: split it, or "
                "import it with manage.py import_articles."
            )
        problem = sniff_problem(upload.read(4096))
        upload.seek(0)
        if problem:
            raise ValidationError(f"“{upload.name}” cannot be imported: {problem}.")
        return upload

    @property
    def is_jsonl(self) -> bool:
        return _is_jsonl(self.cleaned_data["files"][0])
