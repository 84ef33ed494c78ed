from django.urls import path

from . import views

app_name = "activities_api"

urlpatterns = [
    path("", views.api_activity_list, name="list"),
]
