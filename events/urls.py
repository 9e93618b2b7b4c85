from django.urls import path

from events import curation_views, export_views, review_views, views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("meetings/export.csv", export_views.meeting_export, name="meeting-export"),
    path("exports/", export_views.export_list, name="export-list"),
    path("exports/meetings/", export_views.meeting_export, name="export-meetings"),
    path("exports/actors/", export_views.actor_export, name="export-actors"),
    path("exports/articles/", export_views.article_export, name="export-articles"),
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
    path("actors/suggestions/", views.actor_suggestions, name="actor-suggestions"),
    path("countries/suggestions/", views.country_suggestions, name="country-suggestions"),
]
