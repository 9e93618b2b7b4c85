"""The exports page and its downloads: meetings as CSV, Excel-ready CSV and JSON lines of
event data; actors with aliases and roles; articles with their extraction status."""

import csv
import io
import json

import pytest
from django.urls import reverse

from articles.models import ExtractionStatus
from events.models import ActorAlias, ActorRole, MeetingKind, ParticipantRole
from tests.factories import add_source, make_actor, make_article, make_meeting


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def records(response) -> list[dict]:
    text = body_of(response).removeprefix("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text)))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def data(db):
    host = make_actor("Дарья Волкова", country="RU", verified=True)
    ActorAlias.objects.create(actor=host, name="Darya Volkova")
    ActorRole.objects.create(actor=host, title="Foreign Minister", country_id="RU")
    guest = make_actor("=Renée Faucher", country="FR")
    visit = make_meeting(
        title="Faucher visits Moscow",
        kind=MeetingKind.VISIT,
        city="Moscow",
        country="RU",
        participants=[(guest, ParticipantRole.VISITOR), (host, ParticipantRole.HOST)],
    )
    article = make_article(title="Faucher lands in Moscow", url="https://news.example/faucher")
    add_source(visit, article, evidence=[("title", "Faucher lands in Moscow")])
    make_article(title="Nothing found here", status=ExtractionStatus.FAILED,
                 extraction_error="engine stopped")  # fmt: skip
    return {"host": host, "guest": guest, "visit": visit, "article": article}


def test_the_page_offers_every_export(analyst_client, data):
    html = analyst_client.get(reverse("events:export-list")).text

    for name in ("export-meetings", "export-actors", "export-articles"):
        assert reverse(f"events:{name}") in html


def test_meetings_as_event_data_lines(analyst_client, data):
    response = analyst_client.get(reverse("events:export-meetings"), {"format": "jsonl"})

    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"].endswith('.jsonl"')
    [record] = [json.loads(line) for line in body_of(response).splitlines()]
    assert record["id"] == data["visit"].pk
    assert record["event_type"] == "CONSULT"
    assert record["actors"] == [{"name": "=Renée Faucher", "country": "FR", "role": "visitor"}]
    assert record["recipients"] == [{"name": "Дарья Волкова", "country": "RU", "role": "host"}]
    assert record["event_date"] == "2026-01-28" and record["date_precision"] == "day"
    assert record["location"] == {"city": "Moscow", "country": "RU"}
    assert record["source_urls"] == ["https://news.example/faucher"]
    assert record["evidence"] == [
        {
            "article_id": data["article"].pk,
            "text": "Faucher lands in Moscow",
            "source_url": "https://news.example/faucher",
        }
    ]


def test_the_excel_variant_starts_with_a_byte_order_mark(analyst_client, data):
    response = analyst_client.get(reverse("events:export-meetings"), {"format": "excel"})

    text = body_of(response)
    assert text.startswith("\ufeffid,title,")
    assert "Дарья Волкова" in text
    assert response["Content-Disposition"].endswith('-excel.csv"')


def test_an_unknown_format_is_refused(analyst_client, data):
    response = analyst_client.get(reverse("events:export-meetings"), {"format": "xls"})

    assert response.status_code == 400
    assert "format" in response.text


def test_actors_with_aliases_and_roles_formula_safe(analyst_client, data):
    rows = records(analyst_client.get(reverse("events:export-actors")))

    by_id = {row["id"]: row for row in rows}
    host = by_id[str(data["host"].pk)]
    assert host["aliases"] == "Darya Volkova"
    assert host["roles"] == "Foreign Minister (RU)"
    assert host["verified"] == "yes" and host["meeting_count"] == "1"
    assert by_id[str(data["guest"].pk)]["name"] == "'=Renée Faucher"


def test_actors_follow_their_filters(analyst_client, data):
    rows = records(
        analyst_client.get(reverse("events:export-actors"), {"country": "fr", "q": "faucher"})
    )
    assert [row["id"] for row in rows] == [str(data["guest"].pk)]

    refused = analyst_client.get(reverse("events:export-actors"), {"country": "QQ"})
    assert refused.status_code == 400 and "no country code" in refused.text


def test_articles_with_their_extraction_status(analyst_client, data):
    rows = records(analyst_client.get(reverse("events:export-articles"), {"status": "failed"}))

    assert [(row["title"], row["extraction_error"]) for row in rows] == [
        ("Nothing found here", "engine stopped")
    ]
    everything = records(analyst_client.get(reverse("events:export-articles")))
    assert {row["title"]: row["meeting_count"] for row in everything}[
        "Faucher lands in Moscow"
    ] == "1"


@pytest.mark.parametrize(
    "name", ["export-list", "export-meetings", "export-actors", "export-articles"]
)
def test_users_in_no_group_cannot_export(nobody_client, data, name):
    assert nobody_client.get(reverse(f"events:{name}")).status_code == 403
