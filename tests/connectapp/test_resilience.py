"""A dropped database connection heals on the next request (CONN_HEALTH_CHECKS).

Only a networked database can drop a connection, so these tests run on
PostgreSQL (the second pass of .ci/run) and are left out on SQLite.
"""

import psycopg2
import pytest
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test import RequestFactory


def get(app, path: str) -> int:
    status = {}

    def start_response(value, headers):
        status["code"] = int(value.split()[0])

    environ = RequestFactory().get(path).environ
    b"".join(app(environ, start_response))
    return status["code"]


def drop_connection() -> None:
    """End the app's open connection from the server side, as a database
    restart or failover would."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    with psycopg2.connect(**params) as other, other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [connection.connection.get_backend_pid()])


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_dropped_database_connection_heals_on_the_next_request(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    app = get_wsgi_application()
    assert get(app, "/healthz") == 200
    assert connection.connection is not None, "the connection should persist between requests"
    drop_connection()
    assert get(app, "/healthz") == 200
    assert get(app, "/") == 200
