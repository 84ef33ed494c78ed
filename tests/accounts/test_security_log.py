import pytest
from django.urls import reverse

from tests.factories import make_statement


def security_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "connect.security"]


def test_reaching_for_another_members_worksheet_is_logged_without_content(
    other_member_client, other_member, member, caplog
):
    statement = make_statement(member, experience="Something private.")
    with caplog.at_level("WARNING", logger="connect.security"):
        response = other_member_client.get(
            reverse("worksheets:statement-detail", args=[statement.pk]) + "?q=private"
        )
    assert response.status_code == 404
    messages = security_messages(caplog)
    assert messages == [
        f"access_refused status=404 user={other_member.pk} ip=127.0.0.1 method=GET "
        f"path=/worksheets/statements/{statement.pk}/"
    ]
    assert not any("private" in m.lower() for m in messages)


@pytest.mark.django_db
def test_anonymous_not_found_pages_are_not_logged(client, caplog):
    with caplog.at_level("WARNING", logger="connect.security"):
        client.get("/no-such-page/")
    assert security_messages(caplog) == []


@pytest.mark.django_db
def test_rate_limited_requests_are_logged(client, settings, caplog):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "1/m/ip"}
    with caplog.at_level("WARNING", logger="connect.security"):
        client.post(reverse("account_reset_password"), {"email": "a@example.com"})
        response = client.post(reverse("account_reset_password"), {"email": "b@example.com"})
    assert response.status_code == 429
    assert any(m.startswith("access_refused status=429 user=-") for m in security_messages(caplog))
