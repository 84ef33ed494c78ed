from django.urls import path

from . import views

app_name = "activities"

# The fixed pages come before `<slug>/`; their names are reserved slugs (models.RESERVED_SLUGS).
urlpatterns = [
    path("", views.activity_list, name="list"),
    path("my/", views.my_activities, name="my"),
    path("my/progress/", views.progress, name="progress"),
    path("suggest/", views.suggest, name="suggest"),
    path("preview/<int:pk>/", views.activity_preview, name="preview"),
    path("plans/<int:pk>/remove/", views.plan_remove, name="plan-remove"),
    path("plans/<int:pk>/reminder/", views.plan_reminder, name="plan-reminder"),
    path("plans/<int:pk>/calendar.ics", views.plan_calendar, name="plan-calendar"),
    path("reminders/", views.reminder_settings, name="reminders"),
    path("reminders/feed/", views.feed_change, name="feed-change"),
    path(
        "reminders/unsubscribe/<str:token>/",
        views.reminders_unsubscribe,
        name="reminders-unsubscribe",
    ),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    path(
        "recommendations/<int:pk>/dismiss/",
        views.recommendation_dismiss,
        name="recommendation-dismiss",
    ),
    path("started/<int:pk>/dismiss/", views.start_dismiss, name="start-dismiss"),
    path("<slug:slug>/", views.activity_detail, name="detail"),
    path("<slug:slug>/start/", views.start_create, name="start"),
    path("<slug:slug>/save/", views.plan_save, name="plan-save"),
    path("<slug:slug>/log/", views.log_create, name="log"),
]
