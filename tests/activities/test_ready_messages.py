import html as html_lib
from urllib.parse import unquote

import pytest

from activities.models import sms_href
from tests.factories import make_activity

pytestmark = pytest.mark.django_db


def test_sms_href_opens_the_messaging_app_with_no_recipient_and_the_body_filled_in():
    assert sms_href("Hi") == "sms:?&body=Hi"


def test_sms_href_encodes_spaces_punctuation_and_newlines_so_nothing_is_lost():
    text = "Free for a call? 5 mins & a cuppa + chat\n100% — thanks, Jó!"
    href = sms_href(text)
    body = href.removeprefix("sms:?&body=")
    assert " " not in body and "+" not in body and "&" not in body and "\n" not in body
    assert "%20" in body and "%2B" in body and "%26" in body and "%0A" in body
    assert unquote(body) == text


@pytest.fixture
def texting():
    activity = make_activity(title="Send a text")
    activity.messages.create(text="Hi! How are you?", order=0)
    activity.messages.create(text="Thinking of you.", order=1)
    return activity


def test_detail_offers_each_message_as_an_sms_link(client, texting):
    page = client.get(texting.get_absolute_url()).content.decode()
    assert 'href="sms:?&amp;body=Hi%21%20How%20are%20you%3F"' in page
    assert 'href="sms:?&amp;body=Thinking%20of%20you."' in page
    assert "Copy the text" in page
    assert "js/ready-messages.js" in page


def test_an_edited_message_comes_back_as_an_sms_link_with_the_members_words(client, texting):
    response = client.post(
        texting.get_absolute_url(), {"message": "1", "text": "Fancy a walk on Sunday?"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="sms:?&amp;body=Fancy%20a%20walk%20on%20Sunday%3F"' in page
    assert "Fancy a walk on Sunday?</textarea>" in page
    assert 'href="sms:?&amp;body=Hi%21%20How%20are%20you%3F"' in page


def test_an_edited_message_is_escaped_in_the_page(client, texting):
    text = '<script>alert("x")</script>'
    page = client.post(texting.get_absolute_url(), {"message": "0", "text": text}).content.decode()
    assert "<script>alert" not in page
    assert html_lib.escape(text) in page


@pytest.mark.parametrize(
    "data",
    [
        {"message": "0", "text": ""},
        {"message": "0", "text": "x" * 321},
        {"message": "-1", "text": "hi"},
        {"message": "zero", "text": "hi"},
        {},
    ],
)
def test_a_bad_edit_gets_a_message_and_keeps_the_original_texts(client, texting, data):
    response = client.post(texting.get_absolute_url(), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "That message couldn't be used." in page
    assert "Hi! How are you?" in page


def test_a_message_number_past_the_end_is_ignored(client, texting):
    response = client.post(texting.get_absolute_url(), {"message": "9", "text": "hi"})
    assert response.status_code == 200
    assert "body=hi" not in response.content.decode()


def test_activities_without_messages_have_no_message_section(client):
    page = client.get(make_activity().get_absolute_url()).content.decode()
    assert "Ready-to-send messages" not in page
    assert "ready-messages.js" not in page
