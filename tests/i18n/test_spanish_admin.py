"""The admin pages Connect adds, and the pages that GET alone cannot reach
(an import's problems and preview, a bulk action's message, a full Today
page), in Spanish with no English from the catalogue left over."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from tests.conftest import sign_in
from tests.factories import (
    make_activity,
    make_admin,
    make_clinician,
    make_kind,
    make_log,
    make_member,
    make_plan,
)
from tests.tasks import run_ready_tasks

from .test_spanish_pages import SPANISH, english_left

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:activities_activity_import")
CHANGELIST = reverse("admin:activities_activity_changelist")
HEADER = (
    "slug,title,summary,body,first_step,why_it_helps,setting,effort,kinds,status,order,"
    "source_note,links_to_helplines,links,messages"
)


@pytest.fixture
def admin_es() -> Client:
    client = Client(headers=SPANISH)
    sign_in(client, make_admin())
    return client


def upload(client: Client, content: str, fmt: str = "0", name: str = "activities.csv"):
    data = {
        "resource": "0",
        "format": fmt,
        "import_file": SimpleUploadedFile(name, content.encode(), content_type="text/plain"),
    }
    return client.post(IMPORT_URL, data)


def test_import_problems_are_in_spanish(admin_es):
    make_kind(slug="online")
    bad = "a-walk,A walk,Short.,Body.,Step.,Why.,moon,low,nope,published,x,,maybe,,"
    page = upload(admin_es, f"{HEADER}\n{bad}\n").content.decode()
    assert "No se importó nada" in page
    assert "Línea 2" in page
    assert "no es un número entero" in page
    assert english_left(page) == []


def test_a_whole_file_problem_is_in_spanish(admin_es):
    page = upload(admin_es, "title;summary\nA;B\n").content.decode()
    assert "Todo el archivo: Las columnas están separadas por punto y coma" in page
    assert english_left(page) == []


def test_the_import_preview_is_in_spanish(admin_es):
    make_kind(slug="online")
    row = "a-walk,A walk,Short.,Body.,Step.,Why.,home,low,online,published,5,,no,,"
    page = upload(admin_es, f"{HEADER}\n{row}\n").content.decode()
    assert "Vista previa" in page
    assert "Nueva" in page
    assert english_left(page) == []


def test_a_bulk_action_counts_in_spanish(admin_es):
    activity = make_activity(status="draft")
    response = admin_es.post(
        CHANGELIST, {"action": "publish", "_selected_action": [activity.pk]}, follow=True
    )
    page = response.content.decode()
    assert "Publicada: 1 actividad." in page
    assert Activity.objects.get(pk=activity.pk).status == "published"
    assert english_left(page) == []


def test_approving_suggestions_counts_in_spanish(admin_es):
    ids = [make_activity(status="suggested").pk for _ in range(2)]
    response = admin_es.post(
        CHANGELIST, {"action": "approve", "_selected_action": ids}, follow=True
    )
    page = response.content.decode()
    assert "Aprobadas como borradores: 2 actividades." in page
    assert english_left(page) == []


def test_a_full_today_page_is_in_spanish():
    member = make_member()
    client = Client(headers=SPANISH)
    sign_in(client, member)
    today = timezone.localdate()
    make_plan(owner=member, activity=make_activity(title="Walk"), planned_for=today)
    make_plan(owner=member, activity=make_activity(title="Call"), planned_for=today + timedelta(1))
    make_log(owner=member, activity=make_activity(title="Read"))
    page = client.get(reverse("today")).content.decode()
    assert "Lo que planeaste" in page
    assert "Lo que viene" in page
    assert "ánimo" in page
    assert english_left(page) == []


def test_the_admin_index_names_apps_and_the_review_queue_in_spanish(admin_es):
    make_activity(status="suggested")
    page = admin_es.get(reverse("admin:index")).content.decode()
    assert "En espera de revisión" in page
    assert "1 sugerencia de actividad de miembros" in page
    assert "No hay solicitudes de profesionales clínicos" in page
    for app in ["Actividades", "Líneas de ayuda", "Personas y profesionales clínicos"]:
        assert f">{app}</a>" in page, app
    assert english_left(page) == []


@pytest.mark.parametrize(
    ("applicant_language", "admin_headers", "subject", "sentence"),
    [
        ("es", {}, "Ya tienes la verificación", "Una persona administradora revisó"),
        ("", SPANISH, "You are verified as a clinician", "An administrator has checked"),
    ],
)
def test_the_verified_email_speaks_the_applicants_language_not_the_admins(
    applicant_language,
    admin_headers,
    subject,
    sentence,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    admin = Client(headers=admin_headers)
    sign_in(admin, make_admin())
    applicant = make_clinician(verified=False)
    applicant.language = applicant_language
    applicant.save()
    verify = reverse(
        "admin:accounts_clinicianprofile_verify", args=[applicant.clinician_profile.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(verify)
    run_ready_tasks()
    (message,) = mailoutbox
    assert subject in message.subject
    assert sentence in message.body


def test_the_app_manifest_describes_connect_in_spanish():
    manifest = Client(headers=SPANISH).get(reverse("manifest")).json()
    assert manifest["lang"] == "es"
    assert manifest["description"] == (
        "Pequeñas formas de mantenerte en contacto, y ayuda en crisis que funciona sin conexión."
    )


def test_reminders_with_the_calendar_feed_on_are_in_spanish():
    client = Client(headers=SPANISH)
    sign_in(client, make_member())
    response = client.post(reverse("activities:feed-change"), {"action": "new"}, follow=True)
    page = response.content.decode()
    assert "La dirección de tu calendario privado" in page
    assert english_left(page) == []
