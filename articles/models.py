from django.conf import settings
from django.db import models


class ExtractionStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    UNSUPPORTED = "unsupported", "Language not supported"


class Article(models.Model):
    title = models.CharField(max_length=500)
    body = models.TextField()
    source = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    external_id = models.CharField(
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text="The id of an imported record; unique when given.",
    )
    published_on = models.DateField("publication date")
    language = models.CharField(
        max_length=8, blank=True, help_text="ISO 639-1 code, given or detected."
    )
    language_detected = models.BooleanField(
        default=False, help_text="Set when the language was detected rather than given."
    )
    content_hash = models.CharField(max_length=64, unique=True, editable=False)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    extraction_status = models.CharField(
        max_length=16, choices=ExtractionStatus, default=ExtractionStatus.QUEUED
    )
    extraction_error = models.TextField(blank=True)
    extraction_attempts = models.PositiveSmallIntegerField(default=0)
    extraction_task_id = models.CharField(max_length=64, blank=True, editable=False)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["extraction_status", "extraction_started_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def reference(self) -> str:
        """How exports and other tools name this article: its external id, else its own id."""
        return self.external_id or str(self.pk)

    @property
    def is_pending(self) -> bool:
        return self.extraction_status in {ExtractionStatus.QUEUED, ExtractionStatus.PROCESSING}


class ImportBatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class ImportBatchKind(models.TextChoices):
    JSONL = "jsonl", "JSONL file"
    FILES = "files", "Files"


class ImportBatch(models.Model):
    """Many articles uploaded at once (a JSONL file, or several files), imported by a task.

    The upload only stores the raw input: a JSONL file's bytes in `data` (split into one item a
    line by the task, then emptied), or one item per file. The task imports item by item, each
    in one transaction with its article, so a run that is stopped and started again neither
    loses nor repeats an item.
    """

    kind = models.CharField(max_length=8, choices=ImportBatchKind)
    name = models.CharField(max_length=300, help_text="The file's name, or how many files.")
    data = models.BinaryField(blank=True, default=b"", editable=False)
    status = models.CharField(
        max_length=16, choices=ImportBatchStatus, default=ImportBatchStatus.QUEUED
    )
    message = models.TextField(blank=True, help_text="Why the whole import failed.")
    # What files that do not state them get (JSONL records carry their own).
    default_published_on = models.DateField("publication date", null=True, blank=True)
    default_language = models.CharField(max_length=8, blank=True)
    default_source = models.CharField(max_length=200, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        null=True, blank=True, help_text="Last sign of life of the task importing it."
    )
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"Import {self.pk}: {self.name}"

    @property
    def is_finished(self) -> bool:
        return self.status in {ImportBatchStatus.DONE, ImportBatchStatus.FAILED}


class ImportItemStatus(models.TextChoices):
    QUEUED = "queued", "Waiting"
    IMPORTED = "imported", "Imported"
    DUPLICATE = "duplicate", "Duplicate"
    INVALID = "invalid", "Invalid"


class ImportItem(models.Model):
    """One line of an imported JSONL file, or one uploaded file, and what became of it."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(help_text="The line number, or the file's place.")
    name = models.CharField(max_length=255, blank=True, help_text="The file's name.")
    raw = models.BinaryField(
        blank=True, default=b"", editable=False, help_text="The line or file, until imported."
    )
    status = models.CharField(
        max_length=16, choices=ImportItemStatus, default=ImportItemStatus.QUEUED
    )
    message = models.TextField(blank=True)
    label = models.CharField(max_length=200, blank=True, help_text="The record's title or id.")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_items"
    )

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="import_item_position")
        ]
        indexes = [models.Index(fields=["batch", "status"])]

    def __str__(self) -> str:
        return self.name or f"line {self.position}"
