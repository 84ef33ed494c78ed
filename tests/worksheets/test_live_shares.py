"""One definition of a live share (`Share.objects.active()`), and at most one
unended share per member and clinician."""

import uuid
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from worksheets import services
from worksheets.models import Share

from ..factories import make_share
from .test_sharing import CONFIRM_URL, choice

pytestmark = pytest.mark.django_db


def _sharing_now(client) -> str:
    page = client.get(reverse("worksheets:sharing")).content.decode()
    return page.split('id="active-heading"')[1].split("</section>")[0]


def test_a_deactivated_clinicians_share_is_not_listed_as_current(member_client, clinician, share):
    assert clinician.display_name in _sharing_now(member_client)
    clinician.is_active = False
    clinician.save()

    assert not Share.objects.get(pk=share.pk).is_active
    assert clinician.display_name not in _sharing_now(member_client)
    page = member_client.get(reverse("worksheets:share-detail", args=[share.pk]))
    assert "Ended: the clinician's account has closed." in page.content.decode()


def test_the_property_and_the_queryset_agree(member, clinician, statement):
    live = make_share(member, clinician, statements=[statement])
    expired = make_share(
        member, clinician, statements=[statement], ended_at=timezone.now() - timedelta(days=1)
    )
    for share in (live, expired):
        annotated = Share.objects.with_liveness().get(pk=share.pk)
        assert (
            share.is_active
            == annotated.is_active
            == Share.objects.active().filter(pk=share.pk).exists()
        )
    assert live.is_active and not expired.is_active


def test_a_second_share_with_the_same_clinician_is_refused(member, clinician, share, statement):
    with pytest.raises(services.ShareExists) as refused:
        services.share_create(
            owner=member,
            clinician=clinician,
            worksheets=[statement],
            expiry="30",
            token=uuid.uuid4(),
        )
    assert refused.value.share == share
    assert Share.objects.count() == 1


def test_the_database_refuses_two_unended_shares_with_one_clinician(member, clinician, share):
    with pytest.raises(IntegrityError), transaction.atomic():
        Share.objects.create(owner=member, clinician=clinician, clinician_name="Dr. Lee")


def test_a_second_tab_confirming_lands_on_the_existing_share(
    member_client, clinician, share, statement
):
    session = member_client.session
    session["connect_share_code"] = clinician.clinician_profile.share_code
    session.save()
    response = member_client.post(CONFIRM_URL, choice(statements=[statement]))
    assert response["Location"] == reverse("worksheets:share-detail", args=[share.pk])
    assert Share.objects.count() == 1


def test_an_expired_share_does_not_block_sharing_again(member, clinician, statement):
    old = make_share(
        member, clinician, statements=[statement], expires_at=timezone.now() - timedelta(days=1)
    )
    new = services.share_create(
        owner=member, clinician=clinician, worksheets=[statement], expiry="30", token=uuid.uuid4()
    )
    old.refresh_from_db()
    assert new.is_active
    assert (old.ended_at, old.end_reason) == (old.expires_at, Share.EndReason.EXPIRED)
