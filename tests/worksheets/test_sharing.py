"""Sharing by the member: choosing, consenting, the Sharing page, changing
what a share covers, stopping it, and expiry."""

import re
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts import services as account_services
from tests.tasks import run_ready_tasks
from worksheets.models import Share
from worksheets.views.sharing import CODE_GONE

from ..conftest import sign_in
from ..factories import make_clinician, make_relationship, make_share, make_statement

pytestmark = pytest.mark.django_db

CHOOSE_URL = reverse("worksheets:share-choose")
CONFIRM_URL = reverse("worksheets:share-confirm")
SHARING_URL = reverse("worksheets:sharing")


def detail_url(worksheet) -> str:
    name = "statement" if hasattr(worksheet, "title") else "relationship"
    return reverse(f"worksheets:{name}-detail", args=[worksheet.pk])


@pytest.fixture
def started(member_client, clinician):
    """A member who has entered the clinician's code."""
    member_client.post(
        reverse("worksheets:share-start"), {"code": clinician.clinician_profile.share_code}
    )
    return member_client


def choice(*, statements=(), relationships=(), expiry="30", token=None) -> dict:
    return {
        "statements": [s.pk for s in statements],
        "relationships": [r.pk for r in relationships],
        "expiry": expiry,
        "token": str(token or uuid.uuid4()),
    }


def test_the_consent_screen_names_the_clinician_and_lists_exactly_what_and_until_when(
    started, clinician, member, statement
):
    other = make_statement(member, title="For my boss")
    with time_machine.travel(timezone.now(), tick=False):
        response = started.post(CHOOSE_URL, choice(statements=[statement], expiry="30"))
        until = timezone.localtime(timezone.now() + timedelta(days=30))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Check and confirm" in page
    assert clinician.display_name in page
    assert clinician.clinician_profile.profession in page
    assert "For my sister" in page
    assert "For my boss" not in page
    assert f"Until {date_format(until, 'DATE_FORMAT')}" in page
    assert "They cannot change or delete anything." in page
    assert other.title not in page
    assert not Share.objects.exists()


def test_until_stopped_says_so_on_the_consent_screen(started, statement):
    page = started.post(CHOOSE_URL, choice(statements=[statement], expiry="never"))
    assert "Until you stop sharing." in page.content.decode()


def test_change_my_choices_goes_back_with_the_choices_kept(started, statement, relationship):
    data = {**choice(relationships=[relationship]), "change": "1"}
    response = started.post(CHOOSE_URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose what to share" in page
    assert re.search(rf'name="relationships" value="{relationship.pk}"[^>]*checked', page)
    assert not re.search(rf'name="statements" value="{statement.pk}"[^>]*checked', page)
    assert not Share.objects.exists()


def test_confirming_shares_once_even_when_sent_twice(
    started, member, clinician, statement, relationship, mailoutbox
):
    data = choice(statements=[statement], relationships=[relationship], expiry="90")
    first = started.post(CONFIRM_URL, data)
    second = started.post(CONFIRM_URL, data)

    assert first["Location"] == second["Location"] == SHARING_URL
    share = Share.objects.get()
    assert share.owner == member
    assert share.clinician == clinician
    assert share.covered() == [statement, relationship]
    assert share.clinician_name == f"{clinician.display_name}, Psychologist"
    assert timedelta(days=89) < share.expires_at - timezone.now() <= timedelta(days=90)
    run_ready_tasks()
    assert len(mailoutbox) == 1


def test_the_choices_name_each_worksheet_by_its_title(started, statement, relationship):
    page = started.get(CHOOSE_URL).content.decode()
    for worksheet in (statement, relationship):
        name, pk, title = worksheet.kind_info.plural, worksheet.pk, worksheet.display_title
        pattern = rf'name="{name}" value="{pk}"[^>]*>\s*<label[^>]*>\s*{title}\s*</label>'
        assert re.search(pattern, page)


def test_a_member_with_statements_but_no_relationships_shares_them(started, statement):
    page = started.get(CHOOSE_URL).content.decode()
    assert "Needs statements" in page
    assert 'name="relationships"' not in page

    started.post(CONFIRM_URL, choice(statements=[statement]))

    assert Share.objects.get().covered() == [statement]


def test_choosing_nothing_is_refused_with_a_message(started, statement):
    response = started.post(CONFIRM_URL, choice())
    assert response.status_code == 400
    assert "Please check at least one worksheet" in response.content.decode()
    assert not Share.objects.exists()


def test_a_member_cannot_share_someone_elses_worksheet(started, other_member):
    theirs = make_statement(other_member, title="Not yours")
    response = started.post(CONFIRM_URL, choice(statements=[theirs]))
    assert response.status_code == 400
    assert not Share.objects.exists()


def test_an_unknown_expiry_is_refused(started, statement):
    response = started.post(CONFIRM_URL, choice(statements=[statement], expiry="forever"))
    assert response.status_code == 400
    assert not Share.objects.exists()


def test_without_a_code_the_later_steps_send_the_member_back(member_client, statement):
    for response in (
        member_client.get(CHOOSE_URL),
        member_client.post(CONFIRM_URL, choice(statements=[statement])),
    ):
        assert response["Location"] == reverse("worksheets:share-start")
    assert not Share.objects.exists()


def test_a_code_replaced_during_the_steps_stops_the_share(started, clinician, statement):
    account_services.share_code_regenerate(profile=clinician.clinician_profile)

    response = started.post(CONFIRM_URL, choice(statements=[statement]), follow=True)

    assert str(CODE_GONE) in response.content.decode()
    assert not Share.objects.exists()


def test_a_member_with_no_worksheets_is_told_to_write_one_first(started):
    page = started.get(CHOOSE_URL).content.decode()
    assert "You have no worksheets to share yet." in page


def test_the_sharing_page_lists_current_and_past_shares(member, member_client, statement):
    current = make_clinician(display_name="Dr. Now")
    past = make_clinician(display_name="Dr. Then")
    make_share(
        member,
        current,
        statements=[statement],
        clinician_name="Dr. Now, Psychologist",
        expires_at=timezone.now() + timedelta(days=10),
    )
    ended = make_share(member, past, statements=[statement], clinician_name="Dr. Then, Nurse")
    ended.ended_at = timezone.now()
    ended.end_reason = Share.EndReason.STOPPED
    ended.save()

    page = member_client.get(SHARING_URL).content.decode()
    now_part, past_part = page.split("Sharing that has ended")
    assert "Dr. Now, Psychologist" in now_part
    assert "For my sister" in now_part
    assert "Since " in now_part
    assert "until " in now_part
    assert "Dr. Then, Nurse" in past_part
    assert "you stopped sharing" in past_part


def test_stopping_needs_a_confirmation_and_works_on_the_clinicians_next_request(
    member_client, clinician_client, share, statement, relationship
):
    assert clinician_client.get(detail_url(statement)).status_code == 200
    stop_url = reverse("worksheets:share-stop", args=[share.pk])

    confirm = member_client.get(stop_url)
    assert "Yes, stop sharing" in confirm.content.decode()
    share.refresh_from_db()
    assert share.is_active

    response = member_client.post(stop_url)

    assert response["Location"] == SHARING_URL
    share.refresh_from_db()
    assert not share.is_active
    assert share.end_reason == Share.EndReason.STOPPED
    for worksheet in (statement, relationship):
        assert clinician_client.get(detail_url(worksheet)).status_code == 404
    dashboard = clinician_client.get(reverse("clinician:dashboard")).content.decode()
    assert "For my sister" not in dashboard


def test_stopping_twice_changes_nothing_more(member_client, share, mailoutbox):
    stop_url = reverse("worksheets:share-stop", args=[share.pk])
    member_client.post(stop_url)
    ended_at = Share.objects.get().ended_at
    run_ready_tasks()
    mails = len(mailoutbox)

    response = member_client.post(stop_url)
    run_ready_tasks()

    assert response["Location"] == SHARING_URL
    assert Share.objects.get().ended_at == ended_at
    assert len(mailoutbox) == mails


def test_the_member_adds_and_removes_worksheets_from_a_share(
    member, member_client, clinician_client, share, statement, relationship
):
    added = make_relationship(member, name="Kit")
    url = reverse("worksheets:share-detail", args=[share.pk])

    response = member_client.post(url, {"relationships": [relationship.pk, added.pk]})

    assert response.status_code == 302
    assert clinician_client.get(detail_url(statement)).status_code == 404
    assert clinician_client.get(detail_url(relationship)).status_code == 200
    assert clinician_client.get(detail_url(added)).status_code == 200


def test_a_share_cannot_be_emptied_instead_of_stopped(
    member_client, share, statement, relationship
):
    response = member_client.post(reverse("worksheets:share-detail", args=[share.pk]), {})
    assert response.status_code == 400
    assert share.covered() == [statement, relationship]


def test_an_ended_share_cannot_be_changed(member, member_client, share, statement, relationship):
    Share.objects.filter(pk=share.pk).update(ended_at=timezone.now())
    other = make_relationship(member, name="Kit")

    member_client.post(
        reverse("worksheets:share-detail", args=[share.pk]), {"relationships": [other.pk]}
    )

    assert share.covered() == [statement, relationship]


def test_an_expired_share_shows_nothing_and_is_listed_as_ended(member, clinician, share, statement):
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        clinician_client = sign_in(Client(), clinician)
        assert clinician_client.get(detail_url(statement)).status_code == 404
        dashboard = clinician_client.get(reverse("clinician:dashboard")).content.decode()
        assert "For my sister" not in dashboard
        sharing = sign_in(Client(), member).get(SHARING_URL).content.decode()
    assert "the time you chose ran out" in sharing.split("Sharing that has ended")[1]


def test_a_share_lasts_until_its_last_moment(clinician, share, statement):
    with time_machine.travel(share.expires_at - timedelta(seconds=1)):
        assert sign_in(Client(), clinician).get(detail_url(statement)).status_code == 200
    with time_machine.travel(share.expires_at):
        assert sign_in(Client(), clinician).get(detail_url(statement)).status_code == 404


def test_a_share_covers_only_its_own_worksheets(member, clinician_client, share):
    unshared = make_statement(member, title="Private")
    assert clinician_client.get(detail_url(unshared)).status_code == 404


def test_another_clinician_sees_nothing_of_a_share(share, statement):
    stranger = sign_in(Client(), make_clinician())
    assert stranger.get(detail_url(statement)).status_code == 404
