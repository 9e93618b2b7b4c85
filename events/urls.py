from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("meetings/export.csv", views.meeting_export, name="meeting-export"),
    path("meetings/histogram/", views.meeting_histogram, name="meeting-histogram"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path(
        "articles/<int:pk>/retry-extraction/",
        views.article_retry_extraction,
        name="article-retry-extraction",
    ),
    path("actors/suggestions/", views.actor_suggestions, name="actor-suggestions"),
    path("countries/suggestions/", views.country_suggestions, name="country-suggestions"),
]
