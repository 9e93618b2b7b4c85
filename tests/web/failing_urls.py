"""A URLconf with a view that fails, for the 500 page's test."""

from django.urls import path


def fail(request):
    raise RuntimeError("A deliberate failure.")


urlpatterns = [path("fail/", fail)]
