"""The safety plan: a kind of worksheet in the family, with people to call or
text at one tap, and the crisis lines of the member's own state."""

import io
import json
import uuid
from urllib.parse import quote

import pypdf
import pytest
from django.urls import reverse

from worksheets.forms import SafetyPlanForm
from worksheets.models import DEFAULT_HELP_MESSAGE, SafetyPlan, Share, UnsavedEdit, Worksheet
from worksheets.pdf import safetyplan_pdf

from ..factories import (
    make_clinician,
    make_relationship,
    make_safety_plan,
    make_share,
    make_support_line,
)

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("worksheets:safetyplan-create")


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def plan_post(**extra) -> dict:
    data = {
        "title": "My safety plan",
        "warning_signs": "I stop answering messages\nI sleep all day",
        "coping": "A hot shower",
        "distractions": "The library",
        "helpers-0-name": "Aunt May",
        "helpers-0-phone": "(555) 010-1234",
        "helpers-0-message": "Can you call me tonight?",
        "helpers-1-name": "",
        "helpers-1-phone": "",
        "helpers-1-message": "",
        "professionals-0-name": "988 Suicide & Crisis Lifeline",
        "professionals-0-phone": "988",
        "environment": "Ask Sam to keep my pills",
        "reasons": "My dog, Biscuit",
        "token": str(uuid.uuid4()),
    }
    data.update(extra)
    return data


@pytest.fixture
def plan(member):
    return make_safety_plan(
        member,
        warning_signs="I stop answering messages",
        reasons="My dog, Biscuit",
        helpers=[{"name": "Aunt May", "phone": "+1 555 010 1234", "message": "Call me?"}],
        professionals=[{"name": "Dr. Reyes", "phone": "555-010-9999"}],
    )


def test_a_new_plan_starts_with_988_and_the_members_own_state_lines(member, member_client):
    member.home_state = "OR"
    member.save(update_fields=["home_state"])
    make_support_line(name="Oregon Crisis Line", region="OR", phone="1-555-010-2222")
    make_support_line(name="Washington Line", region="WA")
    make_support_line(name="Oregon Unpublished", region="OR", status="needs_checking")

    html = member_client.get(CREATE_URL).content.decode()

    assert 'value="988"' in html
    assert 'value="Oregon Crisis Line"' in html
    assert "Washington Line" not in html
    assert "Oregon Unpublished" not in html


def test_without_a_home_state_a_new_plan_starts_with_988_alone(member_client):
    make_support_line(name="Oregon Crisis Line", region="OR")
    html = member_client.get(CREATE_URL).content.decode()
    assert 'value="988"' in html
    assert "Oregon Crisis Line" not in html


def test_the_member_picks_helpers_from_their_relationships(member, member_client):
    make_relationship(member, name="Sam")
    html = member_client.get(CREATE_URL).content.decode()
    assert '<datalist id="relationship-names">' in html
    assert '<option value="Sam">' in html
    assert 'list="relationship-names"' in html


def test_saving_a_plan_keeps_each_helper_and_drops_empty_lines(member, member_client):
    response = member_client.post(CREATE_URL, plan_post())

    plan = SafetyPlan.objects.get(owner=member)
    assert response["Location"] == plan.get_absolute_url()
    assert plan.helpers == [
        {"name": "Aunt May", "phone": "(555) 010-1234", "message": "Can you call me tonight?"}
    ]
    assert plan.professionals == [{"name": "988 Suicide & Crisis Lifeline", "phone": "988"}]
    assert plan.warning_signs.splitlines() == ["I stop answering messages", "I sleep all day"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"helpers-0-phone": "call me"}, "enter the phone number in digits"),
        ({"helpers-0-phone": "1-2"}, "enter the phone number in digits"),
        ({"helpers-0-name": ""}, "please add a name for (555) 010-1234"),
        ({"helpers-0-name": "x" * 81}, "keep the name to 80 characters"),
        ({"helpers-0-message": "x" * 501}, "keep the message to 500 characters"),
    ],
)
def test_a_bad_helper_is_explained_and_nothing_is_saved(member_client, fields, message):
    response = member_client.post(CREATE_URL, plan_post(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SafetyPlan.objects.exists()


def test_the_form_ignores_rows_past_the_limit():
    data = {"title": "Mine"} | {f"helpers-{i}-name": f"P{i}" for i in range(40)}
    data |= {f"helpers-{i}-phone": "555" for i in range(40)}
    form = SafetyPlanForm(data)
    assert form.is_valid(), form.errors
    assert len(form.cleaned_data["helpers"]) == 20


def test_every_number_calls_or_texts_at_once(member_client, plan):
    html = member_client.get(plan.get_absolute_url()).content.decode()

    assert 'href="tel:+15550101234"' in html
    assert f'href="sms:+15550101234?body={quote("Call me?")}"' in html
    assert 'href="tel:5550109999"' in html
    assert 'href="sms:5550109999' not in html  # a professional's office: call only
    assert 'href="tel:988"' in html
    assert "I stop answering messages" in html
    assert "My dog, Biscuit" in html


def test_a_helper_without_a_message_gets_a_ready_one(member):
    plan = make_safety_plan(member, helpers=[{"name": "Jo", "phone": "555-0100"}])
    (contact,) = plan.contacts(plan.helpers)
    assert contact.sms_href == f"sms:5550100?body={quote(str(DEFAULT_HELP_MESSAGE))}"


def test_the_owner_can_keep_the_plan_on_this_device_off_by_default(member_client, plan):
    html = member_client.get(plan.get_absolute_url()).content.decode()
    print_url = reverse("worksheets:safetyplan-print", args=[plan.pk])
    assert f'data-keep-urls="{plan.get_absolute_url()} {print_url}"' in html
    assert "Keep my safety plan on this device" in html
    assert 'id="keep-on-device" aria-describedby' in html
    assert "checked" not in html.split('id="keep-on-device"')[1].split(">")[0]
    assert "shared or borrowed phone" in html


def test_a_clinician_reading_a_shared_plan_is_not_offered_to_keep_it(member, plan):
    from django.test import Client

    from ..conftest import sign_in

    clinician = make_clinician()
    make_share(member, clinician, safetyplans=[plan])
    html = sign_in(Client(), clinician).get(plan.get_absolute_url()).content.decode()
    assert "My dog, Biscuit" in html
    assert "data-keep-on-device" not in html


def test_print_view_holds_the_plan(member_client, plan):
    response = member_client.get(reverse("worksheets:safetyplan-print", args=[plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aunt May" in html
    assert "+1 555 010 1234" in html
    assert "My dog, Biscuit" in html
    assert "site-header" not in html


def test_the_pdf_holds_the_plans_text(member_client, plan):
    response = member_client.get(reverse("worksheets:safetyplan-pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="safety-plan-' in response["Content-Disposition"]
    text = pdf_text(response.content)
    for words in (
        "My warning signs",
        "I stop answering messages",
        "Aunt May: +1 555 010 1234",
        "Call me?",
        "Dr. Reyes",
        "My dog, Biscuit",
        "988",
    ):
        assert words in text


def test_the_pdf_of_an_empty_plan_still_lists_every_step(member):
    text = pdf_text(safetyplan_pdf(SafetyPlan.objects.create(owner=member)))
    assert "Making my surroundings safer" in text
    assert "What matters most to me" in text


def test_a_save_over_a_newer_version_is_kept_not_lost(member_client, plan):
    edit_url = reverse("worksheets:safetyplan-edit", args=[plan.pk])
    stale = plan_post(version=str(plan.version), reasons="First tab")
    member_client.post(edit_url, plan_post(version=str(plan.version), reasons="Second tab"))
    response = member_client.post(edit_url, stale)

    unsaved = UnsavedEdit.objects.get()
    assert response["Location"] == reverse("worksheets:unsaved-edit", args=[unsaved.pk])
    plan.refresh_from_db()
    assert plan.reasons == "Second tab"
    assert unsaved.data["reasons"] == "First tab"
    page = member_client.get(response["Location"]).content.decode()
    assert "First tab" in page
    assert "Aunt May" in page


def test_the_member_can_share_the_plan_with_a_clinician(member, member_client, clinician, plan):
    member_client.post(
        reverse("worksheets:share-start"), {"code": clinician.clinician_profile.share_code}
    )
    choose = member_client.get(reverse("worksheets:share-choose")).content.decode()
    assert 'name="safety-plans"' in choose
    member_client.post(
        reverse("worksheets:share-confirm"),
        {"safety-plans": [plan.pk], "expiry": "30", "token": str(uuid.uuid4())},
    )
    assert Share.objects.get().covered() == [plan]


def test_the_data_download_holds_the_plan(member_client, plan):
    from tests.factories import PASSWORD

    member_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    data = json.loads(member_client.get(reverse("accounts:data-download")).content)
    (exported,) = data["worksheets"]["safety_plans"]
    assert exported["reasons"] == "My dog, Biscuit"
    assert exported["helpers"] == [
        {"name": "Aunt May", "phone": "+1 555 010 1234", "message": "Call me?"}
    ]
    assert exported["professionals"] == [{"name": "Dr. Reyes", "phone": "555-010-9999"}]


def test_deleting_the_account_deletes_the_plan(member, member_client, plan):
    from tests.factories import PASSWORD

    member_client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = member_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not SafetyPlan.objects.exists()
    assert not Worksheet.objects.exists()


def test_deleting_the_plan_asks_first_then_removes_it(member_client, plan):
    url = reverse("worksheets:safetyplan-delete", args=[plan.pk])
    assert "Delete this safety plan?" in member_client.get(url).content.decode()
    member_client.post(url)
    assert not SafetyPlan.objects.exists()
