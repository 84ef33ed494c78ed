"""Links for someone the member trusts: one worksheet, read-only, for a named
person without an account. Only a hash of the token is kept; the link stops
the instant it expires or is stopped; opens are listed by time only; wrong
tokens are rate-limited and get the same 404 as stopped and expired ones."""

import hashlib
import re
import uuid
from datetime import timedelta
from urllib.parse import unquote

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from connectapp import services as account_services
from worksheets import registry, services
from worksheets.models import TrustedLink, TrustedLinkOpen
from worksheets.views.trusted import trusted_links_for

from ..factories import make_relationship, make_safety_plan, make_statement

SECRET_TEXT = "Mornings are the hardest part."


@pytest.fixture
def statement(member):
    return make_statement(member, title="For my sister", experience=SECRET_TEXT)


def make_link(member, statement, *, days=7, recipient="My sister"):
    return services.trusted_link_create(
        owner=member,
        worksheet=statement,
        recipient=recipient,
        duration_days=days,
        token=uuid.uuid4(),
    )


def view_url(token: str) -> str:
    return reverse("worksheets:trusted-view", args=[token])


def create(client, statement, **data):
    return client.post(
        reverse("worksheets:trusted-create"),
        {
            "worksheet": str(statement.worksheet_id),
            "recipient": "My sister",
            "duration": "30",
            "token": str(uuid.uuid4()),
            **data,
        },
    )


def test_the_member_makes_a_link_and_sees_it_once_with_ready_to_send_texts(
    member_client, statement
):
    response = create(member_client, statement)

    assert response.status_code == 200
    html = response.content.decode()
    url = re.search(r'value="(http://testserver/worksheets/link/[^"]+/)"', html).group(1)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = TrustedLink.objects.get()
    # At least 128 bits of randomness (32 bytes, URL-safe base64), and only its hash kept.
    assert len(token) >= 43
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(TrustedLink.objects.values().get())
    assert timedelta(days=29) < link.expires_at - timezone.now() <= timedelta(days=30)
    sms = re.search(r'href="(sms:\?body=[^"]+)"', html).group(1)
    mailto = re.search(r'href="(mailto:\?subject=[^"]+)"', html).group(1)
    assert url in unquote(sms)
    assert url in unquote(mailto.replace("&amp;", "&"))
    assert "no-referrer" in response["Referrer-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_sending_the_form_twice_makes_one_link(member_client, statement):
    token = str(uuid.uuid4())
    create(member_client, statement, token=token)
    response = create(member_client, statement, token=token)

    assert TrustedLink.objects.count() == 1
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "worksheets:trusted-detail", args=[TrustedLink.objects.get().pk]
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"recipient": "   "}, "Please say who the link is for."),
        ({"duration": "90"}, "Select a valid choice."),
        ({"worksheet": "999999"}, "Please choose one of your own worksheets"),
    ],
)
def test_bad_input_gets_a_clear_message_and_makes_nothing(member_client, statement, data, message):
    response = create(member_client, statement, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TrustedLink.objects.exists()


def test_only_kinds_that_opt_in_can_be_shared_by_link(member, member_client, statement):
    relationship = make_relationship(member, name="Jo")
    assert [kind.key for kind in registry.trusted_link_kinds()] == ["statement", "safetyplan"]

    response = create(member_client, relationship)

    assert response.status_code == 400
    assert not TrustedLink.objects.exists()
    with pytest.raises(ValueError):
        make_link(member, relationship)


def test_another_members_worksheet_cannot_be_chosen(other_member_client, statement):
    response = create(other_member_client, statement)
    assert response.status_code == 400
    assert not TrustedLink.objects.exists()


def test_the_page_shows_that_worksheet_only_in_its_current_version(member, statement):
    make_statement(member, title="Another statement", experience="Not in the link.")
    _, token = make_link(member, statement)
    statement.experience = "Evenings are easier now."
    statement.save()

    response = Client().get(view_url(token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Evenings are easier now." in html
    assert SECRET_TEXT not in html
    assert "Not in the link." not in html
    assert "For my sister" in html
    # Nothing of the member's: no navigation, no links into their account.
    assert member.email not in html
    assert 'href="/worksheets/' not in html
    assert 'href="/accounts/' not in html


def test_a_safety_plan_can_be_shared_by_link_with_its_call_and_text_buttons(member):
    plan = make_safety_plan(
        member,
        reasons="My cat, and the sea in June.",
        helpers=[{"name": "Ana", "phone": "555-0100", "message": "Can you call me?"}],
    )
    _, token = make_link(member, plan)

    html = Client().get(view_url(token)).content.decode()

    assert "My cat, and the sea in June." in html
    assert 'href="tel:' in html
    assert 'href="sms:' in html
    assert 'href="/worksheets/' not in html
    assert 'href="/accounts/' not in html


def test_the_page_is_private_never_cached_indexed_or_referred(member, statement):
    _, token = make_link(member, statement)

    response = Client().get(view_url(token))

    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow, noarchive">' in html
    assert '<meta name="referrer" content="no-referrer">' in html
    assert (
        "nonce-" in response["Content-Security-Policy"]
        or "script-src" in (response["Content-Security-Policy"])
    )


def _missing(client, token):
    response = client.get(view_url(token))
    assert response.status_code == 404
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    return response.content.decode()


def test_a_wrong_stopped_or_expired_link_gives_the_same_calm_404(member, statement):
    _, stopped = make_link(member, statement)
    services.trusted_link_stop(link=TrustedLink.objects.get())
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        _, expired = make_link(member, statement)

    tokens = ["x" * 43, stopped, expired]
    pages = {
        # The same page, but for the nonce, the CSRF token and the page's own
        # address in the language switcher.
        re.sub(r'(nonce|value)="[^"]*"', "", _missing(Client(), token)).replace(token, "")
        for token in tokens
    }

    assert len(pages) == 1
    page = pages.pop()
    assert "This link does not open anything" in page
    assert SECRET_TEXT not in page
    assert not TrustedLinkOpen.objects.exists()


def test_a_link_stops_at_the_instant_it_expires(member, statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        link, token = make_link(member, statement, days=7)
    assert link.expires_at == start + timedelta(days=7)

    with time_machine.travel(link.expires_at - timedelta(microseconds=1), tick=False):
        assert Client().get(view_url(token)).status_code == 200
    with time_machine.travel(link.expires_at, tick=False):
        _missing(Client(), token)


def test_a_link_stops_at_once_when_the_member_stops_it(member, member_client, statement):
    link, token = make_link(member, statement)
    visitor = Client()
    assert visitor.get(view_url(token)).status_code == 200
    stop_url = reverse("worksheets:trusted-stop", args=[link.pk])
    assert "Stop the link for My sister?" in member_client.get(stop_url).content.decode()

    response = member_client.post(stop_url)

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.ended_at is not None
    _missing(visitor, token)
    # Stopping again changes nothing.
    ended_at = link.ended_at
    member_client.post(stop_url)
    link.refresh_from_db()
    assert link.ended_at == ended_at


def test_a_lost_link_is_replaced_by_a_new_one_and_the_old_stops(member, member_client, statement):
    link, old_token = make_link(member, statement, days=30)

    response = member_client.post(
        reverse("worksheets:trusted-replace", args=[link.pk]), {"token": str(uuid.uuid4())}
    )

    assert response.status_code == 200
    new = TrustedLink.objects.exclude(pk=link.pk).get()
    assert (new.recipient, new.duration_days, new.worksheet_id) == (
        "My sister",
        30,
        statement.worksheet_id,
    )
    new_url = re.search(
        r'value="http://testserver(/worksheets/link/[^"]+/)"', response.content.decode()
    )
    assert Client().get(new_url.group(1)).status_code == 200
    _missing(Client(), old_token)


def test_each_open_is_listed_by_time_only(member, member_client, statement):
    link, token = make_link(member, statement)
    opened = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    with time_machine.travel(opened, tick=False):
        Client().get(view_url(token), REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone 1.0")

    assert list(TrustedLinkOpen.objects.values_list("opened_at", flat=True)) == [opened]
    assert [field.name for field in TrustedLinkOpen._meta.concrete_fields] == [
        "id",
        "link",
        "opened_at",
    ]
    detail = member_client.get(reverse("worksheets:trusted-detail", args=[link.pk]))
    html = detail.content.decode()
    assert date_format(timezone.localtime(opened), "DATETIME_FORMAT") in html
    assert "203.0.113.9" not in html
    sharing = member_client.get(reverse("worksheets:sharing")).content.decode()
    assert "My sister" in sharing
    assert "Opened once" in sharing
    assert reverse("worksheets:trusted-stop", args=[link.pk]) in sharing


def test_the_sharing_page_lists_links_that_no_longer_open(member, member_client, statement):
    link, _ = make_link(member, statement, recipient="My brother")
    services.trusted_link_stop(link=link)

    html = member_client.get(reverse("worksheets:sharing")).content.decode()

    assert "Links that no longer open" in html
    assert "My brother" in html
    assert reverse("worksheets:trusted-stop", args=[link.pk]) not in html
    assert [link.pk] == [item.pk for item in trusted_links_for(member)]


def test_token_guessing_is_limited_per_address(settings, member, statement):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "trusted_link": "3/h/ip"}
    _, token = make_link(member, statement)
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    for number in range(3):
        assert guesser.get(view_url(f"guess{number:040d}")).status_code == 404

    # Now even the right token is refused from that address ...
    limited = guesser.get(view_url(token))
    assert limited.status_code == 429
    assert SECRET_TEXT not in limited.content.decode()
    assert "no-store" in limited["Cache-Control"]
    # ... while the person it was made for, elsewhere, still reads it.
    assert Client(REMOTE_ADDR="192.0.2.1").get(view_url(token)).status_code == 200


def test_opening_a_good_link_does_not_use_up_the_limit(settings, member, statement):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "trusted_link": "2/h/ip"}
    _, token = make_link(member, statement)
    reader = Client()
    for _ in range(5):
        assert reader.get(view_url(token)).status_code == 200


def test_the_link_limit_is_configured_per_address(settings):
    assert "/ip" in settings.ACCOUNT_RATE_LIMITS["trusted_link"]


def test_the_data_download_lists_links_without_their_tokens(member, statement):
    link, token = make_link(member, statement)
    services.trusted_link_record_open(link=link)

    data = account_services.account_export(user=member)

    (exported,) = data["worksheets"]["trusted_links"]
    assert exported["for"] == "My sister"
    assert exported["worksheet"] == "For my sister"
    assert len(exported["opened_at"]) == 1
    assert token not in repr(data)
    assert link.token_hash not in repr(data)


def test_deleting_the_account_or_the_worksheet_removes_the_links(member, statement):
    link, token = make_link(member, statement)
    services.trusted_link_record_open(link=link)
    other = make_statement(member, title="Second")
    make_link(member, other)

    other.delete()
    assert TrustedLink.objects.count() == 1

    account_services.account_delete(user=member)
    assert not TrustedLink.objects.exists()
    assert not TrustedLinkOpen.objects.exists()
    _missing(Client(), token)


def test_refused_links_never_write_the_token_to_the_logs(settings, member, statement, caplog):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "trusted_link": "1/h/ip"}
    _, token = make_link(member, statement)
    guesser = Client()
    guesser.get(view_url("g" * 43))

    assert guesser.get(view_url(token)).status_code == 429

    assert "g" * 43 not in caplog.text
    assert token not in caplog.text
    assert "trusted_link_rate_limited" in caplog.text


@pytest.mark.parametrize("value", ["²", "١٢", "-1", "99999999999999999999", "abc"])
def test_a_strange_worksheet_choice_in_the_address_is_ignored(member_client, value):
    response = member_client.get(reverse("worksheets:trusted-create"), {"worksheet": value})
    assert response.status_code == 200


def test_a_statement_page_offers_a_link_for_someone_you_trust(member, member_client, statement):
    html = member_client.get(statement.get_absolute_url()).content.decode()
    assert f"{reverse('worksheets:trusted-create')}?worksheet={statement.worksheet_id}" in html
    form = member_client.get(
        reverse("worksheets:trusted-create"), {"worksheet": statement.worksheet_id}
    ).content.decode()
    assert (
        f'name="worksheet" value="{statement.worksheet_id}"  id="id_worksheet_0" required checked'
        in form
    )
