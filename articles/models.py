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
