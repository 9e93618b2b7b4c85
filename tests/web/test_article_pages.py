import datetime as dt

from django.urls import reverse

from articles.models import Article, ExtractionStatus
from articles.services import article_create
from tests.factories import add_source, make_article, make_meeting

HTMX = {"HX-Request": "true"}
BODY = (
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on "
    "28 January 2026. They discussed trade."
)


def status_url(article: Article) -> str:
    return reverse("articles:article-status", args=[article.pk])


def test_article_list_shows_articles_with_status_and_meeting_count(analyst_client, db):
    article = make_article(title="Putin meets Xi", source="TASS", language="en")
    add_source(make_meeting(), article)
    add_source(make_meeting(), article)
    make_article(title="Still queued", status=ExtractionStatus.QUEUED)

    response = analyst_client.get(reverse("articles:article-list"))

    assert response.status_code == 200
    html = response.text
    assert "2 articles" in html
    assert f'href="{reverse("articles:article-detail", args=[article.pk])}">Putin meets Xi' in html
    assert "TASS" in html and "28 Jan 2026" in html
    assert '<span class="badge extraction-done">Done</span>' in html
    assert '<span class="badge extraction-queued">Queued</span>' in html
    assert '<td class="numeric">2</td>' in html


def test_article_list_filters_by_status(analyst_client, db):
    make_article(title="Read one")
    make_article(title="Broken one", status=ExtractionStatus.FAILED)

    response = analyst_client.get(reverse("articles:article-list"), {"status": "failed"})

    assert [a.title for a in response.context["page"]] == ["Broken one"]


def test_article_list_htmx_request_gets_only_the_results(analyst_client, db):
    make_article(title="Read one")

    response = analyst_client.get(reverse("articles:article-list"), headers=HTMX)

    assert response.text.lstrip().startswith('<section id="article-results"')


def test_article_list_shows_no_upload_links_to_analysts(analyst_client, db):
    html = analyst_client.get(reverse("articles:article-list")).text

    assert reverse("articles:article-create") not in html
    assert reverse("articles:article-import") not in html


def test_article_detail_shows_metadata_meetings_and_text(analyst_client, db):
    article = make_article(
        title="Putin meets Xi",
        body="First paragraph.\n\nSecond <paragraph>.",
        url="https://example.com/a",
        language="en",
        language_detected=True,
    )
    meeting = make_meeting(title="Meeting of Putin and Xi", start=dt.date(2026, 1, 28))
    add_source(meeting, article)

    response = analyst_client.get(reverse("articles:article-detail", args=[article.pk]))

    html = response.text
    assert "<h1>Putin meets Xi</h1>" in html
    assert 'href="https://example.com/a"' in html
    assert 'en <span class="hint">(detected)</span>' in html
    assert "Meetings found (1)" in html
    assert f'href="{reverse("events:meeting-detail", args=[meeting.pk])}"' in html
    assert "<p>First paragraph.</p>" in html
    assert "<p>Second &lt;paragraph&gt;.</p>" in html
    assert 'hx-trigger="every 1s"' not in html


def test_article_detail_of_an_unknown_article_is_404(analyst_client, db):
    response = analyst_client.get(reverse("articles:article-detail", args=[424242]))

    assert response.status_code == 404


def test_failed_and_unsupported_articles_show_the_reason(analyst_client, db):
    failed = make_article(
        status=ExtractionStatus.FAILED, extraction_error="Failed after 3 attempts: boom"
    )
    unsupported = make_article(
        status=ExtractionStatus.UNSUPPORTED, extraction_error="No lexicon for the language 'de'"
    )

    failed_html = analyst_client.get(status_url(failed), headers=HTMX).text
    unsupported_html = analyst_client.get(status_url(unsupported), headers=HTMX).text

    assert "Failed" in failed_html and "Failed after 3 attempts: boom" in failed_html
    assert "Language not supported" in unsupported_html
    assert "No lexicon for the language &#x27;de&#x27;" in unsupported_html
    assert "hx-trigger" not in failed_html + unsupported_html


def test_processing_article_keeps_polling(analyst_client, db):
    article = make_article(status=ExtractionStatus.PROCESSING)

    response = analyst_client.get(status_url(article), headers=HTMX)

    assert response.status_code == 200
    assert "Processing" in response.text
    assert 'hx-trigger="every 1s"' in response.text


def test_status_polls_until_the_worker_is_done(
    editor_client, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            reverse("articles:article-create"),
            {"title": "Putin meets Xi", "published_on": "2026-01-28", "text": BODY},
        )
    article = Article.objects.get()

    page = editor_client.get(reverse("articles:article-detail", args=[article.pk]))
    queued = editor_client.get(status_url(article), headers=HTMX)

    for response in (page, queued):
        assert "Queued" in response.text
        assert f'hx-get="{status_url(article)}"' in response.text
        assert 'hx-trigger="every 1s"' in response.text
        assert 'hx-swap="outerHTML"' in response.text
    assert queued.status_code == 200
    assert queued.text.lstrip().startswith('<section id="extraction-status"')

    run_worker()
    done = editor_client.get(status_url(article), headers=HTMX)

    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.DONE
    assert done.status_code == 286  # htmx stops polling
    assert "Done" in done.text
    assert "hx-trigger" not in done.text


def test_status_without_htmx_is_a_plain_200(analyst_client, db):
    article = article_create(title="T", body=BODY, published_on=dt.date(2026, 1, 28))
    article.extraction_status = ExtractionStatus.DONE
    article.save()

    response = analyst_client.get(status_url(article))

    assert response.status_code == 200
