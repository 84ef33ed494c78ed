from django.urls import path

from . import registry
from .views import sharing, trusted
from .views import worksheets as views

app_name = "worksheets"


def _kind_urls(kind: registry.WorksheetKind) -> list:
    """The same pages for every kind of worksheet, under its own prefix and
    URL names: `statements/<pk>/` is "worksheets:statement-detail"."""
    prefix, key, args = kind.plural, kind.key, {"kind": kind.key}
    urls = [
        path(f"{prefix}/new/", views.worksheet_create, args, name=f"{key}-create"),
        path(f"{prefix}/<int:pk>/", views.worksheet_detail, args, name=f"{key}-detail"),
        path(f"{prefix}/<int:pk>/edit/", views.worksheet_edit, args, name=f"{key}-edit"),
        path(f"{prefix}/<int:pk>/delete/", views.worksheet_delete, args, name=f"{key}-delete"),
        path(f"{prefix}/<int:pk>/comments/", views.worksheet_comment, args, name=f"{key}-comment"),
    ]
    if kind.pdf is not None:
        urls += [
            path(f"{prefix}/<int:pk>/print/", views.worksheet_print, args, name=f"{key}-print"),
            path(f"{prefix}/<int:pk>/pdf/", views.worksheet_download, args, name=f"{key}-pdf"),
        ]
    return urls


urlpatterns = [
    path("", views.overview, name="overview"),
    *[url for kind in registry.kinds() for url in _kind_urls(kind)],
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
    path("sharing/", sharing.sharing, name="sharing"),
    path("sharing/new/", sharing.share_start, name="share-start"),
    path("sharing/new/choose/", sharing.share_choose, name="share-choose"),
    path("sharing/new/confirm/", sharing.share_confirm, name="share-confirm"),
    path("sharing/<int:pk>/", sharing.share_detail, name="share-detail"),
    path("sharing/<int:pk>/stop/", sharing.share_stop, name="share-stop"),
    path("sharing/trusted/new/", trusted.trusted_create, name="trusted-create"),
    path("sharing/trusted/<int:pk>/", trusted.trusted_detail, name="trusted-detail"),
    path("sharing/trusted/<int:pk>/new-link/", trusted.trusted_replace, name="trusted-replace"),
    path("sharing/trusted/<int:pk>/stop/", trusted.trusted_stop, name="trusted-stop"),
    # Public: the token is the key (views/trusted.py). Never put it in a log.
    path("link/<str:token>/", trusted.trusted_view, name="trusted-view"),
]
