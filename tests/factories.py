"""Small factory functions for tests. Each returns a saved object."""

import itertools
import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.utils import timezone

from accounts.models import SHARE_CODE_LIFETIME, ClinicianProfile, User, share_code_new
from activities.models import Activity, ActivityLog, Plan, Recommendation, Tag
from helplines.models import SupportLine
from worksheets import models as worksheets

PASSWORD = "a-long-test-password-42"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

_sequence = itertools.count(1)


def make_user(
    *,
    email: str | None = None,
    display_name: str | None = None,
    role: str = User.Role.MEMBER,
    is_staff: bool = False,
    verified_email: bool = True,
    totp: bool = False,
) -> User:
    n = next(_sequence)
    email = email or f"person{n}@example.com"
    user = User.objects.create_user(
        email=email,
        password=PASSWORD,
        display_name=display_name or f"Person {n}",
        role=role,
        is_staff=is_staff,
        is_superuser=is_staff,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified_email, primary=True)
    if totp:
        TOTP.activate(user, TOTP_SECRET)
    return user


def make_member(**kwargs) -> User:
    return make_user(**kwargs)


def make_clinician(*, verified: bool = True, **kwargs) -> User:
    """A clinician with TOTP and a profile: verified (with a share code) by
    default, or, with `verified=False`, an applicant still waiting for review."""
    kwargs.setdefault("totp", True)
    role = User.Role.CLINICIAN if verified else User.Role.MEMBER
    user = make_user(role=role, **kwargs)
    status = ClinicianProfile.Status.VERIFIED if verified else ClinicianProfile.Status.PENDING
    make_clinician_profile(user, status=status)
    return user


def make_clinician_profile(
    user: User, *, status: str = ClinicianProfile.Status.VERIFIED, **fields
) -> ClinicianProfile:
    n = next(_sequence)
    values = {
        "profession": "Psychologist",
        "licence_number": f"PSY-{n:05d}",
        "licence_region": "Oregon",
        "practice_name": "Riverside Counselling",
    }
    if status == ClinicianProfile.Status.VERIFIED:
        values.update(
            share_code=share_code_new(),
            share_code_expires_at=timezone.now() + SHARE_CODE_LIFETIME,
            reviewed_at=timezone.now(),
        )
    values.update(fields)
    return ClinicianProfile.objects.create(user=user, status=status, **values)


def make_admin(**kwargs) -> User:
    kwargs.setdefault("totp", True)
    return make_user(is_staff=True, **kwargs)


def current_totp_code(secret: str = TOTP_SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def make_support_line(**kwargs) -> SupportLine:
    """A valid, published line; a warmline in Oregon unless told otherwise."""
    n = next(_sequence)
    fields = {
        "name": f"Line {n}",
        "slug": f"line-{n}",
        "kind": SupportLine.Kind.WARMLINE,
        "phone": "1-555-010-0000",
        "region": "OR",
        "open_24_7": True,
        "source_url": "https://example.org/source",
        "source_kind": SupportLine.SourceKind.OPERATOR,
        "source_date": timezone.localdate(),
        "verified_on": timezone.localdate(),
        "status": SupportLine.Status.PUBLISHED,
    }
    fields.update(kwargs)
    line = SupportLine(**fields)
    line.full_clean()
    line.save()
    return line


def make_kind(*, slug: str | None = None, name: str | None = None) -> Tag:
    n = next(_sequence)
    slug = slug or f"kind-{n}"
    return Tag.objects.create(slug=slug, name=name or slug.replace("-", " ").title())


def make_activity(
    *,
    title: str | None = None,
    slug: str | None = None,
    setting: str = "home",
    effort: str = "low",
    status: str = "published",
    kinds: tuple = (),
    **fields,
) -> Activity:
    n = next(_sequence)
    activity = Activity.objects.create(
        title=title or f"Activity {n}",
        slug=slug or f"activity-{n}",
        summary=fields.pop("summary", f"Summary of activity {n}."),
        setting=setting,
        effort=effort,
        status=status,
        **fields,
    )
    if kinds:
        activity.kinds.set(kinds)
    return activity


def make_plan(*, owner: User, activity=None, planned_for=None) -> Plan:
    return Plan.objects.create(
        owner=owner, activity=activity or make_activity(), planned_for=planned_for
    )


def make_log(
    *, owner: User, activity=None, mood_before: int = 3, mood_after: int = 5, **fields
) -> ActivityLog:
    return ActivityLog.objects.create(
        owner=owner,
        activity=activity or make_activity(),
        mood_before=mood_before,
        mood_after=mood_after,
        **fields,
    )


def make_statement(owner: User, **values):
    values.setdefault("title", "For my family")
    return worksheets.NeedsStatement.objects.create(owner=owner, **values)


def make_relationship(owner: User, **values):
    values.setdefault("name", "Jo")
    return worksheets.Relationship.objects.create(owner=owner, **values)


def make_security_check(relationship, **ratings):
    for key in worksheets.ELEMENTS:
        ratings.setdefault(key, 2)
    return worksheets.SecurityCheck.objects.create(
        owner=relationship.owner, relationship=relationship, **ratings
    )


def make_test_drive(relationship, **values):
    values.setdefault("ask", "Could you help me carry a box on Saturday?")
    return worksheets.TestDrive.objects.create(
        owner=relationship.owner, relationship=relationship, **values
    )


def make_unsaved_edit(worksheet, **values):
    values.setdefault("data", {})
    values.setdefault("base_version", worksheet.version)
    return worksheets.UnsavedEdit.objects.create(
        owner=worksheet.owner, worksheet_id=worksheet.worksheet_id, **values
    )


def make_share(
    owner: User,
    clinician: User,
    *,
    statements=(),
    relationships=(),
    **fields,
) -> worksheets.Share:
    """A share made directly, without the consent flow or its email."""
    fields.setdefault("clinician_name", f"{clinician.display_name}, Psychologist")
    share = worksheets.Share.objects.create(owner=owner, clinician=clinician, **fields)
    share.worksheets.set([worksheet.worksheet_id for worksheet in (*statements, *relationships)])
    return share


def make_comment(worksheet, clinician: User, *, from_clinician: bool = True, **values):
    values.setdefault("text", "Thank you for sharing this.")
    values.setdefault("clinician_name", f"{clinician.display_name}, Psychologist")
    return worksheets.Comment.objects.create(
        owner=worksheet.owner,
        clinician=clinician,
        from_clinician=from_clinician,
        worksheet_id=worksheet.worksheet_id,
        **values,
    )


def make_recommendation(*, owner: User, clinician: User, activity=None) -> Recommendation:
    return Recommendation.objects.create(
        owner=owner,
        clinician=clinician,
        clinician_name=f"{clinician.display_name}, Psychologist",
        activity=activity or make_activity(),
    )
