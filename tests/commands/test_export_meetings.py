"""export_meetings: the meetings CSV contract, written to a file or standard output."""

import csv
import datetime as dt
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.exports import COLUMNS
from events.models import DatePrecision, MeetingKind, MeetingStatus, ParticipantRole, ReviewState
from tests.factories import add_source, make_actor, make_article, make_meeting

CONTRACT = [
    "id",
    "title",
    "kind",
    "status",
    "start_date",
    "end_date",
    "date_precision",
    "location_city",
    "location_country",
    "countries",
    "participants",
    "participant_countries",
    "article_ids",
    "article_urls",
    "review_state",
]

VISITOR, HOST = ParticipantRole.VISITOR, ParticipantRole.HOST


@pytest.fixture
def meetings(db):
    """A visit reported twice, a meeting at a third place, a call, a plan, a rejected one."""
    putin = make_actor("Vladimir Putin", country="RU")
    xi = make_actor("Xi Jinping", country="CN")
    trump = make_actor("Donald Trump", country="US")
    modi = make_actor("Narendra Modi", country="IN")
    widodo = make_actor("Joko Widodo", country="ID")
    found = {
        "moscow": make_meeting(
            title="Xi Jinping visits Moscow, hosted by Vladimir Putin",
            kind=MeetingKind.VISIT,
            start=dt.date(2026, 1, 27),
            end=dt.date(2026, 1, 29),
            city="Moscow",
            country="RU",
            participants=[(xi, VISITOR), (putin, HOST)],
        ),
        "geneva": make_meeting(
            title="Meeting of Donald Trump and Vladimir Putin in Geneva",
            start=dt.date(2025, 10, 1),
            precision=DatePrecision.MONTH,
            city="Geneva",
            country="CH",
            participants=[trump, putin],
        ),
        "call": make_meeting(
            title="Call: Narendra Modi and Joko Widodo",
            kind=MeetingKind.CALL,
            start=dt.date(2025, 11, 3),
            participants=[modi, widodo],
        ),
        "jakarta": make_meeting(
            title="Narendra Modi visits Jakarta, hosted by Joko Widodo",
            kind=MeetingKind.VISIT,
            status=MeetingStatus.PLANNED,
            start=dt.date(2026, 3, 10),
            city="Jakarta",
            country="ID",
            review_state=ReviewState.VERIFIED,
            participants=[(modi, VISITOR), (widodo, HOST)],
        ),
        "rejected": make_meeting(
            title="Rejected reading",
            start=dt.date(2026, 1, 28),
            review_state=ReviewState.REJECTED,
            participants=[putin, xi],
        ),
    }
    wire = make_article(
        external_id="wire-1",
        url="https://example.com/xi-moscow",
        body="Xi Jinping arrived at the Kremlin on Tuesday for talks with Vladimir Putin.",
    )
    add_source(
        found["moscow"],
        wire,
        evidence=["Xi Jinping arrived at the Kremlin on Tuesday for talks with Vladimir Putin."],
    )
    found["upload"] = make_article(body="An uploaded article without an id or an address.")
    add_source(found["moscow"], found["upload"])
    return {"actors": {"putin": putin, "modi": modi}, **found}


def export(*args: str) -> list[dict[str, str]]:
    """Run the command to standard output; returns its rows as dicts (header checked)."""
    out = StringIO()
    call_command("export_meetings", *args, stdout=out, stderr=StringIO())
    header, *rows = csv.reader(io.StringIO(out.getvalue()))
    assert header == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in rows]


def ids(rows: list[dict[str, str]]) -> list[str]:
    return [row["id"] for row in rows]


def test_the_header_is_the_contract_then_the_codes():
    assert COLUMNS[:15] == CONTRACT
    assert COLUMNS[15:] == ["cameo_code", "plover_type", "plover_mode"]


def test_the_export_writes_the_contract_header_and_newest_first(meetings):
    rows = export()

    # The rejected meeting is left out by default, as on the timeline.
    assert ids(rows) == [str(meetings[name].pk) for name in ("jakarta", "moscow", "call", "geneva")]


def test_a_row_carries_every_contract_field(meetings):
    moscow = meetings["moscow"]
    [row] = [row for row in export() if row["id"] == str(moscow.pk)]

    assert row == {
        "id": str(moscow.pk),
        "title": "Xi Jinping visits Moscow, hosted by Vladimir Putin",
        "kind": "visit",
        "status": "occurred",
        "start_date": "2026-01-27",
        "end_date": "2026-01-29",
        "date_precision": "day",
        "location_city": "Moscow",
        "location_country": "RU",
        "countries": "CN; RU",
        "participants": "Vladimir Putin; Xi Jinping",
        "participant_countries": "CN; RU",
        # An article's external id, or its own id when it has none; in the order stored.
        "article_ids": f"wire-1; {meetings['upload'].pk}",
        "article_urls": "https://example.com/xi-moscow",
        "review_state": "extracted",
        "cameo_code": "042; 043",
        "plover_type": "CONSULT",
        "plover_mode": "visit",
    }


def test_countries_are_the_participants_and_the_venue(meetings):
    [row] = [row for row in export() if row["id"] == str(meetings["geneva"].pk)]

    assert row["location_country"] == "CH"
    assert row["participant_countries"] == "RU; US"
    assert row["countries"] == "CH; RU; US"
    assert (row["start_date"], row["end_date"], row["date_precision"]) == (
        "2025-10-01",
        "",
        "month",
    )
    assert (row["cameo_code"], row["plover_mode"]) == ("044", "third-party")


def test_codes_follow_kind_and_status(meetings):
    rows = {row["id"]: row for row in export()}
    codes = {
        name: tuple(rows[str(meetings[name].pk)][column] for column in COLUMNS[15:])
        for name in ("moscow", "geneva", "call", "jakarta")
    }

    assert codes == {
        "moscow": ("042; 043", "CONSULT", "visit"),
        "geneva": ("044", "CONSULT", "third-party"),
        "call": ("041", "CONSULT", "phone"),
        "jakarta": ("036", "AGREE", "visit"),
    }


def test_cells_that_look_like_formulas_are_neutralised(db):
    meeting = make_meeting(title="=cmd|' /C calc'!A0", city="+1", participants=[])
    make_meeting(title="@SUM(A1)", city="-2", start=dt.date(2026, 1, 1))
    meeting.participants.create(actor=make_actor("-2 Mallory"), role="participant")
    add_source(meeting, make_article(external_id="=HYPERLINK(1)", url="https://example.com/ok"))

    rows = export()

    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["location_city"] == "'+1"
    assert rows[0]["participants"] == "'-2 Mallory"
    assert rows[0]["article_ids"] == "'=HYPERLINK(1)"
    assert rows[0]["article_urls"] == "https://example.com/ok"
    assert rows[1]["title"] == "'@SUM(A1)"
    assert rows[1]["location_city"] == "'-2"


def test_output_writes_the_same_csv_to_a_file(meetings, tmp_path):
    path = tmp_path / "meetings.csv"
    out, err = StringIO(), StringIO()

    call_command("export_meetings", "--output", str(path), stdout=out, stderr=err)

    assert out.getvalue() == ""
    assert err.getvalue().strip() == f"4 meetings written to {path}."
    to_stdout = StringIO()
    call_command("export_meetings", stdout=to_stdout)
    written = path.read_bytes().decode("utf-8")
    assert written == to_stdout.getvalue()
    assert written.startswith(",".join(COLUMNS) + "\r\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--country", "RU"], {"moscow", "geneva"}),
        (["--country", "ch"], {"geneva"}),  # the venue alone counts; the code in any case
        (["--country", "IN"], {"call", "jakarta"}),
        (["--kind", "call"], {"call"}),
        (["--kind", "visit"], {"moscow", "jakarta"}),
        (["--status", "planned"], {"jakarta"}),
        (["--review-state", "verified"], {"jakarta"}),
        (["--review-state", "rejected"], {"rejected"}),
        (["--review-state", "all"], {"moscow", "geneva", "call", "jakarta", "rejected"}),
        (["--q", "kremlin"], {"moscow"}),  # words of the evidence
        (["--q", "Geneva"], {"geneva"}),
        (["--q", "Widodo"], {"call", "jakarta"}),
        # A meeting counts when any of its days falls in the range.
        (["--from", "2026-01-29"], {"moscow", "jakarta"}),
        (["--to", "2026-01-27"], {"moscow", "call", "geneva"}),
        (["--from", "2025-11-03", "--to", "2025-11-03"], {"call"}),
        # "October 2025" may be any day of October.
        (["--from", "2025-10-15", "--to", "2025-10-20"], {"geneva"}),
        (["--from", "2025-11-01", "--to", "2025-11-30"], {"call"}),
        (["--kind", "visit", "--country", "RU"], {"moscow"}),
    ],
)
def test_filters(meetings, args, expected):
    assert set(ids(export(*args))) == {str(meetings[name].pk) for name in expected}


@pytest.mark.parametrize(
    ("args", "included"),
    [
        (["--from", "2025-12-31"], True),
        (["--from", "2026-01-01"], False),
        (["--to", "2025-01-01"], True),
        (["--to", "2024-12-31"], False),
    ],
)
def test_a_date_known_to_the_year_stands_for_the_whole_year(db, args, included):
    meeting = make_meeting(start=dt.date(2025, 1, 1), precision=DatePrecision.YEAR)

    assert (str(meeting.pk) in ids(export(*args))) is included


def test_actor_filter(meetings):
    modi = meetings["actors"]["modi"]

    rows = export("--actor", str(modi.pk))

    assert set(ids(rows)) == {str(meetings["call"].pk), str(meetings["jakarta"].pk)}


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--from", "2026-13-01"], "--from: Enter a valid date."),
        (["--to", "yesterday"], "--to: Enter a valid date."),
        (
            ["--from", "2026-02-01", "--to", "2026-01-01"],
            "start of the date range is after its end",
        ),
        (["--kind", "party"], "--kind: Select a valid choice. party is not one of the available"),
        (["--status", "happened"], "--status: Select a valid choice."),
        (["--review-state", "approved"], "--review-state: Select a valid choice."),
        (["--country", "ZZ"], "--country: Unknown country code: ZZ"),
        (["--actor", "999999"], "--actor: No actor has the id 999999."),
        (["--actor", "Putin"], "--actor: An actor is given by its id, a whole number."),
    ],
)
def test_an_invalid_filter_is_an_error_with_its_reason(db, args, reason, tmp_path):
    path = tmp_path / "meetings.csv"

    with pytest.raises(CommandError, match="Invalid filters") as error:
        call_command("export_meetings", *args, "--output", str(path), stdout=StringIO())

    assert reason in str(error.value)
    assert not path.exists()
