from django.urls import path

from . import views

app_name = "qa"

urlpatterns = [
    path("<int:article_id>/", views.post_comment, name="comment"),
]
