"""Event-data codes for analysts: CAMEO and PLOVER, derived from a meeting's facts.

CAMEO: 036 express intent to meet, 040 consult, 041 discuss by telephone, 042 make a visit,
043 host a visit, 044 meet at a third location. PLOVER: CONSULT with its mode (visit,
third-party, multilateral, phone) for encounters, AGREE for ones only planned. A cancelled
encounter is no event in either scheme: its codes are left empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from events.models import Meeting, MeetingKind, MeetingStatus, ParticipantRole


@dataclass(frozen=True)
class EventCodes:
    cameo: str
    plover_type: str
    plover_mode: str


NO_CODES = EventCodes("", "", "")


def meeting_codes(
    *,
    kind: str,
    status: str,
    venue_country: str | None,
    participant_countries: set[str],
    hosted: bool = False,
) -> EventCodes:
    """The codes of one meeting; `participant_countries` are its participants' countries and
    `hosted` says whether a host is named (a visit is then also 043, "host a visit")."""
    if status == MeetingStatus.CANCELLED:
        return NO_CODES
    third_location = bool(venue_country) and venue_country not in participant_countries
    if kind == MeetingKind.CALL:
        cameo, mode = "041", "phone"
    elif kind == MeetingKind.MULTILATERAL:
        cameo, mode = "040", "multilateral"
    elif kind == MeetingKind.VISIT:
        cameo, mode = ("042; 043" if hosted else "042"), "visit"
    elif third_location:
        cameo, mode = "044", "third-party"
    else:
        cameo, mode = "040", ""
    if status == MeetingStatus.PLANNED:
        return EventCodes("036", "AGREE", mode)
    return EventCodes(cameo, "CONSULT", mode)


def codes_of(meeting: Meeting) -> EventCodes:
    """A stored meeting's codes; expects its participants (with actors) prefetched."""
    participants = list(meeting.participants.all())
    return meeting_codes(
        kind=meeting.kind,
        status=meeting.status,
        venue_country=meeting.country_id,
        participant_countries={p.actor.country_id for p in participants if p.actor.country_id},
        hosted=any(p.role == ParticipantRole.HOST for p in participants),
    )
