"""The meeting page tells editors why each field has its value: the engine's rule and cue."""

import datetime as dt

from django.urls import reverse

from events.models import Meeting


def test_the_page_shows_the_rule_and_cue_beside_the_status(
    editor_client, queue_article, run_worker
):
    article = queue_article(
        title="Prabowo akan ke Beijing",
        body="Presiden Prabowo Subianto dijadwalkan berkunjung ke Beijing untuk bertemu "
        "Presiden China Xi Jinping.",
        published_on=dt.date(2026, 1, 30),
        language="id",
    )
    run_worker()
    [meeting] = Meeting.objects.filter(sources__article=article)

    page = editor_client.get(reverse("events:meeting-detail", args=[meeting.pk]))

    html = page.content.decode()
    assert meeting.status == "planned"
    assert "<code>planned_cue</code>, “dijadwalkan”" in html
    assert "<code>place_named_as_venue</code>, “Beijing”" in html
