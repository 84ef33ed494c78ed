import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_healthz_answers_ok_after_asking_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert any("SELECT 1" in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_healthz_sets_no_cookies_and_is_not_cached(client):
    response = client.get("/healthz")
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


class UnreachableDatabase:
    def cursor(self):
        raise OperationalError("database is down")


@pytest.mark.django_db
def test_healthz_fails_when_the_database_is_down(client, monkeypatch):
    client.raise_request_exception = False
    monkeypatch.setattr("connectapp.views.connection", UnreachableDatabase())
    assert client.get("/healthz").status_code == 500
