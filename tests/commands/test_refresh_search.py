"""refresh_search: every meeting's search document and timeline date rebuilt."""

import datetime as dt
from io import StringIO

from django.core.management import call_command

from events.models import Meeting, MeetingSearch
from events.selectors import MeetingFilters, meetings_filtered
from tests.factories import make_actor, make_meeting


def test_rebuilds_what_an_upgrade_left_empty(db):
    make_meeting(title="Talks", start=dt.date(2024, 2, 3), participants=[make_actor("Ivo Kral")])
    make_meeting(title="Other talks", start=None)
    # As after the migration that added them, before any refresh.
    Meeting.objects.update(sort_date=None)
    MeetingSearch.objects.all().delete()
    assert not meetings_filtered(filters=MeetingFilters(q="kral")).exists()

    out = StringIO()
    call_command("refresh_search", stdout=out)

    assert out.getvalue().strip() == "2 meetings refreshed."
    assert meetings_filtered(filters=MeetingFilters(q="kral")).get().title == "Talks"
    assert Meeting.objects.get(title="Talks").sort_date == dt.date(2024, 2, 3)
