"""The shared vocabulary of meetings: kinds, statuses, participants' roles, date precisions.

One definition for the engine, which writes these values, and for the models
(`events.models`), whose choices are built from them; a test checks the two agree. They are
StrEnums, so a value compares and serialises as its plain string ("visit" == Kind.VISIT).
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    VISIT = "visit"
    MEETING = "meeting"
    MULTILATERAL = "multilateral"
    CALL = "call"


class Status(StrEnum):
    PLANNED = "planned"
    OCCURRED = "occurred"
    CANCELLED = "cancelled"


class Role(StrEnum):
    VISITOR = "visitor"
    HOST = "host"
    PARTICIPANT = "participant"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"
