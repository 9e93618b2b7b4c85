"""Merging what articles report into meetings: one meeting per encounter, many sources.

The findings are built by hand (no engine): they are what the engine would report.
"""

import datetime as dt

import pytest

from articles.services import article_delete
from events.models import Evidence, Meeting, MeetingSource, Participant
from events.store import meetings_replace_for_article
from tests.factories import evidence_span, make_article, make_finding, person_finding

SHARAA = person_finding("Ahmad al-Sharaa", "SY", "visitor", title="President")
PUTIN = person_finding("Vladimir Putin", "RU", "host", title="President")
VISIT = (
    "Syrian President Ahmad al-Sharaa met Russian President Vladimir Putin in Moscow on "
    "Wednesday, 15 October 2025."
)


def report(text: str = VISIT, *, published=dt.date(2025, 10, 16), **finding):
    """An article holding `text`, and a finding of it with `text` as its evidence."""
    article = make_article(title=f"Report of {published}", body=text, published_on=published)
    finding.setdefault("participants", [SHARAA, PUTIN])
    return article, make_finding(evidence=[evidence_span(article, text)], **finding)


def extract(article, *findings) -> list[Meeting]:
    return meetings_replace_for_article(article=article, findings=list(findings))


def only_meeting() -> Meeting:
    [meeting] = Meeting.objects.all()
    return meeting


def participants(meeting: Meeting) -> set[tuple[str, str]]:
    return {(p.actor.country_id, p.role) for p in meeting.participants.select_related("actor")}


def test_a_finding_becomes_a_meeting_with_its_source_evidence_and_participants(db):
    article, finding = report()

    [stored] = extract(article, finding)

    meeting = only_meeting()
    assert stored == meeting
    assert (meeting.kind, meeting.status) == ("visit", "occurred")
    assert (meeting.start_date, meeting.end_date, meeting.date_precision) == (
        dt.date(2025, 10, 15),
        None,
        "day",
    )
    assert (meeting.city, meeting.country_id) == ("Moscow", "RU")
    assert participants(meeting) == {("SY", "visitor"), ("RU", "host")}
    assert meeting.title == "Ahmed al-Sharaa visits Moscow, hosted by Vladimir Putin"
    assert list(meeting.articles.all()) == [article]
    [evidence] = meeting.evidence.all()
    assert (evidence.article, evidence.field, evidence.text) == (article, "body", VISIT)
    assert article.body[evidence.start_char : evidence.end_char] == VISIT


def test_evidence_keeps_its_offsets_in_the_title_and_the_body(db):
    body = "Talks went well. " + VISIT
    article = make_article(title="Al-Sharaa in Moscow for talks with Putin", body=body)
    spans = [
        evidence_span(article, "Al-Sharaa in Moscow", field="title"),
        evidence_span(article, VISIT),
    ]

    extract(article, make_finding(participants=[SHARAA, PUTIN], evidence=spans))

    stored = {(e.field, e.start_char, e.end_char, e.text) for e in Evidence.objects.all()}
    assert stored == {("title", 0, 19, "Al-Sharaa in Moscow"), ("body", 17, 17 + len(VISIT), VISIT)}


@pytest.mark.parametrize(
    "second",
    [
        {},  # the same reading
        {"precision": "month", "start": dt.date(2025, 10, 1), "city": None},  # vaguer
        {"kind": "meeting"},  # a visit is a meeting too
        {"start": dt.date(2025, 10, 16)},  # a day's slack for time zones and late reports
        {"participants": [SHARAA]},  # one article names only the visitor
    ],
    ids=["same", "month", "kind meeting", "next day", "one participant"],
)
def test_the_same_meeting_reported_twice_is_one_meeting_with_both_sources(db, second):
    first_article, first = report()
    second_text = "Al-Sharaa held talks with Putin in the Kremlin."
    second_article, second = report(second_text, published=dt.date(2025, 10, 17), **second)

    extract(first_article, first)
    extract(second_article, second)

    meeting = only_meeting()
    assert set(meeting.articles.all()) == {first_article, second_article}
    assert {(e.article, e.text) for e in meeting.evidence.all()} == {
        (first_article, VISIT),
        (second_article, second_text),
    }
    assert meeting.kind == "visit"
    assert (meeting.start_date, meeting.date_precision) in {
        (dt.date(2025, 10, 15), "day"),
        (dt.date(2025, 10, 16), "day"),
    }
    assert participants(meeting) == {("SY", "visitor"), ("RU", "host")}


def test_a_more_precise_date_wins_whichever_article_came_first(db):
    vague_article, vague = report(
        "Putin and al-Sharaa met in October.",
        published=dt.date(2025, 11, 2),
        precision="month",
        start=dt.date(2025, 10, 1),
    )
    exact_article, exact = report()

    extract(vague_article, vague)
    extract(exact_article, exact)

    meeting = only_meeting()
    assert (meeting.start_date, meeting.date_precision) == (dt.date(2025, 10, 15), "day")


def test_a_planned_meeting_later_reported_as_occurred_is_occurred(db):
    plan_article, plan = report(
        "Al-Sharaa is expected to visit Moscow on 15 October.",
        published=dt.date(2025, 10, 10),
        status="planned",
    )
    done_article, done = report()

    extract(plan_article, plan)
    assert only_meeting().status == "planned"
    extract(done_article, done)

    meeting = only_meeting()
    assert meeting.status == "occurred"
    assert set(meeting.articles.all()) == {plan_article, done_article}


def test_a_report_that_it_happened_outweighs_a_later_plan(db):
    done_article, done = report()
    plan_article, plan = report(
        "The visit to Moscow was planned for 15 October.",
        published=dt.date(2025, 10, 20),
        status="planned",
    )

    extract(done_article, done)
    extract(plan_article, plan)

    assert only_meeting().status == "occurred"


def test_a_later_cancellation_cancels_a_plan(db):
    plan_article, plan = report(
        "Al-Sharaa will visit Moscow on 15 October.",
        published=dt.date(2025, 10, 1),
        status="planned",
    )
    cancel_article, cancel = report(
        "Al-Sharaa's visit to Moscow on 15 October was called off.",
        published=dt.date(2025, 10, 12),
        status="cancelled",
    )

    extract(plan_article, plan)
    extract(cancel_article, cancel)

    assert only_meeting().status == "cancelled"


def test_extracting_an_article_again_replaces_exactly_its_contribution(db):
    exact_article, exact = report()
    vague_text = "Putin and al-Sharaa met in Russia in October."
    vague_article, vague = report(
        vague_text,
        published=dt.date(2025, 11, 2),
        precision="month",
        start=dt.date(2025, 10, 1),
        city=None,
    )
    extract(exact_article, exact)
    extract(vague_article, vague)

    # The first article, read again, now gives the next day.
    corrected = "Al-Sharaa met Putin in Sochi on 16 October."
    exact_article.body = corrected
    exact_article.save()
    extract(
        exact_article,
        make_finding(
            participants=[SHARAA, PUTIN],
            start=dt.date(2025, 10, 16),
            city="Sochi",
            evidence=[evidence_span(exact_article, corrected)],
        ),
    )

    meeting = only_meeting()
    assert (meeting.start_date, meeting.city) == (dt.date(2025, 10, 16), "Sochi")
    assert MeetingSource.objects.filter(meeting=meeting).count() == 2
    assert {(e.article, e.text) for e in meeting.evidence.all()} == {
        (exact_article, corrected),
        (vague_article, vague_text),
    }

    # Read again with nothing found: the meeting is what the other article says.
    extract(exact_article)

    meeting = only_meeting()
    assert list(meeting.articles.all()) == [vague_article]
    assert (meeting.start_date, meeting.date_precision) == (dt.date(2025, 10, 1), "month")
    assert (meeting.city, meeting.country_id) == ("", "RU")
    assert {e.article for e in meeting.evidence.all()} == {vague_article}
    assert meeting.title == "Ahmed al-Sharaa visits Russia, hosted by Vladimir Putin"


def test_a_participant_only_one_article_named_goes_with_it(db):
    first_article, first = report()
    lavrov = person_finding("Sergei Lavrov", "RU", "participant", title="Foreign Minister")
    second_article, second = report(
        "Lavrov joined the talks in Moscow.",
        published=dt.date(2025, 10, 17),
        participants=[SHARAA, PUTIN, lavrov],
    )
    extract(first_article, first)
    extract(second_article, second)
    assert only_meeting().participants.count() == 3

    extract(second_article)

    assert participants(only_meeting()) == {("SY", "visitor"), ("RU", "host")}


def test_extracting_the_same_findings_again_changes_nothing(db):
    article, finding = report()
    extract(article, finding)

    extract(article, finding)

    meeting = only_meeting()
    assert MeetingSource.objects.count() == 1
    assert Evidence.objects.count() == 1
    assert Participant.objects.filter(meeting=meeting).count() == 2


def test_withdrawing_the_only_source_deletes_the_meeting(db):
    article, finding = report()
    extract(article, finding)

    extract(article)

    assert not Meeting.objects.exists()
    assert not Participant.objects.exists()
    assert not Evidence.objects.exists()


def test_deleting_an_article_withdraws_what_it_said(db):
    first_article, first = report()
    second_article, second = report(
        "Putin and al-Sharaa met in October.",
        published=dt.date(2025, 11, 2),
        precision="month",
        start=dt.date(2025, 10, 1),
        city=None,
    )
    extract(first_article, first)
    extract(second_article, second)

    article_delete(article=first_article)

    meeting = only_meeting()
    assert list(meeting.articles.all()) == [second_article]
    assert (meeting.start_date, meeting.date_precision) == (dt.date(2025, 10, 1), "month")

    article_delete(article=second_article)

    assert not Meeting.objects.exists()


def test_meetings_of_the_same_people_on_different_dates_stay_apart(db):
    october_article, october = report()
    january_text = "Al-Sharaa visited Moscow again on 28 January 2026."
    january_article, january = report(
        january_text, published=dt.date(2026, 1, 28), start=dt.date(2026, 1, 28)
    )

    extract(october_article, october)
    extract(january_article, january)

    assert sorted(Meeting.objects.values_list("start_date", flat=True)) == [
        dt.date(2025, 10, 15),
        dt.date(2026, 1, 28),
    ]


def test_one_article_reporting_two_meetings_gives_two(db):
    text = "Al-Sharaa visited Moscow on 28 January 2026. They had met in October 2025."
    article = make_article(body=text, published_on=dt.date(2026, 1, 28))
    span = [evidence_span(article, text)]
    visit = make_finding(participants=[SHARAA, PUTIN], start=dt.date(2026, 1, 28), evidence=span)
    earlier = make_finding(
        kind="meeting",
        participants=[SHARAA, PUTIN],
        start=dt.date(2025, 10, 1),
        precision="month",
        city=None,
        venue=None,
        evidence=span,
    )

    assert len({m.pk for m in extract(article, visit, earlier)}) == 2
    assert Meeting.objects.count() == 2


@pytest.mark.parametrize(
    ("first_kind", "second_kind", "meetings"),
    [
        ("call", "visit", 2),
        ("call", "meeting", 2),
        ("call", "multilateral", 2),
        ("multilateral", "meeting", 2),
        ("call", "call", 1),
        ("multilateral", "multilateral", 1),
    ],
)
def test_calls_and_summits_merge_only_with_their_own_kind(db, first_kind, second_kind, meetings):
    first_article, first = report(kind=first_kind)
    second_article, second = report(
        "Putin and al-Sharaa spoke on 15 October.",
        published=dt.date(2025, 10, 17),
        kind=second_kind,
    )

    extract(first_article, first)
    extract(second_article, second)

    assert Meeting.objects.count() == meetings


def test_meetings_in_different_countries_stay_apart(db):
    moscow_article, moscow = report()
    damascus_article, damascus = report(
        "Putin and al-Sharaa met in Damascus on 15 October.",
        city="Damascus",
        venue="SY",
        kind="meeting",
    )

    extract(moscow_article, moscow)
    extract(damascus_article, damascus)

    assert Meeting.objects.count() == 2


def test_undated_reports_merge_only_when_they_name_the_same_people(db):
    xi = person_finding("Xi Jinping", "CN", "participant")
    first_article, first = report("Al-Sharaa met Putin in Moscow.", start=None)
    second_article, second = report(
        "Al-Sharaa and Putin talked in Moscow.", published=dt.date(2025, 10, 18), start=None
    )
    third_article, third = report(
        "Xi met Putin in Moscow.",
        published=dt.date(2025, 10, 19),
        start=None,
        kind="meeting",
        participants=[xi, PUTIN],
    )

    extract(first_article, first)
    extract(second_article, second)
    extract(third_article, third)

    assert Meeting.objects.count() == 2
    assert MeetingSource.objects.filter(article__in=[first_article, second_article]).count() == 2
    assert (
        Meeting.objects.filter(sources__article=first_article).get()
        == Meeting.objects.filter(sources__article=second_article).get()
    )


# --- What the caller records commits with the meetings -----------------------------------------


def test_what_the_caller_records_runs_inside_the_store_s_transaction(db):
    """The worker marks the article done in the store's transaction (one commit, not two): a
    failure there leaves no meeting behind, and a success leaves both."""
    article, finding = report()

    def fail() -> None:
        raise RuntimeError("the status could not be written")

    with pytest.raises(RuntimeError):
        meetings_replace_for_article(article=article, findings=[finding], then=fail)
    assert not Meeting.objects.exists()

    recorded = []
    [meeting] = meetings_replace_for_article(
        article=article,
        findings=[finding],
        then=lambda: recorded.append(MeetingSource.objects.filter(article=article).count()),
    )
    assert recorded == [1]
    assert only_meeting() == meeting
