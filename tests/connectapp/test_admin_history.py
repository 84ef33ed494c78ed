"""Deleting an account leaves nothing of the member in the admin's history."""

from django.contrib.admin.models import CHANGE, LogEntry

from accounts.models import User
from connectapp.services import account_delete
from tests.factories import make_plan, make_statement


def log(actor: User, obj) -> None:
    LogEntry.objects.log_actions(
        user_id=actor.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message="Changed status.",
        single_object=True,
    )


def test_deleting_an_account_erases_its_admin_history(clinician, member, admin_user):
    profile = clinician.clinician_profile
    log(admin_user, clinician)
    log(admin_user, profile)
    log(admin_user, make_plan(owner=clinician))
    log(admin_user, make_statement(clinician, title="Private"))
    # Someone else's history stays.
    log(admin_user, member)
    assert LogEntry.objects.filter(object_repr__contains=clinician.display_name).exists()

    account_delete(user=clinician)

    assert not User.objects.filter(pk=clinician.pk).exists()
    assert list(LogEntry.objects.values_list("object_id", flat=True)) == [str(member.pk)]
    assert not LogEntry.objects.filter(object_repr__contains=clinician.display_name).exists()
    assert not LogEntry.objects.filter(object_repr__contains=profile.profession).exists()


def test_deleting_an_admin_erases_what_they_did_in_the_admin(admin_user, member):
    log(admin_user, member)
    account_delete(user=admin_user)
    assert not LogEntry.objects.exists()
