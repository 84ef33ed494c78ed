import pytest
from django.core.management import call_command
from django.utils import timezone

from helplines.crisis import LIFELINE_988
from helplines.models import SupportLine
from helplines.starter import STARTER_LINES


@pytest.mark.django_db
def test_load_starter_helplines_is_idempotent(capsys):
    call_command("load_starter_helplines")
    count = SupportLine.objects.count()
    assert count == len(STARTER_LINES)
    call_command("load_starter_helplines")
    assert SupportLine.objects.count() == count
    assert "0 added" in capsys.readouterr().out


@pytest.mark.django_db
def test_load_starter_helplines_keeps_admin_edits():
    call_command("load_starter_helplines")
    SupportLine.objects.filter(slug="nami-helpline").update(name="Edited by an admin")
    SupportLine.objects.filter(slug="crisis-text-line").update(is_active=False)
    call_command("load_starter_helplines")
    assert SupportLine.objects.get(slug="nami-helpline").name == "Edited by an admin"
    assert not SupportLine.objects.get(slug="crisis-text-line").is_active


@pytest.mark.django_db
def test_starter_988_line_agrees_with_the_footer():
    call_command("load_starter_helplines")
    line = SupportLine.objects.get(slug="988-lifeline")
    assert line.name == LIFELINE_988.name
    assert line.phone == LIFELINE_988.phone
    assert line.text_number == LIFELINE_988.text
    assert line.source_url == LIFELINE_988.source_url
    assert line.verified_on == LIFELINE_988.verified_on
    assert line.kind == SupportLine.Kind.CRISIS
    assert line.open_24_7


@pytest.mark.django_db
def test_every_starter_line_has_a_source_and_a_check_date():
    call_command("load_starter_helplines")
    for line in SupportLine.objects.all():
        assert line.source_url.startswith("https://"), line.slug
        assert line.verified_on <= timezone.localdate(), line.slug
        assert line.phone or line.text_number or line.chat_url, line.slug
        assert line.is_active


@pytest.mark.django_db
def test_starter_directory_covers_the_lines_the_guide_names():
    call_command("load_starter_helplines")
    names = set(SupportLine.objects.values_list("name", flat=True))
    assert {
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
        "SAMHSA's National Helpline",
        "NAMI HelpLine",
        "Veterans Crisis Line",
    } <= names
