from django.urls import path

from . import idle

app_name = "accounts"
urlpatterns = [
    path("keepalive/", idle.keepalive, name="keepalive"),
    path("idle-logout/", idle.idle_logout, name="idle_logout"),
]
