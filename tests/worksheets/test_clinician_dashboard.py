"""The clinician dashboard: who shares what, "updated since you last looked",
and a constant number of queries there and on the member's Sharing page."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.backends import USER_RECORD_SECONDS
from worksheets import services
from worksheets.models import Share

from ..conftest import sign_in
from ..factories import (
    make_clinician,
    make_comment,
    make_member,
    make_recommendation,
    make_relationship,
    make_security_check,
    make_share,
    make_statement,
)

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("clinician:dashboard")
NEW = "New to you"
UPDATED = "Updated since you last looked"


def test_it_lists_each_member_who_shares_and_what_they_share(
    clinician, clinician_client, share, member
):
    other = make_member(display_name="Pat")
    make_share(other, clinician, statements=[make_statement(other, title="Pat's letter")])
    stopped = make_member(display_name="Gone")
    ended = make_share(stopped, clinician, statements=[make_statement(stopped, title="Old one")])
    services.share_revoke(share=ended)

    page = clinician_client.get(DASHBOARD).content.decode()

    assert member.display_name in page
    assert "For my sister" in page
    assert "Jo" in page
    assert "Pat&#x27;s letter" in page
    assert "Gone" not in page
    assert "Old one" not in page
    assert clinician.clinician_profile.share_code_display in page


def test_marks_show_what_is_new_or_changed_since_the_clinician_last_looked(
    clinician_client, share, statement, relationship, clinician
):
    start = timezone.now()
    page = clinician_client.get(DASHBOARD).content.decode()
    assert page.count(NEW) == 2

    with time_machine.travel(start + timedelta(minutes=1)):
        clinician_client.get(reverse("worksheets:statement-detail", args=[statement.pk]))
        clinician_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
        page = clinician_client.get(DASHBOARD).content.decode()
    assert NEW not in page
    assert UPDATED not in page

    with time_machine.travel(start + timedelta(minutes=2)):
        services.worksheet_save(
            worksheet=statement, values={"title": "For my sister"}, base_version=1
        )
        make_security_check(relationship)
        page = clinician_client.get(DASHBOARD).content.decode()
    assert page.count(UPDATED) == 2


def test_a_reply_from_the_member_counts_as_an_update(
    clinician_client, share, statement, relationship, clinician
):
    start = timezone.now()
    with time_machine.travel(start + timedelta(minutes=1)):
        clinician_client.get(reverse("worksheets:statement-detail", args=[statement.pk]))
        clinician_client.get(reverse("worksheets:relationship-detail", args=[relationship.pk]))
    with time_machine.travel(start + timedelta(minutes=2)):
        make_comment(statement, clinician, from_clinician=False, text="Replying.")
        other = make_clinician()
        make_comment(relationship, other, from_clinician=False, text="Not to you.")
        page = clinician_client.get(DASHBOARD).content.decode()
    assert page.count(UPDATED) == 1


def test_the_dashboard_shows_what_the_clinician_suggested(clinician, clinician_client, share):
    make_recommendation(owner=share.owner, clinician=clinician)
    page = clinician_client.get(DASHBOARD).content.decode()
    assert "You suggested:" in page


def _populate_dashboard(clinician, size: int) -> None:
    for _ in range(size):
        member = make_member()
        statements = [make_statement(member) for _ in range(size)]
        relationships = [make_relationship(member) for _ in range(size)]
        share = make_share(member, clinician, statements=statements, relationships=relationships)
        for worksheet in statements + relationships:
            make_comment(worksheet, clinician)
            make_comment(worksheet, clinician, from_clinician=False)
            services.access_log_record(reader=clinician, worksheet=worksheet, kind="page")
        make_security_check(relationships[0])
        make_recommendation(owner=share.owner, clinician=clinician)


def _queries_for(client, url, django_assert_max_num_queries, limit: int) -> int:
    client.get(url)  # the first request records the session
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_dashboard_runs_a_constant_number_of_queries(
    clinician, clinician_client, django_assert_max_num_queries
):
    # One more than before for the clinician's private labels, one query for all.
    _populate_dashboard(clinician, 1)
    small = _queries_for(clinician_client, DASHBOARD, django_assert_max_num_queries, 17)
    _populate_dashboard(clinician, 4)
    large = _queries_for(clinician_client, DASHBOARD, django_assert_max_num_queries, 17)
    assert small == large


def _populate_sharing(member, size: int) -> None:
    for _ in range(size):
        clinician = make_clinician()
        statements = [make_statement(member) for _ in range(size)]
        relationships = [make_relationship(member) for _ in range(size)]
        share = services.share_create(
            owner=member,
            clinician=clinician,
            worksheets=statements + relationships,
            expiry=Share.Expiry.DAYS_30,
            token=uuid.uuid4(),
        )
        for worksheet in statements + relationships:
            services.access_log_record(reader=clinician, worksheet=worksheet, kind="print")
            make_comment(worksheet, clinician)
        services.share_revoke(share=share)
        make_share(member, clinician, statements=statements, relationships=relationships)


def test_the_sharing_page_runs_a_constant_number_of_queries(
    member, member_client, django_assert_max_num_queries
):
    url = reverse("worksheets:sharing")
    _populate_sharing(member, 1)
    small = _queries_for(member_client, url, django_assert_max_num_queries, 15)
    _populate_sharing(member, 4)
    large = _queries_for(member_client, url, django_assert_max_num_queries, 15)
    assert small == large


def test_a_shared_worksheet_page_runs_a_constant_number_of_queries(
    member, member_client, clinician, clinician_client, django_assert_max_num_queries, memory_cache
):
    statement = make_statement(member)
    url = reverse("worksheets:statement-detail", args=[statement.pk])
    make_share(member, clinician, statements=[statement])

    def add(size: int) -> None:
        for _ in range(size):
            other = make_clinician()
            make_share(member, other, statements=[statement])
            make_comment(statement, other)
            make_comment(statement, other, from_clinician=False)
            make_comment(statement, clinician)

    def counts() -> tuple[int, int]:
        return tuple(
            _queries_for(client, url, django_assert_max_num_queries, 20)
            for client in (member_client, clinician_client)
        )

    add(1)
    small = counts()
    add(4)
    assert counts() == small


# A clinician's private label for each client.


def test_a_clinician_labels_a_client_and_only_they_see_it(
    clinician, clinician_client, member, member_client, share
):
    from worksheets.models import ClientLabel
    from worksheets.services import member_data_export

    url = reverse("clinician:client-label", args=[share.pk])
    assert url in clinician_client.get(reverse("clinician:dashboard")).content.decode()

    response = clinician_client.post(url, {"label": "Tuesday group, J."})

    assert response["Location"] == reverse("clinician:dashboard")
    dashboard = clinician_client.get(reverse("clinician:dashboard")).content.decode()
    assert "Tuesday group, J." in dashboard
    # The member never sees it, anywhere they look.
    for page in (reverse("worksheets:sharing"), reverse("worksheets:overview")):
        assert "Tuesday group" not in member_client.get(page).content.decode()
    assert member_data_export(owner=member)["client_labels"] == []
    # It is in the clinician's own data download.
    exported = member_data_export(owner=clinician)["client_labels"]
    assert exported == [
        {
            "member": member.display_name,
            "label": "Tuesday group, J.",
            "updated_at": ClientLabel.objects.get().updated_at,
        }
    ]
    # Another clinician sharing with the same member sees none of it.
    other = make_clinician()
    make_share(member, other)
    other_page = sign_in(Client(), other).get(reverse("clinician:dashboard")).content.decode()
    assert "Tuesday group" not in other_page

    # An empty label removes it; a too-long one is refused and changes nothing.
    assert clinician_client.post(url, {"label": "x" * 81}).status_code == 400
    assert ClientLabel.objects.get().label == "Tuesday group, J."
    clinician_client.post(url, {"label": "  "})
    assert not ClientLabel.objects.exists()


def test_a_kept_dashboard_is_refused_once_the_role_goes(clinician, clinician_client, share):
    assert clinician_client.get(DASHBOARD).status_code == 200
    # Even a change that bumps nothing (an .update() sends no signal): the
    # role is checked on every request, against a user kept a few minutes at most.
    type(clinician).objects.filter(pk=clinician.pk).update(role=type(clinician).Role.MEMBER)
    with time_machine.travel(timezone.now() + timedelta(seconds=USER_RECORD_SECONDS + 1)):
        assert clinician_client.get(DASHBOARD).status_code == 404


def test_a_clinician_whose_code_has_run_out_is_told_so_and_can_make_one(
    clinician, clinician_client
):
    profile = clinician.clinician_profile
    old_code = profile.share_code_display
    profile.share_code_expires_at = timezone.now() - timedelta(days=1)
    profile.save()

    page = clinician_client.get(DASHBOARD).content.decode()
    assert "You have no code that works at the moment." in page
    assert old_code not in page
    assert "Works until" not in page
    confirm = clinician_client.get(reverse("accounts:share-code")).content.decode()
    assert "You have no code that works at the moment." in confirm
    assert old_code not in confirm

    clinician_client.post(reverse("accounts:share-code"), {"confirm": "yes"})
    profile.refresh_from_db()
    assert profile.share_code_is_current
    page = clinician_client.get(DASHBOARD).content.decode()
    assert profile.share_code_display in page
    assert "Works until" in page
