from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="article-list"),
    path("new/", views.article_create, name="article-create"),
    path("import/", views.article_import, name="article-import"),
    path("imports/<int:pk>/", views.import_detail, name="import-detail"),
    path("imports/<int:pk>/progress/", views.import_progress, name="import-progress"),
    path("<int:pk>/", views.article_detail, name="article-detail"),
    path("<int:pk>/status/", views.article_status, name="article-status"),
]
