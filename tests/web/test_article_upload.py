"""Uploading one article: pasted text saved at once; a file read into the form to confirm."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.files import docx_bytes, pdf_bytes, upload

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


def test_the_form_has_no_publication_date_until_one_is_given(editor_client):
    response = editor_client.get(URL)

    assert response.status_code == 200
    assert response.context["form"]["published_on"].value() is None
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


def test_a_forgotten_publication_date_is_refused_and_nothing_is_lost(editor_client):
    response = editor_client.post(URL, article_data(published_on=""))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["published_on"] == ["This field is required."]
    assert form["text"].value() == BODY
    assert form["title"].value() == "Putin meets Xi in Moscow"
    assert not Article.objects.exists()


@pytest.mark.parametrize("published", ["1899-12-31", f"{timezone.localdate().year + 2}-01-01"])
def test_a_publication_date_out_of_range_is_refused_with_the_reason(editor_client, published):
    response = editor_client.post(URL, article_data(published_on=published))

    [error] = response.context["form"].errors["published_on"]
    assert error.startswith(f"{published} is outside 1900–{timezone.localdate().year + 1}")
    assert "relative date" in error
    assert not Article.objects.exists()


def test_a_text_file_is_read_into_the_form_to_confirm(editor_client):
    text = "Le président Macron a reçu le chancelier à l'Élysée."
    chosen = upload("article.txt", text.encode("cp1252"), "text/plain")

    response = editor_client.post(URL, article_data(text="", published_on="", file=chosen))

    assert response.status_code == 200
    assert not Article.objects.exists()
    form = response.context["form"]
    assert form["text"].value() == text
    assert form["title"].value() == "Putin meets Xi in Moscow"  # what the editor typed stays
    assert form["file_name"].value() == "article.txt"
    assert "Read “article.txt” (text file, in Windows-1252)" in response.text
    assert "The file states no publication date: give it." in response.text

    saved = editor_client.post(URL, article_data(text=form["text"].value()))

    assert saved.status_code == 302
    assert Article.objects.get().body == text


def test_a_word_document_fills_in_what_the_editor_left_empty(editor_client):
    data = docx_bytes(
        "Minister Ana Lima arrived in Oslo on Monday for talks.",
        title="Lima in Oslo",
        created=dt.datetime(2025, 3, 4, 9, 0),
        language="en-GB",
    )
    chosen = upload("lima.docx", data)
    empty = {"title": "", "source": "", "url": "", "published_on": "", "language": "", "text": ""}

    response = editor_client.post(URL, {**empty, "source": "Nordic Wire", "file": chosen})

    form = response.context["form"]
    assert form["title"].value() == "Lima in Oslo"
    assert form["published_on"].value() == dt.date(2025, 3, 4)
    assert form["language"].value() == "en"
    assert form["source"].value() == "Nordic Wire"
    assert form["text"].value() == "Minister Ana Lima arrived in Oslo on Monday for talks."
    assert "From the file: title, published, language." in response.text
    assert not Article.objects.exists()


def test_a_pdf_is_read_into_the_form(editor_client):
    chosen = upload("lima.pdf", pdf_bytes("Ana Lima met the Norwegian minister.", title="Lima"))

    response = editor_client.post(URL, article_data(title="", text="", file=chosen))

    form = response.context["form"]
    assert (form["title"].value(), form["text"].value()) == (
        "Lima",
        "Ana Lima met the Norwegian minister.",
    )


def test_a_saved_web_page_gives_its_main_text_and_metadata(editor_client):
    page = b"""<html><head><title>Modi visits Jakarta</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2026-01-12T08:00:00+07:00">
<script>alert("stolen cookies")</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<p>Indian Prime Minister Narendra Modi arrived in Jakarta on Monday.</p>
<p onmouseover="steal()">He met President Joko Widodo for talks on trade.</p></body></html>"""

    chosen = upload("m.html", page)
    response = editor_client.post(
        URL, article_data(title="", source="", published_on="", text="", file=chosen)
    )

    form = response.context["form"]
    assert form["title"].value() == "Modi visits Jakarta"
    assert form["source"].value() == "Example Times"
    assert form["published_on"].value() == dt.date(2026, 1, 12)
    assert "Narendra Modi arrived in Jakarta" in form["text"].value()
    for unwanted in ["alert", "steal", "Home"]:
        assert unwanted not in form["text"].value()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("article.doc", b"old", "only .docx, .htm, .html, .pdf, .txt files can be uploaded"),
        ("renamed.txt", pdf_bytes("Hi."), "it is a PDF document, not text"),
        ("big.txt", b"a" * (10 * 1024 * 1024 + 1), "“big.txt” is larger than 10 MB."),
        ("empty.html", b"<script>x()</script><p> </p>", "“empty.html” holds no text."),
    ],
)
def test_an_unreadable_file_keeps_what_the_editor_typed(editor_client, name, data, message):
    response = editor_client.post(URL, article_data(text="", file=upload(name, data)))

    assert response.status_code == 200
    assert message in response.context["file_form"].errors["file"][0]
    assert response.context["form"]["title"].value() == "Putin meets Xi in Moscow"
    assert response.context["form"]["published_on"].value() == "2026-01-28"
    assert not Article.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_upload_needs_text(editor_client, text):
    response = editor_client.post(URL, article_data(text=text))

    assert response.status_code == 200
    assert response.context["form"].errors["text"] == ["Paste the article's text or choose a file."]
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
