"""The CSV export at any size: streamed in chunks, the same rows, the timeline's filters."""

import csv
import io
from io import StringIO

from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.urls import reverse

from tests.factories import make_meeting

URL = reverse("events:meeting-export")


def rows_of(content: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content)))


def test_the_export_is_streamed_in_chunks_with_every_meeting_once(analyst_client, db, monkeypatch):
    monkeypatch.setattr("events.exports.EXPORT_CHUNK", 4)
    made = [make_meeting(title=f"Talks {number}") for number in range(11)]

    response = analyst_client.get(URL)

    assert isinstance(response, StreamingHttpResponse)
    chunks = list(response.streaming_content)
    assert len(chunks) == 12  # the header, then a line a meeting
    ids = [row["id"] for row in rows_of(b"".join(chunks).decode())]
    assert sorted(ids) == sorted(str(meeting.pk) for meeting in made)


def test_the_export_takes_repeated_countries_and_actors(analyst_client, timeline):
    putin, xi = timeline["actors"]["putin"], timeline["actors"]["xi"]

    both = rows_of(
        b"".join(analyst_client.get(URL, {"actor": [putin.pk, xi.pk]}).streaming_content).decode()
    )
    countries = rows_of(
        b"".join(analyst_client.get(URL, {"country": ["ru", "cn"]}).streaming_content).decode()
    )

    assert [row["id"] for row in both] == [str(timeline["moscow"].pk)]
    assert [row["id"] for row in countries] == [str(timeline["moscow"].pk)]


def test_the_export_follows_the_timeline_order(analyst_client, timeline):
    newest = rows_of(b"".join(analyst_client.get(URL).streaming_content).decode())
    oldest = rows_of(
        b"".join(analyst_client.get(URL, {"order": "oldest"}).streaming_content).decode()
    )

    assert [row["title"] for row in newest][:2] == [
        "Narendra Modi visits Jakarta",
        "Xi Jinping visits Moscow",
    ]
    assert oldest[0]["title"] == "Call: Narendra Modi and Joko Widodo"


def test_export_meetings_takes_repeated_countries_and_actors(timeline):
    out = StringIO()
    putin, modi = timeline["actors"]["putin"], timeline["actors"]["modi"]

    call_command("export_meetings", "--actor", str(putin.pk), "--actor", str(modi.pk), stdout=out)
    by_actors = rows_of(out.getvalue())
    out = StringIO()
    call_command("export_meetings", "--country", "id", "--country", "IN", stdout=out)
    by_countries = rows_of(out.getvalue())

    assert [row["id"] for row in by_actors] == [str(timeline["undated"].pk)]
    assert {row["id"] for row in by_countries} == {
        str(timeline["call"].pk),
        str(timeline["jakarta"].pk),
    }
