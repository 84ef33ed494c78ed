from django.urls import path

from .views import sharing
from .views import worksheets as views

app_name = "worksheets"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("statements/new/", views.statement_create, name="statement-create"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("statements/<int:pk>/edit/", views.statement_edit, name="statement-edit"),
    path("statements/<int:pk>/print/", views.statement_print, name="statement-print"),
    path("statements/<int:pk>/pdf/", views.statement_download, name="statement-pdf"),
    path("statements/<int:pk>/delete/", views.statement_delete, name="statement-delete"),
    path("relationships/new/", views.relationship_create, name="relationship-create"),
    path("relationships/<int:pk>/", views.relationship_detail, name="relationship-detail"),
    path("relationships/<int:pk>/edit/", views.relationship_edit, name="relationship-edit"),
    path("relationships/<int:pk>/delete/", views.relationship_delete, name="relationship-delete"),
    path("relationships/<int:pk>/checks/new/", views.check_create, name="check-create"),
    path("checks/<int:pk>/delete/", views.check_delete, name="check-delete"),
    path(
        "relationships/<int:pk>/test-drives/new/",
        views.test_drive_create,
        name="test-drive-create",
    ),
    path("test-drives/<int:pk>/delete/", views.test_drive_delete, name="test-drive-delete"),
    path("unsaved/<int:pk>/", views.unsaved_edit, name="unsaved-edit"),
    path("unsaved/<int:pk>/discard/", views.unsaved_edit_discard, name="unsaved-edit-discard"),
    path("statements/<int:pk>/comments/", views.statement_comment, name="statement-comment"),
    path(
        "relationships/<int:pk>/comments/",
        views.relationship_comment,
        name="relationship-comment",
    ),
    path("sharing/", sharing.sharing, name="sharing"),
    path("sharing/new/", sharing.share_start, name="share-start"),
    path("sharing/new/choose/", sharing.share_choose, name="share-choose"),
    path("sharing/new/confirm/", sharing.share_confirm, name="share-confirm"),
    path("sharing/<int:pk>/", sharing.share_detail, name="share-detail"),
    path("sharing/<int:pk>/stop/", sharing.share_stop, name="share-stop"),
]
