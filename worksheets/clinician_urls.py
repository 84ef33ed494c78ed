from django.urls import path

from .views import clinician as views

app_name = "clinician"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("shares/<int:pk>/recommend/", views.recommend, name="recommend"),
    path("shares/<int:pk>/label/", views.client_label, name="client-label"),
]
