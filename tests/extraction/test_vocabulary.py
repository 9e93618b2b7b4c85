"""The engine and the models speak one vocabulary of kinds, statuses, roles and precisions."""

import pytest

from events import merging
from events.extraction import vocabulary
from events.models import DatePrecision, Meeting, MeetingKind, MeetingStatus, ParticipantRole

PAIRS = [
    (vocabulary.Kind, MeetingKind),
    (vocabulary.Status, MeetingStatus),
    (vocabulary.Role, ParticipantRole),
    (vocabulary.Precision, DatePrecision),
]


@pytest.mark.parametrize(("engine", "model"), PAIRS)
def test_the_models_choices_are_the_engines_values(engine, model):
    assert model.values == [member.value for member in engine]
    assert model.names == [member.name for member in engine]


def test_the_meeting_fields_take_their_choices_from_the_vocabulary():
    assert Meeting._meta.get_field("kind").choices == MeetingKind.choices
    assert Meeting._meta.get_field("status").choices == MeetingStatus.choices
    assert Meeting._meta.get_field("date_precision").choices == DatePrecision.choices


def test_merging_ranks_every_status_and_role():
    assert set(merging.STATUS_RANK) == set(vocabulary.Status)
    assert set(merging.ROLE_RANK) == set(vocabulary.Role)
    assert set(merging.PRECISION_RANK) == set(vocabulary.Precision)


def test_what_the_engine_writes_is_in_the_vocabulary(extract_en):
    result = extract_en(
        "Erdoğan to visit Beijing",
        "Turkish President Recep Tayyip Erdoğan will travel to Beijing next week for talks "
        "with Chinese President Xi Jinping, officials said.",
    )

    [meeting] = result.meetings
    assert isinstance(meeting.kind, vocabulary.Kind)
    assert isinstance(meeting.status, vocabulary.Status)
    assert isinstance(meeting.precision, vocabulary.Precision)
    assert all(isinstance(person.role, vocabulary.Role) for person in meeting.participants)
