"""Readable titles for meetings, derived from their facts: kind, participants and venue."""

from __future__ import annotations

from events.models import Meeting, MeetingKind, ParticipantRole


def _names(names: list[str], limit: int = 3) -> str:
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def meeting_title(meeting: Meeting) -> str:
    """E.g. "Donald Trump and Xi Jinping visit Cambodia, hosted by Hun Manet"."""
    participants = list(meeting.participants.select_related("actor"))
    return compose_title(
        kind=meeting.kind,
        place=meeting.city or (meeting.country.name if meeting.country_id else ""),
        visitors=[p.actor.name for p in participants if p.role == ParticipantRole.VISITOR],
        hosts=[p.actor.name for p in participants if p.role == ParticipantRole.HOST],
        everyone=[p.actor.name for p in participants],
    )


def compose_title(
    *, kind: str, place: str, visitors: list[str], hosts: list[str], everyone: list[str]
) -> str:
    """The title of a meeting of this kind at `place` (a city or country name, or "")."""
    where = f" in {place}" if place else ""
    if kind == MeetingKind.VISIT:
        travellers = visitors or everyone
        who = _names(travellers) or "Official"
        verb = "visit" if len(travellers) > 1 else "visits"
        title = f"{who} {verb} {place}" if place else f"Visit by {who}"
        return title + (f", hosted by {_names(hosts)}" if hosts else "")
    if kind == MeetingKind.CALL:
        return f"Call: {_names(everyone, 4)}" if everyone else "Call"
    if kind == MeetingKind.MULTILATERAL:
        return f"Summit{where}" + (f" with {_names(everyone)}" if everyone else "")
    if everyone:
        return f"Meeting of {_names(everyone, 4)}{where}"
    return f"Meeting{where}"
