import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article

URL = reverse("articles:article-create")
BODY = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday. "
    "The two leaders discussed trade and security."
)


def article_data(**overrides) -> dict:
    data = {
        "title": "Putin meets Xi in Moscow",
        "source": "Test Wire",
        "url": "https://example.com/putin-xi",
        "published_on": "2026-01-28",
        "language": "",
        "text": BODY,
    }
    return {**data, **overrides}


def test_upload_form_defaults_to_today_and_suggests_languages(editor_client):
    response = editor_client.get(URL)

    assert response.status_code == 200
    assert response.context["form"]["published_on"].value() == timezone.localdate()
    assert '<option value="en">English</option>' in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_upload_pasted_text(editor_client, editor_user):
    response = editor_client.post(URL, article_data())

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:article-detail", args=[article.pk])
    assert article.title == "Putin meets Xi in Moscow"
    assert article.body == BODY
    assert article.source == "Test Wire"
    assert article.url == "https://example.com/putin-xi"
    assert article.published_on == dt.date(2026, 1, 28)
    assert article.language == ""  # told by the extraction (tests/tasks)
    assert article.uploaded_by == editor_user
    assert article.extraction_status == "queued"


def test_upload_with_a_given_language(editor_client):
    editor_client.post(URL, article_data(language="EN"))

    article = Article.objects.get()
    assert article.language == "en"
    assert not article.language_detected


def test_upload_txt_file(editor_client):
    text = "Le président Macron a reçu le chancelier à l'Élysée."
    upload = SimpleUploadedFile("article.txt", text.encode("cp1252"), "text/plain")

    response = editor_client.post(URL, article_data(text="", file=upload))

    assert response.status_code == 302
    assert Article.objects.get().body == text


def test_upload_utf8_txt_file_with_bom(editor_client):
    upload = SimpleUploadedFile("article.txt", "\ufeffJakarta — ça va".encode(), "text/plain")

    editor_client.post(URL, article_data(text="", file=upload))

    assert Article.objects.get().body == "Jakarta — ça va"


def test_upload_html_file_keeps_only_the_text(editor_client):
    document = b"""<!doctype html>
<html><head><title>Modi visits Jakarta &amp; meets Widodo</title>
<style>p { color: red }</style><script>alert("stolen cookies")</script></head>
<body><h1>Modi in Jakarta</h1>
<p class="lead">Indian Prime Minister <b>Narendra Modi</b> arrived in
Jakarta on Monday.<br>He met President Joko Widodo.</p>
<!-- tracking pixel --><div>Talks&nbsp;covered trade &lt;and&gt; defence.</div></body></html>"""
    upload = SimpleUploadedFile("modi.html", document, "text/html")

    response = editor_client.post(URL, article_data(title="", text="", file=upload))

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.title == "Modi visits Jakarta & meets Widodo"
    assert article.body == (
        "Modi in Jakarta\n\n"
        "Indian Prime Minister Narendra Modi arrived in Jakarta on Monday.\n"
        "He met President Joko Widodo.\n\n"
        "Talks covered trade <and> defence."
    )
    assert "alert" not in article.body and "color" not in article.body


def test_upload_html_file_with_a_title_given_keeps_that_title(editor_client):
    upload = SimpleUploadedFile(
        "a.htm", b"<title>Page title</title><p>Leaders met in Paris.</p>", "text/html"
    )

    editor_client.post(URL, article_data(title="My title", text="", file=upload))

    assert Article.objects.get().title == "My title"


@pytest.mark.parametrize("name", ["article.pdf", "article.docx", "article"])
def test_upload_rejects_other_file_types(editor_client, name):
    upload = SimpleUploadedFile(name, b"%PDF-1.4 not text", "application/octet-stream")

    response = editor_client.post(URL, article_data(text="", file=upload))

    assert response.status_code == 200
    assert "Only .txt and .html files can be uploaded" in response.text
    assert not Article.objects.exists()


def test_upload_rejects_files_over_2_mb(editor_client):
    upload = SimpleUploadedFile("big.txt", b"a" * (2 * 1024 * 1024 + 1), "text/plain")

    response = editor_client.post(URL, article_data(text="", file=upload))

    assert "The file is larger than 2 MB." in response.text
    assert not Article.objects.exists()


def test_upload_rejects_an_html_file_without_text(editor_client):
    upload = SimpleUploadedFile("empty.html", b"<script>x()</script><p> </p>", "text/html")

    response = editor_client.post(URL, article_data(text="", file=upload))

    assert "The file holds no text." in response.text
    assert not Article.objects.exists()


def test_upload_needs_text_or_a_file(editor_client):
    response = editor_client.post(URL, article_data(text="   "))

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == ["Paste the article's text or upload a file."]
    assert not Article.objects.exists()


def test_upload_takes_text_or_a_file_not_both(editor_client):
    upload = SimpleUploadedFile("article.txt", b"Some other text.", "text/plain")

    response = editor_client.post(URL, article_data(file=upload))

    assert "Paste the text or upload a file, not both." in response.text
    assert not Article.objects.exists()


def test_upload_shows_the_services_errors_on_their_fields(editor_client):
    response = editor_client.post(URL, article_data(title="", language="xx"))

    errors = response.context["form"].errors
    assert errors["title"] == ["A title is required."]
    assert errors["language"] == ["'xx' is not an ISO 639-1 language code."]
    assert not Article.objects.exists()


def test_upload_of_the_same_text_twice_links_to_the_stored_article(editor_client):
    editor_client.post(URL, article_data())
    stored = Article.objects.get()

    response = editor_client.post(
        URL, article_data(title="Another title", text="  " + BODY.replace(". ", ".\n") + "\n")
    )

    assert response.status_code == 200
    assert "This article is already stored" in response.text
    assert f'href="{reverse("articles:article-detail", args=[stored.pk])}"' in response.text
    assert Article.objects.count() == 1
