import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

URL = reverse("articles:article-import")


def jsonl(*lines) -> SimpleUploadedFile:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return SimpleUploadedFile("articles.jsonl", text.encode(), "application/jsonl")


def record(number: int, **overrides) -> dict:
    return {
        "id": f"wire-{number}",
        "lang": "en",
        "title": f"Leaders meet, part {number}",
        "published": "2026-01-28",
        "source": "Wire",
        "url": f"https://example.com/{number}",
        "text": f"Foreign ministers met in Geneva for round {number} of talks.",
        **overrides,
    }


def test_import_reports_every_line(editor_client, editor_user):
    upload = jsonl(
        record(1),
        record(2),
        "",
        record(1),  # the same id again
        "{not json",
        record(3, text=""),
        record(4, published="28/01/2026"),
    )

    response = editor_client.post(URL, {"file": upload})

    assert response.status_code == 200
    assert Article.objects.count() == 2
    first = Article.objects.get(external_id="wire-1")
    assert first.uploaded_by == editor_user
    outcomes = [(o.line, o.status) for o in response.context["outcomes"]]
    assert outcomes == [
        (1, "imported"),
        (2, "imported"),
        (4, "duplicate"),
        (5, "invalid"),
        (6, "invalid"),
        (7, "invalid"),
    ]
    html = response.text
    assert "2 imported" in html and "1 duplicate" in html and "3 invalid" in html
    assert html.count(f'href="{reverse("articles:article-detail", args=[first.pk])}"') == 2
    assert "Already stored: id wire-1 is already stored." in html
    assert "Not valid JSON" in html
    assert "Missing &#x27;text&#x27;." in html
    assert "is not a date written YYYY-MM-DD" in html


def test_import_rejects_other_files(editor_client):
    upload = SimpleUploadedFile("articles.csv", b"title,text\n", "text/csv")

    response = editor_client.post(URL, {"file": upload})

    assert "Upload a .jsonl file" in response.text
    assert response.context["outcomes"] is None
