"""The longest span of any meeting (end minus start, in days) from an index: a date range's
lower bound on the sort date (events.selectors._earliest_start) reads it at every filtered
request, in a tenth of a millisecond. PostgreSQL only, as that bound."""

from django.db import migrations

CREATE = "CREATE INDEX meeting_span ON events_meeting ((end_date - start_date))"
DROP = "DROP INDEX IF EXISTS meeting_span"


def add_span_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def remove_span_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0015_meeting_rejected_index"),
    ]

    operations = [
        migrations.RunPython(add_span_index, remove_span_index),
    ]
