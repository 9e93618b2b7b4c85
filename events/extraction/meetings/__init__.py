"""From sentences to meetings: `MeetingFinder` (see `finder`) and what it hands on."""

from events.extraction.meetings.encounters import consolidate
from events.extraction.meetings.finder import MeetingFinder
from events.extraction.meetings.model import (
    CALL,
    CANCELLED,
    MEETING,
    MULTILATERAL,
    OCCURRED,
    PLANNED,
    VISIT,
    Candidate,
    Cue,
    Encounter,
    Venue,
)

__all__ = [
    "CALL",
    "CANCELLED",
    "MEETING",
    "MULTILATERAL",
    "OCCURRED",
    "PLANNED",
    "VISIT",
    "Candidate",
    "Cue",
    "Encounter",
    "MeetingFinder",
    "Venue",
    "consolidate",
]
