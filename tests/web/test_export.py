import csv
import io

from django.urls import reverse
from django.utils import timezone

from events.exports import COLUMNS
from tests.factories import add_source, make_actor, make_article, make_meeting

URL = reverse("events:meeting-export")


def read_csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(content)))


def test_export_is_a_dated_csv_attachment(analyst_client, timeline):
    response = analyst_client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="entente-meetings-{today}.csv"'
    )


def test_export_header_is_the_contract(analyst_client, timeline):
    rows = read_csv(analyst_client.get(URL))

    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 4  # the rejected meeting is left out, as on the timeline


def test_export_rows_follow_the_filters(analyst_client, timeline):
    rows = read_csv(analyst_client.get(URL, {"country": "ID", "kind": "visit"}))

    header, *body = rows
    records = [dict(zip(header, row, strict=True)) for row in body]
    assert [record["id"] for record in records] == [str(timeline["jakarta"].pk)]
    record = records[0]
    assert record["title"] == "Narendra Modi visits Jakarta"
    assert record["status"] == "planned"
    assert record["start_date"] == "2026-03-10"
    assert record["location_country"] == "ID"
    assert record["participant_countries"] == "ID; IN"
    assert record["review_state"] == "verified"


def test_export_neutralises_formulas(analyst_client, db):
    evil = make_actor('=HYPERLINK("https://evil.example","click")', country="RU")
    meeting = make_meeting(title="+SUM(A1)", participants=[evil])
    add_source(meeting, make_article(url="https://example.com/a"))

    header, row = read_csv(analyst_client.get(URL))
    record = dict(zip(header, row, strict=True))

    assert record["participants"] == '\'=HYPERLINK("https://evil.example","click")'
    assert record["title"] == "'+SUM(A1)"


def test_export_with_invalid_filters_is_400_with_the_reason(analyst_client, db):
    response = analyst_client.get(URL, {"date_from": "2026-02-01", "date_to": "2026-01-01"})

    assert response.status_code == 400
    assert "The start of the date range is after its end." in response.text


def test_export_names_the_bad_field(analyst_client, db):
    response = analyst_client.get(URL, {"country": "XX"})

    assert response.status_code == 400
    assert "Country: Unknown country code: XX" in response.text
