"""A meeting id answers for good: the meeting, the one it was merged into, or 410 Gone. The
page says why each field is what it is."""

import datetime as dt

from django.urls import reverse

from events.curation import meeting_merge, meetings_set_review_state
from events.extraction.types import Reason
from events.store import meetings_replace_for_article
from tests.factories import evidence_span, make_article, make_finding, person_finding

PRABOWO = person_finding("Prabowo Subianto", "ID", "visitor", title="President")
ALBANESE = person_finding("Anthony Albanese", "AU", "host", title="Prime Minister")
SENTENCE = "Prabowo dijadwalkan mengunjungi Canberra pada 12 November 2025."


def url(pk: int) -> str:
    return reverse("events:meeting-detail", args=[pk])


def planned_visit():
    article = make_article(title="Kunjungan", body=SENTENCE, published_on=dt.date(2025, 11, 1))
    span = evidence_span(article, SENTENCE)
    finding = make_finding(
        status="planned",
        start=dt.date(2025, 11, 12),
        city="Canberra",
        venue="AU",
        participants=[PRABOWO, ALBANESE],
        evidence=[span],
    )
    finding.reasons = {"status": Reason("scheduled", ("dijadwalkan",), span)}
    [meeting] = meetings_replace_for_article(article=article, findings=[finding])
    return meeting, article


def test_the_page_says_which_rule_and_article_decided_a_field(analyst_client, db):
    meeting, article = planned_visit()

    html = analyst_client.get(url(meeting.pk)).text

    assert "rule <code>scheduled</code>, “dijadwalkan” in: <q>" + SENTENCE + "</q>" in html
    assert (
        f'decided by\n  <a href="{reverse("articles:article-detail", args=[article.pk])}">' in html
    )


def test_a_merged_meeting_redirects_for_good(analyst_client, db):
    meeting, _ = planned_visit()
    later = make_article(body="Prabowo visited Canberra in December.")
    [other] = meetings_replace_for_article(
        article=later,
        findings=[
            make_finding(
                start=dt.date(2025, 12, 3),
                city="Canberra",
                venue="AU",
                participants=[PRABOWO, ALBANESE],
            )
        ],
    )
    assert other.pk != meeting.pk
    meeting_merge(meeting=other, into=meeting)

    response = analyst_client.get(url(other.pk))

    assert response.status_code == 301
    assert response["Location"] == url(meeting.pk)


def test_a_removed_meeting_answers_410_with_a_clear_page(analyst_client, db):
    meeting, article = planned_visit()
    meetings_replace_for_article(article=article, findings=[])

    response = analyst_client.get(url(meeting.pk))

    assert response.status_code == 410
    assert f"Meeting {meeting.pk} no longer exists" in response.text
    assert "no article reports it any more" in response.text


def test_an_id_that_never_existed_is_404(analyst_client, db):
    assert analyst_client.get(url(987654)).status_code == 404


def test_a_curated_meeting_without_source_says_so(analyst_client, db):
    meeting, article = planned_visit()
    meetings_set_review_state(meetings=[meeting], state="verified")
    article.delete()

    html = analyst_client.get(url(meeting.pk)).text

    assert "No source left" in html
    assert "An editor verified it" in html
