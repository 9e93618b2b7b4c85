import pytest
from django.urls import reverse

from tests.factories import make_article, make_meeting


@pytest.fixture
def pages(db):
    meeting = make_meeting(title="A meeting")
    article = make_article(title="An article")
    return {
        "timeline": reverse("events:meeting-list"),
        "meeting": reverse("events:meeting-detail", args=[meeting.pk]),
        "export": reverse("events:meeting-export"),
        "articles": reverse("articles:article-list"),
        "article": reverse("articles:article-detail", args=[article.pk]),
        "status": reverse("articles:article-status", args=[article.pk]),
        "upload": reverse("articles:article-create"),
        "import": reverse("articles:article-import"),
    }


@pytest.mark.parametrize(
    "page", ["timeline", "meeting", "export", "articles", "article", "status", "upload", "import"]
)
def test_anonymous_users_are_sent_to_log_in(client, pages, page):
    response = client.get(pages[page])

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={pages[page]}"


def test_login_page_works(client, db):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert 'name="password"' in response.text


def test_logging_in_leads_to_the_timeline(client, analyst_user):
    response = client.post(
        reverse("login"), {"username": "anna", "password": "anna-password"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("events:meeting-list")
    assert "Log out" in response.text


@pytest.mark.parametrize(
    "page", ["timeline", "meeting", "export", "articles", "article", "upload", "import"]
)
def test_users_in_no_group_are_forbidden(nobody_client, pages, page):
    assert nobody_client.get(pages[page]).status_code == 403


@pytest.mark.parametrize("page", ["timeline", "meeting", "export", "articles", "article"])
def test_analysts_can_read(analyst_client, pages, page):
    assert analyst_client.get(pages[page]).status_code == 200


@pytest.mark.parametrize("page", ["upload", "import"])
def test_analysts_cannot_upload(analyst_client, pages, page):
    assert analyst_client.get(pages[page]).status_code == 403
    assert analyst_client.post(pages[page], {}).status_code == 403


@pytest.mark.parametrize("page", ["upload", "import"])
def test_editors_can_upload(editor_client, pages, page):
    assert editor_client.get(pages[page]).status_code == 200


def test_analysts_see_no_upload_or_admin_link(analyst_client, pages):
    html = analyst_client.get(pages["timeline"]).text

    assert ">Timeline</a>" in html and ">Articles</a>" in html
    assert pages["upload"] not in html
    assert reverse("admin:index") not in html
    assert "anna" in html


def test_editors_see_upload_and_admin_links(editor_client, pages):
    html = editor_client.get(pages["timeline"]).text

    assert f'href="{pages["upload"]}"' in html
    assert f'href="{reverse("admin:index")}"' in html


def test_logout_is_a_post_form_and_every_page_sends_the_csrf_token_for_htmx(analyst_client, pages):
    html = analyst_client.get(pages["timeline"]).text

    assert f'method="post" action="{reverse("logout")}"' in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_htmx_is_served_from_our_static_files(analyst_client, pages):
    html = analyst_client.get(pages["timeline"]).text

    assert '<script src="/static/vendor/htmx.min.js" defer></script>' in html
    assert "unpkg" not in html and "cdn" not in html
