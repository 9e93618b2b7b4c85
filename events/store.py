"""Storing claims: an article's new reading replaces its last one, and the meetings around it
are clustered again under locks, so that many workers give what one gives.

The merge rules are events.merging's; this module finds the claims they apply to, holds the
locks, and writes the result:

1. Lock the article's row: one reading of an article is stored at a time.
2. Build the new claims (events.claims, which locks the names of new people); on PostgreSQL
   this is done before, in a short transaction of its own (meetings_replace_for_article).
3. Lock the neighbourhoods of the claims involved (events.locks): each of their countries in
   each month the claim may lie in, give or take DAY_SLACK (two claims that may be one
   encounter share a country and such a month, so they never take their places at once,
   while claims of other months or countries are stored beside them). Then find their
   neighbourhood: every claim, and every curated meeting, that could be one encounter with
   them, and the neighbours of those, until nothing more can join. Claims outside it cannot
   change. When the neighbourhood reaches months not yet locked, start again holding those
   too.
4. Lock the neighbourhood's meetings' rows and re-read their curation: when an editor
   verified, edited or rejected one meanwhile, start again. Editors win.
5. Cluster the neighbourhood's claims (curated meetings stay as they are and may take new
   claims), give each cluster the meeting most of its claims were in (ids last), write what
   changed, and retire the meetings nobody curated that are left without a claim.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import OperationalError, transaction
from django.db.models import Prefetch, Q

from articles.models import Article
from events.actors import country_codes
from events.claims import claims_from_findings
from events.data_version import data_version_raise
from events.derived import meeting_refresh_derived
from events.extraction.days import add_days
from events.extraction.types import MeetingFinding
from events.history import history_bulk_create
from events.locks import advisory_locks_enabled, lock_neighbourhoods, month_keys
from events.merging import (
    DAY_SLACK,
    UNDATED_REACH,
    Claim,
    Fixed,
    Group,
    assign_meetings,
    claim_from_json,
    claim_to_json,
    cluster,
    compatible,
    facts_agree,
    match_rereading,
    merged_facts,
    window,
)
from events.models import (
    Actor,
    Country,
    DatePrecision,
    Evidence,
    Meeting,
    MeetingSource,
    MeetingTombstone,
    Participant,
    ParticipantRole,
    ReviewState,
)
from events.search import meeting_refresh_search
from events.titles import compose_title

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# PostgreSQL's deadlock_detected and serialization_failure: the transaction may be retried.
RETRYABLE_CODES = {"40P01", "40001"}


class _StartAgain(Exception):
    """The neighbourhood reached unlocked months, or an editor changed one of its meetings
    while it was read: roll back and start again, holding `keys` too."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__()
        self.keys = set(keys)


def _retrying(work):
    keys: set[str] = set()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return work(keys)
        except _StartAgain as again:
            keys |= again.keys
        except OperationalError as error:
            code = getattr(getattr(error, "__cause__", None), "sqlstate", None)
            if code not in RETRYABLE_CODES or attempt == MAX_ATTEMPTS:
                raise
            logger.info("Storing claims met %s; trying again (attempt %s).", code, attempt)
    raise RuntimeError(f"Claims could not be stored in {MAX_ATTEMPTS} attempts.")


# --- Entry points ------------------------------------------------------------------------------


def meetings_replace_for_article(
    *, article: Article, findings: list[MeetingFinding], then: Callable[[], object] | None = None
) -> list[Meeting]:
    """Store what the article says now in place of what it said before; returns the meeting
    of each finding, in order. Meetings nobody curated are clustered again; curated ones keep
    the article's earlier claim when the new reading no longer reports them.

    `then` runs last inside the same transaction (and again if it is retried), so that what
    the caller records of the run (the article's status) commits with the meetings."""
    claims = None
    if findings and advisory_locks_enabled():
        # Many workers: the people are resolved in a short transaction of their own, so that
        # the locks on their names are not held while the meetings are stored. The actors it
        # creates stay if storing then fails: unverified, in no meeting, found again by the
        # next run. (SQLite writes one transaction at a time: there it is one commit less.)
        with transaction.atomic():
            claims = claims_from_findings(
                article_id=article.pk, published=article.published_on, findings=findings
            )
    return _retrying(lambda keys: _store(article.pk, findings, claims, keys, then))


def meetings_recluster(*, meeting_ids: Iterable[int]) -> None:
    """Cluster again the claims of meetings handed back to extraction, and their neighbours."""
    meeting_ids = list(meeting_ids)
    _retrying(lambda keys: _recluster_meetings(meeting_ids, keys))


# --- The work, in one transaction ----------------------------------------------------------------


def _store(
    article_id: int,
    findings: list[MeetingFinding],
    claims: list[Claim] | None,
    keys: set[str],
    then: Callable[[], object] | None,
) -> list[Meeting]:
    with transaction.atomic():
        # Sources, evidence and participants are written in bulk, which no receiver hears.
        data_version_raise()
        stored = _store_claims(article_id, findings, claims, keys)
        if then is not None:
            then()
        return stored


def _store_claims(
    article_id: int,
    findings: list[MeetingFinding],
    claims: list[Claim] | None,
    keys: set[str],
) -> list[Meeting]:
    """`claims`: the findings' claims when their people were resolved already."""
    article = Article.objects.select_for_update().filter(pk=article_id).first()
    if article is None:
        return []
    new = claims
    if new is None:
        new = claims_from_findings(
            article_id=article_id, published=article.published_on, findings=findings
        )
    sources = _sources_of(article_id)
    earlier = [_claim(source) for source in sources if source.claim]
    locked = keys | neighbourhood_keys(new + earlier)
    if advisory_locks_enabled():
        lock_neighbourhoods(locked)
        # Read again, now that no one else may move them. (SQLite runs one writing
        # transaction at a time: nobody moved them.)
        sources = _sources_of(article_id)
    pinned = [source for source in sources if source.meeting.is_curated and source.claim]
    # Sources without a claim (none extraction wrote) are replaced like the others.
    replaced = [source for source in sources if not source.meeting.is_curated]
    free = [source for source in replaced if source.claim]
    result: dict[int, Meeting] = {}

    # A curated meeting the article reported keeps it as a source, and the reading of it
    # that continues the earlier one replaces its claim.
    continued = match_rereading([_claim(source) for source in pinned], new)
    for ordinal, index in continued.items():
        source = pinned[index]
        _rewrite_source(source, new[ordinal], curated=True)
        result[ordinal] = source.meeting
    fresh = [claim for claim in new if claim.ordinal not in continued]

    previous = {}
    for ordinal, index in match_rereading([_claim(source) for source in free], fresh).items():
        previous[(article_id, ordinal)] = free[index].meeting_id
    scope = _Scope(locked, article_id=article_id)
    for source in pinned:
        scope.seen_curation[source.meeting_id] = _curation(source.meeting)
    scope.replace(replaced)
    scope.explore(fresh + [_claim(source) for source in free])
    placed = scope.apply(fresh, previous)
    result.update(placed)
    return [result[ordinal] for ordinal in sorted(result)]


def _recluster_meetings(meeting_ids: list[int], keys: set[str]) -> None:
    with transaction.atomic():
        data_version_raise()
        claimed = MeetingSource.objects.filter(meeting_id__in=meeting_ids).select_related("meeting")
        locked = keys | neighbourhood_keys(_claim(source) for source in claimed if source.claim)
        lock_neighbourhoods(locked)
        seeds = [source for source in claimed.all() if source.claim]
        free = [source for source in seeds if not source.meeting.is_curated]
        scope = _Scope(locked)
        for source in free:
            scope.add_free(source)
        # A meeting handed back that no article reports is retired in `apply`, like any other.
        for meeting in Meeting.objects.uncurated().filter(pk__in=meeting_ids):
            scope.seen_curation.setdefault(meeting.pk, _curation(meeting))
        scope.explore([_claim(source) for source in free])
        scope.apply([], {})


def _sources_of(article_id: int) -> list[MeetingSource]:
    return list(
        MeetingSource.objects.filter(article_id=article_id).select_related("meeting").order_by("pk")
    )


def _claim(source: MeetingSource) -> Claim:
    return claim_from_json(source.article_id, source.claim)


def _countries_of(claims: Iterable[Claim]) -> set[str]:
    return {country for claim in claims for country in claim.countries}


def neighbourhood_keys(claims: Iterable[Claim]) -> set[str]:
    """The lock keys of the claims' neighbourhoods (events.locks.month_keys): each country of
    a claim in each month of its window widened by DAY_SLACK, the most two claims that may be
    one encounter lie apart, so that such claims always share a key."""
    keys: set[str] = set()
    for claim in claims:
        first, last = window(claim)
        if first is not None and last is not None:
            first, last = add_days(first, -DAY_SLACK.days), add_days(last, DAY_SLACK.days)
        for country in claim.countries:
            keys |= month_keys(country, first, last)
    return keys


# --- The neighbourhood ----------------------------------------------------------------------------


@dataclass
class _Scope:
    """The claims and curated meetings that one change may regroup."""

    locked: set[str]
    # The article whose new reading is stored: its earlier claims are `replaced`, not
    # regrouped.
    article_id: int | None = None
    free_sources: dict[int, MeetingSource] = field(default_factory=dict)
    replaced: dict[int, MeetingSource] = field(default_factory=dict)
    fixed: dict[int, Fixed] = field(default_factory=dict)
    seen_curation: dict[int, tuple] = field(default_factory=dict)
    # The meetings whose sources were all read (explore).
    expanded: set[int] = field(default_factory=set)

    def replace(self, sources: list[MeetingSource]) -> None:
        for source in sources:
            self.replaced[source.pk] = source
            self.seen_curation[source.meeting_id] = _curation(source.meeting)

    def add_free(self, source: MeetingSource) -> None:
        self.free_sources[source.pk] = source
        self.seen_curation[source.meeting_id] = _curation(source.meeting)

    def explore(self, seeds: list[Claim]) -> None:
        """Grow from the seeds to every claim and curated meeting they may be one encounter
        with, and to those meetings' other claims, until nothing more joins."""
        frontier = list(seeds)
        while frontier:
            joined: list[Claim] = []
            for source in self._free_near(frontier):
                claim = _claim(source)
                if any(compatible(claim, other) for other in frontier):
                    self.add_free(source)
                    joined.append(claim)
            for meeting in self._curated_near(frontier):
                fixed = _fixed(meeting)
                if any(facts_agree(fixed.facts, other) for other in frontier):
                    self.fixed[meeting.pk] = fixed
                    self.seen_curation[meeting.pk] = _curation(meeting)
                    joined.append(fixed.facts)
            # A meeting is regrouped whole: its other claims come along (read once a meeting:
            # all of them the first time).
            meeting_ids = {
                source.meeting_id
                for source in (*self.free_sources.values(), *self.replaced.values())
            } - self.expanded
            self.expanded |= meeting_ids
            others = (
                MeetingSource.objects.filter(meeting_id__in=meeting_ids)
                .exclude(pk__in=[*self.free_sources, *self.replaced])
                .select_related("meeting")
                .order_by("pk")
                if meeting_ids
                else ()
            )
            for source in others:
                if not source.claim:
                    continue
                self.add_free(source)
                joined.append(_claim(source))
            frontier = joined
        needed = neighbourhood_keys(_claim(source) for source in self.free_sources.values())
        needed |= neighbourhood_keys(fixed.facts for fixed in self.fixed.values())
        if not needed <= self.locked:
            raise _StartAgain(needed)

    def _free_near(self, frontier: list[Claim]):
        first, last = _reach(frontier)
        query = MeetingSource.objects.filter(
            family__in={claim.family for claim in frontier},
            countries__in=_countries_of(frontier),
            meeting__edited=False,
            meeting__review_state=ReviewState.EXTRACTED,
        ).exclude(pk__in=list(self.free_sources))
        if self.article_id is not None:
            query = query.exclude(article_id=self.article_id)
        if first is not None:
            query = query.filter(
                Q(window_end__isnull=True) | Q(window_end__gte=add_days(first, -DAY_SLACK.days))
            )
        if last is not None:
            query = query.filter(
                Q(window_start__isnull=True) | Q(window_start__lte=add_days(last, DAY_SLACK.days))
            )
        return query.select_related("meeting").distinct().order_by("pk")

    def _curated_near(self, frontier: list[Claim]):
        countries = _countries_of(frontier)
        first, last = _reach(frontier)
        query = (
            Meeting.objects.curated()
            .filter(Q(country__in=countries) | Q(participants__actor__country__in=countries))
            .exclude(pk__in=list(self.fixed))
        )
        # A meeting's stored date is the first day of its month or year: allow for a year.
        if first is not None:
            query = query.filter(
                Q(start_date__isnull=True) | Q(start_date__gte=add_days(first, -UNDATED_REACH.days))
            )
        if last is not None:
            query = query.filter(Q(start_date__isnull=True) | Q(start_date__lte=last))
        # Read with their people and sources (_fixed): in a busy month a country has hundreds
        # of curated meetings, and two queries for each cost an article about a second.
        return (
            query.distinct()
            .order_by("pk")
            .prefetch_related(
                Prefetch("participants", queryset=Participant.objects.select_related("actor")),
                "sources",
            )
        )

    # --- Writing ---------------------------------------------------------------------------------

    def _lock_meetings(self) -> dict[int, Meeting]:
        """Lock the meetings about to be written and make sure no editor changed them since
        they were read; an editor's change wins, and this work starts again around it.
        Returns them, as read under the lock, by id."""
        ids = sorted(self.seen_curation)
        locked = (
            Meeting.objects.select_for_update().filter(pk__in=ids).order_by("pk") if ids else []
        )
        meetings = {meeting.pk: meeting for meeting in locked}
        if {pk: _curation(meeting) for pk, meeting in meetings.items()} != self.seen_curation:
            raise _StartAgain()
        return meetings

    def apply(self, fresh: list[Claim], previous: dict[tuple[int, int], int]) -> dict[int, Meeting]:
        """Regroup the scope's claims plus the `fresh` ones, write the result; returns the
        meeting of each fresh claim, by ordinal."""
        locked = self._lock_meetings()
        stored = [_claim(source) for source in self.free_sources.values()]
        for source, claim in zip(self.free_sources.values(), stored, strict=True):
            previous.setdefault((claim.article, claim.ordinal), source.meeting_id)
        groups = cluster([*stored, *fresh], self.fixed.values())
        assigned = assign_meetings(groups, previous)
        # Every meeting a group continues was locked and read just now (its claims' or an
        # editor's); read any other, to be safe, rather than read them all again.
        wanted = {meeting_id for meeting_id in assigned if meeting_id}
        existing = {pk: locked[pk] for pk in wanted & locked.keys()}
        if unread := wanted - locked.keys():
            existing.update(Meeting.objects.in_bulk(unread))
        unmet = [
            group.claims
            for group, meeting_id in zip(groups, assigned, strict=True)
            if existing.get(meeting_id) is None
        ]
        built = iter(_meetings_create(unmet))
        placed: list[tuple[Group, Meeting]] = []
        created: set[int] = set()
        for group, meeting_id in zip(groups, assigned, strict=True):
            meeting = existing.get(meeting_id) if meeting_id else None
            if meeting is None:
                meeting = next(built)
                created.add(meeting.pk)
            placed.append((group, meeting))

        self._write_sources(
            {
                (meeting.pk, claim.article): (claim, group.fixed is not None)
                for group, meeting in placed
                for claim in group.claims
            },
            created=created,
        )
        recomputed = [
            (group, meeting)
            for group, meeting in placed
            if group.fixed is None and meeting.pk not in created
        ]
        participants: dict[int, dict[int, Participant]] = {
            meeting.pk: {} for _, meeting in recomputed
        }
        if recomputed:
            for participant in Participant.objects.filter(meeting_id__in=list(participants)):
                participants[participant.meeting_id][participant.actor_id] = participant
        for group, meeting in recomputed:
            _recompute(meeting, group.claims, participants=participants[meeting.pk])
        meeting_refresh_search(meetings=[meeting for _, meeting in placed], created=created)
        self._retire(placed, previous, locked)
        return {
            claim.ordinal: meeting
            for group, meeting in placed
            for claim in group.claims
            if claim.article == self.article_id
        }

    def _write_sources(
        self, desired: dict[tuple[int, int], tuple[Claim, bool]], *, created: set[int]
    ) -> None:
        """`created`: meetings inserted in this transaction, with no evidence to read yet."""
        existing = {
            (source.meeting_id, source.article_id): source
            for source in (*self.free_sources.values(), *self.replaced.values())
        }
        for key, source in existing.items():
            if key not in desired:
                Evidence.objects.filter(meeting_id=key[0], article_id=key[1]).delete()
                source.delete()
        # Every source's evidence in one query, not one for each.
        evidence: dict[tuple[int, int], list[Evidence]] = {key: [] for key in desired}
        earlier = {meeting_id for meeting_id, _ in desired} - created
        if earlier:
            for item in Evidence.objects.filter(
                meeting_id__in=earlier,
                article_id__in={article_id for _, article_id in desired},
            ):
                if (item.meeting_id, item.article_id) in evidence:
                    evidence[(item.meeting_id, item.article_id)].append(item)
        for (meeting_id, article_id), (claim, curated) in desired.items():
            source = existing.get((meeting_id, article_id))
            if source is None:
                source = MeetingSource(meeting_id=meeting_id, article_id=article_id)
            _rewrite_source(
                source, claim, curated=curated, evidence=evidence[(meeting_id, article_id)]
            )

    def _retire(
        self,
        placed: list[tuple[Group, Meeting]],
        previous: dict[tuple[int, int], int],
        locked: dict[int, Meeting],
    ) -> None:
        """Meetings nobody curated that no claim continues: merged into the meeting that took
        most of their claims, or gone when no article reports them any more."""
        kept = {meeting.pk for _, meeting in placed}
        gone = [
            meeting_id
            for meeting_id, (curated, _) in sorted(self.seen_curation.items())
            if not curated and meeting_id not in kept
        ]
        # Every one of them was read under its lock (seen_curation's ids are the locked ones).
        for meeting in (locked[pk] for pk in gone):
            heirs = Counter(
                heir.pk
                for group, heir in placed
                for claim in group.claims
                if previous.get((claim.article, claim.ordinal)) == meeting.pk
            )
            heir = min(heirs, key=lambda pk: (-heirs[pk], pk)) if heirs else None
            meeting_retire(
                meeting=meeting,
                merged_into=next((m for _, m in placed if m.pk == heir), None),
                reason=(
                    f"merged into meeting {heir}: its reports tell of one encounter"
                    if heir
                    else "no article reports it any more"
                ),
            )


def _reach(claims: list[Claim]) -> tuple[dt.date | None, dt.date | None]:
    windows = [window(claim) for claim in claims]
    firsts = [first for first, _ in windows]
    lasts = [last for _, last in windows]
    first = None if None in firsts else min(firsts)
    last = None if None in lasts else max(lasts)
    return first, last


def _curation(meeting: Meeting) -> tuple:
    return (meeting.is_curated, meeting.updated_at)


def _fixed(meeting: Meeting) -> Fixed:
    """A curated meeting as events.merging sees it: its facts as a claim, and its sources.

    The meeting comes with its participants (and their actors) and sources prefetched."""
    participants = list(meeting.participants.all())
    sources = list(meeting.sources.all())
    published = [
        dt.date.fromisoformat(source.claim["published"])
        for source in sources
        if source.claim.get("published")
    ]
    countries = {p.actor.country_id for p in participants if p.actor.country_id}
    if meeting.country_id:
        countries.add(meeting.country_id)
    facts = Claim(
        article=-meeting.pk,
        ordinal=0,
        published=max(published) if published else None,
        kind=meeting.kind,
        status=meeting.status,
        start=meeting.start_date,
        end=meeting.end_date,
        precision=meeting.date_precision,
        city=meeting.city,
        country=meeting.country_id,
        countries=frozenset(countries),
        participants=tuple(sorted((p.actor_id, p.role) for p in participants)),
    )
    return Fixed(
        meeting=meeting.pk,
        facts=facts,
        articles=frozenset(source.article_id for source in sources),
    )


# --- Rows -----------------------------------------------------------------------------------------


def _rewrite_source(
    source: MeetingSource,
    claim: Claim,
    *,
    curated: bool,
    evidence: Iterable[Evidence] | None = None,
) -> None:
    """Store a claim on its source with its index, and its evidence: exactly the claim's for
    a meeting nobody curated; only added to a curated one (editors may have edited it).
    `evidence`: the source's stored evidence, when the caller has read it."""
    data = claim_to_json(claim)
    first, last = window(claim)
    fields = {
        "claim": data,
        "family": claim.family,
        "window_start": first,
        "window_end": last,
    }
    created = source.pk is None
    if created or any(getattr(source, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(source, name, value)
        source.save()
        countries = sorted(claim.countries & country_codes())
        if created:
            source.countries.add(*countries)  # nothing to compare with: no read first
        else:
            source.countries.set(countries)
    spans = {(part, start): (end, text) for part, start, end, text in claim.evidence}
    if evidence is None:
        evidence = Evidence.objects.filter(
            meeting_id=source.meeting_id, article_id=source.article_id
        )
    existing = {(item.field, item.start_char): item for item in evidence}
    if not curated:
        for key, item in list(existing.items()):
            if spans.get(key) != (item.end_char, item.text):
                item.delete()
                del existing[key]
    history_bulk_create(
        Evidence,
        [
            Evidence(
                meeting_id=source.meeting_id,
                article_id=source.article_id,
                field=part,
                start_char=start,
                end_char=end,
                text=text,
            )
            for (part, start), (end, text) in spans.items()
            if (part, start) not in existing
        ],
    )


def _meetings_create(claim_groups: list[list[Claim]]) -> list[Meeting]:
    """New meetings for these groups of claims, inserted whole: their fields, title and
    timeline date set before the insert (one row and one history row each, not an insert
    then an update), all in one query with their history rows, and their participants in
    one more. What `_recompute` and
    `meeting_refresh_search` would set, so that they find nothing to change."""
    if not claim_groups:
        return []
    facts = [merged_facts(claims) for claims in claim_groups]
    names = dict(
        Actor.objects.filter(
            pk__in={actor for found in facts for actor, _ in found.participants}
        ).values_list("pk", "name")
    )
    places = {found.country for found in facts if found.country and not found.city}
    country_names = (
        dict(Country.objects.filter(code__in=places).values_list("code", "name")) if places else {}
    )
    meetings = []
    for claims, found in zip(claim_groups, facts, strict=True):
        meeting = Meeting(
            kind=found.kind,
            status=found.status,
            start_date=found.start,
            end_date=found.end,
            date_precision=found.precision,
            city=found.city,
            country_id=found.country,
            decided_by=dict(sorted(found.decided_by.items())),
        )
        # The order meeting_title reads them in (Participant.Meta.ordering).
        people = sorted(found.participants, key=lambda item: (item[1], names[item[0]]))
        meeting.title = compose_title(
            kind=found.kind,
            place=found.city or country_names.get(found.country, ""),
            visitors=[names[a] for a, role in people if role == ParticipantRole.VISITOR],
            hosts=[names[a] for a, role in people if role == ParticipantRole.HOST],
            everyone=[names[a] for a, _ in people],
        )[: Meeting._meta.get_field("title").max_length]
        published = [claim.published for claim in claims if claim.published]
        if found.start is not None and found.precision != DatePrecision.UNKNOWN:
            meeting.sort_date, meeting.sort_date_reported = found.start, False
        else:
            meeting.sort_date, meeting.sort_date_reported = min(published, default=None), True
        meetings.append(meeting)
    # The data version was raised by the caller: bulk inserts send no post_save.
    meetings = history_bulk_create(Meeting, meetings)
    history_bulk_create(
        Participant,
        [
            Participant(meeting=meeting, actor_id=actor_id, role=role)
            for meeting, found in zip(meetings, facts, strict=True)
            for actor_id, role in found.participants
        ],
    )
    return meetings


def _recompute(
    meeting: Meeting, claims: list[Claim], *, participants: dict[int, Participant]
) -> None:
    """Set an uncurated meeting's fields and participants from its claims; saves only what
    changed, so that reading an article again writes nothing when it says the same.
    `participants`: the meeting's stored participants by actor id."""
    facts = merged_facts(claims)
    roles = dict(facts.participants)
    existing = participants
    gone = [participant for actor_id, participant in existing.items() if actor_id not in roles]
    for participant in gone:
        participant.delete()
    joined = [
        Participant(meeting=meeting, actor_id=actor_id, role=role)
        for actor_id, role in roles.items()
        if actor_id not in existing
    ]
    history_bulk_create(Participant, joined)
    recast = [
        participant
        for actor_id, role in roles.items()
        if (participant := existing.get(actor_id)) is not None and participant.role != role
    ]
    for participant in recast:
        participant.role = roles[participant.actor_id]
        participant.save(update_fields=["role"])
    values = {
        "kind": facts.kind,
        "status": facts.status,
        "start_date": facts.start,
        "end_date": facts.end,
        "date_precision": facts.precision,
        "city": facts.city,
        "country_id": facts.country,
        "decided_by": {name: article for name, article in sorted(facts.decided_by.items())},
    }
    changed = [name for name, value in values.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, values[name])
    # The title follows the kind, venue and participants: when none changed, neither did it
    # (a new meeting has none yet; an actor renamed elsewhere refreshes its meetings itself).
    if changed or gone or joined or recast or not meeting.title:
        changed += meeting_refresh_derived(meeting=meeting, save=False)
    if changed:
        meeting.save()


def meeting_retire(*, meeting: Meeting, merged_into: Meeting | None, reason: str) -> None:
    """Delete a meeting, leaving a tombstone that sends its old links to `merged_into` (or
    answers 410 Gone); links to it that were already tombstones follow it."""
    MeetingTombstone.objects.filter(merged_into=meeting).update(merged_into=merged_into)
    MeetingTombstone.objects.create(
        meeting_id=meeting.pk, title=meeting.title, merged_into=merged_into, reason=reason
    )
    meeting.delete()
