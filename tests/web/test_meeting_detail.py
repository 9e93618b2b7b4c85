import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse

from events.models import DatePrecision, MeetingKind, ParticipantRole, TextPart
from tests.factories import add_evidence, add_source, make_actor, make_article, make_meeting


@pytest.fixture
def meeting(db):
    lavrov = make_actor("Sergei Lavrov", country="RU")
    wang = make_actor("Wang Yi", country="CN")
    meeting = make_meeting(
        title="Wang Yi visits Moscow",
        kind=MeetingKind.VISIT,
        start=dt.date(2025, 10, 1),
        precision=DatePrecision.MONTH,
        city="Moscow",
        country="RU",
        participants=[(wang, ParticipantRole.VISITOR), (lavrov, ParticipantRole.HOST)],
    )
    tass = make_article(
        title="Wang Yi to visit Moscow in October",
        body="Chinese Foreign Minister Wang Yi will hold talks with Sergei Lavrov in Moscow.",
        source="TASS",
        url="https://tass.example/wang-yi",
        published_on=dt.date(2025, 9, 20),
    )
    add_source(meeting, tass)
    add_evidence(meeting, tass, "Wang Yi to visit Moscow in October", field=TextPart.TITLE)
    add_evidence(
        meeting, tass, "Chinese Foreign Minister Wang Yi will hold talks with Sergei Lavrov"
    )
    add_source(meeting, evidence=["Lavrov welcomed Wang in Moscow."])
    return meeting


def test_detail_shows_the_meeting(analyst_client, meeting):
    response = analyst_client.get(reverse("events:meeting-detail", args=[meeting.pk]))

    assert response.status_code == 200
    html = response.text
    assert "<h1>Wang Yi visits Moscow</h1>" in html
    assert "Oct 2025" in html
    assert "(known to the month)" in html
    assert "Visit" in html and "Occurred" in html and "Extracted" in html
    assert '>Moscow</a>, <a href="/countries/RU/">Russia</a>' in html
    assert "CAMEO <code>042; 043</code>" in html
    assert "PLOVER <code>CONSULT</code> (mode <code>visit</code>)" in html
    assert ">Wang Yi</a></td>" in html and "<td>Visitor</td>" in html
    assert ">Sergei Lavrov</a></td>" in html and "<td>Host</td>" in html
    assert "China</a> <abbr" in html


def test_detail_groups_evidence_by_source_article(analyst_client, meeting):
    html = analyst_client.get(reverse("events:meeting-detail", args=[meeting.pk])).text

    assert "TASS" in html
    assert "20 Sep 2025" in html
    assert 'href="https://tass.example/wang-yi"' in html
    assert html.count('<article class="source">') == 2
    tass = html.index("Wang Yi to visit Moscow in October</a>")
    headline = html.index("<blockquote>Wang Yi to visit Moscow in October</blockquote>")
    body = html.index("<blockquote>Chinese Foreign Minister Wang Yi will hold talks")
    other = html.index("<blockquote>Lavrov welcomed Wang in Moscow.</blockquote>")
    assert tass < headline < body < other
    assert "from the headline" in html
    assert "from the article's text" in html


def test_detail_of_an_unknown_meeting_is_404(analyst_client, db):
    assert analyst_client.get(reverse("events:meeting-detail", args=[999999])).status_code == 404


def test_editors_get_a_link_to_the_admin(editor_client, meeting):
    try:
        admin_url = reverse("admin:events_meeting_change", args=[meeting.pk])
    except NoReverseMatch:
        pytest.skip("The meeting admin is not registered.")

    html = editor_client.get(reverse("events:meeting-detail", args=[meeting.pk])).text

    assert f'href="{admin_url}"' in html


def test_analysts_get_no_admin_link(analyst_client, meeting):
    html = analyst_client.get(reverse("events:meeting-detail", args=[meeting.pk])).text

    assert "/admin/" not in html
