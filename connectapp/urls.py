from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts import urls as account_urls

from . import views

# Admin sign-in goes through allauth, so its rate limits and MFA apply.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Connect administration")
admin.site.site_title = _("Connect admin")
# No app sidebar on every page: at 1280 px it took a quarter of the width and
# pushed list columns behind a scroll bar. The index and breadcrumbs remain.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("being-with-people/", views.being_with_people, name="being-with-people"),
    path("today/", views.today, name="today"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("offline/", views.offline, name="offline"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("admin/", admin.site.urls),
    # The account pages, with the ones that span apps composed here.
    path(
        "accounts/",
        include(
            (
                [
                    *account_urls.urlpatterns,
                    path("data/download/", views.data_download, name="data-download"),
                    path("data/print/", views.data_print, name="data-print"),
                    path("delete/", views.account_delete, name="delete"),
                ],
                account_urls.app_name,
            )
        ),
    ),
    path("accounts/", include("allauth.urls")),
    path("helplines/", include("helplines.urls")),
    path("api/helplines/", include("helplines.api_urls")),
    path("activities/", include("activities.urls")),
    path("api/activities/", include("activities.api_urls")),
    path("worksheets/", include("worksheets.urls")),
    path("clinician/", include("worksheets.clinician_urls")),
]
