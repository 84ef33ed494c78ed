import pytest
from django.urls import reverse

from tests.factories import PASSWORD, current_totp_code, make_admin


@pytest.mark.django_db
def test_admin_sign_in_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_anonymous_visitor_cannot_see_the_admin(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_member_cannot_use_the_admin(member_client):
    response = member_client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_staff_sign_in_to_the_admin_needs_their_code(client):
    admin = make_admin()
    response = client.post(
        f"{reverse('account_login')}?next=/admin/", {"login": admin.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
