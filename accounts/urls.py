from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("clinician/", views.clinician_application, name="clinician"),
    path("clinician/share-code/", views.share_code_regenerate, name="share-code"),
]
