"""The site's URLs plus an actor page, for the timeline's links to actor pages once they exist."""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as site_patterns
from events.urls import urlpatterns as event_patterns


def actor_detail(request, pk):
    return HttpResponse(f"actor {pk}")


events = [*event_patterns, path("actors/<int:pk>/", actor_detail, name="actor-detail")]
urlpatterns = [
    *[pattern for pattern in site_patterns if getattr(pattern, "namespace", None) != "events"],
    path("", include((events, "events"))),
]
