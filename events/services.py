"""Writing events: turning the engine's findings into actors and meetings, and merging them.

Each article's reading of a meeting is kept as a claim on its MeetingSource. A meeting nobody
curated is recomputed from its claims whenever one is added or withdrawn, so extracting an
article again replaces exactly what that article said. A meeting an editor verified, edited or
rejected is never recomputed, overwritten, deleted or re-created: new reports only add their
source and evidence to it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from articles.models import Article
from events.actors import actor_directory, actor_resolve
from events.extraction import engine
from events.extraction.types import ArticleInput, MeetingFinding
from events.models import (
    DatePrecision,
    Evidence,
    Meeting,
    MeetingKind,
    MeetingSource,
    MeetingStatus,
    Participant,
    ParticipantRole,
)
from events.search import meeting_refresh_search
from events.titles import meeting_title

PRECISION_RANK = {
    DatePrecision.DAY: 3,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 1,
    DatePrecision.UNKNOWN: 0,
}
ROLE_RANK = {ParticipantRole.VISITOR: 2, ParticipantRole.HOST: 2, ParticipantRole.PARTICIPANT: 1}


@dataclass(frozen=True)
class ExtractionOutcome:
    supported: bool
    language: str
    version: str
    meetings: int
    note: str = ""


def article_extract_meetings(*, article: Article) -> ExtractionOutcome:
    """Run the engine on an article and store what it found, replacing its earlier findings."""
    result = engine.extract(
        ArticleInput(
            title=article.title,
            body=article.body,
            published=article.published_on,
            language=article.language or None,
        ),
        actors=actor_directory(),
    )
    if not result.supported:
        note = (
            f"No lexicon for the language '{result.language}': the article is stored but not "
            "read. Add a lexicon for it, then re-run extraction."
            if result.language
            else "The article's language could not be told; set it and re-run extraction."
        )
        with transaction.atomic():
            meetings_replace_for_article(article=article, findings=[])
        return ExtractionOutcome(False, result.language, engine.VERSION, 0, note)
    with transaction.atomic():
        stored = meetings_replace_for_article(article=article, findings=result.meetings)
    return ExtractionOutcome(True, result.language, engine.VERSION, len(stored))


def meetings_replace_for_article(
    *, article: Article, findings: list[MeetingFinding]
) -> list[Meeting]:
    """Withdraw what the article said before, then store what it says now."""
    _withdraw_article(article=article)
    # One finding per encounter: a meeting takes at most one finding of this article. Curated
    # meetings the article still sources stay candidates, so they are matched, not re-created.
    linked: set[int] = set()
    stored = []
    for finding in findings:
        claim = _claim_from_finding(finding=finding, article=article)
        meeting = _find_matching_meeting(claim=claim, exclude_ids=linked, article=article)
        if meeting is None:
            meeting = Meeting.objects.create(kind=claim["kind"], status=claim["status"])
        linked.add(meeting.pk)
        MeetingSource.objects.update_or_create(
            meeting=meeting, article=article, defaults={"claim": claim}
        )
        for span in finding.evidence:
            Evidence.objects.get_or_create(
                meeting=meeting,
                article=article,
                field=span.field,
                start_char=span.start,
                defaults={"text": span.text, "end_char": span.end},
            )
        if not meeting.is_curated:
            meeting_recompute(meeting=meeting)
        else:
            meeting_refresh_search(meetings=[meeting])
        stored.append(meeting)
    return stored


def _withdraw_article(*, article: Article) -> None:
    sources = MeetingSource.objects.filter(article=article).select_related("meeting")
    for source in sources:
        meeting = source.meeting
        if meeting.is_curated:
            continue
        Evidence.objects.filter(meeting=meeting, article=article).delete()
        source.delete()
        if meeting.sources.exists():
            meeting_recompute(meeting=meeting)
        else:
            meeting.delete()


def _claim_from_finding(*, finding: MeetingFinding, article: Article) -> dict:
    participants = []
    seen: set[int] = set()
    for person in finding.participants:
        actor = actor_resolve(person=person, seen_on=article.published_on, article=article)
        if actor.pk in seen:
            continue
        seen.add(actor.pk)
        participants.append({"actor": actor.pk, "role": person.role})
    return {
        "kind": finding.kind,
        "status": finding.status,
        "start": finding.start.isoformat() if finding.start else None,
        "end": finding.end.isoformat() if finding.end else None,
        "precision": finding.precision,
        "city": finding.city or "",
        "country": finding.venue_country,
        "countries": sorted(set(finding.countries)),
        "participants": participants,
        "published": article.published_on.isoformat(),
    }


# --- Matching a claim to a stored meeting ---------------------------------------------------

_COMPATIBLE_KINDS = {
    MeetingKind.VISIT: {MeetingKind.VISIT, MeetingKind.MEETING},
    MeetingKind.MEETING: {MeetingKind.VISIT, MeetingKind.MEETING},
    MeetingKind.MULTILATERAL: {MeetingKind.MULTILATERAL},
    MeetingKind.CALL: {MeetingKind.CALL},
}


def _date_span(start: str | None, end: str | None, precision: str) -> tuple[dt.date, dt.date]:
    """The days a (start, end, precision) triple may stand for."""
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else first
    if precision == DatePrecision.YEAR:
        return dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    if precision == DatePrecision.MONTH:
        next_month = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        return dt.date(first.year, first.month, 1), next_month - dt.timedelta(days=1)
    return first, last


def dates_compatible(a: dict, b: dict) -> bool | None:
    """Whether two claims' dates may be one day; None when either is undated."""
    if not a.get("start") or not b.get("start"):
        return None
    a_first, a_last = _date_span(a["start"], a.get("end"), a["precision"])
    b_first, b_last = _date_span(b["start"], b.get("end"), b["precision"])
    slack = dt.timedelta(days=1)
    return a_first - slack <= b_last and b_first - slack <= a_last


def _meeting_as_claim(meeting: Meeting) -> dict:
    return {
        "kind": meeting.kind,
        "start": meeting.start_date.isoformat() if meeting.start_date else None,
        "end": meeting.end_date.isoformat() if meeting.end_date else None,
        "precision": meeting.date_precision,
        "country": meeting.country_id,
        "city": meeting.city,
        "countries": sorted(_meeting_countries(meeting)),
        "participants": [{"actor": p.actor_id, "role": p.role} for p in meeting.participants.all()],
    }


def _meeting_countries(meeting: Meeting) -> set[str]:
    countries = {p.actor.country_id for p in meeting.participants.all() if p.actor.country_id}
    if meeting.country_id:
        countries.add(meeting.country_id)
    for source in meeting.sources.all():
        countries.update(source.claim.get("countries", []))
    return countries


def _match_score(claim: dict, other: dict) -> float | None:
    """How well a claim fits a stored meeting, or None when they cannot be one encounter."""
    if other["kind"] not in _COMPATIBLE_KINDS[claim["kind"]]:
        return None
    ours, theirs = set(claim["countries"]), set(other["countries"])
    shared = ours & theirs
    if len(shared) < min(2, len(ours), len(theirs)) or not shared:
        return None
    actors = {p["actor"] for p in claim["participants"]}
    other_actors = {p["actor"] for p in other["participants"]}
    common_actors = len(actors & other_actors)
    dated = dates_compatible(claim, other)
    if dated is False:
        return None
    if (
        dated is None
        and common_actors < 2
        and not (common_actors and claim.get("city") and claim.get("city") == other.get("city"))
    ):
        # Undated reports merge only when they clearly name the same encounter.
        return None
    if claim.get("country") and other.get("country") and claim["country"] != other["country"]:
        return None
    return common_actors + len(shared) - 0.1 * len(ours ^ theirs) + (1 if dated else 0)


def _find_matching_meeting(
    *, claim: dict, exclude_ids: set[int], article: Article
) -> Meeting | None:
    # A curated meeting this article reported before is found by what the article said of it
    # then: its editor may since have moved its date, place or people beyond recognition.
    # (After the withdrawal only curated meetings still have this article as a source.)
    earlier = (
        MeetingSource.objects.filter(article=article)
        .exclude(meeting_id__in=exclude_ids)
        .select_related("meeting")
    )
    reported = _best_match(claim, ((src.meeting, src.claim) for src in earlier if src.claim))
    if reported is not None:
        return reported

    actor_ids = [p["actor"] for p in claim["participants"]]
    nearby = Q(participants__actor__in=actor_ids)
    if claim.get("country"):
        nearby |= Q(country=claim["country"])
    candidates = (
        Meeting.objects.filter(nearby)
        .exclude(pk__in=exclude_ids)
        .distinct()
        .prefetch_related("participants__actor", "sources")
    )
    return _best_match(claim, ((m, _meeting_as_claim(m)) for m in candidates))


def _best_match(claim: dict, candidates: Iterable[tuple[Meeting, dict]]) -> Meeting | None:
    best, best_score = None, None
    for meeting, other in candidates:
        score = _match_score(claim, other)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = meeting, score
    return best


# --- Recomputing a meeting from its claims ---------------------------------------------------

_STATUS_ORDER = {MeetingStatus.PLANNED: 0, MeetingStatus.CANCELLED: 1, MeetingStatus.OCCURRED: 2}


def _merged_status(claims: list[dict]) -> str:
    """A report that it happened outweighs plans; otherwise the latest report has the say."""
    statuses = [claim["status"] for claim in claims]
    if MeetingStatus.OCCURRED in statuses:
        return MeetingStatus.OCCURRED
    latest = max(claims, key=lambda c: (c["published"], _STATUS_ORDER[c["status"]]))
    return latest["status"]


def _merged_kind(claims: list[dict]) -> str:
    counts = Counter(claim["kind"] for claim in claims)
    # A visit is the more specific reading of a meeting; keep it when any report says so.
    if counts.get(MeetingKind.VISIT) and set(counts) <= {MeetingKind.VISIT, MeetingKind.MEETING}:
        return MeetingKind.VISIT
    return counts.most_common(1)[0][0]


def _span_days(claim: dict) -> int:
    if not claim.get("end"):
        return 0
    return (dt.date.fromisoformat(claim["end"]) - dt.date.fromisoformat(claim["start"])).days


def _merged_date(claims: list[dict]) -> tuple[str | None, str | None, str]:
    """The most precise date any report gives: a day over a month, one day over a vague
    range ("last week"), then the latest report."""
    dated = [claim for claim in claims if claim.get("start")]
    if not dated:
        return None, None, DatePrecision.UNKNOWN
    best = max(
        dated,
        key=lambda c: (PRECISION_RANK[c["precision"]], -_span_days(c), c["published"]),
    )
    return best["start"], best.get("end"), best["precision"]


def meeting_recompute(*, meeting: Meeting) -> None:
    """Set an uncurated meeting's fields from what its sources claim."""
    # Query afresh: the meeting may come with its sources and participants prefetched from
    # before the claim that prompted this was stored (as matching does).
    claims = sorted(
        (source.claim for source in MeetingSource.objects.filter(meeting=meeting) if source.claim),
        key=lambda claim: claim["published"],
    )
    if not claims:
        return
    start, end, precision = _merged_date(claims)
    venue = next((c for c in reversed(claims) if c.get("country")), None)
    city = next((c["city"] for c in reversed(claims) if c.get("city")), "")
    meeting.kind = _merged_kind(claims)
    meeting.status = _merged_status(claims)
    meeting.start_date = dt.date.fromisoformat(start) if start else None
    meeting.end_date = dt.date.fromisoformat(end) if end else None
    meeting.date_precision = precision
    meeting.country_id = venue["country"] if venue else None
    meeting.city = city

    roles: dict[int, str] = {}
    for claim in claims:
        for participant in claim["participants"]:
            current = roles.get(participant["actor"])
            if current is None or ROLE_RANK[participant["role"]] > ROLE_RANK[current]:
                roles[participant["actor"]] = participant["role"]
    existing = {p.actor_id: p for p in Participant.objects.filter(meeting=meeting)}
    for actor_id, participant in existing.items():
        if actor_id not in roles:
            participant.delete()
    for actor_id, role in roles.items():
        if actor_id in existing:
            if existing[actor_id].role != role:
                existing[actor_id].role = role
                existing[actor_id].save(update_fields=["role"])
        else:
            Participant.objects.create(meeting=meeting, actor_id=actor_id, role=role)
    meeting.title = meeting_title(meeting)
    meeting.save()
    meeting_refresh_search(meetings=[meeting])


# --- Editors' verdicts ------------------------------------------------------------------------


def meeting_mark_edited(*, meeting: Meeting) -> None:
    """An editor changed this meeting: from now on extraction leaves it as it is."""
    if not meeting.edited:
        meeting.edited = True
        Meeting.objects.filter(pk=meeting.pk).update(edited=True)


def meetings_set_review_state(*, meetings, state: str) -> int:
    return Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(review_state=state)
