"""Meetings keep their ids while any article reports them; retired ids leave a tombstone;
titles follow the facts; every change is on record. Findings are built by hand."""

import datetime as dt
from dataclasses import replace

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.services import article_delete
from events.curation import meeting_merge, meetings_set_review_state
from events.derived import actor_refresh_meetings
from events.history import history_context
from events.models import Meeting, MeetingSource, MeetingTombstone, Participant
from events.store import meetings_replace_for_article
from events.titles import meeting_title
from tests.factories import evidence_span, make_article, make_finding, person_finding

TRUMP = person_finding("Donald Trump", "US", "participant", title="President")
PUTIN = person_finding("Vladimir Putin", "RU", "participant", title="President")
ZELENSKY = person_finding("Volodymyr Zelenskyy", "UA", "participant", title="President")
PELOSI = person_finding("Nancy Pelosi", "US", "participant", title="Speaker")


def call(text: str, *people, published=dt.date(2025, 2, 13), start=dt.date(2025, 2, 12), **more):
    article = make_article(body=text, published_on=published)
    finding = make_finding(
        kind="call",
        city=None,
        venue=None,
        start=start,
        participants=list(people),
        evidence=[evidence_span(article, text)],
        **more,
    )
    return article, finding


def extract(article, *findings) -> list[Meeting]:
    return meetings_replace_for_article(article=article, findings=list(findings))


def snapshot() -> set[tuple]:
    """Every meeting with its id, fields, participants and sources."""
    return {
        (
            m.pk,
            m.title,
            m.kind,
            m.status,
            m.start_date,
            m.date_precision,
            m.country_id,
            tuple(sorted(m.participants.values_list("actor__name", "role"))),
            tuple(sorted(m.sources.values_list("article_id", flat=True))),
        )
        for m in Meeting.objects.all()
    }


def test_two_calls_of_one_day_with_different_counterparts_stay_two(db):
    article, with_putin = call("Trump spoke with Putin and then with Zelensky.", TRUMP, PUTIN)
    _, with_zelensky = call("x", TRUMP, ZELENSKY)
    other, putin_again = call("Trump and Putin talked by phone on Wednesday.", TRUMP, PUTIN)

    extract(article, with_putin, replace(with_zelensky, evidence=[]))
    extract(other, putin_again)

    calls = {
        tuple(sorted(m.participants.values_list("actor__name", flat=True))): m.sources.count()
        for m in Meeting.objects.all()
    }
    assert calls == {
        ("Donald Trump", "Vladimir Putin"): 2,
        ("Donald Trump", "Volodymyr Zelenskyy"): 1,
    }


def test_an_undated_call_of_2019_never_joins_a_call_of_2025(db):
    recent, recent_call = call("Trump and Zelensky spoke on 12 February.", TRUMP, ZELENSKY)
    old, old_call = call(
        "Pelosi said the president's call with Zelensky was wrong.",
        TRUMP,
        ZELENSKY,
        PELOSI,
        published=dt.date(2019, 9, 25),
        start=None,
    )
    extract(recent, recent_call)
    extract(old, old_call)

    [call_2025] = Meeting.objects.filter(start_date__year=2025)
    assert "Nancy Pelosi" not in call_2025.participants.values_list("actor__name", flat=True)
    assert Meeting.objects.count() == 2


def test_reading_articles_again_keeps_every_id_and_writes_nothing(db):
    first, finding = call("Trump and Putin spoke on Wednesday.", TRUMP, PUTIN)
    second, later = call("The two presidents talked.", TRUMP, PUTIN, published=dt.date(2025, 2, 14))
    extract(first, finding)
    extract(second, later)
    before = snapshot()
    history_rows = Meeting.history.count() + MeetingSource.history.count()

    extract(second, later)
    extract(first, finding)

    assert snapshot() == before
    assert Meeting.history.count() + MeetingSource.history.count() == history_rows


def test_an_article_read_differently_updates_its_meeting_in_place(db):
    article, finding = call("Trump and Putin spoke on Wednesday.", TRUMP, PUTIN)
    [meeting] = extract(article, finding)

    [again] = extract(article, replace(finding, start=dt.date(2025, 2, 11)))

    assert again.pk == meeting.pk
    assert Meeting.objects.get().start_date == dt.date(2025, 2, 11)


def test_a_meeting_whose_reports_turn_out_to_be_one_encounter_redirects(db):
    a, vague = call(
        "Trump and Putin spoke in February.",
        TRUMP,
        PUTIN,
        start=None,
        published=dt.date(2025, 2, 20),
    )
    b, exact = call("Trump and Putin spoke on 12 February.", TRUMP, PUTIN)
    # Undated with a plan: a separate meeting until the article is read as a report.
    [first] = extract(a, replace(vague, status="planned"))
    [second] = extract(b, exact)
    assert first.pk != second.pk

    extract(a, vague)

    [meeting] = Meeting.objects.all()
    assert meeting.pk == first.pk  # the older id lasts
    tombstone = MeetingTombstone.objects.get(meeting_id=second.pk)
    assert tombstone.merged_into_id == first.pk
    assert "merged into" in tombstone.reason


def test_a_meeting_no_article_reports_leaves_a_gone_tombstone_and_redirects_follow(db):
    article, finding = call("Trump and Putin spoke.", TRUMP, PUTIN)
    other, second = call("Trump and Putin spoke again.", TRUMP, PUTIN, start=dt.date(2025, 3, 18))
    [kept] = extract(article, finding)
    [merged] = extract(other, second)
    meeting_merge(meeting=merged, into=kept)
    assert MeetingTombstone.objects.get(meeting_id=merged.pk).merged_into == kept
    meetings_set_review_state(meetings=[kept], state="extracted")
    Meeting.objects.filter(pk=kept.pk).update(edited=False)

    article_delete(article=article)
    article_delete(article=other)

    assert not Meeting.objects.exists()
    gone = MeetingTombstone.objects.get(meeting_id=kept.pk)
    assert gone.merged_into is None
    assert gone.reason == "no article reports it any more"
    # The id merged into it now answers as gone too, not as a redirect to nowhere.
    assert MeetingTombstone.objects.get(meeting_id=merged.pk).merged_into is None


def test_deleting_the_only_article_of_a_verified_meeting_keeps_it_without_source(db):
    article, finding = call("Trump and Putin spoke.", TRUMP, PUTIN)
    [meeting] = extract(article, finding)
    meetings_set_review_state(meetings=[meeting], state="verified")

    article_delete(article=article)

    meeting.refresh_from_db()
    assert meeting.review_state == "verified"
    assert not meeting.sources.exists()


def test_extraction_history_names_the_article_and_the_engine(db):
    article, finding = call("Trump and Putin spoke.", TRUMP, PUTIN)
    with history_context(reason=f"extraction of article {article.pk} (engine 9.9)"):
        [meeting] = extract(article, finding)

    records = meeting.history.all()
    assert records
    assert {r.history_change_reason for r in records} == {
        f"extraction of article {article.pk} (engine 9.9)"
    }
    assert Participant.history.filter(meeting_id=meeting.pk).count() == 2


def test_verdicts_are_recorded_with_their_editor(db, editor_user):
    article, finding = call("Trump and Putin spoke.", TRUMP, PUTIN)
    [meeting] = extract(article, finding)

    with history_context(user=editor_user):
        meetings_set_review_state(meetings=Meeting.objects.all(), state="verified")

    latest = meeting.history.first()
    assert (latest.review_state, latest.history_user) == ("verified", editor_user)
    previous = latest.prev_record
    assert previous.review_state == "extracted"
    assert [change.field for change in latest.diff_against(previous).changes] == ["review_state"]


def test_titles_follow_the_visitors_and_a_rename(db):
    trump = person_finding("Donald Trump", "US", "visitor")
    xi = person_finding("Xi Jinping", "CN", "visitor")
    hun = person_finding("Hun Manet", "KH", "host")
    article = make_article(body="Trump and Xi visited Phnom Penh.")
    [meeting] = extract(
        article,
        make_finding(kind="visit", city=None, venue="KH", participants=[trump, xi, hun]),
    )
    assert meeting.title == "Donald Trump and Xi Jinping visit Cambodia, hosted by Hun Manet"

    actor = Participant.objects.get(meeting=meeting, actor__name="Xi Jinping").actor
    actor.name = "Xi J."
    actor.save()
    actor_refresh_meetings(actor=actor)

    meeting.refresh_from_db()
    assert meeting.title == "Donald Trump and Xi J. visit Cambodia, hosted by Hun Manet"
    assert meeting.title == meeting_title(meeting)


# --- The store as a whole does not depend on the order articles are read in --------------------

PEOPLE = [TRUMP, PUTIN, ZELENSKY, PELOSI]


@st.composite
def readings(draw):
    found = []
    for number in range(draw(st.integers(2, 5))):
        people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True))
        day = draw(st.sampled_from([None, dt.date(2025, 2, 12), dt.date(2025, 2, 13)]))
        found.append((number, people, day, draw(st.sampled_from(["call", "meeting"]))))
    return found


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(readings(), st.permutations(range(5)))
def test_the_store_gives_the_same_meetings_whatever_the_order(db, found, order):
    results = []
    for sequence in (list(range(len(found))), [i for i in order if i < len(found)]):
        with transaction.atomic():
            articles = [
                make_article(body=f"Report {n}.", published_on=dt.date(2025, 2, 14))
                for n, *_ in found
            ]
            for index in sequence:
                _, people, day, kind = found[index]
                extract(
                    articles[index],
                    make_finding(kind=kind, city=None, venue=None, start=day, participants=people),
                )
            position = {article.pk: n for n, article in enumerate(articles)}
            results.append(
                {
                    (
                        frozenset(position[s.article_id] for s in m.sources.all()),
                        m.kind,
                        m.start_date,
                        frozenset(m.participants.values_list("actor__name", "role")),
                    )
                    for m in Meeting.objects.prefetch_related("sources")
                }
            )
            transaction.set_rollback(True)
    assert results[0] == results[1]
