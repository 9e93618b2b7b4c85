"""A meeting an editor verified, edited or rejected is never changed, deleted or re-created by
extraction: new reports only add their source and evidence to it."""

import datetime as dt

import pytest

from articles.services import article_delete
from events.curation import meeting_mark_edited, meetings_set_review_state
from events.models import Meeting, MeetingSource, ReviewState
from events.store import meetings_replace_for_article
from tests.factories import evidence_span, make_article, make_finding, person_finding

SHARAA = person_finding("Ahmad al-Sharaa", "SY", "visitor", title="President")
PUTIN = person_finding("Vladimir Putin", "RU", "host", title="President")
VISIT = "Al-Sharaa met Putin in Moscow on 15 October 2025."


def report(text: str = VISIT, *, published=dt.date(2025, 10, 16), **finding):
    article = make_article(body=text, published_on=published)
    finding.setdefault("participants", [SHARAA, PUTIN])
    return article, make_finding(evidence=[evidence_span(article, text)], **finding)


def extract(article, *findings) -> list[Meeting]:
    return meetings_replace_for_article(article=article, findings=list(findings))


def curate(meeting: Meeting, how: str) -> None:
    """Give the meeting an editor's verdict, or an editor's edit (a corrected city)."""
    if how == "edited":
        meeting.city = "Moskva"
        meeting.save()
        meeting_mark_edited(meeting=meeting)
    else:
        meetings_set_review_state(meetings=[meeting], state=how)
    meeting.refresh_from_db()


def fields(meeting: Meeting) -> tuple:
    meeting.refresh_from_db()
    actors = sorted((p.actor_id, p.role) for p in meeting.participants.all())
    return (
        meeting.title,
        meeting.kind,
        meeting.status,
        meeting.start_date,
        meeting.end_date,
        meeting.date_precision,
        meeting.city,
        meeting.country_id,
        meeting.review_state,
        meeting.edited,
        actors,
    )


CURATIONS = [ReviewState.VERIFIED, ReviewState.REJECTED, "edited"]


@pytest.fixture(params=CURATIONS)
def curated(request, db):
    """A meeting extracted from one article, then curated by an editor."""
    article, finding = report()
    [meeting] = extract(article, finding)
    curate(meeting, request.param)
    return {"meeting": meeting, "article": article, "finding": finding, "before": fields(meeting)}


def test_extracting_again_leaves_a_curated_meeting_as_it_is(curated):
    meeting, article = curated["meeting"], curated["article"]
    changed = make_finding(
        participants=[SHARAA, PUTIN],
        status="planned",
        start=dt.date(2025, 10, 16),
        city="Sochi",
        evidence=[evidence_span(article, "Putin in Moscow")],
    )

    [stored] = extract(article, changed)

    assert stored == meeting
    assert Meeting.objects.count() == 1
    assert fields(meeting) == curated["before"]
    assert list(meeting.articles.all()) == [article]
    assert {e.text for e in meeting.evidence.all()} == {VISIT, "Putin in Moscow"}


def test_finding_nothing_any_more_does_not_delete_a_curated_meeting(curated):
    meeting, article = curated["meeting"], curated["article"]

    extract(article)

    assert fields(meeting) == curated["before"]
    assert list(meeting.articles.all()) == [article]
    assert meeting.evidence.count() == 1


def test_a_curated_meeting_is_not_re_created_even_when_the_editor_moved_it(curated):
    """The editor corrected the date far from what the article said: reading the article
    again must find the same meeting, not add the old reading back beside it."""
    meeting, article = curated["meeting"], curated["article"]
    Meeting.objects.filter(pk=meeting.pk).update(start_date=dt.date(2025, 11, 20), edited=True)
    before = fields(meeting)

    [stored] = extract(article, curated["finding"])

    assert stored == meeting
    assert Meeting.objects.count() == 1
    assert fields(meeting) == before


def test_a_new_report_of_a_curated_meeting_attaches_to_it(curated):
    meeting = curated["meeting"]
    text = "Putin welcomed al-Sharaa to the Kremlin on Wednesday."
    other_article, other = report(text, published=dt.date(2025, 10, 20), city=None)

    [stored] = extract(other_article, other)

    assert stored == meeting
    assert Meeting.objects.count() == 1
    assert fields(meeting) == curated["before"]
    assert set(meeting.articles.all()) == {curated["article"], other_article}
    assert {e.text for e in meeting.evidence.all()} == {VISIT, text}


def test_deleting_a_source_article_keeps_a_curated_meeting(curated):
    meeting = curated["meeting"]
    other_article, other = report("Putin met al-Sharaa.", published=dt.date(2025, 10, 20))
    extract(other_article, other)

    article_delete(article=curated["article"])
    article_delete(article=other_article)

    assert fields(meeting) == curated["before"]
    assert not MeetingSource.objects.filter(meeting=meeting).exists()


def test_a_rejected_meeting_stays_rejected_when_reported_again(db):
    article, finding = report()
    [meeting] = extract(article, finding)
    curate(meeting, ReviewState.REJECTED)
    later_article, later = report(
        "Al-Sharaa was in Moscow for talks with Putin.", published=dt.date(2025, 10, 25)
    )

    extract(article, finding)
    extract(later_article, later)

    assert list(Meeting.objects.values_list("pk", "review_state")) == [
        (meeting.pk, ReviewState.REJECTED)
    ]


def test_an_uncurated_meeting_beside_a_curated_one_is_still_recomputed(db):
    curated_article, curated_finding = report()
    [verified] = extract(curated_article, curated_finding)
    curate(verified, ReviewState.VERIFIED)
    call_text = "Putin and al-Sharaa spoke by telephone on 15 October."
    call_article, call = report(call_text, kind="call", city=None, venue=None)
    extract(call_article, call)

    extract(
        call_article,
        make_finding(
            kind="call",
            participants=[SHARAA, PUTIN],
            start=dt.date(2025, 10, 14),
            city=None,
            venue=None,
            evidence=[evidence_span(call_article, call_text)],
        ),
    )

    assert Meeting.objects.count() == 2
    assert Meeting.objects.get(kind="call").start_date == dt.date(2025, 10, 14)
    assert fields(verified)[3] == dt.date(2025, 10, 15)
