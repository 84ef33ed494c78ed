"""Pages keep a constant number of queries however much data a member or a
clinician has: measured at two sizes of the bench data set, with an empty
cache, so the page is built rather than served from a cached fragment."""

import random

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from accounts.models import User
from activities.models import Activity
from connectapp.management.commands.load_bench_data import (
    CLINICIAN_EMAIL,
    MEMBER_EMAIL,
    Command,
)
from tests.conftest import sign_in
from tests.factories import make_kind, make_member

pytestmark = pytest.mark.usefixtures("db", "memory_cache")


def _queries(client, url: str, django_assert_max_num_queries, limit: int) -> int:
    client.get(url)  # the first request refreshes the session
    cache.clear()  # count the queries of building the page, not of a cached copy
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(*, logs: int = 0, clients: int = 0) -> None:
    command = Command()
    if logs:
        member = User.objects.get(email=MEMBER_EMAIL)
        command.load_logs(random.Random(1), member, list(Activity.objects.all()), logs)
    if clients:
        command.load_clients(User.objects.get(email=CLINICIAN_EMAIL), clients, first=10_000)


@pytest.mark.parametrize(
    "url", ["/activities/my/", "/activities/my/progress/", "/worksheets/", "/activities/"]
)
def test_a_member_with_2000_mood_logs_costs_no_more_queries(
    client, django_assert_max_num_queries, url
):
    call_command("load_bench_data", activities=40, logs=20, clients=2, stdout=None)
    sign_in(client, User.objects.get(email=MEMBER_EMAIL))
    small = _queries(client, url, django_assert_max_num_queries, 12)
    _grow(logs=1980)
    large = _queries(client, url, django_assert_max_num_queries, 12)
    assert small == large


def test_a_clinician_with_300_clients_costs_no_more_queries(client, django_assert_max_num_queries):
    call_command("load_bench_data", activities=10, logs=5, clients=3, stdout=None)
    sign_in(client, User.objects.get(email=CLINICIAN_EMAIL))
    small = _queries(client, "/clinician/", django_assert_max_num_queries, 14)
    _grow(clients=297)
    large = _queries(client, "/clinician/", django_assert_max_num_queries, 14)
    assert small == large
    html = client.get("/clinician/").content.decode()
    assert "Page 1 of 16" in html  # 300 clients and the bench member
    assert html.count("Sharing since") == 20
    assert client.get("/clinician/?page=16").content.decode().count("Sharing since") == 1


def test_the_bench_data_refuses_a_database_with_real_accounts(db):
    make_member()
    with pytest.raises(CommandError):
        call_command("load_bench_data", activities=1, logs=1, clients=1)
    assert not Activity.objects.exists()


def test_bench_data_tags_its_activities_when_the_catalog_has_tags():
    make_kind(slug="bench-tag", name="Bench tag")
    call_command("load_bench_data", activities=5, logs=1, clients=1, stdout=None)
    tagged = Activity.objects.filter(kinds__slug="bench-tag").count()
    assert tagged == 5


@pytest.mark.parametrize(
    ("page", "shown"),
    [
        ("", "Page 1 of 2"),
        ("2", "Page 2 of 2"),
        ("3", "Page 2 of 2"),
        ("x", "Page 1 of 2"),
        ("0", "Page 2 of 2"),
        ("99999999999999999999", "Page 2 of 2"),
        ("²", "Page 1 of 2"),
    ],
)
def test_the_dashboard_answers_any_page_number_as_django_pages_do(client, page, shown):
    call_command("load_bench_data", activities=5, logs=1, clients=24, stdout=None)
    sign_in(client, User.objects.get(email=CLINICIAN_EMAIL))
    response = client.get("/clinician/", {"page": page})
    assert response.status_code == 200
    assert shown in response.content.decode()
