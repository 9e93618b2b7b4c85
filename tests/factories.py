"""Small functions that create rows for tests, with sensible defaults.

Countries come from the data migration: refer to them by their ISO code ("RU", "CN", ...).
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from articles.models import Article, ExtractionStatus
from articles.services import article_content_hash
from events.extraction.types import EvidenceSpan, MeetingFinding, PersonFinding
from events.models import (
    Actor,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingKind,
    MeetingSource,
    MeetingStatus,
    Participant,
    ParticipantRole,
    ReviewState,
    TextPart,
)
from events.search import meeting_refresh_search

_numbers = itertools.count(1)


def make_actor(name: str, *, country: str | None = None, **fields) -> Actor:
    return Actor.objects.create(name=name, country_id=country, **fields)


def make_article(
    *,
    title: str = "",
    body: str = "",
    published_on: dt.date = dt.date(2026, 1, 28),
    source: str = "Test Wire",
    url: str = "",
    status: str = ExtractionStatus.DONE,
    **fields,
) -> Article:
    """An article stored as it is, without queueing an extraction."""
    number = next(_numbers)
    body = body or f"Article body number {number}."
    return Article.objects.create(
        title=title or f"Article {number}",
        body=body,
        published_on=published_on,
        source=source,
        url=url,
        content_hash=article_content_hash(body=body),
        extraction_status=status,
        **fields,
    )


def make_meeting(
    *,
    title: str = "",
    kind: str = MeetingKind.MEETING,
    status: str = MeetingStatus.OCCURRED,
    start: dt.date | None = dt.date(2026, 1, 28),
    end: dt.date | None = None,
    precision: str = DatePrecision.DAY,
    city: str = "",
    country: str | None = None,
    review_state: str = ReviewState.EXTRACTED,
    participants: list[tuple[Actor, str]] | list[Actor] = (),
    **fields,
) -> Meeting:
    """A meeting; `participants` are actors, or (actor, role) pairs. Its search document and
    sort date are derived as the services derive them (and again by the functions below)."""
    meeting = Meeting.objects.create(
        title=title,
        kind=kind,
        status=status,
        start_date=start,
        end_date=end,
        date_precision=precision if start else DatePrecision.UNKNOWN,
        city=city,
        country_id=country,
        review_state=review_state,
        **fields,
    )
    for participant in participants:
        actor, role = (
            participant if isinstance(participant, tuple) else (participant, "participant")
        )
        Participant.objects.create(meeting=meeting, actor=actor, role=role)
    meeting_refresh_search(meetings=[meeting])
    return meeting


def add_participant(
    meeting: Meeting, actor: Actor, *, role: str = ParticipantRole.PARTICIPANT
) -> Participant:
    participant = Participant.objects.create(meeting=meeting, actor=actor, role=role)
    meeting_refresh_search(meetings=[meeting])
    return participant


def add_source(
    meeting: Meeting,
    article: Article | None = None,
    *,
    evidence: list[str] | list[tuple[str, str]] = (),
    claim: dict | None = None,
) -> MeetingSource:
    """Link an article (by default a new one holding the sentences) to a meeting.

    Each evidence item is a sentence of the body, or a (field, sentence) pair; the sentence is
    found in that field of the article to get its offsets (0 when it is not there).
    """
    if article is None:
        sentences = [item[1] if isinstance(item, tuple) else item for item in evidence]
        article = make_article(body=" ".join(sentences))
    source = MeetingSource.objects.create(meeting=meeting, article=article, claim=claim or {})
    for item in evidence:
        field, text = item if isinstance(item, tuple) else (TextPart.BODY, item)
        add_evidence(meeting, article, text, field=field)
    meeting_refresh_search(meetings=[meeting])
    return source


def add_evidence(
    meeting: Meeting, article: Article, text: str, *, field: str = TextPart.BODY
) -> Evidence:
    whole = article.title if field == TextPart.TITLE else article.body
    start = max(whole.find(text), 0)
    evidence = Evidence.objects.create(
        meeting=meeting,
        article=article,
        field=field,
        text=text,
        start_char=start,
        end_char=start + len(text),
    )
    meeting_refresh_search(meetings=[meeting])
    return evidence


# --- What the engine finds, built by hand ------------------------------------------------------


def person_finding(
    name: str, country: str | None, role: str = ParticipantRole.PARTICIPANT, **fields
) -> PersonFinding:
    return PersonFinding(name=name, country=country, role=role, **fields)


def evidence_span(article: Article, text: str, *, field: str = TextPart.BODY) -> EvidenceSpan:
    """The span of `text` in the article's title or body (which must hold it)."""
    whole = article.title if field == TextPart.TITLE else article.body
    start = whole.index(text)
    return EvidenceSpan(field=field, start=start, end=start + len(text), text=text)


def make_finding(
    *,
    kind: str = MeetingKind.VISIT,
    status: str = MeetingStatus.OCCURRED,
    start: dt.date | None = dt.date(2025, 10, 15),
    end: dt.date | None = None,
    precision: str = DatePrecision.DAY,
    city: str | None = "Moscow",
    venue: str | None = "RU",
    participants: list[PersonFinding] = (),
    evidence: list[EvidenceSpan] = (),
) -> MeetingFinding:
    """A meeting as the engine reports it; its countries are the participants' and the venue's."""
    countries = {person.country for person in participants} | {venue}
    return MeetingFinding(
        kind=kind,
        status=status,
        start=start,
        end=end,
        precision=precision if start else DatePrecision.UNKNOWN,
        city=city,
        venue_country=venue,
        participants=list(participants),
        countries=sorted(countries - {None}),
        evidence=list(evidence),
    )


def stall_extraction(article: Article, *, minutes_ago: float, attempts: int = 1):
    """Make it look as if a worker claimed the article's task and died mid-extraction.

    The article must have been enqueued (its extraction_task_id set); returns its task.
    """
    from django_tasks_db.models import DBTaskResult

    started = timezone.now() - dt.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=article.extraction_task_id).update(
        status="RUNNING", started_at=started, worker_ids=["dead-worker"]
    )
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.PROCESSING,
        extraction_started_at=started,
        extraction_attempts=attempts,
    )
    return DBTaskResult.objects.get(pk=article.extraction_task_id)
