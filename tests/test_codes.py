"""events.codes: CAMEO and PLOVER codes derived from a meeting's kind, status and places."""

import pytest

from events.codes import EventCodes, meeting_codes

RU_SY = {"RU", "SY"}


@pytest.mark.parametrize(
    ("kind", "status", "venue", "countries", "expected"),
    [
        # What happened: CONSULT, with CAMEO telling the kind of encounter.
        ("visit", "occurred", "RU", RU_SY, ("042", "CONSULT", "visit")),
        ("visit", "occurred", None, RU_SY, ("042", "CONSULT", "visit")),
        ("call", "occurred", None, RU_SY, ("041", "CONSULT", "phone")),
        ("call", "occurred", "RU", RU_SY, ("041", "CONSULT", "phone")),
        ("meeting", "occurred", "CH", RU_SY, ("044", "CONSULT", "third-party")),
        ("meeting", "occurred", "RU", RU_SY, ("040", "CONSULT", "")),
        ("meeting", "occurred", None, RU_SY, ("040", "CONSULT", "")),
        ("multilateral", "occurred", "CH", RU_SY, ("040", "CONSULT", "multilateral")),
        ("multilateral", "occurred", None, set(), ("040", "CONSULT", "multilateral")),
        # What is only planned: an intent to meet, AGREE, keeping the mode.
        ("visit", "planned", "RU", RU_SY, ("036", "AGREE", "visit")),
        ("call", "planned", None, RU_SY, ("036", "AGREE", "phone")),
        ("meeting", "planned", "CH", RU_SY, ("036", "AGREE", "third-party")),
        ("meeting", "planned", "RU", RU_SY, ("036", "AGREE", "")),
        ("multilateral", "planned", "CH", RU_SY, ("036", "AGREE", "multilateral")),
        # What was called off is no event: no codes.
        ("visit", "cancelled", "RU", RU_SY, ("", "", "")),
        ("meeting", "cancelled", None, RU_SY, ("", "", "")),
    ],
)
def test_meeting_codes(kind, status, venue, countries, expected):
    codes = meeting_codes(
        kind=kind, status=status, venue_country=venue, participant_countries=countries
    )

    assert codes == EventCodes(*expected)


def test_a_visit_with_a_named_host_is_also_hosting_one():
    codes = meeting_codes(
        kind="visit",
        status="occurred",
        venue_country="RU",
        participant_countries=RU_SY,
        hosted=True,
    )

    assert codes == EventCodes("042; 043", "CONSULT", "visit")
