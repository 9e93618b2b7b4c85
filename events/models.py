from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from events.extraction.vocabulary import Kind, Precision, Role, Status


class Country(models.Model):
    """An ISO 3166 country, with its names in other languages for matching and display."""

    code = models.CharField("ISO 3166 alpha-2", max_length=2, primary_key=True)
    alpha3 = models.CharField("ISO 3166 alpha-3", max_length=3, blank=True)
    name = models.CharField(max_length=200)
    names = models.JSONField(
        default=dict, blank=True, help_text="Names by language code, from CLDR."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class ActorKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Actor(models.Model):
    name = models.CharField(max_length=200, help_text="As the actor is best known in English.")
    kind = models.CharField(max_length=16, choices=ActorKind, default=ActorKind.PERSON)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="actors"
    )
    verified = models.BooleanField(
        default=False, help_text="Checked by an editor; extraction creates unverified actors."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ActorAlias(models.Model):
    """Another way of writing an actor's name, in any script."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "normalized"], name="unique_alias_per_actor")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        from events.extraction.names import normalize_name

        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class ActorRole(models.Model):
    """A title an actor holds, e.g. President of Russia; dates bound when it was held or seen."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    observed = models.BooleanField(
        default=False,
        help_text=(
            "Seen in articles: its dates bound the days it was seen. Roles from the directory "
            "or an editor say when it was held, and tell extraction who is out of office."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["actor", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "title", "country", "observed"],
                name="unique_role_per_actor",
            )
        ]

    def __str__(self) -> str:
        place = f" of {self.country}" if self.country_id else ""
        return f"{self.title}{place}"


# The values are the engine's vocabulary, so what extraction writes is always a choice.
class MeetingKind(models.TextChoices):
    VISIT = Kind.VISIT, _("Visit")
    MEETING = Kind.MEETING, _("Meeting")
    MULTILATERAL = Kind.MULTILATERAL, _("Multilateral")
    CALL = Kind.CALL, _("Call")


class MeetingStatus(models.TextChoices):
    PLANNED = Status.PLANNED, _("Planned")
    OCCURRED = Status.OCCURRED, _("Occurred")
    CANCELLED = Status.CANCELLED, _("Cancelled")


class DatePrecision(models.TextChoices):
    DAY = Precision.DAY, _("Day")
    MONTH = Precision.MONTH, _("Month")
    YEAR = Precision.YEAR, _("Year")
    UNKNOWN = Precision.UNKNOWN, _("Unknown")


class ReviewState(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class ParticipantRole(models.TextChoices):
    VISITOR = Role.VISITOR, _("Visitor")
    HOST = Role.HOST, _("Host")
    PARTICIPANT = Role.PARTICIPANT, _("Participant")


class MeetingQuerySet(models.QuerySet):
    def curated(self) -> "MeetingQuerySet":
        return self.filter(Q(edited=True) | ~Q(review_state=ReviewState.EXTRACTED))

    def uncurated(self) -> "MeetingQuerySet":
        return self.filter(edited=False, review_state=ReviewState.EXTRACTED)


class Meeting(models.Model):
    title = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=16, choices=MeetingKind, default=MeetingKind.MEETING)
    status = models.CharField(max_length=16, choices=MeetingStatus, default=MeetingStatus.OCCURRED)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision, default=DatePrecision.UNKNOWN
    )
    city = models.CharField("venue city", max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name="venue country",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_meetings",
    )
    review_state = models.CharField(
        max_length=16, choices=ReviewState, default=ReviewState.EXTRACTED
    )
    edited = models.BooleanField(
        default=False,
        help_text="Set when an editor changed this meeting; extraction then leaves it alone.",
    )
    title_is_manual = models.BooleanField(
        "title written by hand",
        default=False,
        help_text=(
            "Set when an editor wrote the title; otherwise it is derived from the meeting's "
            "facts whenever they change. Untick it to let the title follow the facts again."
        ),
    )
    decided_by = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text=(
            "For each field recomputed from the sources (kind, status, date, venue, "
            "participants), the id of the article whose claim decided it."
        ),
    )
    actors = models.ManyToManyField(Actor, through="Participant", related_name="meetings")
    articles = models.ManyToManyField(
        "articles.Article", through="MeetingSource", related_name="meetings"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Derived by events.search.meeting_refresh_search: where the timeline places the meeting.
    sort_date = models.DateField(null=True, editable=False)
    sort_date_reported = models.BooleanField(
        default=False, editable=False, help_text="No date of its own: placed by its first report."
    )

    objects = MeetingQuerySet.as_manager()
    # The sort date follows the facts and sources, which are recorded themselves.
    history = HistoricalRecords(excluded_fields=["sort_date", "sort_date_reported"])

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["start_date"]),
            models.Index(fields=["kind", "status"]),
            # Counting the timeline's meetings (all but rejected ones) from an index alone.
            models.Index(fields=["review_state"], name="meeting_review_state"),
            # The rejected meetings' ids, which a count by one country, actor or search
            # leaves out (events.selectors.meeting_count): read from this index alone.
            models.Index(
                fields=["id"], condition=models.Q(review_state="rejected"), name="meeting_rejected"
            ),
            # The timeline's order has its indexes too (migration 0005): on PostgreSQL only,
            # since SQLite cannot index NULLS LAST. The oldest-first one carries the date
            # filters' columns, for counting a date range from the index (migration 0014).
        ]

    def __str__(self) -> str:
        return self.title or f"Meeting {self.pk}"

    @property
    def is_curated(self) -> bool:
        """An editor's verdict or edit: extraction never overwrites or re-creates it."""
        return self.edited or self.review_state != ReviewState.EXTRACTED


class MeetingSearch(models.Model):
    """A meeting's words for search, derived by events.search (a full-text index on PostgreSQL).

    Kept apart from Meeting so that the timeline's scans do not read the long documents.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, primary_key=True, related_name="search"
    )
    document = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "meeting searches"

    def __str__(self) -> str:
        return f"Search document of meeting {self.meeting_id}"


class Participant(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(
        max_length=16, choices=ParticipantRole, default=ParticipantRole.PARTICIPANT
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "actor"], name="unique_participant")
        ]
        # The timeline's actor and country filters read meetings by actor, from the index alone.
        indexes = [models.Index(fields=["actor", "meeting"], name="participant_actor_meeting")]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_role_display()})"


class MeetingSource(models.Model):
    """One article reporting a meeting, with what that article alone says of it: its claim.

    Meetings nobody curated are the clusters of their claims (events.merging): the claim lets a
    meeting reported by many articles be recomputed when one of them is extracted again,
    without losing what the others said. `family`, the date window and `countries` are the
    claim's index, to find the claims that may be the same encounter (events.store).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="meeting_sources"
    )
    claim = models.JSONField(default=dict, blank=True)
    family = models.CharField(max_length=16, blank=True, editable=False)
    window_start = models.DateField(null=True, blank=True, editable=False)
    window_end = models.DateField(null=True, blank=True, editable=False)
    countries = models.ManyToManyField(Country, blank=True, related_name="+", editable=False)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "article"], name="unique_meeting_source")
        ]
        indexes = [models.Index(fields=["family", "window_start", "window_end"])]

    def __str__(self) -> str:
        return f"{self.article} → {self.meeting}"


class TextPart(models.TextChoices):
    TITLE = "title", _("Title")
    BODY = "body", _("Body")


class Evidence(models.Model):
    """A sentence of an article that supports a meeting, with its character offsets.

    Offsets count characters of the article's title or body, as `field` says.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="evidence"
    )
    field = models.CharField(max_length=8, choices=TextPart, default=TextPart.BODY)
    text = models.TextField()
    start_char = models.PositiveIntegerField()
    end_char = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["article_id", "-field", "start_char"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "article", "field", "start_char"], name="unique_evidence"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class MeetingTombstone(models.Model):
    """What became of a meeting id that no longer exists, so that old links still answer.

    A meeting merged into another redirects to it (`merged_into`); one removed because no
    article reports it any more answers 410 Gone. Ids are never reused.
    """

    meeting_id = models.BigIntegerField(primary_key=True)
    title = models.CharField(max_length=300, blank=True)
    merged_into = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed"
    )
    reason = models.CharField(max_length=300)
    retired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-retired_at"]

    def __str__(self) -> str:
        return f"Meeting {self.meeting_id}: {self.reason}"


class WorkerHeartbeat(models.Model):
    """A running `db_worker` process and its last sign of life (events.worker_health).

    A worker beats every WORKER_HEARTBEAT_SECONDS from a thread of its own, also while it runs a
    long task; a row that stops beating, or whose process is gone from this host, marks a dead
    worker whose running task is taken back and queued again.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField()

    class Meta:
        ordering = ["started_at"]

    def __str__(self) -> str:
        return f"worker {self.worker_id} (pid {self.pid} on {self.hostname})"


class ActorTombstone(models.Model):
    """What became of an actor id that no longer exists.

    An actor merged into another leads to it (`merged_into`): old links and actor keys follow.
    One an editor deleted as junk keeps its names (normalised), so that extraction does not
    create it again; deleting the tombstone lets it."""

    actor_id = models.BigIntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    names = models.JSONField(
        default=list, blank=True, help_text="The actor's names, normalised, when it was retired."
    )
    merged_into = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed"
    )
    reason = models.CharField(max_length=300)
    retired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-retired_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.actor_id}): {self.reason}"


class MeetingCountry(models.Model):
    """A country a meeting involves: its venue's, or a participant's (derived by
    events.country_index whenever the meeting's search data is refreshed).

    The country, pair and matrix pages and the timeline's country filter read these rows, so
    that "meetings of Syria" is an index lookup rather than a scan of participants.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="country_rows")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    visiting = models.BooleanField(default=False, help_text="One of its officials is a visitor.")
    hosting = models.BooleanField(default=False, help_text="The venue, or one of its hosts.")

    class Meta:
        verbose_name_plural = "meeting countries"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "country"], name="unique_meeting_country")
        ]
        indexes = [models.Index(fields=["country", "meeting"], name="meeting_country_country")]

    def __str__(self) -> str:
        return f"{self.country_id} in meeting {self.meeting_id}"


class MeetingPair(models.Model):
    """Two countries that met, `first` before `second` in code order (derived with
    MeetingCountry): the who-met-whom matrix counts these rows, the pair page looks them up."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="country_pairs")
    first = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "first", "second"], name="unique_meeting_pair"
            ),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="meeting_pair_in_order"
            ),
        ]
        indexes = [
            models.Index(fields=["first", "second", "meeting"], name="meeting_pair_countries")
        ]

    def __str__(self) -> str:
        return f"{self.first_id}-{self.second_id} in meeting {self.meeting_id}"


class CalendarToken(models.Model):
    """A secret in the URL of a user's calendar feed (/upcoming.ics?token=...).

    A calendar app cannot send the session cookie: the token stands for the user, with the
    user's permissions at the time of each request. Making a new one revokes the old.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar link of {self.user}"


class ExportJob(models.Model):
    """A meetings export too large to write inside a web request, written by a worker
    (events.export_jobs); its file is kept EXPORT_KEEP_SECONDS, then deleted with the row."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for the worker")
        RUNNING = "running", _("Being written")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="export_jobs"
    )
    # The export's filters and format as a normalised query string: the key of reuse, and what
    # the worker reads the meetings with, through the same forms as the inline export.
    query = models.TextField(blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PENDING)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="exports/", blank=True)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "query"], name="export_job_reuse")]

    def __str__(self) -> str:
        return f"Export {self.pk} ({self.state}): {self.query or 'all meetings'}"


class DataVersion(models.Model):
    """One row whose `number` goes up after every commit that changes what the timeline shows
    (events.data_version): the key under which rendered pages are cached (events.page_cache)."""

    number = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Data version {self.number}"
