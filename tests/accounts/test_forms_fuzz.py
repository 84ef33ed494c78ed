"""Arbitrary input through the account forms never causes a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import sign_in

text = st.text(max_size=200)
fuzz = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.django_db
@fuzz
@given(display_name=text)
def test_profile_form_never_errors_and_escapes_output(member, display_name):
    client = sign_in(Client(), member)
    response = client.post(reverse("accounts:profile"), {"display_name": display_name})
    assert response.status_code in (200, 302)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "<script>alert" not in page


@pytest.mark.django_db
@fuzz
@given(email=text, display_name=text, password=text)
def test_signup_form_never_errors(email, display_name, password):
    response = Client().post(
        reverse("account_signup"),
        {
            "email": email,
            "display_name": display_name,
            "password1": password,
            "password2": password,
            "age_confirmed": "on",
        },
    )
    # 429 is allauth's sign-up rate limit doing its job.
    assert response.status_code in (200, 302, 429)


@pytest.mark.django_db
def test_display_name_is_escaped_on_pages(member_client, member):
    member.display_name = "<script>alert(1)</script>"
    member.save()
    html = member_client.get(reverse("accounts:profile")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
