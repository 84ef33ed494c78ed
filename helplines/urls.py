from django.urls import path

from . import views

app_name = "helplines"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("remember-state/", views.remember_state, name="remember-state"),
    path("<slug:slug>/report/", views.report_problem, name="report"),
]
