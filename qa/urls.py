from django.urls import path

from . import views

app_name = "qa"

urlpatterns = [
    path("<int:article_id>/", views.post_comment, name="comment"),
    path("ma-bieu-mau/<str:kind>/", views.form_tokens, name="form_tokens"),
]
