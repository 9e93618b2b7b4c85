"""From sentences to meetings: `MeetingFinder` (see `finder`) and what it hands on.

One module per job: meeting words become candidates (`candidates`); each field has the module
that reads it and settles it for the finding (`kind`, `participants` and their roles, `venue`,
`date`, `status`); candidates merge into encounters (`encounters`); `model` holds what the
parts hand each other and `reading` what they all read.
"""

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
