"""export_meetings --format, export_actors and export_articles: the web exports' files."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import ActorAlias
from tests.factories import make_actor, make_article, make_meeting


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_export_meetings_as_json_lines():
    make_meeting(title="Nilsen meets Oduya", participants=[make_actor("Kari Nilsen", country="NO")])

    out, _ = run("export_meetings", "--format", "jsonl")

    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["title"] == "Nilsen meets Oduya"
    assert record["actors"][0]["name"] == "Kari Nilsen"


@pytest.mark.django_db
def test_export_meetings_for_excel_to_a_file(tmp_path):
    make_meeting(title="Ørsted talks")
    target = tmp_path / "meetings.csv"

    _, err = run("export_meetings", "--format", "excel", "--output", str(target))

    assert target.read_bytes().startswith("\ufeffid,".encode())
    assert "1 meetings written" in err


@pytest.mark.django_db
def test_export_actors_with_filters():
    kari = make_actor("Kari Nilsen", country="NO")
    ActorAlias.objects.create(actor=kari, name="K. Nilsen")
    make_actor("Someone Else", country="SE")

    out, _ = run("export_actors", "--country", "NO", "--q", "nilsen")

    lines = out.splitlines()
    assert lines[0].startswith("id,name,kind,country")
    assert len(lines) == 2 and "K. Nilsen" in lines[1]

    with pytest.raises(CommandError, match="no country code"):
        run("export_actors", "--country", "XX")


@pytest.mark.django_db
def test_export_articles_by_status_and_date(tmp_path):
    make_article(title="Kept", status="done")
    make_article(title="Failed one", status="failed")
    target = tmp_path / "articles.csv"

    _, err = run("export_articles", "--status", "failed", "--from", "2026-01-01", "-o", str(target))

    assert "1 articles written" in err
    assert "Failed one" in target.read_text(encoding="utf-8")

    with pytest.raises(CommandError, match="is not a day"):
        run("export_articles", "--from", "yesterday")
