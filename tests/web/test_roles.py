"""Who may see and do what: every page of the site and the editors' admin pages, walked as an
anonymous visitor, an analyst, an editor and a superuser.

The table must name every URL of the site's apps: a new page without a row fails here."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import get_resolver, reverse

from articles.models import ImportBatch, ImportBatchKind
from events.models import ExportJob
from tests.factories import add_source, make_actor, make_article, make_meeting

READ, EDIT = "read", "edit"  # analysts and editors may see it; only editors may

# name: (who may, args from the objects, GET status for those who may[, status when signed out:
# a sign-in page's redirect unless given])
PAGES = {
    "events:meeting-list": (READ, [], 200),
    "events:meeting-export": (READ, [], 200),
    "events:meeting-histogram": (READ, [], 200),
    "events:meeting-detail": (READ, ["meeting"], 200),
    "events:actor-suggestions": (READ, [], 200),
    "events:country-suggestions": (READ, [], 200),
    "events:export-list": (READ, [], 200),
    "events:export-meetings": (READ, [], 200),
    "events:export-actors": (READ, [], 200),
    "events:export-articles": (READ, [], 200),
    # The analyst's own export job: staff see every job (and another analyst none, in
    # tests/web/test_export_jobs.py).
    "events:export-job": (READ, ["export_job"], 200),
    "events:export-job-download": (READ, ["export_job"], 200),
    "events:export-job-retry": (READ, ["export_job"], 405),
    "events:meeting-merge": (EDIT, [], 400),  # no ids given: the page says to choose some
    "events:meeting-split": (EDIT, ["meeting"], 200),
    "events:review-list": (EDIT, [], 200),
    "events:review-edit": (EDIT, ["meeting"], 200),
    "events:review-verdict": (EDIT, ["meeting"], 405),  # POST only
    "events:review-bulk": (EDIT, [], 405),
    "events:article-retry-extraction": (EDIT, ["article"], 405),
    "events:meeting-related": (READ, ["meeting"], 200),
    "events:actor-detail": (READ, ["actor"], 200),
    "events:country-matrix": (READ, [], 200),
    "events:country-detail": (READ, ["country"], 200),
    "events:country-pair": (READ, ["country", "partner"], 200),
    "events:upcoming": (READ, [], 200),
    "events:calendar-link": (READ, [], 405),
    # What a calendar app or a script reads answers 401, not a sign-in page.
    "events:upcoming-calendar": (READ, [], 200, 401),
    "events:meeting-api": (READ, [], 200, 401),
    "events:actor-api": (READ, ["actor"], 200, 401),
    "articles:article-list": (READ, [], 200),
    "articles:article-detail": (READ, ["article"], 200),
    "articles:article-status": (READ, ["article"], 200),
    "articles:article-create": (EDIT, [], 200),
    "articles:article-import": (EDIT, [], 200),
    "articles:import-detail": (EDIT, ["batch"], 200),
    "articles:import-progress": (EDIT, ["batch"], 200),
}
# Posts that change something: only editors get past the permission check.
CHANGES = {
    "events:review-verdict": {"verdict": "verify"},
    "events:review-bulk": {"action": "verify"},
    "events:review-edit": {},
    "events:meeting-merge": {},
    "events:meeting-split": {},
    "events:article-retry-extraction": {},
    "articles:article-create": {},
    "articles:article-import": {},
}
ADMIN_PAGES = [
    "admin:index",
    "admin:events_meeting_changelist",
    "admin:events_actor_changelist",
    "admin:events_country_changelist",
    "admin:events_meetingtombstone_changelist",
    "admin:events_actortombstone_changelist",
    "admin:articles_article_changelist",
]
ROLES = ["anonymous", "nobody", "analyst", "editor", "superuser"]


def test_the_table_names_every_page():
    resolver = get_resolver()
    named = {
        f"{namespace}:{name}"
        for namespace in ("events", "articles")
        for name in resolver.namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str)
    }
    assert named == set(PAGES)


@pytest.fixture
def objects(db, analyst_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    export_job = ExportJob.objects.create(
        requested_by=analyst_user, state=ExportJob.State.DONE, row_count=0
    )
    export_job.file.save("meetings.csv", ContentFile(b"id\n"))
    actor = make_actor("Aino Salo", country="FI")
    meeting = make_meeting(participants=[actor, make_actor("Lea Ott", country="EE")])
    article = make_article(title="A report")
    add_source(meeting, article)
    batch = ImportBatch.objects.create(kind=ImportBatchKind.JSONL, name="lines.jsonl")
    return {
        "meeting": meeting.pk,
        "article": article.pk,
        "batch": batch.pk,
        "actor": actor.pk,
        "country": "FI",
        "partner": "EE",
        "export_job": export_job.pk,
    }


@pytest.fixture
def client_as(role_groups, editor_user, analyst_user):
    def make(role: str) -> Client:
        client = Client()
        users = {
            "nobody": lambda: get_user_model().objects.create_user("nobody", password="x" * 12),
            "analyst": lambda: analyst_user,
            "editor": lambda: editor_user,
            "superuser": lambda: get_user_model().objects.create_superuser(
                "root", password="y" * 12
            ),
        }
        if role in users:
            client.force_login(users[role]())
        return client

    return make


def _allowed(role: str, who: str) -> bool:
    if role in ("editor", "superuser"):
        return True
    return role == "analyst" and who == READ


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(client_as, objects, role):
    client = client_as(role)
    for name, (who, args, status, *signed_out) in PAGES.items():
        url = reverse(name, args=[objects[arg] for arg in args])
        response = client.get(url)
        if role == "anonymous":
            expected = signed_out[0] if signed_out else 302
        elif status == 405 or _allowed(role, who):  # a wrong method is refused to anyone
            expected = status
        else:
            expected = 403
        assert response.status_code == expected, f"{role} GET {name}"


@pytest.mark.parametrize("role", ["analyst", "nobody"])
def test_only_editors_change_anything(client_as, objects, role):
    client = client_as(role)
    for name, data in CHANGES.items():
        args = [objects[arg] for arg in PAGES[name][1]]
        assert client.post(reverse(name, args=args), data).status_code == 403, name


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_by_role(client_as, objects, role):
    client = client_as(role)
    for name in ADMIN_PAGES:
        response = client.get(reverse(name))
        if role in ("editor", "superuser"):
            assert response.status_code == 200, f"{role} {name}"
        else:
            assert response.status_code == 302, f"{role} {name}"
            assert response["Location"].startswith((reverse("admin:login"), reverse("login")))


def test_editors_cannot_add_or_change_tombstones(client_as, objects):
    client = client_as("editor")

    assert client.get(reverse("admin:events_actortombstone_add")).status_code == 403
    assert client.get(reverse("admin:events_meetingtombstone_add")).status_code == 403
