"""Site-wide middleware."""

from django.conf import settings
from django.views.defaults import page_not_found


class NotFoundPageMiddleware:
    """Our 404 page with DEBUG on too.

    Django answers an unknown address with its technical page when DEBUG is on (`make run`),
    which shows every URL pattern; people using the app should get the same page as in
    production. The server's log still names the address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(f"/{settings.STATIC_URL.lstrip('/')}")
        ):
            return page_not_found(request, exception=None)
        return response
