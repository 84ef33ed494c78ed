from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("data/", views.data, name="data"),
    path("data/download/", views.data_download, name="data-download"),
    path("data/print/", views.data_print, name="data-print"),
    path("delete/", views.delete, name="delete"),
    path("clinician/", views.clinician_application, name="clinician"),
    path("clinician/share-code/", views.share_code_regenerate, name="share-code"),
]
