"""Claims stored before the claim index: give them an ordinal, their evidence and their index
(family, date window, countries), and point queued extraction tasks at their new module."""

from django.db import migrations

from events.merging import claim_from_json, window

OLD_TASK = "articles.tasks.extract_article"
NEW_TASK = "events.tasks.extract_article"


def fill_index(apps, schema_editor):
    MeetingSource = apps.get_model("events", "MeetingSource")
    Evidence = apps.get_model("events", "Evidence")
    Country = apps.get_model("events", "Country")
    known = set(Country.objects.values_list("code", flat=True))
    ordinals: dict[int, int] = {}
    for source in MeetingSource.objects.order_by("article_id", "pk"):
        if not source.claim:
            continue
        data = dict(source.claim)
        data.setdefault("ordinal", ordinals.get(source.article_id, 0))
        ordinals[source.article_id] = data["ordinal"] + 1
        if "evidence" not in data:
            data["evidence"] = [
                {"field": item.field, "start": item.start_char, "end": item.end_char,
                 "text": item.text}
                for item in Evidence.objects.filter(
                    meeting_id=source.meeting_id, article_id=source.article_id
                ).order_by("field", "start_char")
            ]
        data.setdefault("reasons", {})
        claim = claim_from_json(source.article_id, data)
        source.claim = data
        source.family = claim.family
        source.window_start, source.window_end = window(claim)
        source.save()
        source.countries.set(sorted(set(claim.countries) & known))


def move_tasks(apps, schema_editor):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=OLD_TASK).update(task_path=NEW_TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_history_claim_index_tombstones"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(fill_index, migrations.RunPython.noop),
        migrations.RunPython(move_tasks, migrations.RunPython.noop),
    ]
