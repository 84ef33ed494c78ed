"""Activities in Spanish: counted phrases, localized dates, and the reminder
email in the member's own language."""

import pytest
from django.urls import reverse

from activities.models import ReminderSettings
from activities.reminders import reminder_message
from tests.factories import make_activity, make_member, make_plan

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_count_is_worded_for_one_and_many(client):
    make_activity(setting="home", effort="low")
    make_activity(setting="home", effort="high")
    url = reverse("activities:list")
    one = {"setting": "home", "effort": "low"}
    assert "1 activity matches your choices" in client.get(url, one).content.decode()
    html = client.get(url, one, **SPANISH).content.decode()
    assert "1 actividad coincide con lo que elegiste" in html
    html = client.get(url, {"setting": "home"}, **SPANISH).content.decode()
    assert "2 actividades coinciden con lo que elegiste" in html


@pytest.mark.parametrize(
    ("language", "subject", "line"),
    [
        ("es", "Un recordatorio amable de Connect", "Si al final hoy no es el día, está bien."),
        ("", "A gentle reminder from Connect", "If today turns out not to be the day"),
    ],
)
def test_the_reminder_email_is_in_the_members_language(language, subject, line):
    member = make_member()
    member.language = language
    member.save(update_fields=["language"])
    plan = make_plan(owner=member)
    prefs = ReminderSettings.objects.create(owner=member, enabled=True)
    message = reminder_message(plan, prefs)
    assert subject in message.subject
    assert line in message.body
