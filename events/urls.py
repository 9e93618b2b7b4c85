from django.urls import path

from events import api, pivot_views, views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("meetings/export.csv", views.meeting_export, name="meeting-export"),
    path("meetings/histogram/", views.meeting_histogram, name="meeting-histogram"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/related/", pivot_views.meeting_related, name="meeting-related"),
    path("actors/suggestions/", views.actor_suggestions, name="actor-suggestions"),
    path("actors/<int:pk>/", pivot_views.actor_detail, name="actor-detail"),
    path("countries/suggestions/", views.country_suggestions, name="country-suggestions"),
    path("countries/", pivot_views.country_matrix, name="country-matrix"),
    path("countries/<str:code>/", pivot_views.country_detail, name="country-detail"),
    path("countries/<str:first>/<str:second>/", pivot_views.country_pair, name="country-pair"),
    path("upcoming/", pivot_views.upcoming, name="upcoming"),
    path("upcoming.ics", pivot_views.upcoming_calendar_feed, name="upcoming-calendar"),
    path("upcoming/calendar-link/", pivot_views.calendar_link, name="calendar-link"),
    path("api/meetings", api.meeting_list_api, name="meeting-api"),
    path("api/actors/<int:pk>", api.actor_api, name="actor-api"),
]
