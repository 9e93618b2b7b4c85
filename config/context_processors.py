from django.http import HttpRequest

from config.views import password_reset_enabled


def password_reset(request: HttpRequest) -> dict[str, bool]:
    """Whether the login page may offer password reset."""
    return {"password_reset_enabled": password_reset_enabled()}
