"""Hypothesis drives every sharing and clinician form through its view: no
input may cause a 5xx, and what anyone wrote is always shown escaped."""

import uuid

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from activities.models import Recommendation
from worksheets.models import Comment

from ..conftest import sign_in
from ..factories import make_activity, make_member
from .test_fuzz import ESCAPED_MARKER, MARKER, assert_safe, fuzz, text

pk_like = st.one_of(st.integers(-5, 10**6).map(str), st.text(max_size=8))


@fuzz
@given(code=text)
def test_share_code_entry_survives_any_text(member_client, code):
    cache.clear()  # keep the rate limit out of the way
    response = member_client.post(reverse("worksheets:share-start"), {"code": code})
    assert_safe(response)
    assert response.status_code == 400
    assert ESCAPED_MARKER in response.content.decode()


@fuzz
@given(
    statements=st.lists(pk_like, max_size=3),
    relationships=st.lists(pk_like, max_size=3),
    expiry=st.text(max_size=6) | st.sampled_from(["30", "90", "never"]),
    token=st.text(max_size=40),
)
def test_choosing_and_confirming_survive_any_values(
    member_client, clinician, statement, statements, relationships, expiry, token
):
    member_client.post(
        reverse("worksheets:share-start"), {"code": clinician.clinician_profile.share_code}
    )
    data = {
        "statements": [*statements, str(statement.pk)],
        "relationships": relationships,
        "expiry": expiry,
        "token": token,
    }
    for name in ("worksheets:share-choose", "worksheets:share-confirm"):
        assert_safe(member_client.post(reverse(name), data))
    cache.clear()


@fuzz
@given(statements=st.lists(pk_like, max_size=3), relationships=st.lists(pk_like, max_size=3))
def test_changing_a_share_survives_any_values(member_client, share, statements, relationships):
    response = member_client.post(
        reverse("worksheets:share-detail", args=[share.pk]),
        {"statements": statements, "relationships": relationships},
    )
    assert_safe(response)


@fuzz
@given(body=text)
def test_a_clinicians_comment_survives_any_text_and_shows_escaped(
    clinician_client, member_client, share, statement, body
):
    url = reverse("worksheets:statement-comment", args=[statement.pk])
    response = clinician_client.post(url, {"text": body, "token": str(uuid.uuid4())})
    assert_safe(response)
    if response.status_code == 302:
        for client in (clinician_client, member_client):
            html = client.get(reverse("worksheets:statement-detail", args=[statement.pk]))
            assert MARKER not in html.content.decode()
            assert ESCAPED_MARKER in html.content.decode()
    Comment.objects.all().delete()


@fuzz
@given(body=text, clinician_pk=pk_like)
def test_a_members_reply_survives_any_values(
    member_client, share, statement, clinician, body, clinician_pk
):
    url = reverse("worksheets:statement-comment", args=[statement.pk])
    for pk in (clinician_pk, str(clinician.pk)):
        response = member_client.post(
            url, {"text": body, "clinician": pk, "token": str(uuid.uuid4())}
        )
        assert_safe(response)


@fuzz
@given(profession=text, number=st.text(max_size=80), region=text, practice=text)
def test_a_clinician_application_survives_any_text(db, profession, number, region, practice):
    applicant = sign_in(Client(), make_member(totp=True))
    response = applicant.post(
        reverse("accounts:clinician"),
        {
            "profession": profession,
            "licence_number": number,
            "licence_region": region,
            "practice_name": practice,
        },
    )
    assert_safe(response)
    page = applicant.get(reverse("accounts:clinician")).content.decode()
    assert MARKER not in page


@fuzz
@given(activity=pk_like)
def test_a_recommendation_survives_any_value(clinician_client, share, activity):
    published = make_activity()
    for value in (activity, str(published.pk)):
        response = clinician_client.post(
            reverse("clinician:recommend", args=[share.pk]), {"activity": value}
        )
        assert_safe(response)
    assert Recommendation.objects.filter(activity=published).count() == 1
