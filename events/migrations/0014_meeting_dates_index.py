"""The oldest-first index (migration 0005) carries the columns the date filters read.

A count or histogram of a date range is then an index-only scan of the range's part of the index
(PostgreSQL only, as 0005's indexes: SQLite has no INCLUDE). At 200,000 meetings, counting one
year's meetings read every meeting in 41-60 ms; it reads that year's entries in 3-32 ms
(docs/benchmarks.md).
"""

from django.db import migrations, models

# The columns of events.selectors.on_or_after and of the default review state's filter.
DATE_FILTER_COLUMNS = [
    "review_state",
    "sort_date_reported",
    "start_date",
    "end_date",
    "date_precision",
]

OLDEST_FIRST = models.Index(
    models.F("sort_date").asc(nulls_last=True), models.F("id").asc(), name="meeting_oldest_first"
)
# Ascending order puts nulls last in PostgreSQL: the same order as OLDEST_FIRST.
OLDEST_FIRST_WITH_DATES = models.Index(
    fields=["sort_date", "id"], include=DATE_FILTER_COLUMNS, name="meeting_oldest_first_dates"
)


def add_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        meeting = apps.get_model("events", "Meeting")
        schema_editor.add_index(meeting, OLDEST_FIRST_WITH_DATES)
        schema_editor.remove_index(meeting, OLDEST_FIRST)


def remove_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        meeting = apps.get_model("events", "Meeting")
        schema_editor.add_index(meeting, OLDEST_FIRST)
        schema_editor.remove_index(meeting, OLDEST_FIRST_WITH_DATES)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0013_data_version"),
    ]

    operations = [
        migrations.RunPython(add_covering_index, remove_covering_index),
    ]
