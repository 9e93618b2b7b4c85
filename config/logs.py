"""Logging helpers named in settings.LOGGING."""

import logging


class ClientErrorsWithoutTraceback(logging.Filter):
    """Log a 4xx answer as one line: its traceback is an ordinary refusal, not a fault.

    Django logs a 403 (PermissionDenied) or a 400 with the exception attached, which a handler
    prints as a full traceback; a 5xx keeps its traceback, since that is what it is for.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status_code = getattr(record, "status_code", None)
        if isinstance(status_code, int) and 400 <= status_code < 500:
            record.exc_info = None
            record.exc_text = None
        # The request object is no field a log reader wants (the message names the path).
        if hasattr(record, "request"):
            record.request = str(getattr(record.request, "path", ""))
        return True
