from django.urls import path

from . import views

app_name = "accounts"

# The data download, its printable copy and account deletion span every app,
# so connectapp/urls.py adds them to this namespace (connectapp/views.py).

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("data/", views.data, name="data"),
    path("clinician/", views.clinician_application, name="clinician"),
    path("clinician/share-code/", views.share_code_regenerate, name="share-code"),
]
