import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from connectapp.lib.states import STATES
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
    SupportLine.objects.filter(slug="crisis-text-line").update(status="closed")
    SupportLine.objects.filter(slug="utah-warm-line").update(status="published")
    SupportLine.objects.filter(slug="upliftwi-warmline").delete()
    call_command("load_starter_helplines")
    assert SupportLine.objects.get(slug="nami-helpline").name == "Edited by an admin"
    assert SupportLine.objects.get(slug="crisis-text-line").status == "closed"
    assert SupportLine.objects.get(slug="utah-warm-line").status == "published"
    # A deleted starter line comes back as it was: closed.
    assert SupportLine.objects.get(slug="upliftwi-warmline").status == "closed"


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
        assert line.source_kind, line.slug
        assert line.verified_on <= timezone.localdate(), line.slug
        assert line.phone or line.text_number or line.chat_url, line.slug


@pytest.mark.django_db
def test_every_published_starter_line_rests_on_a_dated_first_hand_source():
    call_command("load_starter_helplines")
    published = SupportLine.objects.published()
    assert published.exists()
    for line in published:
        assert line.source_kind in {"operator", "government", "news"}, line.slug
        assert line.source_date and line.source_date <= timezone.localdate(), line.slug
        assert "Not yet confirmed" not in line.description, line.slug


@pytest.mark.django_db
def test_leads_found_only_in_third_party_lists_are_never_published():
    call_command("load_starter_helplines")
    third_party = SupportLine.objects.filter(source_kind="third_party")
    assert third_party.count() >= 20
    assert not third_party.filter(status="published").exists()


@pytest.mark.django_db
def test_closed_lines_are_kept_but_closed():
    call_command("load_starter_helplines")
    upliftwi = SupportLine.objects.get(slug="upliftwi-warmline")
    assert upliftwi.status == "closed"


@pytest.mark.django_db
def test_at_least_fifteen_states_have_a_published_warmline_of_their_own(client):
    call_command("load_starter_helplines")
    with_own = set()
    for code in STATES:
        data = client.get(reverse("helplines_api:lines"), {"state": code}).json()
        assert data["state"]["code"] == code
        if any(line["section"] == "own_state" for line in data["lines"]):
            with_own.add(code)
        # Every state reaches at least one warmline: its own, or one open to all.
        warmline_sections = {"own_state", "neighbours", "nationwide"}
        assert any(line["section"] in warmline_sections for line in data["lines"]), code
        for line in data["lines"]:
            assert line["source_url"] and line["source_date"], line["slug"]
    assert len(with_own) >= 15, sorted(with_own)


@pytest.mark.django_db
def test_the_line_open_to_callers_anywhere_reaches_every_other_state():
    call_command("load_starter_helplines")
    sqsh = SupportLine.objects.get(slug="sqsh-peer-support-line")
    assert sqsh.is_published and sqsh.who_may_call == "anywhere"


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
