from django.urls import path

from events import api, curation_views, export_views, pivot_views, review_views, views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("meetings/export.csv", export_views.meeting_export, name="meeting-export"),
    path("exports/", export_views.export_list, name="export-list"),
    path("exports/meetings/", export_views.meeting_export, name="export-meetings"),
    path("exports/actors/", export_views.actor_export, name="export-actors"),
    path("exports/articles/", export_views.article_export, name="export-articles"),
    path("exports/jobs/<int:pk>/", export_views.export_job_detail, name="export-job"),
    path(
        "exports/jobs/<int:pk>/download/",
        export_views.export_job_download,
        name="export-job-download",
    ),
    path("exports/jobs/<int:pk>/retry/", export_views.export_job_retry, name="export-job-retry"),
    path("meetings/histogram/", views.meeting_histogram, name="meeting-histogram"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path(
        "articles/<int:pk>/retry-extraction/",
        views.article_retry_extraction,
        name="article-retry-extraction",
    ),
    path("meetings/merge/", curation_views.meeting_merge, name="meeting-merge"),
    path("meetings/<int:pk>/split/", curation_views.meeting_split_view, name="meeting-split"),
    path("review/", review_views.review_list, name="review-list"),
    path("review/bulk/", review_views.review_bulk, name="review-bulk"),
    path("review/<int:pk>/verdict/", review_views.review_verdict, name="review-verdict"),
    path("review/<int:pk>/edit/", review_views.review_edit, name="review-edit"),
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
