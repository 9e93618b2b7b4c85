"""Which countries each meeting involves, and which pairs of them met: derived rows
(MeetingCountry, MeetingPair) that the country, pair and matrix pages and the timeline's
country filter read from indexes.

A meeting involves its venue's country and the country of every participant. It is refreshed
with the meeting's search data (`events.search.meeting_refresh_search`), which every change of
participants, venue or actors' countries already calls.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations

from events.models import Meeting, MeetingCountry, MeetingPair, Participant, ParticipantRole


@dataclass
class Involvement:
    """The countries of one meeting, with how each takes part."""

    visiting: set[str] = field(default_factory=set)
    hosting: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)

    def add(self, code: str | None, *, role: str | None = None, venue: bool = False) -> None:
        if not code:
            return
        self.present.add(code)
        if venue or role == ParticipantRole.HOST:
            self.hosting.add(code)
        if role == ParticipantRole.VISITOR:
            self.visiting.add(code)

    def pairs(self) -> list[tuple[str, str]]:
        return list(combinations(sorted(self.present), 2))


def involvements(
    venues: Iterable[tuple[int, str | None]], people: Iterable[tuple[int, str | None, str]]
) -> dict[int, Involvement]:
    """Each meeting's countries from its (id, venue country) and its participants'
    (meeting id, country, role)."""
    found: dict[int, Involvement] = {}
    for meeting_id, code in venues:
        found.setdefault(meeting_id, Involvement()).add(code, venue=True)
    for meeting_id, code, role in people:
        found.setdefault(meeting_id, Involvement()).add(code, role=role)
    return found


def meeting_refresh_countries(
    ids: list[int],
    *,
    models: tuple | None = None,
    found: dict[int, Involvement] | None = None,
    created: Collection[int] = (),
) -> None:
    """Derive the country and pair rows of these meetings again (a batch at a time); only
    the meetings whose rows differ are written.

    `models` (Meeting, Participant, MeetingCountry, MeetingPair) lets a migration pass its
    historical models; `found`, the meetings' involvements when the caller has read them;
    `created`, those of the meetings inserted in this transaction, which have no rows yet:
    nothing to read or delete for them (a worker storing a new meeting saves four queries)."""
    meeting, participant, country_row, pair_row = models or (
        Meeting,
        Participant,
        MeetingCountry,
        MeetingPair,
    )
    if found is None:
        found = involvements(
            meeting.objects.filter(pk__in=ids).values_list("pk", "country_id"),
            participant.objects.filter(meeting_id__in=ids).values_list(
                "meeting_id", "actor__country_id", "role"
            ),
        )
    wanted = {
        meeting_id: (
            {
                (code, code in involved.visiting, code in involved.hosting)
                for code in involved.present
            },
            set(involved.pairs()),
        )
        for meeting_id, involved in found.items()
    }
    stored: dict[int, tuple[set, set]] = {meeting_id: (set(), set()) for meeting_id in ids}
    earlier = [meeting_id for meeting_id in ids if meeting_id not in created]
    if earlier:
        for meeting_id, *row in country_row.objects.filter(meeting_id__in=earlier).values_list(
            "meeting_id", "country_id", "visiting", "hosting"
        ):
            stored[meeting_id][0].add(tuple(row))
        for meeting_id, *row in pair_row.objects.filter(meeting_id__in=earlier).values_list(
            "meeting_id", "first_id", "second_id"
        ):
            stored[meeting_id][1].add(tuple(row))
    changed = [
        meeting_id
        for meeting_id in ids
        if stored[meeting_id] != wanted.get(meeting_id, (set(), set()))
    ]
    if not changed:
        return
    replaced = [meeting_id for meeting_id in changed if meeting_id not in created]
    if replaced:
        country_row.objects.filter(meeting_id__in=replaced).delete()
        pair_row.objects.filter(meeting_id__in=replaced).delete()
    country_row.objects.bulk_create(
        country_row(meeting_id=meeting_id, country_id=code, visiting=visiting, hosting=hosting)
        for meeting_id in changed
        for code, visiting, hosting in sorted(wanted.get(meeting_id, (set(), set()))[0])
    )
    pair_row.objects.bulk_create(
        pair_row(meeting_id=meeting_id, first_id=first, second_id=second)
        for meeting_id in changed
        for first, second in sorted(wanted.get(meeting_id, (set(), set()))[1])
    )
