"""The Clinician access page: what clinicians may do with what members share,
and why two-factor set-up waits for a confirmed email address."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import make_member
from tests.tasks import run_ready_tasks

APPLY_URL = reverse("accounts:clinician")


def test_the_page_says_what_clinicians_may_and_may_not_do(member_client):
    html = member_client.get(APPLY_URL).content.decode()
    assert "What you may and may not do with what members share" in html
    assert "their mood logs, plans and other worksheets stay private to them" in html
    assert "the member can see that you did" in html


def test_verified_clinicians_see_the_same_rules(clinician_client):
    html = clinician_client.get(APPLY_URL).content.decode()
    assert "What you may and may not do with what members share" in html


@pytest.mark.django_db
def test_an_unconfirmed_email_is_explained_with_a_way_to_resend_it():
    applicant = make_member(verified_email=False)
    client = sign_in(Client(), applicant)
    html = client.get(APPLY_URL).content.decode()
    assert "only once your email address is confirmed" in html
    assert f'action="{reverse("account_email")}"' in html
    assert f'name="email" value="{applicant.email}"' in html

    response = client.post(reverse("account_email"), {"email": applicant.email, "action_send": ""})
    assert response.status_code == 302
    run_ready_tasks()
    assert [message.to for message in mail.outbox] == [[applicant.email]]


def test_a_confirmed_email_needs_no_such_note(member_client):
    html = member_client.get(APPLY_URL).content.decode()
    assert "only once your email address is confirmed" not in html
    assert "set up an authenticator app" in html
