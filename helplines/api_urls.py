from django.urls import path

from . import views

app_name = "helplines_api"

urlpatterns = [
    path("", views.api_lines, name="lines"),
]
