"""Every extracted fact says why: the named rule that set it and the words that triggered it.

The meeting page shows these to editors beside each field (tests/web/test_meeting_reasons.py).
"""

from events.extraction.types import REASON_FIELDS


def test_a_planned_visit_records_the_rule_and_cue_of_each_field(extract_en):
    result = extract_en(
        "Erdoğan to visit China",
        "Turkish President Recep Tayyip Erdoğan is scheduled to visit Beijing on 12 February "
        "for talks with Chinese President Xi Jinping.",
    )

    [meeting] = result.meetings
    assert set(meeting.reasons) == set(REASON_FIELDS)
    reasons = meeting.reasons
    assert meeting.status == "planned"
    assert reasons["status"].rule == "date_after_publication"
    assert reasons["status"].cues == ("12 February",)
    assert reasons["date"].rule == "date_nearest_meeting_word"
    assert reasons["date"].cues == ("12 February",)
    assert reasons["date"].sentence.text.startswith("Turkish President")
    assert reasons["venue"].rule == "place_named_as_venue"
    assert reasons["venue"].cues == ("Beijing",)
    assert meeting.kind == "visit"
    assert "visit" in reasons["kind"].cues
    assert reasons["participants"].rule == "visit_hosts_are_the_venue_country"
    assert set(reasons["participants"].cues) == {p.name for p in meeting.participants}


def test_a_status_cue_is_the_reason_when_no_date_decides(extract_id):
    result = extract_id(
        "Prabowo akan ke Beijing",
        "Presiden Prabowo Subianto dijadwalkan berkunjung ke Beijing untuk bertemu Presiden "
        "China Xi Jinping.",
    )

    [meeting] = result.meetings
    assert meeting.status == "planned"
    status = meeting.reasons["status"]
    assert status.rule == "planned_cue"
    assert status.cues == ("dijadwalkan",)
    assert status.sentence.field == "body"
    assert "dijadwalkan" in status.sentence.text


def test_a_cancellation_names_its_cue(extract_en):
    result = extract_en(
        "Talks called off",
        "Turkish President Recep Tayyip Erdoğan called off his planned trip to Beijing to meet "
        "Chinese President Xi Jinping.",
    )

    [meeting] = result.meetings
    assert meeting.status == "cancelled"
    assert meeting.reasons["status"].rule == "cancelled_cue"
    assert meeting.reasons["status"].cues == ("called off",)


def test_a_venue_from_the_dateline_says_so(extract_en):
    result = extract_en(
        "Xi receives Erdoğan",
        "BEIJING, Jan 29 (Wire) - Chinese President Xi Jinping held talks with Turkish "
        "President Recep Tayyip Erdoğan on Thursday.",
    )

    [meeting] = result.meetings
    assert meeting.city == "Beijing"
    assert meeting.reasons["venue"].rule == "dateline_place_of_the_home_side"
    assert meeting.reasons["venue"].cues == ("Beijing",)
