"""Site-wide views: the health check and the gate in front of password reset."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@login_not_required
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when not: for load balancers and healthchecks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "unavailable", "database": f"{type(error).__name__}"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def password_reset_enabled() -> bool:
    """Password reset needs a mail server to send its link (settings.PASSWORD_RESET_ENABLED)."""
    return settings.PASSWORD_RESET_ENABLED


def password_reset_gate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The password reset page while a mail server is configured; else a page saying so.

    Without one, Django would tell people a message was sent when none was.
    """

    @login_not_required
    def gated(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not password_reset_enabled():
            return render(request, "registration/password_reset_unavailable.html", status=404)
        return view(request, *args, **kwargs)

    return gated


password_reset = password_reset_gate(auth_views.PasswordResetView.as_view())
password_reset_done = password_reset_gate(auth_views.PasswordResetDoneView.as_view())
password_reset_confirm = password_reset_gate(auth_views.PasswordResetConfirmView.as_view())
password_reset_complete = password_reset_gate(auth_views.PasswordResetCompleteView.as_view())
