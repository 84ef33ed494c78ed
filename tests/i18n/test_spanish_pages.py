"""Every page a persona can reach, rendered in Spanish, shows no English text
from the catalogue.

The check: any English message ID of three words or more from
locale/es/LC_MESSAGES/django.po that appears in the Spanish page fails the
test. To cover a page, add it to PAGES for each persona that reaches it.
"""

import html
import io
import re
import uuid
from datetime import date
from functools import cache
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from activities.models import Activity
from helplines.models import ProblemReport, SupportLine
from tests.conftest import sign_in
from tests.factories import (
    PASSWORD,
    make_admin,
    make_clinician,
    make_comment,
    make_member,
    make_relationship,
    make_safety_plan,
    make_security_check,
    make_share,
    make_statement,
    make_test_drive,
    make_unsaved_edit,
)
from worksheets import services
from worksheets.views.sharing import SESSION_KEY as SHARE_CODE_KEY

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
SPANISH = {"accept-language": "es"}

# (persona, URL name or path, expected status). Personas: anonymous, member,
# clinician, admin. Phase two adds activities, worksheets, helplines and the
# clinician pages here.
PAGES = [
    ("anonymous", "home", 200),
    ("anonymous", "about", 200),
    ("anonymous", "privacy", 200),
    ("anonymous", "accessibility", 200),
    ("anonymous", "being-with-people", 200),
    ("anonymous", "/no-such-page/", 404),
    ("anonymous", "account_login", 200),
    ("anonymous", "account_signup", 200),
    ("anonymous", "account_reset_password", 200),
    ("anonymous", "account_reset_password_done", 200),
    ("anonymous", "account_email_verification_sent", 200),
    ("anonymous", "account_inactive", 200),
    ("anonymous", "helplines:finder", 200),
    ("anonymous", "/helplines/?state=NY", 200),
    ("anonymous", "/helplines/?state=ZZ", 400),
    ("anonymous", "/helplines/988-lifeline/report/", 200),
    ("anonymous", "activities:list", 200),
    ("anonymous", "/activities/?setting=home&effort=low", 200),
    ("anonymous", "/activities/?setting=moon", 200),
    ("anonymous", "/activities/?q=zzzzqqqq", 200),
    ("anonymous", "/activities/STARTER/", 200),
    ("member", "home", 200),
    ("member", "about", 200),
    ("member", "accounts:profile", 200),
    ("member", "accounts:data", 200),
    ("member", "accounts:data-print", 200),
    ("member", "accounts:delete", 200),
    ("member", "accounts:clinician", 200),
    ("member", "account_email", 200),
    ("member", "account_change_password", 200),
    ("member", "account_logout", 200),
    ("member", "mfa_index", 200),
    ("member", "mfa_activate_totp", 200),
    ("member", "usersessions_list", 200),
    ("member", "helplines:finder", 200),
    ("member", "/helplines/?state=OR", 200),
    ("member", "activities:list", 200),
    ("member", "activities:my", 200),
    ("member", "activities:progress", 200),
    ("member", "activities:suggest", 200),
    ("member", "activities:reminders", 200),
    ("member", "/activities/STARTER/", 200),
    ("member", "/activities/STARTER/start/", 200),
    ("member", "/activities/STARTER/log/", 200),
    ("clinician", "home", 200),
    ("clinician", "accounts:profile", 200),
    ("clinician", "accounts:clinician", 200),
    ("clinician", "mfa_index", 200),
    ("admin", "home", 200),
    ("admin", "accounts:profile", 200),
    # admin and leftovers: every admin page Connect defines or extends (ACTIVITY,
    # LINE and APPLICATION stand for an object's id), Today, the offline card.
    ("admin", "admin:index", 200),
    ("admin", "admin:activities_activity_changelist", 200),
    ("admin", "/admin/activities/activity/?status__exact=suggested", 200),
    ("admin", "admin:activities_activity_add", 200),
    ("admin", "/admin/activities/activity/ACTIVITY/change/", 200),
    ("admin", "admin:activities_activity_import", 200),
    ("admin", "admin:activities_activity_export", 200),
    ("admin", "admin:activities_tag_changelist", 200),
    ("admin", "admin:helplines_supportline_changelist", 200),
    ("admin", "/admin/helplines/supportline/?verification=stale", 200),
    ("admin", "admin:helplines_supportline_add", 200),
    ("admin", "/admin/helplines/supportline/LINE/change/", 200),
    ("admin", "/admin/helplines/supportline/LINE/checked-today/", 200),
    ("admin", "admin:helplines_supportline_import", 200),
    ("admin", "admin:helplines_problemreport_changelist", 200),
    ("admin", "admin:accounts_clinicianprofile_changelist", 200),
    ("admin", "/admin/accounts/clinicianprofile/APPLICATION/change/", 200),
    ("admin", "admin:accounts_user_changelist", 200),
    ("member", "today", 200),
    ("member", "offline", 200),
    ("anonymous", "offline", 200),
    ("anonymous", "/offline/?state=OR", 200),
    ("anonymous", "/offline/?state=ZZ", 400),
    # worksheets: {names} are filled in by `worksheets_for` (a member's worksheets,
    # shared with a clinician); SHARE-CHOOSE and SHARE-CONSENT walk the sharing steps.
    ("member", "worksheets:overview", 200),
    ("member", "worksheets:statement-create", 200),
    ("member", "/worksheets/statements/{statement}/", 200),
    ("member", "/worksheets/statements/{statement}/edit/", 200),
    ("member", "/worksheets/statements/{statement}/print/", 200),
    ("member", "/worksheets/statements/{statement}/delete/", 200),
    ("member", "worksheets:relationship-create", 200),
    ("member", "/worksheets/relationships/{relationship}/", 200),
    ("member", "/worksheets/relationships/{relationship}/edit/", 200),
    ("member", "/worksheets/relationships/{relationship}/print/", 200),
    ("member", "/worksheets/relationships/{relationship}/delete/", 200),
    ("member", "/worksheets/relationships/{relationship}/checks/new/", 200),
    ("member", "/worksheets/checks/{check}/delete/", 200),
    ("member", "/worksheets/relationships/{relationship}/test-drives/new/", 200),
    ("member", "/worksheets/test-drives/{drive}/delete/", 200),
    ("member", "worksheets:safetyplan-create", 200),
    ("member", "/worksheets/safety-plans/{safetyplan}/", 200),
    ("member", "/worksheets/safety-plans/{safetyplan}/edit/", 200),
    ("member", "/worksheets/safety-plans/{safetyplan}/print/", 200),
    ("member", "/worksheets/safety-plans/{safetyplan}/delete/", 200),
    ("member", "/worksheets/unsaved/{unsaved}/", 200),
    ("member", "worksheets:sharing", 200),
    ("member", "worksheets:share-start", 200),
    ("member", "SHARE-CHOOSE", 200),
    ("member", "SHARE-CONSENT", 200),
    ("member", "/worksheets/sharing/{share}/", 200),
    ("member", "/worksheets/sharing/{share}/stop/", 200),
    ("member", "worksheets:trusted-create", 200),
    ("member", "/worksheets/sharing/trusted/{trusted}/", 200),
    ("member", "/worksheets/sharing/trusted/{trusted}/stop/", 200),
    ("clinician", "clinician:dashboard", 200),
    ("clinician", "/clinician/shares/{share}/recommend/", 200),
    ("clinician", "/clinician/shares/{share}/label/", 200),
    ("clinician", "/worksheets/statements/{statement}/", 200),
    ("clinician", "/worksheets/statements/{statement}/print/", 200),
    ("clinician", "/worksheets/relationships/{relationship}/", 200),
    ("clinician", "/worksheets/relationships/{relationship}/print/", 200),
    ("clinician", "/worksheets/safety-plans/{safetyplan}/", 200),
    ("clinician", "/worksheets/safety-plans/{safetyplan}/print/", 200),
    ("anonymous", "/worksheets/link/{token}/", 200),
    ("anonymous", "/worksheets/link/no-such-link/", 404),
]

# Pages that ask for the password again first.
REAUTHENTICATE = {"mfa_activate_totp", "accounts:data-print"}

# Error pages that no plain GET reaches; rendered directly.
ERROR_TEMPLATES = ["400.html", "403.html", "404.html", "429.html", "500.html"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def english_phrases() -> list[str]:
    """Each translated message ID of three words or more, as it would show."""
    phrases = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.msgstr == entry.msgid:
            continue  # the same in both languages (a name, for example)
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            # Placeholders stand for words we cannot know; split at them.
            for part in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>", msgid):
                part = squash(part).strip(" .,:;")
                # Names kept in the translation (a book title, say) are not left over.
                kept = any(part in text for text in [entry.msgstr, *entry.msgstr_plural.values()])
                if len(re.findall(r"[A-Za-z]+", part)) >= 3 and not kept:
                    phrases.add(part)
    return sorted(phrases)


def english_left(page: str) -> list[str]:
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return [phrase for phrase in english_phrases() if phrase in text]


def client_for(persona: str) -> tuple[Client, User | None]:
    client = Client(headers=SPANISH)
    makers = {"member": make_member, "clinician": make_clinician, "admin": make_admin}
    user = makers[persona]() if persona in makers else None
    if user is not None:
        sign_in(client, user)
    return client, user


def url_of(target: str) -> str:
    return target if target.startswith("/") else reverse(target)


def make_problem_report(line: SupportLine) -> None:
    ProblemReport.objects.create(line=line, note="It rang and rang.")


def worksheets_for(persona: str, user: User | None) -> dict[str, object]:
    """One worksheet of each kind, with a check, a test drive, comments and an
    unsaved edit, shared with a clinician, and a trusted link: the member's
    own when `persona` is the member, the shared ones for the clinician."""
    member = user if persona == "member" else make_member()
    clinician = user if persona == "clinician" else make_clinician()
    statement = make_statement(member, experience="Mornings are heavy.")
    relationship = make_relationship(member)
    check = make_security_check(relationship, consistency=0)
    make_security_check(relationship, checked_on=date(2026, 1, 2))
    safetyplan = make_safety_plan(member, title="Plan de Robin")  # stored words stay as written
    share = make_share(
        member,
        clinician,
        statements=[statement],
        relationships=[relationship],
        safetyplans=[safetyplan],
    )
    make_comment(statement, clinician)
    make_comment(statement, clinician, from_clinician=False)
    link, token = services.trusted_link_create(
        owner=member, worksheet=statement, recipient="Jo", duration_days=7, token=uuid.uuid4()
    )
    return {
        "statement": statement.pk,
        "relationship": relationship.pk,
        "safetyplan": safetyplan.pk,
        "check": check.pk,
        "drive": make_test_drive(relationship).pk,
        "unsaved": make_unsaved_edit(statement, data={"experience": "Other words."}).pk,
        "share": share.pk,
        "trusted": link.pk,
        "token": token,
    }


def sharing_step(client: Client, target: str) -> HttpResponse:
    """The choice of what to share, then the consent screen, for a code entered."""
    make_statement(User.objects.get(pk=client.session["_auth_user_id"]))
    session = client.session
    session[SHARE_CODE_KEY] = make_clinician().clinician_profile.share_code
    session.save()
    url = reverse("worksheets:share-choose")
    if target == "SHARE-CHOOSE":
        return client.get(url)
    statement = client.get(url).context["form"].fields["statements"].queryset.get()
    return client.post(url, {"statements": [statement.pk], "expiry": "30", "token": uuid.uuid4()})


def test_the_catalogue_gives_the_check_something_to_find():
    assert len(english_phrases()) > 10


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "target", "status"), PAGES)
def test_page_has_no_english_left(persona, target, status):
    client, user = client_for(persona)
    if target.startswith("SHARE-"):
        response = sharing_step(client, target)
        assert response.status_code == status
        assert english_left(response.content.decode()) == []
        return
    if "{" in target:
        target = target.format(**worksheets_for(persona, user))
    if target in REAUTHENTICATE:
        reauthenticate = f"{reverse('account_reauthenticate')}?next={url_of(target)}"
        client.post(reauthenticate, {"password": PASSWORD})
    url = url_of(target)
    if "helplines" in url:
        call_command("load_starter_helplines", stdout=io.StringIO())
    if "STARTER" in url or "ACTIVITY" in url:
        call_command("load_starter_catalogue", stdout=io.StringIO())
        first = Activity.objects.published().order_by("order").first()
        url = url.replace("STARTER", first.slug).replace("ACTIVITY", str(first.pk))
    if "LINE" in url:
        line = SupportLine.objects.order_by("pk").first()
        make_problem_report(line)
        url = url.replace("LINE", str(line.pk))
    if "APPLICATION" in url:
        url = url.replace("APPLICATION", str(make_clinician(verified=False).clinician_profile.pk))
    response = client.get(url)
    assert response.status_code == status
    page = response.content.decode()
    assert '<html lang="es"' in page
    assert english_left(page) == []


@pytest.mark.parametrize("template", ERROR_TEMPLATES)
def test_error_page_has_no_english_left(template, rf):
    with translation.override("es"):
        page = render_to_string(template, request=rf.get("/"))
    assert '<html lang="es"' in page
    assert english_left(page) == []


def test_the_check_finds_english():
    phrase = english_phrases()[0]
    assert english_left(f"<p>Hola. {phrase}.</p>") == [phrase]
